"""What a stored article costs beyond its text (issue 4), and that stores written before the
compact layout still open and read the same."""

from __future__ import annotations

import hashlib
import random
import sqlite3

import numpy as np

from storyline import story_store as ss
from storyline.clean import content_hash
from storyline.embed import quantize
from storyline.model import Article, Line
from storyline.signals import Signals
from storyline.store import MIGRATIONS, Store, _split_sql


def make(source: str, text: str, title: str = "A title") -> Article:
    return Article(source=source, title=title, text=text, published="2024-03-14", language="en",
                   lines=[Line(1, title, "title"), Line(2, text, "body")], content_hash=content_hash(title, text))


def names(rng: random.Random, n: int) -> frozenset[str]:
    """Keys that compress about as badly as real ones (names and numbers, few shared prefixes)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return frozenset("".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(n)) | {"#2011"}


def signals_of(rng: random.Random, article_id: int, n_keys: int) -> Signals:
    vector = np.asarray([rng.gauss(0, 1) for _ in range(512)], dtype=np.float32)
    keys = names(rng, n_keys)
    lead = frozenset(sorted(keys)[:3]) | {"kor"}
    foreign = frozenset({"baghdad", "iraq"}) if article_id % 4 == 0 else frozenset()
    return Signals(article_id, vector / np.linalg.norm(vector), keys, lead, 19800, "en", foreign_keys=foreign)


def old_store(path: str, page_size: int = 4096, version: int = 5) -> sqlite3.Connection:
    """A store as the versions before the compact layout wrote it."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f"PRAGMA page_size={page_size}")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, script in enumerate(MIGRATIONS[:version], start=1):
        for statement in _split_sql(script):
            db.execute(statement)
        db.execute("INSERT INTO schema_version VALUES (?)", (number,))
    return db


def leaf_pages(store: Store, table: str) -> int:
    return store.db.execute("SELECT count(*) FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,)).fetchone()[0]


def test_signal_rows_fill_their_pages_and_the_keys_past_a_row_read_back(tmp_path):
    """Three 512-d signal rows to a 2 KB page (six to a 4 KB one), whatever the keys weigh: what
    does not fit goes to article_keys_rest and comes back whole."""
    rng = random.Random(4)
    for page_size, per_page in ((2048, 3), (4096, 6)):
        path = str(tmp_path / f"s{page_size}.db")
        if page_size != 2048:
            old_store(path, page_size).close()
        with Store(path) as store:
            assert store.page_size == page_size
            store.begin()
            for i in range(1, 31):
                store.add_article(make(f"{i}.txt", f"Body number {i}."), f"r{i}")
            written = [signals_of(rng, i, 5 if i % 3 else 70) for i in range(1, 31)]
            ss.save_signals(store, written, "use")
            store.commit()
            rest = store.db.execute("SELECT count(*) FROM article_keys_rest").fetchone()[0]
            assert rest == 10  # the articles with 70 keys
            assert leaf_pages(store, "article_signals") == 30 // per_page
            back = ss.load_signals(store, range(1, 31), 512)
            for s in written:
                assert back[s.article_id].keys == s.keys and back[s.article_id].lead_keys == s.lead_keys
                assert back[s.article_id].foreign_keys == s.foreign_keys
                assert float(back[s.article_id].vector @ s.vector) > 0.999
            # a row saved again with fewer keys leaves no rest behind
            ss.save_signals(store, [signals_of(rng, 3, 4)], "use")
            assert store.db.execute("SELECT count(*) FROM article_keys_rest WHERE article_id = 3").fetchone()[0] == 0


def test_a_store_written_before_the_compact_layout_migrates_and_reads_the_same(tmp_path):
    path = str(tmp_path / "old.db")
    db = old_store(path)
    digest = hashlib.sha1(b"input").hexdigest()
    body = "Korven council met on Tuesday."
    db.execute("INSERT INTO articles(source, raw_hash, content_hash, title, text, format, ingested_at) "
               "VALUES ('a.txt', ?, ?, 'A title', ?, 'text', '2024-03-14T00:00:00+00:00')",
               (digest, content_hash("A title", body), body))
    keys, lead = ss.encode_keys(frozenset({"korven", "#12"}), frozenset({"korven"}))
    db.execute("INSERT INTO article_signals VALUES (1, 'use', ?, ?, ?, 19800)",
               (quantize(np.ones(512, dtype=np.float32)), keys, lead))
    db.execute("INSERT INTO stories(id, size, created_at, updated_at) VALUES ('st-kept', 1, 'x', 'x')")
    db.execute("INSERT INTO story_aliases VALUES ('st-gone', 'st-kept')")
    db.close()
    with Store(path) as store:
        assert store.schema_version == len(MIGRATIONS) and store.page_size == 4096  # pages stay as they were
        assert store.known_raw("a.txt", digest)  # the hex form of an older row
        assert not store.known_raw("a.txt", hashlib.sha1(b"other").hexdigest())
        assert store.add_article(make("copy.txt", body), "r2") == "duplicate"
        assert ss.load_signals(store, [1], 512)[1].keys == {"korven", "#12"}
        assert ss.resolve_story_id(store, "st-gone") == "st-kept"
        plan = " ".join(r[3] for r in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE substr(content_hash, 1, 8) = ? AND +content_hash = ? "
            "ORDER BY id LIMIT 1", ("ab", "abc")))
        assert "articles_content_prefix" in plan


def test_a_new_store_takes_2k_pages_and_raw_digests_as_bytes(tmp_path):
    digest = hashlib.sha1(b"input").hexdigest()
    with Store(str(tmp_path / "s.db")) as store:
        assert store.page_size == 2048
        store.add_article(make("a.txt", "One body."), digest)
        store.add_article(make("b.txt", "Another body."), "r2")  # not a hex digest: kept as given
        kinds = store.db.execute("SELECT typeof(raw_hash), length(raw_hash) FROM articles ORDER BY id").fetchall()
        assert [tuple(k) for k in kinds] == [("blob", 20), ("text", 2)]
        assert store.known_raw("a.txt", digest) and store.known_raw("b.txt", "r2")
        assert store.add_article(make("a.txt", "One body."), digest) == "unchanged"
        assert store.add_article(make("c.txt", "One body."), "r3") == "duplicate"


def test_keys_deflate_against_the_stores_own_dictionary_once_it_has_one(tmp_path):
    """After _DICT_SAMPLE articles the store keeps a dictionary of its recurring keys; later rows
    are smaller with it and read back the same, in this process and in the next one."""
    rng = random.Random(7)
    vocabulary = sorted(names(rng, 400))
    path = str(tmp_path / "s.db")
    n = ss._DICT_SAMPLE + 60
    written = []
    with Store(path) as store:
        store.begin()
        for i in range(1, n + 1):
            store.add_article(make(f"{i}.txt", f"Body number {i}."), f"r{i}")
            s = signals_of(rng, i, 0)
            s.keys = frozenset(rng.sample(vocabulary, 50)) | {f"#{i}"}
            s.lead_keys = frozenset(sorted(s.keys)[:2])
            written.append(s)
            ss.save_signals(store, [s], "use")
        store.commit()
        assert store.get_meta(ss._DICT_META)
        sizes = dict(store.db.execute(
            "SELECT s.article_id, length(s.keys) + coalesce(length(r.rest), 0) FROM article_signals s "
            "LEFT JOIN article_keys_rest r ON r.article_id = s.article_id").fetchall())
    plain = {s.article_id: len(ss.encode_keys(s.keys, s.lead_keys, s.foreign_keys)[0]) for s in written}
    late = range(ss._DICT_SAMPLE + 2, n + 1)
    assert all(sizes[i] == plain[i] for i in range(1, ss._DICT_SAMPLE + 1))
    assert sum(sizes[i] for i in late) < 0.8 * sum(plain[i] for i in late)
    with Store(path) as store:
        back = ss.load_signals(store, range(1, n + 1), 512)
    assert all(back[s.article_id].keys == s.keys and back[s.article_id].lead_keys == s.lead_keys for s in written)


def test_lines_of_the_previous_format_still_read(tmp_path):
    import json
    import zlib

    with Store(str(tmp_path / "s.db")) as store:
        store.add_article(make("a.txt", "Body of the article."), "r1")
        v2 = b"\x02" + zlib.compress(json.dumps([1, "tb", [1, 0]]).encode(), 9)
        store.db.execute("UPDATE articles SET lines = ? WHERE source = 'a.txt'", (v2,))
        assert store.get_article("a.txt").lines == make("a.txt", "Body of the article.").lines


def test_a_line_whose_end_alone_is_body_is_stored_as_its_difference():
    """A stamp run into the first line stays in the line, out of the body: the line is stored as
    the part before the body's line (and any spaces after it), not as its whole text again."""
    from storyline.clean import clean
    from storyline.model import RawDocument
    from storyline.store import _encode_lines, _load_lines

    body = ("The council of Marvel county voted on Monday to close the old bridge over the Esk until the "
            "repairs are finished, a spokeswoman for the council said.")
    article = clean(RawDocument(source="a.txt", kind="text",
                                content=f"MARVEL | Tue Mar 10, 2026 6:40pm EDT MARVEL (Reuters) - {body}  \n{body}\n"))
    assert article.text.startswith("MARVEL (Reuters) -")
    stored = _encode_lines(article)
    assert [[ln.n, ln.kind, ln.text] for ln in article.lines] == _load_lines(stored, article.text, article.title)
    assert body[:60].encode() not in zlib_payload(stored)  # the first line's text is not stored whole


def zlib_payload(stored: bytes) -> bytes:
    import zlib

    return zlib.decompress(stored[1:], -15)


def test_lines_whose_escapes_the_body_reads_as_brackets_are_stored_as_their_difference():
    """A tokenised dump's "-LRB- WHO -RRB-" is "( WHO )" in the body: each such line is stored as
    where to escape the body's line again, and the lines after it still point into the body (the
    store had kept every line from the first escape on whole: twice the bytes an article)."""
    from storyline.clean import clean
    from storyline.model import RawDocument
    from storyline.store import _encode_lines, _load_lines

    lines = [f"The council of Marvel -LRB- MC -RRB- voted on day {n} to close the old bridge over the Esk\\/Ure , "
             f"a spokeswoman -LRB- who asked not to be named -RRB- said ." for n in range(12)]
    article = clean(RawDocument(source="a.txt", kind="text", content="\n".join(lines) + "\n"))
    assert "( MC )" in article.text and "Esk/Ure" in article.text
    stored = _encode_lines(article)
    assert [[ln.n, ln.kind, ln.text] for ln in article.lines] == _load_lines(stored, article.text, article.title)
    assert b"spokeswoman" not in zlib_payload(stored)
