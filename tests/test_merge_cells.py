"""The merge pass scores only the member pairs a verdict reads (storyline/merge_cells.py): its
features and verdicts must be the clusterer's own, cell for cell and pair for pair."""

import numpy as np
import pytest

from storyline.cluster import KeyTable, StoryClusterer, pair_matrix
from storyline.merge_cells import CellScorer, MergeScorer
from storyline.signals import KeyStats, Signals


def _stories(seed: int) -> tuple[StoryClusterer, dict[str, list[Signals]]]:
    rng = np.random.default_rng(seed)
    topics = rng.standard_normal((6, 32)).astype(np.float32)
    vocab = [f"k{i}" for i in range(40)]
    clusterer = StoryClusterer(KeyStats())
    stories: dict[str, list[Signals]] = {}
    next_id = 1
    for s in range(24):
        topic = s % 6
        members = []
        for _ in range(int(rng.choice([1, 1, 2, 3, 5, 7]))):
            v = topics[topic] + 0.6 * rng.standard_normal(32).astype(np.float32)
            keys = frozenset(vocab[j] for j in rng.integers(topic * 5, topic * 5 + 12, int(rng.integers(0, 8))))
            language = [None, "en", "en", "zh"][next_id % 4]
            # a Chinese page's places: keys between languages only (Signals.foreign_keys)
            foreign = frozenset({vocab[topic * 5 + 12], vocab[topic * 5]}) - keys if language == "zh" else frozenset()
            members.append(Signals(next_id, v / np.linalg.norm(v), keys, frozenset(list(keys)[:2]),
                                   None if next_id % 7 == 0 else int(rng.integers(0, 20)), language,
                                   foreign_keys=foreign))
            clusterer.observe(keys)
            next_id += 1
        stories[f"s{s:02d}"] = members
    return clusterer, stories


def test_cell_features_are_the_pair_matrix():
    clusterer, stories = _stories(5)
    left, right = stories["s00"] + stories["s07"], stories["s01"] + stories["s06"] + stories["s13"]
    scorer = CellScorer(left + right, clusterer.table)
    rows_l = np.repeat(np.arange(len(left)), len(right))
    rows_r = np.tile(np.arange(len(left), len(left) + len(right)), len(left))
    expected = pair_matrix(left, right, clusterer.table).reshape(-1, 7)
    assert np.allclose(scorer.features(rows_l, rows_r), expected, atol=1e-6)
    assert expected[:, 3].max() > 0 and expected[:, 5].max() > 0 and expected[:, 1].max() > 0
    assert scorer.features(rows_l[:0], rows_r[:0]).shape == (0, 7)


def test_cell_features_of_articles_without_keys():
    table = KeyTable(KeyStats())
    v = np.ones(4, dtype=np.float32) / 2
    bare = [Signals(1, v, frozenset(), frozenset(), None, None), Signals(2, v, frozenset(), frozenset(), 3, "en")]
    feats = CellScorer(bare, table).features(np.array([0]), np.array([1]))
    assert np.allclose(feats, pair_matrix(bare[:1], bare[1:], table).reshape(-1, 7))


@pytest.mark.parametrize("seed", [3, 14])
def test_cell_verdicts_agree_with_the_clusterer(seed):
    """A change to `StoryClusterer._merge_score` must show here (seed 14 has pairs that clear the
    threshold and are refused on cohesion)."""
    clusterer, stories = _stories(seed)
    ids = sorted(stories)
    pairs = {(x, y) for i, x in enumerate(ids) for y in ids[i + 1:]}
    cache = MergeScorer(clusterer).score(stories, pairs)
    assert len(cache) == len(pairs)
    merging = 0
    for (x, y, _, _), verdict in cache.items():
        expected = clusterer._merge_score(stories[x], stories[y], {})
        assert (verdict is None) == (expected is None), (x, y)
        if verdict is not None:
            merging += 1
            assert abs(verdict - expected) < 1e-5  # float32 cosines summed in another order
    assert 0 < merging < len(pairs)
    assert clusterer.merges(stories, pairs, cache=dict(cache)) == clusterer.merges(stories, pairs)


def test_cells_scored_on_several_threads_give_the_same_verdicts(monkeypatch):
    import storyline.merge_cells as merge_cells

    clusterer, stories = _stories(14)
    ids = sorted(stories)
    pairs = {(x, y) for i, x in enumerate(ids) for y in ids[i + 1:]}
    alone = dict(MergeScorer(clusterer).score(stories, pairs))
    monkeypatch.setattr(merge_cells, "_THREAD_MIN", 16)
    monkeypatch.setattr(merge_cells, "_cores", lambda: 3)
    assert len(merge_cells._runs(200)) == 3
    threaded = MergeScorer(clusterer).score(stories, pairs)
    assert threaded.keys() == alone.keys()
    assert all((threaded[k] is None) == (alone[k] is None) for k in alone)
    assert all(abs(threaded[k] - alone[k]) < 1e-9 for k in alone if alone[k] is not None)


@pytest.mark.parametrize("per_pass", [3, 4096])
def test_link_scores_are_the_mean_pair_matrix_log_odds_without_the_days(per_pass, monkeypatch):
    """`mean_log_odds` (what a link is judged on) must be the clusterer's own log-odds, averaged over
    every member pair, with the days apart left out, whether the pairs are scored in one pass or
    in several (a huge batch)."""
    from storyline import merge_cells
    from storyline.cluster import _logits

    monkeypatch.setattr(merge_cells, "_PAIRS_PER_PASS", per_pass)
    clusterer, stories = _stories(9)
    ids = sorted(stories)
    pairs = [(ids[i], ids[j]) for i in range(0, 12) for j in (i + 5, i + 9)]
    expected = []
    for x, y in pairs:
        feats = pair_matrix(stories[x], stories[y], clusterer.table)
        feats[..., 6] = 0.0
        expected.append(float(_logits(feats, clusterer.settings).mean()))
    got = merge_cells.mean_log_odds(clusterer, stories, pairs, days_apart_count=False)
    assert np.allclose(got, expected, atol=1e-6)
    with_days = merge_cells.mean_log_odds(clusterer, stories, pairs)
    assert any(w < g - 1e-6 for w, g in zip(with_days, got, strict=True))
