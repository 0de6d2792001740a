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


def test_vector_index_grows_from_exact_into_ivf_and_still_finds_neighbours(monkeypatch):
    import numpy as np

    from storyline import ann

    monkeypatch.setattr(ann, "FLAT_LIMIT", 3000)
    rng = np.random.default_rng(2)
    centres = rng.standard_normal((40, 32)).astype(np.float32)
    points = centres[rng.integers(0, 40, 6000)] + 0.3 * rng.standard_normal((6000, 32)).astype(np.float32)
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    index = ann.VectorIndex(32)
    index.add(list(range(2000)), points[:2000])
    assert not index._ivf and index.search(points[7], 1)[0][0] == 7
    for start in range(2000, 6000, 1000):
        index.add(list(range(start, start + 1000)), points[start:start + 1000])
    assert index._ivf and len(index) == 6000
    found = sum(index.search(points[i], 5)[0][0] == i for i in range(0, 6000, 60))
    assert found >= 95  # of 100: own vector first (8-bit codes may swap a near-duplicate)


def test_signal_keys_round_trip_in_the_compact_form_and_old_rows_still_read():
    from storyline.story_store import _decode_keys, encode_keys

    none = frozenset()
    cases = [(frozenset({"velna", "#12", "korven"}), frozenset({"velna", "kor"}), none), (none, none, none),
             (frozenset({"a-b", "o'neil"}), none, none), (frozenset({"#12"}), none, frozenset({"iraq", "baghdad"}))]
    for keys, lead, foreign in cases:
        stored = encode_keys(keys, lead, foreign)
        assert _decode_keys(*stored) == {"keys": keys, "lead_keys": lead, "foreign_keys": foreign}
    keys, lead = encode_keys(*cases[0])
    assert len(keys) + len(lead) < len('["#12", "korven", "velna"]["kor", "velna"]') * 0.7
    assert _decode_keys("#12\nkorven\n\tvelna", "kor") == {"keys": cases[0][0], "lead_keys": cases[0][1],
                                                            "foreign_keys": none}
    assert _decode_keys('["#12", "velna"]', '["velna"]') == {"keys": frozenset({"#12", "velna"}),
                                                            "lead_keys": frozenset({"velna"}), "foreign_keys": none}


def test_the_story_stage_loads_no_model_when_every_article_has_its_vector(corpus, tmp_path, monkeypatch):
    """The ingest workers embed as they clean; the story stage then needs only the stored width."""
    import pytest

    from storyline import stories

    db = str(tmp_path / "news.db")
    storyline.open(db).ingest([str(corpus)])

    def refuse(name):
        raise RuntimeError(f"model {name} loaded")

    monkeypatch.setattr(stories, "get_embedder", refuse)
    with Store(db) as store:
        stories.update_stories(store)
        store.db.execute("DELETE FROM article_signals WHERE article_id = (SELECT min(article_id) FROM article_signals)")
        with pytest.raises(RuntimeError, match="loaded"):
            stories.update_stories(store)


def test_ingest_says_where_its_cpu_went(corpus, tmp_path):
    from storyline.pipeline import ingest_paths

    stats = ingest_paths([str(corpus)], str(tmp_path / "news.db"))
    assert {"clean", "encode", "embed", "keys", "store", "stories"} <= set(stats.cpu_seconds)
    assert all(seconds >= 0 for seconds in stats.cpu_seconds.values())
    assert stats.cpu_seconds["clean"] > 0 and stats.cpu_seconds["stories"] > 0
    assert stats.as_dict()["cpu_seconds"] == stats.cpu_seconds


def test_pending_articles_are_found_past_the_newest_done_and_anywhere_else(corpus, tmp_path):
    """Which articles lack a vector or a story is read from the newest ids when the counts agree,
    else from the whole store: both must find every one."""
    db = str(tmp_path / "news.db")
    storyline.open(db).ingest([str(corpus)])
    with Store(db) as store:
        ids = [r[0] for r in store.db.execute("SELECT article_id FROM article_signals ORDER BY article_id")]
        model = store.get_meta("embedder")
        assert len(ids) >= 4 and ss.unassigned_articles(store) == [] and ss.articles_without_signals(store, model) == []
        store.db.execute("DELETE FROM story_articles WHERE article_id IN (?, ?)", (ids[-1], ids[1]))
        assert sorted(ss.unassigned_articles(store)) == sorted([ids[-1], ids[1]])
        store.db.execute("DELETE FROM story_articles WHERE article_id = ?", (ids[-2],))
        store.db.execute("INSERT INTO story_articles(article_id, story_id, seq) "
                         "SELECT ?, story_id, 99 FROM story_articles LIMIT 1", (ids[1],))
        assert sorted(ss.unassigned_articles(store)) == sorted([ids[-1], ids[-2]])
        store.db.execute("DELETE FROM article_signals WHERE article_id IN (?, ?)", (ids[0], ids[-1]))
        assert ss.articles_without_signals(store, model) == [ids[0], ids[-1]]


def test_a_stale_article_is_weighed_against_its_own_weeks_not_the_months_between(tmp_path):
    """A batch loads the stories around each run of its days: one article re-crawled a year late
    must not make a daily ingest read every story of the year in between."""
    from storyline import stories
    from tests.conftest import one_article_stories

    with Store(str(tmp_path / "s.db")) as store:
        one_article_stories(store, {"st-1": 100, "st-2": 200, "st-3": 300, "st-4": 400})
        store.commit()
        settings = stories.StorySettings()
        assert set(ss.open_stories(store, stories._spans(store, [101, 402], settings))) == {"st-1", "st-4"}
        # undated articles: the stories of the store's latest weeks
        assert set(ss.open_stories(store, stories._spans(store, [], settings))) == {"st-4"}
        assert set(ss.open_stories(store, None)) == {"st-1", "st-2", "st-3", "st-4"}


def test_an_undated_story_closes_after_a_window_of_ingest_time(tmp_path):
    """An undated story cannot age out by publication days; if it never closed, every ingest would
    read every undated story the store ever made. It stays open while articles keep joining it."""
    from tests.conftest import one_article_stories

    with Store(str(tmp_path / "s.db")) as store:
        one_article_stories(store, {"st-1": None, "st-2": None})
        store.db.execute("UPDATE stories SET updated_at = '2020-01-01T00:00:00+00:00' WHERE id = 'st-1'")
        store.commit()
        assert set(ss.open_stories(store, [], "2021-01-01T00:00:00+00:00")) == {"st-2"}
        assert set(ss.open_stories(store, [])) == {"st-1", "st-2"}


def test_a_batchs_days_make_one_span_while_their_windows_overlap():
    from storyline import stories

    settings = stories.StorySettings(window_days=7, link_window_days=60)
    # 100..107 overlap (each reaches 60 days back, 7 on); 300 starts its own span
    assert stories._spans(None, [100, 103, 107, 300], settings) == [(40, 114), (240, 307)]  # type: ignore[arg-type]


def test_a_story_of_untitled_articles_is_named_by_its_central_articles_opening(tmp_path):
    """Feeds and text dumps without titles are common: their stories are named by what the central
    article opens with (cut at a word), not listed as "(untitled)"."""
    db = str(tmp_path / "news.db")
    feed = tmp_path / "feed.jsonl"
    text = ("Firefighters in the river town of Orlava put out a fire at a paper warehouse on Sunday after "
            "working through the night, the regional emergency service said.\n"
            "Nobody was hurt, the service said, and the cause of the fire is not yet known.")
    feed.write_text(json.dumps({"source": "feed/1", "published": "2024-05-05", "text": text}) + "\n",
                    encoding="utf-8")
    run_cli("ingest", str(feed), "--db", db, "--embedder", "fast")
    (story,) = jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout)
    assert story["title"] == "Firefighters in the river town of Orlava put out a fire at a paper warehouse on Sunday…"
    assert story["articles"][0]["title"] is None  # the article keeps what its source gave


def test_an_untitled_story_is_named_from_after_the_stamp_and_dateline_its_text_opens_with(tmp_path):
    """A dump's run-in stamp ("ORLAVA | Sun May 5, 2024 9:12am CET") and a wire dateline ("ORLAVA
    (Wire) -") are how the text opens, not what happened: the name starts at the event."""
    db = str(tmp_path / "news.db")
    feed = tmp_path / "feed.jsonl"
    texts = {
        "fire": "ORLAVA | Sun May 5, 2024 9:12am CET ORLAVA (Wire) - Firefighters in the river town of Orlava put "
                "out a fire at a paper warehouse on Sunday, the regional emergency service said.\n"
                "Nobody was hurt, the service said, and the cause of the fire is not yet known.\n"
                "Crews from three districts worked through the night to keep the flames from the timber yard.\n"
                "The owner, Orlava Paper, said stock worth two million euros had burned in the warehouse.",
        "vote": "DOLNA BRAVA (Wire) - The council of Dolna Brava voted to close the old tram line by the end of "
                "the year, the mayor said.\nBuses will run on the route from January, the mayor told reporters.\n"
                "The line, opened in 1911, carried fewer than four hundred passengers a day last year.",
        # a link's label the dump ran into the text
        "flood": "Full Article Floods closed the Esk valley road for a week, the roads agency said on Friday.\n"
                 "The water rose by two metres overnight and reached the first houses of Lisk.\n"
                 "Farmers moved their herds to the hills, a spokesman for the farmers' union said.",
        # a wire's bullet points, and a company's ticker
        "mill": "UPDATE 2-Orlava Paper shuts its old mill * Two hundred jobs go by May\n"
                "Orlava Paper (ORP.L) will shut its old mill on the river by May, the company said on Monday.\n"
                "The mill opened in 1923 and employs two hundred people, most of them from Lisk.",
        # as a tokenised dump escapes them
        "quarry": "\\* Lisk Stone closes its granite quarry * Forty jobs go\n"
                  "Lisk Stone will close its granite quarry above the Esk valley in June , the company said .\n"
                  "The quarry has supplied the region 's roads with gravel for eighty years .",
        "bank": "Orlava Paper (ORP.L) (ORP.N) agreed on Monday to sell its forests to a pension fund for "
                "two hundred million euros.\nThe sale closes in June, the company said.\n"
                "The fund will lease the forests back to the company for twenty years.",
    }
    feed.write_text("".join(json.dumps({"source": f"feed/{name}", "published": f"2024-0{month}-05",
                                        "text": text}) + "\n"
                            for month, (name, text) in enumerate(texts.items(), start=1)), encoding="utf-8")
    run_cli("ingest", str(feed), "--db", db, "--embedder", "fast")
    titles = {s["articles"][0]["source"].rsplit("/", 1)[-1]: s["title"]
              for s in jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout)}
    assert titles["fire"] == "Firefighters in the river town of Orlava put out a fire at a paper warehouse on Sunday…"
    assert titles["vote"] == "The council of Dolna Brava voted to close the old tram line by the end of the year, the…"
    assert titles["flood"] == "Floods closed the Esk valley road for a week, the roads agency said on Friday."
    assert titles["mill"] == "Orlava Paper shuts its old mill"
    assert titles["quarry"] == "Lisk Stone closes its granite quarry"
    assert titles["bank"] == "Orlava Paper agreed on Monday to sell its forests to a pension fund for two hundred…"


def test_an_untitled_story_is_not_named_by_a_teaser_its_site_prints_on_every_page(tmp_path):
    """A scraped page often opens with a teaser of another story, the same line on every page of the
    site (here for months): each story is named by the first sentence of its own, and the teaser
    names none."""
    db = str(tmp_path / "news.db")
    feed = tmp_path / "feed.jsonl"
    teaser = "Two men charged in death of Velna teen who sang at the harvest festival."
    bodies = {
        "fire": "Firefighters in the river town of Orlava put out a fire at a paper warehouse on Sunday. "
                "Nobody was hurt, the regional emergency service said. Crews from three districts worked "
                "through the night to keep the flames from the timber yard next door. The warehouse owner, "
                "Orlava Paper, said stock worth two million euros had burned and the cause was not known.",
        "vote": "The council of Dolna Brava voted to close the old tram line by the end of the year. "
                "Buses will run on the route from January, the mayor said. The line, opened in 1911, "
                "carried fewer than four hundred passengers a day last year. Tram drivers' union leaders "
                "said they would ask the regional court to halt the closure.",
        "match": "Korven United beat Harbour Athletic three goals to one in the cup final on Saturday. "
                 "The winners' coach praised his defence after the match. Striker Pavel Ruzek scored twice "
                 "in the second half in front of a crowd of twenty thousand. It is the club's first cup "
                 "since 1987, and the players will parade through the city on Monday.",
    }
    feed.write_text("".join(json.dumps({"source": f"site/{name}", "published": f"2024-0{month}-05",
                                        "text": teaser + "\n" + body}) + "\n"
                            for month, (name, body) in enumerate(bodies.items(), start=1)), encoding="utf-8")
    run_cli("ingest", str(feed), "--db", db, "--embedder", "fast")
    titles = {s["articles"][0]["source"].rsplit("/", 1)[-1]: s["title"]
              for s in jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout)}
    assert titles == {"fire": "Firefighters in the river town of Orlava put out a fire at a paper warehouse on Sunday.",
                      "vote": "The council of Dolna Brava voted to close the old tram line by the end of the year.",
                      "match": "Korven United beat Harbour Athletic three goals to one in the cup final on Saturday."}


def _dam_story_with_spanish_copies(corpus, tmp_path) -> tuple[str, dict]:
    """The fixture corpus and three Spanish outlets' copies of its Spanish report: a store read
    mostly in English, whose dam story is told in Spanish at least as often."""
    import shutil

    folder = tmp_path / "news"
    shutil.copytree(corpus, folder)
    spanish = next(json.loads(line) for line in (corpus / "agency.jsonl").read_text(encoding="utf-8").splitlines()
                   if "noticias" in line)
    with open(folder / "copies.jsonl", "w", encoding="utf-8") as out:
        for n, outlet in enumerate(("Diario del Esk", "La Voz de Velna", "Noticias del Valle")):
            copy = dict(spanish, source=f"https://copies.example/{n}", outlet=outlet,
                        title=f"{spanish['title']} ({outlet})")
            out.write(json.dumps(copy, ensure_ascii=False) + "\n")
    db = str(tmp_path / "news.db")
    run_cli("ingest", str(folder), "--db", db)
    stories = jsonl(run_cli("stories", "--db", db, "--format", "jsonl").stdout)
    dam = max(stories, key=lambda s: len(s["articles"]))
    languages = [a["language"] for a in dam["articles"]]
    assert languages.count("es") >= languages.count("en")
    return db, dam


def test_a_story_told_in_several_languages_is_named_in_the_one_most_articles_are_in(corpus, tmp_path):
    """A reader of mostly English sources wants an English name on a story that English outlets
    told too, even where Spanish copies of one wire text sit at its centre."""
    _, dam = _dam_story_with_spanish_copies(corpus, tmp_path)
    assert dam["title"] in {a["title"] for a in dam["articles"] if a["language"] == "en"}


def test_a_story_told_in_several_languages_is_summarised_and_dated_in_its_readers_language(corpus, tmp_path):
    """Sentences are weighed by the words they share: a summary drawn from every language at once
    strings Spanish and English together, and its concepts count within one language only."""
    db, dam = _dam_story_with_spanish_copies(corpus, tmp_path)
    shown = json.loads(run_cli("show", dam["story_id"], "--db", db, "--format", "json").stdout)
    english = {a["source"] for a in shown["articles"] if a["language"] == "en"}
    assert shown["summary"] and shown["timeline"]
    assert all(s["sources"][0] in english for s in shown["summary"] + shown["timeline"])


def test_the_articles_a_story_is_read_in_are_those_of_the_readers_first_language_it_is_told_in():
    from storyline.analysis import readable_articles
    from storyline.model import Article

    def told(source, language):
        return Article(source=source, title=None, text="Text.", language=language, content_hash=source)

    story = [told("a", "es"), told("b", "es"), told("c", "en"), told("d", "nl")]
    assert [a.source for a in readable_articles(story, ["en", "es"])] == ["c"]
    assert [a.source for a in readable_articles(story, ["de", "nl"])] == ["d"]
    assert [a.source for a in readable_articles(story, [])] == ["a", "b"]  # no reader known: the most told
    assert readable_articles(story[:2], ["en"]) == story[:2]  # told in one language: all of it
