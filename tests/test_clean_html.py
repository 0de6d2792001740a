"""HTML extraction: body, filters, second opinion and metadata, on small pages written here."""

from __future__ import annotations

from copy import copy

import trafilatura
from lxml import etree
from trafilatura.settings import Extractor
from trafilatura.utils import load_html

from storyline.clean.html import _OPTIONS, extract_html
from storyline.clean.html_blocks import combine, find_article_blocks
from storyline.clean.html_filters import FilterContext, clean_body, is_boilerplate_line
from storyline.clean.html_metadata import clean_author, clean_title, extract_metadata, normalize_date

PROSE = [
    "The city council approved the new budget on Tuesday after a long debate about transport, schools "
    "and the cost of repairing the old bridge over the river, which engineers called urgent.",
    "Opposition members said the plan ignored the poorer districts, and promised to bring the question "
    "back at the next session, when the auditors' report on last year's spending is due.",
    "The mayor defended the vote, saying the bridge could not wait another winter and that the schools "
    "would get their share once the regional grant arrives in the spring, as officials expect.",
    "Residents who spoke at the meeting were divided, with some praising the bridge repairs while others "
    "asked why the bus lines to the suburbs had been cut again this year without any consultation.",
]


def page(body: str, head: str = "", lang: str = "en") -> str:
    title = "<title>Council passes budget | Daily Example</title>"
    return f'<html lang="{lang}"><head>{title}{head}</head><body>{body}</body></html>'


ARTICLE = page(
    '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>'
    "<article><h1>Council passes budget</h1>"
    + "".join(f"<p>{p}</p>" for p in PROSE)
    + '<p><a href="/other">Read more: Mayor opens the new library in the old market hall</a></p>'
    + "<p>Sign up for our newsletter</p>"
    + '<h3>Related stories</h3><ul><li><a href="/a">Bridge closed for repairs after inspection finds cracks</a></li>'
    + '<li><a href="/b">Schools ask for more money as pupil numbers keep rising</a></li></ul>'
    + "</article><footer><p>© 2019 Daily Example. All rights reserved.</p></footer>",
    head='<meta property="og:site_name" content="Daily Example">'
    '<meta property="article:published_time" content="2019-11-19T10:22:00-05:00">'
    '<meta name="author" content="Jane Doe"><link rel="canonical" href="https://example.com/budget">',
)


def test_body_keeps_prose_and_drops_title_teasers_and_pleas() -> None:
    result = extract_html(ARTICLE)
    lines = result.text.split("\n")
    for paragraph in PROSE:
        assert paragraph in lines
    assert "Council passes budget" not in result.text  # the headline is the title field
    assert "Read more" not in result.text
    assert "newsletter" not in result.text
    assert "Bridge closed for repairs" not in result.text
    assert "All rights reserved" not in result.text


def test_metadata() -> None:
    result = extract_html(ARTICLE, url="https://example.com/budget?utm=x")
    assert result.title == "Council passes budget"
    assert result.published == "2019-11-19T10:22"
    assert result.author == "Jane Doe"
    assert result.outlet == "Daily Example"
    assert result.language == "en"
    assert result.url == "https://example.com/budget"


def test_metadata_from_json_ld_and_junk_author() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",'
        ' "headline": "Flood waters recede", "datePublished": "2020-03-02", "author": {"@type": "Person",'
        ' "name": "admin"}, "publisher": {"@type": "Organization", "name": "River Post"}}]}</script>'
    )
    tree = load_html(page("<p>x</p>", head=head, lang="de-AT"))
    meta = extract_metadata(tree)
    assert meta.published == "2020-03-02"
    assert meta.author is None
    assert meta.outlet == "River Post"
    assert meta.language == "de"


def test_helpers() -> None:
    assert normalize_date("2019-11-19T00:00:00Z") == "2019-11-19"
    assert normalize_date("20191119") == "2019-11-19"
    assert normalize_date("yesterday") is None
    assert clean_author("By Jane Doe") == "Jane Doe"
    assert clean_author("https://facebook.com/jane") is None
    assert clean_author("Staff") is None
    assert clean_title("Council passes budget - Daily Example", "Daily Example") == "Council passes budget"
    assert is_boilerplate_line("DON'T MISS")
    assert is_boilerplate_line("Share this article")
    assert not is_boilerplate_line("The share price fell sharply after the results were published.")


def test_author_fields_name_people_not_their_roles_desks_or_outlet() -> None:
    assert clean_author("By JANE ROE, AP Science Writer", "Valley Courier") == "Jane Roe"
    assert clean_author("Analysis by Jane Roe, River Post Editor-at-large", "River Post") == "Jane Roe"
    assert clean_author("Jane Roe | Valley Media for Valley.com") == "Jane Roe"
    assert clean_author("Jane Roe. Valley International") == "Jane Roe"
    assert clean_author("JANE ROE and JOHN DOE, Associated Press", "Valley Courier") == "Jane Roe; John Doe"
    assert clean_author("Jane Roe, John Doe") == "Jane Roe; John Doe"
    assert clean_author("River Post Staff") is None
    assert clean_author("River Post Sport", "The River Post") is None
    assert clean_author("River-Post", "River Post") is None
    assert clean_author("by") is None
    assert clean_author("Reuters", "Valley Courier") == "Reuters"  # wire copy on another site
    assert clean_author("Ann Post", "Washington Post") == "Ann Post"


def _meta(head: str, url: str | None = None, title: str = "Council passes budget | Daily Example"):
    html = f'<html lang="en"><head><title>{title}</title>{head}</head><body><p>x</p></body></html>'
    return extract_metadata(load_html(html), url=url)


def test_author_from_a_profile_address_and_a_bare_by() -> None:
    head = '<meta property="article:author" content="https://www.riverpost.example/author/jane-roe">'
    assert _meta(head + '<span rel="author">by</span>').author == "Jane Roe"
    assert _meta('<span rel="author"><b>By</b> <i>RIVER POST STAFF</i></span>').author is None


def test_outlet_is_the_sites_name_not_its_tagline_address_slug_or_section() -> None:
    url = "https://www.riverpost.example/2019/11/19/floods-recede/"
    tagline = '<meta property="og:site_name" content="River Post | The valley\'s favourite paper">'
    assert _meta(tagline, url).outlet == "River Post"
    address = ('<meta property="og:site_name" content="https://www.riverpost.example">'
               '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"name": "The River Post"}}'
               "</script>")
    assert _meta(address, url).outlet == "The River Post"
    slug = '<meta property="og:site_name" content="riverpost">'
    assert _meta(slug, url).outlet == "riverpost.example"
    section = '<meta property="og:site_name" content="U.S.">'
    assert _meta(section, url, title="Floods recede - River Post").outlet == "River Post"
    brand = '<meta property="og:site_name" content="Experience">'
    assert _meta(brand, "https://www.expapp.example/blog/x", title="New CEO - Experience").outlet == "Experience"


def test_a_day_in_the_address_beats_a_scan_of_the_page() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"}'
            '</script><meta property="og:url" content="https://www.valley.example/story/news/2019/11/19/guards-charged/">')
    body_date = '<p class="date">March 28, 2017</p>'  # a link's or an image's day, where the page prints none
    html = f"<html><head><title>Guards charged</title>{head}</head><body>{body_date}<p>x</p></body></html>"
    assert extract_metadata(load_html(html)).published == "2019-11-19"  # a file on disk: its address is the page's


def test_filters_keep_lists_and_tables_after_the_last_paragraph() -> None:
    body = etree.fromstring(
        "<body><p>" + PROSE[0] + "</p><head>Ingredients</head><list><item>2 pears</item><item>1 lemon</item>"
        "</list><head>Results</head><table><row><cell>a</cell></row></table></body>"
    )
    clean_body(body, FilterContext())
    assert [el.tag for el in body] == ["p", "head", "list", "head", "table"]


def test_filters_trim_trailing_teaser_cards() -> None:
    body = etree.fromstring(
        "<body><p>" + PROSE[0] + "</p><head>Join our contest</head><list><item><head>Other story</head>"
        "<head>Its dek</head></item></list></body>"
    )
    clean_body(body, FilterContext())
    assert [el.tag for el in body] == ["p"]


def test_second_opinion_restores_a_chunked_body() -> None:
    """An article split into sibling containers: trafilatura keeps the first chunk only."""
    html = page(
        '<main><div class="body-chunk">'
        + "".join(f"<p>{p}</p>" for p in PROSE[:2])
        + '</div><div class="ad">Advertisement</div><div class="body-chunk">'
        + "".join(f"<p>{p}</p>" for p in PROSE[2:])
        + "</div></main>"
    )
    tree = load_html(html)
    blocks = find_article_blocks(tree)
    assert [b.text for b in blocks] == PROSE
    body = etree.fromstring(f"<body><p>{PROSE[0]}</p><p>{PROSE[1]}</p></body>")
    combine(body, blocks)
    assert ["".join(el.itertext()) for el in body] == PROSE


def test_second_opinion_replaces_a_menu_dump() -> None:
    html = page(
        '<div class="text">' + "<br>".join(PROSE) + "</div>"
        '<div class="menu">' + "".join(f'<a href="/{i}">Item {i}</a>' for i in range(30)) + "</div>"
    )
    blocks = find_article_blocks(load_html(html))
    body = etree.fromstring("<body>" + "".join(f"<p>Menu entry {i}</p>" for i in range(60)) + "</body>")
    combine(body, blocks)
    assert ["".join(el.itertext()) for el in body] == PROSE


def test_no_escalation_focus_behaves_as_balanced() -> None:
    """Guards the trafilatura internals `_OPTIONS` relies on (see html._base_options)."""
    html = ARTICLE
    balanced = trafilatura.bare_extraction(load_html(html), options=Extractor(fast=True, comments=False))
    ours = trafilatura.bare_extraction(load_html(html), options=copy(_OPTIONS))
    assert balanced is not None and ours is not None
    assert etree.tostring(balanced.body) == etree.tostring(ours.body)


def test_empty_and_broken_input() -> None:
    assert extract_html("").text == ""
    assert extract_html("<html><body></body></html>").text == ""
    assert extract_html("<p>unclosed <b>tags").text in {"", "unclosed tags"}


def test_an_article_nested_deeper_than_libxml2s_default_limit_is_read_whole():
    # Layout tables or wrappers 300 deep: libxml2 stops building the tree at 256 without a word.
    depth = 300
    body = "<div>" * depth + "".join(f"<p>{p}</p>" for p in PROSE) + "</div>" * depth
    text = extract_html(page(body)).text
    assert PROSE[0][:60] in text and PROSE[-1][:60] in text
