"""HTML for the web UI: plain strings, escaped at every insertion, one stylesheet inline."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from storyline.views import (
    channel_label,
    outlet_label,
    published_label,
    quote_lines,
    quoted_words,
    source_labels,
    source_namer,
    source_outlets,
    speaker_label,
    timeline_heading,
)
from storyline.web.jobs import AnalysisJob

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 1em;color:#222}
a{color:#0645ad}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;
text-align:left;vertical-align:top}th{background:#f5f5f5}.muted{color:#777;font-size:.9em}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.5em}.col{border:1px solid #ddd;padding:.2em 1em}
mark{background:#fff3b0}.loaded{background:#fde2e2}.tag{display:inline-block;border:1px solid #ccc;
border-radius:3px;padding:0 .3em;margin:0 .2em .2em 0;font-size:.85em}blockquote{margin:.3em 0 .3em 1em;
color:#333}h2{margin-top:1.4em}
"""


def _page(title: str, body: str, refresh: int | None = None) -> str:
    reload = f"<meta http-equiv='refresh' content='{refresh}'>" if refresh else ""
    return (f"<!doctype html><html><head><meta charset='utf-8'>{reload}<title>{escape(title)}</title>"
            f"<style>{_STYLE}</style></head><body><p class='muted'><a href='/'>storyline</a></p>{body}</body></html>")


def story_list(records: list[dict[str, Any]], search: str) -> str:
    rows = []
    for r in records:
        span = r.get("first_published") or "undated"
        if r.get("last_published") and r["last_published"] != r.get("first_published"):
            span += f" – {r['last_published']}"
        rows.append(f"<tr><td>{escape(span)}</td><td><a href='/story/{quote(r['story_id'])}'>{escape(r['title'])}</a>"
                    f"<div class='muted'>{escape(', '.join(r['outlets'][:6]))}</div></td><td>{r['size']}</td>"
                    f"<td>{escape(', '.join(r['languages']))}</td></tr>")
    form = (f"<form><input name='q' value='{escape(search, quote=True)}' placeholder='search titles and outlets'>"
            "<button>search</button></form>")
    table = ("<table><tr><th>dates</th><th>story</th><th>articles</th><th>languages</th></tr>"
             + "".join(rows) + "</table>") if rows else "<p>No stories.</p>"
    return _page("storyline: stories", f"<h1>Stories</h1>{form}{table}")


def analysing(job: AnalysisJob) -> str:
    """The page of a story still being analysed (`jobs.AnalysisJob`): how far, and a reload."""
    step = (f"{job.done} of {job.total} articles read" if job.done < job.total
            else f"all {job.total} articles read; now its people, quotes, summary and timeline")
    return _page("storyline: analysing", f"<h1>Analysing this story</h1><p>{escape(step)}.</p>"
                 "<p class='muted'>Its analysis is stored once made: this page reloads itself until then.</p>",
                 refresh=2)


def not_found(what: str) -> str:
    return _page("not found", f"<h1>Not found</h1><p>No story or page {escape(what)}.</p>")


def _cite(sources: list[str], name: Callable[[str], str]) -> str:
    """Tags naming the sources, as `views.source_namer` of the story names them (made once a section)."""
    return " ".join(f"<span class='tag'>{escape(name(s))}</span>" for s in sources)


def _summary(record: dict[str, Any], name: Callable[[str], str] | None = None) -> str:
    name = name or source_namer(record)
    if not record.get("summary"):
        return ""
    items = "".join(f"<li>{escape(s['text'])} {_cite(s['sources'], name)}"
                    + "".join(f"<div class='muted'>sources differ: {escape(d)}</div>" for d in s.get("disputed", []))
                    + "</li>" for s in record["summary"])
    return f"<h2>Summary</h2><ul>{items}</ul>"


def _discrepancies(record: dict[str, Any], name: Callable[[str], str] | None = None) -> str:
    name = name or source_namer(record)
    rows = []
    for d in record.get("discrepancies", []):
        values = "<br>".join(
            f"<b>{escape(v['value'])}</b> {_cite(v['sources'], name)}"
            + (f" <span class='muted'>({escape(', '.join(v.get('speakers', [])))})</span>" if v.get("speakers") else "")
            for v in d["values"])
        rows.append(f"<tr><td>{escape(d['kind'])}</td><td>{escape(d['subject'])}</td><td>{values}</td>"
                    f"<td>{escape(d.get('nature', ''))}</td></tr>")
    if not rows:
        return ""
    return ("<h2>Where sources disagree</h2><table><tr><th>kind</th><th>about</th><th>values and sources</th>"
            "<th>nature</th></tr>" + "".join(rows) + "</table>")


def _timeline(record: dict[str, Any], name: Callable[[str], str] | None = None) -> str:
    name = name or source_namer(record)
    if not record.get("timeline"):
        return ""
    rows = "".join(f"<tr><td>{escape(e['date'])}</td><td>{escape(e['text'])} {_cite(e['sources'], name)}</td></tr>"
                   for e in record["timeline"])
    return f"<h2>{escape(timeline_heading(len(record.get('timeline_stories', []))))}</h2><table>{rows}</table>"


def _entities(record: dict[str, Any], name: Callable[[str], str] | None = None) -> str:
    name = name or source_namer(record)
    rows = []
    for e in sorted(record.get("entities", []), key=lambda e: -len(e.get("mentions", []))):
        sources = sorted({m["source"] for m in e.get("mentions", [])})
        link = (f"<a href='/entity/{quote(e['id'])}'>{escape(e['name'])}</a>" if e.get("id")
                else escape(e["name"]))
        rows.append(f"<tr><td>{link}</td><td>{escape(e['type'])}</td>"
                    f"<td>{escape('; '.join(e.get('roles', [])[:3]))}</td>"
                    f"<td>{escape(', '.join(e.get('spellings', [])))}</td><td>{_cite(sources, name)}</td></tr>")
    if not rows:
        return ""
    return ("<h2>Who and where</h2><table><tr><th>name</th><th>type</th><th>roles</th><th>spellings</th>"
            "<th>sources</th></tr>" + "".join(rows) + "</table>")


def _quotes(record: dict[str, Any], name: Callable[[str], str] | None = None) -> str:
    name = name or source_namer(record)
    items = []
    for q, sources, translations in quote_lines(record):
        via = f" via {escape(channel_label(q))}" if channel_label(q) else ""
        other = "".join(f"<li>{escape(quoted_words(t))} {_cite(copies, name)}</li>" for t, copies in translations)
        named = (f" <span class='muted'>(named in {escape(name(q['speaker_from']))})</span>"
                 if q.get("speaker_from") else "")
        items.append(f"<li><b>{escape(speaker_label(q))}</b>{named}{via}: {escape(quoted_words(q))} "
                     f"{_cite(sources, name)}"
                     + (f" <span class='muted'>{q['confirmations']} independent sources</span>"
                        if q.get("confirmations", 1) > 1 else "")
                     + (f"<ul class='muted'>{other}</ul>" if other else "") + "</li>")
    return f"<h2>Who said what</h2><ul>{''.join(items)}</ul>" if items else ""


def _column(record: dict[str, Any], source: dict[str, Any], text: str, name: Callable[[str], str]) -> str:
    marks = set(source.get("unique_points", []))
    loaded = {x["text"] for x in source.get("loaded_language", [])}
    body = escape(text)
    for sentence in sorted(marks | loaded, key=len, reverse=True):
        css = "loaded" if sentence in loaded else ""
        body = body.replace(escape(sentence), f"<mark class='{css}'>{escape(sentence)}</mark>")
    body = "".join(f"<p>{para}</p>" for para in body.split("\n") if para.strip())
    left = "".join(f"<li>{escape(x)}</li>" for x in source.get("left_out", []))
    title = next((a.get("title") for a in record["articles"] if a["source"] == source["source"]), None)
    published = published_label(source.get("published"), source.get("published_inferred"))
    heading = escape(title) if title else (f"<i>{escape(source['opening'])}</i>" if source.get("opening")
                                           else escape(name(source["source"])))
    return (f"<div class='col'><h3>{heading}</h3>"
            f"<p class='muted'>{escape(outlet_label(source, name(source['source'])))} · "
            f"{escape(published)} · {escape(source.get('language') or '?')} · cites: "
            f"{escape(', '.join(source.get('cited_media', [])) or 'no named media')}</p>"
            + (f"<p><b>Leaves out</b></p><ul>{left}</ul>" if left else "")
            + "<p class='muted'><mark>only this source</mark> <mark class='loaded'>loaded words</mark></p>"
            + body + "</div>")


def _select(field: str, names: list[str], selected: str | None, outlets: dict[str, str | None]) -> str:
    labels = source_labels(names, outlets)
    options = "".join(f"<option value='{escape(n, quote=True)}'{' selected' if n == selected else ''}>"
                      f"{escape(labels[n])}</option>" for n in names)
    return f"<select name='{field}'>{options}</select>"


def story_page(record: dict[str, Any], a: str | None, b: str | None, texts: dict[str, str]) -> str:
    """The story, then two of its sources side by side (`a`, `b`: their source names)."""
    sources = record.get("sources", [])
    names = [s["source"] for s in sources]
    outlets = source_outlets(record)
    a = a if a in names else (names[0] if names else None)
    b = b if b in names else next((n for n in names if n != a), None)
    form = (f"<form><label>left {_select('a', names, a, outlets)}</label> "
            f"<label>right {_select('b', names, b, outlets)}</label> <button>compare</button></form>")
    name = source_namer(record)
    cols = "".join(_column(record, s, texts.get(s["source"], ""), name) for s in sources if s["source"] in (a, b))
    titles = {c["story_id"]: c["title"] for c in record.get("chain", [])}
    head = (f"<h1>{escape(record['title'])}</h1><p class='muted'>{escape(record['story_id'])} · {record['size']} "
            f"articles · {escape(', '.join(record.get('languages', [])))}"
            + (f" · continues {', '.join(_link(x, titles) for x in record['continues'])}"
               if record.get("continues") else "")
            + (f" · continued by {', '.join(_link(x, titles) for x in record['continued_by'])}"
               if record.get("continued_by") else "") + "</p>")
    compare = f"<h2>Sources side by side</h2>{form}<div class='cols'>{cols}</div>" if len(names) > 1 else ""
    link = "/api/story/" + quote(record["story_id"])
    return _page(record["title"], head + _summary(record, name) + _discrepancies(record, name)
                 + _timeline(record, name) + _chain(record) + _entities(record, name) + _quotes(record, name) + compare
                 + f"<p class='muted'><a href='{link}'>this story as JSON</a> · "
                 + f"<a href='?{urlencode({'a': b or '', 'b': a or ''})}'>swap sides</a></p>")


def _link(story_id: str, titles: dict[str, str] | None = None) -> str:
    """A link to a story, named by its title where the page knows it."""
    title = (titles or {}).get(story_id)
    label = f"{escape(title)} <span class='muted'>({escape(story_id)})</span>" if title else escape(story_id)
    return f"<a href='/story/{quote(story_id)}'>{label}</a>"


def _chain(record: dict[str, Any]) -> str:
    """The linked stories around this one, oldest first: the affair it belongs to, story by story."""
    chain = record.get("chain", [])
    if len(chain) < 2:
        return ""
    items = []
    for c in chain:
        span = c["first_published"] or "undated"
        if c["last_published"] and c["last_published"] != c["first_published"]:
            span += f" to {c['last_published']}"
        name = (f"<strong>{escape(c['title'])}</strong>" if c["story_id"] == record["story_id"]
                else f"<a href='/story/{quote(c['story_id'])}'>{escape(c['title'])}</a>")
        items.append(f"<li>{escape(span)} · {name} <span class='muted'>· {c['size']} articles</span></li>")
    return "<h2>Linked stories, oldest first</h2><ol>" + "".join(items) + "</ol>"


def entity_page(entity: dict[str, Any]) -> str:
    """One entity through the stories: the names and roles each story gives it, oldest first."""
    rows = "".join(
        f"<tr><td>{escape(s['first_published'] or '')}</td><td>{_link(s['story_id'])} {escape(s['title'] or '')}"
        f"</td><td>{escape(s['name'])}</td><td>{escape('; '.join(s['roles'][:3]))}</td><td>{s['size']}</td></tr>"
        for s in entity["stories"])
    body = (f"<h1>{escape(entity['name'])} <span class='muted'>{escape(entity['type'])}</span></h1>"
            f"<p>Spellings: {escape(', '.join(entity['spellings']))}</p>"
            + (f"<p>Roles: {escape('; '.join(entity['roles'][:8]))}</p>" if entity["roles"] else "")
            + "<table><tr><th>from</th><th>story</th><th>named</th><th>roles</th><th>articles</th></tr>"
            + rows + "</table>")
    return _page(entity["name"], body)
