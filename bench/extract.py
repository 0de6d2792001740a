"""Benchmark the HTML extractor against plain trafilatura on the article-extraction benchmark.

Reads the 181 pages of `$STORYLINE_SHARED/data/article-extraction-benchmark` (default `../shared`
next to the repository), extracts each with `storyline.clean.html.extract_html` and, in the same
process on the same decoded pages, with plain `trafilatura.bare_extraction` (metadata on, as the
old placeholder ran it) as the anchor. Scores body F1 exactly as `../shared/eval/extract.py` does
(4-gram shingles of \\w+ tokens, per-page tp/fp/fn normalised, P and R averaged, F1 of the means),
reimplemented here so the repository does not import from ../shared.

Usage: python bench/extract.py [--smoke] [--half even|odd] [--worst N] [--repeat N]
  --smoke    first 15 pages only (the test suite runs this)
  --half     score only the pages whose index in the sorted id list is even / odd
  --worst N  print the N pages where we lose most F1, with trafilatura's figure beside
  --repeat N time each page as the best of N runs (default 3; speed is single-threaded, one core)
The last line is always: extract: f1=... trafilatura_f1=... docs=N pages_per_sec=... trafilatura_pages_per_sec=...
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time
from collections.abc import Callable

import trafilatura

from storyline.clean.html import extract_html
from storyline.ingest.decode import decode, read_file_bytes

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bodymetric import Row, prf, tp_fp_fn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def page_f1(row: Row) -> float:
    tp, fp, fn = row
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def plain_trafilatura(html: str, url: str | None) -> str:
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_precision=False)
    return (doc.text or "") if doc else ""


def timed(fn: Callable[[str], str], pages: dict[str, str], repeat: int) -> tuple[dict[str, str], float]:
    """Outputs and total seconds, each page timed as the best of `repeat` runs: on a shared
    machine that drops the bursts other processes cause, for us and the anchor alike."""
    out: dict[str, str] = {}
    total = 0.0
    for key, html in pages.items():
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            out[key] = fn(html)
            best = min(best, time.perf_counter() - t0)
        total += best
    return out, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smoke", action="store_true", help="first 15 pages only")
    ap.add_argument("--half", choices=("even", "odd"), help="only the even / odd pages of the sorted ids")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages that lose most F1")
    ap.add_argument("--repeat", type=int, default=3, help="time each page as the best of N runs (default 3)")
    args = ap.parse_args()

    shared = os.environ.get("STORYLINE_SHARED") or os.path.join(os.path.dirname(ROOT), "shared")
    bench = os.path.join(shared, "data", "article-extraction-benchmark")
    if not os.path.exists(os.path.join(bench, "ground-truth.json")):
        print(f"extract: skipped (no article-extraction benchmark under {shared}; set STORYLINE_SHARED)")
        return 0
    with open(os.path.join(bench, "ground-truth.json"), encoding="utf-8") as fh:
        truth = {k: v["articleBody"] for k, v in json.load(fh).items()}
    files = sorted(glob.glob(os.path.join(bench, "html", "*.html.gz")))
    if args.half:
        files = files[0 if args.half == "even" else 1 :: 2]
    if args.smoke:
        files = files[:15]
    pages: dict[str, str] = {}
    for path in files:
        key = os.path.basename(path).split(".")[0]
        if key in truth:
            pages[key] = decode(read_file_bytes(path, 15_000_000), path, html=True)

    ours, sec = timed(lambda h: extract_html(h).text, pages, args.repeat)
    theirs, tsec = timed(lambda h: plain_trafilatura(h, None), pages, args.repeat)
    rows = {k: tp_fp_fn(truth[k], ours[k]) for k in pages}
    trows = {k: tp_fp_fn(truth[k], theirs[k]) for k in pages}
    p, r, f1 = prf(list(rows.values()))
    tp_, tr_, tf1 = prf(list(trows.values()))
    if args.worst:
        losses = sorted(pages, key=lambda k: page_f1(rows[k]) - 1)
        for k in losses[: args.worst]:
            print(f"  {k[:12]}  f1={page_f1(rows[k]):.3f}  trafilatura={page_f1(trows[k]):.3f}")
    print(f"  storyline    precision={p:.3f} recall={r:.3f}", file=sys.stderr)
    print(f"  trafilatura  precision={tp_:.3f} recall={tr_:.3f}", file=sys.stderr)
    print(
        f"extract: f1={f1:.3f} trafilatura_f1={tf1:.3f} docs={len(pages)} "
        f"pages_per_sec={len(pages) / sec:.0f} trafilatura_pages_per_sec={len(pages) / tsec:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
