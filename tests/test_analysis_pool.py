from __future__ import annotations

import os
import zlib

from storyline import analysis, analysis_pool
from storyline.analysis import analyze_pending
from storyline.pipeline import ingest_paths
from storyline.store import Store

_PIDS_FILE = "STORYLINE_TEST_PIDS"


def _recording_batch(batch):
    with open(os.environ[_PIDS_FILE], "a", encoding="utf-8") as out:
        out.write(f"{os.getpid()}\n")
    return _ORIGINAL(batch)


_ORIGINAL = analysis_pool.analyse_batch


def _payloads(db: str) -> dict[str, bytes]:
    with Store(db) as store:
        sources = dict(store.db.execute("SELECT id, source FROM articles").fetchall())
        rows = store.db.execute("SELECT article_id, payload FROM article_analysis").fetchall()
    return {sources[i]: zlib.decompress(payload) for i, payload in rows}


def test_workers_store_the_analyses_one_process_stores(corpus, tmp_path, monkeypatch):
    one, pooled = str(tmp_path / "one.db"), str(tmp_path / "pooled.db")
    for db in (one, pooled):
        ingest_paths([str(corpus)], db, stories=None)
    with Store(one) as store:
        assert analyze_pending(store, workers=1) > 0
    pids = tmp_path / "pids.txt"
    monkeypatch.setenv(_PIDS_FILE, str(pids))
    monkeypatch.setattr(analysis_pool, "POOL_MIN", 1)
    monkeypatch.setattr(analysis_pool, "analyse_batch", _recording_batch)
    with Store(pooled) as store:
        assert analyze_pending(store, workers=2) > 0
    assert str(os.getpid()) not in pids.read_text().split()  # the workers analysed, not this process
    assert _payloads(pooled) == _payloads(one)


def _recording_stages(articles, per_article, languages=()):
    with open(os.environ[_PIDS_FILE], "a", encoding="utf-8") as out:
        out.write(f"{os.getpid()}\n")
    return _ORIGINAL_STAGES(articles, per_article, languages)


_ORIGINAL_STAGES = analysis.run_story_stages


def _story_payloads(db: str) -> dict[str, bytes]:
    with Store(db) as store:
        rows = store.db.execute("SELECT story_id, members, payload FROM story_analysis").fetchall()
    return {story_id: (members, zlib.decompress(payload)) for story_id, members, payload in rows}


def test_workers_store_the_story_analyses_one_process_stores(corpus, tmp_path, monkeypatch):
    one, pooled = str(tmp_path / "one.db"), str(tmp_path / "pooled.db")
    for db in (one, pooled):
        ingest_paths([str(corpus)], db)
    with Store(one) as store:
        stories = [row[0] for row in store.db.execute("SELECT id FROM stories ORDER BY id")]
        assert len(stories) >= 2
        assert analysis.analyze_stale_stories(store, stories, workers=1) == len(stories)
    pids = tmp_path / "pids.txt"
    monkeypatch.setenv(_PIDS_FILE, str(pids))
    monkeypatch.setattr(analysis_pool, "STORY_POOL_MIN", 1)
    monkeypatch.setattr(analysis, "run_story_stages", _recording_stages)
    with Store(pooled) as store:
        assert analysis.analyze_stale_stories(store, stories, workers=2) == len(stories)
        ran = pids.read_text().split()
        assert len(ran) == len(stories) and str(os.getpid()) not in ran  # the workers ran the stages
        # Analysed already: nothing is sent to a worker again.
        pids.write_text("")
        assert analysis.analyze_stale_stories(store, stories, workers=2) == len(stories)
        assert pids.read_text() == ""
    assert _story_payloads(pooled) == _story_payloads(one)


def test_a_shown_storys_missing_analyses_come_from_the_workers(corpus, tmp_path, monkeypatch):
    db = str(tmp_path / "store.db")
    ingest_paths([str(corpus)], db, stories=None)  # no analysis, as `ingest --no-analysis`
    pids = tmp_path / "pids.txt"
    monkeypatch.setenv(_PIDS_FILE, str(pids))
    monkeypatch.setattr(analysis_pool, "POOL_MIN", 1)
    monkeypatch.setattr(analysis_pool, "analyse_batch", _recording_batch)
    with Store(db) as store:
        articles = [store.get_article(row[0]) for row in store.db.execute("SELECT id FROM articles ORDER BY id")]
        pooled = analysis.article_analyses(store, articles, workers=2)
        assert pids.read_text().split() and str(os.getpid()) not in pids.read_text().split()
        assert analysis.stored_analyses(store, [a.id for a in articles]) == {a.id: pooled[a.source] for a in articles}
        store.db.execute("DELETE FROM article_analysis")
        assert analysis.article_analyses(store, articles, workers=1) == pooled


def test_a_thread_other_than_the_main_one_analyses_in_its_own_process(corpus, tmp_path, monkeypatch):
    import threading

    db = str(tmp_path / "store.db")
    ingest_paths([str(corpus)], db, stories=None)
    pids = tmp_path / "pids.txt"
    monkeypatch.setenv(_PIDS_FILE, str(pids))
    monkeypatch.setattr(analysis_pool, "POOL_MIN", 1)
    monkeypatch.setattr(analysis_pool, "analyse_batch", _recording_batch)
    done: list[int] = []

    def analyse() -> None:  # as a request thread of a threaded web host would
        with Store(db) as store:
            articles = [store.get_article(row[0]) for row in store.db.execute("SELECT id FROM articles")]
            done.append(len(analysis.article_analyses(store, articles, workers=2)))

    thread = threading.Thread(target=analyse)
    thread.start()
    thread.join()
    assert done and done[0] > 0
    assert set(pids.read_text().split()) == {str(os.getpid())}
