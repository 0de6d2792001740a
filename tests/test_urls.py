"""The address a text dump prints above a page: its outlet and the day its path names."""

from __future__ import annotations

from storyline.clean import clean
from storyline.clean.urls import outlet_from_url, page_url, url_date
from storyline.model import RawDocument

PAGE = ("Ferry crew rescued after engine fire off Lisk\n"
        "Twelve crew members were rescued from a burning ferry off Lisk on Thursday, the coast guard said.\n"
        "The fire started in the engine room shortly after the ferry left port, a spokesman said.\n")


def test_a_url_alone_on_one_of_the_first_lines_is_the_pages_address():
    assert page_url(["", "http://www.harbournews.example/2026/02/12/ferry-fire/", "Title"]) == (
        1, "http://www.harbournews.example/2026/02/12/ferry-fire/")
    # token corpora set every full stop and slash apart
    assert page_url(["http : / / www . harbournews . example / news / 2026 / Feb / 12 / ferry - fire /"]) == (
        0, "http://www.harbournews.example/news/2026/Feb/12/ferry-fire/")
    # a sentence naming a site, or an address below the head, is none
    assert page_url(["http://example.org is where the council posts its minutes."]) is None
    assert page_url(["Title", "Standfirst", "Byline", "http://www.harbournews.example/a"]) is None


def test_the_day_a_news_path_names():
    assert url_date("http://www.harbournews.example/2026/02/12/ferry-fire/") == "2026-02-12"
    assert url_date("http://www.harbournews.example/news/2026/Feb/02/ferry/") == "2026-02-02"
    assert url_date("http://harbournews.example/sports/2026-02-03-ferry-race_N.htm") == "2026-02-03"
    assert url_date("http://harbournews.example/story/10120887/ferry") is None
    assert url_date("http://harbournews.example/2026/02/31/ferry") is None  # no such day
    assert url_date("http://harbournews.example/2026/13/") is None


def test_outlet_is_the_host_without_www():
    assert outlet_from_url("https://www.harbournews.example/x") == "harbournews.example"
    assert outlet_from_url("http://m.harbournews.example/x") == "harbournews.example"
    assert outlet_from_url(None) is None


def test_a_dump_that_opens_with_its_url_gets_outlet_url_and_day():
    tokenised = "http : / / www . harbournews . example / 2026 / 02 / 12 / ferry - fire /\n"
    article = clean(RawDocument(source="x.txt", kind="text", content=tokenised + PAGE))
    assert article.url == "http://www.harbournews.example/2026/02/12/ferry-fire/"
    assert article.outlet == "harbournews.example" and article.published == "2026-02-12"
    assert article.lines[0].kind == "metadata"
    assert article.title == "Ferry crew rescued after engine fire off Lisk"
    assert article.text.startswith("Twelve crew members")
    # a printed stamp wins over the path's day
    stamped = clean(RawDocument(source="x.txt", kind="text",
                                content="http://www.harbournews.example/2026/02/12/ferry-fire/\n"
                                        "Ferry crew rescued after engine fire off Lisk\nFebruary 13, 2026 08:15\n"
                                        + PAGE.split("\n", 1)[1]))
    assert stamped.published == "2026-02-13T08:15"
    # an outlet the input names stays
    named = clean(RawDocument(source="x.txt", kind="text", outlet="Harbour News",
                              content="http://www.harbournews.example/2026/02/12/ferry-fire/\n" + PAGE))
    assert named.outlet == "Harbour News"


def test_the_url_line_is_never_body_and_leaves_the_headline_above_the_text():
    # a short page: the body region would have opened at the URL line, the headline inside it
    page = ("http : / / www . harbournews . example / news / 12345 / ferry - crew - rescued - off - lisk\n"
            "Ferry crew rescued after engine fire off Lisk\n"
            "Twelve crew members were rescued from a burning ferry off Lisk , the coast guard said .\n"
            "8 : 44AM GMT 12 Feb 2026\n"
            "The fire started in the engine room shortly after the ferry left port , a spokesman said .\n")
    article = clean(RawDocument(source="x.txt", kind="text", content=page))
    assert not article.text.startswith("http")
    assert article.title == "Ferry crew rescued after engine fire off Lisk"
    # the stamp between the standfirst and the text dates the page and leaves the body
    assert article.published == "2026-02-12"
    assert [ln.kind for ln in article.lines][:4] == ["metadata", "title", "body", "metadata"]
