"""A story that continues an earlier one (same actors, later days) is linked to it."""

from __future__ import annotations

import json

import numpy as np

from tests.conftest import FIXTURES
from tests.test_cli import jsonl
from tests.test_cli import storyline as run_cli


def test_follow_up_story_is_linked_to_the_story_it_continues(corpus, tmp_path):
    db = str(tmp_path / "news.db")
    run_cli("ingest", str(corpus), "--db", db)
    first = json.loads(run_cli("ingest", str(FIXTURES / "followup" / "arrests.txt"), "--db", db,
                               "--format", "json").stdout)
    assert first[0]["stories"]["linked"] == 1
    # The hearing joins the arrests' story, which is weighed again and keeps its one link: no new one.
    second = json.loads(run_cli("ingest", str(FIXTURES / "followup" / "hearing.txt"), "--db", db,
                                "--format", "json").stdout)
    assert second[0]["stories"]["linked"] == 0
    stories = jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout)
    breach = next(s for s in stories if any("Fourteen killed" in (a["title"] or "") for a in s["articles"]))
    follow = next(s for s in stories if any("arrested" in (a["title"] or "") for a in s["articles"]))
    assert follow["story_id"] != breach["story_id"], "eleven days later and a new event: a story of its own"
    assert {a["title"] for a in follow["articles"]} == {"Velna Hydro director arrested over dam breach",
                                                        "Court orders Velna Hydro director held for two months"}
    assert breach["story_id"] in follow["continues"]
    assert follow["story_id"] in breach["continued_by"]
    listing = run_cli("stories", "--db", db).stdout.splitlines()
    assert any(line.startswith(follow["story_id"]) and line.endswith(f"(continues {breach['story_id']})")
               for line in listing), listing


def test_a_backfilled_story_is_linked_to_the_stored_story_that_continues_it(corpus, tmp_path):
    """An archive ingested after what followed it: the arrests are stored first, then the breach
    they follow (eleven days before, past the assignment window). The breach's new story opens the
    arrests' story, which is weighed again and continues it; no article of the one joins the other."""
    db = str(tmp_path / "news.db")
    run_cli("ingest", str(FIXTURES / "followup" / "arrests.txt"), "--db", db)
    ingest = json.loads(run_cli("ingest", str(corpus), "--db", db, "--format", "json").stdout)
    assert sum(batch["stories"]["linked"] for batch in ingest) >= 1
    stories = jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout)
    breach = next(s for s in stories if any("Fourteen killed" in (a["title"] or "") for a in s["articles"]))
    follow = next(s for s in stories if any("arrested" in (a["title"] or "") for a in s["articles"]))
    assert follow["story_id"] != breach["story_id"]
    assert [a["title"] for a in follow["articles"]] == ["Velna Hydro director arrested over dam breach"]
    assert follow["continues"] == [breach["story_id"]]


def _linked(tmp_path, stories: dict[str, tuple[int, int, np.ndarray, frozenset[str]]], touched: set[str],
            standing: dict[str, str] | None = None, outside: frozenset[str] = frozenset()):
    """Run the link step over one-article stories: id -> (first day, last day, vector, keys), with
    the `standing` links (story -> earlier story) already stored; the `outside` stories are stored
    but not in the window (aged out of what the batch loaded)."""
    from storyline import story_store as ss
    from storyline.ann import VectorIndex
    from storyline.cluster import StoryClusterer
    from storyline.signals import KeyStats, Signals
    from storyline.store import Store
    from storyline.stories import StorySettings, _Window
    from storyline.story_links import link_stories
    from tests.conftest import one_article_stories

    stats = KeyStats()
    for n in range(40):  # a background, so that the stories' own keys are rare
        stats.add(frozenset({f"common{n % 4}", f"filler{n}"}))
    window = _Window()
    index = VectorIndex(8, expected=len(stories))
    with Store(str(tmp_path / "s.db")) as store:
        one_article_stories(store, {sid: first for sid, (first, _, _, _) in stories.items()})
        for sid, (first, last, vector, keys) in stories.items():
            store.db.execute("UPDATE stories SET first_day = ?, last_day = ? WHERE id = ?", (first, last, sid))
            article_id = store.db.execute("SELECT article_id FROM story_articles WHERE story_id = ?",
                                          (sid,)).fetchone()[0]
            stats.add(keys)
            if sid in outside:
                continue
            window.members[sid] = [article_id]
            window.story_of[article_id] = sid
            window.signals[article_id] = Signals(article_id, vector, keys, frozenset(sorted(keys)[:2]), last, "en")
            window.last_day[sid] = last
            index.add([article_id], vector)
        for sid, earlier in (standing or {}).items():
            ss.set_link(store, sid, earlier, 0.0)
        link_stories(store, window, touched, StoryClusterer(stats), [index], StorySettings(embedder="fast"))
        store.commit()
        return {sid: ss.story_links(store, sid)[0] for sid in stories}


def _unit(*values: float) -> np.ndarray:
    v = np.array(values + (0.0,) * (8 - len(values)), dtype=np.float32)
    return v / np.linalg.norm(v)


def test_a_story_that_begins_while_an_earlier_one_still_runs_continues_it(tmp_path):
    """An affair's next event often begins before the coverage of the last has stopped (the arrests
    while the death toll is still reported): it continues the earlier story all the same. A story
    of other actors does not, nor does one that ended more than the link window before."""
    actors = frozenset({"velna", "kovalenko", "korven", "dolna brava"})
    links = _linked(tmp_path, {
        "breach": (100, 110, _unit(1, 0.2), actors | {"flood"}),
        "elsewhere": (101, 104, _unit(0, 0, 1), frozenset({"harbour", "strike", "dockers", "lisbon"})),
        "long-ago": (10, 20, _unit(1, 0.5), actors | {"arrest", "prosecutor"}),  # closer, but too old
        "arrests": (105, 108, _unit(1, 0.5), actors | {"arrest", "prosecutor"}),
        "unrelated": (106, 107, _unit(0, 0, 0.2, 1), frozenset({"cup", "final", "derby", "goal"})),
    }, touched={"arrests", "unrelated"})
    assert links["arrests"] == ["breach"]
    assert links["unrelated"] == []


def test_a_story_weighed_again_keeps_only_the_link_it_picks_now(tmp_path):
    """A link chosen when the story was one article, or brought in by a story it absorbed, is
    dropped when the story, weighed again with what it has now, picks another or none: streamed a
    week at a time, such leftovers joined whole affairs into one chain."""
    actors = frozenset({"velna", "kovalenko", "korven", "dolna brava"})
    links = _linked(tmp_path, {
        "breach": (100, 110, _unit(1, 0.2), actors | {"flood"}),
        "elsewhere": (101, 104, _unit(0, 0, 1), frozenset({"harbour", "strike", "dockers", "lisbon"})),
        "arrests": (105, 108, _unit(1, 0.5), actors | {"arrest", "prosecutor"}),
        "unrelated": (106, 107, _unit(0, 0, 0.2, 1), frozenset({"cup", "final", "derby", "goal"})),
        "untouched": (107, 107, _unit(0, 0, 0.2, 1), frozenset({"cup", "final", "derby", "goal"})),
    }, touched={"arrests", "unrelated"},
        standing={"arrests": "elsewhere", "unrelated": "elsewhere", "untouched": "elsewhere"})
    assert links["arrests"] == ["breach"]
    assert links["unrelated"] == []
    assert links["untouched"] == ["elsewhere"], "a story not weighed again keeps what it had"


def test_a_link_to_a_story_out_of_the_window_is_kept(tmp_path):
    """A long story touched weeks on is weighed in a window that no longer holds the story it
    continues: its link cannot be scored again, and stays."""
    actors = frozenset({"velna", "kovalenko", "korven", "dolna brava"})
    links = _linked(tmp_path, {
        "breach": (100, 110, _unit(1, 0.2), actors | {"flood"}),
        "arrests": (105, 150, _unit(1, 0.5), actors | {"arrest", "prosecutor"}),
        "unrelated": (106, 107, _unit(0, 0, 0.2, 1), frozenset({"cup", "final", "derby", "goal"})),
    }, touched={"arrests"}, standing={"arrests": "breach"}, outside=frozenset({"breach"}))
    assert links["arrests"] == ["breach"]


def test_merging_two_stories_that_continue_the_same_story_keeps_one_link(tmp_path):
    """Two stories each linked to one earlier story (or one later story linked to each) merge: the
    merged story keeps one link of each, where the merge used to fail on the link's key."""
    from storyline import story_store as ss
    from storyline.store import Store
    from tests.conftest import one_article_stories

    with Store(str(tmp_path / "s.db")) as store:
        one_article_stories(store, {f"st-{n}": 10 * n for n in range(4)})
        ss.set_link(store, "st-1", "st-0", 0.5)
        ss.set_link(store, "st-2", "st-0", 0.4)
        ss.set_link(store, "st-3", "st-1", 0.3)
        ss.set_link(store, "st-1", "st-2", 0.2)  # one of the two continues the other
        ss.merge_into(store, "st-1", "st-2")
        links = store.db.execute("SELECT story_id, earlier_id, score FROM story_links ORDER BY 1, 2").fetchall()
        assert [tuple(r) for r in links] == [("st-1", "st-0", 0.5), ("st-3", "st-1", 0.3)]


def test_a_weak_link_needs_an_actor_both_stories_put_forward(tmp_path):
    """Two stories alike only in their words (a disease here, smog there: one cosine, no name in
    common) score under 0 and would pass the affair's bar (-2) on topic alone; without an actor in
    common they are no chain. The same later story naming the earlier one's city in its lead is."""
    links = _linked(tmp_path, {
        "smog": (100, 110, _unit(1, 0.2), frozenset({"delhi", "kejriwal", "smog", "stubble"})),
        "plague": (105, 108, _unit(1, 0.2), frozenset({"mongolia", "plague", "rabbit", "xilingol"})),
        "masks": (106, 108, _unit(1, 0.2), frozenset({"delhi", "masks", "pharmacy", "schools"})),
    }, touched={"plague", "masks"})
    assert links["plague"] == []
    assert links["masks"] == ["smog"]


def test_a_word_of_many_names_is_no_actor_of_a_weak_link(tmp_path):
    """New Year's pieces of two cities share "Eve" and nothing else (a word the store prints often:
    eight older stories here): their score is under 0, above the affair's bar (-2), and the one
    name they share is a word of many names, no actor: no chain."""
    older = {f"older{n}": (10, 12, _unit(0, 0, 1), frozenset({"eve", f"other{n}"})) for n in range(8)}
    links = _linked(tmp_path, {
        **older,
        "parade": (100, 110, _unit(1, 0.2), frozenset({"eve", "fireworks", "parade", "sydney"})),
        "puppy": (105, 108, _unit(0.1, 1), frozenset({"eve", "puppy", "shelter", "vegas"})),
    }, touched={"puppy"}, outside=frozenset(older))
    assert links["puppy"] == []
