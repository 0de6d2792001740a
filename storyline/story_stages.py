"""The stages every story runs by default, in order: entities resolved across the sources, each
quote's speaker made a story entity, near-copies and confirmations, discrepancies, what each
source alone reports, the summary, its disputed sentences, the timeline.

Each is a plain function over one `analysis.StoryContext` that reads what the stages before it
filled in and adds its own part; another can be registered beside them (`analysis.story_stage`).
The modules each calls are imported inside it, so that reading a cached story loads none of them.
"""

from __future__ import annotations

from dataclasses import asdict

from storyline.analysis import STORY_STAGES, TIMELINE_EVENTS, StoryContext, StoryStage
from storyline.model import Article, Entity, Quote

_registered = False


def register_default_stages() -> None:
    """Put the default stages first in `STORY_STAGES`, once. A stage registered before this ran
    (a user's own, by `analysis.story_stage`) keeps its place after them, or takes the place of the
    default of its name: the defaults had been skipped whenever any stage was registered first."""
    global _registered
    if _registered:
        return
    own = dict(STORY_STAGES)
    STORY_STAGES.clear()
    for name, stage in _DEFAULTS:
        STORY_STAGES[name] = own.pop(name, stage)
    STORY_STAGES.update(own)
    _registered = True


def _entities_stage(ctx: StoryContext) -> None:
    # The function from its module: the package's lazy `resolve` is shadowed by the submodule of
    # the same name once that is imported.
    from storyline.entities.resolve import resolve
    from storyline.entities.transliterated import story_persons_in_other_scripts

    mentions = [m for a in ctx.articles for m in ctx.per_article[a.source].mentions]
    mentions += story_persons_in_other_scripts(ctx.articles, mentions)
    ctx.entities = resolve(mentions, {a.source: a.text for a in ctx.articles})


def _quotes_stage(ctx: StoryContext) -> None:
    """Each quote's speaker becomes the story entity that holds the speaker's mention in that source."""
    from storyline.quotes_speakers import clean_name

    by_text: dict[tuple[str, str], Entity] = {}
    for entity in ctx.entities:
        for m in entity.mentions:
            by_text.setdefault((m.source, m.text), entity)
            by_text.setdefault((m.source, clean_name(m.text)), entity)
    quotes = []
    for article in ctx.articles:
        for quote in _with_story_speakers(article, ctx):
            entity = by_text.get((quote.source, quote.speaker or "")) if quote.speaker else None
            if entity is None and quote.speaker:
                entity = _title_holder(quote.speaker, quote.source, ctx.entities) or _surname_holder(
                    quote.speaker, ctx.entities)
            if entity is not None:
                quote.speaker = entity.name
            quotes.append(quote)
    ctx.quotes = quotes


def _title_holder(speaker: str, source: str, entities: list[Entity]) -> Entity | None:
    """The one person of the source whose roles hold a speaker that is a title alone ("a Pope",
    "the Pope": Pope Francis, where the source names him and no other pope)."""
    from storyline.entities.roles import HONORIFICS, TITLE_WORDS

    word = speaker.lower().strip(" .")
    if word not in TITLE_WORDS or word in HONORIFICS or word in ("lady", "lord", "member", "members"):
        return None  # "Mr" alone or "a member" is nobody's office
    holders = [e for e in entities if e.type == "PERSON" and any(m.source == source for m in e.mentions)
               and any(word in role.lower().strip(" .").split() for role in e.roles)]
    return holders[0] if len(holders) == 1 else None


def _surname_holder(speaker: str, entities: list[Entity]) -> Entity | None:
    """The one person of the story whose full name ends in a speaker printed as a surname alone ("«…», a
    répondu brusquement Gantz": Benny Gantz, whom another source names in full)."""
    if len(speaker.split()) != 1:
        return None
    holders = [e for e in entities if e.type == "PERSON" and len(e.name.split()) > 1
               and e.name.split()[-1].casefold() == speaker.casefold()]
    return holders[0] if len(holders) == 1 else None


def _with_story_speakers(article: Article, ctx: StoryContext) -> list[Quote]:
    """The article's quotes, read again where the story found persons in it that the article alone
    could not name: an Arabic or Chinese page's 特朗普 or ترامب, which only the story's Latin-script
    sources say is Trump (`entities.transliterated`), may be who says the quote beside it."""
    from storyline.entities.ner_uncased import UNCASED
    from storyline.quotes import find_quotes

    own = ctx.per_article[article.source]
    if article.language not in UNCASED or not own.quotes:
        return own.quotes
    found = [m for e in ctx.entities for m in e.mentions
             if m.source == article.source and m.printed and m.language in UNCASED and m.type == "PERSON"]
    return find_quotes(article, [*own.mentions, *found]) if found else own.quotes


def _provenance_stage(ctx: StoryContext) -> None:
    from storyline.provenance import confirm_quotes, near_copies

    ctx.near_copies = near_copies(ctx.articles)
    confirm_quotes(ctx.quotes, ctx.articles)


def _discrepancies_stage(ctx: StoryContext) -> None:
    from storyline.claims import number_claims
    from storyline.claims_events import event_claims
    from storyline.claims_opposite import opposite_claims
    from storyline.discrepancies import find_discrepancies

    first = min((a.published for a in ctx.articles if a.published), default=None)
    ctx.claims = [claim for a in ctx.articles for claim in number_claims(a, ctx.per_article[a.source].mentions, first)]
    ctx.claims += [claim for a in ctx.articles for claim in event_claims(a, ctx.per_article[a.source].mentions, first)]
    ctx.claims += [claim for a in ctx.articles for claim in opposite_claims(a, ctx.per_article[a.source].mentions,
                                                                            first)]
    # "age of Lopez" in one source and "age of Maria Lopes" in another are one subject: the entity's;
    # so are "Korven" and "Корвен" as the place of one court.
    names = {(m.source, m.text): e.name for e in ctx.entities for m in e.mentions}
    places = {(m.source, m.text): e.name for e in ctx.entities if e.type == "PLACE" for m in e.mentions}
    for claim in ctx.claims:
        if claim.subject.startswith("age of "):
            claim.subject = "age of " + names.get((claim.source, claim.subject[7:]), claim.subject[7:])
        elif claim.kind == "place":  # only a place's name: "the court in the Hague" is not William Hague's
            claim.value = places.get((claim.source, claim.value), claim.value)
    ctx.discrepancies = find_discrepancies(ctx.entities, ctx.claims, ctx.articles)
    if ctx.discrepancies:
        from storyline.provenance import independent_groups

        for d in ctx.discrepancies:
            for value in d.values:
                value.independent = len(independent_groups(value.sources, ctx.articles))


def _coverage_stage(ctx: StoryContext) -> None:
    from storyline.coverage import source_coverage

    ctx.extra["coverage"] = {c.source: asdict(c) for c in source_coverage(ctx.articles)}


def _summary_stage(ctx: StoryContext) -> None:
    from storyline.summarize import summarize

    ctx.summary = summarize(ctx.readable())


def _disputed_stage(ctx: StoryContext) -> None:
    """Mark summary sentences that state a contested figure, title or name, with the disagreement."""
    from storyline.discrepancies import state

    for sentence in ctx.summary:
        low = sentence.text.lower()
        for d in ctx.discrepancies:
            if d.kind == "name":
                continue  # a name spelt two ways does not make a sentence about its bearer contested
            if d.kind in ("number", "claim"):
                # either way round: the summary drops a wire dateline the claim's sentence still has;
                # and a source of the disagreement's, not a figure of the same subject a week apart
                sides = {source for v in d.values for source in v.sources}
                touched = any(c.sentence and c.source in sides and (c.sentence in sentence.text or
                                                                    sentence.text in c.sentence)
                              for c in ctx.claims if c.subject == d.subject)
            else:
                named = {m.text.lower() for e in ctx.entities if e.name == d.subject for m in e.mentions}
                touched = any(n in low for n in named) and any(v.value.lower() in low for v in d.values)
            if touched:
                sentence.disputed.append(state(d))


def _timeline_stage(ctx: StoryContext) -> None:
    from storyline.timeline import build_timeline

    ctx.timeline = build_timeline(ctx.readable(), max_events=TIMELINE_EVENTS)


_DEFAULTS: tuple[tuple[str, StoryStage], ...] = (
    ("entities", _entities_stage), ("quotes", _quotes_stage), ("provenance", _provenance_stage),
    ("discrepancies", _discrepancies_stage), ("coverage", _coverage_stage), ("summary", _summary_stage),
    ("disputed", _disputed_stage), ("timeline", _timeline_stage),
)
