from __future__ import annotations

from storyline.clean.implied_dates import infer_missing_dates
from storyline.model import Article

DATED = Article(source="a", title="Velna dam breach", published="2024-03-14T09:40",
                text="Governor Oleksandr Kovalenko said on Thursday the Velna dam gave way near Korven.")


def undated(text: str) -> Article:
    return Article(source="b", title="Kovalenko visits Korven", text=text)


def test_weekday_resolves_to_the_nearest_such_day_of_a_related_article():
    article = undated("Governor Kovalenko said on Thursday that the Velna dam was inspected in Korven.")
    assert infer_missing_dates([DATED, article]) == 1
    assert article.published == "2024-03-14" and article.published_inferred


def test_today_with_a_day_and_month_wins_over_other_days_mentioned():
    article = undated("What happened in Korven today, March 15? Kovalenko recalled the Velna inspection of "
                      "February 2 and the repairs promised since April 2019.")
    infer_missing_dates([DATED, article])
    assert article.published == "2024-03-15"


def test_a_date_with_its_year_is_not_an_implied_date():
    article = undated("Kovalenko said the Velna dam in Korven was built on March 3, 1961.")
    assert infer_missing_dates([DATED, article]) == 0 and article.published is None


def test_unrelated_articles_lend_no_date():
    article = Article(source="c", title="Library reopens", text="The city library reopened on Thursday.")
    assert infer_missing_dates([DATED, article]) == 0 and article.published is None


def test_printed_dates_are_left_alone():
    article = undated("Kovalenko spoke in Korven on Monday about the Velna dam.")
    article.published = "2024-03-20"
    infer_missing_dates([DATED, article])
    assert article.published == "2024-03-20" and not article.published_inferred


def _velna_report(source: str, published: str) -> Article:
    return Article(source=source, title="Velna dam", published=published,
                   text="Governor Oleksandr Kovalenko spoke of the Velna dam near Korven, Police said.")


def test_neighbours_from_different_weeks_of_a_long_story_lend_no_date():
    # Three dated reports of one long story, each from another week: each proposes another
    # Thursday, so the undated one gets none rather than one of them at random.
    weeks = [_velna_report(f"w{i}", day) for i, day in enumerate(("2024-03-14", "2024-03-28", "2024-04-11"))]
    article = undated("Governor Kovalenko said on Thursday that the Velna dam was inspected in Korven.")
    assert infer_missing_dates([*weeks, article]) == 0 and article.published is None


def test_the_day_most_neighbours_agree_on_is_taken():
    # The odd one out comes first: the earliest of equally close neighbours alone would decide.
    reports = [_velna_report("r3", "2024-04-11"), _velna_report("r1", "2024-03-14"),
               _velna_report("r2", "2024-03-15")]
    article = undated("Governor Kovalenko said on Thursday that the Velna dam was inspected in Korven.")
    assert infer_missing_dates([*reports, article]) == 1
    assert article.published == "2024-03-14"


def test_a_shared_common_name_weighs_less_than_a_shared_rare_one():
    # "Police" is in every dated article and the only name of four of them, which come first:
    # counted alike, it made each of those as close as the related one.
    others = [Article(source=f"o{i}", title="Briefing", published=f"2024-05-0{i + 1}",
                      text="On Monday the harbour stayed shut, the Police said.") for i in range(4)]
    related = Article(source="rel", title="Velna dam", published="2024-03-14",
                      text="Governor Oleksandr Kovalenko spoke of the dam near Korven on Thursday, Police said.")
    article = undated("On Thursday the Police said Governor Kovalenko had visited Korven.")
    assert infer_missing_dates([*others, related, article]) == 1
    assert article.published == "2024-03-14"


def test_a_long_stream_resolving_as_it_goes_keeps_its_memory_bounded():
    from storyline.clean.implied_dates import DateContext

    context = DateContext(limit=50)
    for i in range(2000):
        context.add(_velna_report(f"d{i}", f"2024-03-{1 + i % 28:02d}"))
        context.resolve(undated(f"Governor Kovalenko spoke in Korven on Thursday, report {i}."))
    assert len(context.dated) == 50
    assert len(context._masses) <= 2 * 50  # cached weights of articles long forgotten are dropped


def _texts_made_of_date_parts(count: int) -> list[str]:
    """Random texts dense in what the date scans look for, and in near misses of it."""
    import random

    parts = ["31", "1", "07", "44", "3rd", "21st", "2nd", "9th", "of", "October", "oct.", "may", "Mayor",
             "sept", "September", "june", "jun", "Dec", "decided", "market", "2020", "1999", ",", ".",
             "today,", "today", "Monday", "tuesday's", "wednesdays", "thursday", "Fri", "friday_", "sunday1",
             "saturday", "holiday", "day", "xmonday", "Satur day", "\n", "  ", "\t", "-", "mon", "of\n"]
    rng = random.Random(4)
    texts = []
    for _ in range(count):
        words = rng.choices(parts, k=rng.randint(1, 30))
        texts.append("".join(w + rng.choice(["", " ", "  ", "\n"]) for w in words))
    return texts


def test_the_date_scans_find_what_the_patterns_find_everywhere():
    from storyline.clean import implied_dates as d

    for text in _texts_made_of_date_parts(3000):
        low = text.lower()
        expected = [(m.span(), m.groupdict()) for m in d._MONTH_DAY.finditer(low)]
        assert [(m.span(), m.groupdict()) for m in d._month_day_matches(low)] == expected, text
        days = [(m.start(), d._WEEKDAYS.index(m.group())) for m in d._WEEKDAY.finditer(low)]
        assert d._weekday_matches(low) == days, text


def test_neighbours_written_weeks_after_the_day_named_lend_no_date():
    # Three reports of one long story, all from April, agree that "March 3" is March 3; but the
    # undated article naming it may be one more look back from April: no day is taken.
    april = [_velna_report(f"a{i}", day) for i, day in enumerate(("2024-04-10", "2024-04-12", "2024-04-14"))]
    article = undated("Governor Kovalenko recalled in Korven what the Velna dam inspectors found on March 3.")
    assert infer_missing_dates([*april, article]) == 0 and article.published is None
    # written the same week as the day named, they date it
    march = [_velna_report(f"m{i}", day) for i, day in enumerate(("2024-03-02", "2024-03-04", "2024-03-05"))]
    article = undated("Governor Kovalenko recalled in Korven what the Velna dam inspectors found on March 3.")
    assert infer_missing_dates([*march, article]) == 1 and article.published == "2024-03-03"


def test_a_day_stated_with_its_weekday_dates_the_article_without_neighbours():
    # March 12, 2024 was a Tuesday: the writer named a calendar day, not "on Tuesday".
    article = undated("In this photo taken Tuesday , March 12 , 2024 , workers inspect the Velna dam near Korven.")
    assert infer_missing_dates([article]) == 1
    assert article.published == "2024-03-12" and article.published_inferred


def test_a_stated_day_is_not_read_again_as_a_weekday_near_the_neighbours():
    # Beside a report of Thursday March 14, the caption's "Tuesday" had been the Tuesday nearest
    # it; the caption states which Tuesday it means.
    article = undated("Photo taken Tuesday, 5 March 2024, shows Governor Kovalenko at the Velna dam in Korven.")
    infer_missing_dates([DATED, article])
    assert article.published == "2024-03-05"


def test_a_weekday_the_calendar_does_not_confirm_states_no_day():
    # March 12, 2024 was no Friday: a slip, or two phrases run together, so no stated day.
    article = undated("Governor Kovalenko said Friday, March 12 , 2024 that Korven and the Velna dam were safe.")
    infer_missing_dates([article])
    assert article.published is None


def test_a_day_with_its_year_proposes_only_that_year():
    # Tokenised text spaces the comma; "March 15 , 2023" is no March 15 of the neighbour's year.
    article = undated("Kovalenko said in Korven the Velna dam inspection of March 15 , 2023 found cracks.")
    assert infer_missing_dates([DATED, article]) == 0 and article.published is None


def test_a_day_of_the_month_on_the_weekday_the_text_names_wins_over_the_nearest_such_weekday():
    # March 20, 2024 was a Wednesday: the dateline's day, not the Wednesday nearest the neighbour.
    article = undated("KORVEN , March 20 - Governor Kovalenko said on Wednesday the Velna dam would reopen.")
    infer_missing_dates([DATED, article])
    assert article.published == "2024-03-20"


def test_a_day_named_with_its_weekday_but_no_year_takes_the_neighbours_year():
    # May 7 fell on a Tuesday in 2024 and in no year from 2019 to 2023 or in 2025: a daily summary's
    # own day, though the neighbour is weeks older (its nearest Tuesday had been March 12).
    article = undated("A summary of events Tuesday , May 7 , Day 54 of the Velna dam breach at Korven, where "
                      "Governor Kovalenko spoke.")
    assert infer_missing_dates([DATED, article]) == 1
    assert article.published == "2024-05-07" and article.published_inferred


def test_without_neighbours_the_batch_gives_the_year_of_a_day_named_with_its_weekday():
    unrelated = Article(source="c", title="Library reopens", published="2024-04-02",
                        text="The city library of Tarnow reopened after repairs.")
    article = undated("Tuesday, May 7: Velna dam inspectors finished their work in Korven.")
    assert infer_missing_dates([unrelated, article]) == 1 and article.published == "2024-05-07"
    # a weekday the calendar puts on that day in no year near the batch's dates nothing
    article = undated("Friday, May 7: Velna dam inspectors finished their work in Korven.")
    infer_missing_dates([unrelated, article])
    assert article.published is None


def test_a_day_ahead_of_the_writing_is_not_the_day_of_the_news():
    unrelated = Article(source="c", title="Library reopens", published="2024-04-02",
                        text="The city library of Tarnow reopened after repairs.")
    for text in ("Trading in Korven will resume Tuesday, May 7, the Velna exchange said.",
                 "Watch the next programme on Tuesday, May 7 at 0330 GMT about the Velna dam."):
        article = undated(text)
        infer_missing_dates([unrelated, article])
        assert article.published is None, text


def test_the_wire_abbreviation_of_september_states_a_day():
    article = undated("In this image taken Saturday Sept. 4 , 2010 , divers inspect the Velna dam near Korven.")
    assert infer_missing_dates([article]) == 1 and article.published == "2010-09-04"


def test_a_page_that_names_a_day_months_later_was_not_written_on_the_neighbours_day():
    # Beside the March 14 report, "on Thursday" is March 14, unless the page tells of May 20 as past.
    article = undated("Governor Kovalenko said on Thursday that the Velna dam in Korven held after the "
                      "repairs that ended on May 20.")
    assert infer_missing_dates([DATED, article]) == 0 and article.published is None


def _long_piece(source: str, published: str, names: str) -> Article:
    """A dated article naming the dam, the town and the governor among many other names."""
    return Article(source=source, title="Velna", published=published,
                   text="Governor Kovalenko spoke of the Velna dam near Korven. " + " ".join(
                       f"Officials met {name}." for name in names.split()))


def test_a_lone_witness_lends_no_date_when_as_close_articles_were_written_weeks_apart():
    # Only the short report shares a large enough share of names to be a witness; the long pieces
    # share as much weight, and in months of an affair's coverage they date its Thursday nothing.
    short = Article(source="s", title="Velna", published="2024-03-14",
                    text="Governor Kovalenko spoke of the Velna dam near Korven.")
    many = " ".join(f"Ab{chr(97 + i)}{chr(97 + j)}ov" for i in range(5) for j in range(6))
    own = " ".join(f"Zu{chr(97 + i)}{chr(97 + j)}ik" for i in range(2) for j in range(6))
    text = "On Thursday Governor Kovalenko spoke of the Velna dam near Korven. " + " ".join(
        f"He thanked {name}." for name in own.split())
    months_apart = [_long_piece("l1", "2024-05-02", many), _long_piece("l2", "2024-06-20", many)]
    article = undated(text)
    assert infer_missing_dates([short, *months_apart, article]) == 0 and article.published is None
    same_week = [_long_piece("l1", "2024-03-13", many), _long_piece("l2", "2024-03-15", many)]
    article = undated(text)
    assert infer_missing_dates([short, *same_week, article]) == 1 and article.published == "2024-03-14"
