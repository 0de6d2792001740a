"""JSON lines: one article per line (`source`, `text` or `html`, optional `title`, `published`,
`outlet`, `url`, `author`). A bad line is reported with its number and the rest go on; a record
with neither `source` nor `url` is named by its file and its words (`sources.unnamed_item`)."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator

from storyline.ingest.errors import InputError
from storyline.ingest.sources import unnamed_item
from storyline.model import RawDocument
from storyline.settings import Settings

_HINTS = ("title", "published", "outlet", "url", "author")


def read_jsonl(path: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as raw:
            stream = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="\n")
            seen_any = False
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                seen_any = True
                yield _parse_line(path, number, line, settings)
            if not seen_any:
                yield InputError(path, "empty file")
    except EOFError:
        yield InputError(path, "truncated gzip: the file ends before the compressed stream does")
    except (OSError, gzip.BadGzipFile) as exc:
        yield InputError(path, f"cannot read ({exc})")


def _parse_line(path: str, number: int, line: str, settings: Settings) -> RawDocument | InputError:
    where = f"{path}:{number}"
    if len(line) > settings.max_document_bytes:
        return InputError(where, "line too large to be one article")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return InputError(where, "not a JSON object")
    html, text = record.get("html"), record.get("text")
    if not (isinstance(html, str) and html.strip()) and not (isinstance(text, str) and text.strip()):
        return InputError(where, "no 'text' or 'html' field with content")
    source = record.get("source") or record.get("url") or unnamed_item(
        path, str(record.get("title") or ""), html if isinstance(html, str) else None,
        text if isinstance(text, str) else None)
    hints = {k: str(record[k]) for k in _HINTS if record.get(k) not in (None, "")}
    if isinstance(html, str) and html.strip():
        return RawDocument(source=str(source), content=html, kind="html", **hints)
    return RawDocument(source=str(source), content=str(text), kind="text", **hints)
