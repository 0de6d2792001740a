"""Benchmark the plain-text cleaner on the article-extraction benchmark's html-text dumps.

The 181 pages of `../shared/data/article-extraction-benchmark` as plain text with their menus,
footers, related links and comments left in (`output/html-text.json`), scored against the true
article bodies with the benchmark's own metric (4-gram shingles of `\\w+` tokens; precision and
recall averaged over pages, F1 from the averages), for:

- storyline: `storyline.clean.clean` on each dump, the whole extract path but file reading and
  JSON output (line classification, dateline, language id, cited media), also timed;
- uncleaned: the dump itself (what cleaning starts from);
- justext: justext on the same lines (one <p> per line, English stoplist), as an anchor.

The cleaner's few numeric weights were tuned by looking at the even-indexed pages (sorted ids);
the odd-indexed half is reported separately as the held-out figure.

Usage: python bench/plain.py [--smoke]     (--smoke: first 20 pages, for the test suite)
Data root: $STORYLINE_SHARED (default ../shared beside the repository); skipped when absent.
Last line: `plain: f1=... uncleaned_f1=... justext_f1=... docs=N docs_per_sec=N`.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bodymetric import prf, tp_fp_fn  # noqa: E402

from storyline.clean import clean  # noqa: E402
from storyline.model import RawDocument  # noqa: E402


def justext_body(text: str) -> str | None:
    try:
        import justext
    except ImportError:
        return None
    page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n")) + "</body></html>"
    paragraphs = justext.justext(page, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--smoke", action="store_true", help="only the first 20 pages")
    args = ap.parse_args()
    shared = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
    data = shared / "data" / "article-extraction-benchmark"
    if not (data / "ground-truth.json").exists():
        print(f"plain: skipped (no benchmark data at {data})")
        return 0
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    dumps = json.loads((data / "output" / "html-text.json").read_text(encoding="utf-8"))["output"]
    keys = sorted(truth)[: 20 if args.smoke else None]
    texts = {k: dumps.get(k, {}).get("articleBody") or "" for k in keys}

    clean(RawDocument(source="warm-up", content="Warm up the stoplists and language id.", kind="text"))
    t0 = time.perf_counter()
    ours = {k: clean(RawDocument(source=k, content=texts[k], kind="text")).text for k in keys}
    seconds = time.perf_counter() - t0
    theirs = {k: justext_body(texts[k]) for k in keys}

    rows = {k: tp_fp_fn(truth[k]["articleBody"], ours[k]) for k in keys}
    for name, part in (("even (tuned on)", keys[0::2]), ("odd (held out)", keys[1::2])):
        p, r, f = prf([rows[k] for k in part])
        print(f"  storyline {name:<16} precision={p:.3f} recall={r:.3f} f1={f:.3f} docs={len(part)}")
    p, r, f1 = prf(list(rows.values()))
    print(f"  storyline all              precision={p:.3f} recall={r:.3f} f1={f1:.3f}")
    raw_f1 = prf([tp_fp_fn(truth[k]["articleBody"], texts[k]) for k in keys])[2]
    if any(v is None for v in theirs.values()):
        jt = "nan"
    else:
        jt = f"{prf([tp_fp_fn(truth[k]['articleBody'], theirs[k] or '') for k in keys])[2]:.3f}"
    print(f"plain: f1={f1:.3f} uncleaned_f1={raw_f1:.3f} justext_f1={jt} docs={len(keys)} "
          f"docs_per_sec={len(keys) / seconds:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
