"""The plain-text cleaner on invented pages shaped like real dumps: masthead, title, byline,
body, teasers of other stories, subscription pleas, comments."""

from __future__ import annotations

import time

from storyline.clean import clean
from storyline.clean.text import clean_plain_text
from storyline.model import RawDocument
from storyline.settings import DEFAULT
from tests.conftest import FIXTURES

TEXT = FIXTURES / "text"  # invented articles, written for these tests

MASTHEAD_PAGE = (TEXT / "masthead.txt").read_text(encoding="utf-8")

WIRE_PAGE = (TEXT / "wire.txt").read_text(encoding="utf-8")

BYLINE_PAGE = (TEXT / "byline.txt").read_text(encoding="utf-8")

DUMP_PAGE = (TEXT / "web_dump.txt").read_text(encoding="utf-8")


def kinds(result):
    return {ln.n: ln.kind for ln in result.lines}


def test_masthead_title_date_and_author_alone_on_a_line():
    r = clean_plain_text(MASTHEAD_PAGE)
    k = kinds(r)
    assert k[1] == k[2] == "boilerplate"
    assert k[4] == "title" and r.title == "Harbour Authority Delays Ferry Timetable After Storm Damage"
    assert k[7] == "metadata" and r.published == "2021-03-09T16:30"
    assert k[8] == "metadata" and r.author == "Lena Okafor"
    assert k[10] == k[12] == k[17] == "body"
    assert k[14] == "subheading"
    assert r.body.startswith("The harbour authority said") and "Repairs" in r.body


def test_one_line_per_input_line_numbered_from_one():
    r = clean_plain_text(MASTHEAD_PAGE)
    assert [ln.n for ln in r.lines] == list(range(1, MASTHEAD_PAGE.count("\n") + 2))
    assert [ln.text for ln in r.lines] == MASTHEAD_PAGE.split("\n")


def test_wire_dateline_and_teasers_after_the_body():
    r = clean_plain_text(WIRE_PAGE)
    k = kinds(r)
    assert k[2] == "title" and r.title.startswith("Ferry operators warn")
    assert k[3] == k[4] == k[5] == "body"
    assert r.dateline is not None and (r.dateline.place, r.dateline.date, r.dateline.agency) == (
        "Tallinn", "2021-03-09", "Harbor")
    assert r.published == "2021-03-09"
    assert all(k[n] == "boilerplate" for n in (6, 9, 10, 11, 12, 13, 14))
    assert "bridge" not in r.body and "trees" not in r.body


def test_by_admin_is_no_author():
    r = clean_plain_text(BYLINE_PAGE)
    k = kinds(r)
    assert k[1] == "title" and k[3] == "boilerplate" and k[5] == "metadata"
    assert r.author is None
    assert k[7] == k[9] == "body" and k[11] == "boilerplate"


def test_web_dump_menus_related_links_and_comments_are_cut():
    r = clean_plain_text(DUMP_PAGE)
    assert r.title == "Council Approves New Cycle Lanes"
    assert r.author == "Maria Lindqvist"
    assert r.published == "2021-03-09T08:15"
    assert r.body.startswith("The city council voted on Tuesday")
    assert r.body.endswith("as the roads are resurfaced.")
    for junk in ("Subscribe", "Share this", "Parking Fees", "long overdue", "waste of money", "rights reserved"):
        assert junk not in r.body


def test_a_newsletter_plea_above_the_text_is_boilerplate():
    # a plea of eleven words that ends as a sentence does, above the text, and named a story
    r = clean_plain_text(f"Get the Esk Digest delivered to your inbox or phone every morning .\n{BODY}\n{BODY}\n")
    assert kinds(r)[1] == "boilerplate" and r.body.startswith("The council of Marvel")


def test_empty_and_odd_inputs():
    assert clean_plain_text("").body == ""
    assert clean_plain_text("\n\n\n").lines[0].n == 1
    r = clean_plain_text("Just one short line")
    assert len(r.lines) == 1
    assert clean_plain_text("x" * 5000).body in ("", "x" * 5000)


def test_fast_enough_for_batches():
    clean_plain_text(DUMP_PAGE)
    start = time.perf_counter()
    for _ in range(200):
        clean_plain_text(DUMP_PAGE)
    assert (time.perf_counter() - start) / 200 < 0.005  # generous: the real figure is in bench/plain.py


def _kinds(text: str) -> list[str]:
    return [ln.kind for ln in clean_plain_text(text).lines]


BODY = ("The council of Marvel county voted on Monday to close the old bridge over the Esk until the "
        "repairs are finished, a spokeswoman for the council said.")


def test_a_last_paragraph_closed_by_an_agency_end_marker_is_body():
    for marker in ("--0--", "-0-", "-30-", "(END)", "###"):
        page = (f"Bridge over the Esk to close for repairs\n{BODY}\n{BODY.replace('Monday', 'Tuesday')}\n"
                f"\"We had no choice,\" the mayor of the county said at the meeting of the council. {marker}\n"
                "-\nRead also\n")
        assert _kinds(page)[3] == "body", marker


def test_outlet_date_and_author_on_one_line_set_apart_by_bars_are_metadata():
    result = clean_plain_text(f"Courts\nBridge over the Esk to close for repairs\n\n"
                              f"Esk Valley Review | 10.03.2026 18:40 | Author: Mara Tolen\n\n{BODY}\n{BODY}\n")
    assert [ln.kind for ln in result.lines][3] == "metadata"
    assert result.author == "Mara Tolen" and result.published.startswith("2026-03-10")


def test_a_time_of_day_alone_under_a_label_is_no_title():
    result = clean_plain_text(f"Bridge over the Esk to close for repairs\nUpdated 9 : 06 AM\n{BODY}\n{BODY}\n")
    assert result.title == "Bridge over the Esk to close for repairs"
    assert [ln.kind for ln in result.lines][:2] == ["title", "metadata"]


def test_headline_above_its_standfirst_and_byline_is_the_title():
    result = clean_plain_text("THE ESK VALLEY HERALD\nRegion | Marvel\n\n"
                              "Bridge over the Esk to close for two months\n\n"
                              "Drivers face a detour of forty kilometres through the hills\n\nBy Mara Tolen\n"
                              f"Published: 10.03.2026, 18:40\n\n{BODY}\n\n{BODY}\n")
    assert result.title == "Bridge over the Esk to close for two months"
    # a section label above a headline is no headline
    result = clean_plain_text(f"Marvel | Region\n\nBridge over the Esk to close for two months\n\nBy Mara Tolen\n"
                              f"Published: 10.03.2026, 18:40\n\n{BODY}\n\n{BODY}\n")
    assert result.title == "Bridge over the Esk to close for two months"


def test_a_stamp_run_into_the_first_line_dates_the_page():
    # a dump that joined the page's stamp to the first sentence, the headline or the byline
    wire = clean_plain_text(f"MARVEL | Tue Mar 10, 2026 6:40pm EDT MARVEL (Reuters) - {BODY}\n{BODY}\n")
    assert wire.published == "2026-03-10T18:40"
    assert wire.dateline and wire.dateline.place == "Marvel" and wire.dateline.agency == "Reuters"
    # the stamp is metadata: out of the body, kept in its line
    assert wire.body.startswith("MARVEL (Reuters) - The council") and wire.lines[0].text.startswith("MARVEL | Tue")
    zoned = clean_plain_text("Bridge over the Esk to close Drivers face a detour of forty kilometres through "
                             f"the hills Tuesday 10 March 2026 18.40 GMT {BODY}\n{BODY}\n")
    assert zoned.published == "2026-03-10T18:40"
    barred = clean_plain_text(f"March 10, 2026 | By Mara Tolen, Esk Valley Review {BODY}\n{BODY}\n")
    assert barred.published == "2026-03-10" and barred.author == "Mara Tolen"
    staff = clean_plain_text(f"March 10, 2026 | by the wire staff, Esk Valley Review {BODY}\n{BODY}\n")
    assert staff.published == "2026-03-10" and staff.author is None  # a desk is no author


def test_a_headline_before_a_barred_stamp_and_its_byline_is_the_title():
    page = clean_plain_text(f"Bridge over the Esk to close for repairs March 10 , 2026 | By Mara Tolen , CNN {BODY}\n"
                            f"{BODY}\n")
    assert page.title == "Bridge over the Esk to close for repairs" and page.author == "Mara Tolen"
    assert page.published == "2026-03-10" and page.body.startswith("The council of Marvel")


def test_a_stamp_with_its_time_of_day_run_into_the_first_line_dates_the_page():
    # a weekday, the date and ";" or ":" before the time, as newspaper archives print it
    archive = clean_plain_text(f"Tuesday , March 10 , 2026 ; 6:40 PM {BODY}\n{BODY}\n")
    assert archive.published == "2026-03-10T18:40" and archive.body.startswith("The council of Marvel")
    # ... behind the headline the dump ran into the same line
    behind = clean_plain_text(f"Bridge over the Esk to close Tuesday , March 10 , 2026 ; 6:40 PM {BODY}\n{BODY}\n")
    assert behind.published == "2026-03-10T18:40"
    colon = clean_plain_text(f"March 10 , 2026 : 6:40 AM ET {BODY}\n{BODY}\n")
    assert colon.published == "2026-03-10T06:40"
    # a blog's author, a bar, the time and then the date: the name is the author
    blog = clean_plain_text(f"Mara Tolen | 18:40 UK time , Tuesday , 10 March 2026 {BODY}\n{BODY}\n")
    assert blog.published == "2026-03-10" and blog.author == "Mara Tolen"
    assert blog.body.startswith("The council of Marvel")
    # a byline alone before the stamp: the author, and the body after the stamp
    bylined = clean_plain_text(f"By Mara Tolen March 10 , 2026 : 6:40 PM ET {BODY}\n{BODY}\n")
    assert bylined.published == "2026-03-10T18:40" and bylined.author == "Mara Tolen"
    assert bylined.body.startswith("The council of Marvel")
    # the date, then the time it was last updated
    updated = clean_plain_text(f"10 March 2026 Last updated at 18:40 GMT {BODY}\n{BODY}\n")
    assert updated.published == "2026-03-10" and updated.body.startswith("The council of Marvel")
    # a short first sentence behind the stamp and its dateline is the text's, not a headline
    stamped = "MARVEL | Tue Mar 10 , 2026 6:40 pm EDT MARVEL -LRB- Reuters -RRB- - Staying inside to avoid the storm ?"
    short = clean_plain_text(f"{stamped}\nOr perhaps you are not convinced yet that the bridge would be shut .\n"
                             f"Either way , the council has a plan .\n{BODY}\n{BODY}\n")
    assert short.title is None and short.body.startswith("MARVEL ( Reuters ) - Staying inside to avoid the storm ?")
    # a Reuters edition's numbers and zone
    edition = clean_plain_text(f"2026 03 10 18:40 JST MARVEL -LRB- Reuters -RRB- - {BODY}\n{BODY}\n")
    assert edition.published == "2026-03-10T18:40" and edition.dateline.place == "Marvel"
    # and the page's "Help" link beside it
    helped = clean_plain_text(f"10 March 2026 Last updated at 18:40 GMT Help {BODY}\n{BODY}\n")
    assert helped.published == "2026-03-10" and helped.body.startswith("The council of Marvel")
    # a transcript's headline, then "Aired" and the stamp: dated, the line left as it is
    aired = clean_plain_text(f"Bridge Vote in Marvel Aired March 10 , 2026 - 18:00:00 ET {BODY}\n{BODY}\n")
    assert aired.published == "2026-03-10T18:00"
    # a print edition's page where the time would stand, four lines down under a photo's credit
    printed = clean_plain_text("Bridge over the Esk to close Drivers face a detour through the hills .\n"
                               "-LRB- By Mara Tolen -- Esk Valley Review -RRB- Your browser may be blocking the "
                               "comments on this item .\nSee the help page for a fix .\n"
                               f"Tuesday , March 10 , 2026 ; Page A01 {BODY}\n{BODY}\n")
    assert printed.published == "2026-03-10" and printed.body.endswith(f"{BODY}\n{BODY}")
    assert "Page A01" not in printed.body
    # a stamp opening the line above the page's headline is no word of the headline
    headed = clean_plain_text(f"Tuesday , March 10 , 2026 ; 6:40 PM MAYOR ANNA BRELL ( MARVEL )\n{BODY}\n{BODY}\n")
    assert headed.title == "MAYOR ANNA BRELL ( MARVEL )" and headed.published == "2026-03-10T18:40"
    # a photo caption's date has no time of day: no stamp
    caption = clean_plain_text(f"March 10 , 2026 : Councillors of Marvel arrive for the vote . {BODY}\n{BODY}\n")
    assert caption.published is None


def test_the_headline_run_into_a_stamp_on_the_first_line_is_the_title():
    # headline and standfirst, then weekday, date, time and zone, then the text
    zoned = clean_plain_text("Bridge over the Esk to close Drivers face a detour of forty kilometres through "
                             f"the hills Tuesday 10 March 2026 18.40 GMT {BODY}\n{BODY} The drivers were told.\n")
    # the standfirst leaves the title, as where it has a line of its own: in a sentence-case
    # headline a capitalised word the page writes in lower case ("drivers") opens it
    assert zoned.title == "Bridge over the Esk to close"
    assert zoned.body.startswith("The council of Marvel") and zoned.published == "2026-03-10T18:40"
    for head, title in (
        # the word is never written in lower case: kept
        ("Bridge over the Esk to close Motorists face a detour of forty kilometres",) * 2,
        # Title Case tells nothing; a capital after a capital goes on a name; a quote opens the standfirst
        ("Esk Bridge To Close For Two Months Drivers Face Detour",) * 2,
        ("Bridge over the Esk to close for the Marvel Drivers face a detour of forty kilometres",) * 2,
        ("Bridge over the Esk to close , council warns ` Drivers face a detour of forty kilometres ' says the mayor",
         "Bridge over the Esk to close , council warns"),
    ):
        page = clean_plain_text(f"{head} Tuesday 10 March 2026 18.40 GMT {BODY}\n{BODY} The drivers were told.\n")
        assert page.title == title, head
    # a byline behind the headline gives the author
    bylined = clean_plain_text(f"Bridge over the Esk to close By Mara Tolen and Ivo Lind Tuesday , March 10 , "
                               f"2026 ; 6:40 PM {BODY}\n{BODY}\n")
    assert bylined.title == "Bridge over the Esk to close" and bylined.author == "Mara Tolen and Ivo Lind"
    assert bylined.body.startswith("The council of Marvel")
    # a teaser of another story and a link's label before the headline are not the headline's
    labelled = clean_plain_text(f"Ferry sinks off Lisk , two rescued . Full Article Esk bridge to close for two months "
                                f"MARVEL , Eskland | Tue Mar 10 , 2026 6:40pm EDT MARVEL (Reuters) - {BODY}\n{BODY}\n")
    assert labelled.title == "Esk bridge to close for two months"
    # a wire page's place before the bar is the dateline's, not the headline's
    wire = clean_plain_text(f"Esk bridge to close for two months MARVEL , Eskland | Tue Mar 10 , 2026 6:40pm EDT "
                            f"MARVEL (Reuters) - {BODY}\n{BODY}\n")
    assert wire.title == "Esk bridge to close for two months" and wire.body.startswith("MARVEL (Reuters) - The")
    # a photo credit, a fragment, or a stamp below the first line leaves the title alone
    for page in (f"Mara Tolen\\/Esk Valley Review\\/Handout Tuesday 10 March 2026 18.40 GMT {BODY}\n{BODY}\n",
                 f"cents and two in Marvel Tuesday 10 March 2026 18.40 GMT {BODY}\n{BODY}\n",
                 f"The bridge is old .\nIt will close Tuesday 10 March 2026 18.40 GMT {BODY}\n{BODY}\n"):
        result = clean_plain_text(page)
        assert result.published == "2026-03-10T18:40" and not result.title, page


def test_an_update_stamp_behind_the_page_stamp_in_any_language_is_no_word_of_the_text():
    # a Turkish site's headline, its stamp, then its "last updated" and that stamp
    barred = clean_plain_text(f"Esk köprüsü onarım için kapanıyor 10.03.2026 18:40 | Son Güncelleme: 10.03.2026 "
                              f"18:52 {BODY}\n{BODY}\n")
    assert barred.title == "Esk köprüsü onarım için kapanıyor" and barred.published == "2026-03-10T18:40"
    assert barred.body.startswith("The council of Marvel") and "Güncelleme" not in barred.body
    # the stamp's weekday and time behind its day, then the update with its own
    dashed = clean_plain_text(f"10 Mart 2026 Salı 18:40 - Güncelleme: Mart 10 2026 Salı 18:52 {BODY}\n{BODY}\n")
    assert dashed.published == "2026-03-10" and dashed.body.startswith("The council of Marvel")
    # a French page's headline, then "Mise à jour du" and its stamp
    french = clean_plain_text(f"Le pont de Marvel fermé « jusqu'à nouvel ordre » Mise à jour du 10 mars 2026, "
                              f"18 h 52 CET : {BODY}\n{BODY}\n")
    assert french.title == "Le pont de Marvel fermé « jusqu'à nouvel ordre »"
    assert french.published == "2026-03-10T18:52" and french.body.startswith("The council of Marvel")
    # "updated" in the sentence behind a stamp, with no date of its own, is the sentence's
    sentence = clean_plain_text(f"10.03.2026 18:40 | Updated plans for the bridge were shown. {BODY}\n{BODY}\n")
    assert sentence.body.startswith("Updated plans for the bridge were shown.")


def test_a_source_credit_closing_the_text_is_its_agency_not_its_words():
    from storyline.clean import clean
    from storyline.model import RawDocument

    turkish = clean(RawDocument(source="t.txt", kind="text", content=(
        "Esk köprüsü onarım için kapanıyor\n"
        "Marvel ilçe meclisi, Esk üzerindeki eski köprünün onarım bitene kadar kapatılmasına karar verdi. "
        "Meclis sözcüsü, kararın oybirliğiyle alındığını söyledi.\n"
        "Köprü, yaz boyunca kapalı kalacak ve sürücüler tepelerden dolaşacak. Kaynak: AA\n")))
    assert turkish.text.endswith("tepelerden dolaşacak.") and "Kaynak" not in turkish.text
    assert turkish.dateline is not None and turkish.dateline.agency == "Anadolu Agency"
    assert turkish.cited_media == []  # the text's own wire, as a dateline's agency is
    placed = clean_plain_text(f"{BODY}\n{BODY} - TOKAT Kaynak: İHA\n")
    assert placed.body.endswith("said.") and placed.dateline is not None
    assert placed.dateline.agency == "Ihlas News Agency"
    # a chart's credit inside the text is no end of it, nor the text's wire; a credit that names no
    # listed medium is left alone
    chart = clean_plain_text(f"Bridge over the Esk to close\n{BODY}\nSource: Reuters\n{BODY}\n"
                             f"{BODY} Source: a council clerk\n")
    assert chart.body.count(BODY) == 3 and "Source: Reuters" not in chart.body and chart.dateline is None
    assert chart.body.endswith("Source: a council clerk")


def test_a_date_inside_a_sentence_does_not_date_the_page():
    for opening in ("A heron stands on the flooded bank of the Esk on Tuesday, March 10, 2026.",
                    "The council met on Tuesday, March 10, 2026 at 6:40 p.m. to vote on the bridge.",
                    "On March 10, 2026 at 18:40 the council voted to close the bridge over the Esk."):
        assert clean_plain_text(f"{opening}\n{BODY}\n{BODY}\n").published is None, opening


def test_a_byline_run_into_the_first_sentence_gives_the_author_and_leaves_the_body():
    cases = {
        f"By Mara Tolen and Ivo Brand, EVR {BODY}": "Mara Tolen and Ivo Brand",
        f"By Mara Tolen , Ivo Brand , Tom Esk {BODY}": "Mara Tolen, Ivo Brand and Tom Esk",
        f"by : Mara Tolen {BODY}": "Mara Tolen",
        f"By Mara Tolen for EVR {BODY}": "Mara Tolen",
        f"By Mara Tolen -- Special to EVR {BODY}": "Mara Tolen",
    }
    for page, author in cases.items():
        result = clean_plain_text(f"{page}\n{BODY}\n")
        assert result.author == author, page
        assert result.body.startswith("The council of Marvel"), page
        assert result.lines[0].text == page and result.lines[0].kind == "body"  # the line keeps it
    # the name ends where a capitalised word opens the sentence ("Councillors of ..."), not a word later
    result = clean_plain_text(f"By Mara Tolen Councillors of the Esk voted to close the bridge. {BODY}\n{BODY}\n")
    assert result.author == "Mara Tolen" and result.body.startswith("Councillors of the Esk")
    result = clean_plain_text(f"By Mara Tolen Esk Valley residents will drive forty kilometres. {BODY}\n{BODY}\n")
    assert result.author == "Mara Tolen" and result.body.startswith("Esk Valley residents")
    # "From" opens sentences too: a byline only with its outlet after a comma
    result = clean_plain_text(f"From Mara Tolen and Ivo Brand, EVR {BODY}\n{BODY}\n")
    assert result.author == "Mara Tolen and Ivo Brand" and result.body.startswith("The council of Marvel")
    result = clean_plain_text(f"From Marvel Town Hall the council said it would vote. {BODY}\n{BODY}\n")
    assert result.author is None and result.body.startswith("From Marvel Town Hall")
    # a byline behind a stamp's bar: its outlet leaves the body too
    barred = clean_plain_text(f"March 10, 2026 | By Mara Tolen, EVR {BODY}\n{BODY}\n")
    assert barred.author == "Mara Tolen" and barred.body.startswith("The council of Marvel")
    # a desk is no author, but no body either
    desk = clean_plain_text(f"By the EVR Wire Staff {BODY}\n{BODY}\n")
    assert desk.author is None and desk.body.startswith("The council of Marvel")
    # a byline before a stamp's place: the stamp opens the line, and the byline gives the author
    wire = clean_plain_text(f"By Mara Tolen, Transport Editor MARVEL | Tue Mar 10, 2026 6:40pm EDT MARVEL (Reuters)"
                            f" - {BODY}\n{BODY}\n")
    assert wire.author == "Mara Tolen" and wire.body.startswith("MARVEL (Reuters) - The council")


def test_a_run_in_byline_whose_end_is_unclear_gives_the_author_and_keeps_the_text():
    # a role and an outlet not in capitals after the name: where they end is not known
    page = f"By Mara Tolen, Transport correspondent, Esk Valley Review {BODY}"
    result = clean_plain_text(f"{page}\n{BODY}\n")
    assert result.author == "Mara Tolen" and result.body.startswith(page)


def test_a_run_in_byline_with_a_role_an_outlet_in_capitals_and_a_place_ends_before_the_text():
    for desk in ("Transport correspondent, EVR News", "EVR News , Marvel", "EVR News , Upper Marvel",
                 "EVR NI business reporter"):
        result = clean_plain_text(f"By Mara Tolen {desk} {BODY}\n{BODY}\n")
        assert result.author == "Mara Tolen" and result.body.startswith("The council of Marvel"), desk
    # a dateline after the name stays the text's
    result = clean_plain_text(f"By Mara Tolen MARVEL , Esk -- {BODY}\n{BODY}\n")
    assert result.body.startswith("MARVEL , Esk --")


def test_a_byline_after_a_wire_storys_highlights_gives_the_author_and_the_text_opens_at_the_dateline():
    for stamp in (", May 8", " | Fri May 8 , 2031 9:46 am EDT MARVEL"):
        page = ("* Council says bridge will reopen in May * Engineers found cracks in two piers By Mara Tolen , "
                f"Transport and Roads Editor MARVEL{stamp} ( Reuters ) - {BODY}")
        result = clean_plain_text(f"{page}\n{BODY}\n")
        assert result.author == "Mara Tolen", stamp
        assert result.body.startswith("MARVEL") and result.body.split("\n")[0].endswith(BODY), stamp
        assert result.dateline is not None and result.dateline.place == "Marvel", stamp


def test_a_sentence_opening_with_by_is_no_byline():
    for opening in ("By Friday Councillor Brand had counted the votes against the bridge.",
                    "By Esk Valley standards the bridge is old, and the council voted to close it.",
                    "By United Nations estimates, forty bridges in the region need repair."):
        result = clean_plain_text(f"{opening} {BODY}\n{BODY}\n")
        assert result.author is None and result.body.startswith(opening), opening


def test_a_sentence_that_ends_in_a_closing_quote_set_apart_is_prose_not_a_headline():
    # tokenised dumps (PTB) set the closing quote apart: `` ... for now . ''
    last = clean_plain_text(f"{BODY}\n{BODY}\n`` We had no choice but to close the bridge for now . ''\n")
    assert [ln.kind for ln in last.lines][2] == "body"
    first = clean_plain_text(f"`` The bridge will be closed for two months from Monday , we had no choice . ''\n"
                             f"{BODY}\n{BODY}\n")
    assert first.title is None and first.lines[0].kind == "body"


def test_a_headline_opening_with_a_word_that_begins_a_furniture_word_is_the_title():
    # "Shares" is no share button, "Searchers" no search box, "Registered" no sign-up link
    for headline in ("Shares worldwide surge on the city's rescue plan", "Searchers find the missing climbers",
                     "Registered voters queue in Marvel", "Chairman of the Esk water board resigns"):
        r = clean_plain_text(f"{headline}\nMarch 9 , 2021\n{BODY}\n{BODY}\n")
        assert r.title == headline, headline


def test_a_mastheads_credits_and_a_sites_registration_line_are_boilerplate():
    page = f"Chairman: Ivan Petrov\nManaging editor Anna Berg\n{BODY}\n{BODY}\nRegistered in England and Wales .\n"
    r = clean_plain_text(page)
    assert [kinds(r)[n] for n in (1, 2, 5)] == ["boilerplate"] * 3
    assert "Petrov" not in r.body and "Registered" not in r.body


def test_the_first_line_over_the_date_line_is_the_headline_even_when_it_ends_as_a_sentence():
    # tokenised dumps and some outlets end a headline with a full stop
    for headline in ("Los mercados globales caen en picado .", "Marvel council closes the old bridge."):
        r = clean_plain_text(f"{headline}\n24 de octubre de 2008\n{BODY}\n{BODY}\n")
        assert r.title == headline and r.published == "2008-10-24" and r.body.startswith("The council of Marvel")
    # a lead sentence of more than twenty words over a date is the text, not a headline
    lead = ("The council of Marvel county voted on Monday to close the old bridge over the Esk until all of the "
            "repairs are finished and paid for, the council said.")
    r = clean_plain_text(f"{lead}\n24 October 2008\n{BODY}\n")
    assert r.title is None and r.body.startswith(lead)


def test_readers_comments_run_from_the_first_comments_stamp_to_the_end_of_the_page():
    page = (f"Marvel closes its old bridge\n{BODY}\n{BODY}\n"
            "Anna Berg is the Herald's roads editor At 18:20 29th Apr 2031 , riverfan wrote : Shame on the council .\n"
            "It has had ten years to mend the bridge and spent the money on a fountain instead , as we all know .\n"
            "At 19:02 29th Apr 2031 , esk_walker wrote : The ferry will do fine until the repairs are done .\n")
    r = clean_plain_text(page)
    assert r.title == "Marvel closes its old bridge" and r.body == f"{BODY}\n{BODY}"
    assert r.published == "2031-04-29"  # an undated page was up by its first reader's comment
    # one stamp may be a quote in the text: a comments section takes two
    later = "Engineers from the roads agency will inspect the piers of the bridge again on Friday morning."
    single = clean_plain_text(f"{BODY}\nAt 18:20 on Tuesday , the mayor wrote : we will reopen it .\n{later}\n")
    assert "the mayor wrote" in single.body and single.body.endswith(later)


def test_a_threaded_blogs_comments_run_from_the_first_reply_stamp():
    # WordPress-style threads: date, time, the reply link, then the comment, often run together
    page = (f"Marvel closes its old bridge\n{BODY}\n{BODY}\n"
            "March 9 , 2031 at 11:01 am | Reply The council raised the tolls and the town blinked .\n"
            "We had a chance to mend it ten years ago and we let it slip , as everyone in the valley knows .\n"
            "!! March 9 , 2031 at 1:46 pm | Reply Nobody asked the ferrymen what they think about it .\n")
    r = clean_plain_text(page)
    assert r.body == f"{BODY}\n{BODY}" and r.published == "2031-03-09"
    assert [ln.text for ln in r.lines] == page.split("\n")[:3]  # the comments are not kept
    # a thread that lists the newest first is dated by its earliest stamp; a stamp may end in its
    # abuse report link alone
    newest_first = (f"Marvel closes its old bridge\n{BODY}\n{BODY}\n"
                    "Posted by : riverfan | March 12 , 2031 11:00 AM | Report abuse Shame on the council .\n"
                    "Posted by : esk_walker | March 10 , 2031 9:15 AM | Report abuse The ferry will do fine .\n")
    r = clean_plain_text(newest_first)
    assert r.body == f"{BODY}\n{BODY}" and r.published == "2031-03-10"
    # or the comment right after the pipe
    bare = (f"Marvel closes its old bridge\n{BODY}\n{BODY}\n"
            "March 1 , 2031 at 6:11 pm | The council does NOT need a new bridge .\n"
            "March 1 , 2031 at 7:02 pm | Nobody asked the ferrymen .\n")
    assert clean_plain_text(bare).body == f"{BODY}\n{BODY}"
    # or the time twice, as a news site's political blog prints it
    twice = (f"Marvel closes its old bridge\n{BODY}\n{BODY}\n"
             "March 1 , 2031 06:11 pm at 6:11 pm | The council does NOT need a new bridge .\n"
             "March 1 , 2031 07:02 pm at 7:02 pm | Nobody asked the ferrymen .\n")
    assert clean_plain_text(twice).body == f"{BODY}\n{BODY}"
    # a page of readers' comments only has no article: its comments are not taken back as prose
    thread = ("What do you think ?\n"
              "March 9 , 2031 at 11:01 am | Reply The council raised the tolls and the town blinked again .\n"
              "We had a chance to mend it ten years ago and we let it slip , as everyone in the valley knows .\n"
              "March 9 , 2031 at 1:46 pm | Report abuse | Reply Nobody asked the ferrymen what they think .\n")
    assert len(clean(RawDocument(source="thread.txt", kind="text", content=thread)).text) < DEFAULT.min_body_chars
    # one stamp, or a reply that is no link, is text
    single = clean_plain_text(f"{BODY}\nThe mayor 's reply of March 9 , 2031 at 11:01 am was short .\n{BODY}\n")
    assert "reply of March 9" in single.body


def test_treebank_escapes_of_brackets_are_brackets_again():
    lead = "The World Health Organization -LRB- WHO -RRB- warned on Monday ."
    r = clean_plain_text(f"Flu warning\n{lead} {BODY}\n{BODY}\n")
    assert r.body.startswith("The World Health Organization ( WHO ) warned") and "-LRB-" not in r.body
    # and so are its escapes of a slash and an asterisk
    r = clean_plain_text(f"Flu warning\nOn March 15\\/16 the WHO warned \\* of a pandemic . {BODY}\n{BODY}\n")
    assert r.body.startswith("On March 15/16 the WHO warned * of a pandemic .")


def test_a_wires_links_to_its_other_stories_leave_the_text():
    page = (f"-LRB- For a factbox on the bridge click -LRB- ID : nLG76170 -RRB- MARVEL , March 10 -LRB- Reuters -RRB- "
            f"- {BODY}\nThe repairs -LRB- ID : nN07381540 -RRB- will take a year , she said , and cost more .\n"
            f"-LRB- For full coverage , click -LRB- nBRIDGE -RRB- -RRB- {BODY}\n")
    body = clean_plain_text(page).body
    assert "ID" not in body and "nBRIDGE" not in body and "click" not in body
    assert body.startswith("MARVEL , March 10 ( Reuters ) - The council") and "The repairs will take a year" in body


def test_a_sentence_broken_after_a_bracketed_abbreviation_is_made_whole():
    # a text split one sentence a line breaks after "( D-Esk . )": the sentence goes on in lower case
    page = (f"{BODY}\nThe plan drew fire from Sen. Ann Brell -LRB- R-Esk . -RRB-\n"
            "and from others who said it came too late for the drivers who use the bridge every day .\n"
            "A new bridge for the town -LRB- the third since 1920 . -RRB-\nIt will open in May .\n{BODY}\n")
    body = clean_plain_text(page.replace("{BODY}", BODY)).body.split("\n")
    assert body[1] == ("The plan drew fire from Sen. Ann Brell ( R-Esk . ) and from others who said it came too "
                       "late for the drivers who use the bridge every day .")
    assert body[2:4] == ["A new bridge for the town ( the third since 1920 . )", "It will open in May ."]
    # or after a comma
    page = (f"{BODY}\nMayor Ivo Tolen -LRB- Ind . -RRB-\n, who chairs the bridge board , said the vote was fair .\n"
            f"{BODY}\n")
    assert clean_plain_text(page).body.split("\n")[1] == (
        "Mayor Ivo Tolen ( Ind . ) , who chairs the bridge board , said the vote was fair .")


def test_a_wire_page_opens_at_its_stamp_and_dateline():
    # the headline keeps the words the place before the bar does not repeat behind the stamp
    for head, place, title in (("Esk bridge talks stall , says EU", "MARVEL", "Esk bridge talks stall , says EU"),
                               ("Esk bridge to close : U.S.", "MARVEL", "Esk bridge to close : U.S."),
                               ("Esk bridge to close", "MARVEL\\/KORVEN , Esk", "Esk bridge to close"),
                               ("Esk bridge to close", "MARVEL , Esk ,", "Esk bridge to close"),
                               ("Esk bridge to close", "MARVEL , March 10", "Esk bridge to close")):
        page = clean_plain_text(f"{head} {place} | Tue Mar 10 , 2026 6:40 pm EDT {place} -LRB- Reuters -RRB- - "
                                f"{BODY}\n{BODY}\n")
        plain = place.replace("\\/", "/")  # the body prints the slash the tokeniser escaped
        assert page.title == title and page.body.startswith(f"{plain} ( Reuters ) - The council")
    # a photo's caption above the stamped line is no part of the text
    captioned = clean_plain_text("Councillors walk across the Esk bridge in Marvel March 9 , 2026 .\n"
                                 "The bridge has been shut twice this winter after storms loosened its piers .\n"
                                 "MARVEL | Tue Mar 10 , 2026 6:40 pm EDT MARVEL -LRB- Reuters -RRB- - "
                                 f"{BODY}\n{BODY}\n")
    assert [line.kind for line in captioned.lines[:2]] == ["caption", "caption"]
    assert captioned.body.startswith("MARVEL ( Reuters ) - The council") and captioned.dateline.place == "Marvel"
    # the wire's note on what its new edition changed is no part of the text
    noted = clean_plain_text("-LRB- Adds mayor 's quotes -RRB- -LRB- Adds byline -RRB- MARVEL , March 10 -LRB- Reuters "
                             f"-RRB- - {BODY}\n{BODY}\n")
    assert noted.body.startswith("MARVEL , March 10 ( Reuters ) - The council") and noted.dateline.place == "Marvel"


def test_a_wires_first_sentence_broken_at_a_ticker_opens_the_text():
    # the ticker's period broke the lead in two; whole again, the line opens with the dateline
    page = ("MARVEL | Tue Mar 10 , 2026 6:40 pm EDT MARVEL -LRB- Reuters -RRB- - Esk Power Plc -LRB- ESK .\n"
            "L -RRB- closed its old plant on Monday , the company said in a statement to the exchange .\n"
            f"{BODY}\n{BODY}\n")
    result = clean_plain_text(page)
    assert result.body.startswith("MARVEL ( Reuters ) - Esk Power Plc ( ESK . L ) closed its old plant on Monday")
    assert result.dateline is not None and result.dateline.place == "Marvel"
    unstamped = clean_plain_text(page.split(" EDT ", 1)[1])
    assert unstamped.body.startswith("MARVEL ( Reuters ) - Esk Power Plc ( ESK . L ) closed its old plant on Monday")


def test_a_pages_tabs_and_browser_notice_are_no_part_of_the_text():
    # the tabs run into the text's first line; behind them, the dateline opens the text
    tabbed = clean_plain_text(f"'' This Story : Read + | Watch + | Talk + | MARVEL , March 10 -- {BODY}\n{BODY}\n")
    assert tabbed.body.startswith("MARVEL , March 10 -- The council") and tabbed.dateline.place == "Marvel"
    noticed = clean_plain_text("Your browser 's settings may be preventing you from commenting on and viewing "
                               "comments about this item .\nSee instructions for fixing the problem .\n"
                               f"{BODY}\n{BODY}\n")
    assert noticed.body.startswith("The council")


def test_a_first_sentence_under_a_tokenised_dateline_with_its_day_is_the_text():
    # "MARVEL , March 10 --": the comma set apart, as tokenised dumps print it
    page = clean_plain_text(f"MARVEL , Esk , March 10 -- {BODY}\n{BODY}\n{BODY}\n")
    assert page.body.startswith("MARVEL , Esk , March 10 -- The council")
    assert page.dateline is not None and page.dateline.place == "Marvel"


def test_a_dateline_split_from_its_text_at_a_wires_exclamation_mark_is_whole_again():
    page = clean_plain_text(f"MARVEL , Esk -LRB- Reuters Life ! -RRB-\n- {BODY}\nThe bridge , built in 1911 , carries "
                            "four thousand cars a day across the Esk , the county 's roads office said .\n"
                            "Engineers found cracks in two of its piers after the winter storms , the office said .\n")
    assert page.body.startswith("MARVEL , Esk ( Reuters Life ! ) - The council")
    assert page.dateline is not None and page.dateline.agency == "Reuters Life!"


def test_initials_broken_at_their_first_period_are_one_word_again():
    page = (f"{BODY}\nThe plan drew fire from Rep. Ann Brell , D-W .\nVa. , who said it came too late .\n"
            f"Her staff said the U .\nS. Navy had offered help .\nIt was Plan B .\nI think so , she said .\n"
            f"Esk Power Plc -LRB- ESKa .\nL -RRB- closed its plant .\n{BODY}\n")
    body = clean_plain_text(page).body.split("\n")
    assert body[1:6] == ["The plan drew fire from Rep. Ann Brell , D-W.Va. , who said it came too late .",
                         "Her staff said the U.S. Navy had offered help .", "It was Plan B .",
                         "I think so , she said .", "Esk Power Plc ( ESKa . L ) closed its plant ."]


def test_a_wire_pages_photo_credit_before_its_stamp_is_no_part_of_headline_or_text():
    stamp = "| Tue Mar 10 , 2026 6:40 pm EDT MARVEL , Esk -LRB- Reuters -RRB- - "
    for head in ("Esk bridge to close Credit : Reuters\\/Ann Tolen\\/Handout By Ivo Brell MARVEL , Esk ",
                 "Esk bridge to close REUTERS\\/Marvel TV via Reuters TV MARVEL , Esk "):
        page = clean_plain_text(f"{head}{stamp}{BODY}\n{BODY}\n")
        assert page.title == "Esk bridge to close" and page.body.startswith("MARVEL , Esk ( Reuters ) - The council")
    # the headline after a teaser of another story and its link's label; the teaser is no text
    page = clean_plain_text(f"Floods close the Korven road for a week .\nFull Article Esk bridge to close MARVEL , "
                            f"Esk\\/KORVEN {stamp}{BODY}\n{BODY}\n")
    assert page.title == "Esk bridge to close" and page.body.startswith("MARVEL , Esk ( Reuters ) - The council")
    assert page.lines[0].kind != "body" and page.dateline.place == "Marvel"


def test_a_blog_posts_stamp_is_no_part_of_its_first_sentence():
    # a page of several posts, each under its stamp; the first posts' are the page's own
    first = "The mayor of Marvel may be coming round to the idea of a ferry across the Esk ."
    second = "Ivo Brell is a civil engineer who has built three bridges over the river ."
    page = clean_plain_text(f"{BODY}\n{BODY}\n{BODY}\n{BODY}\nMar 9 , 2026 20:27 UTC {first}\n{BODY}\n"
                            f"Mar 8 , 2026 09:52 UTC - {second}\n{BODY}\n")
    assert page.body.split("\n")[-4:] == [first, BODY, second, BODY]


def test_comments_a_site_prints_bare_under_its_rules_for_commenters_are_no_part_of_the_text():
    comments = ("We welcome comments that advance the story through relevant opinion .\n"
                "Views expressed in the comments do not represent those of the Marvel Courier .\n"
                "The council should have closed that bridge years ago , everyone in Esk knew it was rotten .\n"
                "This discussion is now closed .\n")
    article = (f"MARVEL , March 10 ( Reuters ) - {BODY}\nThe bridge , built in 1911 , carries four thousand cars "
               "a day across the Esk , the county 's roads office said .\nEngineers found cracks in two of its "
               "piers after the winter storms , the office said in a report published on Friday .\n")
    page = clean_plain_text(f"{article}-LRB- Reporting by Ivo Brell -RRB- {comments}")
    assert page.body.split("\n")[-1].endswith("published on Friday .")  # the credit is metadata
    assert "rotten" not in page.body and not any("rotten" in line.text for line in page.lines)
    own_line = clean_plain_text(f"{article}{comments}")
    assert own_line.body == article.strip()


def test_a_crosshead_in_capitals_run_into_its_paragraph_is_a_line_of_its_own():
    page = clean_plain_text(f"{BODY}\nBRIDGE TO REOPEN IN MAY The county said the piers would be mended by spring .\n"
                            f"ESK ROADS OFFICE WARNS DRIVERS Traffic will use the old ford , the office said .\n"
                            f"NEW ESK CITY Police said on Monday that the road would stay shut all week .\n{BODY}\n")
    assert page.body.split("\n")[1:6] == [
        "BRIDGE TO REOPEN IN MAY", "The county said the piers would be mended by spring .",
        "ESK ROADS OFFICE WARNS DRIVERS", "Traffic will use the old ford , the office said .",
        # three capitalised words without a headline's grammar: a place, as a dateline prints it
        "NEW ESK CITY Police said on Monday that the road would stay shut all week ."]


def test_a_graphics_label_over_each_of_its_panels_is_no_headline_printed_again():
    panel = "HOW THE ESK BRIDGE WILL BE MENDED"
    page = clean_plain_text(f"{panel} The piers will be drained and their cracks filled with steel and concrete .\n"
                            f"Then the deck will be lifted by cranes brought on barges up the river from Marvel .\n"
                            f"{panel} Engineers will test the deck with loaded trucks before it reopens in May .\n"
                            f"{panel} The work will cost four million crowns , the county roads office said .\n")
    assert page.body.startswith("The piers will be drained")


def test_a_wire_page_whose_site_lost_its_headline_has_none():
    stamp = "| Tue Mar 10 , 2026 6:40 pm EDT Mar -LRB- Reuters -RRB- - MARVEL , March 10 -LRB- Reuters -RRB- - "
    page = clean_plain_text(f"Mar -LRB- Reuters -RRB- - MARVEL , March 10 {stamp}{BODY}\n{BODY}\n")
    assert page.title is None and page.published == "2026-03-10T18:40"
    assert page.dateline is not None and (page.dateline.place, page.dateline.agency) == ("Marvel", "Reuters")


def test_a_transcripts_headline_stamp_and_notice_head_the_page_and_its_first_speaker_opens_the_text():
    page = clean_plain_text("Floods in Marvel ; Interview With Ivo Brell Aired March 10 , 2026 - 16:00:00 ET THIS IS A "
                            f"RUSH TRANSCRIPT .\nANNA TOLEN , CNN ANCHOR : Good morning .\n{BODY}\n{BODY}\n")
    assert page.title == "Floods in Marvel ; Interview With Ivo Brell" and page.published == "2026-03-10T16:00"
    assert page.body.startswith("ANNA TOLEN , CNN ANCHOR : Good morning .") and page.dateline is None
    assert "TRANSCRIPT" not in page.body


def test_a_transcript_that_names_its_show_and_air_date_under_its_headline_is_titled_and_dated_so():
    page = clean_plain_text("Esk Bridge Closure Debated This is a rush transcript from `` Marvel Tonight , '' "
                            "March 9 , 2026 .\nThis copy may not be in its final form and may be updated .\n"
                            f"ANNA TOLEN , HOST : Good evening .\n{BODY}\n{BODY}\n")
    assert page.title == "Esk Bridge Closure Debated" and page.published == "2026-03-09"
    assert page.body.startswith("ANNA TOLEN , HOST : Good evening .") and "final form" not in page.body
    bare = clean_plain_text("This is a RUSH transcript from `` Marvel Tonight , '' March 9 , 2026 .\n"
                            f"ANNA TOLEN , HOST : Good evening .\n{BODY}\n{BODY}\n")
    assert bare.title is None and bare.published == "2026-03-09"


def test_a_wire_storys_closing_credit_and_what_a_dump_ran_into_it_leave_the_body():
    from storyline.clean.repeats import SiteRepeats

    ad = "Our platform for electronic trading and data distribution A connected approach to governance and risk"
    page = ("KORVEN ( Reuters ) - The river at Korven rose two metres overnight , officials said on Monday .\n"
            "Residents of the lower town were moved to schools on higher ground , the mayor said .\n"
            "-LRB- Reporting by Ana Vell and Tomas Brik ; Editing by Iva Dorn -RRB- " + ad + "\n")
    r = clean_plain_text(page)
    assert r.body.endswith("the mayor said .") and "Reporting by" not in r.body and "platform" not in r.body
    assert [line.kind for line in r.lines if "Reporting by" in line.text] in (["metadata"], ["boilerplate"])
    # the site's line under the credit is one of its own, which the site's repeats then take out of
    # the pages that print it alone, as of those that ran it into the credit
    repeats = SiteRepeats()
    towns = ["Korven", "Vesten", "Arlow", "Brisk", "Malden", "Torva", "Nessel"]
    for n, town in enumerate(towns):
        own = (f"{town.upper()} ( Reuters ) - The {town} council closed {n + 2} bridges on Monday , officials said .\n"
               f"Engineers in {town} will inspect the {n + 2} bridges this week , the mayor said .\n")
        credit = f"-LRB- Reporting by Ana {town} ; Editing by Iva Dorn -RRB-"
        content = own + (f"{credit} {ad}\n" if n % 2 else f"{credit}\n{ad}\n")
        stripped = repeats.strip(RawDocument(source=f"{n}.txt", content=content, kind="text"))
    assert ad not in stripped.content and "Reporting by Ana Nessel" in stripped.content


def test_a_blogs_furniture_leaves_the_body_and_a_players_fallback_does_not_end_it():
    player = ("Visit the Vellian Webwise pages for full instructions .\n"
              "If you 're reading via RSS , you 'll need to visit the blog to access this content .\n")
    page = ("Each clip shows the same extract of a bulletin broadcast on the Vellia channel on Tuesday morning .\n"
            + player +
            "In the middle of the bulletin , the screen goes to black for a minute with no explanation .\n"
            + player +
            "For the censors of the province , this week has been a busy time in the newsrooms of Korven .\n"
            "The ministry is trying to remove every reference to the anniversary of the Korven strikes .\n"
            "Officers told us that we were not allowed to film on the square , something new to all of us .\n"
            "Please get involved and leave a comment .\n"
            "For the latest updates across the blogs , You can stay up to date with Korven Notes via these feeds .\n"
            "The archives of the staff blogs are still available here to read but commenting has closed .\n")
    body = clean_plain_text(page).body
    assert body.startswith("Each clip shows") and "screen goes to black" in body and "film on the square" in body
    for furniture in ("Webwise", "via RSS", "leave a comment", "via these feeds", "commenting has closed"):
        assert furniture not in body, furniture


def test_a_headline_a_flattened_page_printed_twice_is_its_title():
    page = clean_plain_text("Floods cut the Esk valley road for a week Floods cut the Esk valley road for a week "
                            "ESKDALE The county closed the valley road on Monday after the river burst its banks , "
                            "and engineers said repairs would take at least a week .")
    assert page.title == "Floods cut the Esk valley road for a week"
    assert page.body.startswith("ESKDALE The county closed")
    # a sentence that merely repeats a phrase further on is not touched
    once = clean_plain_text("The county said the road would reopen . The county said so again on Monday , "
                            "and the river fell .")
    assert once.body.startswith("The county said the road would reopen")


def test_sharing_buttons_run_into_the_last_sentence_are_no_part_of_the_text():
    from storyline.clean.text import clean_plain_text

    text = ("Dam talks end without a deal\n\n"
            "Negotiations on the Velna dam ended without agreement on Tuesday, officials in Korven said, and both "
            "sides left the capital the same evening.\n\n"
            "Engineers said the reservoir would be lowered by two metres before the spring floods. Share this: "
            "Email Twitter Facebook Print Like this: Like Loading..\n")
    body = clean_plain_text(text).body
    assert body.endswith("before the spring floods.") and "Share this" not in body, body


def test_a_headline_in_title_case_run_into_the_first_sentence_is_the_title():
    """A flattened page with no title field: "… to the Test As the new shipping season begins, …"."""
    rest = ("\n\nThe strike began on Monday when dock workers walked out over pay. Union leaders said the talks had "
            "failed and that no new meeting was planned.\n\nOfficials said the port would stay open for emergency "
            "cargo while the dispute lasted, and that ferries would still sail.")
    page = clean_plain_text("Harbour Strike Puts Port City Trade Plans to the Test As the new shipping season begins, "
                            "a strike at the northern harbour threatens to snowball into a crisis that will put the "
                            "whole region's trade strategy to the test." + rest)
    assert page.title == "Harbour Strike Puts Port City Trade Plans to the Test"
    assert page.body.startswith("As the new shipping season begins, a strike")
    # a lead that opens on names writes its verb in lower case; a byline is no headline
    for lead in ("Donald Vellan and Joe Tavos met in the capital city on Monday to discuss the strike at the harbour "
                 "and the trade plans of the region.",
                 "From Mara Tolen And Ivo Brand In Korven The council said the harbour would stay shut for a week."):
        page = clean_plain_text(lead + rest)
        assert page.title is None and page.body.startswith(lead[:30]), page


def test_a_containers_title_that_is_the_sites_furniture_is_no_title() -> None:
    """A scraper's JSON line may carry a share button, a byline's label or an ad-block notice as the
    page's title: kept, it stood as the story's title in every listing."""
    body = ("„Mamy w Warszawie już kilka możliwości przeprowadzania testów” - zaznaczył minister zdrowia "
            "Łukasz Szumowski w rozmowie z radiem. Laboratoria pracują przez całą dobę, a w ciągu doby "
            "wykonuje się około 1500 testów, dodał minister.")
    for furniture in ("Podziel się", "Jetzt teilen:", "Article content", "Autor: pol/leo", "Osnabrück (ots)",
                      "Disable AdBlock / uBlock", "我们注意到您正在屏蔽广告！", "Read more"):
        article = clean(RawDocument(source="p.json", kind="text", title=furniture, content=body))
        assert article.title != furniture, furniture
    # the text's own headline stands instead where it prints one
    article = clean(RawDocument(source="p.json", kind="text", title="Share this:",
                                content="Warsaw doubles its daily coronavirus tests\n\n" + body))
    assert article.title == "Warsaw doubles its daily coronavirus tests"
    # a headline that opens on such a word is a headline
    for headline in ("Share prices tumble as oil falls", "Search for missing boy ends", "Teilen und herrschen",
                     "Paris (AFP) says nothing", "Comments by minister spark row"):
        assert clean(RawDocument(source="p.json", kind="text", title=headline, content=body)).title == headline
