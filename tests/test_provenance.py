"""Provenance on invented articles: one AFP wire, a near-copy of it, a rewrite that shares a
passage and cites AFP, and an independent report of the same quote."""

from __future__ import annotations

import pytest

from storyline.model import Article, Dateline, Quote
from storyline.provenance import confirm_quotes, containment, independent_groups, near_copies, shingles
from storyline.quotes import find_quotes
from tests.conftest import FIXTURES

QUOTES = FIXTURES / "quotes"
WIRE, COPY, LIGHT, OWN = "wire_afp.txt", "rewrite_copy.txt", "rewrite_light.txt", "independent.txt"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    specs = [(WIRE, [], Dateline("TARN", None, "AFP")), (COPY, ["AFP"], None), (LIGHT, ["AFP"], None), (OWN, [], None)]
    return [Article(source=name, title=None, text=(QUOTES / name).read_text(encoding="utf-8"), language="en",
                    cited_media=cited, dateline=dateline) for name, cited, dateline in specs]


def test_containment_is_one_for_an_excerpt() -> None:
    text = "one two three four five six seven eight nine ten eleven twelve"
    assert containment(shingles(text), shingles(text + " and a tail of other words here")) == 1.0
    assert containment(shingles(text), shingles("entirely different words with nothing in common at all")) == 0.0


def test_near_copies_find_the_copy_only(articles: list[Article]) -> None:
    assert near_copies(articles) == [[COPY, WIRE]]


def test_rewrite_of_the_same_wire_is_not_independent(articles: list[Article]) -> None:
    groups = independent_groups([WIRE, COPY, LIGHT, OWN], articles)
    assert sorted(groups) == sorted([[COPY, LIGHT, WIRE], [OWN]])


def test_shared_wire_alone_does_not_collapse(articles: list[Article]) -> None:
    other = Article(source="other.txt", title=None, language="en", cited_media=["AFP"],
                    text="A football match in Tarn ended in a draw on Sunday, AFP reported, and fans went home early.")
    assert len(independent_groups([COPY, "other.txt"], [*articles, other])) == 2


def test_quote_confirmed_by_independent_sources(articles: list[Article]) -> None:
    quotes = [q for a in articles for q in find_quotes(a, [])]
    confirm_quotes(quotes, articles)
    poison = [q for q in quotes if "poison our river" in q.text]
    assert {q.source for q in poison} == {WIRE, COPY, LIGHT, OWN}
    for q in poison:
        assert q.confirmations == 2  # the AFP wire and its rewrites, and the press conference report
        assert sorted([*q.also_in, q.source]) == sorted([WIRE, COPY, LIGHT, OWN])
    pay = next(q for q in quotes if q.source == WIRE and "pay for every dead fish" in q.text)
    assert pay.confirmations == 1 and OWN not in pay.also_in


def test_same_words_different_speakers_are_not_matched() -> None:
    arts = [Article(source=s, title=None, text="x", language="en") for s in ("a", "b")]
    quotes = [Quote("a", "We will rebuild every school in the region", speaker="Lena Hoffer"),
              Quote("b", "We will rebuild every school in the region", speaker="Tomas Berg")]
    confirm_quotes(quotes, arts)
    assert [q.confirmations for q in quotes] == [1, 1] and quotes[0].also_in == []


def test_same_channel_counts_once() -> None:
    arts = [Article(source=s, title=None, text=t, language="en") for s, t in
            (("a", "completely separate wording of one story about the dam"),
             ("b", "another text with no words shared with the first one"))]
    quotes = [Quote("a", "The dam will hold through the winter", speaker="Tomas Berg", via="Reuters"),
              Quote("b", "the dam will hold through winter", speaker="Berg", via="Reuters")]
    confirm_quotes(quotes, arts)
    assert quotes[0].also_in == ["b"] and quotes[0].confirmations == 1


def test_speakers_in_two_scripts_are_one() -> None:
    arts = [Article(source=s, title=None, text=t, language="en") for s, t in
            (("a", "one wording of the story about the bridge"), ("b", "a second wording, nothing shared"))]
    quotes = [Quote("a", "The bridge will open on Friday morning", speaker="Иван Петренко"),
              Quote("b", "The bridge will open on Friday morning", speaker="Ivan Petrenko")]
    confirm_quotes(quotes, arts)
    assert quotes[0].also_in == ["b"] and quotes[0].confirmations == 2


def test_a_quote_and_its_translation_are_one_quote_confirmed_twice() -> None:
    arts = [Article(source="ru", title=None, text="русский текст о пожаре", language="ru"),
            Article(source="en", title=None, text="an English text about the fire", language="en")]
    quotes = [Quote("ru", "Пожар локализован в четыре часа утра. Пожарные продолжают охлаждать резервуары, "
                          "чтобы не допустить взрыва", speaker="Ольга Сереброва"),
              Quote("en", "The fire was localised at four in the morning. Firefighters are still cooling the tanks "
                          "to prevent an explosion", speaker="Olga Serebrova"),
              Quote("en", "Many villages are still reachable only by helicopter", speaker="Olga Serebrova")]
    confirm_quotes(quotes, arts)
    assert quotes[0].also_in == ["en"] and quotes[0].confirmations == 2
    assert quotes[2].also_in == []


def test_one_channel_in_two_scripts_counts_once() -> None:
    arts = [Article(source="ru", title=None, text="русский текст о пожаре", language="ru"),
            Article(source="en", title=None, text="an English text about the fire", language="en")]
    quotes = [Quote("ru", "Пожар локализован в четыре часа утра, пожарные охлаждают резервуары",
                    speaker="Ольга Сереброва", via="Балтинформ"),
              Quote("en", "The fire was localised at four in the morning, firefighters are cooling the tanks",
                    speaker="Olga Serebrova", via="Baltinform")]
    confirm_quotes(quotes, arts)
    assert quotes[0].also_in == ["en"] and quotes[0].confirmations == 1


def test_a_bare_channel_name_is_settled_by_another_source() -> None:
    a_text = 'Olga Serebrova said in statements to the "Baltinform" agency that the fire was out.'
    b_text = '"The fire was localised at four in the morning," spokesperson Olga Serebrova told Baltinform.'
    arts = [Article(source="a", title=None, text=a_text, language="en", cited_media=["Baltinform"]),
            Article(source="b", title=None, text=b_text, language="en")]
    quotes = [Quote("a", "the fire was out", speaker="Olga Serebrova", via="Baltinform"),
              Quote("b", "The fire was localised at four in the morning", speaker="Olga Serebrova", start=0, end=49)]
    confirm_quotes(quotes, arts)
    assert quotes[1].via == "Baltinform"  # "told Baltinform": a medium, as source a shows


def test_an_unattributed_quote_takes_the_speaker_its_translation_names_and_says_where() -> None:
    arts = [Article(source="en", title=None, text="an English text about the fire", language="en"),
            Article(source="es", title=None, text="un texto sobre el incendio", language="es")]
    quotes = [Quote("en", "The fire was localised at four in the morning. Firefighters are still cooling the tanks "
                          "to prevent an explosion", speaker="Olga Serebrova"),
              Quote("en", "We will rebuild the school before the winter comes", speaker="Ivo Lind"),
              Quote("es", "El incendio fue localizado a las cuatro de la mañana. Los bomberos siguen enfriando los "
                          "tanques para evitar una explosión"),
              Quote("es", "Nadie del pueblo ha pedido ayuda hasta ahora a las autoridades"),
              # a name the rules gave travels nowhere
              Quote("es", "Reconstruiremos la escuela antes de que llegue el invierno", speaker="Pueblo Nuevo"),
              Quote("en", "Nobody in the village has asked the authorities for help so far")]
    confirm_quotes(quotes, arts)
    assert (quotes[2].speaker, quotes[2].speaker_from) == ("Olga Serebrova", "en")
    assert quotes[2].also_in == ["en"] and quotes[0].confirmations == 2  # and now one quote confirmed twice
    assert quotes[3].speaker is None and quotes[3].speaker_from is None
    assert quotes[5].speaker is None
