"""Names in Russian text, by natasha: the model for the language of many of our sources' originals."""

from __future__ import annotations

from storyline import nlp
from storyline.entities import roles
from storyline.model import Mention

NATASHA_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}


def russian_mentions(text: str, source: str) -> list[Mention]:
    """People, bodies and places natasha finds in a Russian text, each under its lemmatised name."""
    doc = nlp.parse(text, "ru")
    sents = [(s.start, s.stop) for s in doc.sents]
    out = []
    n = 0
    for span in doc.spans:
        kind = NATASHA_TYPES.get(span.type)
        if kind is None:
            continue
        while n + 1 < len(sents) and span.start >= sents[n][1]:
            n += 1
        # The lemmatised name (Владимиру Путину -> Владимир Путин), so spellings and matching see
        # one form per name; the offsets still point at the words as printed.
        name = (span.normal or span.text).strip()
        if len(name) < 2:
            continue
        role = roles.russian_role(text, span.start) if kind == "PERSON" else None
        out.append(Mention(source=source, text=name, start=span.start, end=span.stop, type=kind,
                           sentence=n, role=role, language="ru"))
    return out
