"""A line a site prints on top of every page (a teaser of another story) is dropped from the pages
after the first few; a page's own lines, mastheads and identical copies are not touched."""

from __future__ import annotations

import json

from storyline.clean.repeats import LeadingRepeats
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
    repeats = LeadingRepeats()
    out = [repeats.strip(_page(TEASER, body, f"p{n}")).content for n, body in enumerate(PAGES)]
    assert [text.startswith(TEASER) for text in out] == [True, True, False, False]
    assert out[2].startswith(PAGES[2]) and out[3].startswith(PAGES[3])


def test_a_headline_outlets_share_a_masthead_and_an_identical_copy_are_kept():
    repeats = LeadingRepeats()
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
    repeats, copy = LeadingRepeats(), _page(TEASER, PAGES[0], "copy")
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
