"""Datelines: the `PLACE, (AGENCY) –` or `Place/31.10.20/Agency:` prefix of wire copy.

PLACEHOLDER: the real parser replaces this.
"""

from __future__ import annotations

from storyline.model import Dateline


def parse_dateline(paragraph: str, published: str | None = None) -> Dateline | None:
    return None
