"""Where a text credits the people who made it, not the people it is about: a wire's staff line
("Jane Roe contributed to this report") and a photo's credit, which a flattened page leaves between
paragraphs in every language ("Foto: Jens Roe/dpa", "(Photo by Jane Roe/Getty Images)", "Fot. PAP/
Jan Kowalski"). A photographer named there is no person of the story: listed among its people, she
would be one more name for a reader to check, and the agency's name after the slash no person at all.
A banner in capitals (a credit, a teaser) run into the next name is cut away from it the same way."""

from __future__ import annotations

import re

from storyline.clean.captions import SLASH_CREDIT
from storyline.clean.wire_text import STAFF_CREDIT
from storyline.entities.scripts import CJK


def staff_credit_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of the text that credits the staff who reported it
    (`wire_text.STAFF_CREDIT`): its people reported the story, they are not in it."""
    if "contributed" not in text and " used in " not in text:
        return []
    out, start = [], 0
    for line in text.split("\n"):
        if STAFF_CREDIT.search(line):
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def photo_credits(text: str) -> list[tuple[int, int]]:
    """(start, end) of each photo credit: its label, then names and agencies joined by slashes.
    A flattened page runs the credit into the next paragraph ("Foto: Ivo Roe/dpa Bürgermeisterin
    Mara Tolen dankte ..."), so each piece is held to a credit's shape: an agency in lower case
    ends its piece, and a piece after the slash holds the agency's two words when a photographer's
    name came first ("Ivo Roe/Getty Images"), else a name of three ("AFP/Carla de Souza")."""
    out = []
    for label in _PHOTO_LABEL.finditer(text):
        end = label.end()
        pieces, words, first, closed = 0, 0, 0, False
        while token := _CREDIT_TOKEN.match(text, end):
            if token.group("slash"):
                pieces, first, words, closed = pieces + 1, first if pieces else words, 0, False
            elif closed or (token.group("name") and words >= (2 if pieces and first >= 2 else 3)):
                break
            elif token.group("name"):
                words += 1
                closed = token.group("name").strip().islower()  # "dpa", "zb"
            end = token.end()
        if end > label.end():
            out.append((label.start(), end))
    return out + [m.span() for m in _WIRE_PHOTO.finditer(text)] + [m.span() for m in SLASH_CREDIT.finditer(text)]


# A label in the languages of the press, then a colon or "by": "Foto:", "Photo by", "Foto di",
# "Fot.", "Crédit photo :", "Bild:", "Фото:", "©", "图片来源：", and "Photo Credit" with none. Capitalised:
# "la foto di Rossi" is prose.
# A credit's words are Latin or Cyrillic: the Chinese text it runs into is no part of it.
_PHOTO_LABEL = re.compile(
    r"(?:\b(?:Photo|Foto|Fotó|Fotoğraf|Fotografía|Fotografia|Zdjęcie|Bild|Image|Picture|Credit|Crédit photo|"
    r"Crédits? photo|Photo credit|Фото)[ \t]*(?::|\b(?:by|di|de|von|par|door)\b:?)|\bFot\.|©|"
    r"\bPhoto [Cc]redits?(?=[ \t]+[A-ZÀ-ÖØ-Þ])|"  # no colon: "Photo Credit Robin Wright"
    r"(?:图片来源|图片|摄影|照片|写真|사진)[ \t]*[:：])[ \t]*")
# A wire's credit in parentheses, its closing one lost where a page was flattened: "(AP Photo/Evan
# Vucci)", "(Ronen Zvulun/Pool Photo via AP": a photographer of up to three words.
_CREDITED = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*){0,2}"
_WIRES = r"(?:AP|AFP|Pool|Reuters|EPA|Xinhua|UPI)"
_WIRE_PHOTO = re.compile(
    rf"\((?:{_WIRES}[ \t]+Photo[ \t]*/[ \t]*{_CREDITED}|{_CREDITED}[ \t]*/[ \t]*(?:{_WIRES}[ \t]+)?Photo"
    rf"(?:[ \t]+via[ \t]+(?:AP|AFP|Reuters|Getty Images))?)\)?")
# One piece of a credit: a capitalised word or an agency in lower case ("dpa", "zb"), a particle of
# a name ("Carla de Souza"), or a slash between a photographer and an agency.
_CREDIT_TOKEN = re.compile(
    r"(?P<slash>[ \t]*[/|][ \t]*)"
    rf"|(?P<name>[ \t]*(?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ](?:[^\W{CJK}]|['’-])*|(?:dpa|zb|afp|ap|epa|ansa|apa|pap)\b)"
    r"(?:(?<=\b\w)\.)?)"
    r"|(?P<particle>[ \t]+(?:de|di|da|del|van|von|der|la|le|dos)\b)")


# The photo agencies a caption credits ("Foto: Getty", "(Photo/AP)").
PHOTO_AGENCIES = frozenset({"AP", "AFP", "Reuters", "Getty", "EPA", "dpa", "ANSA", "EFE", "Xinhua", "Bloomberg"})


def banner_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of capitals cut after a head of words in capitals only, two of four letters or more: a
    banner, a caption's credit or a teaser a flattened page runs into the next name ("CLICCA QUI PER
    L'APP FOX NEWS Nel", "JUSTIN SULLIVAN Der Mars-Konzern", "SAVCILIK İFADESİ DE ORTAYA ÇIKTI
    Bakırköy Adalet Sarayı"): the name is what follows. Not acronyms before a name ("US NATO Forces").
    A caption's agency before two capitalised words is cut the same way ("… Reino Unido: Getty Donald
    Trump ha sido criticado")."""
    words = text[start:end].split()
    if len(words) >= 3 and words[0] in PHOTO_AGENCIES and words[1] not in ("Images", "Photo", "Photos"):
        return [(text.index(words[1], start + len(words[0])), end)]
    head = next((k for k, w in enumerate(words) if not w.isupper()), 0)
    if sum(len(w) >= 4 for w in words[:head]) < 2:
        return [(start, end)]
    at = start
    for w in words[:head]:
        at = text.index(w, at) + len(w)
    return [(text.index(words[head], at), end)]
