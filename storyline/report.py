"""A Markdown report of what a store holds, for people: `storyline report --db DB --out FILE`.

It reads only the store, so it shows exactly what a user's later queries will see.
"""

from __future__ import annotations

from collections import Counter

from storyline.model import Article
from storyline.store import Store


def _article_section(article: Article) -> list[str]:
    dateline = article.dateline
    place = ", ".join(x for x in (dateline.place, dateline.date, dateline.agency) if x) if dateline else ""
    facts = [
        ("source", article.source),
        ("published", article.published or "unknown"),
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


def write_report(store: Store) -> str:
    articles = list(store.iter_articles())
    languages = Counter(a.language or "unknown" for a in articles)
    media = Counter(m for a in articles for m in a.cited_media)
    lines = [
        "# storyline report",
        "",
        f"{len(articles)} article(s); languages: "
        + ", ".join(f"{lang} {n}" for lang, n in languages.most_common()),
        "",
        "Cited media: " + (", ".join(f"{m} ({n})" for m, n in media.most_common()) or "none"),
        "",
        "## Articles",
        "",
    ]
    for article in articles:
        lines += _article_section(article)
    return "\n".join(lines)
