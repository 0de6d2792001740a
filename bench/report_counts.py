"""What a `storyline report` shows a reader, counted: to compare the reports of two commits.

The issue notes set the report of a store built at one commit beside the report of the same
pages built at another (`storyline ingest DIR --db X.db && storyline report --db X.db --out
R.md`, each with its own code). This counts what changed in kind: stories, the rows of "Where
sources disagree" by kind and the values they list, and the rows of people in "Who and where".
A value is one bold figure or name of a row ("**two (2)** (62.htm.txt)").

Usage: python bench/report_counts.py REPORT.md [REPORT.md ...]; a line per report:
`report: stories=N number_rows=N name_rows=N date_rows=N place_rows=N role_rows=N claim_rows=N
number_values=N date_values=N place_values=N persons=N path=R.md`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

KINDS = ("number", "name", "date", "place", "role", "claim")
_STORY = re.compile(r"^`st-", re.M)
_PERSON_ROW = re.compile(r"^\| [^|]+ \| PERSON \|", re.M)


def counts(text: str) -> dict[str, int]:
    """The figures of one report's Markdown."""
    out = {"stories": len(_STORY.findall(text))}
    for kind in KINDS:
        rows = [line for line in text.splitlines() if re.match(rf"^\| {kind} \| (?!type \|)", line)]
        out[f"{kind}_rows"] = len(rows)
        out[f"{kind}_values"] = sum(line.count("**") // 2 for line in rows)
    out["persons"] = len(_PERSON_ROW.findall(text))
    return out


def main(argv: list[str] | None = None) -> int:
    paths = sys.argv[1:] if argv is None else argv
    if not paths:
        print("usage: python bench/report_counts.py REPORT.md [REPORT.md ...]", file=sys.stderr)
        return 2
    keys = ["stories", *(f"{k}_rows" for k in KINDS), "number_values", "date_values", "place_values", "persons"]
    for path in paths:
        figures = counts(Path(path).read_text(encoding="utf-8"))
        print("report: " + " ".join(f"{k}={figures[k]}" for k in keys) + f" path={path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
