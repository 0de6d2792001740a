"""The story decision on small invented articles: names and numbers split same-kind events."""

from __future__ import annotations

import dataclasses

import numpy as np

from storyline.cluster import KeyTable, StoryClusterer, pair_features, pair_matrix
from storyline.compare import pair_similarity
from storyline.signals import KeyStats, Signals, extract_keys

_RNG = np.random.default_rng(7)
_TOPIC = _RNG.normal(size=64)


def _vec(noise: float, seed: int) -> np.ndarray:
    v = _TOPIC + noise * np.random.default_rng(seed).normal(size=64)
    return (v / np.linalg.norm(v)).astype(np.float32)


def _sig(i: int, text: str, day: int | None = None, language: str = "en", noise: float = 0.3) -> Signals:
    keys = extract_keys(text)
    return Signals(article_id=i, vector=_vec(noise, i), keys=keys, lead_keys=keys, day=day, language=language)


def _stats(*sigs: Signals) -> KeyStats:
    stats = KeyStats()
    for s in sigs:
        stats.add(s.keys)
    for n in range(200):  # a background of unrelated articles, so IDF means something
        stats.add({f"other{n}", "#2011", "reuters"})
    return stats


SUKANYA = [
    _sig(1, "The Indian Navy ship INS Sukanya captured 26 pirates in the Gulf of Aden, Reuters said."),
    _sig(2, "Pirates: INS Sukanya of the Indian Navy seized 26 men off Aden on Friday."),
    _sig(3, "Officers of INS Sukanya said the 26 pirates were handed to Somali police."),
]
MYSORE = _sig(4, "The Indian Navy frigate INS Mysore captured 23 pirates near Somalia, Reuters said.")
SUKANYA_MORE = _sig(5, "INS Sukanya's crew detained 26 Somali pirates, the Indian Navy said.")


def test_same_event_scores_above_same_kind_event() -> None:
    clusterer = StoryClusterer(_stats(*SUKANYA, MYSORE, SUKANYA_MORE))
    assert clusterer.affinity(SUKANYA_MORE, SUKANYA) > clusterer.affinity(MYSORE, SUKANYA)


def test_assign_picks_the_story_with_the_same_names() -> None:
    clusterer = StoryClusterer(_stats(*SUKANYA, MYSORE, SUKANYA_MORE))
    story, score = clusterer.assign(SUKANYA_MORE, {"mysore": [MYSORE], "sukanya": SUKANYA})
    assert story == "sukanya"
    assert score > 0


def test_unrelated_article_opens_a_new_story() -> None:
    far = Signals(9, -_vec(0.3, 9), extract_keys("The Oscars were hosted by Jon Stewart in Hollywood."),
                  frozenset(), None, "en")
    clusterer = StoryClusterer(_stats(*SUKANYA, far))
    assert clusterer.assign(far, {"sukanya": SUKANYA})[0] is None
    assert clusterer.assign(far, {})[0] is None


def test_far_apart_days_lower_the_score() -> None:
    clusterer = StoryClusterer(_stats(*SUKANYA, SUKANYA_MORE))
    near = [Signals(s.article_id, s.vector, s.keys, s.lead_keys, 100, "en") for s in SUKANYA]
    a_near = Signals(5, SUKANYA_MORE.vector, SUKANYA_MORE.keys, SUKANYA_MORE.lead_keys, 101, "en")
    a_far = Signals(5, SUKANYA_MORE.vector, SUKANYA_MORE.keys, SUKANYA_MORE.lead_keys, 400, "en")
    assert clusterer.affinity(a_near, near) > clusterer.affinity(a_far, near)


def test_merges_join_split_stories_and_keep_the_larger() -> None:
    clusterer = StoryClusterer(_stats(*SUKANYA, MYSORE, SUKANYA_MORE))
    pairs = clusterer.merges({"a": SUKANYA[:2], "b": [SUKANYA[2]], "c": [MYSORE]})
    assert ("a", "b") in pairs
    assert all("c" not in p for p in pairs)


def test_stories_whose_printed_days_lie_a_year_apart_do_not_merge() -> None:
    # Undated articles join stories whatever their days, so two stories may each hold a printed
    # day years apart: one event's reports do not span a year.
    clusterer = StoryClusterer(_stats(*SUKANYA, MYSORE, SUKANYA_MORE))
    a = [SUKANYA[0], _sig(21, "Pirates: INS Sukanya of the Indian Navy seized 26 men off Aden.", day=100)]
    far = [SUKANYA[2], _sig(22, "INS Sukanya's crew detained 26 Somali pirates, the Indian Navy said.", day=100 + 400)]
    assert clusterer.merges({"a": a, "b": far}) == []
    # a follow-up two months on is still the event (ECB+ counts such reports as it)
    later = [SUKANYA[2], _sig(22, "INS Sukanya's crew detained 26 Somali pirates, the Indian Navy said.", day=160)]
    assert clusterer.merges({"a": a, "b": later}) == [("a", "b")]
    # an implied day may be another event's: it does not hold stories apart
    implied = [SUKANYA[2], dataclasses.replace(far[1], day_printed=False)]
    assert clusterer.merges({"a": a, "b": implied}) == [("a", "b")]


def test_pair_similarity_is_a_probability_and_symmetric_enough() -> None:
    stats = _stats(*SUKANYA, MYSORE)
    same = pair_similarity(SUKANYA[0], SUKANYA[1], stats)
    other = pair_similarity(SUKANYA[0], MYSORE, stats)
    assert 0.0 <= other < same <= 1.0
    assert abs(same - pair_similarity(SUKANYA[1], SUKANYA[0], stats)) < 1e-6


def test_merge_refuses_two_stories_that_hold_together_better_than_to_each_other() -> None:
    from dataclasses import replace

    from storyline.cluster import DEFAULT_CLUSTER

    mysore = [MYSORE] + [
        _sig(10 + n, f"INS Mysore of the Indian Navy seized 23 pirates near Somalia, report {n} said.")
        for n in range(3)
    ]
    sukanya = [*SUKANYA, SUKANYA_MORE]
    stats = _stats(*sukanya, *mysore)
    loose = replace(DEFAULT_CLUSTER, merge_threshold=-100.0, merge_cohesion_ratio=0.0)
    strict = replace(loose, merge_cohesion_ratio=0.4)
    assert StoryClusterer(stats, loose).merges({"s": sukanya, "m": mysore}) == [("m", "s")]
    assert StoryClusterer(stats, strict).merges({"s": sukanya, "m": mysore}) == []


def test_title_case_headline_words_are_no_names() -> None:
    from storyline.signals import article_signals

    body = ("Chargers defensive tackle Jamal Williams was arrested early Sunday and faces charges of driving "
            "under the influence, the CHP said.")
    sig = article_signals(1, "Chargers Defensive Tackle Faces DUI Charges", body, None, "en", np.zeros(4))
    assert {"dui", "chargers", "williams"} <= sig.keys
    assert not {"faces", "charges", "defensiv", "tackl"} & sig.keys
    plain = article_signals(2, "Jamal Williams of the Chargers arrested", body, None, "en", np.zeros(4))
    assert "williams" in plain.lead_keys


def test_similar_openings_raise_the_similarity() -> None:
    stats = _stats(*SUKANYA, MYSORE)
    low = pair_similarity(SUKANYA[0], MYSORE, stats, opening_cosine=0.0)
    high = pair_similarity(SUKANYA[0], MYSORE, stats, opening_cosine=1.0)
    assert 0.0 <= low < high <= 1.0


def _cluster_offline_bench():
    """bench/cluster_offline.py as a module; the test is skipped without ../shared, whose scorer
    it imports."""
    import importlib.util
    import os
    import sys
    from pathlib import Path

    import pytest

    root = Path(__file__).resolve().parent.parent
    shared = Path(os.environ.get("STORYLINE_SHARED", root.parent / "shared"))
    if not (shared / "eval" / "sets.py").exists():
        pytest.skip("no ../shared/eval")
    spec = importlib.util.spec_from_file_location("bench_cluster_offline", root / "bench" / "cluster_offline.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    return bench


def test_replay_bench_lists_split_and_mixed_gold_clusters() -> None:
    """bench/cluster_offline.py --errors: a split gold cluster, a story holding two, and the
    ceiling an unlisted document sets (skipped without ../shared, whose scorer it uses)."""
    bench = _cluster_offline_bench()
    gold = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C", "c2": "C"}
    pred = {"a1": "st-000001", "a2": "st-000001", "a3": "st-000002", "b1": "st-000002", "b2": "st-000002",
            "c1": "st-000003"}
    lines = bench.errors(pred, gold)
    assert lines[0].startswith("unlisted=1 of 7 docs")
    assert "A  000001:2 000002:1(+B)" in lines
    assert "B  000002:2(+A)" in lines
    assert not any(line.startswith("C ") for line in lines)


def test_a_name_is_one_key_in_cyrillic_and_in_english_print():
    assert extract_keys("По словам полковника Игоря Лисовского, Геннадий Воронец и Лисовский") >= {"voronets"}
    for russian, english in (("Лисовский", "Lisovsky"), ("Геннадий", "Gennady"), ("Коваленко", "Kovalenko"),
                             ("Вельне", "Velna"), ("Интерфакс", "Interfax"), ("Достоевский", "Dostoevsky")):
        assert extract_keys(f"Сказал {russian} вчера.") == extract_keys(f"Said {english} yesterday."), russian


def test_a_country_or_city_is_one_key_in_every_language_that_prints_it():
    english = extract_keys("Talks in Germany, then in Rome and Warsaw; Poland and the Vatican agreed.")
    for text in ("Gespräche in Deutschland, dann in Rom und Warschau; Polen und der Vatikan stimmten zu.",
                 "Rozmowy: Niemcy, potem Rzym i Warszawa; Polska i Watykan się zgodziły.",
                 "Переговоры: Германия, потом Варшава; Польша и Ватикан согласились."):
        keys = extract_keys(text)
        assert keys >= {"german", "warsaw", "poland", "vatican"}, keys
    assert extract_keys("Then Deutschland.") == extract_keys("Then Germany.") == {"german"}
    assert english >= {"german", "rom", "warsaw", "poland", "vatican"}
    # a people's or a language's English name is no country's, whatever one language calls it
    assert extract_keys("Then Somali pirates and Czech police.") == {"somal", "czech"}
    assert extract_keys("Then Tunis.") != extract_keys("Then Tunisia.")


def test_a_place_in_a_case_is_its_nominatives_key_where_the_language_inflects_names():
    english = extract_keys("Talks in Poland, Russia, Germany, Moscow and Israel; the Vatican.")
    polish = extract_keys("Rozmowy w Polsce, z Rosją, w Niemczech; Papież w Watykanie.", "pl")
    russian = extract_keys("Переговоры в России, из Москвы и в Израиле; в Германии.", "ru")
    assert polish >= {"poland", "russi", "german", "vatican"}, polish
    assert russian >= {"russi", "moscow", "israel", "german"}, russian
    assert english >= (polish | russian) - {"papież"}
    # a person's name in a case stays the person's; a language that is not read so, as printed
    assert extract_keys("Rozmowy z Kowalskim i Nowakiem.", "pl") == {"kowalskim", "nowakiem"}
    assert extract_keys("Talks w Polsce.", "en") == {"polsc"}


def test_a_chinese_pages_places_are_keys_between_languages_only():
    from storyline.signals import article_signals

    def signals(i: int, text: str, language: str) -> Signals:
        return article_signals(i, None, text, None, language, _vec(0.0, 1))

    chinese = signals(1, "周二，抗议者冲击了美国驻伊拉克巴格达大使馆。", "zh")
    assert chinese.foreign_keys == {"united", "states", "iraq", "baghdad"} and chinese.keys == frozenset()
    english = signals(2, "Protesters stormed the embassy of the United States in Baghdad, Iraq, on Tuesday.", "en")
    assert english.foreign_keys == frozenset() and english.keys >= chinese.foreign_keys
    other = signals(3, "美国人口普查局的新数据显示，伊拉克和巴格达的人口增长了。", "zh")
    table = KeyTable(KeyStats())
    for s in (chinese, english, other):
        table.observe(s.keys | s.foreign_keys)
    across, within = pair_features(chinese, [english, other], table)
    assert across[3] > 0 and within[3] == 0  # overlap: the places tie the English report, not two Chinese pages
    assert np.allclose(pair_matrix([chinese], [english, other], table)[0], [across, within])
    assert extract_keys("周二，抗议者冲击了美国驻伊拉克巴格达大使馆。", "zh") == frozenset()


def test_cross_language_penalty_shrinks_with_the_cosine() -> None:
    # Two languages cost log-odds on a loosely related pair, hardly any on a close one: reports of
    # one event written apart in two languages are close but share few keys (SemEval calibration).
    from dataclasses import replace

    from storyline.cluster import DEFAULT_CLUSTER, _logits

    def cost(cos: float) -> float:
        same = np.array([cos, 0.0, 0.0, 0.1, 0.05, 0.05, 0.0])
        cross = np.array([cos, 1.0, cos, 0.1, 0.05, 0.05, 0.0])
        return float(_logits(cross, DEFAULT_CLUSTER) - _logits(same, DEFAULT_CLUSTER))

    assert cost(0.25) < -2.5
    assert -1.0 < cost(0.7) < 1.0
    old = replace(DEFAULT_CLUSTER, w_cross_cos=0.17)
    row = np.array([0.78, 1.0, 0.78, 0.31, 0.13, 0.2, 0.0])  # a Russian and an English fire report
    assert _logits(row, old) < 0 < _logits(row, DEFAULT_CLUSTER)


def test_replay_bench_probe_adds_a_pair_column_and_puts_everything_back() -> None:
    """bench/cluster_offline.py --probe: the candidate column is the eighth of `pair_matrix`, its
    weight enters the log-odds, and the undo restores the model (skipped without ../shared)."""
    from storyline import cluster, stories

    bench = _cluster_offline_bench()
    table = cluster.KeyTable(_stats(*SUKANYA, MYSORE))
    # each lead names a ship the other never states; two reports of one capture share theirs
    assert bench.PROBES["lead_names_apart"](SUKANYA[0], MYSORE, table) == 1.0
    assert bench.PROBES["lead_names_apart"](SUKANYA[0], SUKANYA[1], table) == 0.0
    before = cluster._logits(cluster.pair_matrix(SUKANYA, [MYSORE], table), cluster.DEFAULT_CLUSTER)
    undo = bench._with_probe("lead_names_apart", -2.0)
    try:
        feats = cluster.pair_matrix(SUKANYA, [MYSORE], table)
        assert feats.shape == (3, 1, 8)
        after = cluster._logits(feats, cluster.DEFAULT_CLUSTER)
        assert np.allclose(after, before - 2.0 * feats[..., 7])
    finally:
        undo()
    assert cluster.pair_matrix(SUKANYA, [MYSORE], table).shape == (3, 1, 7)
    assert stories.merge_verdicts.__module__ == "storyline.stories"


def test_pair_features_are_the_pair_matrix_row():
    """`pair_features` sums the keys its own way (lookups, not incidence products): the same columns."""
    from storyline import cluster

    rng = np.random.default_rng(5)
    vocab = [f"k{i}" for i in range(30)]
    table = cluster.KeyTable(KeyStats())

    def article(i: int) -> Signals:
        keys = frozenset(vocab[j] for j in rng.integers(0, 30, int(rng.integers(0, 9))))
        table.observe(keys)
        v = rng.standard_normal(16).astype(np.float32)
        return Signals(i, v / np.linalg.norm(v), keys, frozenset(list(keys)[:2]),
                       None if i % 5 == 0 else int(rng.integers(0, 30)), [None, "en", "es"][i % 3])

    articles = [article(i) for i in range(40)]
    for a in articles:
        expected = cluster.pair_matrix([a], articles, table)[0]
        assert np.allclose(cluster.pair_features(a, articles, table), expected, atol=1e-12)
    assert expected[:, 3].max() > 0 and expected[:, 5].max() > 0
    assert cluster.pair_features(articles[0], [], table).shape == (0, 7)


def test_key_table_grows_past_its_first_block_and_keeps_every_count():
    from storyline.cluster import KeyTable

    stats = KeyStats()
    table = KeyTable(stats)
    for i in range(700):  # 2,100 distinct keys: the count array grows twice
        table.observe({f"k{i}", f"k{i + 1}", f"x{i}", "every"})
    ids = np.array([table.encode(frozenset({k}))[0] for k in ("k0", "k5", "x699", "every")])
    expected = [stats.idf(k) for k in ("k0", "k5", "x699", "every")]
    assert np.allclose(table.idf(ids), expected)


def test_a_lone_language_report_must_hold_to_more_than_one_member_of_a_larger_story() -> None:
    """Its best pair weighs it, but against three members or more, no more than the margin above
    its second best: a report of another event that shares a name with one member stays apart."""
    from storyline.cluster import DEFAULT_CLUSTER, lone_language_score

    margin = DEFAULT_CLUSTER.lone_language_margin
    assert lone_language_score(np.array([0.7, -2.6, -3.5]), DEFAULT_CLUSTER) == -2.6 + margin < 0
    assert lone_language_score(np.array([3.0, 1.5, -4.0]), DEFAULT_CLUSTER) == 3.0  # it holds to two
    assert lone_language_score(np.array([0.7, -2.6]), DEFAULT_CLUSTER) == 0.7  # a story of two: its best
    # and so the clusterer weighs it
    stats = _stats(*SUKANYA)
    clusterer = StoryClusterer(stats)
    lone = dataclasses.replace(SUKANYA[0], article_id=8, language="hi")
    assert clusterer.story_affinity([lone], SUKANYA) == lone_language_score(
        np.ravel(clusterer_logits(clusterer, [lone], SUKANYA)), DEFAULT_CLUSTER)


def clusterer_logits(clusterer: StoryClusterer, a: list[Signals], b: list[Signals]) -> np.ndarray:
    from storyline.cluster import _logits

    return _logits(pair_matrix(a, b, clusterer.table), clusterer.settings)


def test_a_page_that_names_nothing_shares_no_whole_overlap_through_one_number() -> None:
    """An Arabic page's keys may be one number it prints: all of its key weight is shared with any
    page that prints that number too, and the overlap column had read that as full agreement."""
    tennis = Signals(1, _vec(0.3, 1), frozenset({"#10", "#2019", "atp", "kyodo", "australia", "open"}),
                     frozenset({"atp"}), None, "zh")
    orphans = Signals(2, _vec(0.3, 2), frozenset({"#10"}), frozenset(), None, "ar")
    named = Signals(3, _vec(0.3, 3), frozenset({"#10", "atp", "kyodo", "australia", "nishikori"}),
                    frozenset({"nishikori"}), None, "en")
    stats = _stats(tennis, orphans, named)
    for _ in range(3):  # "#10" is a common number: several pages print it
        stats.add({"#10"})
    table = KeyTable(stats)
    assert pair_matrix([orphans], [tennis], table)[0, 0, 3] < 0.5
    # two pages that name things keep the plain share
    overlap = pair_matrix([named], [tennis], table)[0, 0, 3]
    shared = sum(stats.idf(k) for k in named.keys & tennis.keys)
    assert np.isclose(overlap, shared / sum(stats.idf(k) for k in named.keys))
    both = [tennis, named]
    assert np.allclose(pair_features(orphans, both, table), pair_matrix([orphans], both, table)[0])
