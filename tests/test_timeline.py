"""Story timelines: dates resolved from the text against publication, events merged across sources."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from storyline.model import Article
from storyline.timeline import TimelineSettings, build_timeline
from storyline.timeline_dates import DAY, MONTH, SPAN, WEEK, YEAR, day_mentions, resolve_dates
from tests.conftest import ROOT, SHARED

WED = date(2031, 3, 5)  # a Wednesday


def _found(sentence: str, published: date | None = WED) -> list[tuple[str, str, str]]:
    return [(m.date.isoformat(), m.granularity, sentence[m.start:m.end]) for m in resolve_dates(sentence, published)]


def test_weekdays_resolve_to_the_last_such_day_on_or_before_publication():
    assert day_mentions("The ferry sank on Saturday near the reef.", WED) == [date(2031, 3, 1)]
    assert day_mentions("Divers returned on Wednesday morning.", WED) == [WED]
    assert day_mentions("Talks have stalled since Wednesday.", WED) == [date(2031, 2, 26)]
    assert day_mentions("The inquiry opened last Monday.", WED) == [date(2031, 3, 3)]


def test_future_weekdays_resolve_forwards_unless_reported_speech_intervenes():
    assert day_mentions("The minister will visit the port on Friday.", WED) == [date(2031, 3, 7)]
    assert day_mentions("Salvage is due to begin next Monday.", WED) == [date(2031, 3, 10)]
    assert day_mentions("He will resign, the minister said on Monday.", WED) == [date(2031, 3, 3)]
    # the future tense of other languages, and Dutch weekdays
    assert day_mentions("El juicio se celebrará el viernes en Korven.", WED) == [date(2031, 3, 7)]
    assert day_mentions("El juicio comenzó el viernes en Korven.", WED) == [date(2031, 2, 28)]
    assert day_mentions("Il processo inizierà venerdì a Korven.", WED) == [date(2031, 3, 7)]
    assert day_mentions("Het proces zal vrijdag beginnen.", WED) == [date(2031, 3, 7)]
    assert day_mentions("Het proces begon vrijdag.", WED) == [date(2031, 2, 28)]


def test_relative_days_and_days_of_the_month():
    assert day_mentions("Rescuers reached the village yesterday.", WED) == [date(2031, 3, 4)]
    assert day_mentions("The bridge gave way two days ago.", WED) == [date(2031, 3, 3)]
    assert day_mentions("Flights resume tomorrow.", WED) == [date(2031, 3, 6)]
    assert day_mentions("The permit was granted on March 3.", WED) == [date(2031, 3, 3)]
    assert day_mentions("The permit was granted on 28 December.", WED) == [date(2030, 12, 28)]
    assert day_mentions("The levee was inspected on 3 March 2029.", WED) == [date(2029, 3, 3)]
    assert day_mentions("El puerto cerró el 2 de marzo.", WED) == [date(2031, 3, 2)]
    assert day_mentions("Der Hafen wurde am 2. März geschlossen.", WED) == [date(2031, 3, 2)]  # the ordinal's dot
    assert day_mentions("The score was 3-10. March brought rain.", WED) == []


def test_what_is_to_happen_on_a_weekday_is_ahead():
    assert day_mentions("The council is to decide on Friday whether to close the tunnels.", WED) == [
        date(2031, 3, 7)]
    assert day_mentions("Nobody is to blame for the flood on Monday, the council said.", WED) == [date(2031, 3, 3)]


def test_a_day_that_names_a_group_is_no_date():
    assert _found("Members of the February 17 Martyrs ' Brigade met on Monday.") == [
        ("2031-03-03", DAY, "Monday")]
    assert _found("The vote is set for the March 9 session.") == [("2031-03-09", DAY, "March 9")]
    assert _found("On February 17 Vellish troops crossed the river.") == [("2031-02-17", DAY, "February 17")]
    assert _found("He said the February 17 brigade would hold the bridge.") == []
    assert _found("Police broke up the February 17 protests.") == [("2031-02-17", DAY, "February 17")]


def test_vague_expressions_are_coarse_and_never_a_day():
    found = _found("Warnings began last week, earlier this month and in 2029, dry since February again.")
    kinds = {text: (iso, granularity) for iso, granularity, text in found}
    assert kinds["last week"] == ("2031-02-24", WEEK)
    assert kinds["earlier this month"] == ("2031-03-01", MONTH)
    assert kinds["2029"] == ("2029-01-01", YEAR)
    assert kinds["February"] == ("2031-02-01", MONTH)
    assert all(g != DAY for _, g, _ in found)


def test_the_ends_of_a_span_of_days_are_not_the_day_of_an_event():
    # An editor's note dated a week's reporting; its first day became a timeline entry and a
    # "when" discrepancy against the day of the report.
    for sentence in ("This week [February 16 – March 1 – ed.] it became clear that talks would resume.",
                     "The talks ran from 3 March to 7 March.", "Voting was held between March 3 and March 7.",
                     "The games run March 2-6 in Rome.", "The games run 2–6 March in Rome."):
        found = _found(sentence)
        assert [g for _, g, _ in found if g != WEEK] == [SPAN, SPAN] or [g for _, g, _ in found] == [SPAN], sentence
        assert day_mentions(sentence, WED) == [], sentence
    # the end of a span or a deadline is not the day of the event either
    assert day_mentions("The authorities closed the schools until 6 March.", WED) == []
    assert day_mentions("The council must decide by Friday.", WED) == []
    assert day_mentions("The schools stay shut until Monday March 17.", WED) == []
    # a weekday printed with its date is that date, not the last such weekday before the report
    assert day_mentions("The ferry sailed again on Friday, February 28, the harbour said.", WED) == [date(2031, 2, 28)]
    # Two days named apart, or a dash before a count, stay days.
    assert day_mentions("Attacks came on March 2 and March 4.", WED) == [date(2031, 3, 2), date(2031, 3, 4)]
    assert day_mentions("On March 2 - 20 people died in the flood.", WED) == [date(2031, 3, 2)]
    assert day_mentions("The vote was on March 4 - a day after March 3.", WED) == [date(2031, 3, 4), date(2031, 3, 3)]


def test_names_and_numbers_are_not_dates():
    assert day_mentions("The Sunday Times said the ferry may 3 times have been overloaded.", WED) == []
    assert day_mentions("On Good Friday, 1,200 May workers marched.", WED) == []


def test_without_a_publication_date_only_printed_dates_count():
    assert day_mentions("The ferry sank on Saturday, 1 March 2031, and again yesterday.", None) == [date(2031, 3, 1)]


def _story() -> list[Article]:
    return [
        Article("a.txt", "Storm",
                "Storm Idris struck the coast of Port Avel on Saturday, flooding the harbour district.\n"
                "Officials counted damage along the seafront.", published="2031-03-03"),
        Article("b.txt", "Storm",
                "Storm Idris hit the coast of Port Avel on Saturday and flooded its harbour district.\n"
                "Ferries stayed in port.", published="2031-03-04"),
        Article("c.txt", "Rescue", "Rescue teams reached the cut-off mountain villages of the valley yesterday.\n"
                "They brought water and blankets for the families.", published="2031-03-05"),
        Article("d.txt", "Council", "The council declared a state of emergency across the province on 2 March 2031.\n"
                "Residents were told to stay indoors until the water receded.", published=None),
    ]


def test_timeline_dates_events_from_the_text_and_merges_sources():
    events = build_timeline(_story())
    dates = [e.date for e in events]
    assert dates == sorted(dates)
    by_text = {e.text: e for e in events}
    landfall = [e for e in events if "Storm Idris" in e.text]
    assert len(landfall) == 1
    assert landfall[0].date == "2031-03-01"
    assert sorted(landfall[0].sources) == ["a.txt", "b.txt"]
    rescue = by_text["Rescue teams reached the cut-off mountain villages of the valley yesterday."]
    assert rescue.date == "2031-03-04" and rescue.sources == ["c.txt"]
    assert all(e.sources for e in events)


def test_undated_articles_contribute_only_their_printed_dates():
    events = build_timeline(_story())
    from_d = [e for e in events if "d.txt" in e.sources]
    assert [e.date for e in from_d] == ["2031-03-02"]
    assert "stay indoors" not in " ".join(e.text for e in events)


def test_lead_sentences_are_dated_by_publication():
    article = Article("e.txt", None, "Engineers began pumping water out of the flooded metro tunnels.",
                      published="2031-03-06")
    events = build_timeline([article])
    assert [(e.date, e.sources) for e in events] == [("2031-03-06", ["e.txt"])]


def test_what_a_page_tells_its_reader_is_no_event():
    article = Article("h.txt", None, "Engineers began pumping water out of the flooded metro tunnels on Monday . "
                      "Watch the next programme on Saturday , 7 March at 0330 GMT . "
                      "This clip of the tunnels was first broadcast on Sunday , 1 March .", published="2031-03-04")
    assert [e.date for e in build_timeline([article])] == ["2031-03-03"]


def test_a_day_is_told_by_a_sentence_that_reads_on_its_own():
    article = Article("j.txt", None, "He said the pumps in the flooded metro tunnels had stopped on Monday . "
                      "Engineers began pumping water out of the flooded metro tunnels again on Monday .",
                      published="2031-03-04")
    assert [(e.date, e.text) for e in build_timeline([article])] == [
        ("2031-03-03", "Engineers began pumping water out of the flooded metro tunnels again on Monday .")]
    # and still by the only one it has
    article = Article("k.txt", None, "He said the pumps in the flooded metro tunnels had stopped on Monday .",
                      published="2031-03-04")
    assert [e.date for e in build_timeline([article])] == ["2031-03-03"]


def test_a_sentence_naming_a_day_with_its_weekday_is_no_entry_of_the_days_that_led_to_it():
    # Daily summaries ("Day 8 of the flood that began with the March 2 storm") had told March 2.
    storm = Article("a.txt", None, "The storm flooded the metro tunnels of Port Avel on March 2 .",
                    published="2031-03-03")
    summaries = [Article(f"m{day}.txt", None, f"A summary of events {weekday} , March {day} , Day {day - 1} of the "
                         "flood in the metro tunnels of Port Avel that began with the March 2 storm .",
                         published=f"2031-03-{day + 1:02d}")
                 for day, weekday in ((9, "Sunday"), (10, "Monday"), (11, "Tuesday"))]
    assert [(e.date, e.sources) for e in build_timeline([storm, *summaries])] == [
        ("2031-03-02", ["a.txt"]), ("2031-03-09", ["m9.txt"]), ("2031-03-10", ["m10.txt"]),
        ("2031-03-11", ["m11.txt"])]


def test_an_event_is_told_without_the_wires_dateline():
    article = Article("f.txt", None, "PORT AVEL ( Reuters ) - Engineers began pumping water out of the flooded metro "
                      "tunnels on Monday.", published="2031-03-04")
    assert [e.text for e in build_timeline([article])] == [
        "Engineers began pumping water out of the flooded metro tunnels on Monday."]


def test_a_factbox_entry_is_told_without_its_bullet_and_day_label():
    article = Article("g.txt", None, "* March 3 - Engineers of Avel Metro ( AVM . L ) began pumping water out of the "
                      "flooded metro tunnels.", published="2031-03-05")
    assert [(e.date, e.text) for e in build_timeline([article])] == [
        ("2031-03-03", "Engineers of Avel Metro began pumping water out of the flooded metro tunnels.")]


def test_a_factbox_introduction_and_a_day_label_of_two_days_are_no_part_of_the_entry():
    article = Article("i.txt", None, "Here is a timeline of the metro floods since they began in March : March 3/4 , "
                      "2031 - Engineers began pumping water out of the flooded metro tunnels.", published="2031-03-05")
    assert [(e.date, e.text) for e in build_timeline([article])] == [
        ("2031-03-03", "Engineers began pumping water out of the flooded metro tunnels.")]


def test_an_escaped_bullet_is_no_part_of_the_entry():
    article = Article("h.txt", None, "\\* March 3 - Engineers began pumping water out of the flooded metro tunnels.",
                      published="2031-03-05")
    assert [e.text for e in build_timeline([article])] == [
        "Engineers began pumping water out of the flooded metro tunnels."]


def test_limits_and_bounds():
    events = build_timeline(_story(), max_events=1)
    assert len(events) == 1 and events[0].date == "2031-03-01"  # the day most sources tell
    bounded = build_timeline(_story(), settings=TimelineSettings(start="2031-03-02", end="2031-03-04"))
    assert bounded and all("2031-03-02" <= e.date <= "2031-03-04" for e in bounded)
    assert build_timeline([]) == []


def test_benchmark_smoke_run():
    if not (SHARED / "data" / "timeline17").is_dir():
        pytest.skip("Timeline17 not available (set STORYLINE_SHARED)")
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "timeline.py"), "--limit", "1"],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    last = proc.stdout.strip().splitlines()[-1]
    assert last.startswith("timeline: r1=") and "timelines=1" in last, last


def test_background_dates_long_before_the_story_are_not_events():
    article = Article("f.txt", None, "The flood barrier opened on Monday after years of delay.\n"
                      "It was promised under the treaty of 29 August 1997 between the two provinces.",
                      published="2031-03-05")
    assert [e.date for e in build_timeline([article])] == ["2031-03-03"]
    kept = build_timeline([article], settings=TimelineSettings(max_days_before=None))
    assert [e.date for e in kept] == ["1997-08-29", "2031-03-03"]


def test_a_day_is_told_by_what_happened_rather_than_by_a_quote():
    text = ('"The harbour flood reached the town hall and the market stalls," the mayor said.\n'
            "Floodwater from the harbour reached the town hall.\nTraders at the market stalls lost their stock.")
    article = Article("g.txt", None, text, published="2031-03-05")
    assert [e.text for e in build_timeline([article])] == ["Floodwater from the harbour reached the town hall."]
    # the quote is the most central sentence: only the penalty keeps it out
    unpenalised = build_timeline([article], settings=TimelineSettings(quote_penalty=0))
    assert unpenalised[0].text.startswith('"The harbour flood')


def _bench():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_timeline", ROOT / "bench" / "timeline.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_alignment_rouge_rewards_the_right_day_and_discounts_a_near_one():
    bench = _bench()
    ref = {date(2031, 3, 1): ["Storm Idris floods the harbour district of Port Avel."],
           date(2031, 3, 4): ["Rescue teams reach the cut-off valley villages."]}
    assert bench.align_rouge(ref, ref)["rouge_1"] == (1.0, 1.0)
    shifted = {date(2031, 3, 2): ref[date(2031, 3, 1)], date(2031, 3, 4): ref[date(2031, 3, 4)]}
    p, r = bench.align_rouge(shifted, ref)["rouge_1"]
    assert 0.7 < p < 0.8 and 0.7 < r < 0.8  # one of two days a day off: its hits count half
    assert bench.date_pr(shifted, ref) == (0.5, 0.5)
    assert bench.align_rouge({}, ref)["rouge_2"] == (0.0, 0.0)


def test_a_piece_of_a_quotation_is_no_event_of_its_day():
    text = ("The council of Marvel voted on Tuesday to close the Esk bridge until the repairs are done .\n"
            "Senator Ana Kos was angry .\n`` I dread looking at the Esk valley road tomorrow .\n"
            "We have nothing left , '' she said .")
    events = build_timeline([Article(source="a", title=None, text=text, language="en", published="2031-03-05")])
    assert [e.date for e in events] == ["2031-03-04", "2031-03-05"]  # not 03-06, "tomorrow" in her words


def test_each_story_of_a_chain_reads_the_shared_articles_once(monkeypatch):
    # A chain's timeline reads every linked story's articles, and each story of the chain reads
    # them again: a report over 1,465 pages spent three minutes of four re-reading sentences.
    import storyline.timeline as timeline

    calls = []
    split = timeline.split_sentences
    monkeypatch.setattr(timeline, "split_sentences", lambda text: calls.append(text) or split(text))
    shared = [Article(source=f"s{i}", title=None, published=f"2031-06-0{i + 1}",
                      text=f"The Sellin dam report number {i} was read on June {i + 1}, 2031. Rescue crews went on.")
              for i in range(3)]
    first = build_timeline(shared)
    again = build_timeline([*shared, Article(source="own", title=None, published="2031-06-09",
                                             text="The Sellin inquiry opened on June 9, 2031.")])
    assert len(calls) == 4, "the three shared articles are split into sentences once"
    assert first and [e.date for e in again][: len(first)] == [e.date for e in first]
