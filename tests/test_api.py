from __future__ import annotations

import storyline
from storyline.ingest.errors import InputError


def test_open_ingest_and_query(corpus, tmp_path):
    news = storyline.open(str(tmp_path / "news.db"))
    stats = news.ingest([str(corpus)])
    assert stats.added == 7 and stats.errors == 0
    assert news.ingest([str(corpus)]).added == 0
    hits = news.articles(search="Kovalenko")
    assert hits and all(isinstance(a, storyline.Article) for a in hits)
    first = news.article(hits[0].source)
    assert first is not None and first.id == hits[0].id


def test_extract_returns_articles_and_errors(corpus, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    items = list(storyline.extract([str(corpus / "valley-herald.txt"), str(tmp_path / "empty.txt")]))
    assert isinstance(items[0], storyline.Article) and items[0].language == "en"
    assert isinstance(items[1], InputError) and items[1].reason == "empty file"



def test_analyze_articles_without_a_store(corpus):
    articles = [a for a in storyline.extract([str(corpus / "valley-herald.txt"), str(corpus / "northern-wire.html")])
                if isinstance(a, storyline.Article)]
    result = storyline.analyze(articles)
    kovalenko = [e for e in result.entities if "Olexandr Kovalenko" in {m.text for m in e.mentions}]
    assert len(kovalenko) == 1 and kovalenko[0].type == "PERSON"
    assert {"Olexandr Kovalenko", "Oleksandr Kovalenko", "Kovalenko"} <= {m.text for m in kovalenko[0].mentions}
    assert any(d.kind == "number" and d.subject == "deaths" for d in result.discrepancies)
    assert result.summary and all(s.sources for s in result.summary)


def test_a_json_records_published_field_is_read_as_a_date_or_dropped(tmp_path):
    import json

    body = ("The dam above Velna gave way on Thursday night, and the governor said rescuers in Korven "
            "had reached the flooded villages by morning. ") * 3
    given = {"a": "Sat, 31 Oct 2020 19:00:00 GMT", "b": 1604170800, "c": "31/10/2020", "d": "yesterday",
             "e": "0000-00-00"}  # stored as given, the last stopped the story stage
    feed = tmp_path / "records.jsonl"
    feed.write_text("".join(json.dumps({"source": k, "title": f"Velna {k}", "text": body, "published": v}) + "\n"
                            for k, v in given.items()))
    news = storyline.open(str(tmp_path / "news.db"))
    assert news.ingest([str(feed)]).added == 5
    days = {a.source: (a.published, a.published_inferred) for a in news.articles()}
    assert days["a"] == days["b"] == ("2020-10-31T19:00", False) and days["c"] == ("2020-10-31", False)
    for unreadable in ("d", "e"):  # no date, or the day the text implies beside the others
        assert days[unreadable][0] is None or days[unreadable][1], days[unreadable]
    assert len(news.stories()) >= 1


def test_feed_items_without_links_keep_their_articles_when_the_feed_moves_on(tmp_path):
    def item(title, text):
        return f"<item><title>{title}</title><description>{text * 2}</description></item>"

    dam = item("Dam breaks above Velna", "The dam above Velna gave way on Thursday night, the governor said. ")
    schools = item("Korven schools close", "Schools in Korven stayed shut on Friday after the flood, officials said. ")
    rescue = item("Rescuers reach villages", "Rescuers reached the flooded villages on Saturday, the service said. ")
    feed = tmp_path / "feed.rss"
    news = storyline.open(str(tmp_path / "news.db"))
    feed.write_text(f"<rss><channel><title>Korven Daily</title>{dam}{schools}</channel></rss>")
    news.ingest([str(feed)])
    before = {a.id: a.title for a in news.articles()}
    # The next day's feed: a new item on top, the oldest gone.
    feed.write_text(f"<rss><channel><title>Korven Daily</title>{rescue}{dam}</channel></rss>")
    stats = news.ingest([str(feed)])
    after = {a.id: a.title for a in news.articles()}
    assert stats.added == 1 and stats.updated == 0
    assert all(after[i] == title for i, title in before.items()), "no stored article took another's text"
    assert sorted(after.values()) == ["Dam breaks above Velna", "Korven schools close", "Rescuers reach villages"]


def test_compare_takes_texts_articles_or_stored_ids(corpus, tmp_path):
    import pytest

    news = storyline.open(str(tmp_path / "news.db"))
    news.ingest([str(corpus)])
    first, second = news.articles()[:2]
    by_text = news.compare("\n\n".join(p for p in (first.title, first.text) if p),
                           "\n\n".join(p for p in (second.title, second.text) if p))
    assert news.compare(first.id, second.id) == news.compare(first, second) == by_text
    with pytest.raises(KeyError, match="no article 999999"):
        news.compare(first.id, 999999)



def test_a_feeds_author_field_names_the_people_as_a_pages_does(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text("<?xml version='1.0'?><rss><channel><title>Korven Daily</title>"
                    "<item><title>Dam breach</title><author>ilse.varga@korven.example (Ilse Varga)</author>"
                    "<description><![CDATA[<p>The dam above Velna gave way on Thursday night.</p>]]></description>"
                    "<link>https://korven.example/dam</link></item>"
                    "<item><title>Dam inquiry</title><author>By PAVEL ORLIK, Korven Daily Staff Writer</author>"
                    "<description><![CDATA[<p>An inquiry into the dam opened on Friday.</p>]]></description>"
                    "<link>https://korven.example/inquiry</link></item></channel></rss>")
    articles = [a for a in storyline.extract([str(feed)]) if not isinstance(a, InputError)]
    assert sorted(a.author for a in articles) == ["Ilse Varga", "Pavel Orlik"]


def test_reading_a_store_loads_no_page_parser():
    # `import storyline` and the modules `stories`, `show` and the web UI read load neither the HTML
    # extractor nor the feed and crawl parsers: they come with the first document that needs them
    import subprocess
    import sys

    code = ("import sys, storyline, storyline.views, storyline.web; "
            "print(sorted(m for m in ('trafilatura', 'htmldate', 'feedparser', 'warcio') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
