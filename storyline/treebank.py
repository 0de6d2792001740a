"""Treebank escapes of brackets, slashes and asterisks, as tokenised dumps print them ("the World
Health Organization -LRB- WHO -RRB- says", "Feb. 15\\/16"). Apart from `clean` because the store
reads them too: a plain text's body prints the brackets where its input lines print the escapes
(`store._encode_lines`)."""

from __future__ import annotations

import re

# The tokeniser escapes a slash and an asterisk too ("Feb. 15\\/16", "Reuters\\/Handout", "\\* Marines arrive").
_TREEBANK = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "\\/": "/",
             "\\*": "*"}
_TREEBANK_TOKEN = re.compile(r"-(?:LRB|RRB|LSB|RSB|LCB|RCB)-|\\[/*]")


def plain_brackets(text: str) -> str:
    """The text with its treebank escapes read as the brackets they stand for."""
    return _TREEBANK_TOKEN.sub(lambda m: _TREEBANK[m.group(0)], text) if "-" in text or "\\" in text else text


_ESCAPE = {v: k for k, v in _TREEBANK.items()}


def escaped_at(text: str) -> list[int]:
    """Where `plain_brackets(text)` prints a bracket that `text` escapes: positions in the result."""
    out, shift = [], 0
    for m in _TREEBANK_TOKEN.finditer(text):
        out.append(m.start() - shift)
        shift += len(m.group(0)) - 1
    return out


def escape_at(text: str, positions: list[int]) -> str:
    """`text` with the brackets at `positions` written as treebank escapes again."""
    for i in sorted(positions, reverse=True):
        text = text[:i] + _ESCAPE[text[i]] + text[i + 1:]
    return text
