"""Acronyms and the names they would abbreviate (`entities.resolve`, `entities.merges`), on
invented text with the mentions a tagger would give."""

from __future__ import annotations

from storyline.entities import resolve
from storyline.model import Mention


def mention(source: str, text: str, body: str, kind: str, sentence: int, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Mention(source=source, text=text, type=kind, start=start, end=start + len(text), sentence=sentence)


def holders(entities, text):
    return {id(e) for e in entities if text in {m.text for m in e.mentions}}


def test_an_acronym_used_again_and_again_before_a_name_it_would_abbreviate_is_not_that_name():
    # The oil company, then a list of links naming a paper with the same initials, and a country
    # printed right after the paper's name.
    body = ("BP said the Velna well was sealed. Engineers of BP stayed. BP paid them. BP left on Monday. "
            "Around the web: Bangkok Post US oil spill may last years.")
    ms = [mention("a", "BP", body, "ORG", n, nth=n) for n in range(4)]
    ms += [mention("a", "Bangkok Post", body, "ORG", 4), mention("a", "US", body, "PLACE", 4)]
    entities = resolve(ms, {"a": body})
    assert holders(entities, "BP") and not holders(entities, "BP") & holders(entities, "Bangkok Post")
    assert not holders(entities, "US") & holders(entities, "Bangkok Post")


def test_the_same_across_articles():
    first = "BP said the Velna well was sealed. Engineers of BP stayed."
    second = "Markets opened. BP shares fell. BP paid. BP left. Around the web: the Bangkok Post says BP lost."
    ms = [mention("a", "BP", first, "ORG", 0), mention("a", "BP", first, "ORG", 1, nth=1)]
    ms += [mention("b", "BP", second, "ORG", n + 1, nth=n) for n in range(4)]
    ms += [mention("b", "Bangkok Post", second, "ORG", 4)]
    entities = resolve(ms, {"a": first, "b": second})
    assert not holders(entities, "BP") & holders(entities, "Bangkok Post")


def test_a_name_spelled_out_after_the_acronym_once_is_still_the_acronyms():
    # News prints "the UN" once or twice before spelling it out.
    body = "Talks went on. The UN sent envoys to Korven. The United Nations said they arrived."
    ms = [mention("a", "UN", body, "ORG", 1), mention("a", "United Nations", body, "ORG", 2)]
    entities = resolve(ms, {"a": body})
    assert holders(entities, "UN") == holders(entities, "United Nations") != set()


def test_a_headline_may_use_the_letters_the_text_spells_out():
    body = "EU leaders meet in Korven. The European Union (EU) will decide on Monday. The EU said so."
    ms = [mention("a", "EU", body, "ORG", 0), mention("a", "European Union", body, "ORG", 1),
          mention("a", "EU", body, "ORG", 1, nth=1), mention("a", "EU", body, "ORG", 2, nth=2)]
    entities = resolve(ms, {"a": body})
    assert holders(entities, "EU") == holders(entities, "European Union") != set()


def test_two_spellings_of_one_acronym_keep_every_mention():
    # Each abbreviates the other: joined both ways, they had left the article's entities.
    body = "BP said the well was sealed. B.P. engineers stayed. BP paid."
    ms = [mention("a", "BP", body, "ORG", 0), mention("a", "B.P.", body, "ORG", 1),
          mention("a", "BP", body, "ORG", 2, nth=1)]
    entities = resolve(ms, {"a": body})
    assert sum(len(e.mentions) for e in entities) == 3
    assert holders(entities, "BP") == holders(entities, "B.P.") != set()


def test_letters_after_a_name_define_it_only_in_brackets_or_a_translated_apposition():
    # A dateline's agency is no place's acronym, nor a headline's first word a byline's.
    dateline = "Abu Dhabi (CNN) -- Envoys met in Korven on Monday. CNN learned more."
    byline = "By Fran Townsend , CNN National Security Contributor NATO ramps up pressure on Korven ."
    ms = [mention("a", "Abu Dhabi", dateline, "ORG", 0), mention("a", "CNN", dateline, "ORG", 0),
          mention("a", "CNN", dateline, "ORG", 1, nth=1),
          mention("b", "CNN National Security Contributor", byline, "ORG", 0), mention("b", "NATO", byline, "ORG", 0)]
    entities = resolve(ms, {"a": dateline, "b": byline})
    assert not holders(entities, "CNN") & holders(entities, "Abu Dhabi")
    assert not holders(entities, "NATO") & holders(entities, "CNN National Security Contributor")
