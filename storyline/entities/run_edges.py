"""Where a run of capitalised words stops being a name at its edges, in the languages the rules read:
a sentence's opening word (capitalised anyway), a word a flattened page ran on from the next sentence,
a platform before whoever posted. Lists in `rule_words`, `ner_german` and `ner_inflected`; the rules
(`ner_rules.py`) decide what the rest of the run is.
"""

from __future__ import annotations

from storyline.entities import ner_german, ner_inflected
from storyline.entities.rule_places import first_word_names
from storyline.entities.rule_words import (
    CONTACT_LABELS,
    FUNCTION_WORDS,
    NEXT_SENTENCE_OPENERS,
    SPEECH_OPENERS,
    SURNAMES_FIRST,
)
from storyline.entities.thing_words import PLATFORMS

# A caption's or a link's words a German page runs into a name ("Jens Mattern Bild", "Wembley-Stadion Foto",
# "Symbolbild Buchloe", "Screenshot Instagram", "Inhalt Lesen").
_GERMAN_CAPTION_WORDS = frozenset("foto fotos bild bilder symbolbild symbolfoto screenshot video lesen inhalt".split())
# Articles and pronouns that end Korean names too (Kim Jong Un, Kim Jong Il): run-on words after any other.
_KOREAN_ENDINGS = frozenset({"il", "un", "ci"})
ROMANCE = ("es", "fr", "it", "pt")  # the languages whose lists of run-on words are one
# The other languages' words of the next sentence or of a page's furniture, which end no name.
_RUN_ON = {"pl": ner_inflected.RUN_ON, "tr": ner_inflected.TURKISH_RUN_ON, "de": _GERMAN_CAPTION_WORDS}


def _runs_on(words: list[str], lang: str) -> bool:
    """Whether a run's last word is the next sentence's or a page's, no name's: "Florian Kistler La",
    "Sigillo Il" (not "Kim Jong Il"), "Operator Czy", "Jens Mattern Bild", "Nikol Paşinyan Facebook"."""
    last = words[-1].lower()
    if lang in ROMANCE and last in NEXT_SENTENCE_OPENERS:
        return not (last in _KOREAN_ENDINGS and words[0] in SURNAMES_FIRST)
    return last in _RUN_ON.get(lang, ()) or (len(words) >= 3 and words[-1] in PLATFORMS)


def trim_run(text: str, start: int, end: int, words: list[str], at_start: bool, lang: str
             ) -> tuple[int, int, list[str]] | None:
    """The run from `start` to `end` (its `words`) less the words at its edges that are no name's, or
    None where nothing is left that can be one."""
    if at_start:
        # The first word of a sentence is capitalised anyway: drop it unless others follow.
        if len(words) == 1:
            return None
        first = words[0]
        if not first_word_names(words) and (
                first.lower() in FUNCTION_WORDS or first.lower() in SPEECH_OPENERS or len(first) <= 3
                or first[-1] in "'’" or (  # "All' Aeronautica"
                lang == "de" and (first.lower() in ner_german.OPENERS | ner_german.RUN_OPENERS
                                  or ner_german.opens_on_adjective(first)
                                  or ner_german.opens_on_participle(words))) or (
                lang == "pl" and ner_inflected.opens_on_noun(first, len(words)))):
            words = words[1:]
            # "Volgens de Times Online": the article after the opening word goes too.
            while len(words) > 1 and words[0] in FUNCTION_WORDS:
                words = words[1:]
            start = text.index(words[0], start + len(first))
    elif (words[0].lower() in FUNCTION_WORDS and (len(words[0]) >= 4 or words[0] in ("Par", "Por"))
          and lang != "de") or (lang == "de" and len(words) >= 2 and words[0].lower() in ner_german.RUN_OPENERS):
        # a sentence's opening word where a flattened page lost the full stop before it: "... como
        # abogado general Antes de que Stern fuera comisionado" (not German's capitalised nouns: "Morgen")
        if len(words) == 1:
            return None
        start, words = text.index(words[1], start + len(words[0])), words[1:]
    while len(words) >= 2 and (_runs_on(words, lang)
                               or (words[-1].lower() in CONTACT_LABELS and text.startswith(":", end))):
        # a sentence run on where a flattened page lost its full stop: "Florian Kistler La …"
        end = len(text[:text.rindex(words[-1], start, end)].rstrip())
        words = words[:-1]
    while len(words) >= 2 and lang == "de" and words[0].lower() in _GERMAN_CAPTION_WORDS:
        start, words = text.index(words[1], start + len(words[0])), words[1:]  # "Symbolbild Buchloe"
    if len(words) >= 3 and any(words[0].startswith(p) for p in PLATFORMS):
        # "na Twitterze Donald Trump": where he wrote, then who; "Facebook del Ministerio de Salud":
        # where, then whose account (not from "del")
        cut = next((k for k in range(1, len(words)) if words[k][:1].isupper()), len(words))
        start = text.index(words[cut], start + len(words[0])) if cut < len(words) else end
        words = words[cut:]
        if not words:
            return None
    return start, end, words
