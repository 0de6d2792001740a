"""End to end through the public surface: the `storyline` command, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.badinputs import write_bad_inputs

EXTRACT_FIELDS = {"source", "title", "text", "published", "author", "outlet", "language", "dateline",
                  "cited_media", "lines"}


def storyline(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "storyline", *args], capture_output=True, text=True, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def entity_records(tmp_path, texts: dict[str, str], query: str) -> list[dict]:
    """`storyline entity QUERY --format json` on a store of these {file name: text} articles."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "store.db")
    storyline("ingest", str(corpus), "--db", db)
    return json.loads(storyline("entity", query, "--db", db, "--format", "json").stdout)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_extract_prints_the_documented_fields(corpus):
    out = jsonl(storyline("extract", str(corpus / "valley-herald.txt"), str(corpus / "northern-wire.html"),
                          "--format", "jsonl").stdout)
    assert len(out) == 2
    for rec in out:
        assert rec.keys() >= EXTRACT_FIELDS
        assert rec["language"] == "en"
    text, html = out
    assert text["source"].endswith("valley-herald.txt")
    assert all(line["kind"] in {"title", "metadata", "body", "subheading", "caption", "boilerplate"}
               for line in text["lines"])
    assert "Fourteen people were killed" in html["text"]
    assert "Most read" not in html["text"] and "All rights reserved" not in html["text"]
    assert html["published"].startswith("2024-03-14")
    assert html["outlet"] == "Northern Wire"
    assert "Reuters" in html["cited_media"]


def test_ingest_is_idempotent_and_articles_lists_them(corpus, tmp_path):
    db = str(tmp_path / "news.db")
    first = json.loads(storyline("ingest", str(corpus), "--db", db, "--format", "json").stdout)[0]
    assert first["added"] == 7 and first["errors"] == 0
    again = json.loads(storyline("ingest", str(corpus), "--db", db, "--format", "json").stdout)[0]
    assert again["added"] == 0 and again["unchanged"] == 7
    listed = jsonl(storyline("articles", "--db", db, "--format", "jsonl").stdout)
    assert len(listed) == 7
    assert {a["language"] for a in listed} == {"en", "ru", "es"}
    found = jsonl(storyline("articles", "--db", db, "--search", "Kovalenko", "--format", "jsonl").stdout)
    assert found and all("Kovalenko" in a["text"] or "Kovalenko" in (a["title"] or "") for a in found)


def test_bad_inputs_one_line_each_and_nothing_stored_is_lost(tmp_path, corpus):
    bad = tmp_path / "bad"
    expect = write_bad_inputs(bad, huge_mb=31)
    db = str(tmp_path / "news.db")
    storyline("ingest", str(corpus), "--db", db)
    proc = storyline("ingest", str(bad), "--db", db, "--format", "json")
    stats = json.loads(proc.stdout)[0]
    errors = [line for line in proc.stderr.splitlines() if line.strip()]
    assert all(line.startswith("storyline: ") for line in errors)
    for name, outcome in expect.items():
        mentioned = any(name in line for line in errors)
        assert mentioned == (outcome != "ok"), (name, errors)
    assert stats["added"] >= 4  # good.txt, legacy-cp1251.txt, latin1.html, j1, WARC records before the break
    listed = jsonl(storyline("articles", "--db", db, "--format", "jsonl").stdout)
    assert len(listed) == 7 + stats["added"]
    again = json.loads(storyline("ingest", str(bad), "--db", db, "--format", "json").stdout)[0]
    assert again["added"] == 0 and again["updated"] == 0


def test_nothing_ingestible_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = storyline("ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), check=False)
    assert proc.returncode != 0
    error, summary = proc.stderr.strip().splitlines()  # one error line, then the counts
    assert error == f"storyline: {tmp_path / 'empty.txt'}: empty file"
    assert summary.startswith("0 added")


def test_missing_store_and_missing_path_are_clear(tmp_path):
    proc = storyline("articles", "--db", str(tmp_path / "none.db"), check=False)
    assert proc.returncode == 1 and "no such store" in proc.stderr
    proc = storyline("extract", str(tmp_path / "nope.txt"), check=False)
    assert proc.returncode == 1 and "no such file" in proc.stderr


def test_help_teaches_with_examples():
    out = storyline("--help").stdout
    for command in ("extract", "ingest", "articles", "report"):
        assert command in out
    assert "Example" in storyline("ingest", "--help").stdout


def test_report_writes_markdown(corpus, tmp_path):
    db = str(tmp_path / "news.db")
    storyline("ingest", str(corpus), "--db", db)
    report = tmp_path / "report.md"
    storyline("report", "--db", db, "--out", str(report))
    text = report.read_text()
    assert text.startswith("# storyline report") and "7 article(s)" in text


def test_report_names_the_agency_a_dateline_credits_when_the_outlet_is_unknown(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Harbour strike spreads\n\nVARDEN, (NWR) – Dock workers in Varden stopped work on "
                                  "Monday for a third day, the union said.\n\nThe port authority said ships were "
                                  "waiting outside the harbour and cargo was piling up on the quays.\n",
                                  encoding="utf-8")
    db, report = str(tmp_path / "news.db"), tmp_path / "report.md"
    storyline("ingest", str(corpus), "--db", db)
    storyline("report", "--db", db, "--out", str(report))
    assert "| NWR (dateline) |" in report.read_text()


def _quotes_markdown(quotes, label=None):
    from storyline.report import _quotes_markdown as markdown
    from storyline.views import quote_lines

    return markdown(quote_lines({"quotes": quotes}), *([label] if label else []))


def test_report_names_a_channel_only_when_it_is_not_the_speaker():
    lines = _quotes_markdown([
        {"speaker": "BBC", "via": "BBC", "kind": "indirect", "text": "the strikes went on", "source": "a"},
        {"speaker": "Ana Kos", "via": "AFP", "kind": "direct", "text": "We stay", "source": "b"}])
    assert "- **BBC** said, in substance, the strikes went on — _a_" in lines
    assert "- **Ana Kos** (via AFP) said “We stay” — _b_" in lines


def test_a_quote_printed_word_for_word_by_several_sources_is_listed_once():
    from storyline.web.pages import _quotes

    quotes = [{"speaker": "Ana Kos", "kind": "direct", "text": "We stay", "source": "dir/a.txt"},
              {"speaker": "Ana Kos", "kind": "direct", "text": "We  stay", "source": "dir/b.txt"},
              {"speaker": "Ana Kos", "kind": "direct", "text": "We stay", "source": "dir/b.txt"},
              # other words, or another speaker: apart
              {"speaker": "Ana Kos", "kind": "direct", "text": "We will stay", "source": "dir/c.txt"},
              {"speaker": "Ivo Lind", "kind": "direct", "text": "We stay", "source": "dir/c.txt"}]
    lines = [line for line in _quotes_markdown(quotes) if line.startswith("- ")]
    assert lines == ["- **Ana Kos** said “We stay” — _a.txt_ (the same words in b.txt)",
                     "- **Ana Kos** said “We will stay” — _c.txt_",
                     "- **Ivo Lind** said “We stay” — _c.txt_"]
    page = _quotes({"quotes": quotes})
    assert page.count("<li>") == 3 and "a.txt</span> <span class='tag'>b.txt" in page
    # the words quoted inside a report of what the same speaker said there are read with it
    inside = [{"speaker": "Ana Kos", "kind": "indirect", "text": "the option remained “on the table”", "source": "a"},
              {"speaker": "Ana Kos", "kind": "direct", "text": "on the table", "source": "a"},
              {"speaker": "Ivo Lind", "kind": "direct", "text": "on the table", "source": "a"},
              {"speaker": "Ana Kos", "kind": "direct", "text": "on the table", "source": "b"}]
    assert [line for line in _quotes_markdown(inside) if line.startswith("- ")] == [
        "- **Ana Kos** said, in substance, the option remained “on the table” — _a_",
        "- **Ivo Lind** said “on the table” — _a_", "- **Ana Kos** said “on the table” — _b_"]


def test_an_untitled_source_is_listed_by_its_opening_words():
    from storyline.report import story_markdown
    from storyline.views import opening_words

    text = "WASHINGTON _ The ferry between Korven and Lisk sailed again on Tuesday after three days of storms."
    assert opening_words(text, 6) == "The ferry between Korven and Lisk …"
    assert opening_words("Esk Ferries ( ESK . L ) ( ESK . N ) cut its fares on Monday .", 4) == "Esk Ferries cut its …"
    chinese = "渡轮公司周一宣布降低票价。" * 20
    assert opening_words(chinese) == chinese[:90] + " …"
    record = {"title": "Ferry sails again", "story_id": "st-1", "size": 2,
              "articles": [{"source": "a.txt", "title": None}, {"source": "b.txt", "title": "Ferry back"}],
              "sources": [{"source": "a.txt", "opening": opening_words(text, 6)}, {"source": "b.txt", "opening": None}]}
    table = story_markdown(record)
    assert "| _The ferry between Korven and Lisk …_ |" in table and "| Ferry back |" in table


def test_pages_saved_under_a_digest_are_named_by_their_outlet():
    """Crawls and archives save pages under a hash ("432362af…f3.html.gz"): a report citing sixty-
    four hex digits is unreadable, so such a source is its outlet and the digest's first eight."""
    from storyline.views import source_labels

    a = "/crawl/432362af0be43f6da757ea778bd7f2f000094a565bdebac5af7442987a5372f3.html.gz"
    b = "/crawl/ea25dd7edff4d27973600f35728f20aed5a3eedcc23257d9c3afc3d3e840c3de.html.gz"
    c = "/crawl/8b194530308204139d9c8f7d495a26b117c78756ac1802cfc3c0a8bfdf2c0d50.html.gz"
    assert source_labels([a, b, c, "/data/en/7.txt"], {a: "Valley Post", b: "Valley Post"}) == {
        a: "Valley Post 432362af", b: "Valley Post ea25dd7e", c: "8b194530….html.gz", "/data/en/7.txt": "7.txt"}


def test_sources_of_one_name_in_different_folders_are_told_apart_wherever_the_story_cites_them():
    """A corpus that keeps each language's copy under one file name: the report and the web page
    name each by as many folders as tell it apart, in the sources table and in every citation."""
    from storyline.report import story_markdown
    from storyline.views import source_labels
    from storyline.web.pages import story_page

    assert source_labels(["/data/en/7.txt", "/data/es/7.txt", "/data/es/8.txt", "https://a.example/news/7.txt"]) == {
        "/data/en/7.txt": "en/7.txt", "/data/es/7.txt": "es/7.txt", "/data/es/8.txt": "8.txt",
        "https://a.example/news/7.txt": "a.example/7.txt"}
    en, es = "/data/en/7.txt", "/data/es/7.txt"
    record = {"title": "Ferry sails again", "story_id": "st-1", "size": 2,
              "articles": [{"source": en, "title": "Ferry back"}, {"source": es, "title": "Vuelve el ferry"}],
              "sources": [{"source": en}, {"source": es}],
              "summary": [{"text": "The ferry sailed again.", "sources": [en, es]}],
              "timeline": [{"date": "2024-03-05", "text": "The ferry sailed again.", "sources": [es]}],
              "quotes": [{"speaker": "Ana Kos", "kind": "direct", "text": "We sail", "source": es}]}
    report = story_markdown(record)
    assert "| en/7.txt | ? |" in report and "| es/7.txt | ? |" in report
    assert "The ferry sailed again. [en/7.txt, es/7.txt]" in report and "[es/7.txt]" in report
    assert "— _es/7.txt_" in report
    # a chain's timeline cites the linked stories' articles: named apart from these too
    stopped = {"date": "2024-03-01", "text": "The ferry stopped.", "sources": ["/old/es/7.txt"]}
    chained = dict(record, timeline=[stopped])
    assert "[old/es/7.txt]" in story_markdown(chained)
    page = story_page(record, None, None, {en: "The ferry sailed again.", es: "El ferry volvió."})
    assert page.count(">en/7.txt<") >= 3 and ">7.txt<" not in page


def test_an_unnamed_speaker_is_shown_as_the_text_gives_it():
    from storyline.views import speaker_label

    assert speaker_label({"speaker": "Ana Kos", "speaker_text": "the minister"}) == "Ana Kos"
    assert speaker_label({"speaker": None, "speaker_text": "U.N. experts"}) == "U.N. experts (no name given)"
    # a subject that is no kind of source ("severe malnutrition means that ...")
    assert speaker_label({"speaker": None, "speaker_text": "severe malnutrition"}) == "unattributed"
    # an office or a rank speaks for a person the text does not name
    assert speaker_label({"speaker": None, "speaker_text": "a naval officer"}) == "a naval officer (no name given)"
    assert speaker_label({"speaker": None, "speaker_text": "the commanders"}) == "the commanders (no name given)"
    assert speaker_label({"speaker": None, "speaker_text": "Mr."}) == "unattributed"
    assert speaker_label({"speaker": None}) == "unattributed"
    # the head of "X of Y" is its kind
    assert speaker_label({"speaker": None, "speaker_text": "residents of Korven"}) == (
        "residents of Korven (no name given)")
    # a named person's team, a panel: a group that speaks, its members unnamed
    assert speaker_label({"speaker": None, "speaker_text": "Sorel 's team"}) == "Sorel 's team (no name given)"


def test_a_file_saved_twice_is_stored_once_and_listed_in_its_story(tmp_path):
    text = ("The Valley Herald\n\nFerry service resumes after storm\n\nTue 5 Mar 2024\n\n"
            "KORVEN – The ferry between Korven and Lisk sailed again on Tuesday after three days of storms, "
            "the harbour master said.\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ferry.txt").write_text(text, encoding="utf-8")
    (tmp_path / "in" / "ferry (1).txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "store.db")
    storyline("ingest", str(tmp_path / "in"), "--db", db, "--no-analysis")
    [story] = jsonl(storyline("stories", "--db", db, "--format", "jsonl").stdout)
    listed = {a["source"]: a.get("duplicate_of") for a in story["articles"]}
    assert len(listed) == 2 and story["size"] == 1
    assert sorted(v is None for v in listed.values()) == [False, True]
    assert set(listed.values()) - {None} <= set(listed)  # the copy names the stored article


def test_a_quote_is_listed_once_in_the_readers_language_with_its_translations_under_it():
    from storyline.web.pages import _quotes

    record = {
        "articles": [{"source": "en/a.txt", "language": "en"}, {"source": "es/a.txt", "language": "es"},
                     {"source": "es/b.txt", "language": "es"}],
        "summary": [{"text": "Ana Kos stayed.", "sources": ["en/a.txt"]}],
        "quotes": [
            {"speaker": "Ana Kos", "kind": "direct", "text": "We stay", "source": "en/a.txt",
             "also_in": ["es/a.txt"], "confirmations": 2},
            {"speaker": "Ana Kos", "kind": "direct", "text": "Nos quedamos", "source": "es/a.txt",
             "also_in": ["en/a.txt"], "confirmations": 2},
            # the same source's other words, provenance matched with no quote of the reader's
            {"speaker": "Ana Kos", "kind": "direct", "text": "Nadie se va", "source": "es/a.txt"},
            # another speaker's matched words stay apart, as do the unattributed
            {"speaker": "Ivo Lind", "kind": "direct", "text": "Nos quedamos", "source": "es/b.txt",
             "also_in": ["en/a.txt"]},
        ]}
    from storyline.report import _quotes_markdown
    from storyline.views import quote_lines

    lines = [line for line in _quotes_markdown(quote_lines(record)) if line.lstrip().startswith("- ")]
    assert lines == ["- **Ana Kos** said “We stay” — _a.txt_ [2 independent sources]",
                     "  - in a.txt: “Nos quedamos”",
                     "- **Ana Kos** said “Nadie se va” — _a.txt_",
                     "- **Ivo Lind** said “Nos quedamos” — _b.txt_"]
    page = _quotes(record)
    assert page.count("<li>") == 4 and "<ul class='muted'><li>“Nos quedamos”" in page


def test_a_speaker_taken_from_a_translation_says_where_it_was_named():
    from storyline.web.pages import _quotes

    record = {"articles": [{"source": "es/a.txt", "language": "es"}],
              "quotes": [{"speaker": "Ana Kos", "kind": "direct", "text": "Nos quedamos", "source": "es/a.txt",
                          "speaker_from": "en/a.txt"}]}
    assert _quotes_markdown(record["quotes"])[-1] == "- **Ana Kos** (named in a.txt) said “Nos quedamos” — _a.txt_"
    assert "(named in" in _quotes(record)


def test_an_ingest_waits_for_another_writing_to_the_same_store(corpus, tmp_path):
    # Two ingests at once each placed the same new articles in stories, and the second stopped on
    # a UNIQUE constraint with its batch half placed; now the second waits for the first.
    db = str(tmp_path / "news.db")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom storyline.store_lock import writing\n"
                               f"with writing({db!r}):\n    print('held', flush=True)\n    time.sleep(3)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        proc = storyline("ingest", str(corpus), "--db", db, "--no-analysis")
    finally:
        holder.wait(timeout=60)
    assert "another ingest is writing to this store; waiting" in proc.stderr
    stories = jsonl(storyline("stories", "--db", db, "--format", "jsonl").stdout)
    placed = [a["source"] if isinstance(a, dict) else a for s in stories for a in s["articles"]]
    assert len(placed) == len(set(placed)) == 7


def test_each_row_of_the_reports_tables_stays_on_one_line():
    from storyline.report import story_markdown

    record = {"title": "Ferry sails again", "story_id": "st-1", "size": 1,
              "articles": [{"source": "a.txt", "title": "Ferry | back\nagain"}], "sources": [{"source": "a.txt"}],
              "entities": [{"name": "Esk Ferries", "type": "ORG", "roles": ["owner | operator"],
                            "spellings": ["Esk Ferries\n\n", "ESK"], "mentions": [{"source": "a.txt"}]}]}
    rows = [line for line in story_markdown(record).splitlines() if line.startswith("|")]
    assert "| Esk Ferries | ORG | owner / operator | Esk Ferries, ESK | 1 |" in rows
    assert any("| Ferry / back again |" in row for row in rows)
    assert all(row.endswith("|") and row.count("|") == rows[0].count("|") for row in rows[:3])
