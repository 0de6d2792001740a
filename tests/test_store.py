from __future__ import annotations

import sqlite3

import pytest

from storyline.clean import content_hash
from storyline.model import Article, Dateline, Line
from storyline.store import MIGRATIONS, Store, StoreError


def make(source: str, text: str = "Body of the article.", title: str = "A title") -> Article:
    return Article(source=source, title=title, text=text, published="2024-03-14", language="en",
                   dateline=Dateline(place="Korven"), cited_media=["AFP"],
                   lines=[Line(1, title, "title"), Line(2, text, "body")],
                   content_hash=content_hash(title, text))


def test_schema_is_versioned_and_pragmas_set(tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Store(str(tmp_path / "s.db")) as store:  # reopening applies nothing twice
        assert store.db.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


def test_same_article_twice_is_stored_once_and_round_trips(tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        assert store.add_article(make("a.txt"), "r1") == "added"
        assert store.add_article(make("a.txt"), "r1") == "unchanged"
        assert store.count_articles() == 1
        back = store.get_article("a.txt")
    assert back is not None
    assert back.dateline == Dateline(place="Korven")
    assert back.lines == [Line(1, "A title", "title"), Line(2, "Body of the article.", "body")]
    assert back.cited_media == ["AFP"]


def test_changed_article_is_updated_not_duplicated(tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        store.add_article(make("a.txt", "First version of the text."), "r1")
        assert store.add_article(make("a.txt", "Second version, corrected."), "r2") == "updated"
        assert store.count_articles() == 1
        assert [a.text for a in store.iter_articles(search="corrected")] == ["Second version, corrected."]
        assert list(store.iter_articles(search="First")) == []


def test_identical_content_under_another_source_becomes_an_alias(tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        store.add_article(make("a.txt"), "r1")
        assert store.add_article(make("copy/a.txt"), "r1") == "duplicate"
        assert store.count_articles() == 1
        assert store.get_article("copy/a.txt").source == "a.txt"
        assert store.known_raw("copy/a.txt", "r1")


def test_rolled_back_transaction_keeps_what_was_committed(tmp_path):
    path = str(tmp_path / "s.db")
    with pytest.raises(RuntimeError), Store(path) as store:
        store.begin()
        store.add_article(make("one.txt", "one"), "r1")
        store.commit()
        store.begin()
        store.add_article(make("two.txt", "two"), "r2")
        raise RuntimeError("crash in the middle of a batch")
    with Store(path) as store:
        assert [a.source for a in store.iter_articles()] == ["one.txt"]


def test_ctrl_c_keeps_whole_articles_written_so_far(tmp_path):
    path = str(tmp_path / "s.db")
    with pytest.raises(KeyboardInterrupt), Store(path) as store:
        store.begin()
        store.add_article(make("one.txt", "one"), "r1")
        raise KeyboardInterrupt
    with Store(path) as store:
        assert store.count_articles() == 1


def test_opening_a_missing_or_foreign_file_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(str(tmp_path / "missing.db"), create=False)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="not a storyline store"):
        Store(str(junk))


def test_bad_search_query_is_a_store_error(tmp_path):
    with Store(str(tmp_path / "s.db")) as store, pytest.raises(StoreError):
        list(store.iter_articles(search='"unbalanced'))


def test_newer_schema_is_refused(tmp_path):
    path = str(tmp_path / "s.db")
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_version VALUES (999)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="upgrade"):
        Store(path)


def test_lines_are_stored_as_references_into_the_text_and_read_back_whole(tmp_path):
    """Body lines are kept as references into `text` (not a second copy); every other line, odd
    whitespace, a line the text lacks and a kind without a letter all read back exactly."""
    body = "First paragraph of the body.\nSecond one, longer than the first.\nLast."
    lines = [Line(1, "A title", "title"), Line(2, "Home | World | Sport", "boilerplate"), Line(3, "", "body"),
             Line(4, "  First paragraph of the body.\r", "body"), Line(5, "Photo: AFP", "caption"),
             Line(6, "Second one, longer than the first.", "subheading"), Line(7, "Not in the text.", "body"),
             Line(8, "Last.", "body"), Line(10, "A title", "metadata")]
    article = make("a.txt", text=body)
    article.lines = lines
    other = make("b.txt", text="Other body.")
    other.lines = [Line(1, "Other body.", "body"), Line(2, "odd", "sidebar")]
    with Store(str(tmp_path / "s.db")) as store:
        store.add_article(article, "r1")
        store.add_article(other, "r2")
        stored = store.db.execute("SELECT length(lines) FROM articles WHERE source = 'a.txt'").fetchone()[0]
        assert store.get_article("a.txt").lines == lines
        assert store.get_article("b.txt").lines == other.lines
    assert stored < 100 + len("Home | World | Sport") + len("Not in the text.")


def test_lines_written_by_an_older_version_still_read(tmp_path):
    import json
    import zlib

    with Store(str(tmp_path / "s.db")) as store:
        store.add_article(make("a.txt"), "r1")
        old = zlib.compress(json.dumps([[1, "title", "A title"], [2, "body", "Body of the article."]]).encode())
        store.db.execute("UPDATE articles SET lines = ? WHERE source = 'a.txt'", (old,))
        assert store.get_article("a.txt").lines == make("a.txt").lines
        store.db.execute("UPDATE articles SET lines = ? WHERE source = 'a.txt'", ('[[1, "body", "x"]]',))
        assert store.get_article("a.txt").lines == [Line(1, "x", "body")]


def test_a_new_store_gives_freed_pages_back_when_compacted(tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        store.begin()
        store.db.execute("CREATE TABLE scratch (x TEXT)")
        store.db.executemany("INSERT INTO scratch VALUES (?)", [("x" * 5000,)] * 50)
        store.commit()
        store.db.execute("DELETE FROM scratch")
        assert store.db.execute("PRAGMA freelist_count").fetchone()[0] > 50
        store.compact()
        assert store.db.execute("PRAGMA freelist_count").fetchone()[0] == 0


def test_a_storys_former_ids_are_found_through_an_index(tmp_path):
    """Listing stories and merging them look aliases, links and duplicate files up by story or
    article, and an ingest finds the open stories by their days: a scan there grows with the
    store. The statements checked are those the code runs (traced), not copies of them."""
    from storyline import story_store as ss
    from storyline.model import Article
    from storyline.store import Store
    from storyline.views import _duplicates
    from tests.conftest import one_article_stories

    with Store(str(tmp_path / "s.db")) as store:
        one_article_stories(store, {"st-0": 0, "st-1": 10})
        ran: list[str] = []
        store.db.set_trace_callback(ran.append)
        ss.story_aliases(store, "st-0")
        ss.story_links(store, "st-0")
        _duplicates(store, [Article(source="src-st-0", title=None, text="Report st-0.", id=1)])
        ss.open_stories(store, [(0, 20)], "2020-01-01")
        ss.merge_into(store, "st-0", "st-1")
        store.db.set_trace_callback(None)
        lookups = [sql for sql in ran if sql.split()[0] in ("SELECT", "UPDATE", "DELETE")
                   and any(t in sql for t in ("story_aliases", "story_links", "article_aliases", "story_articles sa"))]
        assert len(lookups) >= 8, ran
        for sql in lookups:
            plan = " ".join(row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {sql}"))
            assert "SEARCH" in plan and "SCAN" not in plan, (sql, plan)
