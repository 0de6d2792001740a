"""What the words around a name say of its type, for the resolver's vote (`resolve._vote_type`).

The model types a name from its sentence; these cues read the few words either side that a
reader types it by: "the town of X", "X , south of Tripoli", "a training facility in X ,", "the
shipping company X", "X , the nation 's third-largest bank", "X said". Each is worth some of the
model's votes (one a mention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "the town of X"; a list only after a plural place ("the towns of X and Y", "the cities of X , Y"),
# or residents' with "and": "in the eastern town of al-Kufrah , Musa said" is no list.
_PLACE_LEFT = re.compile(
    r"(?:\b(?:(?:city|town|capital|village|region|province|district|republic|territory|port|residents?|natives?|"
    r"outskirts|suburbs?|mayor)\s+of\s+(?:the\s+)?|(?:towns|cities|villages|regions|provinces|districts|areas|"
    r"settlements|outskirts|suburbs)\s+of\s+(?:the\s+)?(?:[\w\-’']+\s+(?:and|,)\s+)?|"
    r"(?:residents|natives)\s+of\s+(?:the\s+)?[\w\-’']+\s+and\s+))$", re.I)

_PLACE_PREP = re.compile(
    r"\b(?:in|near|at|into|across|outside|inside|around|towards|toward|throughout)\s+(?:the\s+)?$", re.I)
# Of those, the ones a person's name hardly ever follows, where the name ends its phrase: "a
# training facility in Bani Walid ," (typed a person in all three of its mentions) is a town; "in
# the George W. Bush administration", "in Obama 's speech" and "aimed at" take people.
_WHERE_PREP = re.compile(r"\b(?:in|near|outside|inside|around|throughout)\s+$", re.I)
_PHRASE_END = re.compile(r"^\s*(?:[,.;:!?)\]\"“”]|''|--|$|(?:and|or|but|on|to|from|for|with|where|which|since|after|"
                         r"before|until|by|as|is|was|were|are|has|had|have|will|would|this|last|early|late)\b)")

# A place told by its bearing from another: "south of al-Zawiya", "Garyan , south of Tripoli".
_BEARING = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
_BEARING_LEFT = re.compile(rf"\b{_BEARING}\s+of\s+(?:the\s+)?$", re.I)
_BEARING_RIGHT = re.compile(
    rf"^\s*,\s*(?:(?:about|some|roughly|nearly|just)\s+)?(?:\d[\d,.]*\s*(?:miles?|km|kilometers?|kilometres?)\s+)?"
    rf"{_BEARING}\s+of\b", re.I)

# The last of a list of names after a place preposition: "teams from Estoria, Marveny and Lusk".
_PLACE_LIST = re.compile(
    r"\b(?:in|from|to|near|between|across|visited|visit)\s+(?:the\s+)?(?:[A-Z][\w'’-]+,?\s+)+(?:and|or)\s+$")

# A body named right after its kind: "the Estorian shipping company Baltor Shipping".
_ORG_LEFT = re.compile(r"\b(?:company|firm|operator|concern|corporation|manufacturer|maker|carrier|"
                       r"airline|bank|insurer|broadcaster|newspaper)\s+$", re.I)

# An apposition that names the body's kind: "Wachovia , the nation 's third-largest retail and
# commercial bank ," (its head ends the phrase: "Smith , the company 's chief" is a person).
_ORG_APPOSITION = re.compile(
    r"^\s*,\s*(?:the|a|an)\s+(?:(?!(?:of|at|for|in|on|to|from|by|with)\b)[\w'’-]+\s+){0,6}?"
    r"(?:bank|lender|insurer|company|firm|airline|carmaker|automaker|retailer|conglomerate|brokerage|"
    r"manufacturer|broadcaster|newspaper|chain)\s*(?:[,.;:)]|$|(?:that|which|based|in)\b)", re.I)

_OWNER = re.compile(r"^\s*['’]s\b")

_PLACE_RIGHT = re.compile(r"^\s+(?:region|city|province|district|oblast|village|town)\b", re.I)

_PERSON_RIGHT = re.compile(
    r"^\s*(?:,\s*)?(?:said|says|told|stated|added|noted|declared|stressed|asked|wrote|insisted|believes|argued)\b")


@dataclass(frozen=True)
class Cues:
    place: float = 0.0  # votes for a place
    org: float = 0.0  # votes for a body
    where: bool = False  # a name typed a person closes a phrase after "in", "near" ... (weighed by count)
    says: bool = False  # "X said": a person's, where the story also names one


def context_cues(text: str, start: int, end: int, model_type: str | None) -> Cues:
    """The cues around text[start:end], a name the model typed `model_type`."""
    left = text[max(0, start - 60):start]
    right = text[end:end + 30]
    place, where = 0.0, False
    # Not an owner: "the coastal city of Sirte , Gaddafi 's birthplace".
    if ((_PLACE_LEFT.search(left) and not _OWNER.match(right)) or _PLACE_RIGHT.match(right)
            or _BEARING_RIGHT.match(right) or (_BEARING_LEFT.search(left) and _PHRASE_END.match(right))):
        # "the town of X" outweighs three of the model's persons elsewhere: Ras Lanuf, typed
        # a person in 43 of its 56 mentions, was one at 2.0.
        place = 3.0
    elif model_type == "PERSON" and _WHERE_PREP.search(left) and _PHRASE_END.match(right):
        where = True
    # An owner printed tight to the name only ("in Obama's"), as this weak vote always read it.
    elif (_PLACE_PREP.search(left) or _PLACE_LIST.search(left)) and not right.startswith(("'s", "’s")):
        place = 0.75
    org = 2.0 if _ORG_LEFT.search(left) or _ORG_APPOSITION.match(text[end:end + 90]) else 0.0
    return Cues(place=place, org=org, where=where, says=bool(_PERSON_RIGHT.match(right)))
