"""A photo caption printed above the article (`clean.captions`), on invented pages."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(("page", "captions", "body_start"), [
    pytest.param("In this March 12 , 2024 file photo , workers inspect the Velna dam near Korven .\n" + BODY,
                 1, "Engineers removed", id="an agency's caption opening, without a stamp"),
    pytest.param("Governor Kovalenko tours the Velna dam near Korven on May 25 .\n-LRB- Reuters Photo -RRB- " + BODY,
                 1, "Engineers removed", id="the line above one that opens with a photo's credit"),
    pytest.param("Saturday : The governor's launch passes the Velna dam .\nAP KORVEN -- " + BODY,
                 1, "KORVEN -- Engineers", id="a caption stamped with a weekday"),
    pytest.param("Tuesday : Governor Kovalenko , followed by the mayor of Korven , Ivan Lenko , Ind .\n"
                 ", left , walks along the Velna dam after the repair .\nAP KORVEN -- " + BODY,
                 2, "KORVEN -- Engineers removed", id="a caption broken over two lines"),
    pytest.param("June 28 : Storm clouds gather over the Velna dam .\n"
                 "AFP Photo June 27 : Divers clear the spillway of the dam near Korven .\nAP KORVEN -- " + BODY,
                 2, "KORVEN -- Engineers removed", id="two photos captioned above the article"),
    pytest.param("Divers clear the spillway of the Velna dam near Korven .\nAP Photo\\/Ivan Lenko " + BODY,
                 1, "Engineers removed", id="a photo's credit naming its provider"),
    # Two photos' captions, the second broken by the dump and credited "AP" in front of the first
    # line's successor: all of it stands above "AP KORVEN --".
    pytest.param("June 28 : Storm clouds gather over the Velna dam .\n"
                 "AP June 27 : Governor Kovalenko and Mayor Lenko of Korven , Esk .\n"
                 "Ind. tour the spillway of the dam .\nAP KORVEN -- " + BODY,
                 3, "KORVEN -- Engineers removed", id="a caption running to the credit before the dateline"),
    pytest.param("Saturday : The governor's launch passes the Velna dam .\n"
                 "AP June 27 : Governor Kovalenko speaks in Korven .\nAP KORVEN -- " + BODY,
                 2, "KORVEN -- Engineers removed", id="a credit in front of a stamped caption ending the one above"),
    pytest.param("Divers clear the spillway of the Velna dam near Korven .\n"
                 "-LRB- By Ivan Lenko -- Associated Press -RRB- " + BODY,
                 1, "Engineers removed", id="a photographer's credit in brackets"),
    pytest.param("Governor Kovalenko tours the Velna dam near Korven on May 25 .\nThe dam was finished in 1961 .\n"
                 "-LRB- AP Photo\\/Korven Herald , Ivan Lenko -RRB- -LRB- Ivan Lenko - AP -RRB- "
                 "TV OUT ; MANDATORY CREDIT : KORVEN HERALD OUT NO SALES AP KORVEN -- " + BODY,
                 2, "KORVEN -- Engineers removed", id="two bracketed credits, the terms of use and the agency's tag"),
    pytest.param("The Velna dam after the spring floods .\nThe spillway was rebuilt in 1961 .\n"
                 "Photograph : Ivan de Lenko\\/AFP\\/Getty Images " + BODY,
                 2, "Engineers removed", id="a caption over the line the Guardian's credit opens"),
    pytest.param("A diver clears the spillway of the Velna dam near Korven , Esk , June 11 , 2024 .\n" + BODY,
                 1, "Engineers removed", id="an agency's caption ending on the photo's day"),
    pytest.param("Divers clear the spillway of the Velna dam near Korven in this undated photograph .\n" + BODY,
                 1, "Engineers removed", id="an agency's caption ending on its photo"),
])
def test_captions_above_the_article_are_set_apart(page, captions, body_start):
    result = clean_plain_text(page)
    assert [line.kind for line in result.lines[:captions]] == ["caption"] * captions
    assert result.body.startswith(body_start)


def test_a_lead_under_its_headline_that_ends_on_a_day_is_the_article():
    page = ("Velna dam gate lowered\n\nEngineers lowered the new gate of the Velna dam early on Sunday , June 11 , "
            "2024 .\n" + BODY)
    assert "Engineers lowered the new gate" in clean_plain_text(page).body


def test_a_first_sentence_that_says_who_told_of_a_day_is_the_article():
    page = "The water board said the Velna dam would reopen on June 11 , 2024 .\n" + BODY
    assert clean_plain_text(page).body.startswith("The water board said")


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


def test_a_wires_bracketed_tag_on_its_dateline_is_no_photo_credit():
    # the tag stays on the text it opens; the line above the dateline is the page's
    for tag in ("( CNN ) --", "-LRB- Reuters -RRB- -", "( AP ) --"):
        result = clean_plain_text(f"Governor Kovalenko spoke in Korven on Monday .\n{tag} {BODY}")
        plain = tag.replace("-LRB-", "(").replace("-RRB-", ")")
        assert result.body.startswith(f"{plain} Engineers removed")


@pytest.mark.parametrize(("credit", "body_start"), [
    ("Ivan Lenko\\/Reuters", "Engineers removed"),
    ("Reuters\\/Ivan Lenko", "Engineers removed"),
    ("Ivan Lenko\\/REUTERS", "Engineers removed"),
    ("Rex Features", "Engineers removed"),
    ("Mara Tolen for the Guardian", "Engineers removed"),
    ("Board of Water of Korven", "The Velna dam after the floods"),  # where the credit ends is not told: kept
])
def test_a_caption_and_credit_run_into_the_first_line_leave_it(credit, body_start):
    result = clean_plain_text(f"The Velna dam after the floods Photograph : {credit} {BODY}")
    assert result.body.startswith(body_start)


def test_a_caption_above_a_line_that_opens_on_photo_and_its_credit_leaves_both():
    page = "Governor Kovalenko : at the Velna dam on Monday .\nPhoto : Ivan Lenko\\/AP " + BODY
    assert clean_plain_text(page).body.startswith("Engineers removed")
    assert clean_plain_text("Photo : Ivan Lenko\\/AP " + BODY).body.startswith("Engineers removed")


def test_a_gallerys_bracketed_photo_credits_leave_every_caption():
    gallery = ("-LRB- AP Photo\\/Ivan Lenko -RRB- -LRB- Ivan Lenko - AP -RRB- Governor Oleksandr Kovalenko arrives for "
               "a press conference at the Velna dam on Saturday , Oct. 11 , 2031 .\n"
               "( AP Photo/Mara Tolen , Pool ) ( Mara Tolen - AP ) Divers clear the debris from the spillway of the "
               "Velna dam on Sunday , Oct. 12 , 2031 .\n"
               "( By Jan Orsk -- Bloomberg News ) " + BODY + "Crews stood by with pumps . ( Pia Lund\\/Bloomberg )\n")
    body = clean_plain_text(gallery).body
    assert not any(name in body for name in ("Lenko", "Tolen", "Orsk", "Lund", "Photo"))
    assert body.startswith("Engineers removed")
    assert body.rstrip().endswith("Crews stood by with pumps .")
    # a wire's tag and a bracket of the text's own stay
    kept = clean_plain_text("( Reuters ) - " + BODY + "The board ( the regional one ) met .\n").body
    assert "( Reuters ) -" in kept and "( the regional one )" in kept


def test_what_stands_above_the_wire_dateline_is_the_pages_and_its_byline_still_counts():
    page = ("By Mara Tolen , Special to KNV The dam holds for now , Mara Tolen writes Crews stand by with pumps "
            "as the board readies a new gate Editor 's note : Mara Tolen writes about water for the Korven Herald .\n"
            "Tune in to `` Korven Tonight '' for the latest on the repairs .\n"
            "Korven , Valdonia ( KNV ) -- " + BODY)
    result = clean_plain_text(page)
    assert [ln.kind for ln in result.lines[:2]] == ["caption", "caption"]
    assert result.body.startswith("Korven , Valdonia ( KNV ) -- Engineers removed")
    assert result.author == "Mara Tolen" and result.dateline is not None and result.dateline.agency == "KNV"
    # a transcript's "( via telephone ) :" is no dateline
    call = clean_plain_text("ANCHOR : We have the mayor on the phone .\n"
                            "IVAN LENKO , MAYOR OF KORVEN ( via telephone ) : "
                            "Engineers removed the cap this morning , and the water is falling .\n" + BODY)
    assert call.body.startswith("ANCHOR : We have the mayor")


def test_highlights_run_into_the_wire_dateline_are_the_pages():
    page = ("By Mara Tolen and Ivo Brandt , CNN Crews stand by with pumps at the Korven dam .\n"
            "NEW : The board readies a new gate Pumps run day and night Officials say the dam will hold "
            "Korven , Valdonia ( CNN ) -- " + BODY)
    result = clean_plain_text(page)
    assert [ln.kind for ln in result.lines[:2]] == ["caption", "body"]
    assert result.body.startswith("Korven , Valdonia ( CNN ) -- Engineers removed")
    assert result.author == "Mara Tolen and Ivo Brandt"
    assert (result.dateline.place, result.dateline.agency) == ("Korven", "CNN")
