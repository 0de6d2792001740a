"""Offices compared across languages: a title in another language is read as the English office it
names, so sources in several languages agree or disagree about a person's post (`role_discrepancies`)."""

from __future__ import annotations

from storyline.discrepancies import office, role_discrepancies
from storyline.model import Entity, Mention


def _found(*roles: tuple[str, str, str]) -> list[list[tuple[str, list[str]]]]:
    mentions = [Mention(source=source, text="Arin Tavos", role=role, language=lang) for source, role, lang in roles]
    return [[(v.value, v.sources) for v in d.values]
            for d in role_discrepancies([Entity(name="Arin Tavos", type="PERSON", mentions=mentions)])]


def test_a_foreign_title_is_the_office_it_names() -> None:
    assert office("presidente del Gobierno", "es") == "Prime Minister"
    assert office("ministro degli Esteri", "it") == office("Außenminister", "de") == "Foreign Minister"
    assert office("министр обороны России", "ru") == "Defence Minister"
    assert office("portavoz del PNV", "es") == "Spokesperson"
    assert office("expresidente", "es") is None  # an office of the past
    assert office("canciller", "es") is None  # a foreign minister or a chancellor: the word does not say


def test_one_office_in_two_languages_is_no_discrepancy_and_two_are_one() -> None:
    assert _found(("a", "Foreign Minister", "en"), ("b", "ministro de Relaciones Exteriores", "es"),
                  ("c", "Außenminister", "de")) == []
    assert _found(("a", "Prime Minister", "en"), ("b", "Prime Minister", "en"), ("c", "presidente del Consiglio", "it"),
                  ("d", "prezydent", "pl")) == [[("Prime Minister", ["a", "b", "c"]), ("President", ["d"])]]


def test_an_attorney_general_is_no_general_and_is_a_prosecutor_general() -> None:
    assert office("fiscal general", "es") == "Attorney General"
    assert _found(("a", "Attorney General", "en"), ("b", "fiscal general", "es"),
                  ("c", "генеральный прокурор", "ru")) == []
