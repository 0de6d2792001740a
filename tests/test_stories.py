"""The story stage through its public surface: ingest builds stories, ids stay stable."""

from __future__ import annotations

import json

import storyline
from storyline import story_store as ss
from storyline.store import Store
from tests.test_cli import jsonl
from tests.test_cli import storyline as run_cli


def test_story_ids_are_stable_across_reingest_and_rebuild(corpus, tmp_path):
    db = str(tmp_path / "news.db")
    run_cli("ingest", str(corpus), "--db", db)
    first = jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout)
    run_cli("ingest", str(corpus), "--db", db)
    again = jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout)
    assert first == again
    other = str(tmp_path / "rebuilt.db")
    run_cli("ingest", str(corpus), "--db", other)
    rebuilt = jsonl(run_cli("stories", "--db", other, "--format", "jsonl").stdout)
    assert [s["story_id"] for s in rebuilt] == [s["story_id"] for s in first]


def test_show_finds_a_story_by_a_merged_id(corpus, tmp_path):
    db = str(tmp_path / "news.db")
    storyline.open(db).ingest([str(corpus)])
    with Store(db) as store:
        rows = list(ss.iter_stories(store))
        kept, absorbed = rows[0].id, rows[1].id
        store.begin()
        ss.merge_into(store, kept, absorbed)
        store.commit()
        assert ss.resolve_story_id(store, absorbed) == kept
    shown = json.loads(run_cli("show", absorbed, "--db", db, "--format", "json").stdout)
    assert shown["story_id"] == kept and absorbed in shown["aliases"]
    assert len(shown["sources"]) == len(shown["articles"]) == rows[0].size + rows[1].size


def test_show_unknown_story_is_a_clear_error(corpus, tmp_path):
    db = str(tmp_path / "news.db")
    storyline.open(db).ingest([str(corpus)])
    proc = run_cli("show", "st-nope", "--db", db, check=False)
    assert proc.returncode == 1 and "no story 'st-nope'" in proc.stderr


def test_python_api_lists_stories(corpus, tmp_path):
    news = storyline.open(str(tmp_path / "news.db"))
    news.ingest([str(corpus)])
    stories = news.stories()
    assert stories and all(isinstance(s, storyline.Story) for s in stories)
    assert sum(len(s.articles) for s in stories) == 7
    assert 0.0 <= news.compare("Dam breach kills twelve in Velna valley", "Velna dam collapse: twelve dead") <= 1.0


def test_a_store_keeps_the_embedder_it_began_with(corpus, tmp_path):
    db = str(tmp_path / "news.db")
    run_cli("ingest", str(corpus / "valley-herald.txt"), "--db", db, "--embedder", "use")
    proc = run_cli("ingest", str(corpus), "--db", db, "--embedder", "fast", check=False)
    assert proc.returncode == 1 and "built with the 'use' embedder" in proc.stderr


def test_ingest_without_stories_then_with(corpus, tmp_path):
    db = str(tmp_path / "news.db")
    run_cli("ingest", str(corpus), "--db", db, "--no-stories")
    assert jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout) == []
    run_cli("ingest", str(corpus), "--db", db)
    stories = jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout)
    assert sum(len(s["articles"]) for s in stories) == 7
