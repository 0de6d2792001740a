"""Repairs of the English model's person spans (`entities/ner_english.py`), on invented text."""

from __future__ import annotations

from storyline.entities.ner import mentions_in


def _persons(text: str) -> set[str]:
    return {m.text for m in mentions_in(text, "en", "s") if m.type == "PERSON"}


def test_a_possessive_inside_a_person_span_ends_the_name_at_its_owner() -> None:
    assert _persons("He praised Angela Merkel’s Corona response.") == {"Angela Merkel"}
    assert _persons("The report said Trump’s Handlers worried about the rally.") == {"Trump"}
    # a country's person is the one after it
    assert not any("Tunisia" in p for p in _persons("Among them was Tunisia’s Zine El Abidine Ben Ali, who fled."))
