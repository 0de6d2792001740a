"""A Markdown report of what a store holds, for people: `storyline report --db DB --out FILE`.

It reads only the store, so it shows exactly what a user's later queries will see.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from storyline.model import Article
from storyline.store import Store
from storyline.story_store import iter_stories
from storyline.views import (
    QuoteLine,
    channel_label,
    file_name,
    outlet_label,
    published_label,
    quote_lines,
    quoted_words,
    source_namer,
    speaker_label,
    story_detail,
    timeline_heading,
)


def _article_section(article: Article) -> list[str]:
    dateline = article.dateline
    place = ", ".join(x for x in (dateline.place, dateline.date, dateline.agency) if x) if dateline else ""
    facts = [
        ("source", article.source),
        ("published", published_label(article.published, article.published_inferred, "unknown")),
        ("author", article.author or "unknown"),
        ("outlet", article.outlet or "unknown"),
        ("language", article.language or "unknown"),
        ("dateline", place or "none"),
        ("cites", ", ".join(article.cited_media) or "no named media"),
    ]
    kinds = Counter(line.kind for line in article.lines if line.text.strip())
    if kinds:
        facts.append(("lines", ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())))
    out = [f"### {article.title or '(no title)'}", ""]
    out += [f"- **{key}**: {value}" for key, value in facts]
    words = article.text.split()
    lead = " ".join(words[:60]) + (" …" if len(words) > 60 else "")
    out += ["", f"> {lead}", ""]
    return out


def story_markdown(record: dict) -> str:
    """One story (as `views.story_detail` builds it) as Markdown."""
    span = record.get("first_published") or "undated"
    if record.get("last_published") and record["last_published"] != record.get("first_published"):
        span += f" to {record['last_published']}"
    out = [f"## {record['title']}", "",
           f"`{record['story_id']}` · {record['size']} article(s) · {span} · languages: "
           f"{', '.join(record.get('languages', [])) or 'unknown'}", ""]
    if record.get("continues"):
        titles = {c["story_id"]: c["title"] for c in record.get("chain", [])}
        named = [f"{titles[s]} (`{s}`)" if s in titles else f"`{s}`" for s in record["continues"]]
        out += [f"Continues: {', '.join(named)}", ""]
    label = source_namer(record)
    out += ["| source | published | outlet | language | title | cites |", "|---|---|---|---|---|---|"]
    for source in record.get("sources", []):
        article = next((a for a in record["articles"] if a["source"] == source["source"]), {})
        published = published_label(source.get("published"), source.get("published_inferred"), "?")
        title = article.get("title") or (f"_{source['opening']}_" if source.get("opening") else "")
        out.append(f"| {label(source['source'])} | {published} | {outlet_label(source)} | "
                   f"{source.get('language') or '?'} | {_cell(title)} | "
                   f"{', '.join(source.get('cited_media', [])) or '-'} |")
    copies = [s["source"] for s in record.get("sources", []) if s.get("near_copies")]
    if copies:
        out += ["", "Near-copies of one text: " + ", ".join(copies)]
    out += _summary_markdown(record.get("summary", []), label)
    out += _discrepancies_markdown(record.get("discrepancies", []), label)
    out += _timeline_markdown(record.get("timeline", []), label, len(record.get("timeline_stories", [])))
    out += _entities_markdown(record.get("entities", []))
    out += _quotes_markdown(quote_lines(record), label)
    return "\n".join(out) + "\n"


def _summary_markdown(summary: list[dict], label: Callable[[str], str] = file_name) -> list[str]:
    if not summary:
        return []
    out = ["", "### Summary", ""]
    for s in summary:
        cites = ", ".join(label(x) for x in s["sources"])
        disputed = "".join(f" _(sources differ: {d})_" for d in s.get("disputed", []))
        out.append(f"- {s['text']} [{cites}]{disputed}")
    return out


def _discrepancies_markdown(discrepancies: list[dict], label: Callable[[str], str] = file_name) -> list[str]:
    if not discrepancies:
        return []
    out = ["", "### Where sources disagree", "", "| kind | about | values (sources) | nature |", "|---|---|---|---|"]
    for d in discrepancies:
        values = "; ".join(
            f"**{v['value']}** ({', '.join(label(x) for x in v['sources'])}"
            + (f"; said by {', '.join(v['speakers'])}" if v.get("speakers") else "") + ")" for v in d["values"])
        out.append(f"| {d['kind']} | {_cell(d['subject'])} | {_cell(values)} | {d.get('nature', '')} |")
    return out


def _timeline_markdown(timeline: list[dict], label: Callable[[str], str] = file_name, stories: int = 0) -> list[str]:
    if not timeline:
        return []
    return ["", f"### {timeline_heading(stories)}", ""] + [
        f"- **{e['date']}** {e['text']} [{', '.join(label(x) for x in e['sources'])}]" for e in timeline]


def _entities_markdown(entities: list[dict]) -> list[str]:
    if not entities:
        return []
    out = ["", "### Who and where", "", "| name | type | roles | spellings | sources |", "|---|---|---|---|---|"]
    for e in sorted(entities, key=lambda e: -len(e.get("mentions", []))):
        sources = len({m["source"] for m in e.get("mentions", [])})
        roles = "; ".join(_cell(r) for r in e.get("roles", [])[:3]) or "-"
        out.append(f"| {_cell(e['name'])} | {e['type']} | {roles} | "
                   f"{', '.join(_cell(s) for s in e.get('spellings', [])[:6])} | {sources} |")
    return out


def _cell(text: str) -> str:
    """Text for one Markdown table cell: on one line, and no "|" to end the cell early (a name the
    model ran into a paragraph break had split its row over three lines)."""
    return " ".join(text.split()).replace("|", "/")


def _quotes_markdown(lines: list[QuoteLine], label: Callable[[str], str] = file_name) -> list[str]:
    if not lines:
        return []
    out = ["", "### Who said what", ""]
    for q, sources, translations in lines:
        via = f" (via {channel_label(q)})" if channel_label(q) else ""
        said = "said" if q.get("kind") == "direct" else "said, in substance,"
        confirmed = f" [{q['confirmations']} independent sources]" if q.get("confirmations", 1) > 1 else ""
        named = f" (named in {label(q['speaker_from'])})" if q.get("speaker_from") else ""
        out.append(f"- **{speaker_label(q)}**{named}{via} {said} {quoted_words(q)} — _{label(q['source'])}_"
                   f"{_also(sources, label)}{confirmed}")
        out += [f"  - in {label(t['source'])}: {quoted_words(t)}{_also(copies, label)}" for t, copies in translations]
    return out


def _also(sources: list[str], label: Callable[[str], str]) -> str:
    return f" (the same words in {', '.join(label(s) for s in sources[1:])})" if len(sources) > 1 else ""


def write_report(store: Store) -> str:
    articles = list(store.iter_articles())
    languages = Counter(a.language or "unknown" for a in articles)
    media = Counter(m for a in articles for m in a.cited_media)
    stories = list(iter_stories(store))
    lines = [
        "# storyline report",
        "",
        f"{len(articles)} article(s) in {len(stories)} story(ies); languages: "
        + ", ".join(f"{lang} {n}" for lang, n in languages.most_common()),
        "",
        "Cited media: " + (", ".join(f"{m} ({n})" for m, n in media.most_common()) or "none"),
        "",
    ]
    if stories:
        lines += [f"# Stories ({len(stories)})", ""]
        for row in stories:
            detail = story_detail(store, row.id)
            if detail:
                lines.append(story_markdown(detail))
    lines += ["# Articles", ""]
    for article in articles:
        lines += _article_section(article)
    return "\n".join(lines)
