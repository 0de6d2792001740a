"""Dates as pages print them, read into ISO strings."""

from __future__ import annotations

import pytest

from storyline.clean.dates import given_date, is_date_line, parse_date


@pytest.mark.parametrize(("text", "iso"), [
    ("Sat 31 Oct 2020 | 07:00 PM", "2020-10-31T19:00"),
    ("31.10.20", "2020-10-31"),
    ("31 October 2020 19:19", "2020-10-31T19:19"),
    ("October 31, 2020", "2020-10-31"),
    ("Oct. 31, 2020", "2020-10-31"),
    ("2020-10-31", "2020-10-31"),
    ("2020-10-31T08:15:00Z", "2020-10-31T08:15"),
    ("Published: March 3, 2021 at 7:05 p.m.", "2021-03-03T19:05"),
    ("Updated 12/24/2019 12:30 AM", "2019-12-24T00:30"),
    ("Saturday, 1st of February 2020", "2020-02-01"),
    ("- 14 July 2018 08:45", "2018-07-14T08:45"),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["version 1.2.3", "no date here", "Call 555-1234", "99.99.99", "32 October 2020"])
def test_no_date(text):
    assert parse_date(text) is None


def test_date_line_is_a_stamp_not_a_sentence():
    assert is_date_line("Published on Monday, 14 July 2018")
    assert is_date_line("Harbour News | June 2, 2019 5:10 pm")
    assert not is_date_line("The council met on 14 July 2018 to vote on the new ferry timetable.")
    assert not is_date_line("Ferry timetable")


@pytest.mark.parametrize(("text", "iso"), [
    ("March 27 , 2008", "2008-03-27"),          # tokenised text puts a space before the comma
    ("27 de marzo del 2008", "2008-03-27"),
    ("27 marzo 2008", "2008-03-27"),
    ("13 octobre 2005", "2005-10-13"),
    ("5 mei 2009", "2009-05-05"),
    ("14 марта 2024 года", "2024-03-14"),
    ("27-Mar-08", "2008-03-27"),
    # Corpora kept as tokens (ECB+, PTB dumps) set every full stop, colon and slash apart.
    ("on Feb . 04 , 2009", "2009-02-04"),
    ("10 : 55 P . M . FEB . 2 , 2009", "2009-02-02"),
    ("Posted 2 / 3 / 2009 11 : 11 PM", "2009-02-03T23:11"),
    ("Updated 09 / 14 / 2013 01 : 03 PM", "2013-09-14T13:03"),
    ("8 : 05am UK , Monday 16 September 2013", "2013-09-16"),
    ("16 Ocak 2020 Perşembe", "2020-01-16"),
    ("10 stycznia 2020 r.", "2020-01-10"),
    ("الجمعة 10 يناير 2020", "2020-01-10"),
    ("2020 年 1 月 2 日", "2020-01-02"),
    ("2020년 3월 5일", "2020-03-05"),
    ("25 mars 2020, 17 h 59 CET", "2020-03-25T17:59"),
    ("10. Februar 2020, 14:54 Uhr", "2020-02-10T14:54"),  # the German ordinal's dot
    ("Am 5. März 2020 um 10:30 Uhr", "2020-03-05T10:30"),
    ("10 stycznia 2020, godz. 17:00", "2020-01-10T17:00"),
])
def test_date_lines_in_other_languages_and_as_tokens(text, iso):
    assert parse_date(text) == iso
    assert is_date_line(text)


def test_tokenised_slashes_need_a_date_shape():
    assert parse_date("http : / / example . com / 2009 / 02 / 04 / story") is None
    assert parse_date("scores of 1 / 2 / 2009 / 5") is None


def test_a_slashed_date_that_reads_both_ways_is_settled_by_the_article_words():
    from storyline.clean.dates import other_reading, settle_day_month

    assert other_reading("12/02/2026 - 19:10") == "2026-02-12T19:10"
    assert other_reading("02/14/2026") is None and other_reading("03/03/2026") is None
    assert other_reading("Posted 12 / 02 / 2026 19 : 10") == "2026-02-12T19:10"
    text = "Five people died in the fire overnight, and the director was questioned on Thursday afternoon."
    # 12 February 2026 was a Thursday; 2 December 2026 a Wednesday
    assert settle_day_month("2026-12-02", "2026-02-12", text) == "2026-02-12"
    assert settle_day_month("2026-12-02", "2026-02-12", "No day is named here.") == "2026-12-02"
    assert settle_day_month("2026-12-02", "2026-02-12", "Talks resume in December.") == "2026-12-02"
    assert settle_day_month("2026-12-02", "2026-02-12", "No day is named here.", today="2026-03-01") == "2026-02-12"


def test_plain_text_page_with_a_day_first_stamp():
    from storyline.clean import clean
    from storyline.model import RawDocument

    page = ("Harbour fire: crews work through the night\n\nBy Web Desk\n\n12/02/2026 - 19:10\n\n"
            "Crews fought a fire at the Lisk harbour warehouse overnight, and the owner was questioned "
            "on Thursday afternoon, police said.\n\nThe warehouse held timber and paint, a fire officer said.\n")
    assert clean(RawDocument(source="x.txt", content=page, kind="text")).published == "2026-02-12T19:10"


def test_tokenised_page_takes_its_date_line_as_date_not_title():
    from storyline.clean import clean
    from storyline.model import RawDocument

    page = ("http : / / www . harbournews . example / 2026 / 02 / 12 / ferry - fire /\n"
            "Ferry crew rescued after engine fire off Lisk\n"
            "10 : 55 P . M . FEB . 12 , 2026\n"
            "Twelve crew members were rescued from a burning ferry off Lisk on Thursday , the coast guard said .\n"
            "The fire started in the engine room shortly after the ferry left port , a spokesman said .\n")
    article = clean(RawDocument(source="x.txt", content=page, kind="text"))
    assert article.title == "Ferry crew rescued after engine fire off Lisk"
    assert article.published == "2026-02-12"


@pytest.mark.parametrize(("given", "expected"), [
    ("2020-10-31T19:00:00+03:00", "2020-10-31T19:00"),  # the time as written, no zone shift
    ("Sat, 31 Oct 2020 19:00:00 GMT", "2020-10-31T19:00"),
    (1604170800, "2020-10-31T19:00"), ("1604170800123", "2020-10-31T19:00"),  # epoch seconds, milliseconds
    ("31/10/2020", "2020-10-31"), ("10/31/2020", "2020-10-31"), ("2020/10/31", "2020-10-31"),
    ("31.10.2020", "2020-10-31"), ("October 31, 2020", "2020-10-31"), ("2020-10-31T00:00:00Z", "2020-10-31"),
    ("yesterday", None), ("0000-00-00", None), ("2020-02-30", None), ("2099-01-01", None), (17, None),
    (True, None), (["2020-10-31"], None), ("", None), (None, None),
])
def test_a_date_a_caller_gives_is_read_in_any_common_shape_or_not_at_all(given, expected):
    assert given_date(given) == expected
