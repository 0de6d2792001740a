"""What a user expects of the stories: one event across formats and languages is one story, an
unrelated article is not in it, and `compare` ranks the same event above an unrelated pair."""

from __future__ import annotations

import json
import shutil

from tests.test_cli import jsonl
from tests.test_cli import storyline as run_cli

VELNA = "velna"


def test_one_event_across_formats_and_languages_is_one_story(corpus, tmp_path):
    db = str(tmp_path / "news.db")
    run_cli("ingest", str(corpus), "--db", db)
    stories = jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout)
    velna = [s for s in stories if any(VELNA in (a["title"] or "").lower() or "вельн" in (a["title"] or "").lower()
                                       for a in s["articles"])]
    assert len(velna) == 1, [s["title"] for s in stories]
    assert len(velna[0]["articles"]) == 6
    assert set(velna[0]["languages"]) == {"en", "es", "ru"}
    library = [s for s in stories if any("library" in (a["title"] or "").lower() for a in s["articles"])]
    assert len(library) == 1 and library[0]["story_id"] != velna[0]["story_id"]
    for story in stories:
        assert {"story_id", "title", "articles"} <= story.keys()
        assert all({"source", "title", "published"} <= a.keys() for a in story["articles"])


def test_articles_arriving_later_join_their_story(corpus, tmp_path):
    early = tmp_path / "early"
    early.mkdir()
    shutil.copy(corpus / "valley-herald.txt", early)
    shutil.copy(corpus / "northern-wire.html", early)
    db = str(tmp_path / "news.db")
    run_cli("ingest", str(early), "--db", db)
    before = jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout)
    assert len(before) == 1
    run_cli("ingest", str(corpus), "--db", db)
    after = jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout)
    story = next(s for s in after if s["story_id"] == before[0]["story_id"])
    stored = [a for a in story["articles"] if "duplicate_of" not in a]
    assert len(stored) == 6
    # the corpus holds the two early files again under other names: listed, stored once
    assert sorted(a["duplicate_of"].split("/")[-1] for a in story["articles"] if "duplicate_of" in a) == [
        "northern-wire.html", "valley-herald.txt"]


def test_compare_ranks_same_event_above_unrelated(corpus, tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    herald = (corpus / "valley-herald.txt").read_text()
    wire = json.loads((corpus / "agency.jsonl").read_text().splitlines()[1])["text"]
    library = "The city library in Korven reopened on Tuesday after a two-year renovation of its reading rooms."
    pairs.write_text(json.dumps({"id": "same", "a": herald, "b": wire}) + "\n"
                     + json.dumps({"id": "other", "a": herald, "b": library}) + "\n")
    out = {r["id"]: r["similarity"] for r in jsonl(run_cli("compare", "--pairs", str(pairs), "--format",
                                                             "jsonl").stdout)}
    assert out["same"] > out["other"]
