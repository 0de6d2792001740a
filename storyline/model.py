"""The one data model that flows through the pipeline.

Every stage reads these dataclasses and enriches them; nothing passes dicts between stages. The
JSON a user sees is produced from here (`to_json`), so the field names match
`../shared/eval/README.md`. Story, Entity, Mention, Quote and Claim are filled by later stages
(clustering, entity resolution, quotes, claims); they are declared now so the store and the API
have one vocabulary from the start.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

LineKind = Literal["title", "metadata", "body", "subheading", "caption", "boilerplate"]
LINE_KINDS: tuple[str, ...] = ("title", "metadata", "body", "subheading", "caption", "boilerplate")


@dataclass
class Line:
    """One line of a plain-text input, numbered from 1 as in the file, with what it is."""

    n: int
    text: str
    kind: str = "body"


@dataclass
class Dateline:
    """The `PLACE, (AGENCY) –` or `Place/dd.mm.yy/Agency:` prefix that opens many wire stories."""

    place: str | None = None
    date: str | None = None
    agency: str | None = None


@dataclass
class RawDocument:
    """One document as an input format delivered it, before cleaning.

    `content` is decoded text (HTML markup or plain text, see `kind`). The hints come from the
    container (a feed item's title, a WARC record's URL, a JSONL field) and win over what the
    cleaner guesses from the content, because the container states them explicitly.
    """

    source: str
    content: str
    kind: Literal["text", "html"]
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass
class Article:
    """A cleaned article: its body apart from boilerplate, and what is known about it."""

    source: str
    title: str | None
    text: str
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    language: str | None = None
    url: str | None = None
    dateline: Dateline | None = None
    # True when `published` was not printed but implied ("on Saturday") and resolved against the
    # dated articles of the same batch: shown so a user can weigh it.
    published_inferred: bool = False
    cited_media: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    format: str = "text"
    content_hash: str = ""
    id: int | None = None

    def to_json(self, with_lines: bool = True) -> dict[str, Any]:
        out = asdict(self)
        out.pop("id")
        out["dateline"] = _dateline_json(self.dateline)
        if with_lines:
            out["lines"] = [{"n": ln.n, "kind": ln.kind, "text": ln.text} for ln in self.lines]
        else:
            out.pop("lines")
        return out


def _dateline_json(dateline: Dateline | None) -> dict[str, str] | None:
    if dateline is None:
        return None
    fields = {k: v for k, v in asdict(dateline).items() if v}
    return fields or None


@dataclass
class Mention:
    """A span of one article that names an entity.

    `start`/`end` are character offsets into the article's `text`; `sentence` numbers the
    sentence (from 0) so quotes and roles can find the names near them. `role` is the title or
    description printed with this mention ("Prime Minister", "former head of the treaty
    department"), kept per mention because sources disagree about it. `printed` is the words as
    the text prints them where `text` is the name in a form the keys can compare (the English
    name of a place a Chinese text prints 埃及): a reader looks for the printed script among an
    entity's spellings.
    """

    source: str
    text: str
    start: int = -1
    end: int = -1
    type: str = ""
    sentence: int = -1
    role: str | None = None
    language: str | None = None
    printed: str | None = None

    @property
    def written(self) -> str:
        """The name as the source wrote it: one of its entity's spellings."""
        return spelling(self.printed or self.text)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "text": self.text}
        if self.start >= 0:
            out["start"], out["end"] = self.start, self.end
        if self.printed:
            out["printed"] = self.printed
        if self.role:
            out["role"] = self.role
        return out


def spelling(text: str) -> str:
    """A name as written, whatever line breaks the text put in or after it."""
    return " ".join(text.split())


@dataclass
class Entity:
    """A person, organisation or place, once, with every spelling that names it.

    `id` is stable across stories (the store's entity registry assigns it), so a user can follow
    one person through the news.
    """

    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    id: str | None = None

    @property
    def spellings(self) -> list[str]:
        """Every distinct way the sources wrote the name, most used first (a name a line break
        ends or splits is the same spelling)."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            counts[m.written] = counts.get(m.written, 0) + 1
        return sorted(counts, key=lambda t: (-counts[t], t))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "roles": list(self.roles),
                "spellings": self.spellings, "mentions": [m.to_json() for m in self.mentions]}


@dataclass
class Quote:
    """Direct or indirect speech with who said it and the channel it came through.

    `speaker` is the resolved entity's name; `speaker_text` is how the article named the speaker
    at the quote ("he", "the spokesperson", "Peskov"), kept so a reader can check the resolution.
    `confirmations` counts the independent sources that carry the same words (two outlets
    rewriting one wire are one). `speaker_from` is set where this article names no speaker and
    another source's translation of the same words does: that source, so the name can be checked.
    """

    source: str
    text: str
    speaker: str | None = None
    kind: Literal["direct", "indirect"] = "direct"
    via: str | None = None
    start: int = -1
    end: int = -1
    speaker_text: str | None = None
    speaker_id: str | None = None
    confirmations: int = 1
    also_in: list[str] = field(default_factory=list)
    speaker_from: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Claim:
    """One value a source gives for a subject (a toll, a title, a date), the unit of comparison.

    `speaker` is who the source says gave the value ("Putin", "partial reports"), because one
    article may carry two figures from two speakers and both must be shown.
    """

    source: str
    kind: str
    subject: str
    value: str
    sentence: str = ""
    speaker: str | None = None
    number: float | None = None
    published: str | None = None


@dataclass
class DiscrepancyValue:
    """One of the values sources give, with every source that gives it."""

    value: str
    sources: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    published: str | None = None
    # How many of `sources` are independent of each other (near-copies and rewrites of one wire
    # count once): five outlets repeating one agency figure are one confirmation, not five.
    independent: int = 0


@dataclass
class Discrepancy:
    """Sources that disagree about one subject; every value is shown, none is picked.

    `nature` tells a reader how to weigh it: "conflict" (sources disagree at the same time),
    "update" (a later report revises an earlier one, e.g. a toll rising through the day),
    "attribution" (one source gives two figures from two speakers), "transliteration" (one name
    as each language's sources write it: German Chamenei, English Khamenei), "spelling" (one name
    transliterated several ways), "garbled" (a name mangled beyond spelling, e.g. by translation).
    """

    kind: str
    subject: str
    values: list[DiscrepancyValue] = field(default_factory=list)
    nature: str = "conflict"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SummarySentence:
    """One sentence of a story's summary and the articles that support it (never empty)."""

    text: str
    sources: list[str] = field(default_factory=list)
    # The disagreements this sentence touches, stated ("deaths: twelve (a) / fourteen (b, c)"): a
    # contested fact is never given as settled.
    disputed: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "sources": list(self.sources)}
        if self.disputed:
            out["disputed"] = list(self.disputed)
        return out


@dataclass
class TimelineEvent:
    """A dated event of a story, with the sentence that reports it and the sources that carry it."""

    date: str
    text: str
    sources: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date, "text": self.text, "sources": list(self.sources)}


@dataclass
class Story:
    """The articles about one event, across outlets and languages."""

    story_id: str
    title: str
    articles: list[Article] = field(default_factory=list)
