"""WARC crawls: each HTML response record becomes a document, streamed record by record.

A truncated or corrupt file yields the records read so far, then one error: the batch keeps what
was good and says where the file broke. warcio alone does not always say so: a gzipped crawl cut
inside a record's headers, or inside a record that is no page, just ends, so every record is read
to its end here and a gzipped file's last member must be whole. A record warcio cannot parse at
all (a response without its target URI) makes it raise whatever it meets; that is the file's
error too, never the batch's.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.ingest.decode import decode
from storyline.ingest.errors import InputError, one_line
from storyline.model import RawDocument
from storyline.settings import Settings

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    count = 0
    with open(path, "rb") as stream:
        head = stream.read(2)
        if not head:
            raise InputError(path, "empty file")
        stream.seek(0)
        try:
            for record in ArchiveIterator(stream):
                doc = _record_document(path, record, settings)
                if doc is None:
                    _read_to_end(record)
                else:
                    count += 1
                    yield doc
            if head == b"\x1f\x8b":
                _gzip_whole(path)
        except ArchiveLoadFailed as exc:
            raise InputError(path, f"not a valid WARC file ({_one_line(exc)})") from None
        except (EOFError, OSError, ValueError, zlib.error) as exc:
            kind = "truncated or corrupt WARC"
            raise InputError(path, f"{kind} after {count} page(s) ({_one_line(exc) or 'unexpected end'})") from None
        except Exception as exc:  # warcio's own failure on a record it cannot parse
            raise InputError(path, f"malformed WARC record after {count} page(s) "
                                   f"({type(exc).__name__}: {_one_line(exc)})") from None
    if count == 0:
        yield InputError(path, "no HTML pages in this WARC file")


def _record_document(path: str, record, settings: Settings) -> RawDocument | InputError | None:
    if record.rec_type not in ("response", "resource"):
        return None
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(_HTML_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    where = url or f"{path}#{record.rec_headers.get_header('WARC-Record-ID')}"
    named = f"{path}#{url}" if url else where  # an error names the file too
    payload = record.content_stream().read(settings.max_document_bytes + 1)
    _read_to_end(record)
    if len(payload) > settings.max_document_bytes:
        return InputError(named, "page too large")
    if not payload.strip():
        return InputError(named, "empty page")
    declared = None
    if "charset=" in content_type.lower():
        declared = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    try:
        text = decode(payload, where, declared=declared, html=True)
    except InputError as exc:
        return InputError(named, exc.reason)
    # WARC-Date is when the page was crawled, not published: the page's own metadata decides.
    return RawDocument(source=where, content=text, kind="html", url=url)


def _read_to_end(record) -> None:
    """Read the rest of a record; raise where the file ends before the record does (the crawl
    was cut off there)."""
    while record.raw_stream.read(1 << 16):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        where = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header("WARC-Record-ID")
        raise EOFError(f"the record for {where} ends early")


def _gzip_whole(path: str) -> None:
    """Raise where a gzipped file ends inside a member: warcio stops there without a word."""
    with gzip.open(path, "rb") as whole:
        while whole.read(1 << 20):
            pass


def _one_line(exc: object) -> str:
    """The message on one line, cut before the first byte that is not printable ASCII: warcio
    quotes the line it could not parse, which in a corrupt file is binary."""
    text = one_line(exc)
    kept = re.match(r"[\x20-\x7e]*", text).group(0)  # type: ignore[union-attr]
    return kept if kept == text else kept.rstrip() + " ..."
