"""One writer at a time per store.

SQLite serialises single writes, not an ingest: two ingests into one store (a cron job's and a
person's) each read which articles still lacked a story, then both placed the same ones, and the
second stopped on "UNIQUE constraint failed: story_articles.article_id" with its batch half
placed. So an ingest holds an advisory lock on a file beside the store for as long as it writes,
and a second one says it waits, then waits; so do the web UI's background analyses. Readers
(listings, reports, the web UI's pages) never take it.

`fcntl.flock` on a file of its own, never on the database: SQLite holds POSIX locks on that
file, and a process that opens and closes it through another descriptor drops them. Where
`fcntl` is missing (Windows) there is no lock, as before.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

# The locks each thread holds, and how deep: a flock taken again through another descriptor
# would wait on itself. Other threads take their own (the web UI analyses in threads), and wait.
_HELD: dict[tuple[str, int], int] = {}


def lock_path(db_path: str) -> str:
    return os.path.abspath(db_path) + "-writer.lock"


@contextmanager
def writing(db_path: str) -> Iterator[None]:
    """Hold the store's writer lock (re-entrant within a thread); say so once if another
    process or thread holds it, and wait for it."""
    if db_path == ":memory:" or fcntl is None:
        yield
        return
    path = lock_path(db_path)
    key = (path, threading.get_ident())
    if key in _HELD:
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"storyline: {db_path}: another ingest is writing to this store; waiting for it to finish",
                  file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        _HELD[key] = 1
        try:
            yield
        finally:
            del _HELD[key]
    finally:
        os.close(fd)  # and with it the lock
