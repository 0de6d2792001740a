"""Names of one body or place in two languages: "Casa Blanca" and "White House", "Comisión Europea"
and "European Commission", "Londres" and "London".

No spelling rule joins a translation, and no dictionary here lists them; the fast model's static
token vectors, distilled from the multilingual Universal Sentence Encoder, place a name near its
translations. On names it is sharp enough to decide (scratch, the fast model):
translations score 0.80-0.99 (Stanford University / Universidad de Stanford 0.97, London /
Londres 0.88, European Commission / Comisión Europea 0.94), neighbours in one domain 0.2-0.7
(European Union / Comisión Europea 0.60, New York University / Stanford University 0.61, Bank
of England / Banco de España 0.69, Treasury Department / Departamento de Trabajo 0.29).

Only organisations and places, only across languages (in one language, names that differ are
different bodies or spellings the other rules judge: Apple / Apple Corps scores 0.77), only
each one's best match both ways, and at `TRANSLATION_MIN` or above. Mentions that carry no
language are never compared. On MEANTIME's gold mentions (one article in four languages),
`bench/entities.py`: meantime_conll 0.499 -> 0.512, meantime_names_conll 0.676 -> 0.702.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import numpy as np

from storyline.entities.countries import country_code
from storyline.entities.keys import Group, is_acronym

TRANSLATION_MIN = 0.8
_MIN_CHARS = 4


def translated_pairs(groups: list[Group], root: Callable[[int], int]) -> list[tuple[int, int]]:
    """Pairs of groups (indexes) whose names translate each other: each the other's best match
    among the groups of the other languages with its type, over `TRANSLATION_MIN`."""
    candidates: list[tuple[int, str, str, str]] = []  # (group, type, language, name)
    seen: set[tuple[int, str]] = set()
    for i, g in enumerate(groups):
        label = g.label()
        languages = {it.m.language for it in g.items} - {None}
        names = [it.name for it in g.items if it.is_name]
        if label not in ("ORG", "PLACE") or len(languages) != 1 or not names:
            continue
        name = max(names, key=len)
        if len(name) < _MIN_CHARS or is_acronym(name) or (root(i), name) in seen:
            continue
        seen.add((root(i), name))
        candidates.append((i, label, languages.pop(), name))
    if len({c[2] for c in candidates}) < 2:
        return []
    labels = np.array([c[1] for c in candidates])
    languages = np.array([c[2] for c in candidates])
    # one matrix for every pair: a story of thousands of mentions in two languages stays cheap
    allowed = (languages[:, None] != languages[None, :]) & (labels[:, None] == labels[None, :])
    similarity = np.where(allowed, _name_similarities([c[3] for c in candidates]), -np.inf)
    nearest = similarity.argmax(axis=1)
    best = {x: int(y) for x, y in enumerate(nearest) if similarity[x, y] >= TRANSLATION_MIN}
    return [(candidates[x][0], candidates[y][0]) for x, y in best.items()
            if x < y and best.get(y) == x and not _two_countries(candidates[x][3], candidates[y][3])]


def _two_countries(a: str, b: str) -> bool:
    """Two names of two countries the vectors find alike: "Korea Północna" (North Korea) is nearest
    "South Korea" where the English "North Korea" had joined rows of several languages already."""
    ca, cb = country_code(a), country_code(b)
    return ca is not None and cb is not None and ca != cb


def _name_similarities(names: list[str]) -> np.ndarray:
    """Cosines of the names as printed and with accents folded, the higher of the two. The model's
    word pieces hold some accented words and not others: "Pentágono" scores -0.11 with "Pentagon"
    and "Pentagono" 1.0, but "Comisión Europea" 0.94 with "European Commission" and "Comision" 0.79."""
    from storyline.embed import get_embedder

    folded = ["".join(c for c in unicodedata.normalize("NFKD", n) if not unicodedata.combining(c)) for n in names]
    vectors = np.asarray(get_embedder("fast").embed(names + folded), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors /= np.where(norms == 0, 1, norms)
    printed, plain = vectors[:len(names)], vectors[len(names):]
    return np.maximum(printed @ printed.T, plain @ plain.T)
