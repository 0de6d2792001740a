"""Direct speech by its quote marks, in any language and in any of the marks news text uses.

Machine-translated and re-typed articles mix “ ” « » „ “ " ' and ‘ ’, leave stray closing marks
behind, run a quote over several paragraphs (the continuation paragraph reopens the quote
without the previous one closing) or forget to close it at all. Marks are read by what stands on
either side of them (an opening mark follows a space and precedes a word), matched on a stack so
nested quotes stay inside the outer one, and a quote left open too long is cut at the end of its
first paragraph rather than swallowing the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.entities.scripts import CJK

# opener -> the marks that may close it (MT text closes “ with “ as often as with ”; a retyped page
# mixes curly and straight double marks: “… times," he said, "maybe …”)
_CLOSERS: dict[str, str] = {
    "“": "”“\"",
    "„": "“”",
    "«": "»",
    "‹": "›",
    "‘": "’‘",
    '"': '"”',
    "'": "'",
    "”": "”",  # Swedish/Finnish style ”…”
    "「": "」",
    "『": "』",
}
_ALL_MARKS = set("“”„«»‹›‘’\"'「」『』")
_OPEN_BEFORE = set(" \t\n([{—–-:/") | _ALL_MARKS
_OPEN_INTO = set("([…¿¡") | _ALL_MARKS
_CLOSE_AFTER = set(" \t\n)]}.,;:!?—–-…/") | _ALL_MARKS
# Chinese and Japanese set no space around a quote: a mark opens after a character or a full-width
# sign (表示：“…”, 称这是“…”) and closes before one (…”。, …”他说); Korean writes its particle onto
# the closing mark (…하겠다”라고 말했다).
_CJK_AROUND = re.compile(rf"[\u3000-\u303f{CJK}\uff01-\uff1f]")
# A quote open longer than this (characters, paragraphs) without its closing mark is cut at the
# end of its first paragraph: more likely a stray mark than a speech of half the article.
MAX_CHARS = 2500
MAX_PARAGRAPHS = 4


@dataclass
class QuoteSpan:
    """One top-level direct quote: `start` at its opening mark, `end` after its closing mark."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True

    def text(self, source: str) -> str:
        """The quoted words, with the marks that reopen a continued paragraph taken out."""
        inner = source[self.inner_start:self.inner_end]
        lines = [ln.strip().lstrip("“«„\"'‘") for ln in inner.split("\n")]
        # the comma before the attribution ("…," he said) belongs to the sentence, not the words
        return " ".join(ln for ln in lines if ln).strip().rstrip(",;: ")


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "«" and after in " \u00a0\u202f":  # French typography: « Mon client
        after = text[i + 2] if i + 2 < len(text) else " "
    if _spaced(text, i):
        # A token corpus sets its marks apart (', " Great companies rarely ... strength " .'): one
        # opens where another follows that is no opening mark (and closes an open one).
        ahead = text.find('"', i + 1, i + MAX_CHARS)
        return ahead > 0 and not (text[ahead - 1].isspace() and text[ahead + 1:ahead + 2].isalnum())
    return (before in _OPEN_BEFORE or before.isspace() or bool(_CJK_AROUND.match(before))) and (
        after.isalnum() or after in _OPEN_INTO)


def _spaced(text: str, i: int) -> bool:
    return text[i] == '"' and (i == 0 or text[i - 1].isspace()) and (i + 1 == len(text) or text[i + 1].isspace())


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in "”」』" and _CJK_AROUND.match(before):
        return True  # a Chinese quote's close, whatever follows: “…机会，”2014 年毕业于 …
    after_ok = after in _CLOSE_AFTER or after.isspace() or bool(_CJK_AROUND.match(after))
    if not after_ok:
        return False
    if text[i] == "»":  # a guillemet only ever closes, also after a space (« … instances. »)
        return True
    # `agree ",` : a closing mark typed after a space
    return not before.isspace() or after in ",.;:!?" or i + 1 == len(text)


def _is_apostrophe(text: str, i: int) -> bool:
    """Moscow’s, l'armée, rock 'n' roll: a mark between letters, or after an s before a space."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        # a Chinese or Japanese quote stands between characters: 称这是“懦弱的行为”。, 会見で「…」と
        return not (_CJK_AROUND.match(before) or _CJK_AROUND.match(after))
    if text[i] in "’'" and before.isspace() and _TOKENISED_CLITIC.match(text, i + 1):
        return True  # a token corpus sets clitics apart: "today 's activities", "they 're", "I 'd"
    if text[i] in "’'" and before.isspace() and (
            (after.isupper() and _TOKENISED_PARTICLE.search(text, max(0, i - 3), i))
            or _TOKENISED_POSSESSIVE.match(text, max(0, i - 3), i + 3)):
        return True  # and a name's particle, a plural's possessive: "Charles O 'Reilly", "Jobs ' success"
    if text[i] in "’'" and _DECADE.match(text, i + 1):
        return True  # a decade or a year cut short: "the late '80s", "the class of ’98"
    return text[i] in "’'" and before in "sS" and after.isspace()


_DECADE = re.compile(r"\d\d(?:s\b|\b)")
_TOKENISED_CLITIC = re.compile(r"(?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M)(?=\s)")
_TOKENISED_PARTICLE = re.compile(r"(?<![\w.])[ODL] $")
_TOKENISED_POSSESSIVE = re.compile(r"\ws ['’] [a-z0-9]")


# A closing mark a translation set against the attribution after it (", ”he added"): no opener.
_ATTRIBUTION_AFTER = re.compile(r"(?:he|she|they|we|I)\s+(?:said|says|added|adds|told|wrote|explained|stressed)\b")
_SENTENCE_END = re.compile(r"[.!?…]+\s+(?=\S)")


_TYPOGRAPHIC = {"“": "”", "„": "“”", "«": "»"}


def _closed_in_sentence(text: str, i: int) -> bool:
    """Whether the quote opened at `i` finds its own closing mark before its sentence ends."""
    found = _SENTENCE_END.search(text, i + 1)
    stop = found.start() + 1 if found else len(text)
    return any(text.find(mark, i + 1, stop) >= 0 for mark in _TYPOGRAPHIC[text[i]])


def _mid_sentence(text: str, i: int) -> bool:
    before = text[max(0, i - 10):i].rstrip()
    return bool(before) and before[-1] not in ".!?…:;\"'”’»"


def _last_sentence_end(text: str, opened: int, i: int) -> int:
    """Where the last sentence before `i` inside a quote opened at `opened` ends (0: none)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, opened + 1, i)]
    return len(text[:ends[-1]].rstrip()) if ends else 0


def _glued(text: str, i: int) -> bool:
    """A straight mark a flattened page set between a sentence's punctuation and the next word with
    no space ('… a beautiful vase,"the president continued', '… New Year's Eve party."I know …'): it
    closes the quote that is open, else it opens one."""
    return text[i] == '"' and 0 < i < len(text) - 1 and text[i - 1] in ",.!?…" and text[i + 1].isalnum()


def _closed_later(text: str, i: int) -> bool:
    """Whether the next straight mark after `i` is shaped to close (set against the word before
    it): a glued mark opens only then. Where a dump's page lost the opening mark of a quote, its
    closing mark is glued too ('… taburcu edildi."Dedi.'), and what follows it is no quote."""
    ahead = text.find('"', i + 1, i + MAX_CHARS)
    return ahead > 0 and not text[ahead - 1].isspace()


def _paragraph_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level direct quotes in reading order."""
    spans: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []  # (opening mark, position)
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and stack:
            # A paragraph ends with a quote open: it goes on if the next paragraph reopens it or
            # until its closing mark, but not past MAX_PARAGRAPHS / MAX_CHARS.
            j = i
            while j < n and text[j] in "\n \t":
                j += 1
            outer_mark, outer_at = stack[0]
            paragraphs = text.count("\n", outer_at, i) + 1
            if j < n and text[j] in _CLOSERS and text[j] == outer_mark and len(stack) == 1:
                i = j + 1  # the continuation convention: skip the reopening mark
                continue
            if paragraphs >= MAX_PARAGRAPHS or i - outer_at > MAX_CHARS:
                end = _paragraph_end(text, outer_at)
                spans.append(QuoteSpan(outer_at, end, outer_at + 1, end, closed=False))
                stack.clear()
                i = end + 1
                continue
            i += 1
            continue
        if ch not in _ALL_MARKS or _is_apostrophe(text, i):
            i += 1
            continue
        closes = [k for k, (mark, _) in enumerate(stack) if ch in _CLOSERS[mark]]
        can_close, can_open = _can_close(text, i), _can_open(text, i)
        glued = _glued(text, i)
        if closes and (can_close or not can_open or _spaced(text, i) or glued):
            k = closes[-1]
            _mark, at = stack[k]
            del stack[k:]
            if not stack:
                spans.append(QuoteSpan(at, i + 1, at + 1, i))
        elif (glued and _closed_later(text, i)) or (ch in _CLOSERS and can_open and ch not in "”’»›」』") or (
                ch == "”" and can_open and not can_close and not _ATTRIBUTION_AFTER.match(text, i + 1)):
            if len(stack) == 1 and stack[0][0] == ch and ch in _TYPOGRAPHIC and _mid_sentence(text, i) \
                    and _closed_in_sentence(text, i) and (cut := _last_sentence_end(text, stack[0][1], i)):
                # the same mark opening again inside a later sentence, closed in it: the first quote
                # was never closed (“HE IS HUMAN.. Been a Pope denounced “all violence” ...). Not a
                # straight mark, nor a translation's “ set against the next word to close a quote
                # (“… juntos, “señaló su página): neither is closed again in its sentence; nor a
                # speech's next paragraph reopened where a dump lost the break (“… him.  “But we …).
                spans.append(QuoteSpan(stack[0][1], cut, stack[0][1] + 1, cut, closed=False))
                stack.clear()
            stack.append((ch, i))
        i += 1
    if stack:
        _, at = stack[0]
        end = _paragraph_end(text, at)
        if end - at > 1:
            spans.append(QuoteSpan(at, end, at + 1, end, closed=False))
    spans.sort(key=lambda s: s.start)
    return _drop_nested(spans)


def _drop_nested(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    for span in spans:
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out
