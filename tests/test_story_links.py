"""A story that continues an earlier one (same actors, later days) is linked to it."""

from __future__ import annotations

from tests.conftest import FIXTURES
from tests.test_cli import jsonl
from tests.test_cli import storyline as run_cli


def test_follow_up_story_is_linked_to_the_story_it_continues(corpus, tmp_path):
    db = str(tmp_path / "news.db")
    run_cli("ingest", str(corpus), "--db", db)
    run_cli("ingest", str(FIXTURES / "followup"), "--db", db)
    stories = jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout)
    breach = next(s for s in stories if any("Fourteen killed" in (a["title"] or "") for a in s["articles"]))
    follow = next(s for s in stories if any("arrested" in (a["title"] or "") for a in s["articles"]))
    assert follow["story_id"] != breach["story_id"], "eleven days later and a new event: a story of its own"
    assert {a["title"] for a in follow["articles"]} == {"Velna Hydro director arrested over dam breach",
                                                        "Court orders Velna Hydro director held for two months"}
    assert breach["story_id"] in follow["continues"]
    assert follow["story_id"] in breach["continued_by"]
