"""Progress bars on a terminal, silence in pipes and CI."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], desc: str, unit: str = "it", total: int | None = None) -> Iterator[T]:
    if not sys.stderr.isatty() or os.environ.get("STORYLINE_QUIET"):
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=desc, unit=unit, total=total, leave=False, dynamic_ncols=True)


def progress_bar(desc: str, unit: str, total: int | None = None):
    """A manually updated bar (`.update(n)`), or None when output is not a terminal."""
    if not sys.stderr.isatty() or os.environ.get("STORYLINE_QUIET"):
        return None
    from tqdm import tqdm

    return tqdm(desc=desc, unit=unit, total=total, leave=False, dynamic_ncols=True)
