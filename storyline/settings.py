"""A small settings object passed to the plain functions of each stage (as trafilatura does)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    # A document larger than this is refused with a clear error instead of being parsed: real
    # articles are far smaller, and a 30 MB one-line file is junk that would stall the batch.
    max_document_bytes: int = 15_000_000
    # Text shorter than this after cleaning is not an article (an empty page, a redirect stub).
    min_body_chars: int = 40
    # Extra cited-media names a user adds (one per line, `Name<TAB>alias|alias`).
    media_file: Path | None = None
    # How many articles one store transaction holds; a crash loses at most the open one.
    commit_every: int = 200


DEFAULT = Settings()


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity where the OS tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
