"""Benchmark cross-script name matching on translit-en-ru (Wikidata name tokens, Latin / Cyrillic).

For every Cyrillic token, all 26 k Latin tokens of the file are candidates; top-1 is right when the
token's own Latin partner scores above every other candidate (a tie with the best other counts as
half; `*_ties_right` counts them as right, as a first-found `extractOne` may). Two rankers on the
same data in the same run:

- baseline: transliterate with four iuliia schemes (WIKIPEDIA, BGN_PCGN, YANDEX_MAPS, TELEGRAM),
  score each candidate by its best normalised Levenshtein similarity over the four (MODELS.md:
  0.765 with cyrtranslit among the four; cyrtranslit is not installed here). Exact: candidates
  whose length alone rules them out are skipped by the length bound, which changes nothing.
- storyline: `names.skeleton` of the query's `names.latin_variants` (the Wikipedia transliteration
  and the readings of a Russian transcription of a foreign name: Japanese si/shi, э as "a",
  initial у as "w", -ей as "-i"; best over them) against the candidates' skeletons (and, for
  candidates with č, š, ž, ñ..., the skeleton of the sound spelt out: Bijedić = Biyedich) (0.85), plus the
  plain Levenshtein similarity of the Wikipedia transliteration (0.15) on the 30 best skeletons;
  candidates blocked to skeletons within 3 letters of the query's (part of the method: an index
  would block the same way; a partner outside the block is a miss).

The skeleton's rules, the readings, the weights and the block were chosen from linguistics and a
look at errors in the even-numbered rows (mostly the first 3,000-8,000); the odd-numbered rows are
the held-out half (`odd=`).

Usage: python bench/names.py [--limit N]     (--limit: first N rows only, for the smoke test)
Data root: $STORYLINE_SHARED (default ../shared beside the repository); skipped when absent.
Last line: `names: top1=... baseline_top1=... even=... odd=... baseline_even=... baseline_odd=...
 top1_ties_right=... baseline_top1_ties_right=... pairs=N ranker_cpu_sec=N cpu_sec=N sec=N`
(CPU seconds of this process, all threads: steadier than the wall clock on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import process  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from storyline.entities.names import latin_variants, skeleton  # noqa: E402

BASELINE_SCHEMES = ("WIKIPEDIA", "BGN_PCGN", "YANDEX_MAPS", "TELEGRAM")
SKELETON_WEIGHT = 0.85
BLOCK = 3
SHORTLIST = 30
WORKERS = 2


def load(path: Path, limit: int | None) -> tuple[list[str], list[str]]:
    latin, cyrillic = [], []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            latin.append(parts[0].lower())
            cyrillic.append(parts[1].replace(" ", ""))
            if limit and len(latin) >= limit:
                break
    return latin, cyrillic


def _sim(queries: list[str], cands: list[str]) -> np.ndarray:
    return process.cdist(queries, cands, scorer=Levenshtein.normalized_similarity, dtype=np.float32,
                         workers=WORKERS)


def baseline_scores(cyrillic: list[str], cands: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(gold score, best score of any other candidate) per query, best over the four schemes."""
    import iuliia

    n = len(cyrillic)
    gold = np.full(n, -1.0, dtype=np.float32)
    other = np.full(n, -1.0, dtype=np.float32)
    by_len: dict[int, list[int]] = defaultdict(list)
    for j, c in enumerate(cands):
        by_len[len(c)].append(j)
    lengths = sorted(by_len)
    for name in BASELINE_SCHEMES:
        scheme = getattr(iuliia, name)
        queries = [scheme.translate(c).lower() for c in cyrillic]
        gold = np.maximum(gold, np.array([Levenshtein.normalized_similarity(q, cands[i])
                                          for i, q in enumerate(queries)], dtype=np.float32))
        groups: dict[int, list[int]] = defaultdict(list)
        for i, q in enumerate(queries):
            groups[len(q)].append(i)
        for lq, qidx in groups.items():
            # Nearest lengths first, so the bound prunes the far ones for most queries.
            for lc in sorted(lengths, key=lambda x: abs(x - lq)):
                bound = min(lq, lc) / max(lq, lc, 1)
                live = [i for i in qidx if other[i] <= bound]
                if not live:
                    continue
                cidx = by_len[lc]
                m = _sim([queries[i] for i in live], [cands[j] for j in cidx])
                _mask_gold(m, live, cidx)
                np.maximum.at(other, live, m.max(axis=1))
    return gold, other


def storyline_scores(cyrillic: list[str], cands: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(gold score, best other score) per query for the skeleton ranker, blocked by skeleton length.

    A query's skeleton score is its best over `latin_variants` (the Wikipedia transliteration and
    the foreign-name readings of a Russian transcription); the plain Levenshtein term uses the
    Wikipedia transliteration only."""
    variants = [[v.lower() for v in latin_variants(c)] for c in cyrillic]
    queries = [v[0] for v in variants]
    qsk = [[skeleton(v) for v in vs] for vs in variants]
    csk = [skeleton(c) for c in cands]
    # Candidates with č, š, ž, ñ... also carry the skeleton that spells the sound out.
    alt = {j: skeleton(v[1]) for j, c in enumerate(cands) if len(v := latin_variants(c)) > 1}
    depth = max((len(v) for v in variants), default=1)

    def skeleton_score(qi: list[int], cj: list[int]) -> np.ndarray:
        cand_sk = [csk[j] for j in cj]
        sk = _sim([qsk[i][0] for i in qi], cand_sk)
        for k in range(1, depth):
            rows = [r for r, i in enumerate(qi) if len(qsk[i]) > k]
            if rows:
                sk[rows] = np.maximum(sk[rows], _sim([qsk[qi[r]][k] for r in rows], cand_sk))
        cols = [c for c, j in enumerate(cj) if j in alt]
        if cols:
            for k in range(depth):
                rows = [r for r, i in enumerate(qi) if len(qsk[i]) > k]
                if rows:
                    sub = _sim([qsk[qi[r]][k] for r in rows], [alt[cj[c]] for c in cols])
                    sk[np.ix_(rows, cols)] = np.maximum(sk[np.ix_(rows, cols)], sub)
        return sk

    def score(i: int, j: int, sk: float) -> float:
        return SKELETON_WEIGHT * sk + (1 - SKELETON_WEIGHT) * Levenshtein.normalized_similarity(queries[i], cands[j])

    n = len(cyrillic)
    # A partner outside the query's block is never seen by the ranker: a miss.
    gold = np.array([score(i, i, float(skeleton_score([i], [i])[0, 0])) if abs(len(qsk[i][0]) - len(csk[i])) <= BLOCK
                     else -2.0 for i in range(n)], dtype=np.float32)
    other = np.full(n, -1.0, dtype=np.float32)
    by_len: dict[int, list[int]] = defaultdict(list)
    for j, s in enumerate(csk):
        by_len[len(s)].append(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(qsk):
        groups[len(s[0])].append(i)
    for lq, qidx in groups.items():
        cidx = [j for lc in range(lq - BLOCK, lq + BLOCK + 1) for j in by_len.get(lc, [])]
        if not cidx:
            continue
        for start in range(0, len(qidx), 2000):
            chunk = qidx[start:start + 2000]
            m = skeleton_score(chunk, cidx)
            _mask_gold(m, chunk, cidx)
            # Rerank the best skeletons with the plain term (weight 0.15: nothing further down can win).
            k = min(SHORTLIST, m.shape[1])
            top = np.argpartition(-m, k - 1, axis=1)[:, :k]
            for r, i in enumerate(chunk):
                other[i] = max(score(i, cidx[c], float(m[r, c])) if m[r, c] >= 0 else -1.0 for c in top[r])
    return gold, other


def _mask_gold(m: np.ndarray, rows: list[int], cols: list[int]) -> None:
    """A query's own partner is not an 'other' candidate (queries and candidates share indices)."""
    pos = {j: k for k, j in enumerate(cols)}
    for r, i in enumerate(rows):
        k = pos.get(i)
        if k is not None:
            m[r, k] = -1.0


def top1(gold: np.ndarray, other: np.ndarray, rows: slice | None = None, ties: float = 0.5) -> float:
    """Share of queries whose partner ranks first; a tie with the best other counts `ties`."""
    g, o = (gold, other) if rows is None else (gold[rows], other[rows])
    if not len(g):
        return float("nan")
    return float((g > o).mean() + ties * (g == o).mean())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N rows (queries and candidates)")
    ap.add_argument("--smoke", action="store_true", help="same as --limit 1500")
    args = ap.parse_args()
    limit = 1500 if args.smoke and not args.limit else args.limit
    shared = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
    path = shared / "data" / "translit-en-ru" / "pairs.tsv"
    if not path.exists():
        print(f"names: skipped (no data at {path})")
        return 0
    t0, c0 = time.perf_counter(), time.process_time()
    cands, cyrillic = load(path, limit)
    ours_g, ours_o = storyline_scores(cyrillic, cands)
    t_ours, c_ours = time.perf_counter() - t0, time.process_time() - c0
    base_g, base_o = baseline_scores(cyrillic, cands)
    sec = time.perf_counter() - t0
    even, odd = slice(0, None, 2), slice(1, None, 2)
    print(f"storyline ranker: {t_ours:.1f} s ({c_ours:.1f} s CPU) for {len(cands)} queries against {len(cands)} "
          "candidates")
    print(f"names: top1={top1(ours_g, ours_o):.3f} baseline_top1={top1(base_g, base_o):.3f} "
          f"even={top1(ours_g, ours_o, even):.3f} odd={top1(ours_g, ours_o, odd):.3f} "
          f"baseline_even={top1(base_g, base_o, even):.3f} baseline_odd={top1(base_g, base_o, odd):.3f} "
          f"top1_ties_right={top1(ours_g, ours_o, ties=1.0):.3f} "
          f"baseline_top1_ties_right={top1(base_g, base_o, ties=1.0):.3f} "
          f"pairs={len(cands)} ranker_cpu_sec={c_ours:.0f} cpu_sec={time.process_time() - c0:.0f} sec={sec:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
