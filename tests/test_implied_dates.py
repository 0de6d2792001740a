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
