"""Metadata of an HTML page: title, published date, author, outlet, language hint, canonical URL.

Read from the already parsed tree with a handful of XPath lookups, in the order publishers state
facts most reliably: JSON-LD (the structured data search engines consume), then OpenGraph /
article:* / Dublin Core meta tags, then visible markup (`<h1>`, `<title>`, `<time>`). Only the
date falls back to htmldate, and with `extensive_search=False`: its full scan of the page text is
several times slower than all the rest and mostly finds dates of comments and related links.
trafilatura's own `extract_metadata` costs ~9 ms a page, more than its body extraction in fast
mode, which is why this module exists.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from htmldate import find_date
from lxml.html import HtmlElement

from storyline.clean.urls import outlet_from_url

# ISO-like timestamps as publishers write them: 2019-11-19, 2019-11-19T10:22:00-05:00, 20191119.
_ISO = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—•·:»-]\s+|\s+-\s+|\s*\|\s*")
# Bylines that name no one: CMS accounts, desks without a person, placeholders.
_JUNK_AUTHOR = re.compile(
    r"^(?:by\s*)?(?:admin(?:istrator)?|super ?user|webmaster|editor|editorial|staff|staff writer|"
    r"web ?desk|news ?desk|desk|guest|user|anonymous|unknown|root|author|redaktion|redacci[oó]n|"
    r"r[ée]daction|reda[cç][aã]o|none|null|n/?a|\d+)$",
    re.I,
)
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "article.published",
    "cxenseparse:recs:publishtime",
    "originalpublicationdate",
)


@dataclass
class PageMeta:
    title: str | None = None
    description: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    language: str | None = None
    url: str | None = None


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())  # = _WS.sub(" ", …).strip(), faster


def _meta_index(tree: HtmlElement) -> dict[str, str]:
    """Every `<meta>` by its lower-cased property/name/itemprop, first value wins (the head's)."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                found.setdefault(key.strip().lower(), content.strip())
    return found


def _jsonld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """The JSON-LD objects of the page, flattened through lists and `@graph`."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                yield item


def _has_type(obj: dict[str, Any], wanted: set[str]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k in wanted for k in kinds)


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or k in {"BlogPosting", "Report"}) for k in kinds)


def _names(value: Any) -> list[str]:
    """Person names from a JSON-LD author/publisher value (string, object or list of either)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def normalize_date(value: str | None) -> str | None:
    """`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (the time as the page wrote it, no zone shift)."""
    if not value:
        return None
    m = _ISO.search(value)
    if not m:
        return None
    y, mo, d, hh, mm = m.groups()
    if not (1990 <= int(y) <= 2100 and 1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
        return None
    day = f"{y}-{mo}-{d}"
    if hh is not None and mm is not None and int(hh) < 24 and int(mm) < 60 and (hh, mm) != ("00", "00"):
        return f"{day}T{hh}:{mm}"
    return day


def clean_author(value: str | None, outlet: str | None = None) -> str | None:
    """A byline fit to show, or None for CMS accounts, URLs, e-mails and over-long blurbs."""
    text = _norm(value)
    if not text:
        return None
    text = re.sub(r"^(?:by|von|par|por|di|door)\s+", "", text, flags=re.I).strip(" ,;|")
    if (
        not text
        or "://" in text
        or "@" in text
        or text.startswith("www.")
        or len(text) > 80
        or _JUNK_AUTHOR.match(text)
        or not re.search(r"[^\W\d_]", text)
    ):
        return None
    return text


def clean_title(title: str | None, outlet: str | None) -> str | None:
    """Drop the ` | Outlet` / ` - Outlet` suffix (or prefix) that `<title>` tags carry."""
    text = _norm(title)
    if not text:
        return None
    parts = [p for p in _TITLE_SEPARATORS.split(text) if p.strip()]
    if len(parts) < 2:
        return text
    low_outlet = (outlet or "").casefold()
    if low_outlet:
        kept = [p for p in parts if p.strip().casefold() != low_outlet and low_outlet not in p.casefold()]
        if kept and len(kept) < len(parts):
            return _norm(" - ".join(kept)) if len(kept) > 1 else kept[0].strip()
    # no known outlet: a short last part is the site name ("… - The Paradigm")
    if len(parts[-1]) < 0.6 * len(text) and len(parts[-1].split()) <= 4:
        return text[: text.rfind(parts[-1])].rstrip(" |–—•·:»-")
    return text


def _language(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta.get("content-language"),
        meta.get("og:locale"),
        meta.get("language"),
        meta.get("dc.language"),
    ]
    for value in candidates:
        if value:
            code = re.split(r"[-_,;\s]", value.strip().lower(), maxsplit=1)[0]
            if re.fullmatch(r"[a-z]{2,3}", code):
                return code
    return None


def extract_metadata(tree: HtmlElement, url: str | None = None) -> PageMeta:
    """Everything but the body, from one parsed page; `url` is where it was fetched, if known."""
    meta = _meta_index(tree)
    ld_article: dict[str, Any] = {}
    ld_any_publisher: str | None = None
    for obj in _jsonld_objects(tree):
        if not ld_article and _is_article(obj):
            ld_article = obj
        if ld_any_publisher is None and _has_type(obj, {"Organization", "NewsMediaOrganization", "WebSite"}):
            name = obj.get("name")
            ld_any_publisher = name if isinstance(name, str) else None

    out = PageMeta()
    publisher = _names(ld_article.get("publisher"))
    out.outlet = _norm(
        meta.get("og:site_name")
        or (publisher[0] if publisher else None)
        or meta.get("application-name")
        or meta.get("twitter:site", "").lstrip("@")
        or ld_any_publisher
    ) or None

    # canonical URL: <link rel=canonical>, og:url, then the URL it came from
    canonical = None
    for link in tree.xpath('//link[@rel="canonical"]/@href'):
        if link.strip():
            canonical = link.strip()
            break
    canonical = canonical or meta.get("og:url")
    if canonical:
        canonical = urljoin(url, canonical) if url else canonical
        if not canonical.startswith(("http://", "https://")):
            canonical = None
    out.url = canonical or url
    if not out.outlet:
        out.outlet = outlet_from_url(out.url)

    headline = ld_article.get("headline")
    title_tag = tree.findtext(".//title")
    out.title = (
        clean_title(meta.get("og:title") or meta.get("twitter:title"), out.outlet)
        or (_norm(headline) if isinstance(headline, str) else None)
        or clean_title(title_tag, out.outlet)
        or _norm(tree.xpath("string(//h1)"))  # a scan of the whole page, only when needed
        or None
    )
    out.description = _norm(meta.get("og:description") or meta.get("description")) or None

    date = normalize_date(ld_article.get("datePublished") if isinstance(ld_article.get("datePublished"), str) else None)
    for key in _DATE_META:
        if date:
            break
        date = normalize_date(meta.get(key))
    if not date:
        for value in tree.xpath("//time[@datetime]/@datetime")[:1]:
            date = normalize_date(value)
    if not date:
        try:
            found = find_date(tree, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
        except Exception:  # htmldate on odd markup: a missing date beats a failed page
            found = None
        date = normalize_date(found)
    out.published = date

    authors = [a for a in (clean_author(n, out.outlet) for n in _names(ld_article.get("author"))) if a]
    if not authors:
        for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"):
            author = clean_author(meta.get(key), out.outlet)
            if author:
                authors = [author]
                break
    if not authors:
        for value in tree.xpath('//*[@rel="author" or @itemprop="author"][1]//text()')[:3]:
            author = clean_author(value, out.outlet)
            if author:
                authors = [author]
                break
    seen: list[str] = []
    for a in authors:
        if a not in seen:
            seen.append(a)
    out.author = "; ".join(seen[:4]) or None
    out.language = _language(tree, meta)
    return out
