"""The text scans every article pays for at ingest, each beside the plain way it replaced.

On the texts of bench/stories.py's stream (Timeline17, DUC, MEANTIME, ECB+), microseconds an
article, best of three passes:
- date cues of an undated article (`implied_dates`): the month-day and weekday scans by
  `str.find`, against their patterns (`_MONTH_DAY`, `_WEEKDAY`) run over the whole lower-cased
  text, the anchor they must equal (checked here, match for match);
- the cited-media constructions (`media._by_construction`, each pattern tried where its trigger
  word occurs), whose patterns open on a lookahead of their first letters, against the same
  patterns without it (same citations, checked).

Ends with one line of figures. `--smoke` reads 40 documents.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Iterable

from stories import stream_documents

from storyline.clean import implied_dates, media


def _us_each(function: Callable, items: Iterable) -> tuple[float, list]:
    """Best of three passes, microseconds an item, and the results of the last."""
    items = list(items)
    best, out = float("inf"), []
    for _ in range(3):
        start = time.perf_counter()
        out = [function(*item) for item in items]
        best = min(best, time.perf_counter() - start)
    return 1e6 * best / max(len(items), 1), out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    docs = stream_documents(40 if args.smoke else 10 ** 6)
    if not docs:
        print("scans: skipped (../shared/data not found; set STORYLINE_SHARED)")
        return 0
    texts = [body.decode("utf-8", errors="replace") for _, body in docs]
    lows = [(t.lower(),) for t in texts]

    def spans(matches: Iterable[re.Match[str]]) -> list:
        return [(m.span(), m.groupdict()) for m in matches]

    month_us, month = _us_each(lambda low: spans(implied_dates._month_day_matches(low)), lows)
    month_anchor_us, month_anchor = _us_each(lambda low: spans(implied_dates._MONTH_DAY.finditer(low)), lows)
    week_us, week = _us_each(implied_dates._weekday_matches, lows)
    days = implied_dates._WEEKDAYS
    week_anchor_us, week_anchor = _us_each(
        lambda low: [(m.start(), days.index(m.group())) for m in implied_dates._WEEKDAY.finditer(low)], lows)
    assert month == month_anchor and week == week_anchor, "the date scans must find what the patterns find"

    listed = media.load_media(None)
    by_text = [(t, listed) for t in texts]
    media_us, found = _us_each(media._by_construction, by_text)
    with_lookahead = media._CONSTRUCTIONS
    media._CONSTRUCTIONS = tuple((trigger, re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", regex.pattern)))
                                 for trigger, regex in with_lookahead)
    try:
        media_anchor_us, found_anchor = _us_each(media._by_construction, by_text)
    finally:
        media._CONSTRUCTIONS = with_lookahead
    assert found == found_anchor, "the lookaheads must not change what the constructions find"

    print(f"scans: month_day_us={month_us:.1f} month_day_pattern_us={month_anchor_us:.1f} "
          f"weekday_us={week_us:.1f} weekday_pattern_us={week_anchor_us:.1f} "
          f"media_us={media_us:.1f} media_no_lookahead_us={media_anchor_us:.1f} docs={len(texts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
