"""A photo caption printed above the article (`clean.captions`), on invented pages."""

from __future__ import annotations

from storyline.clean import clean
from storyline.clean.implied_dates import infer_missing_dates
from storyline.clean.text import clean_plain_text
from storyline.model import RawDocument

BODY = (
    "Engineers removed a temporary cap Thursday that had stopped water from pouring through the Velna dam , "
    "and crews stood by with pumps in case the repair failed .\n"
    "The regional water board said the new gate would be lowered next week once divers had cleared the "
    "debris from the spillway , a job it expects to take four days .\n"
    "Governor Oleksandr Kovalenko said the town of Korven was no longer at risk and that families "
    "evacuated in March could return home by the end of the month .\n"
)


def test_a_stamped_caption_above_the_article_is_set_apart_and_its_credit_leaves_the_dateline():
    page = ("Aug. 3 : In this image taken from video provided by the water board , the new gate sits atop the "
            "Velna dam .\nAP KORVEN -- " + BODY)
    result = clean_plain_text(page)
    assert result.lines[0].kind == "caption"
    assert result.body.startswith("KORVEN -- Engineers removed")
    assert result.dateline is not None and result.dateline.place == "Korven"


def test_an_agency_caption_opening_is_a_caption_without_a_stamp():
    page = "In this March 12 , 2024 file photo , workers inspect the Velna dam near Korven .\n" + BODY
    result = clean_plain_text(page)
    assert result.lines[0].kind == "caption" and result.body.startswith("Engineers removed")


def test_a_timelines_stamped_entries_stay_the_article():
    page = ("April 20 : The Velna dam gives way after three days of rain , flooding the lower town of Korven .\n"
            "April 22 : Governor Kovalenko orders the evacuation of four villages downstream of the dam .\n" + BODY)
    result = clean_plain_text(page)
    assert result.body.startswith("April 20 : The Velna dam")


def test_the_day_a_caption_states_still_dates_the_article():
    page = ("In this image provided by the water board , Wednesday , March 13 , 2024 , divers clear the "
            "spillway of the Velna dam .\n" + BODY)
    article = clean(RawDocument(source="gate.txt", content="Velna gate lowered\n\n" + page, kind="text"))
    assert article.published is None and not article.text.startswith("In this image")
    assert infer_missing_dates([article]) == 1 and article.published == "2024-03-13"


def test_a_line_whose_next_line_opens_with_a_photo_credit_is_a_caption():
    page = ("Governor Kovalenko tours the Velna dam near Korven on May 25 .\n"
            "-LRB- Reuters Photo -RRB- " + BODY)
    result = clean_plain_text(page)
    assert result.lines[0].kind == "caption" and result.body.startswith("Engineers removed")


def test_a_caption_stamped_with_a_weekday_is_set_apart():
    page = "Saturday : The governor's launch passes the Velna dam .\nAP KORVEN -- " + BODY
    result = clean_plain_text(page)
    assert result.lines[0].kind == "caption" and result.body.startswith("KORVEN -- Engineers")


def test_a_caption_broken_over_two_lines_is_one_caption():
    page = ("Tuesday : Governor Kovalenko , followed by the mayor of Korven , Ivan Lenko , Ind .\n"
            ", left , walks along the Velna dam after the repair .\nAP KORVEN -- " + BODY)
    result = clean_plain_text(page)
    assert [line.kind for line in result.lines[:2]] == ["caption", "caption"]
    assert result.body.startswith("KORVEN -- Engineers removed")


def test_two_photos_captioned_above_the_article_are_both_set_apart():
    page = ("June 28 : Storm clouds gather over the Velna dam .\n"
            "AFP Photo June 27 : Divers clear the spillway of the dam near Korven .\n"
            "AP KORVEN -- " + BODY)
    result = clean_plain_text(page)
    assert [line.kind for line in result.lines[:2]] == ["caption", "caption"]
    assert result.body.startswith("KORVEN -- Engineers removed")


def test_a_photo_credit_naming_its_provider_leaves_the_text():
    page = "Divers clear the spillway of the Velna dam near Korven .\nAP Photo\\/Ivan Lenko " + BODY
    result = clean_plain_text(page)
    assert result.lines[0].kind == "caption" and result.body.startswith("Engineers removed")


def test_a_caption_runs_to_the_credit_before_the_articles_dateline():
    # Two photos' captions, the second broken by the dump and credited "AP" in front of the first
    # line's successor: all of it stands above "AP KORVEN --".
    page = ("June 28 : Storm clouds gather over the Velna dam .\n"
            "AP June 27 : Governor Kovalenko and Mayor Lenko of Korven , Esk .\n"
            "Ind. tour the spillway of the dam .\n"
            "AP KORVEN -- " + BODY)
    result = clean_plain_text(page)
    assert [line.kind for line in result.lines[:3]] == ["caption", "caption", "caption"]
    assert result.body.startswith("KORVEN -- Engineers removed")


def test_a_credit_in_front_of_a_stamped_caption_ends_the_caption_above():
    page = ("Saturday : The governor's launch passes the Velna dam .\n"
            "AP June 27 : Governor Kovalenko speaks in Korven .\n"
            "AP KORVEN -- " + BODY)
    result = clean_plain_text(page)
    assert [line.kind for line in result.lines[:2]] == ["caption", "caption"]
    assert result.body.startswith("KORVEN -- Engineers removed")
