"""Names for the documents inside a file that carry none of their own."""

from __future__ import annotations

import hashlib


def unnamed_item(path: str, *parts: str | None) -> str:
    """A feed item or JSON record with no link, id or source, named by its file and a digest of
    its own title and text. Its position ("feed.rss#1") named another item once the feed had a new
    one on top: re-ingesting the feed overwrote each stored article with its neighbour's text,
    and the oldest were lost once the feed dropped them. The same item keeps its name, so a
    re-ingest adds nothing; an edited one is a new document (its old text stays stored)."""
    return f"{path}#{parts_digest(*parts)[:12]}"


def parts_digest(*parts: str | None) -> str:
    """SHA-1 of the parts, each ended by a NUL (so ("ab", "c") and ("a", "bc") differ)."""
    digest = hashlib.sha1()
    for part in parts:
        digest.update((part or "").encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()
