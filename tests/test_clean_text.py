"""The plain-text cleaner on invented pages shaped like real dumps: masthead, title, byline,
body, teasers of other stories, subscription pleas, comments."""

from __future__ import annotations

import time

from storyline.clean.text import clean_plain_text
from tests.conftest import FIXTURES

TEXT = FIXTURES / "text"  # invented articles, written for these tests

MASTHEAD_PAGE = (TEXT / "masthead.txt").read_text(encoding="utf-8")

WIRE_PAGE = (TEXT / "wire.txt").read_text(encoding="utf-8")

BYLINE_PAGE = (TEXT / "byline.txt").read_text(encoding="utf-8")

DUMP_PAGE = (TEXT / "web_dump.txt").read_text(encoding="utf-8")


def kinds(result):
    return {ln.n: ln.kind for ln in result.lines}


def test_masthead_title_date_and_author_alone_on_a_line():
    r = clean_plain_text(MASTHEAD_PAGE)
    k = kinds(r)
    assert k[1] == k[2] == "boilerplate"
    assert k[4] == "title" and r.title == "Harbour Authority Delays Ferry Timetable After Storm Damage"
    assert k[7] == "metadata" and r.published == "2021-03-09T16:30"
    assert k[8] == "metadata" and r.author == "Lena Okafor"
    assert k[10] == k[12] == k[17] == "body"
    assert k[14] == "subheading"
    assert r.body.startswith("The harbour authority said") and "Repairs" in r.body


def test_one_line_per_input_line_numbered_from_one():
    r = clean_plain_text(MASTHEAD_PAGE)
    assert [ln.n for ln in r.lines] == list(range(1, MASTHEAD_PAGE.count("\n") + 2))
    assert [ln.text for ln in r.lines] == MASTHEAD_PAGE.split("\n")


def test_wire_dateline_and_teasers_after_the_body():
    r = clean_plain_text(WIRE_PAGE)
    k = kinds(r)
    assert k[2] == "title" and r.title.startswith("Ferry operators warn")
    assert k[3] == k[4] == k[5] == "body"
    assert r.dateline is not None and (r.dateline.place, r.dateline.date, r.dateline.agency) == (
        "Tallinn", "2021-03-09", "Harbor")
    assert r.published == "2021-03-09"
    assert all(k[n] == "boilerplate" for n in (6, 9, 10, 11, 12, 13, 14))
    assert "bridge" not in r.body and "trees" not in r.body


def test_by_admin_is_no_author():
    r = clean_plain_text(BYLINE_PAGE)
    k = kinds(r)
    assert k[1] == "title" and k[3] == "boilerplate" and k[5] == "metadata"
    assert r.author is None
    assert k[7] == k[9] == "body" and k[11] == "boilerplate"


def test_web_dump_menus_related_links_and_comments_are_cut():
    r = clean_plain_text(DUMP_PAGE)
    assert r.title == "Council Approves New Cycle Lanes"
    assert r.author == "Maria Lindqvist"
    assert r.published == "2021-03-09T08:15"
    assert r.body.startswith("The city council voted on Tuesday")
    assert r.body.endswith("as the roads are resurfaced.")
    for junk in ("Subscribe", "Share this", "Parking Fees", "long overdue", "waste of money", "rights reserved"):
        assert junk not in r.body


def test_empty_and_odd_inputs():
    assert clean_plain_text("").body == ""
    assert clean_plain_text("\n\n\n").lines[0].n == 1
    r = clean_plain_text("Just one short line")
    assert len(r.lines) == 1
    assert clean_plain_text("x" * 5000).body in ("", "x" * 5000)


def test_fast_enough_for_batches():
    clean_plain_text(DUMP_PAGE)
    start = time.perf_counter()
    for _ in range(200):
        clean_plain_text(DUMP_PAGE)
    assert (time.perf_counter() - start) / 200 < 0.005  # generous: the real figure is in bench/plain.py
