"""WARC crawls: each HTML response record becomes a document, streamed record by record.

A truncated or corrupt file yields the records read so far, then one error: the batch keeps what
was good and says where the file broke.
"""

from __future__ import annotations

from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.ingest.decode import decode
from storyline.ingest.errors import InputError
from storyline.model import RawDocument
from storyline.settings import Settings

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    count = 0
    with open(path, "rb") as stream:
        if not stream.read(1):
            raise InputError(path, "empty file")
        stream.seek(0)
        try:
            for record in ArchiveIterator(stream):
                doc = _record_document(path, record, settings)
                if doc is not None:
                    count += 1
                    yield doc
        except ArchiveLoadFailed as exc:
            raise InputError(path, f"not a valid WARC file ({_one_line(exc)})") from None
        except (EOFError, OSError, ValueError) as exc:
            kind = "truncated or corrupt WARC"
            raise InputError(path, f"{kind} after {count} page(s) ({_one_line(exc) or 'unexpected end'})") from None
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
    payload = record.content_stream().read(settings.max_document_bytes + 1)
    if len(payload) > settings.max_document_bytes:
        return InputError(where, "page too large")
    if getattr(record.raw_stream, "limit", 0) > 0:
        # The record promised more bytes than the file holds: the crawl was cut off here.
        raise EOFError(f"the record for {where} ends early")
    declared = None
    if "charset=" in content_type.lower():
        declared = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    try:
        text = decode(payload, where, declared=declared, html=True)
    except InputError as exc:
        return exc
    # WARC-Date is when the page was crawled, not published: the page's own metadata decides.
    return RawDocument(source=where, content=text, kind="html", url=url)


def _one_line(exc: object) -> str:
    return " ".join(str(exc).split())[:200]
