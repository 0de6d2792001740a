"""The analysis of a story: who is in it, who said what, and which sources copy which.

Two levels, because they cost and change differently:

- **per article** (`analyze_article`): mentions and quotes. This needs the parser (the dearest step,
  ~20–50 ms an article), depends on nothing but the article, and is computed once: at ingest by
  `analyze_pending`, or on first use, and kept in `article_analysis` (compressed JSON).
- **per story** (`analyze_story`): entities resolved across the sources, quotes given their speaker
  entity and confirmations, near-copies. It depends on the story's members, which change as
  articles arrive, so it is cached against the list of members and redone when that changes. It
  needs no parsing but grows with the story (about 3 s for 50 long articles on one core), so
  ingest precomputes it for stories of `PRECOMPUTE_MEMBERS` or more (`analyze_stale_stories`)
  and `show` answers from the cache; smaller stories are analysed on first `show`.

Stages at the story level are plain functions registered by name in `STORY_STAGES`, run in order
over one `StoryContext`: the defaults (`story_stages.py`) first, then any a user registers with
`story_stage`; one registered under a default's name replaces it.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from storyline.clean.language import by_readership
from storyline.model import (
    Article,
    Claim,
    Discrepancy,
    DiscrepancyValue,
    Entity,
    Mention,
    Quote,
    SummarySentence,
    TimelineEvent,
)
from storyline.store import Store

# Bump when an analyser changes what it finds: stored analyses of an older version are redone.
ARTICLE_VERSION = 235
STORY_STAGES_VERSION = 146
# A story's analysis is made of its articles': a new article analyser redoes the stories too (a
# bump of ARTICLE_VERSION alone had left every cached story showing the old mentions).
STORY_VERSION = STORY_STAGES_VERSION * 1000 + ARTICLE_VERSION
# Stories this big are analysed at ingest: analysing a smaller one on first `show` takes well under a second.
PRECOMPUTE_MEMBERS = 8
TIMELINE_EVENTS = 20  # a story's timeline is for reading: the best-supported dated events
_BATCH = 16  # articles parsed together (spaCy's pipe); fewer than the parse cache holds


@dataclass
class ArticleAnalysis:
    """What one article says on its own: the names in it and its quotes."""

    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class StoryContext:
    """What the story stages read and fill in, in order."""

    articles: list[Article]
    per_article: dict[str, ArticleAnalysis]
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    near_copies: list[list[str]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    # The reader's languages, most read first (`reading_languages`): a story told in several is
    # summarised and dated in the first of them it is told in.
    languages: Sequence[str] = ()

    def readable(self) -> list[Article]:
        return readable_articles(self.articles, self.languages)


def readable_articles(articles: list[Article], languages: Sequence[str]) -> list[Article]:
    """The articles in the language a story is read in (all of them when it is told in one): the
    first of the reader's `languages` it is told in, else the one most of its articles are in.

    Sentences are weighed and cited by the words they share, which holds within a language only;
    a summary or a timeline that strung Dutch and Spanish sentences together would be read by nobody.
    """
    told = by_readership(Counter(a.language for a in articles if a.language))
    if len(told) < 2:
        return articles
    rank = {language: n for n, language in enumerate(languages)}
    first = min(told, key=lambda lang: rank.get(lang, len(rank)))  # the story's own order breaks ties
    return [a for a in articles if a.language == first]


def reading_languages(store: Store) -> list[str]:
    """The reader's languages, most read first, as the story stage last counted them."""
    value = store.get_meta("reading_languages")
    return value.split(",") if value else []


StoryStage = Callable[[StoryContext], None]
STORY_STAGES: dict[str, StoryStage] = {}


def story_stage(name: str) -> Callable[[StoryStage], StoryStage]:
    """Register a story-level stage; stages run in the order they were registered."""

    def register(fn: StoryStage) -> StoryStage:
        STORY_STAGES[name] = fn
        return fn

    return register


# -- per article -------------------------------------------------------------------------------


def analyze_article(article: Article) -> ArticleAnalysis:
    from storyline.entities import find_mentions
    from storyline.quotes import find_quotes

    if not article.text.strip():
        return ArticleAnalysis()
    mentions = find_mentions(article)
    return ArticleAnalysis(mentions=mentions, quotes=find_quotes(article, mentions))


def _encode(analysis: ArticleAnalysis) -> bytes:
    payload = {"mentions": [asdict(m) for m in analysis.mentions], "quotes": [asdict(q) for q in analysis.quotes]}
    return zlib.compress(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def _decode(blob: bytes) -> ArticleAnalysis:
    payload = json.loads(zlib.decompress(blob).decode("utf-8"))
    return ArticleAnalysis(mentions=[Mention(**m) for m in payload["mentions"]],
                           quotes=[Quote(**q) for q in payload["quotes"]])


def stored_analyses(store: Store, article_ids: Iterable[int]) -> dict[int, ArticleAnalysis]:
    ids = list(article_ids)
    out: dict[int, ArticleAnalysis] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.db.execute(
            f"SELECT article_id, payload FROM article_analysis WHERE version = ? AND article_id IN ({marks})",
            (ARTICLE_VERSION, *chunk))
        out.update((row[0], _decode(row[1])) for row in rows)
    return out


def save_analysis(store: Store, article_id: int, analysis: ArticleAnalysis) -> None:
    store.db.execute("INSERT OR REPLACE INTO article_analysis(article_id, version, payload) VALUES (?, ?, ?)",
                     (article_id, ARTICLE_VERSION, _encode(analysis)))


def pending_articles(store: Store) -> list[int]:
    """Articles with no analysis of the current version (new ones, or analysed by older code),
    found among the newest first (`Store.lacking`)."""
    rows = store.lacking(
        store.db.execute("SELECT count(*), max(article_id) FROM article_analysis WHERE version = ?",
                         (ARTICLE_VERSION,)).fetchone(),
        store.count_articles(),
        "SELECT id FROM articles WHERE id > ? ORDER BY id",
        "SELECT a.id FROM articles a LEFT JOIN article_analysis x ON x.article_id = a.id AND x.version = ? "
        "WHERE x.article_id IS NULL ORDER BY a.id", (ARTICLE_VERSION,))
    return [r[0] for r in rows]


def analyze_pending(store: Store, progress: Callable[[int], None] | None = None, commit_every: int = 50,
                    workers: int | None = None) -> int:
    """Analyse every article that lacks a current analysis (in worker processes past a few
    batches: `analysis_pool`); commits in batches so Ctrl-C keeps work."""
    from storyline.analysis_pool import analysed_batches

    done = 0
    pending = pending_articles(store)
    batches = ([a for a in (store.get_article(i) for i in pending[start:start + _BATCH]) if a is not None]
               for start in range(0, len(pending), _BATCH))
    for batch, analyses in analysed_batches(batches, len(pending), workers):
        for article, analysis in zip(batch, analyses, strict=True):
            save_analysis(store, article.id or 0, analysis)
            done += 1
            if progress:
                progress(1)
            if done % commit_every == 0:
                store.commit()
    store.commit()
    return done


def article_analyses(store: Store, articles: list[Article], workers: int | None = None,
                     progress: Callable[[int], None] | None = None) -> dict[str, ArticleAnalysis]:
    """The analysis of each article, computing and saving the ones not stored yet (a story shown
    after an ingest with `--no-analysis`: in worker processes when there are many); `progress`
    hears how many were read, stored ones at once."""
    from storyline.analysis_pool import analysed_batches

    stored = stored_analyses(store, [a.id for a in articles if a.id is not None])
    missing = [a for a in articles if a.id is None or a.id not in stored]
    out = {a.source: stored[a.id] for a in articles if a.id in stored}
    if progress:
        progress(len(articles) - len(missing))
    batches = (missing[start:start + _BATCH] for start in range(0, len(missing), _BATCH))
    for batch, analyses in analysed_batches(batches, len(missing), workers):
        for article, analysis in zip(batch, analyses, strict=True):
            out[article.source] = analysis
            if article.id is not None:
                save_analysis(store, article.id, analysis)
        if progress:
            progress(len(batch))
    if any(a.id is not None for a in missing):
        store.commit()
    return {a.source: out[a.source] for a in articles}  # in the articles' order


# -- per story ---------------------------------------------------------------------------------


def run_story_stages(articles: list[Article], per_article: dict[str, ArticleAnalysis],
                     languages: Sequence[str] = ()) -> StoryContext:
    """All registered story stages over these articles; usable without a store (the API's `analyze`)."""
    from storyline.story_stages import register_default_stages

    register_default_stages()
    ctx = StoryContext(articles=articles, per_article=per_article, languages=languages)
    for stage in STORY_STAGES.values():
        stage(ctx)
    return ctx


def analyze_story(store: Store, story_id: str, articles: list[Article]) -> StoryContext:
    """The story's analysis, from the cache when its members have not changed since."""
    cached = cached_context(store, story_id, articles)
    if cached is not None:
        return cached
    ctx = run_story_stages(articles, article_analyses(store, articles), reading_languages(store))
    return save_story_context(store, story_id, articles, ctx)


def cached_context(store: Store, story_id: str, articles: list[Article]) -> StoryContext | None:
    """The cached analysis of the story, if it was made of these members by this version."""
    payload = cached_payload(store, "story_analysis", story_id, _members_key(articles))
    try:
        return None if payload is None else _context_from_json(articles, payload)
    except (KeyError, TypeError, ValueError):
        return None  # a cache written by other code is redone, never trusted


def cached_payload(store: Store, table: str, story_id: str, members: str) -> Any:
    """What `save_payload` kept in `table` for the story, if it was made of these `members` (a key
    of what it was computed from) by this version; None otherwise, or if it does not read."""
    row = store.db.execute(f"SELECT members, version, payload FROM {table} WHERE story_id = ?", (story_id,)).fetchone()
    if row and row[0] == members and row[1] == STORY_VERSION:
        try:
            return json.loads(zlib.decompress(row[2]).decode("utf-8"))
        except (ValueError, zlib.error):
            pass  # written by other code: redone, never trusted
    return None


def save_payload(store: Store, table: str, story_id: str, members: str, value: Any) -> None:
    """Keep `value` (JSON) in `table` for the story, made of `members` by this version, and commit."""
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    store.db.execute(f"INSERT OR REPLACE INTO {table}(story_id, members, version, payload) VALUES (?, ?, ?, ?)",
                     (story_id, members, STORY_VERSION, zlib.compress(payload, 6)))
    store.commit()


def analysis_is_current(store: Store, story_id: str, articles: list[Article]) -> bool:
    """Whether the story's cached analysis was made of these members by this version, its payload
    left unread (the web UI asks before every story page, which then reads it)."""
    row = store.db.execute("SELECT members, version FROM story_analysis WHERE story_id = ?", (story_id,)).fetchone()
    return bool(row) and row[0] == _members_key(articles) and row[1] == STORY_VERSION


def save_story_context(store: Store, story_id: str, articles: list[Article], ctx: StoryContext) -> StoryContext:
    """Give the story's entities their ids (the store's registry, in story order) and cache it."""
    from storyline.entity_registry import assign_ids

    assign_ids(store, story_id, ctx.entities)
    for quote in ctx.quotes:
        quote.speaker_id = next((e.id for e in ctx.entities if e.name == quote.speaker), None)
    save_payload(store, "story_analysis", story_id, _members_key(articles), context_json(ctx))
    return ctx


def _members_key(articles: list[Article]) -> str:
    return members_digest((a.id, a.content_hash) for a in sorted(articles, key=lambda a: a.id or 0))


def members_digest(members: Iterable[tuple[int | None, str]]) -> str:
    digest = hashlib.sha1()
    for article_id, content_hash in members:
        digest.update(f"{article_id}:{content_hash};".encode())
    return digest.hexdigest()


def stale_stories(store: Store, min_members: int = PRECOMPUTE_MEMBERS, since: str | None = None) -> list[str]:
    """Stories of at least `min_members` whose cached analysis is missing, old, or of other members.

    `since` (a time as the store writes them): only stories changed from then on, or never
    analysed by this version, are weighed: what an ingest may have made stale. Reading every
    member of every big story (its article's content hash) cost ~40 us a member at every ingest.
    """
    # with `since`: those changed since, and those with no analysis of this version whenever they
    # changed; with each, what its cached analysis was made of (None, None: it has none)
    cached = {row[0]: (row[1], row[2]) for row in store.db.execute(
        "SELECT s.id, x.members, x.version FROM stories s LEFT JOIN story_analysis x ON x.story_id = s.id "
        "WHERE s.size >= ? AND (? IS NULL OR s.updated_at >= ? OR x.version IS NOT ?) ORDER BY s.id",
        (min_members, since, since, STORY_VERSION))}
    big = list(cached)
    members: dict[str, list[tuple[int, str]]] = {}
    for start in range(0, len(big), 500):
        chunk = big[start:start + 500]
        for story_id, article_id, content_hash in store.db.execute(
                "SELECT m.story_id, a.id, a.content_hash FROM story_articles m JOIN articles a ON a.id = m.article_id "
                f"WHERE m.story_id IN ({','.join('?' * len(chunk))}) ORDER BY m.story_id, a.id", chunk):
            members.setdefault(story_id, []).append((article_id, content_hash))
    return [sid for sid, rows in sorted(members.items())
            if len(rows) >= min_members and cached.get(sid) != (members_digest(rows), STORY_VERSION)]


def analyze_stale_stories(store: Store, story_ids: list[str] | None = None,
                          progress: Callable[[int], None] | None = None, workers: int | None = None) -> int:
    """Analyse the big stories whose members changed, so that `show` after ingest reads a cache
    (their stages in worker processes when there are several: `analysis_pool`)."""
    from storyline.analysis_pool import story_contexts

    done = 0
    for story_id, articles, ctx in story_contexts(store, stale_stories(store) if story_ids is None else story_ids,
                                                  workers):
        if ctx is not None:
            save_story_context(store, story_id, articles, ctx)
        done += 1
        if progress:
            progress(1)
    return done


def context_json(ctx: StoryContext) -> dict[str, Any]:
    return {"entities": [asdict(e) for e in ctx.entities], "quotes": [asdict(q) for q in ctx.quotes],
            "near_copies": ctx.near_copies, "claims": [asdict(c) for c in ctx.claims],
            "discrepancies": [asdict(d) for d in ctx.discrepancies], "summary": [asdict(x) for x in ctx.summary],
            "timeline": [asdict(x) for x in ctx.timeline], "extra": ctx.extra}


def cached_entities(store: Store, story_id: str) -> list[Entity] | None:
    """The entities of the story's last analysis (None if it has none of this version), whatever its
    members are now: reading an entity's history across many stories loads no article and
    analyses nothing (`analyze_stale_stories` first, to be current)."""
    row = store.db.execute("SELECT version, payload FROM story_analysis WHERE story_id = ?", (story_id,)).fetchone()
    if not row or row[0] != STORY_VERSION:
        return None
    try:
        return _entities_from_json(json.loads(zlib.decompress(row[1]).decode("utf-8"))["entities"])
    except (KeyError, TypeError, ValueError, zlib.error):
        return None


def _entities_from_json(items: list[dict[str, Any]]) -> list[Entity]:
    return [Entity(**{k: v for k, v in e.items() if k != "mentions"}, mentions=[Mention(**m) for m in e["mentions"]])
            for e in items]


def _context_from_json(articles: list[Article], payload: dict[str, Any]) -> StoryContext:
    entities = _entities_from_json(payload["entities"])
    discrepancies = []
    for d in payload["discrepancies"]:
        values = [DiscrepancyValue(**v) for v in d.pop("values")]
        discrepancies.append(Discrepancy(**d, values=values))
    return StoryContext(articles=articles, per_article={}, entities=entities,
                        quotes=[Quote(**q) for q in payload["quotes"]], near_copies=payload["near_copies"],
                        claims=[Claim(**c) for c in payload["claims"]], discrepancies=discrepancies,
                        summary=[SummarySentence(**x) for x in payload["summary"]],
                        timeline=[TimelineEvent(**x) for x in payload["timeline"]], extra=payload["extra"])
