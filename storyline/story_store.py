"""The story tables of the store: signals, key frequencies, stories, members, aliases, links.

Kept apart from `store.py` (articles) so each file stays about one thing; both work on the same
connection and the same transaction.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from storyline.embed import dequantize, quantize, stored_dim
from storyline.signals import KeyStats, Signals
from storyline.store import Store, deflate


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- signals ------------------------------------------------------------------------------------

def load_signals(store: Store, article_ids: Iterable[int], dim: int) -> dict[int, Signals]:
    out: dict[int, Signals] = {}
    ids = list(article_ids)
    dictionary = _dictionary(store)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.db.execute(
            f"SELECT s.article_id, s.vector, s.keys, s.lead_keys, s.day, a.language, r.rest, a.published_inferred "
            f"FROM article_signals s "
            f"JOIN articles a ON a.id = s.article_id LEFT JOIN article_keys_rest r ON r.article_id = s.article_id "
            f"WHERE s.article_id IN ({marks})", chunk)
        rows = rows.fetchall()
        vectors = dequantize(b"".join(row[1] for row in rows), dim)  # one numpy pass for the chunk
        for row, vector in zip(rows, vectors, strict=True):
            out[row[0]] = Signals(article_id=row[0], vector=vector,
                                  **_decode_keys(_whole(row[2], row[6]), row[3], dictionary),
                                  day=row[4], language=row[5], day_printed=not row[7])
    return out


@dataclass
class EmbedRow:
    """What the story stage reads of an article to compute its signals (not the whole row)."""

    id: int
    title: str | None
    text: str
    published: str | None
    language: str | None


def embed_rows(store: Store, article_ids: list[int]) -> list[EmbedRow]:
    marks = ",".join("?" * len(article_ids))
    rows = store.db.execute(f"SELECT id, title, text, published, language FROM articles WHERE id IN ({marks}) "
                            f"ORDER BY id", article_ids)
    return [EmbedRow(*row) for row in rows]


def save_signals(store: Store, signals: Iterable[Signals], model: str) -> None:
    for s in signals:
        keys = encode_keys(s.keys, s.lead_keys, s.foreign_keys)
        save_signals_row(store, s.article_id, model, (quantize(s.vector), *keys), s.day)


def save_signals_row(store: Store, article_id: int, model: str, row: tuple[bytes, bytes, str], day: int | None) -> None:
    """`save_signals` of one article whose vector and keys a worker encoded already. The keys'
    bytes past the row's share of a page go to `article_keys_rest` (see `_keys_room`)."""
    vector, keys, lead = row
    dictionary = _dictionary(store, build=True) if isinstance(keys, bytes) else None
    if dictionary and not keys.startswith(_DICT_MARK):
        packed = _DICT_MARK + deflate(zlib.decompress(keys, -15), dictionary)
        keys = packed if len(packed) < len(keys) else keys
    room = _keys_room(store.page_size, article_id, model, len(vector), lead) if isinstance(keys, bytes) else len(keys)
    head, rest = keys[:room], keys[room:]
    store.db.execute("INSERT OR REPLACE INTO article_signals(article_id, model, vector, keys, lead_keys, day) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (article_id, model, vector, head, lead, day))
    if rest:
        store.db.execute("INSERT OR REPLACE INTO article_keys_rest(article_id, rest) VALUES (?, ?)", (article_id, rest))
    else:
        store.db.execute("DELETE FROM article_keys_rest WHERE article_id = ?", (article_id,))


# A signal row is mostly its vector (516 bytes for 512 dimensions), and SQLite packs rows into a
# page one after the other: rows of ~790 bytes (vector and ~260 bytes of keys) went two to a 2 KB
# page with 450 bytes of it empty. So a row is cut to a fixed share of a leaf page, the most rows
# a page takes with at least _KEYS_MIN bytes of keys each (three per 2 KB page, six per 4 KB, with
# 512 dimensions), and the rest of its keys' bytes are packed densely in `article_keys_rest` (on
# the bench stream, for 58% of the articles, ~140 bytes each): with the keys dictionary below,
# ~790 bytes an article where whole rows took ~1,050 (SQLite's VACUUM would not help: it packs
# rows the same way).
_KEYS_MIN = 96
_LEAF_HEADER, _CELL_POINTER = 8, 2


def _keys_room(page_size: int, article_id: int, model: str, vector_bytes: int, lead: str) -> int:
    """How many bytes of keys the row of this article may hold: its cell (payload size, rowid,
    record) stays within its share of a leaf page, and never spills to an overflow page."""
    text = len(model.encode("utf-8")) + len(lead.encode("utf-8"))

    def cell(keys: int) -> int:  # the SQLite record: header, then model, vector, keys, lead, day
        types = (1 + _varint_size(13 + 2 * len(model.encode("utf-8"))) + _varint_size(12 + 2 * vector_bytes)
                 + _varint_size(12 + 2 * keys) + _varint_size(13 + 2 * len(lead.encode("utf-8"))) + 1)
        payload = _varint_size(types + 1) + types + text + vector_bytes + keys + 4  # day: room for 4 bytes
        return _varint_size(payload) + _varint_size(article_id) + payload

    usable = page_size - _LEAF_HEADER
    per_page = max(1, usable // (cell(_KEYS_MIN) + _CELL_POINTER))
    share = min(usable // per_page - _CELL_POINTER, page_size - 35)  # 35: SQLite's largest local payload
    room = max(0, share - cell(0))
    while room and cell(room) > share:
        room -= 1
    return room


def _varint_size(value: int) -> int:
    return next((n for n in range(1, 9) if value < 1 << (7 * n)), 9)


def set_signal_day(store: Store, article_id: int, day: int | None) -> None:
    """An article's day once its date is known (an implied date is resolved after its signals)."""
    store.db.execute("UPDATE article_signals SET day = ? WHERE article_id = ?", (day, article_id))


# Keys are stored newline-joined (a key never holds a newline, a tab or a vertical tab), a key
# that is a lead key too marked by a leading tab, a foreign key (`Signals.foreign_keys`) after them
# by a vertical tab, then raw-deflated (sorted keys share prefixes: 430 -> ~260 bytes
# an article on the bench stream); the `lead_keys` column holds only the lead keys the body lacks
# (a name cut at the lead's end), as text. Rows written as plain text or as JSON lists (they
# start with "[") still read.
_FOREIGN = "\v"


def encode_keys(keys: frozenset[str], lead: frozenset[str],
                foreign: frozenset[str] = frozenset()) -> tuple[bytes, str]:
    joined = "\n".join([*(("\t" + k) if k in lead else k for k in sorted(keys)),
                        *(_FOREIGN + k for k in sorted(foreign))])
    return deflate(joined.encode("utf-8")), "\n".join(sorted(lead - keys))


def _whole(keys: str | bytes, rest: bytes | None) -> str | bytes:
    """A row's keys with the bytes kept in `article_keys_rest` (text rows have none)."""
    return keys + rest if rest and isinstance(keys, bytes) else keys


def _decode_keys(keys: str | bytes, lead: str, dictionary: bytes | None = None) -> dict[str, frozenset[str]]:
    if isinstance(keys, bytes) and keys[:1] == _DICT_MARK:
        keys = zlib.decompressobj(-15, zdict=dictionary or b"").decompress(keys[1:]).decode("utf-8")
    elif isinstance(keys, bytes):
        keys = zlib.decompress(keys, -15).decode("utf-8")
    if keys.startswith("["):
        return {"keys": frozenset(json.loads(keys)), "lead_keys": frozenset(json.loads(lead)),
                "foreign_keys": frozenset()}
    entries = keys.split("\n") if keys else []
    marked = [k[1:] for k in entries if k.startswith("\t")]
    return {"keys": frozenset(k[1:] if k.startswith("\t") else k for k in entries if not k.startswith(_FOREIGN)),
            "lead_keys": frozenset(marked).union(lead.split("\n") if lead else ()),
            "foreign_keys": frozenset(k[1:] for k in entries if k.startswith(_FOREIGN))}


# A store's keys dictionary. The same names and numbers recur across a store's articles (its
# places, people, outlets, years), and a list of ~60 short keys deflates far better against a
# dictionary of them: the keys seen in two or more of the store's latest _DICT_SAMPLE articles
# when it first has that many, sorted (as a row's keys are), kept in `meta` and never changed
# (the rows written with it need it to be read). Such a row starts with _DICT_MARK, a byte no raw
# deflate stream starts with (block type 3 is reserved); rows from before it, or written by a
# process that had not seen it yet, read as before. On the bench stream: ~260 -> ~205 bytes of
# keys an article, ~45 fewer past the signal row's share (for a dictionary of ~6 KB a store).
_DICT_META, _DICT_MARK, _DICT_SAMPLE, _DICT_BYTES = "keys_dictionary", b"\x06", 100, 16384


def _dictionary(store: Store, build: bool = False) -> bytes | None:
    """The store's keys dictionary; with `build`, made once the store has enough signal rows."""
    if store.cache.get(_DICT_META) is None:
        value = store.get_meta(_DICT_META)
        if value is None and build:
            seen = store.cache.get("signal_rows")
            if seen is None:
                seen = store.db.execute("SELECT count(*) FROM article_signals").fetchone()[0]
            store.cache["signal_rows"] = seen + 1
            if seen >= _DICT_SAMPLE:  # another process may have made one first: keep the stored one
                store.db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)",
                                 (_DICT_META, _make_dictionary(store)))
                value = store.get_meta(_DICT_META)
        if value is not None:
            store.cache[_DICT_META] = value.encode("utf-8")
    return store.cache.get(_DICT_META)  # type: ignore[return-value]


def _make_dictionary(store: Store) -> str:
    counts: Counter[str] = Counter()
    for keys, lead, rest in store.db.execute(
            "SELECT s.keys, s.lead_keys, r.rest FROM article_signals s LEFT JOIN article_keys_rest r "
            "ON r.article_id = s.article_id ORDER BY s.article_id DESC LIMIT ?", (_DICT_SAMPLE,)):
        counts.update(_decode_keys(_whole(keys, rest), lead)["keys"])
    kept, size = [], 0
    for key in sorted((k for k, n in counts.items() if n >= 2), key=lambda k: (-counts[k], k)):
        size += len(key.encode("utf-8")) + 1
        if size > _DICT_BYTES:
            break
        kept.append(key)
    return "\n".join(sorted(kept))


def first_title(store: Store, article_ids: list[int]) -> str | None:
    """The title of the first of these articles that has one (in the order given)."""
    if not article_ids:
        return None
    marks = ",".join("?" * len(article_ids))
    titles = dict(store.db.execute(f"SELECT id, title FROM articles WHERE id IN ({marks}) AND title IS NOT NULL "
                                   f"AND title != ''", article_ids).fetchall())
    return next((titles[i] for i in article_ids if i in titles), None)


# Every ingest asks which articles lack a vector and which lack a story: `Store.lacking` answers
# from the newest ids, confirmed by counts over small indexes (every signal row has its article,
# every story member its signal row).

def vector_dim(store: Store) -> int | None:
    """The width of the store's vectors, read off a stored one (None before the first)."""
    row = store.db.execute("SELECT length(vector) FROM article_signals LIMIT 1").fetchone()
    return stored_dim(row[0]) if row else None


def articles_without_signals(store: Store, model: str) -> list[int]:
    everything = ("SELECT a.id FROM articles a LEFT JOIN article_signals s ON s.article_id = a.id AND s.model = ? "
                  "WHERE s.article_id IS NULL ORDER BY a.id")
    if store.get_meta("embedder") not in (None, model):  # rows of another model: the counts say nothing
        return [r[0] for r in store.db.execute(everything, (model,))]
    rows = store.lacking(store.db.execute("SELECT count(*), max(article_id) FROM article_signals").fetchone(),
                         store.count_articles(), "SELECT id FROM articles WHERE id > ? ORDER BY id",
                         everything, (model,))
    return [r[0] for r in rows]


def unassigned_articles(store: Store) -> list[int]:
    """Articles without a story, in the order they are clustered: by day of publication where
    known (a stream is read as it happened), then in order of arrival. (A trial, not kept: within
    a day, the densest articles first, by their nearest neighbour's cosine or the sum of five,
    did worse than arrival order over five arrival orders of the cluster sets, replayed with
    `bench/cluster_offline.py --orders 5`: held-out mean .919/.917 against .931; the sparsest
    first .916/.922.)"""
    rows = store.lacking(store.db.execute("SELECT count(*), max(article_id) FROM story_articles").fetchone(),
                         _count(store, "article_signals"),
                         "SELECT article_id, day FROM article_signals WHERE article_id > ?",
                         "SELECT s.article_id, s.day FROM article_signals s LEFT JOIN story_articles sa "
                         "ON sa.article_id = s.article_id WHERE sa.article_id IS NULL")
    return [r[0] for r in sorted(rows, key=lambda r: (r[1] is None, r[1] or 0, r[0]))]


def _count(store: Store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


class StoredKeyStats(KeyStats):
    """Key document frequencies read from and written to the store, cached per run: the table
    grows with the store, so it is never loaded whole."""

    def __init__(self, store: Store):
        super().__init__()
        self._store = store
        self.n_docs = store.db.execute("SELECT count(*) FROM article_signals").fetchone()[0]
        self.df = _LazyCounts(store)
        self._pending: Counter[str] = Counter()

    def add(self, keys: Iterable[str]) -> None:
        """Count in memory; `flush` writes the counts of a whole batch in one statement."""
        keys = set(keys)
        df = self.df
        missing = [k for k in keys if k not in df]
        if missing:
            df.load(missing)
        for k in keys:
            df[k] += 1
        self._pending.update(keys)
        self.n_docs += 1

    def preload(self, keys: Iterable[str]) -> None:
        """Read the counts of these keys in a few statements: a run weighs every key of its
        articles and their candidates, and one query per key was 5% of the story stage."""
        self.df.load(keys)

    def flush(self) -> None:
        """Write the counts added since the last flush (call inside the transaction that stores
        what they count)."""
        self._store.db.executemany(
            "INSERT INTO key_df(key, df) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET df = df + excluded.df",
            sorted(self._pending.items()))
        self._pending.clear()


class _LazyCounts(dict):
    def __init__(self, store: Store):
        super().__init__()
        self._store = store

    def get(self, key, default=0):  # type: ignore[override]
        if key not in self:
            row = self._store.db.execute("SELECT df FROM key_df WHERE key = ?", (key,)).fetchone()
            self[key] = row[0] if row else 0
        return dict.get(self, key, default)

    def load(self, keys: Iterable[str], batch: int = 500) -> None:
        wanted = sorted({k for k in keys if k not in self})
        for start in range(0, len(wanted), batch):
            chunk = wanted[start:start + batch]
            found = dict(self._store.db.execute(
                f"SELECT key, df FROM key_df WHERE key IN ({', '.join('?' * len(chunk))})", chunk).fetchall())
            for k in chunk:
                self[k] = found.get(k, 0)


# -- stories ------------------------------------------------------------------------------------

@dataclass
class StoryRow:
    id: str
    title: str | None
    first_day: int | None
    last_day: int | None
    size: int


def create_story(store: Store, story_id: str, article_id: int, day: int | None, score: float | None) -> None:
    now = _now()
    store.db.execute("INSERT INTO stories(id, first_day, last_day, size, created_at, updated_at) "
                     "VALUES (?, ?, ?, 0, ?, ?)", (story_id, day, day, now, now))
    add_member(store, story_id, article_id, day, score)


def add_member(store: Store, story_id: str, article_id: int, day: int | None, score: float | None) -> None:
    seq = store.db.execute("SELECT coalesce(max(seq), 0) + 1 FROM story_articles WHERE story_id = ?",
                           (story_id,)).fetchone()[0]
    store.db.execute("INSERT INTO story_articles(article_id, story_id, score, seq) VALUES (?, ?, ?, ?)",
                     (article_id, story_id, score, seq))
    store.db.execute(
        "UPDATE stories SET size = size + 1, updated_at = ?, "
        "first_day = CASE WHEN ? IS NULL THEN first_day WHEN first_day IS NULL OR ? < first_day THEN ? "
        "ELSE first_day END, "
        "last_day = CASE WHEN ? IS NULL THEN last_day WHEN last_day IS NULL OR ? > last_day THEN ? "
        "ELSE last_day END WHERE id = ?",
        (_now(), day, day, day, day, day, day, story_id))


def touch_story_of(store: Store, article_id: int) -> None:
    """Mark the story of an article whose text changed as changed (its cached analysis is stale)."""
    store.db.execute("UPDATE stories SET updated_at = ? WHERE id = (SELECT story_id FROM story_articles "
                     "WHERE article_id = ?)", (_now(), article_id))


def merge_into(store: Store, kept: str, absorbed: str) -> None:
    """Move every member of `absorbed` into `kept`; the absorbed id lives on as an alias, so an id
    a user once saw still finds its story."""
    row = store.db.execute("SELECT min(first_day), max(last_day), sum(size) FROM stories WHERE id IN (?, ?)",
                           (kept, absorbed)).fetchone()
    offset = store.db.execute("SELECT coalesce(max(seq), 0) FROM story_articles WHERE story_id = ?",
                              (kept,)).fetchone()[0]
    store.db.execute("UPDATE story_articles SET story_id = ?, seq = seq + ? WHERE story_id = ?",
                     (kept, offset, absorbed))
    store.db.execute("UPDATE story_aliases SET story_id = ? WHERE story_id = ?", (kept, absorbed))
    # A link both stories had (both continue one earlier story; one story continued by both) is
    # kept once, the kept story's: a plain UPDATE hit the link's primary key and failed the run.
    store.db.execute("UPDATE OR IGNORE story_links SET story_id = ? WHERE story_id = ?", (kept, absorbed))
    store.db.execute("DELETE FROM story_links WHERE story_id = ?", (absorbed,))
    store.db.execute("UPDATE OR IGNORE story_links SET earlier_id = ? WHERE earlier_id = ?", (kept, absorbed))
    store.db.execute("DELETE FROM story_links WHERE earlier_id = ?", (absorbed,))
    # a link between the two is now the kept story's to itself (the only self-link there can be)
    store.db.execute("DELETE FROM story_links WHERE story_id = ? AND earlier_id = ?", (kept, kept))
    store.db.execute("INSERT OR REPLACE INTO story_aliases(alias, story_id) VALUES (?, ?)", (absorbed, kept))
    store.db.execute("DELETE FROM stories WHERE id = ?", (absorbed,))
    store.db.execute("UPDATE stories SET first_day = ?, last_day = ?, size = ?, updated_at = ? WHERE id = ?",
                     (row[0], row[1], row[2], _now(), kept))


def set_title(store: Store, story_id: str, title: str | None) -> None:
    store.db.execute("UPDATE stories SET title = ? WHERE id = ?", (title, story_id))


def resolve_story_id(store: Store, story_id: str) -> str | None:
    """The live id for an id or a former (merged) id; None when unknown."""
    if store.db.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
        return story_id
    row = store.db.execute("SELECT story_id FROM story_aliases WHERE alias = ?", (story_id,)).fetchone()
    return row[0] if row else None


def story_members(store: Store, story_id: str, limit: int | None = None) -> list[int]:
    """Article ids of a story, most recently added first."""
    sql = "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY seq DESC"
    params: tuple = (story_id,)
    if limit:
        sql += " LIMIT ?"
        params += (limit,)
    return [r[0] for r in store.db.execute(sql, params)]


def open_stories(store: Store, spans: list[tuple[int, int | None]] | None,
                 undated_since: str | None = None) -> dict[str, tuple[int | None, list[int]]]:
    """The stories an article of these days may join or continue: for each span (lo, hi) of days,
    those last seen on or after lo that began by hi (None: any day), and the undated ones that
    changed at or after `undated_since` (an ISO time; None: all); `spans` None: every story.
    Story id -> (last day, members, most recently added first).

    A span per run of the batch's days, not one from its oldest day on: a single stale article
    in a daily feed (a page re-crawled a year on) read every story of the year in between.
    """
    # CROSS JOIN keeps the stories first: the open ones by their last day, then their members.
    # Sorted here: an ORDER BY on the story id made SQLite walk every story by its id instead.
    select = ("SELECT s.id, s.last_day, sa.seq, sa.article_id FROM stories s CROSS JOIN story_articles sa "
              "ON sa.story_id = s.id")
    if spans is None:
        rows = store.db.execute(select).fetchall()
    else:
        rows = store.db.execute(f"{select} WHERE s.last_day IS NULL AND s.updated_at >= ?",
                                (undated_since or "",)).fetchall()
        for lo, hi in spans:
            rows += store.db.execute(f"{select} WHERE s.last_day >= ? AND (s.first_day IS NULL OR s.first_day <= ?)",
                                     (lo, hi if hi is not None else 1 << 40)).fetchall()
    out: dict[str, tuple[int | None, list[int]]] = {}
    for story_id, last_day, _, article_id in sorted(set(rows), key=lambda r: (r[0], -r[2])):
        out.setdefault(story_id, (last_day, []))[1].append(article_id)
    return out


def latest_story_day(store: Store) -> int | None:
    return store.db.execute("SELECT max(last_day) FROM stories").fetchone()[0]


def story_rank(store: Store, story_id: str) -> int:
    """Creation order of a story: on a merge the older story keeps its id."""
    row = store.db.execute("SELECT rowid FROM stories WHERE id = ?", (story_id,)).fetchone()
    return row[0] if row else 1 << 62


def get_story(store: Store, story_id: str) -> StoryRow | None:
    row = store.db.execute("SELECT id, title, first_day, last_day, size FROM stories WHERE id = ?",
                           (story_id,)).fetchone()
    return StoryRow(*row) if row else None


def iter_stories(store: Store) -> Iterator[StoryRow]:
    rows = store.db.execute("SELECT id, title, first_day, last_day, size FROM stories "
                            "ORDER BY last_day IS NULL, last_day DESC, size DESC, id")
    for row in rows:
        yield StoryRow(*row)


def story_aliases(store: Store, story_id: str) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT alias FROM story_aliases WHERE story_id = ? ORDER BY alias",
                                           (story_id,))]


def set_link(store: Store, story_id: str, earlier_id: str, score: float) -> bool:
    """Record (or re-score) that `story_id` continues `earlier_id`; True when the link is new."""
    known = store.db.execute("SELECT 1 FROM story_links WHERE story_id = ? AND earlier_id = ?",
                             (story_id, earlier_id)).fetchone()
    store.db.execute("INSERT OR REPLACE INTO story_links(story_id, earlier_id, score) VALUES (?, ?, ?)",
                     (story_id, earlier_id, score))
    return known is None


def drop_links(store: Store, story_id: str, keep: str = "") -> None:
    """Forget the earlier stories `story_id` continues, all but `keep`."""
    store.db.execute("DELETE FROM story_links WHERE story_id = ? AND earlier_id != ?", (story_id, keep))


def earlier_links(store: Store, story_id: str) -> list[tuple[str, float]]:
    """The earlier stories `story_id` continues, with the links' scores."""
    return [(r[0], r[1]) for r in store.db.execute(
        "SELECT earlier_id, score FROM story_links WHERE story_id = ? ORDER BY earlier_id", (story_id,))]


def story_links(store: Store, story_id: str) -> tuple[list[str], list[str]]:
    """(earlier stories this one continues, later stories that continue it)."""
    earlier = [r[0] for r in store.db.execute(
        "SELECT earlier_id FROM story_links WHERE story_id = ? ORDER BY score DESC", (story_id,))]
    later = [r[0] for r in store.db.execute(
        "SELECT story_id FROM story_links WHERE earlier_id = ? ORDER BY score DESC", (story_id,))]
    return earlier, later
