"""Quotes on invented articles: quote marks of every kind, speakers before/after/around the
quote, pronouns and descriptions, bodies as speakers, channels, Russian and German by rules."""

from __future__ import annotations

import pytest

from storyline.clean.media import find_cited_media
from storyline.entities.ner import find_mentions
from storyline.model import Article, Mention, Quote
from storyline.quotes import find_quotes
from storyline.quotes_marks import find_quote_spans
from storyline.quotes_speakers import gender_of
from tests.conftest import FIXTURES

QUOTES = FIXTURES / "quotes"


def _article(name: str, language: str) -> Article:
    text = (QUOTES / name).read_text(encoding="utf-8")
    return Article(source=name, title=None, text=text, language=language)


def _persons(text: str, *names: str) -> list[Mention]:
    """The people a tagger would find in `text`, at their first printing."""
    return [Mention("s", n, text.index(n), text.index(n) + len(n), "PERSON", 0) for n in names]


def _find(quotes: list[Quote], starts: str) -> Quote:
    hits = [q for q in quotes if starts.casefold() in q.text.casefold()]
    assert hits, f"no quote holds {starts!r}: {[q.text[:40] for q in quotes]}"
    return hits[0]


# --- quote marks ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("He said: «Это „хорошо“ и всё». Then", ["Это „хорошо“ и всё"]),
    ("„Wir sind bereit“, sagte er.", ["Wir sind bereit"]),
    ("Elle a dit : « Nous irons en appel. » Puis", ["Nous irons en appel."]),  # French spacing
    ("He said 'we will win' and left.", ["we will win"]),
    ('"First part," he said. "Second part."', ["First part", "Second part."]),
    ("Moscow’s view and the Armenians’ view were not quoted.", []),
    ("Violence during the late '80s and into the '90s. “It was war,” he said.", ["It was war"]),
    ('They agree ", - reported the agency.', []),  # a stray closing mark opens nothing
    ("“Opening paragraph\n\n“Second paragraph of the same speech.” he said.",
     ["Opening paragraph Second paragraph of the same speech."]),
    # a quote never closed, the same mark opening again sentences later: two quotes, not one
    ("Fans wrote “HE IS HUMAN.. The mayor had denounced “all violence” as “a shame,” they said. Later “it ended.”",
     ["HE IS HUMAN..", "all violence", "a shame", "it ended."]),
    ("“He told me “go home” and left,” she said.", ["He told me “go home” and left"]),  # one sentence: nested
    # a speech's next paragraph reopened where a dump lost the break: still one quote
    ("“We were fair to him.  “But we respect the courts.  “We wait,” he said.", 1),
    # a closing mark set against the attribution after it opens nothing
    ("we can see our own level of humanity, ”he added. Read also: the fire on Velna street.", []),
])
def test_quote_marks(text: str, want: list[str] | int) -> None:
    found = [s.text(text) for s in find_quote_spans(text)]
    assert len(found) == want if isinstance(want, int) else found == want


def test_unclosed_quote_stops_at_its_paragraph() -> None:
    text = "He said “this never closes\n\nA new paragraph.\n\nAnother one.\n\nAnd more.\n\nThe end."
    spans = find_quote_spans(text)
    assert len(spans) == 1 and spans[0].text(text) == "this never closes" and not spans[0].closed


# --- English -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def flood() -> list[Quote]:
    return find_quotes(_article("flood_en.txt", "en"), [])


def test_speaker_after_quote_with_channel(flood: list[Quote]) -> None:
    q = _find(flood, "We will not allow the river")
    assert (q.kind, q.speaker, q.via) == ("direct", "Anna Kovalenko", "Reuters")


def test_quote_without_verb_continues_previous_speaker(flood: list[Quote]) -> None:
    assert _find(flood, "The repairs are finished").speaker == "Anna Kovalenko"


def test_pronoun_skips_person_of_other_gender(flood: list[Quote]) -> None:
    q = _find(flood, "the government would pay")
    assert (q.kind, q.speaker_text, q.speaker) == ("indirect", "She", "Anna Kovalenko")


def test_surname_is_named_in_full_and_according_to_him(flood: list[Quote]) -> None:
    assert _find(flood, "The water level is falling").speaker == "Pavel Drozdov"
    q = _find(flood, "300 families have already returned")
    assert (q.kind, q.speaker) == ("indirect", "Pavel Drozdov")


def test_body_as_speaker_before_colon(flood: list[Quote]) -> None:
    q = _find(flood, "Foreign volunteers are welcome")
    assert q.speaker == "Valdorian Foreign Ministry" and q.via is None


def test_reported_speech_with_interview_channel(flood: list[Quote]) -> None:
    q = _find(flood, "the damage was larger than expected")
    assert (q.kind, q.speaker, q.via) == ("indirect", "Tomas Berg", "Radio Lumen")


def test_description_and_quote_over_two_paragraphs(flood: list[Quote]) -> None:
    q = _find(flood, "The next storm could be worse")
    assert "we need them this year" in q.text and q.speaker == "Tomas Berg"
    assert _find(flood, "roads to the north").speaker == "Pavel Drozdov"  # "the spokesman"


def test_offsets_point_into_the_text(flood: list[Quote]) -> None:
    text = (QUOTES / "flood_en.txt").read_text(encoding="utf-8")
    for q in flood:
        assert 0 <= q.start < q.end <= len(text)
        if q.kind == "direct":
            assert q.text.split()[0] in text[q.start:q.end]


def test_machine_translated_english() -> None:
    quotes = find_quotes(_article("mt_en.txt", "en"), [])
    q = _find(quotes, "he excludes a new mobilisation")
    assert (q.speaker, q.via) == ("Igor Salnikov", "Tessa")
    assert _find(quotes, "not likely to extend").speaker == "Igor Salnikov"  # "the Valdorian expert"
    assert _find(quotes, "The situation is under control").speaker == "Marta Olenik"
    assert _find(quotes, "There is no reason for panic").speaker == "Marta Olenik"
    assert _find(quotes, "help the farmers").speaker == "Valdorian Foreign Ministry"


def test_given_mentions_are_used() -> None:
    text = "Jon Arvik spoke in Tarn on Monday.\n\n“Prices will fall by spring,” the minister said."
    art = Article(source="s", title=None, text=text, language="en")
    bare = Mention("s", "Jon Arvik", 0, 9, "PERSON", 0)
    titled = Mention("s", "Jon Arvik", 0, 9, "PERSON", 0, role="finance minister")
    # Only the entity stage knows his title here: without it "the minister" stays unknown.
    assert find_quotes(art, [bare])[0].speaker is None
    assert find_quotes(art, [titled])[0].speaker == "Jon Arvik"


def test_description_with_another_nationality_is_not_resolved() -> None:
    text = ("“We are ready to talk to everyone,” said Prime Minister Mirna Kos.\n\n"
            "The Turkish president said that the border would stay open.")
    q = _find(find_quotes(Article(source="s", title=None, text=text, language="en"), []), "the border would stay")
    assert q.speaker_text == "The Turkish president" and q.speaker is None


def test_scare_quotes_are_not_speech() -> None:
    text = "The so-called “peace plan” was discussed by the “Minsk group” in Geneva."
    assert find_quotes(Article(source="s", title=None, text=text, language="en"), []) == []


# --- other languages -----------------------------------------------------------------------------

def test_russian_rules() -> None:
    quotes = find_quotes(_article("ru.txt", "ru"), [])
    q = _find(quotes, "Мы закончили ремонт")
    assert q.kind == "direct" and q.speaker is not None and "Петренко" in q.speaker
    q = _find(quotes, "мост через реку")
    assert q.kind == "indirect" and q.speaker is not None and "Петренко" in q.speaker
    q = _find(quotes, "Автобусы пойдут")
    assert q.speaker is not None and "Смирнова" in q.speaker


def test_chinese_and_japanese_quotes_stand_between_characters() -> None:
    zh = Article(source="zh.txt", title=None, language="zh",
                 text="部长周五在议会表示：“我们不会允许这种情况继续下去，我们将采取一切必要措施。”他还称这次袭击是“懦弱的行为”。"
                      "“我们已经做好了准备，随时可以行动，”2020 年上任的部长说。")
    assert [q.text for q in find_quotes(zh, [])] == [  # a term in marks, three words or fewer, is none
        "我们不会允许这种情况继续下去，我们将采取一切必要措施。", "我们已经做好了准备，随时可以行动，"]
    ja = Article(source="ja.txt", title=None, language="ja",
                 text="首相は記者会見で「経済の回復を最優先に取り組む」と述べた。")
    assert [q.text for q in find_quotes(ja, [])] == ["経済の回復を最優先に取り組む"]
    # Korean writes its particle onto the closing mark
    said = "우리는 모든 필요한 조치를 취할 것이며 국민의 안전을 최우선으로 하겠다"
    ko = Article(source="ko.txt", title=None, language="ko", text=f"대통령은 이날 “{said}”라고 말했다.")
    assert [q.text for q in find_quotes(ko, [])] == [said]


def test_german_by_quote_marks() -> None:
    art = _article("de.txt", "de")
    text = art.text
    start = text.index("Tomas Berg")
    mentions = [Mention("de.txt", "Tomas Berg", start, start + 10, "PERSON", 0),
                Mention("de.txt", "Berg", text.index("Berg der"), text.index("Berg der") + 4, "PERSON", 1)]
    q = _find(find_quotes(art, mentions), "Wir haben das Schlimmste")
    assert q.speaker == "Tomas Berg"


def test_gender_from_name_shape() -> None:
    assert gender_of("Anna Kovalenko") == "f"
    assert gender_of("Pavel Drozdov") == "m"
    assert gender_of("Ms. Lind") == "f"
    assert gender_of("Carey Smith") is None


@pytest.fixture(scope="module")
def styles() -> list[Quote]:
    return find_quotes(_article("styles_en.txt", "en"), [])


@pytest.mark.parametrize(("starts", "speaker", "via"), [
    ("We are not going to pay twice", "Jonas Varga", None),        # "the minister"
    ("Any change must be agreed", "Jonas Varga", None),            # "he said, adding:"
    ("The price will stay the same", "Elena Marsh", None),         # "X, who …, said:"
    ("the talks would resume", "Jonas Varga", "TASS"),             # "X was quoted by TASS as saying"
    ("the commission had", "Elena Marsh", "Reuters"),              # "Reuters quoted X as saying"
    ("has violated the agreement", "Jonas Varga", None),           # '"…," - said X'
    ("This is a political dispute", "Petr Holub", None),           # "X: «…»"
    ("nobody will freeze", "Petr Holub", None),                    # "According to X, «…»"
    ("The pipeline is safe", "Karel Dvorak", None),                # "This was stated by X"
    ("repaired within ten days", "Ministry of Energy of Valdoria", None),
    ("We warned our partners", "Valdorian Foreign Ministry", None),  # an unnamed spokesman: the body
    ("The shelling continued", "regional administration", None),  # "said in the administration"
    ("meet again on Friday", "Elena Marsh", "Telegram"),
    ("Gas supplies to Europe", "Jonas Varga", "Kommersant"),
    ("We have enough reserves", "Jonas Varga", "Kommersant"),   # the same interview goes on
    ("The negotiations were difficult", "Jonas Varga", None),      # "the diplomat": the foreign minister
])
def test_attribution_styles(styles: list[Quote], starts: str, speaker: str, via: str | None) -> None:
    q = _find(styles, starts)
    assert (q.speaker, q.via) == (speaker, via)


@pytest.mark.parametrize(("starts", "kind", "speaker"), [
    ("Valdoria does not want to take part", "indirect", "Oskar Lind"),  # "CLAUSE, the expert said." named after
    ("the army has not received", "indirect", "Oskar Lind"),             # "As X noted, CLAUSE"
    ("the government should first invest", "indirect", "Oskar Lind"),    # "In the words of the expert,"
    ("but not under pressure", "direct", "Mirna Kos"),                   # speaker between two halves
])
def test_reported_speech_forms(starts: str, kind: str, speaker: str) -> None:
    q = _find(find_quotes(_article("styles2_en.txt", "en"), []), starts)
    assert (q.kind, q.speaker) == (kind, speaker)


@pytest.mark.parametrize(("starts", "speaker", "via"), [
    ("We will respond to any provocation", "Ivan Orlov", None),  # « », - said the representative of … NAME
    ("He told me", "Vladimir Petrov", None),                     # a quote nested inside the quote
    ("The second round will be harder", "Ivan Orlov", None),     # surname alone, named in full before
    ("We have no information", None, None),                      # "a source in the ministry" stays unnamed
    ("The agency's data is incomplete", None, None),             # "the source", not the last speaker
    ("the roads were open", "Irina Volk", "a press conference"),
    ("Both sides fired", "J. Harris", "a briefing"),
    ("We are monitoring the situation", "Sergey Lavin", None),   # not J. Harris, "the head of" another body
])
def test_machine_translated_attributions(starts: str, speaker: str | None, via: str | None) -> None:
    q = _find(find_quotes(_article("styles3_en.txt", "en"), []), starts)
    assert (q.speaker, q.via) == (speaker, via)


@pytest.mark.parametrize(("starts", "speaker", "via"), [
    ("Кремль не планирует", "Олег Ветров", None),            # X заявил журналистам, что …
    ("Мы не видим для этого оснований", "Олег Ветров", "RIA Novosti"),  # «…», — сказал он, … РИА Новости
    ("позиция Москвы не изменилась", "Олег Ветров", None),    # По словам Ветрова (genitive), …
    ("Ситуация остается сложной", "Анна Белова", "TASS"),     # the agency is the channel, not the speaker
])
def test_russian_speakers_and_channels(starts: str, speaker: str, via: str | None) -> None:
    q = _find(find_quotes(_article("ru2.txt", "ru"), []), starts)
    assert (q.speaker, q.via) == (speaker, via)


def test_speaker_announced_at_the_end_of_the_paragraph_before() -> None:
    quotes = find_quotes(_article("block_en.txt", "en"), [])
    assert _find(quotes, "We have nothing to add").speaker == "Oleg Sarkis"
    q = _find(quotes, "The government has failed again")
    assert (q.speaker, q.via) == ("Dana Rees", "Facebook")


@pytest.mark.parametrize(("starts", "speaker", "via"), [
    ("We will not give up an inch", "Nikol Varian", None),   # "hammered X" (a martelé)
    ("the talks would continue", "Anna Lusin", "AFP"),       # "indicated to AFP that …"
    ("This is a humanitarian disaster", "Paul Meyer", "Le Monde"),  # "…, NAME, in an interview granted to X"
])
def test_english_translated_from_french(starts: str, speaker: str, via: str | None) -> None:
    q = _find(find_quotes(_article("french_mt_en.txt", "en"), []), starts)
    assert (q.speaker, q.via) == (speaker, via)


def test_surname_goes_to_the_nearest_full_name() -> None:
    text = ("Karl Brenner founded the party in 1990. His son Lukas Brenner leads it today.\n\n"
            "“We will win the election in the autumn,” Brenner said on Monday.")
    art = Article(source="s", title=None, text=text, language="en")
    mentions = _persons(text, "Karl Brenner", "Lukas Brenner")
    at = text.index("Brenner said")
    mentions.append(Mention("s", "Brenner", at, at + 7, "PERSON", 2))
    assert find_quotes(art, mentions)[0].speaker == "Lukas Brenner"


def test_french_by_rules() -> None:
    art = _article("fr.txt", "fr")
    mentions = [Mention("fr.txt", n, i, i + len(n), "PERSON", 0)
                for n in ("Jean Morel", "Claire Dumas") for i in [art.text.index(n), art.text.rindex(n)]]
    quotes = find_quotes(art, mentions)
    q = _find(quotes, "Nous ne reculerons pas")
    assert (q.kind, q.speaker, q.via) == ("direct", "Jean Morel", "AFP")
    q = _find(quotes, "les négociations reprendront lundi")
    assert (q.kind, q.speaker) == ("indirect", "Claire Dumas")  # "Selon le porte-parole …, Claire Dumas, …"


DUMP_MARKS = [
    # Dutch: two marks spaced apart close a quote; "hij" is the last man named
    ("nl", "Ivo Vellen , topman van Vantex , sprak het publiek toe .\n"
           "Hij zei : ``Het Vantex dat u kende , is nu geschiedenis ' ' en beschreef een ``nieuw Vantex ' ' .\n"
           "``Dit is een uitzonderlijke situatie . ' '\nDe aandelen stegen .",
     "Ivo Vellen", "Het Vantex dat u kende", "Het Vantex dat u kende , is nu geschiedenis"),
    # Spanish: treebank marks open, a straight mark closes, over two lines; "dijo" without a subject
    ("es", "El presidente Ivo Vellan habló en la televisión .\n`` No hay tarea más importante que la estabilidad .\n"
           "Esa es nuestra prioridad \" , dijo Vellan .\n"
           "`` Esperamos que los bancos no gasten estos fondos \" , dijo , `` sino que mantengan su liquidez \" .",
     "Ivo Vellan", "Esperamos que los bancos", "Esperamos que los bancos no gasten estos fondos"),
]


@pytest.mark.parametrize(("language", "text", "person", "opening", "quoted"), DUMP_MARKS)
def test_quotes_in_dumps_close_at_their_marks_and_a_pronoun_or_a_bare_verb_speaks_for_the_last_man(
        language: str, text: str, person: str, opening: str, quoted: str) -> None:
    at = text.index(person)
    quotes = find_quotes(Article(source="x.txt", title=None, text=text, language=language),
                         [Mention("x.txt", person, at, at + len(person), "PERSON", 0)])
    q = _find(quotes, opening)
    assert (q.text, q.speaker) == (quoted, person)
    assert all(q.speaker == person for q in quotes if q.text.startswith(("No hay", "Dit is")))
    assert not any("aandelen" in q.text or ("nuestra prioridad" in q.text and "No hay" not in q.text) for q in quotes)


def test_views_reported_with_that() -> None:
    quotes = find_quotes(_article("stance_en.txt", "en"), [])
    q = _find(quotes, "the talks would succeed")  # "expressed confidence that …"
    assert (q.kind, q.speaker) == ("indirect", "Jon Arvik")
    q = _find(quotes, "the army will not intervene")  # "He is convinced that …"
    assert (q.kind, q.speaker) == ("indirect", "Jon Arvik")


def test_surname_tagged_as_a_common_noun() -> None:
    text = ("Doug Ferrand, the company's chief engineer, spoke on Friday.\n\n"
            "“As we were placing the dome over the leak a large volume of ice formed,” Suttles said. "
            "“We moved it aside.”")
    text = text.replace("Ferrand", "Suttles")
    quotes = find_quotes(Article(source="s", title=None, text=text, language="en"), [])
    assert _find(quotes, "As we were placing the dome").speaker == "Doug Suttles"


def test_the_spokesperson_of_a_body_introduced_unnamed() -> None:
    text = ("A spokesperson for Nortex Holding, the owner of the plant, rejected the accusation. “All repair work "
            "at the plant is carried out with written permits,” the spokesperson said.")
    quotes = find_quotes(Article(source="s", title=None, text=text, language="en"), [])
    assert _find(quotes, "All repair work").speaker == "Nortex Holding"


def test_a_name_in_quote_marks_is_no_quote() -> None:
    text = ("«Пожар локализован в четыре часа утра. Пожарные продолжают охлаждать резервуары», — сказала "
            "Сереброва агентству «Балтинформ».")
    quotes = find_quotes(Article(source="s", title=None, text=text, language="ru"), [])
    assert [q.text for q in quotes if "Балтинформ" in q.text] == []
    assert _find(quotes, "Пожар локализован").kind == "direct"


def test_a_quote_keeps_the_channel_its_speaker_gave_just_before() -> None:
    text = ("The spokeswoman of the State Fire Service Olga Srebrova said in statements to the \"Baltinform\" agency, "
            "today, Thursday, that the fire started around 23:40 in the workshop of the solvents and spread on an "
            "area of 2,000 square meters. «The fire was localized at 4 in the morning», Srebrova said.\n\n"
            "«We are checking every tank», Srebrova added.")
    art = Article(source="s", title=None, text=text, language="en", cited_media=find_cited_media(text))
    quotes = find_quotes(art, [])
    assert _find(quotes, "the fire started").via == "Baltinform"
    assert _find(quotes, "The fire was localized").via == "Baltinform"
    assert _find(quotes, "We are checking").via is None  # another paragraph: not said


def test_court_and_wire_constructions() -> None:
    text = ("Baku/12.04.23/Turan: The Baku Grave Crimes Court on Wednesday sentenced the former mayor of Sumgait, "
            "Ruslan Gafarov, to 9 years in prison. Judge Aynur Mammadova said the evidence was convincing.\n\n"
            "\"I am innocent. This is revenge for my political views,\" the defendant said in his last word.\n\n"
            "In a statement to \"Sputnik\" agency, the head of the Red Crescent Kerem Kinik said: \"We have sent 500 "
            "tents to the affected areas.\"\n\n"
            "Maria Lopez, a resident of Antakya, said \u2033our whole street is gone\u2033.")
    art = Article(source="s", title=None, text=text, language="en", cited_media=find_cited_media(text))
    quotes = find_quotes(art, [])
    assert _find(quotes, "I am innocent").speaker == "Ruslan Gafarov"  # "the defendant": the one sentenced
    q = _find(quotes, "We have sent 500 tents")
    assert (q.speaker, q.via) == ("Kerem Kinik", "Sputnik")  # the channel heads the sentence
    q = _find(quotes, "our whole street is gone")
    assert (q.kind, q.speaker) == ("direct", "Maria Lopez")  # double primes as quote marks


def test_french_inversion_selon_and_que_clauses() -> None:
    text = ("« Nous avons besoin de tentes », a déclaré le gouverneur Miroslav Tabarine à l'AFP.\n\n"
            "Le porte-parole du ministère, Teodor Malek, a indiqué que les secours avaient retiré 19 personnes "
            "vivantes des décombres. « Les recherches continueront toute la nuit », a-t-il ajouté.\n\n"
            "La présidente Katarina Velesova s'est rendue à Yarkesh. Selon elle, « aucune famille ne sera laissée "
            "seule ».")
    art = Article(source="s", title=None, text=text, language="fr")
    mentions = _persons(text, "Miroslav Tabarine", "Teodor Malek", "Katarina Velesova")
    quotes = find_quotes(art, mentions)
    q = _find(quotes, "les secours avaient retiré")
    assert (q.kind, q.speaker) == ("indirect", "Teodor Malek")
    assert _find(quotes, "Les recherches continueront").speaker == "Teodor Malek"  # a-t-il ajouté
    assert _find(quotes, "aucune famille").speaker == "Katarina Velesova"  # Selon elle


def test_the_subject_before_an_apposition_speaks_not_the_name_inside_it() -> None:
    text = ("Katarina Velesova, cheffe du parti du président Miroslav Tabarine, a confirmé lundi qu'elle ne se "
            "présenterait pas aux élections de l'année prochaine.\n\nLe porte-parole, Teodor Malek, a indiqué que "
            "les secours avaient retiré 19 personnes des décombres.")
    art = Article(source="s", title=None, text=text, language="fr")
    mentions = _persons(text, "Katarina Velesova", "Miroslav Tabarine", "Teodor Malek")
    quotes = find_quotes(art, mentions)
    assert _find(quotes, "elle ne se présenterait").speaker == "Katarina Velesova"
    assert _find(quotes, "les secours avaient retiré").speaker == "Teodor Malek"  # no one before the apposition


@pytest.mark.parametrize("dateline", ["Tarn/04.03.31/Velpress: ", "TARN, (VP) – ", "Tarn, March 4 (Velpress) - "])
def test_reported_speech_starts_after_the_wire_dateline(dateline: str) -> None:
    text = f"{dateline}The army does not want to fight in the north, general Igor Salnikov said.\n\nTalks go on."
    quotes = find_quotes(Article(source="s", title=None, text=text, language="en"), [])
    assert [(q.speaker, q.text) for q in quotes] == [("Igor Salnikov", "The army does not want to fight in the north")]
    assert text[quotes[0].start:quotes[0].end] == quotes[0].text


def test_treebank_quote_marks_are_direct_speech() -> None:
    # DUC and other Penn Treebank dumps print ``...'' for quote marks
    text = ("The harvest failed, Red Cross president Mara Tolen said on Monday. ``This is really part of daily "
            "life,'' Tolen said. ``We have no choice.''")
    quotes = find_quotes(Article(source="s", title=None, text=text, language="en"), [])
    direct = {q.text: q.speaker for q in quotes if q.kind == "direct"}
    assert direct == {"This is really part of daily life": "Mara Tolen", "We have no choice.": "Mara Tolen"}
    assert not any("``" in q.text or "''" in q.text for q in quotes)
    # offsets point into the text as printed, marks included
    assert {text[q.start:q.end] for q in quotes if q.kind == "direct"} == {
        "``This is really part of daily life,''", "``We have no choice.''"}
    # a partial quote inside reported speech stays inside it
    reported = find_quotes(Article(source="s", title=None, language="en", text=(
        "Mara Tolen, the mayor, said that ``tried and tested plans'' were in place.")), [])
    assert {(q.kind, q.text) for q in reported} == {("direct", "tried and tested plans"),
                                                    ("indirect", "“tried and tested plans” were in place")}
    # a token corpus spaces the marks and sets clitics apart ("do n't", "today 's")
    tokens = ("Mara Tolen , an analyst , said that `` I do n't think anyone has much confidence . '' "
              "Today 's trading was calm .")
    [quote] = find_quotes(Article(source="s", title=None, text=tokens, language="en"), [])
    assert (quote.kind, quote.speaker, quote.text) == ("direct", "Mara Tolen",
                                                       "I do n't think anyone has much confidence .")
    assert tokens[quote.start:quote.end] == "`` I do n't think anyone has much confidence . ''"


def test_token_corpus_straight_marks_and_apostrophes() -> None:
    # A token corpus spaces straight marks on both sides, a plural's possessive ("Vance ' firm") and
    # a name's particle ("O 'Hara"): the apostrophes open no quote, the spaced marks pair up.
    text = ("A different view came from Sean O 'Connor , a historian at Tarn University , who said , \" Old "
            "firms rarely survive a second founder \" .\nLena Vance attributes the Vance ' firm 's rise to "
            "patience .\nShe states \" We never shipped anything before it was ready . \"\n"
            "Ivo Brandt left in a letter to the board stating , \" I have always said I would go once the work "
            "was done .\nThat day has come . \"")
    spans = [s.text(text) for s in find_quote_spans(text)]
    assert spans == ["Old firms rarely survive a second founder",
                     "We never shipped anything before it was ready .",
                     "I have always said I would go once the work was done . That day has come ."]
    article = Article(source="s", title=None, text=text, language="en")
    quotes = find_quotes(article, find_mentions(article))
    direct = {q.text.split()[0]: q.speaker for q in quotes if q.kind == "direct"}
    # the description's person ("a historian ..., who said"), a pronoun after a weak verb right
    # before the quote, the writer of the letter a participle hangs on
    assert direct == {"Old": "Sean O 'Connor", "We": "Lena Vance", "I": "Ivo Brandt"}
    # the speech inside a direct quote is no quote of its own
    assert not [q for q in quotes if q.kind == "indirect" and "would go" in q.text]


def test_straight_opening_mark_closed_the_treebank_way() -> None:
    # Some dumps open with a straight mark and close with the treebank's ''
    text = ("\" Calm , patient , and never late , '' said Ines Moor , a neighbour .\n"
            "\" We will miss her , '' Moor said .")
    article = Article(source="s", title=None, text=text, language="en")
    quotes = find_quotes(article, find_mentions(article))
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [
        ("direct", "Ines Moor", "Calm , patient , and never late"), ("direct", "Ines Moor", "We will miss her")]
    assert [text[q.start:q.end] for q in quotes] == ["\" Calm , patient , and never late , ''",
                                                      "\" We will miss her , ''"]


def test_rules_attribute_past_a_middle_initial() -> None:
    text = ("La oficina admitió la protesta .\n\" Nuestra revisión nos llevó a concluir que hubo errores \" , dijo "
            "Marta R. Velasco , abogada de la oficina .")
    article = Article(source="s", title=None, text=text, language="es")
    [quote] = [q for q in find_quotes(article, find_mentions(article)) if q.kind == "direct"]
    assert (quote.speaker, quote.text) == ("Marta R. Velasco", "Nuestra revisión nos llevó a concluir que hubo errores")


def test_rules_name_a_speaker_by_the_surname_of_a_person_named_in_full() -> None:
    text = ("Ayer dimitió Ivo Brandt , fundador de Vantec .\nBrandt escribió en una carta : \" He decidido "
            "dejar la empresa en buenas manos \" .\nAll' Ufficio non risulta .")
    article = Article(source="s", title=None, text=text, language="es")
    [quote] = [q for q in find_quotes(article, find_mentions(article)) if q.kind == "direct"]
    assert (quote.speaker, quote.speaker_text) == ("Ivo Brandt", "Brandt")
    # an elided article opening a sentence is no given name ("All' Ufficio")
    italian = Article(source="s", title=None, language="it", text="Oggi piove.\nAll' Ufficio Centrale si lavora.")
    assert "All' Ufficio" not in {m.text for m in find_mentions(italian)}


def test_rules_read_the_speech_verbs_of_a_letter_and_no_quote_without_words() -> None:
    text = ("Ayer dimitió Ivo Brandt , fundador de Vantec .\nBrandt envió una carta en la que expresa que \" he "
            "decidido dejar la empresa en buenas manos \" .\n< g id = \" 12 \" > < / g > Brandt seguirá en la junta .")
    article = Article(source="s", title=None, text=text, language="es")
    quotes = find_quotes(article, find_mentions(article))
    assert [(q.speaker, q.text) for q in quotes if q.kind == "direct"] == [
        ("Ivo Brandt", "he decidido dejar la empresa en buenas manos")]


def test_she_is_not_a_man_named_by_his_first_name_or_called_he() -> None:
    text = ("Bell ringer Michael Gallo ran to help .\n“Our prayers are with them,” he said.\n"
            "That is something a neighbour echoes.\n“I just feel sad,” she said.\n"
            "Kit Morrow arrived later.\n“We did what we could,” he said.\n"
            "“It was an awful night for all of us,” she said.")
    speakers = _speakers(text)
    assert speakers["Our"] == "Michael Gallo" and speakers["I"] is None
    # a name that tells nothing, called "he" by the text, is no "she" either
    assert speakers["We"] == "Kit Morrow" and speakers["It"] is None


def test_rules_give_a_sentence_opening_with_its_verb_the_last_ones_subject() -> None:
    es = ("La empresa cerró el año con pérdidas .\nLena Vidal , portavoz de Vantec , habló ayer con la prensa .\n"
          "Confiesa que \" nunca habíamos visto una crisis igual en el sector \" .")
    article = Article(source="s", title=None, text=es, language="es")
    [quote] = [q for q in find_quotes(article, find_mentions(article)) if q.kind == "direct"]
    assert quote.speaker == "Lena Vidal"
    it = ("\" I nostri risultati dimostrano che stiamo facendo progressi \" ha ribadito l' amministratore delegato "
          "Marco Serra .")
    article = Article(source="s", title=None, text=it, language="it")
    assert [q.speaker for q in find_quotes(article, find_mentions(article)) if q.kind == "direct"] == ["Marco Serra"]


def test_a_ship_is_no_one_who_speaks() -> None:
    text = ("The pirates fled when INS Vela intervened and warded off the attack , a navy spokesperson said .\n"
            "MV Gibe was later escorted to safety , he added .\n"
            "The navy has also sought help from other warships , he said .")
    article = Article(source="s", title=None, text=text, language="en")
    mentions = find_mentions(article)
    assert {m.text: m.type for m in mentions} == {"INS Vela": "ORG", "MV Gibe": "ORG"}
    assert not [q for q in find_quotes(article, mentions) if q.speaker in ("INS Vela", "MV Gibe")]


def _speakers(text: str, kind: str | None = None) -> dict[str, str | None]:
    """Each quote of an English text, by its first word, with its speaker; `kind` only that kind's."""
    article = Article(source="s", title=None, text=text, language="en")
    return {q.text.split()[0]: q.speaker for q in find_quotes(article, find_mentions(article))
            if kind is None or q.kind == kind}


def _direct_speakers(text: str) -> dict[str, str | None]:
    return _speakers(text, "direct")


def test_a_body_speaks_through_it_and_they() -> None:
    text = ("The company that runs the festival, Harbour Lane Productions, denies that any deal has been signed.\n\n"
            "\"Any final agreement needs to be made with the band's management. We have no further comment,\" "
            "they said.\n\n"
            "Northwind Records has twice denied blocking the show.\n\n"
            "\"At no point did we say the band could not perform,\" they said in a statement.\n\n"
            "\"In fact, we do not have the right to stop any live show.\"")
    article = Article(source="s", title=None, text=text, language="en")
    mentions = find_mentions(article)
    assert {m.text: m.type for m in mentions}.get("Harbour Lane Productions") == "ORG"  # no person
    speakers = _direct_speakers(text)
    assert speakers["Any"] == "Harbour Lane Productions"
    assert speakers["At"] == "Northwind Records" and speakers["In"] == "Northwind Records"  # the next paragraph too


def test_they_said_after_people_names_no_body() -> None:
    text = ("Harbour Lane Productions ran the festival for ten years.\n\nResidents were angry on Sunday.\n\n"
            "\"We lost everything in one night,\" they said.")
    assert _direct_speakers(text)["We"] is None
    # ... nor after people who work for bodies: the bodies did not write it
    text = ("Dr. Ana Vell of the Korven Cancer Institute and Dr. Ivo Lind of Brigham and Arlow 's Hospital , both in "
            "Korven , said the quick spread of the strain had surprised doctors .\n"
            "`` Undoubtedly , new surprises await in the struggle with influenza , '' they wrote .")
    assert _direct_speakers(text)["Undoubtedly"] is None


def test_a_reported_clause_before_its_attribution_runs_to_its_comma() -> None:
    text = ("Last flu season , only 19 percent of the viruses tested were Tamiflu-resistant , Dr. Ana Vell and "
            "colleagues at the agency reported .")
    reported = [q.text for q in find_quotes(Article(source="s", title=None, text=text, language="en"), []) if
                q.kind == "indirect"]
    assert reported == ["Last flu season , only 19 percent of the viruses tested were Tamiflu-resistant"]


def test_titles_of_works_are_no_quotes() -> None:
    text = ("Dana Rooke opened the concert with the single “Walking Down to the River,” the title track of her "
            "album. “We are thrilled to be back,” Rooke said. Later the crowd sang along to “Lights of the "
            "Harbour.” The reaction from the crowd was loud and they called for more.")
    assert set(_direct_speakers(text)) == {"We"}
    # a headline or a book with its subtitle, however long
    text = ("The writer is the author of `` Slapped by the Invisible Hand : Banking and the Panic of the Year Before "
            "Last in the Markets of Korven . '' A headline said : `` Vellan 's Budget Faces Challenge by Party "
            "Barons ; Chairmen Oppose a Tax Plan but Want to Reduce Debt . ''")
    assert _direct_speakers(text) == {}


def test_a_colon_after_a_clause_gives_its_subject() -> None:
    text = ("Gary Lund , a pipeline engineer , said the valve had failed twice .\n"
            "Professor Tad Oster , an expert at the University of Leeds , was blunt in his assessment : "
            "`` That is unacceptable . You fix it before you drill again . ''")
    assert _direct_speakers(text)["That"] == "Tad Oster"


def test_a_short_sentence_after_a_quote_goes_on_with_it() -> None:
    text = ("Secretary of State Mara Quill praised the launch team. ``So my congratulations to all of you,'' "
            "the secretary said. ``Stupendous work.'' The cargo was the first module.")
    assert _direct_speakers(text)["Stupendous"] == "Mara Quill"


def test_the_kin_a_name_was_given_as_speaks() -> None:
    text = ("The trial of Tao Wen continued, said Tao's father, Tao Linfeng, since the session ended early. "
            "``We saw no reason to watch the trial without a lawyer for him,'' the father said by telephone.")
    assert _direct_speakers(text)["We"] == "Tao Linfeng"


def test_quoted_as_saying_gives_the_one_quoted() -> None:
    text = ("Defence Minister Eli Marom ordered the army to limit its drills along the border. ``We are not "
            "interested in confrontation, but in finding ways to renew talks,'' Marom's office quoted him Sunday "
            "as saying.")
    assert _direct_speakers(text)["We"] == "Eli Marom"


def test_a_phrase_inside_reported_speech_is_the_reporters() -> None:
    text = ("The appointment ``is a blow to the process,'' said the Tishan daily newspaper. It said Ron Adler has "
            "sent ``a clear message to all those who are deluding themselves'' into thinking that peace is near. "
            "An official Syrian newspaper called it ``tantamount to disaster for the region,'' without naming anyone.")
    speakers = _direct_speakers(text)
    assert speakers["is"] == "Tishan daily newspaper" and speakers["a"] == "Tishan daily newspaper"
    assert speakers["tantamount"] is None  # "an official Syrian newspaper" names no paper


def test_verbs_that_characterise_give_a_short_phrase_its_speaker() -> None:
    text = ("Singer Mara Vell is angry. In a post at the time she described this as the \"worst case scenario\" "
            "and accused him of years of \"incessant, manipulative bullying\".")
    speakers = _direct_speakers(text)
    assert speakers["worst"] == "Mara Vell" and speakers["incessant,"] == "Mara Vell"


def test_one_of_a_group_named_in_apposition() -> None:
    text = ("Anwar Ibrahim pleaded innocent. ``We claim that his detention is illegal and we will prove it,'' "
            "said one of Anwar's lawyers, Pawan Marikar.")
    assert _direct_speakers(text)["We"] == "Pawan Marikar"


def test_a_new_sentence_after_a_quote_is_not_its_attribution() -> None:
    text = ("``Sources of tension are being created in our region,'' government spokesman Dimos Rellas said. "
            "``We will have to deal with them from their birth.'' Greece accused Turkey of undermining the region.")
    assert _direct_speakers(text)["We"] == "Dimos Rellas"  # the speaker goes on; Greece accuses of its own


def test_what_a_crowd_chants_is_the_crowds() -> None:
    text = ("Minister Dan Naor said talks would resume. ``We will not give up,'' Naor said. "
            "About 2,000 supporters marched through the town. ``We want prisoners, not speeches,'' the crowd chanted.")
    speakers = {q.text.split()[1]: q.speaker for q in find_quotes(Article(source="s", title=None, text=text,
                                                                           language="en"), [])}
    assert speakers["want"] is None and speakers["will"] == "Dan Naor"


def test_the_company_is_the_firm_that_spoke_last() -> None:
    text = ("However , Halvorsen Energy said it did not believe that its cement design caused the incident .\n"
            "`` We believe that the differences may be due to the materials tested , '' the company said "
            "in a statement .")
    assert _direct_speakers(text)["We"] == "Halvorsen Energy"


def test_a_paragraph_quote_goes_on_from_the_speech_reported_before() -> None:
    text = ("Oil spokesman Toby Orne on Sunday told Reuters that he did not believe the company had "
            "underestimated the spill .\n`` We have always said we would deal with whatever volume was being "
            "spilled . ''\nThe slick threatens hundreds of species .")
    assert _direct_speakers(text)["We"] == "Toby Orne"


def test_a_caption_names_its_speaker_before_the_colon() -> None:
    text = ("Arnold Stenger : `` It will not happen here '' Both companies are expecting lawsuits over the slick .")
    assert _direct_speakers(text)["It"] == "Arnold Stenger"


def test_said_friday_names_no_one_called_friday() -> None:
    text = ("``No help. No police. No firemen,'' 17-year-old Zahir Hensi, one of the disc jockeys at the party "
            "said Friday, hours after the blaze.")
    assert _direct_speakers(text)["No"] != "Friday"


def test_of_two_subjects_the_one_by_the_verb_speaks() -> None:
    text = ("An acerbic critic of the other leading soldier of his generation, Yitzhak Ravid, Ariel Sharman has "
            "long been a hawk. Sharman attacked the accords as ``terrible and dangerous'' in 1993.")
    assert _direct_speakers(text)["terrible"] == "Ariel Sharman"


def test_a_title_set_apart_by_a_token_corpus_is_no_quote() -> None:
    text = ("The rhyme , to the tune of a nursery song , won the contest . `` Baker Tony 's Pizza , '' "
            "victorious in the contest run by the channel , portrays him as a baker .")
    assert _direct_speakers(text) == {}


def test_an_indefinite_description_is_someone_new() -> None:
    text = ("Vice President Al Gorton, the head of the campaign, spoke on Monday. ``Chuck Sumner has been a strong "
            "supporter of these issues,'' said a senior official who spoke on the condition of anonymity.")
    assert _direct_speakers(text)["Chuck"] is None


def test_said_between_a_subject_and_its_verb_names_the_speaker() -> None:
    text = ("The impeachment, said Rep. Tom Delane, R-Texas, was ``a debate about relativism vs. absolute "
            "truth.'' Others disagreed.")
    assert _direct_speakers(text)["a"] == "Tom Delane"


def test_it_in_its_own_sentence_is_the_country_before_it() -> None:
    text = ("Najah Dawar said the woman had been expelled. The United States said it was ``disappointed'' by the "
            "expulsion, which it said was ``a breach of humanitarian norms.''")
    speakers = _direct_speakers(text)
    assert speakers["a"] == "United States"


def test_an_editorial_speaks_for_its_paper() -> None:
    text = ("Turkey requested his extradition. ``Italy knows what his fate will be in the hands of the military,'' "
            "said an editorial Saturday in the Greek daily Eleftherotypos.")
    assert _direct_speakers(text)["Italy"] == "Eleftherotypos"


def test_as_someone_put_it() -> None:
    text = ("No one had hinted at the resignation. The announcement was, as Brokane put it, at least partly "
            "``a political ploy,'' and the repercussions were immediate.")
    assert _direct_speakers(text)["a"] == "Brokane"


def test_the_name_a_reported_clause_opens_with_is_not_its_speaker() -> None:
    text = ("The sources claimed that Mark Paperton was not used to the corporate politics there. "
            "Critics said Henric Svanby, the chairman, lacked experience.")
    article = Article(source="s", title=None, text=text, language="en")
    speakers = [q.speaker for q in find_quotes(article, find_mentions(article)) if q.kind == "indirect"]
    assert "Mark Paperton" not in speakers and "Henric Svanby" not in speakers


def test_a_clause_whose_subject_stands_outside_it_is_no_reported_speech() -> None:
    # "the progress he claimed had been made": what was claimed is the progress, named before
    text = ("Mr Arvel said the media had focused on the war 's growing death toll rather than the "
            "`` progress '' he claimed had been made .")
    article = Article(source="s", title=None, text=text, language="en")
    said = [q.text for q in find_quotes(article, find_mentions(article)) if q.kind == "indirect"]
    assert said and said[0].startswith("the media had focused") and "had been made" not in said


def test_a_title_alone_names_no_speaker() -> None:
    text = ("The following is an email exchange as recorded in the Congressional Record :\n"
            ": Civilian Deputy Undersecretary of the Navy : `` I read the article with disgust . "
            "What a mess . ''")
    assert _direct_speakers(text).get("I") is None


def test_a_crosshead_on_the_line_above_is_no_part_of_what_was_said():
    text = ("Oil reached the marshes of Korven on Monday , officials said .\nDIVING BIRDS HARDEST HIT SO FAR\n"
            "The birds hardest hit by the oil are those that dive for fish , said Jay Holcomb , a rescue director .")
    assert _speakers(text, "indirect")["The"] == "Jay Holcomb"


def test_the_subject_of_a_to_clause_is_not_who_he_is() -> None:
    text = ("The playwright Walter Quill has called for Henry Marlowe to be tried for war crimes , in his speech .\n"
            "He saves his harshest words for the government .\n"
            "“The invasion was a bandit act , an act of contempt for the law ,” he said.")
    assert _speakers(text)["The"] == "Walter Quill"


def test_a_name_in_the_subjects_relative_clause_is_not_the_speaker() -> None:
    text = ("Mara Tolen reported from Korven . She said fighters , who do n't trust Ivo Brandt , believe that "
            "the truce is a trick .\n``We lost someone , '' said a young man who gave his name only as Sami .")
    speakers = _speakers(text)
    assert speakers["the"] is None  # the fighters believe it, not Ivo Brandt
    assert speakers["We"] == "Sami"  # a relative clause that names him does


def test_the_one_told_is_not_the_speaker() -> None:
    # the parse lost the subject of "told" behind a long apposition: its object is the one told
    text = ("Mara Tolen , 32 , who left Korven , Valdonia , in 2003 to study in Canada , told Radio Orsk that the "
            "public school system there was `` really bad . ''\n"
            "`` I did n't feel I got the education I deserved , '' she said .")
    assert set(_speakers(text).values()) == {"Mara Tolen"}


def test_a_bare_surname_two_relatives_share_is_not_the_one_introduced_as_a_relative() -> None:
    text = ("Former league commissioner David Stern died on Wednesday at the age of 77. He is survived by his wife, "
            "Dianne Brock Stern, and two sons, Eric and Andrew. Stern told a magazine last year he approved of the "
            "job his successor was doing, saying the league \"couldn't be in better shape.\"")
    art = Article(source="s", title=None, text=text, language="en")
    speakers = {q.kind: q.speaker for q in find_quotes(art, find_mentions(art))}
    assert speakers == {"direct": "David Stern", "indirect": "David Stern"}


def test_straight_marks_a_flattened_page_glued_to_the_words_around_them() -> None:
    text = ("Trump spoke at his resort on Tuesday.\"I hope his Christmas present is a beautiful vase,\"the president "
            "continued. Trump said the two get along.\"We have to do what we have to do,\" he said.")
    quoted = [text[s.inner_start:s.inner_end] for s in find_quote_spans(text)]
    assert quoted == ["I hope his Christmas present is a beautiful vase,", "We have to do what we have to do,"]
    # a closing mark whose opening mark the page lost opens nothing ('… edildi."Dedi. … , "Allah …')
    lost = 'Hastalar taburcu edildi."Dedi. Onların ifadelerini kullandı. , "Allah şifa versin.'
    assert not any("Dedi" in lost[s.inner_start:s.inner_end] for s in find_quote_spans(lost))
