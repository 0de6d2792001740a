"""Publication dates read off plain-text pages: how many the cleaner dates, and how many right.

Timeline17 (`../shared/data/timeline17`) holds 3,558 news pages as text dumps, each in a folder
named after its day of publication. The dumps join a page's lines into sentences, so a page's
stamp is often run into its headline or first sentence ("GENEVA | Thu Jun 9 , 2011 12:59 pm EDT
GENEVA -LRB- Reuters -RRB- - An estimated ...", "... the slick Wednesday 5 May 2010 16.20 BST
Boats with ..."), and many pages print no stamp at all (BBC, the Washington Post). Per page, the
day `storyline.clean.clean` gives it (no date from outside the text) against the folder's day:
`exact`, `near` (a day off: time zones), `far` (more); `dated` = all three; `precision` =
(exact + near) / dated. A wrong day is worse than none: it files the page under another day in
stories, links and timelines.

Anchor, same run, same pages: htmldate (trafilatura's date finder) with its extensive search, on
each page as HTML paragraphs, one per line (`htmldate_*`). Without the extensive search it finds
nothing in text without markup.

Ends with one line of figures. `--smoke` reads the first 150 pages of two collections.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import html
import os
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = pathlib.Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data" / "timeline17"


def pages(smoke: bool) -> list[tuple[str, str, datetime.date]]:
    """(path, text, day of publication) of every Timeline17 page."""
    collections_ = sorted(p for p in DATA.iterdir() if (p / "InputDocs").is_dir())
    out = []
    for folder in collections_[:2] if smoke else collections_:
        files = sorted((folder / "InputDocs").glob("*/*.txt"))
        for f in files[:150] if smoke else files:
            day = datetime.date.fromisoformat(f.parent.name)
            out.append((str(f), f.read_text(encoding="utf-8", errors="replace"), day))
    return out


def grade(found: str | None, day: datetime.date) -> str:
    if not found:
        return "none"
    off = abs((datetime.date.fromisoformat(found[:10]) - day).days)
    return "exact" if off == 0 else "near" if off <= 1 else "far"


def storyline_date(path: str, text: str) -> str | None:
    from storyline.clean import clean
    from storyline.model import RawDocument

    return clean(RawDocument(source=path, content=text, kind="text")).published


def htmldate_date(text: str) -> str | None:
    from htmldate import find_date

    page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n")) + "</body></html>"
    return find_date(page, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")


def figures(prefix: str, counts: collections.Counter[str]) -> str:
    dated = counts["exact"] + counts["near"] + counts["far"]
    precision = (counts["exact"] + counts["near"]) / dated if dated else float("nan")
    return (f"{prefix}dated={dated} {prefix}exact={counts['exact']} {prefix}near={counts['near']} "
            f"{prefix}far={counts['far']} {prefix}precision={precision:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true", help="two collections, 150 pages each")
    args = ap.parse_args()
    if not DATA.exists():
        print("dates: skipped (no timeline17 data)")
        return 0
    docs = pages(args.smoke)
    ours: collections.Counter[str] = collections.Counter()
    per_collection: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    start = time.perf_counter()
    for path, text, day in docs:
        g = grade(storyline_date(path, text), day)
        ours[g] += 1
        per_collection[pathlib.Path(path).parts[-4]][g] += 1
    seconds = time.perf_counter() - start
    anchor: collections.Counter[str] = collections.Counter()
    for _, text, day in docs:
        anchor[grade(htmldate_date(text), day)] += 1
    for name, counts in sorted(per_collection.items()):
        print(f"  {name:22s} {figures('', counts)} pages={sum(counts.values())}")
    print(f"dates: {figures('', ours)} {figures('htmldate_', anchor)} docs={len(docs)} sec={seconds:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
