"""The whole analysis end to end on the fixture corpus, through `storyline show` and the web UI.

The fixture corpus (tests/fixtures/corpus/README.md) was written to carry what a checker needs:
one governor spelled three ways in two scripts and given two titles, a death toll that rises
through the day, quotes through agencies, and an unrelated article.
"""

from __future__ import annotations

import json
from html import escape

import pytest

from storyline.web import make_app
from tests.test_cli import entity_records, jsonl, storyline


@pytest.fixture(scope="module")
def shown(tmp_path_factory):
    from tests.conftest import CORPUS

    db = str(tmp_path_factory.mktemp("show") / "store.db")
    storyline("ingest", str(CORPUS), "--db", db)
    stories = jsonl(storyline("stories", "--db", db, "--format", "jsonl").stdout)
    dam = max(stories, key=lambda s: len(s["articles"]))
    record = json.loads(storyline("show", dam["story_id"], "--db", db, "--format", "json").stdout)
    return db, stories, record


def _holding(record, text):
    return [e for e in record["entities"] if text in {m["text"] for m in e["mentions"]}]


def test_one_person_across_spellings_and_scripts_and_nobody_else_with_him(shown):
    _, _, record = shown
    [governor] = _holding(record, "Oleksandr Kovalenko")
    assert {"Olexandr Kovalenko", "Александр Коваленко", "Kovalenko"} <= {m["text"] for m in governor["mentions"]}
    assert governor["type"] == "PERSON" and governor["id"].startswith("en-")
    [witness] = _holding(record, "Mirela Dusek")
    assert witness["id"] != governor["id"]


def test_quotes_have_their_speaker_and_channel(shown):
    _, _, record = shown
    def quote(start):
        return next(q for q in record["quotes"] if q["text"].startswith(start))

    searching = quote("We are still searching house by house")
    assert "Kovalenko" in searching["speaker"] and searching["via"] == "Interfax" and searching["kind"] == "direct"
    assert quote("I heard a sound like thunder")["speaker"] == "Mirela Dusek"


def test_discrepancies_show_every_value_with_its_sources(shown):
    _, _, record = shown
    found = {(d["kind"], d["subject"]): d for d in record["discrepancies"]}
    toll = found[("number", "deaths")]
    figures = {v["value"].lower(): v["sources"] for v in toll["values"]}
    assert any("twelve" in f for f in figures) and any("fourteen" in f for f in figures)
    assert toll["nature"] == "update"  # twelve in the morning, fourteen by the evening
    assert all(1 <= v["independent"] <= len(v["sources"]) for v in toll["values"])
    role = found[("role", "Oleksandr Kovalenko")]
    assert {v["value"] for v in role["values"]} == {"Governor", "Mayor"}
    assert [v["sources"] for v in role["values"] if v["value"] == "Mayor"] == [
        [s["source"] for s in record["sources"] if s["source"].endswith("northern-wire.html")]]


def test_summary_cites_every_sentence_and_sources_have_their_own_points(shown):
    _, _, record = shown
    assert record["summary"] and all(s["sources"] for s in record["summary"])
    assert len(" ".join(s["text"] for s in record["summary"]).split()) <= 130
    members = {a["source"] for a in record["articles"]}
    assert all(set(s["sources"]) <= members for s in record["summary"])
    assert all({"unique_points", "left_out", "loaded_language", "near_copies"} <= set(s) for s in record["sources"])
    for sentence in record["summary"]:  # a contested figure is never stated as settled
        if "fourteen" in sentence["text"].lower() or "twelve" in sentence["text"].lower():
            assert any(d.startswith("deaths:") for d in sentence.get("disputed", [])), sentence


def test_entity_ids_are_stable_and_the_unrelated_story_keeps_its_own_people(shown):
    db, stories, record = shown
    again = json.loads(storyline("show", record["story_id"], "--db", db, "--format", "json").stdout)
    assert [e["id"] for e in again["entities"]] == [e["id"] for e in record["entities"]]
    library = next(s for s in stories if s["story_id"] != record["story_id"])
    other = json.loads(storyline("show", library["story_id"], "--db", db, "--format", "json").stdout)
    assert not _holding(other, "Oleksandr Kovalenko")


def _get(app, path: str) -> tuple[str, str]:
    seen = {}

    def start_response(status, headers):
        seen["status"] = status

    body = b"".join(app({"PATH_INFO": path.split("?")[0], "QUERY_STRING": path.partition("?")[2]}, start_response))
    return seen["status"], body.decode("utf-8")


def test_web_ui_lists_stories_and_puts_two_sources_side_by_side(shown):
    db, _, record = shown
    app = make_app(db)
    status, page = _get(app, "/?q=velna")
    assert status.startswith("200") and record["story_id"] in page and "library" not in page.lower()
    sources = [s["source"] for s in record["sources"]]
    status, page = _get(app, f"/story/{record['story_id']}?a={sources[0]}&b={sources[1]}")
    assert status.startswith("200") and "Sources side by side" in page and "Where sources disagree" in page
    assert page.count("class='col'") == 2
    status, data = _get(app, f"/api/story/{record['story_id']}")
    assert json.loads(data)["story_id"] == record["story_id"]
    assert _get(app, "/story/st-nope")[0].startswith("404")


def test_a_chain_of_linked_stories_reads_as_one_timeline(tmp_path):
    from tests.conftest import CORPUS, FIXTURES

    db = str(tmp_path / "store.db")
    storyline("ingest", str(CORPUS), str(FIXTURES / "followup"), "--db", db)
    stories = jsonl(storyline("stories", "--db", db, "--format", "jsonl").stdout)
    later = next(s for s in stories if any("arrests" in a["source"] for a in s["articles"]))
    record = json.loads(storyline("show", later["story_id"], "--db", db, "--format", "json").stdout)
    assert len(record["timeline_stories"]) == 2
    dates = [e["date"] for e in record["timeline"]]
    assert dates == sorted(dates) and dates[0] == "2024-03-14" and "2024-03-25" in dates
    assert all(e["sources"] for e in record["timeline"])
    # The linked stories are named, not only numbered: the chain, oldest first, with titles and days,
    # and the web page links the earlier story by its title.
    earlier = record["continues"][0]
    assert [c["story_id"] for c in record["chain"]] == [earlier, later["story_id"]]
    first = record["chain"][0]
    assert first["first_published"] == "2024-03-14" and "dam" in first["title"].lower()
    status, page = _get(make_app(db), f"/story/{later['story_id']}")
    assert status.startswith("200") and "Linked stories, oldest first" in page
    assert f"<a href='/story/{earlier}'>{escape(first['title'])} <span" in page
    out = tmp_path / "report.md"
    storyline("report", "--db", db, "--out", str(out))
    assert f"Continues: {first['title']} (`{earlier}`)" in out.read_text(encoding="utf-8")
    # the timeline says it spans the chain: a story of one article cites the other's files in it
    assert "### Timeline (across 2 linked stories)" in out.read_text(encoding="utf-8")
    assert "<h2>Timeline (across 2 linked stories)</h2>" in page


def test_a_chains_timeline_is_kept_until_one_of_its_articles_changes(tmp_path, monkeypatch):
    from storyline import timeline, views
    from storyline.store import Store
    from tests.conftest import CORPUS, FIXTURES

    db = str(tmp_path / "store.db")
    storyline("ingest", str(CORPUS), str(FIXTURES / "followup"), "--db", db)
    stories = jsonl(storyline("stories", "--db", db, "--format", "jsonl").stdout)
    later = next(s for s in stories if any("arrests" in a["source"] for a in s["articles"]))
    built = []
    build = timeline.build_timeline
    monkeypatch.setattr(timeline, "build_timeline", lambda *args, **kw: built.append(1) or build(*args, **kw))
    with Store(db) as store:
        first = views.story_detail(store, later["story_id"])  # the story's own timeline, then the chain's
        assert len(first["timeline_stories"]) == 2 and len(built) == 2
        assert views.story_detail(store, later["story_id"])["timeline"] == first["timeline"] and len(built) == 2
        # an article of the earlier story changes: the chain's timeline is built again
        earlier = later["continues"][0]
        store.db.execute("UPDATE articles SET content_hash = 'x' || content_hash WHERE id = "
                         "(SELECT article_id FROM story_articles WHERE story_id = ? LIMIT 1)", (earlier,))
        assert views.story_detail(store, later["story_id"])["timeline"] == first["timeline"] and len(built) == 3


def test_big_stories_are_analysed_once_at_ingest_and_again_only_when_members_change(tmp_path):
    from storyline.analysis import analyze_stale_stories, stale_stories
    from storyline.store import Store
    from tests.conftest import CORPUS

    db = str(tmp_path / "store.db")
    storyline("ingest", str(CORPUS), "--db", db)
    stories = jsonl(storyline("stories", "--db", db, "--format", "jsonl").stdout)
    dam = max(stories, key=lambda s: len(s["articles"]))
    with Store(db) as store:
        stale = stale_stories(store, min_members=len(dam["articles"]))
        assert stale == [dam["story_id"]]  # below PRECOMPUTE_MEMBERS ingest left it to `show`
        assert analyze_stale_stories(store, stale) == 1
        assert stale_stories(store, min_members=len(dam["articles"])) == []
        store.db.execute("UPDATE articles SET content_hash = 'changed' WHERE id = "
                         "(SELECT article_id FROM story_articles WHERE story_id = ? LIMIT 1)", (dam["story_id"],))
        assert stale_stories(store, min_members=len(dam["articles"])) == [dam["story_id"]]


def test_a_person_is_followed_through_two_stories_by_any_spelling(tmp_path):
    """The governor of the dam story opens a school months later: one entity, two stories."""
    from tests.conftest import CORPUS

    later = tmp_path / "later" / "school.txt"
    later.parent.mkdir()
    later.write_text(
        "The Valley Herald\n\nGovernor opens rebuilt school in Korven\n\nMon 2 Sep 2024 | 10:15 AM\n\n"
        "KORVEN, (VH) – Regional governor Oleksandr Kovalenko opened the rebuilt primary school in Korven on "
        "Monday, the first public building finished since the spring floods.\n\n"
        "\"Children will start the year in their own classrooms,\" Kovalenko told reporters at the gate.\n\n"
        "The school's headteacher, Agata Lenz, said 212 pupils had enrolled.\n", encoding="utf-8")
    db = str(tmp_path / "store.db")
    storyline("ingest", str(CORPUS), str(later.parent), "--db", db)
    records = json.loads(storyline("entity", "Олександр Коваленко", "--db", db, "--format", "json").stdout)
    assert len(records) == 1
    record = records[0]
    assert record["type"] == "PERSON" and "Oleksandr Kovalenko" in record["spellings"]
    titles = [s["title"] for s in record["stories"]]
    assert len(titles) == 2 and "school" in titles[-1].lower()  # oldest first: the dam, then the school
    assert any("governor" in r.lower() for r in record["roles"])
    again = json.loads(storyline("entity", record["id"], "--db", db, "--cached", "--format", "json").stdout)
    assert again == [record]
    by_surname = json.loads(storyline("entity", "Kovalenko", "--db", db, "--cached", "--format", "json").stdout)
    assert [r["id"] for r in by_surname] == [record["id"]]
    page = make_app(db)({"PATH_INFO": f"/entity/{record['id']}", "QUERY_STRING": ""}, lambda *a: None)
    html = b"".join(page).decode()
    assert all(s["story_id"] in html for s in record["stories"])
    missing = storyline("entity", "Nobody Atall", "--db", db, check=False)
    assert missing.returncode == 1 and "Nobody Atall" in missing.stderr


def test_a_place_is_found_by_the_name_a_chinese_source_prints(tmp_path):
    """The registry keys names in Latin letters; a user who types 埃及 means Egypt, and its row
    lists the Chinese spelling beside the English one."""
    records = entity_records(tmp_path, {
        "zh.txt": "埃及政府宣布新的水坝计划\n\n2024年3月4日\n\n埃及政府星期一在开罗宣布，将在尼罗河上游修建一座新的"
                  "水坝。官员表示，工程将在明年春天开始，预计耗资二十亿美元。当地居民对这一计划表示关注。\n",
        "en.txt": "Egypt announces new dam plan\n\nMarch 4, 2024\n\nCAIRO - The government of Egypt announced on "
                  "Monday in Cairo that it will build a new dam on the upper Nile. Officials said work would begin "
                  "next spring and cost two billion dollars. Residents voiced concern about the plan.\n"}, "埃及")
    assert [r["name"] for r in records] == ["Egypt"]
    assert {"Egypt", "埃及"} <= set(records[0]["spellings"])


def test_a_surname_finds_the_people_named_in_full_beside_a_one_word_name(tmp_path):
    """"Vollard" is the minister the stories name in full as much as a body one story's tagger
    called "Vollard": both are answered, the one in more stories first."""
    from storyline.store import Store
    from storyline.views import find_entities

    with Store(str(tmp_path / "s.db")) as store:
        for entity_id, kind, key, stories in (("en-a", "ORG", "vollard", ["s1"]),
                                              ("en-b", "PERSON", "henry m vollard jr", ["s1", "s2", "s3"])):
            store.db.execute("INSERT INTO entities(id, name, type, created_at) VALUES (?, ?, ?, '')",
                             (entity_id, key, kind))
            store.db.execute("INSERT INTO entity_keys(key, entity_id) VALUES (?, ?)", (f"{kind}:{key}", entity_id))
            store.db.executemany("INSERT INTO story_entities(story_id, entity_id) VALUES (?, ?)",
                                 [(story, entity_id) for story in stories])
        assert find_entities(store, "Vollard") == ["en-b", "en-a"]
        assert find_entities(store, "Henry M. Vollard Jr.") == ["en-b"]


def test_ingest_weighs_only_stories_it_changed_for_a_fresh_analysis(corpus, tmp_path):
    """After an ingest, the stories whose cached analysis may be stale are those changed since it
    began (or never analysed by this version); and the articles lacking an analysis are found
    among the newest first, the whole store only when the counts disagree."""
    import storyline
    from storyline.analysis import ARTICLE_VERSION, STORY_VERSION, pending_articles, stale_stories
    from storyline.store import Store

    db = str(tmp_path / "news.db")
    storyline.open(db).ingest([str(corpus)])
    with Store(db) as store:
        assert pending_articles(store) == [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY id")]
        store.db.execute("INSERT INTO article_analysis(article_id, version, payload) "
                         "SELECT id, ?, x'00' FROM articles", (ARTICLE_VERSION,))
        assert pending_articles(store) == []
        everyone = stale_stories(store, min_members=1)
        ids = [r[0] for r in store.db.execute("SELECT id FROM stories ORDER BY id")]
        for sid in ids:  # pretend each was analysed and is current
            store.db.execute("INSERT OR REPLACE INTO story_analysis(story_id, members, version, payload) "
                             "VALUES (?, 'x', ?, x'00')", (sid, STORY_VERSION))
        assert set(stale_stories(store, min_members=1)) == set(ids)  # the members' digest disagrees
        assert stale_stories(store, min_members=1, since="9999") == []  # none changed since then
        store.db.execute("UPDATE stories SET updated_at = '9999-01-01' WHERE id = ?", (ids[0],))
        assert stale_stories(store, min_members=1, since="9999") == [ids[0]]
        store.db.execute("UPDATE story_analysis SET version = ? WHERE story_id = ?", (STORY_VERSION - 1, ids[-1]))
        assert stale_stories(store, min_members=1, since="9999") == sorted({ids[0], ids[-1]})
        assert everyone == sorted(everyone)
        articles = [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY id")]
        store.db.execute("DELETE FROM article_analysis WHERE article_id IN (?, ?)", (articles[0], articles[-1]))
        assert pending_articles(store) == [articles[0], articles[-1]]
        store.db.execute("DELETE FROM article_analysis WHERE article_id = ?", (articles[-2],))
        store.db.execute("INSERT INTO article_analysis(article_id, version, payload) "
                         "SELECT ?, version, payload FROM article_analysis LIMIT 1", (articles[0],))
        assert pending_articles(store) == [articles[-2], articles[-1]]


_DATED = """Velna dam gives way near Korven
Published: 14 March 2024 09:40

Governor Oleksandr Kovalenko said on Thursday that the Velna dam gave way near Korven before dawn, flooding the \
lower town and cutting the road to Stavna.
Rescue teams from Korven and Stavna searched the flooded streets through the morning, Kovalenko said, and the \
regional council opened two shelters in the school and the sports hall.
"""
_UNDATED = """Kovalenko inspects Velna dam breach

Governor Oleksandr Kovalenko said on Thursday that engineers had inspected the breach in the Velna dam near Korven \
and that the water was falling in the lower town.
Residents of Korven who spent the night in the shelters were told they could not return before the weekend, \
Kovalenko said, as rescue teams from Stavna kept pumping.
"""


def _dated_and_undated(tmp_path) -> tuple[str, dict]:
    """A store of the two reports above, not analysed yet, and their one story."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dated.txt").write_text(_DATED, encoding="utf-8")
    (corpus / "undated.txt").write_text(_UNDATED, encoding="utf-8")
    db = str(tmp_path / "store.db")
    storyline("ingest", str(corpus), "--db", db, "--embedder", "fast", "--no-analysis")
    (story,) = jsonl(storyline("stories", "--db", db, "--format", "jsonl").stdout)
    return db, story


def test_a_date_implied_by_the_text_is_shown_as_implied(tmp_path):
    db, story = _dated_and_undated(tmp_path)
    implied = {a["source"].rsplit("/", 1)[-1]: a["published_inferred"] for a in story["articles"]}
    assert implied == {"dated.txt": False, "undated.txt": True}
    record = json.loads(storyline("show", story["story_id"], "--db", db, "--format", "json").stdout)
    by_name = {s["source"].rsplit("/", 1)[-1]: s for s in record["sources"]}
    assert by_name["undated.txt"]["published"] == "2024-03-14" and by_name["undated.txt"]["published_inferred"]
    sources = [s["source"] for s in record["sources"]]
    status, page = _get(make_app(db), f"/story/{story['story_id']}?a={sources[0]}&b={sources[1]}")
    assert status.startswith("200") and page.count("2024-03-14 (implied)") == 1
    report = tmp_path / "report.md"
    storyline("report", "--db", db, "--out", str(report))
    assert "2024-03-14 (implied)" in report.read_text(encoding="utf-8")


def test_who_said_what_lists_no_phrase_or_report_that_names_no_one():
    from storyline.views import quotes_once

    def quote(text, kind="direct", speaker=None, speaker_text=None):
        return {"source": "a.txt", "text": text, "kind": kind, "speaker": speaker, "speaker_text": speaker_text}

    quotes = [quote("revolution in military affairs"),
              quote("the bridge would stay shut all winter", kind="indirect"),
              quote("We will not reopen the bridge before the spring floods are over"),
              quote("the bridge would stay shut", kind="indirect", speaker_text="county officials"),
              quote("unsafe", speaker="Arin Tavos")]
    listed = [q["text"] for q, _ in quotes_once(quotes)]
    assert listed == ["We will not reopen the bridge before the spring floods are over",
                      "the bridge would stay shut", "unsafe"]


def test_a_story_not_analysed_yet_says_how_far_its_analysis_got_then_shows(tmp_path):
    import time

    db, story = _dated_and_undated(tmp_path)
    path = f"/story/{story['story_id']}"
    status, page = _get(make_app(db, wait=0), path)
    assert status.startswith("200") and "Analysing this story" in page and "http-equiv='refresh'" in page
    assert " of 2 articles read" in page or "all 2 articles read" in page
    deadline = time.monotonic() + 300
    while "Analysing this story" in page and time.monotonic() < deadline:  # the page reloads itself
        status, page = _get(make_app(db, wait=1), path)
    assert status.startswith("200") and "Who said what" in page and "Analysing" not in page
    # the JSON twin waits for the analysis instead, as `storyline show` does
    status, data = _get(make_app(db, wait=0), f"/api{path}")
    assert json.loads(data)["story_id"] == story["story_id"] and json.loads(data)["entities"]
