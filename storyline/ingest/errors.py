"""The one error type every reader raises or yields for bad input."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: a file (or a record inside one) that cannot become an article.

    It carries the source and a reason a person can act on; the CLI prints it as one line and the
    batch goes on.
    """

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


def one_line(exc: object) -> str:
    """An exception's message as a reason: on one line, at most 200 characters."""
    return " ".join(str(exc).split())[:200]
