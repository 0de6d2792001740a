"""A line a site prints on top of every page (a teaser of another story) is dropped from the pages
after the first few; a page's own lines, mastheads and identical copies are not touched."""

from __future__ import annotations

import json

from storyline.clean.repeats import SiteRepeats
from storyline.model import RawDocument
from tests.test_cli import jsonl
from tests.test_cli import storyline as run_cli

TEASER = "Two men charged in death of Velna teen who sang at the harvest festival."
PAGES = [
    "Firefighters in the river town of Orlava put out a fire at a paper warehouse on Sunday.",
    "The council of Dolna Brava voted to close the old tram line by the end of the year.",
    "Korven United beat Harbour Athletic three goals to one in the cup final on Saturday.",
    "Prices of bread in Korven rose by a tenth in March, the statistics office said on Friday.",
]


def _page(first: str, body: str, source: str) -> RawDocument:
    return RawDocument(source, f"{first}\n{body}\nThe page {source} goes on in a second paragraph.", "text")


def test_a_teaser_on_every_page_is_dropped_once_two_pages_opened_with_it():
    repeats = SiteRepeats()
    out = [repeats.strip(_page(TEASER, body, f"p{n}")).content for n, body in enumerate(PAGES)]
    assert [text.startswith(TEASER) for text in out] == [True, True, False, False]
    assert out[2].startswith(PAGES[2]) and out[3].startswith(PAGES[3])


def test_a_headline_outlets_share_a_masthead_and_an_identical_copy_are_kept():
    repeats = SiteRepeats()
    headline = "Velna Hydro director arrested over the Korven dam breach"
    bodies = ["The director of Velna Hydro was arrested over the dam breach, prosecutors in Korven said.",
              "Police in Korven arrested the Velna Hydro director on Monday over the breach of the dam.",
              "The Velna Hydro director was arrested, two weeks after the dam breach flooded Korven."]
    for n, body in enumerate(bodies):
        page = _page(headline, body, f"h{n}")
        assert repeats.strip(page) is page, "the headline's words are the page's: it is the page's headline"
    for n, body in enumerate(PAGES[:3]):
        page = RawDocument(f"m{n}", f"THE KORVEN HERALD\n{body}\nSecond paragraph of page {n}.", "text")
        assert repeats.strip(page) is page, "a short masthead names the outlet: never dropped"
    repeats, copy = SiteRepeats(), _page(TEASER, PAGES[0], "copy")
    for n in range(3):
        assert repeats.strip(RawDocument(f"c{n}", copy.content, "text")).content == copy.content


def test_ingest_stores_pages_without_the_teaser_their_site_opens_every_page_with(tmp_path):
    feed = tmp_path / "site.jsonl"
    feed.write_text("".join(json.dumps({"source": f"site/{n}", "published": f"2024-0{n + 1}-05",
                                        "text": f"{TEASER}\n{body}\nThe story goes on in a second paragraph."})
                            + "\n" for n, body in enumerate(PAGES)), encoding="utf-8")
    db = str(tmp_path / "news.db")
    run_cli("ingest", str(feed), "--db", db, "--embedder", "fast")
    stored = {a["source"]: a["text"] for a in jsonl(run_cli("articles", "--db", db, "--format", "jsonl").stdout)}
    assert [TEASER in stored[f"site/{n}"] for n in range(4)] == [True, True, False, False]


BLOG_HEAD = ["Get the Korven Ledger delivered to your inbox every single morning.",
             "Anna Brell of the Velna Institute argues that the tram levy raised more than it cost.",
             "Piet Olander and Mara Kesk compare the harbour tolls of the two river ports.",
             "The Dolna Brava audit office proposes cuts to the road budget next spring.",
             "Jonas Vell reviews research suggesting that night buses help shift workers most."]
FOOTER = "We welcome comments that advance the story through relevant opinion and data."


def test_a_block_of_the_sites_lines_at_the_top_goes_from_the_third_page_on_its_footer_from_the_sixth():
    repeats = SiteRepeats()
    bodies = [*PAGES, *(f"Weather note {n}: rain over Korven, sun over Velna on day {n}." for n in range(4))]
    out = [repeats.strip(RawDocument(f"b{n}", "\n".join([*BLOG_HEAD, body, f"Post {n} goes on here at length.",
                                                          FOOTER]), "text")).content.split("\n")
           for n, body in enumerate(bodies)]
    assert [len(lines) for lines in out] == [8, 8, 3, 3, 3, 2, 2, 2]
    assert out[3] == [PAGES[3], "Post 3 goes on here at length.", FOOTER]


def test_a_line_the_site_prints_on_every_page_goes_wherever_it_stands():
    repeats, rule = SiteRepeats(), "Views expressed in the comments do not represent those of the Korven Wire."
    bodies = [*PAGES, *(f"Weather note {n}: rain over Korven, sun over Velna on day {n}." for n in range(4))]
    more = "The page {} goes on in a second paragraph, long enough to be read as the page's own text and no headline."
    out = [repeats.strip(RawDocument(f"r{n}", f"{body}\n{more.format(n)}\n{rule}\nReader {n} thinks the council "
                                     "got it wrong again.", "text")).content for n, body in enumerate(bodies)]
    assert [rule in text for text in out] == [True] * 5 + [False] * 3


def test_a_later_version_keeps_the_paragraphs_it_repeats_and_a_credit_line_stays():
    repeats = SiteRepeats()
    tail = ["Crews had worked through the night to lay booms along the Orlava river bank.",
            "“It smells like a garage,” said Tomas Vrel, who runs a bait shop by the pier.",
            "The Korven Wire contributed to this report."]
    leads = ["A barge of oil ran aground near Orlava on Tuesday, the coast guard said.",
             "Oil from a barge that ran aground near Orlava reached the beaches on Wednesday.",
             "The owner of the barge that ran aground near Orlava said it would pay for the clean-up."]
    out = [repeats.strip(RawDocument(f"v{n}", "\n".join([lead, *tail[:2]]), "text")).content
           for n, lead in enumerate(leads)]
    assert all(text.endswith("\n".join(tail[:2])) for text in out), "a version's own last paragraphs are kept"
    other = [repeats.strip(RawDocument(f"o{n}", f"{body}\nThe page goes on, {n}.\n{tail[2]}", "text")).content
             for n, body in enumerate(PAGES)]
    assert all(text.endswith(tail[2]) for text in other), "a credit is each page's own"
