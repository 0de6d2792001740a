"""Pages that are no article: a site's bot check or error page where a crawl expected a story.

A crawler that was blocked or sent to a dead link still saves a page, and its few sentences are
the same on every page of that site ("Przykro nam, ale z adresu IP ... zaznacz 'NIE JESTEM
ROBOTEM'", "We are sorry, but we recorded a huge amount of connections ..."): stored, they read as
one story that every blocked crawl joins. Such a page is short and says what it is in words no
article needs; a long text that quotes one of those words ("page not found") is an article.
"""

from __future__ import annotations

import re

# A bot check, in the languages of the big news sites: what it asks the reader to prove or to do,
# its box's label in the first person ("I'm not a robot"; "not a robot's work" is a sentence's).
_BOT_CHECK = re.compile(
    r"\b(?:i'?m|i am|you(?:'re| are)) not a robot\b(?!['’])|\bnie jestem robotem\b|\bkein roboter\b|"
    r"\bno soy un robot\b|\bje ne suis pas un robot\b|\bnon sono un robot\b|\brobot değilim\b|\bare you a robot\b|"
    r"\bunusual traffic from your (?:computer )?network\b|\bverify (?:that )?you(?:'re| are) (?:a )?human\b|"
    r"\bchecking your browser before accessing\b|\bplease complete the security check\b|"
    r"\baccess to this page has been denied\b|\benable javascript and cookies to continue\b|"
    r"\bpardon our interruption\b|\battention required! \| cloudflare\b",
    re.IGNORECASE,
)
# An error page: the page asked for is gone.
_ERROR_PAGE = re.compile(
    r"\b(?:error 404|404 (?:error|not found)|page not found|seite nicht gefunden|página no encontrada|"
    r"page introuvable|pagina non trovata|strona nie (?:została znaleziona|istnieje)|sayfa bulunamadı|"
    r"the page you (?:are|were|have been) looking for (?:does not|doesn't|could not|cannot|can't|no longer|is not)|"
    r"this page (?:does not|doesn't|no longer) exists?)\b",
    re.IGNORECASE,
)
# Longer than this, a text that says one of those things is an article about it.
SHORT_PAGE_CHARS = 1500


def not_an_article(text: str) -> str | None:
    """Why the cleaned text of a page is no article (a bot check, an error page), else None."""
    if len(text) > SHORT_PAGE_CHARS:
        return None
    if found := _BOT_CHECK.search(text):
        return f"a bot check, not an article (\"{found.group(0)}\")"
    if found := _ERROR_PAGE.search(text):
        return f"an error page, not an article (\"{found.group(0)}\")"
    return None
