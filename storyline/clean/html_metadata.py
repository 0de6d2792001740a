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

from storyline.clean.bylines import author_from_profile, field_authors
from storyline.clean.urls import outlet_name, site_label, url_date

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
_MAILED = re.compile(r"^\S+@\S+\s*\((.+)\)$")
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
    """A byline fit to show (its people joined by "; "), or None for CMS accounts, desks, URLs,
    e-mails and over-long blurbs."""
    return "; ".join(page_authors(value, outlet)) or None


def page_authors(value: str | None, outlet: str | None = None) -> list[str]:
    """The people one author value names (`bylines.field_authors`), or none where it is an address,
    an e-mail, a blurb or an account."""
    text = _norm(value)
    mailed = _MAILED.match(text)
    if mailed:  # RSS's <author>: "jane.roe@example.com (Jane Roe)"
        text = mailed.group(1)
    if not text or "://" in text or "@" in text or text.startswith("www.") or len(text) > 80:
        return []
    return [n for n in field_authors(text, outlet) if not _JUNK_AUTHOR.match(n) and re.search(r"[^\W\d_]", n)]


def clean_title(title: str | None, outlet: str | None, site: str | None = None) -> str | None:
    """Drop the ` | Outlet` / ` - Outlet` suffix (or prefix) that `<title>` tags carry; `site` is the
    address's name ("comwrap" of blog.comwrap.com), another way a title may name its site."""
    text = _norm(title)
    if not text:
        return None
    parts = [p for p in _TITLE_SEPARATORS.split(text) if p.strip()]
    if len(parts) < 2:
        return text
    low_outlet = (outlet or "").casefold()
    site_word = re.compile(rf"\b{re.escape(site)}\b", re.I) if site else None
    if low_outlet or site_word:
        kept = [p for p in parts if not ((low_outlet and low_outlet in p.casefold())
                                         or (site_word and site_word.search(p)))]
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
    title_tag = tree.findtext(".//title")
    tail = _TITLE_SEPARATORS.split(_norm(title_tag))
    out.outlet = outlet_name([meta.get("og:site_name"), publisher[0] if publisher else None,
                              meta.get("application-name"), ld_any_publisher], out.url,
                             title_tail=tail[-1] if len(tail) > 1 and len(tail[-1].split()) <= 5 else None,
                             handle=meta.get("twitter:site"))

    headline = ld_article.get("headline")
    site = site_label(out.url)
    out.title = (
        clean_title(meta.get("og:title") or meta.get("twitter:title"), out.outlet, site)
        or (_norm(headline) if isinstance(headline, str) else None)
        or clean_title(title_tag, out.outlet, site)
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
        # A day in the address beats a scan of the page, whose first date may be a link's or an
        # image's (Gannett's pages leave every date field empty: "0001-01-01T00:00:00Z").
        date = url_date(out.url) or url_date(url)
    if not date:
        try:
            found = find_date(tree, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
        except Exception:  # htmldate on odd markup: a missing date beats a failed page
            found = None
        date = normalize_date(found)
    out.published = date

    authors = [a for n in _names(ld_article.get("author")) for a in page_authors(n, out.outlet)]
    if not authors:
        for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"):
            value = meta.get(key) or ""
            profile = author_from_profile(value) if value.startswith(("http://", "https://")) else None
            authors = page_authors(value, out.outlet) or ([profile] if profile else [])
            if authors:
                break
    if not authors:
        for value in tree.xpath('//*[@rel="author" or @itemprop="author"][1]//text()')[:3]:
            authors = page_authors(value, out.outlet)
            if authors:
                break
    seen: list[str] = []
    for a in authors:
        if a not in seen:
            seen.append(a)
    out.author = "; ".join(seen[:4]) or None
    out.language = _language(tree, meta)
    return out
