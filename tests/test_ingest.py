from __future__ import annotations

import gzip
import os

from storyline.ingest import iter_files, read_all
from storyline.ingest.errors import InputError
from storyline.model import RawDocument
from tests.badinputs import write_bad_inputs


def docs_and_errors(paths):
    items = list(read_all([str(p) for p in paths]))
    return ([i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, InputError)])


def test_every_format_of_the_fixture_corpus_is_read(corpus):
    docs, errors = docs_and_errors([corpus])
    assert errors == []
    by_source = {d.source.split("/")[-1]: d for d in docs}
    assert by_source["valley-herald.txt"].kind == "text"
    assert by_source["northern-wire.html"].kind == "html"
    feed = [d for d in docs if "korven-daily" in d.source]
    assert len(feed) == 2 and feed[0].outlet == "Korven Daily" and feed[0].published == "2024-03-14T18:05"
    jsonl = [d for d in docs if d.source.startswith("https://vostok") or d.source.startswith("https://eco")]
    assert {d.title for d in jsonl} == {"Прорыв дамбы на Вельне: погибли 12 человек",
                                       "Catorce muertos por la rotura de la presa de Velna"}
    warc = [d for d in docs if "riverside-times" in d.source]
    assert len(warc) == 1, "the request, the image and the 404 are passed over"
    assert warc[0].url == "https://riverside-times.example/valley/velna-night-of-terror"


def test_folders_are_walked_in_a_stable_order_skipping_unknown_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "notes.md").write_text("not an input")
    (tmp_path / ".hidden.txt").write_text("hidden")
    assert [p.split("/")[-1] for p in iter_files([str(tmp_path)])] == ["a.txt", "z.txt"]


def test_a_named_file_without_a_known_suffix_is_sniffed(tmp_path):
    page = tmp_path / "page.download"
    page.write_text("<!DOCTYPE html><html><body><p>Hello</p></body></html>")
    docs, _ = docs_and_errors([page])
    assert docs[0].kind == "html"


def test_bad_inputs_each_give_one_clear_error_and_the_batch_goes_on(tmp_path):
    expect = write_bad_inputs(tmp_path, huge_mb=16)
    docs, errors = docs_and_errors([tmp_path])
    failed = {e.source.split("/")[-1].split(":")[0] for e in errors}
    for name, outcome in expect.items():
        if outcome == "error":
            assert name in failed, name
        elif outcome == "ok":
            assert name not in failed, name
    reasons = {e.source.split("/")[-1]: e.reason for e in errors}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["junk.txt"]
    assert "truncated gzip" in reasons["truncated.html.gz"]
    assert "too large" in reasons["huge-one-line.txt"]
    assert "truncated" in reasons["truncated.warc.gz"] or "corrupt" in reasons["truncated.warc.gz"]
    assert reasons["cut-in-record.warc.gz"].startswith("truncated or corrupt WARC after 1 page(s)")
    assert reasons["corrupt.warc.gz"].isascii() and "WARC" in reasons["corrupt.warc.gz"]
    assert reasons["no-target.warc"].startswith("malformed WARC record")
    assert "feed" in reasons["broken.xml"] and "feed" in reasons["notafeed.xml"]
    assert "invalid JSON" in reasons["mixed.jsonl:2"] and "no 'text'" in reasons["mixed.jsonl:3"]
    assert all("\n" not in e.reason for e in errors)
    sources = {d.source for d in docs}
    assert "j1" in sources
    assert sum(1 for s in sources if s.startswith("https://port.example/")) >= 1, "records before the break are kept"
    legacy = next(d for d in docs if d.source.endswith("legacy-cp1251.txt"))
    assert "Порт Селлин" in legacy.content
    latin = next(d for d in docs if d.source.endswith("latin1.html"))
    assert "municipalité" in latin.content


def test_gzipped_html_is_decompressed(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress("<html><body><p>Grüße aus Köln</p></body></html>".encode()))
    docs, errors = docs_and_errors([path])
    assert errors == [] and "Grüße" in docs[0].content


def _store_rows(db: str) -> list:
    import sqlite3

    con = sqlite3.connect(db)
    rows = con.execute("SELECT a.source, a.title, a.text, a.published, a.lines, s.vector, s.keys, s.day, sa.story_id "
                       "FROM articles a JOIN article_signals s ON s.article_id = a.id "
                       "JOIN story_articles sa ON sa.article_id = a.id ORDER BY a.id").fetchall()
    con.close()
    return rows


def _ingest(tmp_path, files: dict[str, str], **options):
    """(stats, store path) of a fast-mode ingest of these files, each written to a folder by name."""
    from storyline.pipeline import ingest_paths
    from storyline.stories import StorySettings

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text)
    db = str(tmp_path / "s.db")
    return ingest_paths([str(folder)], db, stories=StorySettings(embedder="fast"), **options), db


def test_workers_store_and_cluster_exactly_what_one_process_does(tmp_path, monkeypatch):
    from storyline.pipeline import ingest_paths
    from storyline.prepare import CHUNK
    from storyline.stories import StorySettings

    towns = ["Korven", "Velna", "Ostrava", "Malden", "Tarsk"]
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(2 * CHUNK + 5):  # several chunks, the last one partial
        town = towns[i % len(towns)]
        day = "" if i % 3 else f"March {10 + i % 5}, 2024\n"
        (folder / f"{i:03d}.txt").write_text(
            f"Flood reaches {town} as the river rises\n{day}\nWater from the river reached the centre of "
            f"{town} on Tuesday, and {i + 2} families left their homes, officials in {town} said. "
            f"Rescue teams from {towns[(i + 1) % 5]} were sent overnight to help.\n")
    stores = []
    for workers in ("1", "2"):
        monkeypatch.setenv("STORYLINE_WORKERS", workers)
        db = str(tmp_path / f"w{workers}.db")
        stats = ingest_paths([str(folder)], db, stories=StorySettings(embedder="fast"))
        assert stats.added == 2 * CHUNK + 5 and stats.errors == 0
        stores.append(_store_rows(db))
    assert stores[0] == stores[1] and len(stores[0]) == 2 * CHUNK + 5


def test_the_stored_keys_read_each_article_in_its_language(tmp_path):
    # the workers compute the keys the story stage reads: a Polish place in a case is its English
    # name's key there too, as `extract_keys` makes it with the language, and a Chinese page's
    # places are its foreign keys
    from storyline import story_store
    from storyline.store import Store

    _, db = _ingest(tmp_path, {
        "pl.txt": "Powódź w Niemczech\n\nWoda zalała centrum miasta we wtorek. Ratownicy z Polski pracowali w "
                  "Niemczech przez całą noc, a rząd w Berlinie obiecał pomoc dla rodzin, które straciły domy w "
                  "czasie powodzi.\n",
        "zh.txt": "巴格达大使馆遭冲击\n\n周二，数百名抗议者冲击了美国驻伊拉克巴格达大使馆，焚烧了接待区。"
                  "伊拉克安全部队随后赶到现场，美国官员说，大使馆内的工作人员都安全。"
                  "抗议者在使馆外搭起帐篷，表示将继续留在那里。\n"})
    with Store(db) as store:
        ids = dict(store.db.execute("SELECT language, id FROM articles").fetchall())
        signals = story_store.load_signals(store, ids.values(), story_store.vector_dim(store))
    assert signals[ids["pl"]].keys >= {"german", "poland"}, signals[ids["pl"]].keys
    assert signals[ids["zh"]].foreign_keys >= {"iraq", "baghdad"}, signals[ids["zh"]]


def test_a_feed_items_markup_stays_out_of_its_title_and_author(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text("<?xml version='1.0'?><rss><channel><title><![CDATA[Korven <i>Daily</i>]]></title><item>"
                    "<title><![CDATA[Dam breach: <b>twelve</b> dead &amp; dozens missing]]></title>"
                    "<author><![CDATA[<span>Ilse Varga</span>]]></author>"
                    "<description><![CDATA[<p>The dam above Velna gave way on Thursday night.</p>]]></description>"
                    "<link>https://korven.example/dam</link></item></channel></rss>")
    docs, errors = docs_and_errors([feed])
    assert errors == [] and docs[0].title == "Dam breach: twelve dead & dozens missing"
    assert docs[0].outlet == "Korven Daily" and docs[0].author == "Ilse Varga"


def test_pipes_and_broken_links_in_a_folder_are_refused_not_waited_on(tmp_path):
    import os

    (tmp_path / "good.txt").write_text("Harbour cranes stopped\n\nThe port halted traffic on Monday.\n")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block the batch for ever
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    items = list(iter_files([str(tmp_path), str(tmp_path / "pipe.txt")]))
    errors = {os.path.basename(e.source): e.reason for e in items if isinstance(e, InputError)}
    assert [os.path.basename(p) for p in items if isinstance(p, str)] == ["good.txt"]
    assert errors == {"pipe.txt": "not a regular file (a pipe, socket or device)", "gone.txt": "broken symbolic link"}


def test_a_json_record_without_a_source_is_named_by_its_words_not_its_line(tmp_path):
    import json

    records = [{"title": f"Velna {i}", "text": f"The dam above Velna gave way, report {i}."} for i in range(3)]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records[1:]))
    first, _ = docs_and_errors([path])
    path.write_text("".join(json.dumps(r) + "\n" for r in records))  # one more on top
    second, _ = docs_and_errors([path])
    assert {d.source for d in first} < {d.source for d in second}
    assert all(d.source.startswith(f"{path}#") for d in second)


def test_a_title_field_that_holds_the_lead_gives_the_lead_back_to_the_text(tmp_path):
    import json

    from storyline.clean import clean

    lead = ("Rescuers in Velna pulled 14 people from the flooded quarter on Sunday, the mayor Ivo Brandt said. "
            "\"We have not slept for two days,\" he told reporters at the dam. ") * 3
    records = [{"source": "a", "title": f"Dam breaks above Velna\n{lead}", "text": "The river fell by night."},
               {"source": "b", "title": lead.strip(), "text": "The river fell by night."},
               {"source": "c", "title": "Dam breaks above Velna,\nfourteen rescued", "text": "The river fell."}]
    path = tmp_path / "scraped.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    docs, _ = docs_and_errors([path])
    a, b, c = (clean(d) for d in sorted(docs, key=lambda d: d.source))
    assert a.title == "Dam breaks above Velna" and a.text.startswith("Rescuers in Velna pulled 14 people")
    assert a.text.endswith("The river fell by night.")
    assert b.title is None and b.text.startswith("Rescuers in Velna")  # no headline's length: all text
    assert c.title == "Dam breaks above Velna, fourteen rescued"  # a feed's headline wrapped: one line


def test_a_url_is_named_as_such_not_as_a_missing_file():
    [error] = list(iter_files(["https://news.example/velna-dam.html"]))
    assert isinstance(error, InputError) and error.reason.startswith("a URL: storyline reads files and fetches nothing")


def test_a_bot_check_or_error_page_is_refused_with_its_reason_and_the_batch_goes_on(tmp_path):
    errors = []
    stats, _ = _ingest(tmp_path, {
        "blocked.txt": "Przepraszamy, z Twojego adresu przyszło bardzo wiele zapytań.\n"
                       "Aby przejść dalej, zaznacz pole \"Nie jestem robotem\".\n",
        "gone.html": "<html><head><title>Marvel Courier</title></head><body><h1>Error 404</h1>"
                     "<p>Sorry, the page you are looking for does not exist or has been moved to another address."
                     "</p></body></html>",
        "flood.txt": "Flood reaches Korven as the river rises\n\nWater from the river reached the centre of Korven "
                     "on Tuesday, and 40 families left their homes, officials said. Their page was not a robot's "
                     "work: the council's clerk wrote it by hand.\n"}, on_error=errors.append)
    reasons = {os.path.basename(e.source): e.reason for e in errors}
    assert stats.added == 1 and set(reasons) == {"blocked.txt", "gone.html"}
    assert reasons["blocked.txt"].startswith("a bot check, not an article")
    assert reasons["gone.html"].startswith("an error page, not an article")
    # a long text that tells of such a page is an article
    from storyline.clean.filters import not_an_article

    told = "Readers who met a 'page not found' notice on the council's site were sent a link. " * 30
    assert not_an_article(told) is None
