"""What each source adds, what it leaves out, and loaded words in its own voice."""

from storyline.coverage import loaded_sentences, source_coverage
from storyline.model import Article

SHARED_A = "The Velna dam breached on Tuesday night and flooded the lower town of Orsk."
SHARED_B = "Rescue teams evacuated 1,200 residents from the riverside districts by morning."


def _article(source: str, *sentences: str, language: str = "en") -> Article:
    return Article(source=source, title=None, text=" ".join(sentences), language=language)


def test_a_point_no_other_source_carries_is_unique_and_a_shared_point_is_not():
    extra = "Engineers had warned the regional council about cracks in the spillway two years earlier."
    articles = [_article("a", SHARED_A, SHARED_B, extra),
                _article("b", SHARED_A, SHARED_B),
                _article("c", SHARED_A.replace("Tuesday night", "late Tuesday"), SHARED_B)]
    by_source = {c.source: c for c in source_coverage(articles)}
    assert by_source["a"].unique_points == [extra]
    assert by_source["b"].unique_points == []
    assert by_source["c"].unique_points == []


def test_a_point_most_sources_share_is_left_out_by_the_one_that_lacks_it():
    articles = [_article("a", SHARED_A, SHARED_B), _article("b", SHARED_A, SHARED_B),
                _article("c", SHARED_A, SHARED_B), _article("d", SHARED_A)]
    by_source = {c.source: c for c in source_coverage(articles)}
    assert by_source["d"].left_out == [SHARED_B]
    assert by_source["a"].left_out == []


def test_sources_in_another_language_are_not_counted_as_leaving_everything_out():
    articles = [_article("a", SHARED_A, SHARED_B), _article("b", SHARED_A, SHARED_B),
                _article("c", SHARED_A, SHARED_B),
                _article("es", "La presa de Velna se rompió el martes por la noche e inundó Orsk.", language="es")]
    by_source = {c.source: c for c in source_coverage(articles)}
    assert by_source["es"].unique_points == []
    assert by_source["es"].left_out == []


def test_loaded_words_are_flagged_per_sentence_in_the_outlets_voice_only():
    text = ("The minister, who either has dementia or is a weak politician, spoke on Monday. "
            "The opposition leader called the plan “a shameful farce” in parliament. The vote is on Friday.")
    flagged = loaded_sentences(_article("a", text))
    assert [f["words"] for f in flagged] == [["dementia", "weak"]]
    assert flagged[0]["text"].startswith("The minister, who either has dementia")
