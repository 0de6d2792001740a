"""The SQLite store: one file, WAL, foreign keys, versioned schema, FTS5 over titles and bodies.

SQLite first (as datasette and sqlite-utils are): a user can open the store with any SQLite tool.
Identity: an article is its `source` (path, URL or JSONL source field). Re-ingesting a source
with the same content changes nothing; with changed content it updates the row in place; the
same content arriving under another source is recorded as an alias of the stored article, not
stored twice. Writes are grouped in transactions of whole articles, so a crash loses at most the
open transaction and never leaves half an article.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Literal

from storyline.model import Article, Dateline, Line
from storyline.store_schema import MIGRATIONS
from storyline.treebank import escape_at, escaped_at, plain_brackets

Outcome = Literal["added", "updated", "unchanged", "duplicate"]


class StoreError(Exception):
    """The store cannot be opened or is not a storyline store."""


class Store:
    def __init__(self, path: str, create: bool = True):
        if not create and path != ":memory:" and not os.path.exists(path):
            raise StoreError(f"{path}: no such store (create it with `storyline ingest PATH --db {path}`)")
        folder = os.path.dirname(os.path.abspath(path))
        if create and path != ":memory:":
            os.makedirs(folder, exist_ok=True)
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            # A new store gives pages back when it is compacted (`compact`): an implied date
            # resolved after its article was stored rewrites the row and frees its overflow pages,
            # ~500 bytes per article of a batch left in the file. Only settable before any table.
            # 2 KB pages for a new store (4 KB is SQLite's default): a ~7 KB article spills into
            # overflow pages and leaves its first 0.2-2 KB in a leaf page, and those pieces pack
            # into 2 KB pages with half the slack (~740 -> ~340 bytes an article); the full-text
            # index's 1000-byte segments fill them two to a page. Like auto_vacuum, only settable
            # before the first table, so it goes first; an existing store keeps its page size.
            self.db.execute("PRAGMA page_size=2048")
            self.db.execute("PRAGMA auto_vacuum=INCREMENTAL")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA busy_timeout=10000")
            self._migrate()
            self.page_size = self.db.execute("PRAGMA page_size").fetchone()[0]
            self.cache: dict[str, object] = {}  # what story_store keeps for this connection
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a storyline store ({exc})") from None
        self._in_transaction = False

    # -- schema ---------------------------------------------------------------------------------

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = self.db.execute("SELECT max(version) FROM schema_version").fetchone()
        current = row[0] or 0
        if current > len(MIGRATIONS):
            raise StoreError(f"the store has schema version {current}; this storyline knows {len(MIGRATIONS)}: upgrade")
        for version in range(current + 1, len(MIGRATIONS) + 1):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split_sql(MIGRATIONS[version - 1]):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO schema_version(version) VALUES (?)", (version,))
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return self.db.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    # -- transactions ---------------------------------------------------------------------------

    def begin(self) -> None:
        if not self._in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self._in_transaction = True

    def commit(self) -> None:
        if self._in_transaction:
            self.db.execute("COMMIT")
            self._in_transaction = False

    def rollback(self) -> None:
        if self._in_transaction:
            self.db.execute("ROLLBACK")
            self._in_transaction = False
            self.cache.clear()  # it may hold what the rolled-back writes made (a keys dictionary)

    def close(self) -> None:
        self.commit()
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None or exc_type is KeyboardInterrupt:
            self.commit()  # what was fully written before Ctrl-C is kept
        else:
            self.rollback()
        self.db.close()

    # -- articles -------------------------------------------------------------------------------

    def known_raw(self, source: str, raw_hash: str) -> bool:
        """True when this exact input was ingested before under this source: skip cleaning it."""
        forms = (_raw_key(raw_hash), raw_hash)  # rows written before the binary form hold the hex
        row = self.db.execute("SELECT 1 FROM articles WHERE source = ? AND raw_hash IN (?, ?)",
                              (source, *forms)).fetchone()
        if row:
            return True
        row = self.db.execute(
            "SELECT 1 FROM article_aliases al JOIN articles a ON a.id = al.article_id "
            "WHERE al.source = ? AND a.raw_hash IN (?, ?)", (source, *forms)).fetchone()
        return row is not None

    def add_article(self, article: Article, raw_hash: str, values: dict[str, object] | None = None) -> Outcome:
        """Store one article (inside the open transaction, if any); say what happened. `values`:
        the article's columns from `row_values`, when a worker process encoded them already."""
        existing = self.db.execute(
            "SELECT id, content_hash FROM articles WHERE source = ?", (article.source,)).fetchone()
        now = datetime.now(UTC).isoformat(timespec="seconds")
        values = row_values(article) if values is None else values
        raw_key = _raw_key(raw_hash)
        if existing is not None:
            article.id = existing["id"]
            if existing["content_hash"] == article.content_hash:
                self.db.execute("UPDATE articles SET raw_hash = ? WHERE id = ?", (raw_key, existing["id"]))
                return "unchanged"
            cols = ", ".join(f"{k} = ?" for k in values)
            self.db.execute(f"UPDATE articles SET {cols}, raw_hash = ?, updated_at = ? WHERE id = ?",
                            (*values.values(), raw_key, now, existing["id"]))
            return "updated"
        # `+content_hash`: a plain term on the column made SQLite scan the table past the index.
        twin = self.db.execute("SELECT id FROM articles WHERE substr(content_hash, 1, 8) = ? AND +content_hash = ? "
                               "ORDER BY id LIMIT 1", (article.content_hash[:8], article.content_hash)).fetchone()
        if twin is not None:
            article.id = twin["id"]
            self.db.execute("INSERT OR IGNORE INTO article_aliases(source, article_id) VALUES (?, ?)",
                            (article.source, twin["id"]))
            return "duplicate"
        cols = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cur = self.db.execute(
            f"INSERT INTO articles (source, {cols}, raw_hash, ingested_at) VALUES (?, {marks}, ?, ?)",
            (article.source, *values.values(), raw_key, now))
        article.id = cur.lastrowid
        return "added"

    def set_inferred_date(self, article_id: int, published: str) -> None:
        self.db.execute("UPDATE articles SET published = ?, published_inferred = 1 WHERE id = ? AND published IS NULL",
                        (published, article_id))

    def compact(self) -> None:
        """Give the store's free pages back to the file system (stores created before
        auto_vacuum keep them for reuse). Outside a transaction; executescript, since the pragma
        frees one page per step and `execute` steps once."""
        self.commit()
        self.db.executescript("PRAGMA incremental_vacuum;")

    def lacking(self, done: tuple[int, int | None], total: int, newest: str, everything: str,
                params: tuple = ()) -> list[tuple]:
        """The rows still lacking a record derived from them (a vector, a story, an analysis).

        `done`: how many records there are and the largest id they are for; `total`: how many
        rows need one. Joining every row to its record reads each record (a vector, an analysis:
        hundreds of bytes each), a cost that grew with the store at every ingest however little it
        added. The rows lacking one are nearly always the newest: `newest` (one `?`, the largest
        id done) finds those past it, and if the counts agree they are all of them; only when the
        counts disagree does `everything` (with `params`) join the whole store.
        """
        missing = total - done[0]
        if missing <= 0:
            return []
        rows = self.db.execute(newest, (done[1] or 0,)).fetchall()
        if len(rows) == missing:
            return rows
        return self.db.execute(everything, params).fetchall()

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def count_articles(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def get_article(self, key: int | str) -> Article | None:
        if isinstance(key, int):
            row = self.db.execute("SELECT * FROM articles WHERE id = ?", (key,)).fetchone()
        else:
            row = self.db.execute(
                "SELECT * FROM articles WHERE source = ? UNION ALL SELECT a.* FROM articles a "
                "JOIN article_aliases al ON al.article_id = a.id WHERE al.source = ? LIMIT 1", (key, key)).fetchone()
        return _row_article(row) if row else None

    def iter_articles(self, search: str | None = None, limit: int | None = None) -> Iterator[Article]:
        """Articles newest first (undated last), or the best matches of a full-text query."""
        if search:
            sql = ("SELECT a.* FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                   "WHERE articles_fts MATCH ? ORDER BY rank")
            params: tuple = (search,)
        else:
            sql = "SELECT * FROM articles ORDER BY published IS NULL, published DESC, id"
            params = ()
        if limit is not None:
            sql += " LIMIT ?"
            params += (limit,)
        try:
            rows = self.db.execute(sql, params)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {search!r} ({exc})") from None
        for row in rows:
            yield _row_article(row)


def _raw_key(raw_hash: str) -> bytes | str:
    """A hex digest as its bytes (20 where the hex takes 40); any other identity as given."""
    try:
        return bytes.fromhex(raw_hash) if len(raw_hash) >= 32 else raw_hash
    except ValueError:
        return raw_hash


def row_values(article: Article) -> dict[str, object]:
    return {
        "content_hash": article.content_hash,
        "url": article.url,
        "title": article.title,
        "text": article.text,
        "published": article.published,
        "author": article.author,
        "outlet": article.outlet,
        "language": article.language,
        "dateline": json.dumps(asdict(article.dateline), ensure_ascii=False) if article.dateline else None,
        "cited_media": json.dumps(article.cited_media, ensure_ascii=False),
        "lines": _encode_lines(article),
        "format": article.format,
        "published_inferred": int(article.published_inferred),
    }


def _row_article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        source=row["source"],
        title=row["title"],
        text=row["text"],
        published=row["published"],
        author=row["author"],
        outlet=row["outlet"],
        language=row["language"],
        url=row["url"],
        dateline=Dateline(**json.loads(row["dateline"])) if row["dateline"] else None,
        cited_media=json.loads(row["cited_media"]),
        lines=[Line(n=n, kind=kind, text=text) for n, kind, text in _load_lines(row["lines"], row["text"],
                                                                                row["title"])],
        format=row["format"],
        content_hash=row["content_hash"],
        published_inferred=bool(row["published_inferred"]),
    )


# Lines storage. A plain-text article's lines are its whole input, so storing their texts would
# store the body twice. Format 3 (a marker byte, then raw deflate of a JSON array [first n or all ns,
# one letter of kind per line, items]) keeps only what the text and title cannot give back: an
# item 0 is the next line of `text` (lines of the body follow each other there, newline-joined),
# 1 is the title, [lead, trail] the next line of `text` with the whitespace the input had around
# it, [lead, trail, positions] the next line of `text` with its brackets at those positions (1: all
# of them) written as the treebank escapes the input had, [line] the line itself where only its end is in `text`,
# and a string is the line itself (boilerplate, blank lines). Older rows (format 2: the same
# array as zlib, whose header and checksum cost 6 bytes more; zlib of JSON [[n, kind, text], ...];
# plain JSON) still read.
_LINES_V2, _LINES_V3 = b"\x02", b"\x03"
_KIND_LETTER = {"title": "t", "metadata": "m", "body": "b", "subheading": "s", "caption": "c", "boilerplate": "x"}
_LETTER_KIND = {v: k for k, v in _KIND_LETTER.items()}


def _encode_lines(article: Article) -> bytes:
    lines = article.lines
    if any(ln.kind not in _KIND_LETTER for ln in lines):  # a kind this format has no letter for
        return zlib.compress(json.dumps([[ln.n, ln.kind, ln.text] for ln in lines],
                                        ensure_ascii=False).encode("utf-8"), 6)
    text, title = article.text, article.title
    items: list[object] = []
    cursor = 0
    for ln in lines:
        core = ln.text.strip()
        end = cursor + len(core)
        if core and text.startswith(core, cursor) and (end == len(text) or text[end] == "\n"):
            cursor = end + 1
            lead = len(ln.text) - len(ln.text.lstrip())
            items.append(0 if core == ln.text else [ln.text[:lead], ln.text[lead + len(core):]])
        elif title and ln.text == title:
            items.append(1)
        elif (core and (plain := plain_brackets(core)) != core and (segment := _line_at(text, cursor))
              and plain.endswith(segment)):
            # The body prints the brackets the line escapes ("-LRB- WHO -RRB-"): the body's line
            # with where to escape them again, or (where the body holds the line's end only) the
            # line as printed; either way the lines after it still point into the body.
            cursor += len(segment) + 1
            lead = len(ln.text) - len(ln.text.lstrip())
            escaped = escaped_at(core)
            every = escaped == [i for i, c in enumerate(segment) if c in "()[]{}"]
            items.append([ln.text[:lead], ln.text[lead + len(core):], 1 if every else escaped] if plain == segment
                         else [ln.text])
        elif core and (segment := _line_at(text, cursor)) and core.endswith(segment):
            # The body holds the line's end only (a stamp run into it is metadata): stored as the
            # part before and after the body's line, as a line with spaces around it is.
            cut = len(ln.text.rstrip()) - len(segment)
            items.append([ln.text[:cut], ln.text[cut + len(segment):]])
            cursor += len(segment) + 1
        else:
            items.append(ln.text)
    ns = [ln.n for ln in lines]
    numbering: object = ns[0] if ns and ns == list(range(ns[0], ns[0] + len(ns))) else ns
    kinds = "".join(_KIND_LETTER[ln.kind] for ln in lines)
    payload = json.dumps([numbering, kinds, items], ensure_ascii=False, separators=(",", ":"))
    return _LINES_V3 + deflate(payload.encode("utf-8"))


def _line_at(text: str, cursor: int) -> str:
    end = text.find("\n", cursor)
    return text[cursor:end if end >= 0 else len(text)]


def deflate(data: bytes, zdict: bytes | None = None) -> bytes:
    """Raw deflate at level 9 (no zlib header and checksum: 6 bytes less an item; read back with
    `zlib.decompress(value, -15)`, or a `decompressobj(-15, zdict=...)` for a dictionary)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, **({"zdict": zdict} if zdict else {}))
    return packer.compress(data) + packer.flush()


def _load_lines(value: str | bytes, text: str = "", title: str | None = None) -> list:
    """[[n, kind, text], ...] of a stored `lines` value, whichever format it has."""
    if isinstance(value, bytes) and value[:1] in (_LINES_V2, _LINES_V3):
        numbering, kinds, items = json.loads(zlib.decompress(value[1:], -15 if value[:1] == _LINES_V3 else 15))
        ns = numbering if isinstance(numbering, list) else range(numbering, numbering + len(kinds))
        out = []
        cursor = 0
        for n, letter, item in zip(ns, kinds, items, strict=True):
            if item == 0 or isinstance(item, list):
                end = text.find("\n", cursor)
                end = len(text) if end < 0 else end
                if item == 0:
                    line = text[cursor:end]
                elif len(item) == 1:  # the line as printed, where the body reads its escapes
                    line = item[0]
                elif len(item) == 3:  # the body's line, its brackets escaped again where the input had (1: all)
                    body_line = text[cursor:end]
                    where = [i for i, c in enumerate(body_line) if c in "()[]{}"] if item[2] == 1 else item[2]
                    line = item[0] + escape_at(body_line, where) + item[1]
                else:
                    line = item[0] + text[cursor:end] + item[1]
                cursor = end + 1
            else:
                line = title if item == 1 else item
            out.append([n, _LETTER_KIND[letter], line])
        return out
    return json.loads(zlib.decompress(value) if isinstance(value, bytes) else value)


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (which hold `;`) whole."""
    statements, buf = [], []
    for line in script.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            buf = []
    if "\n".join(buf).strip():
        statements.append("\n".join(buf))
    return statements
