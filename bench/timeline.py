"""Story timelines on Timeline17 against two baselines of our own, side by side, same process.

Data: `../shared/data/timeline17/<topic_outlet>/` (13 of the 17 collections; `$STORYLINE_SHARED`
overrides `../shared`): `InputDocs/<YYYY-MM-DD>/<n>.htm.txt` (one tokenised sentence per line; the
folder is the publication date) and `timelines/*.txt` (journalist timelines: a date line, its
sentences, a dashed separator). Every document becomes an `Article` (text = its lines, published
= its folder) and goes through `storyline.timeline.build_timeline` as a story would.

Protocol of news-tls (Ghalandari & Ifrim, ACL 2020, `experiments/evaluate.py`): for each
reference timeline, only articles published between its first and last date are used; the
system gives as many dates as the reference has (T), each with round(mean sentences per
reference date) sentences, all within that range. Scores, averaged over timelines as news-tls
does (mean precision and mean recall, F1 of the means):
- date F1: predicted dates against reference dates, as sets;
- alignment-based ROUGE-1/2 F1, tilse's `align_date_content_costs_many_to_one` (Martschat &
  Markert 2017) re-implemented here: each predicted date is aligned (for precision), and each
  reference date (for recall), to the date of the other timeline with the least cost
  (1 - 1/(days apart + 1)) x (1 - approximate ROUGE-1 F1 of raw tokens); the n-gram hits of an
  aligned pair count 1/(days apart + 1). ROUGE counts follow ROUGE-1.5.5 as tilse calls it
  (`-m -s`): lower case, letters and digits, the SMART stop words removed (read from sumy's
  English list, which is that list), Porter stems (this project's `summarize_text.stem`) for
  words longer than three letters. Approximation, not the Perl script: scores may differ from
  tilse's in the third decimal.
Differences from the published setup, so the anchors are indicative: news-tls pools each
topic's outlets into one collection (9 topics, 19 timelines) and dates sentences with
HeidelTime; here each of the 13 outlet folders is its own collection with its one timeline.

Baselines, same data, same scorer: `datewise_lite` (days ranked by how many sentences mention
them through `storyline.timeline_dates`, each told by the sentences nearest the centroid of those
sentences) and `pubdate` (days ranked by how many articles were published on them, told by the
first sentences of those articles).

Settings may be tuned on the even topics (sorted names: 0, 2, 4, ...); the odd ones are reported
apart (`even_r1`, `odd_r1`, ...). `--set name=value` overrides a TimelineSettings field,
`--limit N` runs the first N topics (`--smoke`: one). About a minute of CPU, one core, for all three
methods on the 13 topics (3,500 documents read once and kept in memory).

Ends with one line: `timeline: r1=... r2=... date_f1=... pubdate_r1=... ... sec=...`.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import os
import pathlib
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = pathlib.Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data" / "timeline17"
PUBLISHED = ".120/.035/.544"
METHODS = ("ours", "datewise_lite", "pubdate")

Timeline = dict[date, list[str]]


@dataclass
class Doc:
    published: date
    source: str
    lines: list[str]


@dataclass
class Topic:
    name: str
    index: int = 0  # place among all topics sorted by name: even ones tune, odd ones are held out
    docs: list[Doc] = field(default_factory=list)
    timelines: list[Timeline] = field(default_factory=list)


def load_topic(path: pathlib.Path, index: int = 0) -> Topic:
    """A collection read once and kept in memory for every method."""
    topic = Topic(path.name, index)
    for day_dir in sorted((path / "InputDocs").iterdir()):
        when = date.fromisoformat(day_dir.name)
        for f in sorted(day_dir.iterdir(), key=lambda p: p.name):
            lines = [ln.strip() for ln in f.read_text(encoding="utf-8", errors="replace").splitlines()]
            topic.docs.append(Doc(when, f"{path.name}/{day_dir.name}/{f.name}", [ln for ln in lines if ln]))
    for f in sorted((path / "timelines").glob("*.txt")):
        topic.timelines.append(parse_timeline(f.read_text(encoding="utf-8", errors="replace")))
    return topic


def parse_timeline(text: str) -> Timeline:
    out: Timeline = {}
    current: date | None = None
    for line in text.splitlines():
        line = line.strip()
        if re.fullmatch(r"\d{4}-\d\d-\d\d", line):
            current = date.fromisoformat(line)
            out.setdefault(current, [])
        elif line.startswith("---"):
            current = None
        elif line and current is not None:
            out[current].append(line)
    return {d: s for d, s in out.items() if s}


# --- scoring ---------------------------------------------------------------------------------------

def _smart_stopwords() -> frozenset[str]:
    try:
        import sumy

        path = pathlib.Path(sumy.__file__).parent / "data" / "stopwords" / "english.txt"
        return frozenset(w.strip() for w in path.read_text(encoding="utf-8").split() if w.strip())
    except (ImportError, OSError):
        from storyline.summarize import _ENGLISH_STOP

        return _ENGLISH_STOP


_STOP = _smart_stopwords()


def rouge_tokens(text: str) -> list[str]:
    from storyline.summarize_text import stem

    toks = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    return [stem(t) if len(t) > 3 else t for t in toks if t not in _STOP]


def ngrams(sentences: list[str], n: int) -> Counter:
    toks = [t for s in sentences for t in rouge_tokens(s)]
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def raw_counts(sentences: list[str]) -> Counter:
    return Counter(t for s in sentences for t in s.split())


def rouge_approximation(p: Counter, r: Counter) -> float:
    """tilse's `compute_rouge_approximation`: ROUGE-1 F1 on raw whitespace tokens (counted once
    per date by `raw_counts`)."""
    match = sum(min(c, r[t]) for t, c in p.items())
    prec = match / sum(p.values()) if p else 0.0
    rec = match / sum(r.values()) if r else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def align_rouge(pred: Timeline, ref: Timeline) -> dict[str, tuple[float, float]]:
    """(precision, recall) of ROUGE-1 and ROUGE-2 under the many-to-one date-content alignment."""
    pdates, rdates = sorted(pred), sorted(ref)
    out = {}
    if not pdates or not rdates:
        return {"rouge_1": (0.0, 0.0), "rouge_2": (0.0, 0.0)}
    praw = {p: raw_counts(pred[p]) for p in pdates}
    rraw = {r: raw_counts(ref[r]) for r in rdates}
    cost = [[(1 - 1 / (abs((p - r).days) + 1)) * (1 - rouge_approximation(praw[p], rraw[r])) for r in rdates]
            for p in pdates]
    prec_pairs = [(i, min(range(len(rdates)), key=lambda j, i=i: cost[i][j])) for i in range(len(pdates))]
    rec_pairs = [(min(range(len(pdates)), key=lambda i, j=j: cost[i][j]), j) for j in range(len(rdates))]
    for n in (1, 2):
        pg = {p: ngrams(pred[p], n) for p in pdates}
        rg = {r: ngrams(ref[r], n) for r in rdates}

        def hits(i: int, j: int, n_pg=pg, n_rg=rg) -> float:
            p, r = pdates[i], rdates[j]
            h = sum(min(c, n_rg[r][g]) for g, c in n_pg[p].items())
            return h / (abs((p - r).days) + 1)

        pn = sum(hits(i, j) for i, j in prec_pairs)
        pd = sum(sum(pg[p].values()) for p in pdates)
        rn = sum(hits(i, j) for i, j in rec_pairs)
        rd = sum(sum(rg[r].values()) for r in rdates)
        out[f"rouge_{n}"] = (pn / pd if pd else 0.0, rn / rd if rd else 0.0)
    return out


def date_pr(pred: Timeline, ref: Timeline) -> tuple[float, float]:
    shared = len(set(pred) & set(ref))
    return (shared / len(pred) if pred else 0.0), shared / len(ref)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --- systems ---------------------------------------------------------------------------------------

def run_ours(docs: list[Doc], t: int, k: int, start: date, end: date, overrides: dict) -> Timeline:
    from storyline.model import Article
    from storyline.timeline import TimelineSettings, build_timeline

    settings = dataclasses.replace(TimelineSettings(**overrides), max_dates=t, sentences_per_date=k,
                                   start=start.isoformat(), end=end.isoformat())
    articles = [Article(d.source, None, "\n".join(d.lines), published=d.published.isoformat()) for d in docs]
    out: Timeline = defaultdict(list)
    for event in build_timeline(articles, settings=settings):
        out[date.fromisoformat(event.date)].append(event.text)
    return dict(out)


def run_datewise_lite(docs: list[Doc], t: int, k: int, start: date, end: date) -> Timeline:
    from storyline.timeline_dates import day_mentions

    by_day: dict[date, list[str]] = defaultdict(list)
    for d in docs:
        for line in d.lines:
            for when in day_mentions(line, d.published):
                if start <= when <= end:
                    by_day[when].append(line)
    ranked = sorted(by_day, key=lambda x: (-len(by_day[x]), x))[:t]
    return {day: _nearest_centroid(by_day[day], k) for day in ranked}


def run_pubdate(docs: list[Doc], t: int, k: int) -> Timeline:
    by_day: dict[date, list[Doc]] = defaultdict(list)
    for d in docs:
        by_day[d.published].append(d)
    ranked = sorted(by_day, key=lambda x: (-len(by_day[x]), x))[:t]
    return {day: [d.lines[0] for d in by_day[day] if d.lines][:k] for day in ranked}


def _nearest_centroid(sentences: list[str], k: int) -> list[str]:
    """Bag-of-words centroid of a day's sentences; the k unique sentences closest to it."""
    from storyline.summarize_text import words

    bags = [Counter(words(s)) for s in sentences]
    centroid: Counter = Counter()
    for b in bags:
        norm = math.sqrt(sum(v * v for v in b.values())) or 1.0
        for w, v in b.items():
            centroid[w] += v / norm

    def cos(b: Counter) -> float:
        norm = math.sqrt(sum(v * v for v in b.values())) or 1.0
        return sum(v * centroid[w] for w, v in b.items()) / norm

    ranked = sorted(range(len(sentences)), key=lambda i: -cos(bags[i]))
    out: list[str] = []
    for i in ranked:
        if sentences[i] not in out:
            out.append(sentences[i])
        if len(out) >= k:
            break
    return out


# --- driver ----------------------------------------------------------------------------------------

def evaluate(topics: list[Topic], overrides: dict, verbose: bool) -> dict[str, dict[str, list]]:
    """Per method, per timeline: (topic index, r1 p/r, r2 p/r, date p/r)."""
    results: dict[str, list] = {m: [] for m in METHODS}
    for topic in topics:
        ti = topic.index
        for ref in topic.timelines:
            rdates = sorted(ref)
            start, end = rdates[0], rdates[-1]
            docs = [d for d in topic.docs if start <= d.published <= end]
            t = len(rdates)
            k = round(sum(len(s) for s in ref.values()) / t)
            preds = {"ours": run_ours(docs, t, k, start, end, overrides),
                     "datewise_lite": run_datewise_lite(docs, t, k, start, end),
                     "pubdate": run_pubdate(docs, t, k)}
            for m, pred in preds.items():
                scores = align_rouge(pred, ref)
                row = (ti, scores["rouge_1"], scores["rouge_2"], date_pr(pred, ref))
                results[m].append(row)
                if verbose:
                    print(f"{topic.name:24s} {m:14s} T={t:3d} k={k} docs={len(docs):3d} "
                          f"r1={f1(*row[1]):.3f} r2={f1(*row[2]):.3f} date_f1={f1(*row[3]):.3f}", file=sys.stderr)
    return results


def average(rows: list) -> tuple[float, float, float]:
    """news-tls: mean precision and mean recall over timelines, F1 of the means."""
    if not rows:
        return 0.0, 0.0, 0.0
    out = []
    for col in (1, 2, 3):
        p = sum(r[col][0] for r in rows) / len(rows)
        rc = sum(r[col][1] for r in rows) / len(rows)
        out.append(f1(p, rc))
    return out[0], out[1], out[2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N topics only (smoke run)")
    ap.add_argument("--smoke", action="store_true", help="same as --limit 1")
    ap.add_argument("--half", choices=("even", "odd"), default=None, help="only the even (tuning) or odd topics")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override a TimelineSettings field")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"timeline: skipped, no data at {DATA}")
        return 0
    overrides: dict = {}
    for item in args.set:
        name, value = item.split("=", 1)
        overrides[name] = type(getattr(__import__("storyline.timeline", fromlist=["x"]).DEFAULT_SETTINGS,
                                       name))(value)
    began = time.time()
    names = list(enumerate(sorted(p.name for p in DATA.iterdir() if (p / "InputDocs").is_dir())))
    if args.half:
        names = names[(args.half == "odd")::2]
    if args.limit or args.smoke:
        names = names[: args.limit or 1]
    topics = [load_topic(DATA / n, i) for i, n in names]
    results = evaluate(topics, overrides, args.verbose)
    parts = []
    for m in METHODS:
        r1, r2, df = average(results[m])
        prefix = "" if m == "ours" else f"{m}_"
        parts.append(f"{prefix}r1={r1:.3f} {prefix}r2={r2:.3f} {prefix}date_f1={df:.3f}")
    for half, parity in (("even", 0), ("odd", 1)):
        r1, r2, df = average([r for r in results["ours"] if r[0] % 2 == parity])
        parts.append(f"{half}_r1={r1:.3f} {half}_r2={r2:.3f} {half}_date_f1={df:.3f}")
    n_tl = len(results["ours"])
    print(f"timeline: {' '.join(parts)} published_datewise={PUBLISHED} topics={len(topics)} timelines={n_tl} "
          f"sec={time.time() - began:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
