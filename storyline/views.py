"""What the CLI, the API and the report show of a story: one place builds it, all print it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from storyline import story_store as ss
from storyline.analysis import StoryContext, analyze_story, cached_entities
from storyline.clean.datelines import after_dateline
from storyline.clean.wire_text import without_tickers
from storyline.entities.roles import HONORIFICS, TITLE_WORDS
from storyline.model import Article, Story
from storyline.store import Store


def day_iso(day: int | None) -> str | None:
    return date.fromordinal(day + 719163).isoformat() if day is not None else None


def source_labels(sources: Iterable[str], outlets: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """Each source's name where one story cites it: its file or page name, with as many of the
    folders above it as tell it apart from the story's other sources. A corpus that keeps one
    article per language under the same name ("en/264435.txt", "it/264435.txt") otherwise cites
    four sources by one name. A page is told apart by its site first ("eco-noticias.example/velna"),
    then by its whole address. A file named by a digest ("432362af…f3.html.gz", as crawls and
    archives save pages) is named by its outlet (`outlets`) and the digest's first characters
    ("Smithsonian ea25dd7e"), which a reader can still find the file by."""
    names = {s: _longer_names(s, (outlets or {}).get(s)) for s in dict.fromkeys(sources)}
    step = dict.fromkeys(names, 0)
    while True:
        labels = {s: names[s][step[s]] for s in names}
        taken = Counter(labels.values())
        longer = [s for s in names if taken[labels[s]] > 1 and step[s] < len(names[s]) - 1]
        if not longer:
            return labels
        for s in longer:
            step[s] += 1


def source_namer(record: dict[str, Any]) -> Callable[[str], str]:
    """How a story's report and page name each source they cite: apart from its sources and from
    the linked stories' articles its chain's timeline cites (`source_labels`), else by its file or
    page name."""
    labels = source_labels([s["source"] for s in record.get("sources", [])]
                           + [x for e in record.get("timeline", []) for x in e["sources"]], source_outlets(record))
    return lambda source: labels.get(source) or file_name(source)


def source_outlets(record: dict[str, Any]) -> dict[str, str | None]:
    """Each source's outlet as a story's record gives it."""
    return {s["source"]: s.get("outlet") for s in [*record.get("articles", []), *record.get("sources", [])]
            if s.get("outlet")}


def file_name(source: str) -> str:
    """A source by its last part alone: the file, or the page's last path segment."""
    return source.rstrip("/").rsplit("/", 1)[-1] or source


def quoted_words(quote: dict[str, Any]) -> str:
    """A quote's words as a list prints them: a direct quote in its marks, reported speech bare."""
    return f"“{quote['text']}”" if quote.get("kind") == "direct" else str(quote["text"])


def _longer_names(source: str, outlet: str | None = None) -> list[str]:
    """A source's names from shortest to longest: the file with its folders, one at a time; a page's
    last part, then with its site, then its whole address without the scheme. A digest's name
    first shortened, with its outlet."""
    _, sep, rest = source.partition("://")
    parts = [p for p in re.split(r"[/\\]", (rest if sep else source).rstrip("/")) if p] or [source]
    if sep and len(parts) > 1:
        names = list(dict.fromkeys([parts[-1], f"{parts[0]}/{parts[-1]}", "/".join(parts)]))
    else:
        names = ["/".join(parts[-depth:]) for depth in range(1, len(parts) + 1)]
    stem = parts[-1].split(".", 1)[0]
    if _DIGEST.fullmatch(stem):
        short = f"{outlet} {stem[:8]}" if outlet else f"{stem[:8]}…{parts[-1][len(stem):]}"
        names = [short, f"{outlet or ''} {stem}".strip(), *names]
    return names


# A file named by a hash of its address or content (hex digits) or by a UUID.
_DIGEST = re.compile(r"[0-9a-f]{16,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


def published_label(published: str | None, inferred: bool | None, missing: str = "undated") -> str:
    """A date as a reader should see it: one implied by the text and its neighbours
    (`published_inferred`, "on Thursday") says so, since it was not printed."""
    if not published:
        return missing
    return f"{published} (implied)" if inferred else published


def outlet_label(source: dict[str, Any], missing: str = "?") -> str:
    """Who published a source: its outlet, else the agency its dateline credits ("Baku/31.10.20/
    Turan:"), marked as read off the dateline, since a wire's credit may be reprinted elsewhere."""
    if source.get("outlet"):
        return str(source["outlet"])
    agency = (source.get("dateline") or {}).get("agency")
    return f"{agency} (dateline)" if agency else missing


def channel_label(quote: dict[str, Any]) -> str | None:
    """The channel a quote came through, unless it is the speaker itself ("..., BBC reports": a
    medium that reports itself is not its own channel)."""
    via = quote.get("via")
    return via if via and via != quote.get("speaker") else None


def speaker_label(quote: dict[str, Any]) -> str:
    """Who a quote is from as a reader should see it: the person or body, else the words the text
    gives an unnamed speaker ("U.N. experts said") marked as naming nobody, else "unattributed".
    Only a short phrase whose last word is a kind of source counts: the parser also hands over
    subjects that speak of nothing ("severe malnutrition means ...")."""
    if quote.get("speaker"):
        return str(quote["speaker"])
    words = str(quote.get("speaker_text") or "").split()
    head = words[:words.index("of")] if "of" in words[1:] else words  # "residents of Misrata"
    if 0 < len(words) <= 5 and head and _speaks(head[-1].lower().strip(".,")):
        return f"{' '.join(words)} (no name given)"
    return "unattributed"


def _bare(text: str) -> str:
    return " ".join(text.translate(_QUOTE_MARKS).split()).lower()


_QUOTE_MARKS = str.maketrans({c: " " for c in "\"“”„«»‘’`"})


QuoteLine = tuple[dict[str, Any], list[str], list[tuple[dict[str, Any], list[str]]]]


def quote_lines(record: dict[str, Any]) -> list[QuoteLine]:
    """A story's "who said what": each quote once (`quotes_once`), in the reader's language where
    the story has it, with what its other-language sources print for the same words under it. A
    story told in four languages had listed each statement four times, far apart."""
    languages = {a["source"]: a.get("language") or "" for a in record.get("articles", [])}
    cited = [s for line in record.get("summary", []) for s in line.get("sources", [])]
    reading = languages.get(cited[0], "") if cited else ""
    return with_translations(quotes_once(record.get("quotes", [])), languages, reading)


def with_translations(lines: list[tuple[dict[str, Any], list[str]]], languages: dict[str, str],
                      reading: str = "") -> list[QuoteLine]:
    """Each quote of another language that provenance matched with one in the reader's language
    (`reading`, else the first quote's), as the same speaker's words of the same kind, set under
    it. Both must name the other's source in `also_in`: it names sources, not quotes, so a
    source's second quote by the same speaker is not taken for the translation of the first."""
    def language(q: dict[str, Any]) -> str:
        return languages.get(q["source"], "")

    if not lines:
        return []
    reading = reading or language(lines[0][0])
    out: list[QuoteLine] = [(q, sources, []) for q, sources in lines]
    anchors = [line for line in out if language(line[0]) == reading]
    kept: list[QuoteLine] = []
    for line in out:
        q = line[0]
        anchor = None
        if language(q) not in ("", reading):
            anchor = next((a for a in anchors if _translation_of(q, a[0])
                           and all(t["source"] != q["source"] for t, _ in a[2])), None)
        if anchor is None:
            kept.append(line)
        else:
            anchor[2].append((q, line[1]))
    return kept


def _translation_of(q: dict[str, Any], anchor: dict[str, Any]) -> bool:
    return (q.get("kind") == anchor.get("kind") and speaker_label(q) == speaker_label(anchor)
            and speaker_label(q) != "unattributed" and anchor["source"] in q.get("also_in", [])
            and q["source"] in anchor.get("also_in", []))


def quotes_once(quotes: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[str]]]:
    """Each quote once, with every source that prints it: near-copies of one text, or a wire run
    unchanged by several outlets, listed the same statement once a copy (a DUC story of four
    copies read every line of "who said what" four times). Only the same words from the same
    speaker through the same channel fold: a quote worded differently stays apart, as the
    difference may be what a reader is looking for. A direct quote inside a report of what the
    same speaker said in the same source ("the option remained “on the table”") is read there, not
    again on a line of its own. A quote of no one a reader could name that is a phrase of a few
    words the writer set off ("“revolution in military affairs”"), or speech reported with no
    speaker at all, says nothing of who said what: such lines were a fifth of the 4,700 in a
    Guardian Iraq report. The JSON keeps every quote of every source."""
    sources: dict[tuple[str, Any, str | None, str], list[str]] = {}
    out: list[tuple[dict[str, Any], list[str]]] = []
    speakers = [speaker_label(q) for q in quotes]
    reported: dict[tuple[str, str], list[str]] = defaultdict(list)
    for q, speaker in zip(quotes, speakers, strict=True):
        if q.get("kind") != "direct":
            reported[(q["source"], speaker)].append(_bare(str(q["text"])))
    for q, speaker in zip(quotes, speakers, strict=True):
        if speaker == "unattributed" and (q.get("kind") != "direct" or len(str(q["text"]).split()) < _PHRASE_WORDS):
            continue
        if q.get("kind") == "direct":
            bare = _bare(str(q["text"]))
            if any(bare in text for text in reported[(q["source"], speaker)]):
                continue  # the words quoted inside a report of what the same speaker said, listed with it
        key = (speaker, q.get("kind"), channel_label(q), " ".join(str(q["text"]).split()))
        if key in sources:
            if q["source"] not in sources[key]:
                sources[key].append(q["source"])
            continue
        sources[key] = [q["source"]]
        out.append((q, sources[key]))
    return out


_PHRASE_WORDS = 5  # fewer words in quote marks are a phrase the writer sets off, when no one says them


_SOURCE_NOUNS = frozenset("""
official officials expert experts researcher researchers analyst analysts diplomat diplomats source sources
spokesman spokeswoman spokesperson witness witnesses resident residents police authorities government
ministry survey report study statement doctor doctors scientist scientists observer observers critic critics
aide aides lawyer lawyers prosecutor prosecutors investigator investigators agency economists economist
team colleagues panel committee authors activists campaigners protesters medics rescuers organisers organizers
""".split())


def _speaks(head: str) -> bool:
    """A kind of source, or an office or a rank ("the officer", "a naval commander", "the minister")."""
    singular = head[:-1] if head.endswith("s") and head[:-1] in TITLE_WORDS else head
    return head in _SOURCE_NOUNS or (singular in TITLE_WORDS and singular not in HONORIFICS)


def story_articles(store: Store, story_id: str) -> list[Article]:
    """Members in reading order: dated first by date, then the undated in order of arrival."""
    articles = [a for a in (store.get_article(i) for i in ss.story_members(store, story_id)) if a is not None]
    return sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id or 0))


def story_title(store: Store, row: ss.StoryRow, articles: list[Article] | None = None) -> str:
    """The story's name: its own (the central article's title or opening, set as it changes),
    else its first titled article's (members read only then), else "(untitled)"."""
    if row.title:
        return row.title
    articles = articles if articles is not None else story_articles(store, row.id)
    return next((a.title for a in articles if a.title), None) or "(untitled)"


def story_record(store: Store, row: ss.StoryRow, articles: list[Article] | None = None) -> dict[str, Any]:
    articles = articles if articles is not None else story_articles(store, row.id)
    earlier, later = ss.story_links(store, row.id)
    return {
        "story_id": row.id,
        "title": story_title(store, row, articles),
        "first_published": day_iso(row.first_day),
        "last_published": day_iso(row.last_day),
        "size": len(articles),
        "languages": sorted(Counter(a.language for a in articles if a.language)),
        "outlets": sorted({a.outlet for a in articles if a.outlet}),
        "continues": earlier,
        "continued_by": later,
        "aliases": ss.story_aliases(store, row.id),
        "articles": [
            {"id": a.id, "source": a.source, "title": a.title, "published": a.published,
             "published_inferred": a.published_inferred, "outlet": a.outlet, "language": a.language}
            for a in articles
        ] + _duplicates(store, articles),
    }


def _duplicates(store: Store, articles: list[Article]) -> list[dict[str, Any]]:
    """Other files with an article's very text (one page saved twice, a wire printed verbatim): stored
    once, but listed, so that every file a user ingested is found in its story."""
    by_id = {a.id: a for a in articles if a.id is not None}
    if not by_id:
        return []
    marks = ",".join("?" * len(by_id))
    rows = store.db.execute(f"SELECT source, article_id FROM article_aliases WHERE article_id IN ({marks}) "
                            "ORDER BY article_id, source", tuple(by_id)).fetchall()
    return [{"id": by_id[aid].id, "source": alias, "title": by_id[aid].title, "published": by_id[aid].published,
             "published_inferred": by_id[aid].published_inferred, "outlet": by_id[aid].outlet,
             "language": by_id[aid].language, "duplicate_of": by_id[aid].source}
            for alias, aid in rows]


def story_detail(store: Store, story_id: str, analysis: bool = True) -> dict[str, Any] | None:
    """The whole story as `storyline show` prints it: members, entities, quotes, sources.

    `analysis=False` leaves out what needs the language models (entities, quotes), for a quick look.
    """
    live = ss.resolve_story_id(store, story_id)
    row = ss.get_story(store, live) if live else None
    if row is None:
        return None
    articles = story_articles(store, row.id)
    record = story_record(store, row, articles)
    record["requested_id"] = story_id
    ctx = analyze_story(store, row.id, articles) if analysis else None
    copies = {source: group for group in (ctx.near_copies if ctx else []) for source in group}
    record["sources"] = [
        {"source": a.source, "outlet": a.outlet, "published": a.published,
         "published_inferred": a.published_inferred, "language": a.language,
         "author": a.author, "dateline": a.to_json(with_lines=False)["dateline"], "cited_media": a.cited_media,
         "near_copies": [s for s in copies.get(a.source, []) if s != a.source],
         "opening": None if a.title else opening_words(a.text),
         **_coverage(ctx, a.source)}
        for a in articles
    ]
    record["entities"] = [e.to_json() for e in ctx.entities] if ctx else []
    record["quotes"] = [q.to_json() for q in ctx.quotes] if ctx else []
    record["summary"] = [x.to_json() for x in ctx.summary] if ctx else []
    record["discrepancies"] = [d.to_json() for d in ctx.discrepancies] if ctx else []
    record["timeline"] = [e.to_json() for e in ctx.timeline] if ctx else []
    chain = story_chain(store, row.id)
    record["chain"] = [_chain_entry(store, sid) for sid in chain] if len(chain) > 1 else []
    if ctx and len(chain) > 1:  # a long-running affair reads as one timeline across its linked stories
        record["timeline"] = chain_timeline(store, row.id, chain, articles)
        record["timeline_stories"] = chain
    return record


def chain_timeline(store: Store, story_id: str, chain: list[str], articles: list[Article]) -> list[dict[str, Any]]:
    """The timeline of the chain of linked stories `story_id` (whose `articles` are at hand) is in,
    from all their articles; kept until one of them, or the reading languages, change."""
    from storyline.analysis import (
        TIMELINE_EVENTS,
        cached_payload,
        members_digest,
        readable_articles,
        reading_languages,
        save_payload,
    )
    from storyline.timeline import build_timeline

    marks = ",".join("?" * len(chain))
    rows = store.db.execute(f"SELECT a.id, a.content_hash FROM story_articles sa JOIN articles a "
                            f"ON a.id = sa.article_id WHERE sa.story_id IN ({marks}) ORDER BY a.id", chain).fetchall()
    languages = reading_languages(store)
    key = members_digest(rows) + ":" + ",".join(languages)
    events = cached_payload(store, "chain_timelines", story_id, key)
    if events is None:
        members = [a for sid in chain for a in (articles if sid == story_id else story_articles(store, sid))]
        timeline = build_timeline(readable_articles(members, languages), max_events=2 * TIMELINE_EVENTS)
        events = [e.to_json() for e in timeline]
        save_payload(store, "chain_timelines", story_id, key, events)
    return events


def timeline_heading(stories: int) -> str:
    """A chain's timeline cites the linked stories' articles too: the heading says so, or a story of
    one article would seem to cite a dozen files it does not hold."""
    return f"Timeline (across {stories} linked stories)" if stories > 1 else "Timeline"


def opening_words(text: str, words: int = 12, chars: int = 90) -> str:
    """The first words of an untitled article's text after its dateline, for the lists that name
    each source (a DUC story's table of nine sources had nine empty titles); no more than `chars`
    characters, as a script without spaces between words (Chinese, Japanese) is one "word" a
    paragraph long (a Chinese source's row ran to its whole text)."""
    first = without_tickers(after_dateline(text.lstrip()[:2000])).split()
    opening = " ".join(first[:words])
    if len(opening) > chars:
        return opening[:chars].rstrip() + " …"
    return opening + (" …" if len(first) > words else "")


def story_chain(store: Store, story_id: str, limit: int = 12) -> list[str]:
    """The story and those linked to it through `continues` links either way, oldest first."""
    seen, queue = [story_id], [story_id]
    while queue and len(seen) < limit:
        earlier, later = ss.story_links(store, queue.pop(0))
        for other in earlier + later:
            if other not in seen and len(seen) < limit:
                seen.append(other)
                queue.append(other)
    rows = {sid: ss.get_story(store, sid) for sid in seen}
    return sorted(seen, key=lambda sid: (rows[sid].first_day if rows[sid] and rows[sid].first_day is not None
                                         else 10**9, sid))


def _chain_entry(store: Store, story_id: str) -> dict[str, Any]:
    """A linked story as a reader picks it from a list: its title and days, not only its id."""
    row = ss.get_story(store, story_id)
    if row is None:
        return {"story_id": story_id, "title": "(untitled)", "first_published": None, "last_published": None,
                "size": 0}
    return {"story_id": story_id, "title": story_title(store, row), "first_published": day_iso(row.first_day),
            "last_published": day_iso(row.last_day), "size": row.size}


def _coverage(ctx: StoryContext | None, source: str) -> dict[str, Any]:
    found = ctx.extra.get("coverage", {}).get(source, {}) if ctx else {}
    return {"unique_points": found.get("unique_points", []), "left_out": found.get("left_out", []),
            "loaded_language": found.get("loaded", [])}


def as_story(store: Store, row: ss.StoryRow) -> Story:
    return Story(story_id=row.id, title=row.title or "", articles=story_articles(store, row.id))


def find_entities(store: Store, query: str) -> list[str]:
    """Entity ids for an id or a name as a user types it (any spelling or script the registry holds).

    A name can answer more than one entity (two people called Kim, a town and the club named
    after it): all are returned, most-covered first, and the caller shows them apart.
    """
    if store.db.execute("SELECT 1 FROM entities WHERE id = ?", (query,)).fetchone():
        return [query]
    from storyline.entities.names import name_key
    from storyline.entities.ner_uncased import english_name

    # The registry's keys are Latin: a place printed in Chinese or Arabic is found by its English name,
    # any other name in those scripts by the spellings the registry keeps for lookup (`registry_keys`).
    key = name_key(query) or name_key(english_name(query) or "") or " ".join(query.split())
    if not key:
        return []
    # A whole name; a single word is a surname too (the registry keys people by full names only):
    # "Paulson" is Henry M. Paulson Jr. as much as a story's "Paulson" the model typed a body.
    surnames = [f"% {key}{suffix}" for suffix in ("", " jr", " sr", " ii", " iii")] if " " not in key else []
    name = "substr(k.key, instr(k.key, ':') + 1)"
    rows = store.db.execute(
        "SELECT k.entity_id, COUNT(DISTINCT s.story_id) AS n FROM entity_keys k "
        "LEFT JOIN story_entities s ON s.entity_id = k.entity_id "
        f"WHERE {name} = ?{f' OR {name} LIKE ?' * len(surnames)} GROUP BY k.entity_id ORDER BY n DESC, k.entity_id",
        (key, *surnames)).fetchall()
    return [row[0] for row in rows]


def entity_detail(store: Store, entity_id: str) -> dict[str, Any] | None:
    """One entity through the news: every story it appears in, oldest first, with the name, roles
    and spellings each story gives it, from the stories' cached analyses (as current as the last
    `analyze_stale_stories`: the CLI and the API run it first, the web page shows what is there)."""
    from storyline.entity_registry import stories_of_entity

    row = store.db.execute("SELECT id, name, type FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    stories, spellings, roles = [], Counter[str](), Counter[str]()
    for story_id in stories_of_entity(store, entity_id):
        story = ss.get_story(store, story_id)
        if story is None:
            continue
        entity = next((e for e in cached_entities(store, story_id) or [] if e.id == entity_id), None)
        if entity is None:
            continue
        spellings.update(m.written for m in entity.mentions)
        roles.update(entity.roles)
        stories.append({
            "story_id": story_id, "title": story.title, "first_published": day_iso(story.first_day),
            "last_published": day_iso(story.last_day), "size": story.size, "name": entity.name,
            "roles": entity.roles, "sources": sorted({m.source for m in entity.mentions}),
        })
    stories.sort(key=lambda s: (s["first_published"] is None, s["first_published"] or "", s["story_id"]))
    return {"id": row[0], "name": row[1], "type": row[2],
            "spellings": [s for s, _ in spellings.most_common()], "roles": [r for r, _ in roles.most_common()],
            "stories": stories}
