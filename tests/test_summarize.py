"""The cited summary on an invented story: four outlets report one ferry accident."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from storyline.model import Article
from storyline.summarize import SummarySettings, summarize
from storyline.summarize_text import split_sentences, stem
from tests.conftest import ROOT

TOLL = "The ferry Blue Heron capsized on Lake Varna on Tuesday evening, killing at least twelve passengers."

ARTICLES = [
    Article(source="alpha.txt", title=None, text=(
        f"{TOLL} Rescue divers from the town of Oskel pulled forty survivors from the cold water overnight. "
        "The regional governor, Mara Tessin, ordered an inquiry into the ferry company that ran the boat. "
        "Why did the ferry sail in such a storm?")),
    Article(source="bravo.txt", title=None, text=(
        "The ferry Blue Heron capsized on Lake Varna on Tuesday evening and killed at least twelve passengers. "
        "Regional governor Mara Tessin ordered an inquiry into the ferry company that operated the vessel. "
        "Local fishermen said the lake had been calm for most of the afternoon before the wind rose.")),
    Article(source="charlie.txt", title=None, text=(
        "At least twelve passengers died when the ferry Blue Heron capsized on Lake Varna on Tuesday evening. "
        "``I saw the boat turn over in seconds and we could do nothing,'' said one witness on the shore. "
        "Rescue divers from Oskel pulled forty survivors from the cold water during the night.")),
    Article(source="delta.txt", title=None, text=(
        "A small bakery in the harbour of Oskel handed out bread and hot tea to the families of survivors. "
        "The ferry Blue Heron capsized on Lake Varna on Tuesday evening, killing at least twelve passengers.")),
]


def _content(text: str) -> set[str]:
    return {w.strip(".,'`").lower() for w in text.split() if len(w) > 3}


def test_every_sentence_is_cited_by_real_articles():
    summary = summarize(ARTICLES, 60)
    assert summary
    known = {a.source for a in ARTICLES}
    for s in summary:
        assert s.sources and set(s.sources) <= known
        assert len(s.sources) == len(set(s.sources))


def test_a_fact_cites_every_article_that_carries_it():
    summary = summarize(ARTICLES, 60)
    toll = [s for s in summary if "capsized" in s.text]
    assert len(toll) == 1
    assert sorted(toll[0].sources) == ["alpha.txt", "bravo.txt", "charlie.txt", "delta.txt"]
    rescue = [s for s in summary if "divers" in s.text]
    for s in rescue:  # reported by alpha and charlie only
        assert sorted(s.sources) == ["alpha.txt", "charlie.txt"]


def test_a_sentence_is_told_without_the_wires_dateline():
    wired = [Article(source=f"w{n}.txt", title=None, text=f"{opening} {TOLL}") for n, opening in
             enumerate(("( Reuters ) -", "(Reuters) -", "(AP) --"))]
    assert [s.text for s in summarize(wired, 60)] == [TOLL]


def test_a_sentence_is_told_without_a_companys_ticker():
    text = "Esk Ferries ( ESK . L ) said its ferry capsized off Korven on Monday , killing nine passengers ."
    assert [s.text for s in summarize([Article(source="t.txt", title=None, text=text)], 60)] == [
        "Esk Ferries said its ferry capsized off Korven on Monday , killing nine passengers ."]


def test_a_factbox_entry_is_told_without_the_factbox_introduction():
    text = ("Here is a timeline of the ferry strike in Korven since it began in March : March 3 , 2031 - "
            "Esk Ferries said its ferry capsized off Korven , killing nine passengers .")
    assert [s.text for s in summarize([Article(source="t.txt", title=None, text=text)], 60)] == [
        "March 3 , 2031 - Esk Ferries said its ferry capsized off Korven , killing nine passengers ."]


def test_best_confirmed_fact_comes_first():
    summary = summarize(ARTICLES, 60)
    assert "capsized" in summary[0].text
    counts = [len(s.sources) for s in summary]
    assert counts == sorted(counts, reverse=True)


def test_no_near_duplicates():
    summary = summarize(ARTICLES, 200)
    for i, a in enumerate(summary):
        for b in summary[i + 1:]:
            shared = _content(a.text) & _content(b.text)
            assert len(shared) < 0.6 * min(len(_content(a.text)), len(_content(b.text))), (a.text, b.text)


@pytest.mark.parametrize("budget", [15, 20, 40, 60, 200])
def test_word_budget_is_respected(budget):
    summary = summarize(ARTICLES, budget)
    assert sum(len(s.text.split()) for s in summary) <= budget
    assert summary  # the toll sentence (17 words) or more fits every budget from 17; 15 may be empty
    if budget >= 40:
        assert len(summary) >= 2


def test_questions_quotes_and_first_person_are_left_out():
    text = " ".join(s.text for s in summarize(ARTICLES, 200))
    assert "?" not in text
    assert "``" not in text and "I saw" not in text


def _summary_of_two_copies(text: str) -> str:
    """The summary of a story of two outlets printing one English text: every sentence is carried by
    both, so what it leaves out, it leaves out for what the sentence is."""
    arts = [Article(source=f"{n}.txt", title=None, text=text, language="en") for n in "ab"]
    return " ".join(s.text for s in summarize(arts, 200))


def test_a_sentence_that_points_back_to_its_article_is_left_out():
    # out of its article, "Previously, ..." or "In this regard, ..." reads as a non sequitur
    text = ("The ferry between Korven and Lisk sank on Tuesday in a storm, the harbour master said. "
            "Previously, the ferry company had asked the council for a second boat for the crossing. "
            "In this regard, the harbour master said the storm had been forecast two days before. "
            "All forty passengers were rescued by fishing boats from Lisk, the coast guard said.")
    chosen = _summary_of_two_copies(text)
    assert "ferry between Korven" in chosen and "Previously" not in chosen and "In this regard" not in chosen
    # nor does "he said" in the middle of a sentence tell whose words they are
    text = ("The ferry between Korven and Lisk sank on Tuesday in a storm, the harbour master said. "
            "Ultimately, he said, the ferry company had asked the council for a second boat for the crossing. "
            "All forty passengers were rescued by fishing boats from Lisk, the coast guard said.")
    chosen = _summary_of_two_copies(text)
    assert "ferry between Korven" in chosen and "he said" not in chosen
    # nor does "this fear" say which
    text = ("The ferry between Korven and Lisk sank on Tuesday in a storm, the harbour master said. "
            "The deputy mayor of Lisk expressed this fear to the council of the harbour on Wednesday. "
            "All forty passengers were rescued by fishing boats from Lisk, the coast guard said.")
    chosen = _summary_of_two_copies(text)
    assert "ferry between Korven" in chosen and "this fear" not in chosen
    from storyline.summarize_text import points_back

    assert points_back("and 71 % do n't think the mayor has been tough enough".split())  # a reply to something
    # a broadcast's talk: "Well , ...", "Of course , ..."
    assert points_back("well and yet these are the people the council has been dealing with".split())
    assert points_back("of course but that then became the story of the week".split())
    assert not points_back("the ferry sank on tuesday".split())


def test_a_photos_caption_and_a_sites_stamped_teaser_are_left_out():
    text = ("Governor Mara Tessin visits the harbour of Oskel in this undated photo . "
            "The ferry between Korven and Lisk sank on Tuesday in a storm , the harbour master said . "
            "Mara Tessin at the harbour of Oskel , a file photo . "
            "March 2 , 2031 04:37 pm | Two men charged in the death of a girl who sang at the harbour festival . "
            "All forty passengers were rescued by fishing boats from Lisk , the coast guard said .")
    chosen = _summary_of_two_copies(text)
    assert "ferry between Korven" in chosen and "photo" not in chosen and "|" not in chosen


def test_what_a_page_tells_its_reader_is_left_out():
    from storyline.summarize import DEFAULT_SETTINGS, _fit

    def fits(text: str) -> bool:
        return _fit(text, text.lower().split(), DEFAULT_SETTINGS)

    assert fits("The ferry between Korven and Lisk sank on Tuesday in a storm , the harbour master said .")
    assert not fits("Watch the next programme on the sinking on Saturday , 7 March at 0330 GMT and 1830 GMT .")
    assert not fits("This clip of the harbour was first broadcast on 3 March 2031 on the evening news .")
    assert not fits("Tune in week nights at 2200 CET for the journey across the harbour towns of Korven and Lisk .")
    assert not fits("( Update 1:34 p.m. in Korven , 6:34 am ET ) The harbour reopened to the fishing boats .")
    # a photographer's credit with no label, run into the next sentence by a flattened page
    assert not fits("Ivo Brandt/AP The events of the past week have raised the tension between the two ports .")
    assert fits("The events of the past week have raised the tension between Korven and Lisk/Oskel ports .")
    from storyline.clean.captions import speaks_to_the_reader

    assert not speaks_to_the_reader("You can see the crowd behind us .")  # a reporter's words on air


def test_empty_and_single_article():
    assert summarize([], 100) == []
    assert summarize([Article(source="x", title=None, text="")], 100) == []
    one = summarize([ARTICLES[1]], 40)
    assert one and all(s.sources == ["bravo.txt"] for s in one)
    assert sum(len(s.text.split()) for s in one) <= 40


def test_any_language_and_settings():
    ru = [Article(source=f"{k}.txt", title=None, text=(
        "Паром «Синяя цапля» перевернулся на озере Варна во вторник вечером, погибли двенадцать пассажиров. "
        f"Губернатор области Мара Тессин распорядилась начать проверку компании номер {k}."))
        for k in range(3)]
    summary = summarize(ru, 30, SummarySettings(min_words=5))
    assert summary and "Паром" in summary[0].text
    assert len(summary[0].sources) == 3


def test_splitter_keeps_abbreviations_and_initials():
    text = ("Gen. Augusto Pinochet met Mr. J. R. Smith at 5 p.m. Tuesday at the U.S. Embassy. "
            "``We will appeal,'' he said. Shares fell 3.5 percent. Why? Nobody knows.\nA new paragraph")
    assert split_sentences(text) == [
        "Gen. Augusto Pinochet met Mr. J. R. Smith at 5 p.m. Tuesday at the U.S. Embassy.",
        "``We will appeal,'' he said.", "Shares fell 3.5 percent.", "Why?", "Nobody knows.", "A new paragraph"]
    # a stock ticker in brackets, as tokenised wire text prints it; a bracketed sentence still ends
    assert split_sentences("Varna Oil ( VARN . VI ) cut its output , the company said . It was the first cut . "
                           "The vote was close (it passed 5-4.) The mayor left .") == [
        "Varna Oil ( VARN . VI ) cut its output , the company said .", "It was the first cut .",
        "The vote was close (it passed 5-4.)", "The mayor left ."]


def test_porter_stems():
    assert [stem(w) for w in ("caresses", "ponies", "relational", "hopping", "generalizations", "killed")] == [
        "caress", "poni", "relat", "hop", "gener", "kill"]
    assert stem("москвы", english=False) == "москвы"


def test_benchmark_smoke_run():
    bench = ROOT / "bench" / "summaries.py"
    if importlib.util.find_spec("rouge_score") is None:
        pytest.skip("rouge-score not installed")
    proc = subprocess.run([sys.executable, str(bench), "--smoke", "--no-baselines"],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    last = proc.stdout.strip().splitlines()[-1]
    if "skipped" in last:
        pytest.skip(last)
    figures = dict(part.split("=", 1) for part in last.split()[1:])
    assert figures["clusters"] == "2" and figures["uncited"] == "0"
    assert float(figures["r2"]) > 0


def test_benchmark_baselines_need_no_download():
    """sumy gets this project's tokenizer, so no NLTK punkt data is fetched."""
    if importlib.util.find_spec("sumy") is None:
        pytest.skip("sumy not installed")
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import summaries
    finally:
        sys.path.remove(str(ROOT / "bench"))
    texts = [a.text for a in ARTICLES] * 3
    for name in summaries.BASELINES:
        out = summaries.sumy_summary(name, texts)
        assert len(out.split()) >= summaries.WORDS, name


def test_chinese_without_spaces_is_summarised():
    text = "渡轮蓝鹭号星期二晚上在瓦尔纳湖倾覆，至少十二名乘客遇难。救援潜水员连夜从冷水中救出四十名幸存者。"
    zh = [Article(source=f"zh{k}.txt", title=None, text=text) for k in range(3)]
    summary = summarize(zh, 40)
    assert summary and summary[0].text.startswith("渡轮")
    assert sorted(summary[0].sources) == ["zh0.txt", "zh1.txt", "zh2.txt"]


def test_exact_selection_beats_greedy_where_greedy_falls_short():
    """Greedy takes the densest sentence first (A: 6 words, weight 4) and then has room for neither
    long one; the best pair (B + C: 10 words, weight 6) covers more. The exact pass finds it."""
    from storyline.summarize import _exact, _Sentence

    def sentence(n: int, length: int, concepts: tuple[int, ...]) -> _Sentence:
        return _Sentence(article=n, index=0, text=f"s{n}", length=length, content=frozenset({f"w{n}"}),
                         bigrams=frozenset(), concepts=concepts)

    a, b, c = sentence(0, 6, (0, 1, 2, 3)), sentence(1, 5, (4, 5, 6)), sentence(2, 5, (7, 8, 9))
    weights = [1.0] * 10
    chosen = _exact([a, b, c], weights, 10, SummarySettings(), incumbent=[a])
    assert sorted(s.text for s in chosen) == ["s1", "s2"]
    assert _exact([a, b, c], weights, 10, SummarySettings(exact_nodes=1), incumbent=[a]) == [a]


def test_a_closing_quote_set_apart_by_tokenised_text_stays_with_its_sentence():
    # PTB-tokenised dumps write `` and '' apart from the words: the quote ends the sentence it closes
    text = "`` It was a hard decision to leave . ''\n`` We stayed . '' Then he left . ''"
    assert split_sentences(text) == ["`` It was a hard decision to leave . ''", "`` We stayed . ''",
                                     "Then he left . ''"]



def test_a_fact_checks_claim_is_never_told_as_a_fact():
    """A fact-check states the claim it checks under a label, then debunks it: the claim is the page's
    subject. Told alone in a summary, it would read as the very falsehood the page refutes."""
    checked = Article(source="check.txt", title=None, text=(
        "Claim\nFormer ambassador Ilse Varga has a net worth of seventeen million dollars.\n"
        "Origin\nOn Friday, former ambassador Ilse Varga testified before the committee in the inquiry.\n"
        "Claim: Ilse Varga owns three houses on the coast of Velna.\n"
        "We found no evidence to support the figures that social media users have shared about her."))
    told = " ".join(s.text for s in summarize([checked], 100))
    assert "testified before the committee" in told
    assert "net worth" not in told and "three houses" not in told


def test_a_machine_translations_loop_is_no_summary_sentence():
    looped = ("The ferry operators said the intercity ferry fares the intercity ferry fares would rise after the "
              "ferry capsized near the harbour on Monday morning.")
    articles = [Article(source=f"{n}.txt", title=None, language="en",
                        text=f"{looped} Rescue teams searched the harbour through the night, the coast guard said.")
                for n in ("a", "b")]
    texts = [s.text for s in summarize(articles, 60)]
    assert texts and not any("fares the intercity" in t for t in texts)
    # a Spanish double surname is a name, not a loop
    named = [Article(source=f"{n}.txt", title=None, language="es",
                     text="Entre los heridos se encuentra Jendry Fernández Fernández, de 26 años, dijo la policía. "
                          "La policía busca a los atacantes en el barrio.") for n in ("a", "b")]
    assert any("Fernández Fernández" in s.text for s in summarize(named, 60))
