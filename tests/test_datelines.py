"""Wire datelines are read from typography; ordinary sentences are left alone."""

from __future__ import annotations

import pytest

from storyline.clean.datelines import parse_dateline
from storyline.model import Dateline


@pytest.mark.parametrize(("text", "want"), [
    ("Tallinn/05.03.21/Harbor: The ferry company said", Dateline("Tallinn", "2021-03-05", "Harbor")),
    ("BLAGOEVGRAD, (XN) – This week the council", Dateline("Blagoevgrad", None, "XN")),
    ("OSLO, Mar 5 (Reuters) - Norway's fund", Dateline("Oslo", "2021-03-05", "Reuters")),
    ("WASHINGTON (AP) — The Senate voted", Dateline("Washington", None, "AP")),
    ("KYIV, Ukraine — Officials said", Dateline("Kyiv", None, None)),
    ("Lyon, 5 March (AFP) - Rail workers", Dateline("Lyon", "2021-03-05", "AFP")),
    ("LONDON: The bank raised rates", Dateline("London", None, None)),
    ("RIO DE JANEIRO (Reuters) - Brazil's", Dateline("Rio de Janeiro", None, "Reuters")),
    ("(Reuters) — The company said", Dateline(None, None, "Reuters")),
    # tokenised text (Penn Treebank escapes, a space before each comma), as corpora print it
    ("OSLO , Mar 5 -LRB- Reuters -RRB- - Norway 's fund", Dateline("Oslo", "2021-03-05", "Reuters")),
    ("HAMAR , Norway -LRB- Reuters -RRB- -- The lake", Dateline("Hamar", None, "Reuters")),
    ("GRAND ISLE , La. -- Fishermen said", Dateline("Grand Isle", None, None)),
    ("OSLO , Norway , Mar. 5 -- The fund", Dateline("Oslo", "2021-03-05", None)),
    ("OSLO , Mar. 5 , 2021 -- The fund", Dateline("Oslo", "2021-03-05", None)),
    ("HAMAR , Norway , -LRB- Reuters -RRB- - The lake", Dateline("Hamar", None, "Reuters")),
    ("NEW YORK , March 5 -LRB- Reuters -RRB- - The fund", Dateline("New York", "2021-03-05", "Reuters")),
    ("OSLO , Norway -LRB- Reuters Life ! -RRB- - The fjord", Dateline("Oslo", None, "Reuters Life!")),
    ("WASHINGTON _ The agencies have agreed", Dateline("Washington", None, None)),
    ("-LRB- CNN -RRB- -- Three senators said", Dateline(None, None, "CNN")),
    # the same once the brackets are printed back, as the stored body has them
    ("HAMAR , Norway ( Reuters ) -- The lake", Dateline("Hamar", None, "Reuters")),
    ("( CNN ) -- Three senators said", Dateline(None, None, "CNN")),
    # a site's dateline printed over the wire's: the place, and the agency of the second
    ("WASHINGTON -- WASHINGTON ( AP ) -- Early finger-pointing erupted", Dateline("Washington", None, "AP")),
    ("NEW ORLEANS -- NEW ORLEANS -- The government said", Dateline("New Orleans", None, None)),
    # two places joined by a slash (escaped in tokenised text): the first is the dateline's
    ("HAMAR\\/OSLO , Norway -LRB- Reuters -RRB- - The lake", Dateline("Hamar", None, "Reuters")),
    ("OSLO/BERGEN (Reuters) - Norway's fund", Dateline("Oslo", None, "Reuters")),
    # a date where the place goes is the date
    ("Mar 5 -LRB- Reuters -RRB- - Norway 's fund", Dateline(None, "2021-03-05", "Reuters")),
    # a month without its day where the place goes: a site's stamp over the wire's dateline
    ("Mar -LRB- Reuters -RRB- - OSLO , March 5 -LRB- Reuters -RRB- - The fund",
     Dateline("Oslo", "2021-03-05", "Reuters")),
    ("Mar -LRB- Reuters -RRB- - The fund", Dateline(None, None, "Reuters")),
])
def test_datelines(text, want):
    assert parse_dateline(text, published="2021-03-06") == want


@pytest.mark.parametrize("text", [
    "Norway said on Saturday, after a long meeting, that it would wait.",
    "NATO: the alliance will meet again next week.",
    "BREAKING: a ferry has run aground.",
    "EDITOR 'S NOTE : REUTERS CAN NOT VERIFY THE VIDEO 'S CONTENT .",
    "ANNA TOLEN , CNN ANCHOR : Good morning .",  # a transcript's speaker and role
    "The mayor - who was re-elected in May - spoke first.",
    "I think - maybe - it will rain.",
    "Norway -LRB- the kingdom -RRB- said on Saturday it would wait.",
    "TV\\/Radio is dead , he said - and he meant it .",
    "DEAR ABBY: My husband booked himself a better seat than mine.",  # a letter's salutation
    "",
])
def test_no_false_datelines(text):
    assert parse_dateline(text) is None


def test_day_month_dateline_takes_year_from_published_only():
    assert parse_dateline("OSLO, Mar 5 (Reuters) - Norway").date is None


@pytest.mark.parametrize(("text", "place", "date", "agency"), [
    ("Колмар, 12 февраля. Четыре человека погибли при пожаре.", "Колмар", "2026-02-12", None),
    ("МОСКВА, 12 февраля. /ТАСС/. Президент провёл совещание.", "Москва", "2026-02-12", "ТАСС"),
    ("Москва, 3 марта – РИА Новости. Суд вынес приговор.", "Москва", "2026-03-03", "РИА Новости"),
])
def test_russian_wire_datelines(text, place, date, agency):
    found = parse_dateline(text, "2026-02-12T10:40")
    assert (found.place, found.date, found.agency) == (place, date, agency)


def test_a_russian_sentence_with_a_date_is_no_dateline():
    assert parse_dateline("Путин, по его словам, 12 февраля приедет в Колмар.", "2026-02-12") is None
    assert parse_dateline("Суд, 12 февраля рассмотревший дело, вынес приговор.", "2026-02-12") is None


def test_the_text_after_a_doubled_dateline_starts_at_the_sentence():
    from storyline.clean.datelines import after_dateline

    assert after_dateline("WASHINGTON -- WASHINGTON ( AP ) -- Early finger-pointing") == "Early finger-pointing"
    assert after_dateline("NEW ORLEANS -- NEW ORLEANS -- The government said") == "The government said"


@pytest.mark.parametrize(("line", "opens_at"), [
    ("Crews stand by with pumps Korven , Valdonia ( CNN ) -- Engineers", "Korven , Valdonia"),
    ("The board says the gate will hold Estavel ( CNN ) -- Engineers", "Estavel ("),
    ("Rebels say they hold the port of Marrow Korven , Valdonia ( CNN ) -- Engineers", "Korven ,"),
    ("Talks moved toward Lisk Estavel ( CNN ) -- Engineers", "Estavel ("),
    ("The board voted again on Tuesday Port Mallow ( CNN ) -- Engineers", "Port Mallow ("),
    ("Crews were attacked Saturday Dunmere , Valdonia ( CNN ) -- Engineers", "Dunmere ,"),
    ("By Mara Tolen , Water Editor KORVEN , May 8 ( Reuters ) - Engineers", "KORVEN ,"),
    ("Posted 9:46 am EDT KORVEN ( Reuters ) - Engineers", "KORVEN ("),
    ("By Mara Tolen , CNN Korven , Valdonia ( CNN ) -- Engineers", "Korven ,"),
    # no place told from the text before: the story opens at the tag
    ("Pumps run day and night in the eastern provinces ( CNN ) -- Engineers", "( CNN )"),
    ("Crowds chant `` the dam must go '' ( CNN ) -- Engineers", "( CNN )"),
    ("Aid trucks reach the villages of eastern Valdonia ( CNN ) -- Engineers", "( CNN )"),
])
def test_a_dateline_run_in_after_a_pages_highlights(line, opens_at):
    from storyline.clean.datelines import run_in_dateline

    assert line[run_in_dateline(line):].startswith(opens_at)


@pytest.mark.parametrize("line", [
    "Korven , Valdonia ( CNN ) -- Engineers removed the cap",  # the line opens with it
    "WASHINGTON -- WASHINGTON ( AP ) -- Engineers removed the cap",
    "Chemists measured polyaromatic compounds ( PAHs ) -- a class of pollutants",  # no medium's tag
    "Crews stand by Korven , Valdonia ( AP ) -- Engineers removed the cap and said ...",  # a teaser cut short
])
def test_no_run_in_dateline(line):
    from storyline.clean.datelines import run_in_dateline

    assert run_in_dateline(line) == 0


def test_a_run_in_dateline_keeps_the_place_the_story_names():
    from storyline.clean.datelines import run_in_dateline

    line = "Shelling goes on at the port of Cape Doran Cape Doran , Valdonia ( CNN ) -- Shells fell"
    assert line[run_in_dateline(line, ["They hit Cape Doran at dawn ."]):].startswith("Cape Doran , Valdonia")
    # the text before ended on a place of its own, which the story names alone
    line = "Crews reach Marrow Korven , Valdonia ( CNN ) -- Water rose"
    assert line[run_in_dateline(line, ["The dam above Korven held ."]):].startswith("Korven ,")
    line = "Crews reach San Estavel ( CNN ) -- Water rose"
    assert line[run_in_dateline(line, ["El Estavel is a town nearby ."]):].startswith("San Estavel")



def test_a_sites_credit_glued_to_the_first_word_is_a_dateline():
    assert parse_dateline("(CNN)President Ilse Varga made an unscheduled visit.") == Dateline(agency="CNN")
    assert parse_dateline("Hong Kong (CNN)Protesters filled the streets.") == Dateline(place="Hong Kong", agency="CNN")
    assert parse_dateline("The rate (ECB)Rose again.") is None  # no place's capitals before it
