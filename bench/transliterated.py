"""Benchmark finding a story's Latin-script persons in Chinese and Arabic pages (`entities.transliterated`).

Gold without annotation: a Chinese or Arabic news page often prints a foreign name in its own script
with the Latin name after it in brackets ("国务卿迈克·蓬佩奥（Mike Pompeo）"). Each such person (a
name written with a middle dot, or two Arabic words, before a bracketed Latin name of two to four
words) of the SemEval-2022 Task 8 pages is a gold mention: the bracketed Latin is blanked out (the
offsets kept), and the page is searched for the page's gold names among distractors, as a story
whose Latin sources name them would search it. The distractors, `--distractors` of them a page
(40: a story's cast with some to spare), are the gold names of other pages and capitalised word
pairs of the English pages (the names and the slips a tagger would hand over), drawn with a fixed
seed. Scored per gold mention: found when a mention of its surname covers the surname's span;
and per match: right when it names one of the page's own gold persons (a gold name matched
outside the bracketed spans counts as right: pages print their people more than once), wrong
otherwise.

Anchor in the same run: romanise and fuzzy-match, the plain way (anyascii's romanisation of each
run of Chinese characters or Arabic word, against each name's surname by rapidfuzz's ratio), its
threshold picked on the answers (the best F1 of found and precision over 50..95): an upper bound
for that method.

Pages are numbered as they come in the file; the checks were read against the misses of the even
pages (`--misses`), the odd ones are held out (`odd_*`).

Usage: python bench/transliterated.py [--distractors N] [--limit N] [--misses] [--smoke]
Data root: $STORYLINE_SHARED (default ../shared beside the repository); skipped when absent.
Last line: `transliterated: found=... precision=... wrong_per_page=... even_found=... odd_found=...
 even_precision=... odd_precision=... fuzzy_found=...
 fuzzy_precision=... fuzzy_threshold=N gold=N pages=N sec=N`
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
PAIRS = SHARED / "data" / "semeval2022-task8-pairs" / "pairs.csv"

_LATIN = r"[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){1,3}"
_BRACKETED = {
    "zh": re.compile(rf"((?:[\u4e00-\u9fff]{{1,6}}·)+[\u4e00-\u9fff]{{1,6}})\s*[（(]\s*({_LATIN})\s*[)）]"),
    "ar": re.compile(rf"([\u0621-\u064A]{{2,}} [\u0621-\u064A]{{2,}})\s*[(（]\s*({_LATIN})\s*[)）]"),
}
_RUN = {"zh": re.compile(r"[\u4e00-\u9fff]{2,6}"), "ar": re.compile(r"[\u0621-\u064A]{3,}")}


def pages(limit: int | None) -> dict[str, list[tuple[str, str]]]:
    """Texts by language (zh, ar, en), each page once."""
    csv.field_size_limit(10**9)
    seen: set[str] = set()
    out: dict[str, list[tuple[str, str]]] = {"zh": [], "ar": [], "en": []}
    with open(PAIRS, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for side, pid in zip((1, 2), row["pair_id"].split("_"), strict=True):
                lang = row[f"lang{side}"]
                if lang in out and (lang, pid) not in seen:
                    seen.add((lang, pid))
                    out[lang].append((pid, row[f"text{side}"]))
    if limit:
        out = {k: v[:limit] for k, v in out.items()}
    return out


def gold_pages(texts: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str, str, list[tuple[int, int, str]]]]:
    """(id, language, text with the bracketed Latin blanked, [(start, end, Latin name)] of each
    gold surname span)."""
    out = []
    for lang in ("zh", "ar"):
        for pid, text in texts[lang]:
            spans, blanked = [], text
            for m in _BRACKETED[lang].finditer(text):
                printed, name = m.group(1), m.group(2)
                last = re.split(r"[·\s]", printed)[-1]
                start = m.start(1) + printed.rindex(last)
                spans.append((start, start + len(last), name))
                blanked = blanked[:m.start(2)] + " " * (m.end(2) - m.start(2)) + blanked[m.end(2):]
            if spans:
                out.append((pid, lang, blanked, spans))
    return out


def distractor_pool(gold: list, english: list[tuple[str, str]]) -> list[str]:
    names = {name for _, _, _, spans in gold for _, _, name in spans}
    pairs = {m.group() for _, text in english for m in re.finditer(r"\b[A-Z][a-z]{2,} [A-Z][a-z]{2,}\b", text)}
    return sorted(names | pairs)


def score(found: list[tuple[str, list[tuple[int, int, str]]]], gold: list) -> tuple[float, float, float]:
    """(found, precision, wrong a page) of matches [(page id, [(start, end, Latin name)])]."""
    hit = total = right = wrong = 0
    by_page = dict(found)
    for pid, _, _, spans in gold:
        matches = by_page.get(pid, [])
        own = {name.split()[-1] for _, _, name in spans}
        for start, end, name in spans:
            total += 1
            hit += any(s < end and start < e and n.split()[-1] == name.split()[-1] for s, e, n in matches)
        for _, _, n in matches:
            if n.split()[-1] in own:
                right += 1
            else:
                wrong += 1
    return hit / max(total, 1), right / max(right + wrong, 1), wrong / max(len(gold), 1)


def fuzzy_matches(text: str, lang: str, names: list[str], threshold: float) -> list[tuple[int, int, str]]:
    from anyascii import anyascii
    from rapidfuzz import fuzz

    surnames = {name.split()[-1].lower(): name for name in names}
    out = []
    for m in _RUN[lang].finditer(text):
        roman = anyascii(m.group()).lower()
        best = max(surnames, key=lambda s: fuzz.ratio(roman, s))
        if fuzz.ratio(roman, best) >= threshold:
            out.append((m.start(), m.end(), surnames[best]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--distractors", type=int, default=40)
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each language (smoke test)")
    ap.add_argument("--misses", action="store_true", help="list the misses and wrong matches of the even pages")
    ap.add_argument("--smoke", action="store_true", help="the test suite's run (the whole set takes a second)")
    args = ap.parse_args()
    if not PAIRS.exists():
        print("transliterated: skipped (no shared data)")
        return 0
    from storyline.entities.transliterated import story_persons_in_other_scripts
    from storyline.model import Article, Mention

    started = time.perf_counter()
    texts = pages(args.limit)
    gold = gold_pages(texts)
    pool = distractor_pool(gold, texts["en"])
    rng = random.Random(7)
    cast = {}
    for pid, _, _, spans in gold:
        own = {name for _, _, name in spans}
        cast[pid] = sorted(own | set(rng.sample([n for n in pool if n not in own], min(args.distractors, len(pool)))))
    ours = []
    for pid, lang, text, _ in gold:
        article = Article(source=pid, title=None, text=text, language=lang)
        mentions = [Mention(source="en", text=name, type="PERSON", language="en") for name in cast[pid]]
        found = story_persons_in_other_scripts([article], mentions)
        full = {name.split()[-1]: name for name in cast[pid]}
        ours.append((pid, [(m.start, m.end, full.get(m.text.split()[-1], m.text)) for m in found]))
    ours_sec = time.perf_counter() - started
    found, precision, wrong = score(ours, gold)
    halves = [score(ours[k::2], gold[k::2]) for k in (0, 1)]
    if args.misses:
        for (_, matches), (_, lang, text, spans) in zip(ours[::2], gold[::2], strict=True):
            for start, end, name in spans:
                if not any(s < end and start < e for s, e, _ in matches):
                    print(f"  missed {lang} {name!r}: {text[max(0, start - 12):end + 2]!r}")
            for s, e, n in matches:
                if n.split()[-1] not in {name.split()[-1] for _, _, name in spans}:
                    print(f"  wrong {lang} {n!r}: {text[max(0, s - 12):e + 2]!r}")
    best = (-1.0, 0, 0.0, 0.0)
    for threshold in range(50, 100, 5):
        theirs = [(pid, fuzzy_matches(text, lang, cast[pid], threshold)) for pid, lang, text, _ in gold]
        f, p, _ = score(theirs, gold)
        f1 = 2 * f * p / (f + p) if f + p else 0.0
        if f1 > best[0]:
            best = (f1, threshold, f, p)
    print(f"ours: {sum(len(s) for _, _, _, s in gold)} gold mentions on {len(gold)} pages, {ours_sec:.1f} s")
    print(f"transliterated: found={found:.3f} precision={precision:.3f} wrong_per_page={wrong:.2f} "
          f"even_found={halves[0][0]:.3f} odd_found={halves[1][0]:.3f} even_precision={halves[0][1]:.3f} "
          f"odd_precision={halves[1][1]:.3f} "
          f"fuzzy_found={best[2]:.3f} fuzzy_precision={best[3]:.3f} fuzzy_threshold={best[1]} "
          f"gold={sum(len(s) for _, _, _, s in gold)} pages={len(gold)} sec={time.perf_counter() - started:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
