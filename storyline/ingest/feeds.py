"""RSS and Atom feeds: each item becomes a document (its full content when the feed carries it,
else its summary), named by its link, else its id, else its file and its words. feedparser
tolerates a lot; a feed it cannot read at all is one error."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator
from typing import Any
from xml.sax import SAXException

import feedparser

from storyline.ingest.decode import read_file_bytes
from storyline.ingest.errors import InputError, one_line
from storyline.ingest.sources import unnamed_item
from storyline.model import RawDocument
from storyline.settings import Settings


def read_feed(path: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    data = read_file_bytes(path, settings.max_document_bytes)
    if not data.strip():
        raise InputError(path, "empty file")
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        if parsed.get("bozo") and reason:
            raise InputError(path, f"malformed feed ({one_line(reason)})")
        raise InputError(path, "not an RSS or Atom feed with items")
    outlet = _plain((parsed.get("feed") or {}).get("title"))
    documents = [_entry_document(path, i, entry, outlet) for i, entry in enumerate(entries, start=1)]
    if parsed.get("bozo") and isinstance(parsed.get("bozo_exception"), SAXException):
        # Broken XML: keep the items that came through whole, report the file once.
        good = [d for d in documents if isinstance(d, RawDocument)]
        yield from good
        yield InputError(path, f"malformed feed ({one_line(parsed['bozo_exception'])}); "
                               f"{len(good)} item(s) read before the break")
        return
    yield from documents


def _entry_document(path: str, index: int, entry: Any, outlet: str | None) -> RawDocument | InputError:
    where = f"{path}#{index}"
    content = ""
    for part in entry.get("content") or []:
        if len(part.get("value") or "") > len(content):
            content = part["value"]
    if not content:
        content = entry.get("summary") or entry.get("description") or ""
    if not content.strip():
        return InputError(where, "feed item without content")
    link = entry.get("link") or None
    return RawDocument(
        source=link or entry.get("id") or unnamed_item(path, entry.get("title"), content),
        content=f"<html><body><article>{content}</article></body></html>",
        kind="html",
        title=_plain(entry.get("title")),
        published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        outlet=outlet,
        url=link,
        author=_plain(entry.get("author")),
    )


_TAG = re.compile(r"<[!/?]?[A-Za-z][^<>]*>")


def _plain(value: str | None) -> str | None:
    """A title or name as text. feedparser passes a title's markup through when the feed wraps it
    in CDATA ("<![CDATA[Floods <b>update</b>]]>"), and the title would show its tags."""
    if not value:
        return None
    if "<" in value or "&" in value:
        value = html.unescape(_TAG.sub("", value))
    return " ".join(value.split()) or None


def _iso(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M", parsed) if parsed else None

