"""Bytes to text: encodings, compression and junk, decided once for every input format."""

from __future__ import annotations

import codecs
import re
import zlib

from charset_normalizer import from_bytes

from storyline.ingest.errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Control characters other than tab, newline, carriage return and form feed: text has almost none.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def gunzip(data: bytes, source: str, limit: int) -> bytes:
    """Decompress, refusing a truncated stream and a decompression bomb with clear reasons."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as exc:
        raise InputError(source, f"not a valid gzip file ({exc})") from None
    if len(out) > limit:
        raise InputError(source, f"too large once decompressed (over {megabytes(limit)})")
    if not d.eof:
        raise InputError(source, "truncated gzip: the file ends before the compressed stream does")
    return out


def read_file_bytes(path: str, limit: int) -> bytes:
    """Read a file whole, decompressing .gz, refusing anything over `limit` bytes."""
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputError(path, f"too large ({megabytes(len(data))}+; the limit is {megabytes(limit)})")
    if path.endswith(".gz") or data[:2] == b"\x1f\x8b":
        data = gunzip(data, path, limit)
    return data


def decode(data: bytes, source: str, declared: str | None = None, html: bool = False) -> str:
    """Decode bytes as text: BOM, then UTF-8, then the declared charset, then detection.

    Raises InputError for empty input and for binary junk: a file that decodes only to control
    characters is not an article in an unknown encoding, and saying so beats storing mojibake.
    """
    if not data.strip():
        raise InputError(source, "empty file")
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(source, "binary data, not text (it holds NUL bytes)")
    text = _try_decoders(data, declared, html)
    if text is None:
        raise InputError(source, "not text in any known encoding (binary or corrupt data)")
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > 0.02 * len(sample):
        raise InputError(source, "binary data, not text (too many control characters)")
    return text


def _try_decoders(data: bytes, declared: str | None, html: bool) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = [declared] if declared else []
    if html:
        match = _META_CHARSET.search(data[:4096])
        if match:
            candidates.append(match.group(1).decode("ascii", "ignore"))
    for codec in candidates:
        try:
            return data.decode(_normalise_codec(codec))
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None
    return data.decode(best.encoding, errors="replace")


def _normalise_codec(name: str) -> str:
    # Pages that say latin-1 almost always mean Windows-1252 (browsers treat them so).
    name = name.strip().lower()
    return "cp1252" if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"} else name


