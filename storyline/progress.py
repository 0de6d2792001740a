"""Progress bars on a terminal, silence in pipes and CI."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


def progress_bar(desc: str, unit: str, total: int | None = None) -> Any:
    """A tqdm bar on a terminal (`.update(n)`, `.close()`), or None when output is not one."""
    if not sys.stderr.isatty() or os.environ.get("STORYLINE_QUIET"):
        return None
    from tqdm import tqdm

    return tqdm(desc=desc, unit=unit, total=total, leave=False, dynamic_ncols=True)


def progress(items: Iterable[T], desc: str, unit: str = "it", total: int | None = None) -> Iterator[T]:
    """The items, counted on a bar when there is a terminal to show it."""
    bar = progress_bar(desc, unit, total)
    if bar is None:
        yield from items
        return
    try:
        for item in items:
            yield item
            bar.update(1)
    finally:
        bar.close()
