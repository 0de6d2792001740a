"""Ingest: find input files, read each format, and yield RawDocuments or InputErrors.

Readers are generators so memory stays flat however large a folder or WARC file is: one file (or
one WARC record, one feed item, one JSONL line) is in memory at a time. A bad file becomes an
InputError in the stream instead of an exception, so one broken file never stops a batch.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator

from storyline.ingest.decode import decode, read_file_bytes
from storyline.ingest.errors import InputError, one_line
from storyline.ingest.jsonl import read_jsonl
from storyline.model import RawDocument
from storyline.settings import DEFAULT, Settings

TEXT_SUFFIXES = (".txt", ".text", ".txt.gz")
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".xml.gz", ".rss.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES + JSONL_SUFFIXES

Item = RawDocument | InputError


def is_supported(path: str) -> bool:
    return path.lower().endswith(SUPPORTED)


def iter_files(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Files named, and supported files found recursively in folders named, in a stable order.

    A file named explicitly is always read (its format sniffed if the suffix says nothing); a file
    met while walking a folder is read only if its suffix is one we know, so a folder's stray
    images and scripts are passed over silently.
    """
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and is_supported(name):
                        found = os.path.join(root, name)
                        yield found if os.path.isfile(found) else InputError(found, _not_a_file(found))
        elif os.path.isfile(path):
            yield path
        else:
            yield InputError(path, _not_a_file(path))


def _not_a_file(path: str) -> str:
    """Why a path is not read. A named pipe among the files would block the batch on its open
    for ever, so anything but a regular file (or a link to one) is refused up front."""
    if os.path.islink(path) and not os.path.exists(path):
        return "broken symbolic link"
    if os.path.exists(path):
        return "not a regular file (a pipe, socket or device)"
    if re.match(r"[a-z][a-z0-9+.-]*://", path, re.I):
        return "a URL: storyline reads files and fetches nothing (save the page, or a crawl as WARC, and pass that)"
    return "no such file or folder"


def read_documents(path: str, settings: Settings = DEFAULT) -> Iterator[Item]:
    """Every document in one file; errors come out in the stream, never raised."""
    lower = path.lower()
    try:
        # the feed and WARC parsers (feedparser, warcio, trafilatura) load when a file needs them:
        # `import storyline` (the API, every CLI command) does not wait for them
        if lower.endswith(WARC_SUFFIXES):
            from storyline.ingest.warc import read_warc

            yield from read_warc(path, settings)
        elif lower.endswith(FEED_SUFFIXES):
            from storyline.ingest.feeds import read_feed

            yield from read_feed(path, settings)
        elif lower.endswith(JSONL_SUFFIXES):
            yield from read_jsonl(path, settings)
        else:
            yield _read_single(path, settings)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(path, f"cannot read ({exc.strerror or exc})")
    except Exception as exc:  # a parser's bug on odd input must not cost the user the batch
        yield InputError(path, f"could not be read ({type(exc).__name__}: {one_line(exc)})")


def _read_single(path: str, settings: Settings) -> RawDocument:
    data = read_file_bytes(path, settings.max_document_bytes)
    lower = path.lower()
    looks_html = lower.endswith(HTML_SUFFIXES) or (
        not lower.endswith(TEXT_SUFFIXES) and _sniff_html(data[:2048])
    )
    text = decode(data, path, html=looks_html)
    return RawDocument(source=path, content=text, kind="html" if looks_html else "text")


def _sniff_html(head: bytes) -> bool:
    head = head.lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<head" in head


def read_all(paths: Iterable[str], settings: Settings = DEFAULT) -> Iterator[Item]:
    for path in iter_files(paths):
        if isinstance(path, InputError):
            yield path
        else:
            yield from read_documents(path, settings)
