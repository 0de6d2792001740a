"""Benchmark how names are typed (person, organisation, place) against MEANTIME's gold entities.

MEANTIME (`../shared/data/meantime`) holds 60 English Wikinews articles and their Spanish, Italian
and Dutch translations, with gold entity mentions of five classes: PER, ORG, FIN (a company or a
market: an organisation here), LOC, PRO (products: "iPod", "A380", which storyline has no type
for). `storyline.entities.find_mentions` runs on each file's text; a found name that overlaps a
gold mention counts, typed right when the types agree (a product is never typed right). English goes
through spaCy's small model; Spanish, Italian and Dutch through the capitalised-word rules
(`entities/ner_rules.py`), which is what this measures: how far the rules are from a model.

Figures per language: `typed_acc` (right types over found names that overlap a gold mention),
`person_precision` (of those typed PERSON, the share over a gold PER: a company typed a person
becomes a "spelling" of nobody and a speaker), and `found` (the share of gold proper-name mentions,
capitalised and not pronouns, that some found name overlaps). Anchor in the same run, on the same
overlapping names: the majority class of the gold mentions of that language (what typing every
name alike would score).

Usage: python bench/mention_types.py [--smoke]   (--smoke: first 12 documents of each language)
Data root: $STORYLINE_SHARED (default ../shared beside the repository); skipped when absent.
Last line: `mention_types: rules_typed_acc=... rules_person_precision=... rules_found=...
 rules_majority_acc=... en_typed_acc=... en_person_precision=... en_found=... en_majority_acc=...
 names=N docs=N sec=N` (rules_*: the Spanish, Italian and Dutch copies together).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLASSES = {"PER": "PERSON", "ORG": "ORG", "FIN": "ORG", "LOC": "PLACE", "PRO": "PRODUCT"}


def gold_mentions(root: Path) -> tuple[dict[str, str], dict[str, list[tuple[int, int, str, str]]]]:
    """Each document's text, and its gold mentions as (start, end, class, text) in that text."""
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    tokens: dict[str, list[list[tuple[int, int]]]] = {}
    for doc in gold["documents"]:
        text = (root / f"{doc}.txt").read_text(encoding="utf-8")
        texts[doc], tokens[doc], pos = text, [], 0
        for line in text.split("\n"):
            spans, at = [], pos
            for token in line.split(" "):
                spans.append((at, at + len(token)))
                at += len(token) + 1
            tokens[doc].append(spans)
            pos += len(line) + 1
    mentions: dict[str, list[tuple[int, int, str, str]]] = {doc: [] for doc in texts}
    for chain in gold["entity_chains"].values():
        kind = CLASSES.get(chain["class"])
        for doc, found in chain["mentions"].items():
            for m in found if kind and doc in texts else ():
                line = tokens[doc][m["line"]] if m["line"] < len(tokens[doc]) else []
                if m["tokens"] and m["tokens"][-1] < len(line):
                    mentions[doc].append((line[m["tokens"][0]][0], line[m["tokens"][-1]][1], kind, m["text"]))
    return texts, mentions


def is_name(text: str) -> bool:
    """A proper-name mention ("Steve Jobs", "the Dow Jones"), not a pronoun or a nominal."""
    words = [w for w in text.split() if w.lower() not in ("the", "el", "la", "il", "lo", "de", "het")]
    return bool(words) and words[0][:1].isupper() and len(words[0]) > 1 and words[0].lower() not in (
        "he", "she", "it", "they", "él", "ella", "lui", "lei", "hij", "zij")


def score(docs: list[str], texts: dict[str, str], gold: dict[str, list[tuple[int, int, str, str]]]) -> dict[str, float]:
    from storyline.entities import find_mentions
    from storyline.model import Article

    typed = right = persons = true_persons = 0
    names = hit = 0
    classes: Counter[str] = Counter()
    for doc in docs:
        lang = doc.split("/")[0]
        found = [m for m in find_mentions(Article(source=doc, title=None, text=texts[doc], language=lang))
                 if m.start >= 0]
        for m in found:
            over = [kind for a, b, kind, _ in gold[doc] if a < m.end and m.start < b]
            if not over:
                continue
            kind = Counter(over).most_common(1)[0][0]
            typed += 1
            right += m.type == kind
            classes[kind] += 1
            persons += m.type == "PERSON"
            true_persons += m.type == "PERSON" and kind == "PERSON"
        for a, b, _, text in gold[doc]:
            if is_name(text):
                names += 1
                hit += any(m.start < b and a < m.end for m in found)
    majority = classes.most_common(1)[0][1] / typed if typed else 0.0
    return {"typed_acc": right / max(typed, 1), "person_precision": true_persons / max(persons, 1),
            "found": hit / max(names, 1), "majority_acc": majority, "names": typed}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--smoke", action="store_true", help="the first 12 documents of each language")
    args = ap.parse_args()
    shared = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
    root = shared / "data" / "meantime"
    if not (root / "gold.json").exists():
        print(f"mention_types: skipped (no MEANTIME data under {shared / 'data'})")
        return 0
    start = time.perf_counter()
    texts, gold = gold_mentions(root)
    by_language: dict[str, list[str]] = {}
    for doc in sorted(texts):
        by_language.setdefault(doc.split("/")[0], []).append(doc)
    if args.smoke:
        by_language = {lang: docs[:12] for lang, docs in by_language.items()}
    figures: dict[str, float] = {}
    for group, languages in (("rules", ("es", "it", "nl")), ("en", ("en",))):
        docs = [doc for lang in languages for doc in by_language.get(lang, [])]
        result = score(docs, texts, gold)
        for lang in languages if group == "rules" else ():
            one = score(by_language.get(lang, []), texts, gold)
            print(f"  {lang}: typed_acc={one['typed_acc']:.3f} person_precision={one['person_precision']:.3f} "
                  f"found={one['found']:.3f} majority_acc={one['majority_acc']:.3f} names={one['names']:.0f}",
                  flush=True)
        for key in ("typed_acc", "person_precision", "found", "majority_acc"):
            figures[f"{group}_{key}"] = result[key]
        figures.setdefault("names", 0.0)
        figures["names"] += result["names"]
    docs = sum(len(d) for d in by_language.values())
    print("mention_types: " + " ".join(f"{k}={v:.3f}" for k, v in figures.items() if k != "names")
          + f" names={figures['names']:.0f} docs={docs} sec={time.perf_counter() - start:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
