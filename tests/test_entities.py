"""Entity mentions and their resolution across sources, on invented articles.

The articles imitate machine-translated wire copy: the same people spelled several ways, a name
garbled past recognition but described by the same role, a caption in the original script, towns
the small English model takes for people. Every rule has a case that must merge and one that must
not: a wrong merge is the failure that matters.
"""

from __future__ import annotations

import re
import time

import pytest

from storyline.entities import find_mentions, resolve
from storyline.model import Article, Entity, Line, Mention
from tests.test_ner_uncased import story_entities


@pytest.fixture(scope="module")
def english():
    """Load spaCy once for the module (the first parse pays the model load)."""
    from storyline import nlp

    return nlp.english()


def article(source: str, text: str, language: str = "en", lines: list[Line] | None = None) -> Article:
    return Article(source=source, title=None, text=text, language=language, lines=lines or [])


def types_of(text: str, language: str) -> dict[str, str]:
    """Each name the mentions of one article's text give, and its type."""
    return {m.text: m.type for m in find_mentions(article(f"{language}.txt", text, language=language))}


def resolved(texts: dict[str, str]) -> list:
    """The entities of English articles, each given as source -> text."""
    ms = [m for source, text in texts.items() for m in find_mentions(article(source, text))]
    return resolve(ms, texts)


def entity_of(entities, text):
    """The entities holding a mention written `text` (or so named)."""
    return [e for e in entities if text in {m.text for m in e.mentions} or e.name == text]


def one_entity(entities, *texts):
    """True when exactly one entity holds every one of `texts`."""
    holders = {id(e) for t in texts for e in entity_of(entities, t)}
    return len(holders) == 1 and all(entity_of(entities, t) for t in texts)


def apart(entities, a, b):
    return not ({id(e) for e in entity_of(entities, a)} & {id(e) for e in entity_of(entities, b)})


def gold(source: str, text: str, kind: str, sentence: int = 0) -> Mention:
    """A mention as a benchmark gives it: text and type, no offsets."""
    return Mention(source=source, text=text, type=kind, sentence=sentence)


# -- find_mentions -----------------------------------------------------------------------------

WIRE = ("Moldovan Prime Minister Ion Cebotari met Russian President Vladimir Putin in Moscow on Monday. "
        "Cebotari said the talks had been frank.\n\n"
        "The spokesperson for the Moldovan government, Elena Rusu, told Reuters that a second meeting was "
        "planned. Andrei Vlasov, a former Russian ambassador to Chisinau, believes the dispute will last.")


def test_mentions_have_offsets_types_sentences_and_roles(english):
    a = article("wire.txt", WIRE)
    ms = find_mentions(a)
    assert ms, "names expected"
    for m in ms:
        assert a.text[m.start:m.end] == m.text
        assert m.type in ("PERSON", "ORG", "PLACE")
        assert m.language == "en"
    by_text = {m.text: m for m in ms}
    assert by_text["Ion Cebotari"].type == "PERSON"
    assert "Prime Minister" in by_text["Ion Cebotari"].role
    assert by_text["Vladimir Putin"].role == "Russian President"
    assert by_text["Elena Rusu"].role == "spokesperson for the Moldovan government"
    assert by_text["Andrei Vlasov"].role.startswith("former Russian ambassador")
    assert by_text["Moscow"].type == "PLACE"
    assert by_text["Cebotari"].sentence == 1
    assert "Moldovan" not in by_text  # nationality adjectives are not entities


def test_genitive_title_of_a_translated_russian_text_belongs_to_the_name(english):
    a = article("t.txt", "It was announced by the press secretary of the Russian leader Dmitry Peskov on Friday.")
    m = next(m for m in find_mentions(a) if m.text == "Dmitry Peskov")
    assert m.role == "press secretary of the Russian leader"


def test_a_clerics_title_is_a_role_no_part_of_the_name(english):
    a = article("c.txt", "Apostle Kwame Asante Boadu said the service would go ahead. Pastor Ama Serwaa Mensah "
                         "led the prayers, and the Reverend Kofi Danquah Owusu read a letter.")
    ms = {m.text: m for m in find_mentions(a) if m.type == "PERSON"}
    assert {name: m.role for name, m in ms.items()} == {
        "Kwame Asante Boadu": "Apostle", "Ama Serwaa Mensah": "Pastor", "Kofi Danquah Owusu": "Reverend"}


def test_adviser_to_a_president_is_not_the_presidents_role(english):
    a = article("t.txt", "Contacted by AFP, Rashad Guliyev, diplomatic adviser to Azerbaijani President Ilham Aliyev, "
                         "declined to comment.")
    ms = {m.text: m for m in find_mentions(a)}
    assert ms["Ilham Aliyev"].role == "Azerbaijani President"
    assert ms["Rashad Guliyev"].role.startswith("diplomatic adviser")


def test_a_scene_before_the_name_is_no_role(english):
    a = article("s.txt", "At a press conference in Warsaw, Ana Kovacs said the ferries would sail again. "
                         "The health commissioner, Ivo Lind, advised travellers to wait. "
                         "On Monday the transport minister, Tom Brand, closed the port.")
    ms = {m.text: m for m in find_mentions(a)}
    assert ms["Ana Kovacs"].role is None
    assert ms["Ivo Lind"].role == "health commissioner"
    assert ms["Tom Brand"].role is None or "Monday" not in ms["Tom Brand"].role
    # the day run into the title before the name
    a = article("d.txt", "The port stayed shut , and on Thursday Vellish Prime Minister Arin Tavos said it would "
                         "reopen . Tavos spoke in Korven .")
    assert {m.text: m for m in find_mentions(a)}["Arin Tavos"].role == "Vellish Prime Minister"


def test_a_time_word_or_a_verb_before_the_name_is_no_role(english):
    a = article("v.txt", "Tonight the Vellish president , Arin Tavos , said he would not be deterred . "
                         "History will judge Tavos as a defender of the treaty .")
    roles = [m.role for m in find_mentions(a) if "Tavos" in m.text]
    assert roles[0] == "Vellish president", roles
    assert not any(r and ("Tonight" in r or "judge" in r) for r in roles), roles
    # a list of titled people after a name is none of its role; a person the role relates to is
    a = article("l.txt", "Treasury Secretary Henry Vollard , Federal Reserve Chairman Ben Arlow and Federal Deposit "
                         "Insurance Corp. Chairwoman Sheila Brisk testify on Capitol Hill . Vollard spoke first . "
                         "Ivo Lind , spokesman for Rep. Ana Korst , said no .")
    roles = {m.text: m.role for m in find_mentions(a)}
    assert roles["Henry Vollard"] == "Treasury Secretary" and "Rep. Ana Korst" in (roles["Ivo Lind"] or "")
    # nor the conjunction that joins the clause before
    a = article("c.txt", "The agency reported 2,254 cases , and the deputy director for science and public health , "
                         "Ana Sorel , warned that the total could be low . Sorel spoke in Korven .")
    assert [m.role for m in find_mentions(a) if m.text == "Ana Sorel"] == [
        "deputy director for science and public health"]


def test_peoples_and_faiths_are_no_person_or_body(english):
    a = article("p.txt", "Shias have been targeted in Varnak , said leaders of Sunnis , Shias and Kurds . "
                         "Conservative Shias , dominant in the government , had clashed with Young Muslims . "
                         "A Kurd , Massoud Barzani , said the vote would go ahead .")
    names = {m.text for m in find_mentions(a)}
    assert not any(w in n for n in names for w in ("Shias", "Muslims", "Kurds")), names
    assert "Kurd" not in names and "Massoud Barzani" in names


def test_a_plural_or_a_sentence_adverb_typed_a_person_is_no_name(english):
    from storyline import nlp
    from storyline.entities.ner_english import _noise

    text = ("Fighters said they had taken the hill , and the fighters rested . Photographs suggested the shells "
            "were new . Amazingly , no one died , Omar Tellan said . Gibbs said the talks would go on . The "
            "sub-Saharan Africans left .")
    doc = nlp.parse(text, "en")

    def noise(word: str) -> bool:
        at = next(t.i for t in doc if t.text == word)
        return _noise(doc, at, at + 1, word, "PERSON", set(), set())

    assert noise("Fighters") and noise("Photographs") and noise("Amazingly") and noise("Africans")
    doc2 = nlp.parse("Pro-Gaddafi forces shelled the port .", "en")
    assert _noise(doc2, 0, 3, "Pro-Gaddafi", "PERSON", set(), set())  # a side, no person
    # a surname that speaks stays a name (here the tagger reads "Gibbs" as a proper noun)
    assert not noise("Gibbs") and not noise("Tellan")


def test_a_name_ending_in_a_bodys_word_is_a_body_though_typed_a_person(english):
    from storyline import nlp
    from storyline.entities.ner_english import _body_named

    doc = nlp.parse("Staff of the French Embassy left , and the 4th Cavalry Regiment and the Arab League met .", "en")
    for first, last in (("French", "Embassy"), ("Cavalry", "Regiment"), ("Arab", "League")):
        a = next(t.i for t in doc if t.text == first)
        b = next(t.i for t in doc if t.text == last) + 1
        assert _body_named(doc, a, b), first


def test_a_strain_or_a_common_word_opening_a_sentence_is_no_person(english):
    a = article("h.txt", "H1N1 has spread to 70 countries , officials said . Worldwide , the virus has killed 300 "
                         "people . Cases rose worldwide in May . Rice said the schools would stay open , and "
                         "Condoleezza Rice met the minister .")
    names = {m.text for m in find_mentions(a) if m.type == "PERSON"}
    assert "H1N1" not in names and "Worldwide" not in names
    # nor a place, which the model made it in a Reuters page: the rule, on a span set by hand
    from storyline import nlp
    from storyline.entities.ner_english import _noise

    doc = nlp.parse("A patient with H1N1 influenza in France showed resistance to the drug .", "en")
    at = next(t.i for t in doc if t.text == "H1N1")
    assert _noise(doc, at, at + 1, "H1N1", "PLACE", set(), set())
    assert not _noise(doc, at + 3, at + 4, "France", "PLACE", set(), set())
    assert "Rice" in names  # the surname of a full name in the text stays a name


def test_a_determiner_the_model_took_into_a_name_is_no_part_of_it(english):
    from storyline import nlp
    from storyline.entities.spans import clean_span

    doc = nlp.parse("All Lord Goldsmith gave the cabinet was a later oral answer issued under his name .", "en")
    # the model's span ran from "All" in a Guardian page: the rule, on a span set by hand
    a, b = clean_span(doc, 0, 3, "PERSON")
    assert doc[a:b].text in ("Lord Goldsmith", "Goldsmith")
    # nor is a sentence's opening gerund or interjection ("Taking Korvan", "Sorry Tellan")
    for text in ("Rebels massed near the port . Taking Korvan would end the war .",
                 "Tellan spoke . Sorry Tellan , the law says otherwise ."):
        doc = nlp.parse(text, "en")
        at = next(t.i for t in doc if t.text in ("Taking", "Sorry"))
        a, b = clean_span(doc, at, at + 2, "PERSON")
        assert doc[a:b].text in ("Korvan", "Tellan"), text


def test_a_wire_credit_below_the_text_names_no_one_of_the_story(english):
    body = "The council of Marvel closed the bridge on Monday , the mayor Arin Tavos said ."
    lines = [Line(n=1, text=body, kind="body"),
             Line(n=2, text="( Reporting by Mara Tolen and Ivo Brell ; Editing by Iva Dorn )", kind="boilerplate")]
    names = {m.text for m in find_mentions(article("c.txt", body, lines=lines))}
    assert "Arin Tavos" in names and not names & {"Mara Tolen", "Ivo Brell", "Iva Dorn"}, names


def test_two_names_the_model_ran_into_one_are_apart(english):
    text = "In a speech, Warren took thinly veiled shots at Buttigieg and Biden, both of whom raise money from donors."
    names = [m.text for m in find_mentions(article("e.txt", text))]
    assert "Buttigieg" in names and "Biden" in names and not any(" and " in n for n in names), names
    # one word shared out over a longer name, and a country's "and", stay whole
    names = [m.text for m in find_mentions(article("k.txt", "Tensions between North and South Korea rose ."))]
    assert names == ["North and South Korea"]


def test_a_platform_is_no_person(english):
    a = article("t.txt", "Twitter said it would act . The mayor wrote on Twitter that the beach was closed .")
    assert {m.text: m.type for m in find_mentions(a)}.get("Twitter") == "ORG"
    # nor is a company whose name shows capitals inside it, while a surname's prefix keeps its man
    from storyline.entities.thing_words import company_shaped

    assert company_shaped("GlaxoSmithKline") and company_shaped("AstraZeneca") and company_shaped("ExxonMobil")
    assert not any(company_shaped(n) for n in ("McCain", "MacArthur", "DeSantis", "LaGuardia", "FitzGerald"))


def test_a_camp_or_a_fort_named_after_a_man_is_a_place(english):
    a = article("c.txt", "Cindy Sheehan had planned to stay at what became known as Camp Casey for the whole of "
                         "August . Her son Casey Sheehan was killed in Baghdad in 2004 . Camp Casey has closed down .")
    types = {m.text: m.type for m in find_mentions(a)}
    assert types["Camp Casey"] == "PLACE" and types["Casey Sheehan"] == "PERSON"


def test_a_name_ends_before_the_bracketed_acronym_the_model_ran_it_into(english):
    for text in ("The Esk Valley Water Authority -LRB- EVWA -RRB- said on Friday the river was rising .",
                 "The Esk Valley Water Authority (EVWA) said on Friday the river was rising."):
        names = {m.text for m in find_mentions(article("w.txt", text))}
        assert "Esk Valley Water Authority" in names and not any("LRB" in n or "(" in n for n in names), names
    names = {m.text for m in find_mentions(article("w.txt", "Water came to the town of Lisk -LRB- Eskland -RRB- "
                                                              "on Friday , Ana Kovacs -LRB- Esk Valley -RRB- said ."))}
    assert not any("LRB" in n or "RRB" in n for n in names), names


def test_caption_in_another_script_counts_but_masthead_does_not(english):
    lines = [Line(1, "Геннадий Журавлёв", "boilerplate"), Line(2, "Editor in Chief Marcus Hale", "boilerplate"),
             Line(3, "Subscribe to our newsletter and follow us on Twitter", "boilerplate"),
             Line(4, "Retired general rules out intervention", "title"),
             Line(5, "The Herald welcomes a lively and courteous discussion as long as you follow the Rules of "
                     "Conduct set forth in our Terms of Service .", "boilerplate")]
    text = "Retired vice admiral Gennady Zhuravlyov told Interfax the fleet would stay in port."
    a = article("c.txt", text, lines=lines)
    ms = find_mentions(a)
    assert not any("Terms" in m.text or "Rules" in m.text for m in ms)
    outside = [m for m in ms if m.start < 0]
    assert any(m.type == "PERSON" and "Журавл" in m.text for m in outside)
    assert all(m.sentence == -1 and m.end == -1 for m in outside)
    assert not any("Hale" in m.text or "Twitter" in m.text for m in ms)


def test_readers_comments_under_the_article_name_nobody(english):
    text = "Retired vice admiral Gennady Zhuravlyov told Interfax the fleet would stay in port."
    comments = ["March 9 , 2031 at 11:01 am | Reply Senator Walter Brennan should resign over this .",
                "I agree with Margaret Olsen that the admiral is wrong about the fleet and the port .",
                "March 9 , 2031 at 1:46 pm | Reply Nobody asked the ferrymen what they think ."]
    lines = [Line(1, text, "body")] + [Line(n, c, "boilerplate") for n, c in enumerate(comments, start=2)]
    names = {m.text for m in find_mentions(article("c.txt", text, lines=lines))}
    assert "Gennady Zhuravlyov" in names and not any("Brennan" in n or "Olsen" in n for n in names)


def test_noise_words_and_demonyms_are_dropped(english):
    a = article("n.txt", "Risky intervention\n\nThe Azerbaijani side said Azerbaijan would not stop. "
                         "Martial law was introduced in Armenia.")
    texts = {m.text for m in find_mentions(a)}
    assert "Risky" not in texts and "Martial" not in texts and "Azerbaijani" not in texts
    assert "Azerbaijan" in texts and "Armenia" in texts


def test_the_agency_of_a_wire_dateline_is_an_organisation(english):
    # The model types the agency after the slashed date as a place.
    a = article("d.txt", "Baku/31.10.20/Turan: Russia does not want to get involved in the fighting, because "
                         "its ties with Turkey matter more.")
    types = {m.text: m.type for m in find_mentions(a)}
    assert types["Turan"] == "ORG" and types["Russia"] == "PLACE"


def test_a_capital_standing_for_its_government_is_a_place(english):
    a = article("y.txt", "Russia said it was ready to help Yerevan if the fighting spreads. Moscow also "
                         "said that Yerevan had asked for talks.")
    assert {m.type for m in find_mentions(a) if m.text == "Yerevan"} == {"PLACE"}


def test_a_name_beside_a_title_in_apposition_is_a_person(english):
    # the model typed the name an organisation
    a = article("s.txt", "In Scotland , the health secretary , Nicola Sturgeon , said it was probable that one of "
                         "the people had the disease .")
    assert {m.text: m.type for m in find_mentions(a)}["Nicola Sturgeon"] == "PERSON"


def test_a_name_cut_short_at_the_end_of_a_sentence_is_the_full_name(english):
    # "Sen." read as an abbreviation: the model typed "Hun" alone
    a = article("h.txt", "Hun Sen won the vote. The opposition fled after threats of arrest from strongman Hun Sen. "
                         "Hun Sen complained Monday.")
    assert [m.text for m in find_mentions(a) if m.type == "PERSON"] == ["Hun Sen"] * 3


def test_organisation_cut_short_by_the_model_is_extended(english):
    a = article("o.txt", "The French, Russian and American mediators, gathered within the \u201cMinsk group\u201d, "
                         "indicated that the sides had agreed.")
    assert "Minsk group" in {m.text for m in find_mentions(a)}


def test_rules_find_names_in_languages_without_a_model():
    a = article("es.txt", "El presidente Pedro Sánchez viajó ayer a Bruselas. Según el Ministerio de Defensa, "
                          "la reunión con Ursula von der Leyen duró dos horas.", language="es")
    ms = {m.text: m for m in find_mentions(a)}
    assert ms["Pedro Sánchez"].type == "PERSON"
    assert ms["Brussels"].type == "PLACE" and ms["Brussels"].printed == "Bruselas"  # the city's English name
    assert ms["Ministerio de Defensa"].type == "ORG"
    assert "Ursula von der Leyen" in ms
    assert "El" not in ms and "Según" not in ms
    for m in ms.values():
        assert a.text[m.start:m.end] == (m.printed or m.text)


def test_rules_type_countries_and_companies_and_keep_a_name_on_its_line():
    a = article("it.txt", "Le borse degli Stati Uniti sono crollate dopo il fallimento di Lehman Brothers e le perdite "
                          "di Barclays PLC.\nIl governo ha taciuto. Anche il Regno Unito\nAttende.", language="it")
    types = {m.text: m.type for m in find_mentions(a)}
    assert types["Stati Uniti"] == "PLACE" and types["Regno Unito"] == "PLACE"
    assert types["Lehman Brothers"] == "ORG" and types["Barclays PLC"] == "ORG"
    assert not any("\n" in name for name in types)


def test_russian_names_come_lemmatised_with_printed_offsets():
    text = "Пресс-секретарь президента России Дмитрий Песков заявил, что Владимиру Путину доложили о ситуации."
    ms = find_mentions(article("ru.txt", text, language="ru"))
    by_text = {m.text: m for m in ms}
    assert by_text["Владимир Путин"].type == "PERSON"
    putin = by_text["Владимир Путин"]
    assert text[putin.start:putin.end] == "Владимиру Путину"
    assert by_text["Дмитрий Песков"].role and "секретарь" in by_text["Дмитрий Песков"].role.lower()


# -- resolve -----------------------------------------------------------------------------------


def test_names_across_scripts_and_spellings_are_one_person():
    ms = [gold("a", "Евгений Бужинский", "PERSON"), gold("b", "Yevgeny Buzhinsky", "PERSON"),
          gold("c", "Nikol Pashinyan", "PERSON"), gold("d", "Nikol Pashinian", "PERSON"),
          gold("d", "Pachinian", "PERSON", 3), gold("e", "Jeyhun Bayramov", "PERSON"),
          gold("f", "Djeyhoun Baïramov", "PERSON"), gold("e", "Sergey Lavrov", "PERSON"),
          gold("f", "Sergei Lavrov", "PERSON")]
    ents = resolve(ms)
    assert one_entity(ents, "Евгений Бужинский", "Yevgeny Buzhinsky")
    assert entity_of(ents, "Yevgeny Buzhinsky")[0].name == "Yevgeny Buzhinsky"  # Latin name preferred
    assert one_entity(ents, "Nikol Pashinyan", "Nikol Pashinian", "Pachinian")
    assert one_entity(ents, "Jeyhun Bayramov", "Djeyhoun Baïramov")
    assert one_entity(ents, "Sergey Lavrov", "Sergei Lavrov")
    assert apart(ents, "Sergey Lavrov", "Jeyhun Bayramov")


def test_different_people_stay_apart():
    ms = [gold("a", "Vladimir Putin", "PERSON"), gold("a", "Dmitry Peskov", "PERSON"),
          gold("b", "Putin", "PERSON"), gold("b", "Peskov", "PERSON"),
          gold("c", "Ilham Aliyev", "PERSON"), gold("c", "Famil Khalilov", "PERSON"),
          gold("d", "Nikol Pashinyan", "PERSON"), gold("d", "Zohrab Mnatsakanyan", "PERSON"),
          gold("e", "Anna Sarkisova", "PERSON"), gold("f", "Oleg Sarkisov", "PERSON")]
    ents = resolve(ms)
    assert one_entity(ents, "Vladimir Putin", "Putin") and one_entity(ents, "Dmitry Peskov", "Peskov")
    for a, b in [("Putin", "Peskov"), ("Ilham Aliyev", "Famil Khalilov"),
                 ("Nikol Pashinyan", "Zohrab Mnatsakanyan"), ("Anna Sarkisova", "Oleg Sarkisov")]:
        assert apart(ents, a, b), (a, b)


def test_surname_that_fits_two_full_names_joins_neither():
    ms = [gold("a", "Ilham Aliyev", "PERSON"), gold("a", "Heydar Aliyev", "PERSON"), gold("a", "Aliyev", "PERSON", 2),
          gold("b", "Aliyev", "PERSON")]
    ents = resolve(ms)
    assert apart(ents, "Ilham Aliyev", "Heydar Aliyev")
    assert apart(ents, "Aliyev", "Ilham Aliyev") and apart(ents, "Aliyev", "Heydar Aliyev")


def test_a_surname_of_two_words_printed_alone_is_the_full_name_that_ends_with_it():
    # the model typed the hyphenated surname a body, and the one with its particle a second person
    ms = [gold("a", "Eman al-Obeidy", "PERSON"), gold("a", "Al-Obeidy", "PERSON", 1), gold("a", "Obeidy", "PERSON", 2),
          gold("a", "Luis Moreno-Ocampo", "PERSON"), gold("a", "Luis Moreno-Ocampo", "PERSON", 3),
          gold("a", "Moreno-Ocampo", "ORG", 4)]
    ents = resolve(ms)
    assert one_entity(ents, "Eman al-Obeidy", "Al-Obeidy", "Obeidy")
    assert one_entity(ents, "Luis Moreno-Ocampo", "Moreno-Ocampo")
    assert entity_of(ents, "Moreno-Ocampo")[0].type == "PERSON"
    # one that ends two full names joins neither
    ents = resolve([gold("b", "Jean-Marie Le Pen", "PERSON"), gold("b", "Marine Le Pen", "PERSON"),
                    gold("b", "Le Pen", "PERSON", 1)])
    assert apart(ents, "Le Pen", "Marine Le Pen") and apart(ents, "Le Pen", "Jean-Marie Le Pen")


def test_a_bare_surname_of_several_people_is_one_row_and_the_main_figures_when_he_dominates():
    # two Aliyevs: the bare name in two other articles is one row, and neither man's
    ms = [gold("a", "Ilham Aliyev", "PERSON"), gold("a", "Heydar Aliyev", "PERSON"),
          gold("b", "Aliyev", "PERSON"), gold("c", "Aliyev", "PERSON")]
    ents = resolve(ms)
    assert len(entity_of(ents, "Aliyev")) == 1 and entity_of(ents, "Aliyev")[0].name == "Aliyev"
    assert apart(ents, "Aliyev", "Ilham Aliyev") and apart(ents, "Aliyev", "Heydar Aliyev")
    # a story named in full after one man in nearly every article: the bare surname is his
    ms = [gold(f"m{i}", "Moammar Gadhafi", "PERSON") for i in range(5)] + [
        gold("s", "Saif al-Islam Gadhafi", "PERSON"), gold("x", "Gadhafi", "ORG"), gold("x", "Gadhafi", "ORG", 1),
        gold("y", "Gadhafi", "PERSON")]
    ents = resolve(ms)
    assert one_entity(ents, "Moammar Gadhafi", "Gadhafi") and apart(ents, "Gadhafi", "Saif al-Islam Gadhafi")
    # but not where the article names both men in full: there the bare name may be either
    both = [gold("z", "Moammar Gadhafi", "PERSON"), gold("z", "Saif al-Islam Gadhafi", "PERSON", 1),
            gold("z", "Gadhafi", "PERSON", 2)]
    ents = resolve(ms + both)
    z = [e for e in ents if any(m.source == "z" and m.text == "Gadhafi" for m in e.mentions)]
    assert len(z) == 1 and z[0].name == "Gadhafi" and not any(m.source == "x" for m in z[0].mentions)
    assert one_entity(ents, "Moammar Gadhafi") and entity_of(ents, "Moammar Gadhafi")[0] is not z[0]
    # a given name is no bare surname of a compound one ("Ben Ali")
    ms = [gold(f"t{i}", "Zine El Abidine Ben Ali", "PERSON") for i in range(5)] + [
        gold("u", "Ali Hassan", "PERSON"), gold("v", "Hassan Ali", "PERSON"), gold("x", "Ali", "PERSON")]
    assert apart(resolve(ms), "Ali", "Zine El Abidine Ben Ali")
    # not a place that is someone's surname
    ms = [gold(f"h{i}", "Hamilton Jordan", "PERSON") for i in range(5)] + [
        gold("j", "Michael Jordan", "PERSON"), gold("x", "Jordan", "PLACE"), gold("y", "Jordan", "PLACE"),
        gold("y", "Jordan", "PERSON", 1)]
    assert apart(resolve(ms), "Jordan", "Hamilton Jordan")


def test_a_surname_typed_a_body_after_its_man_stays_his_and_he_stays_a_person():
    # "Gadhafi forces" typed ORG outnumbers "Gadhafi said"; one reader prints the name in lower case
    ms = [gold("a", "Moammar Gadhafi", "PERSON"), gold("a", "Gadhafi", "PERSON", 1),
          gold("b", "Moammar Gadhafi", "PERSON"), gold("b", "Gadhafi", "PERSON", 1)]
    ms += [gold("a", "Gadhafi", "ORG", n) for n in range(2, 7)] + [gold("b", "Gadhafi", "ORG", n) for n in range(2, 7)]
    texts = {"a": "Moammar Gadhafi spoke. Gadhafi said so. Gadhafi forces attacked.",
             "b": "Moammar Gadhafi spoke. Gadhafi forces attacked. i think gadhafi needs to go"}
    ents = resolve(ms, texts)
    assert len(entity_of(ents, "Gadhafi")) == 1 and entity_of(ents, "Gadhafi")[0].type == "PERSON"
    assert len(entity_of(ents, "Gadhafi")[0].mentions) == len(ms)
    # as many surnames typed a place as full names typed a person: still a person
    ents = resolve([gold("a", "Sarah Palin", "PERSON"), gold("a", "Palin", "PLACE", 1),
                    gold("b", "Sarah Palin", "PERSON"), gold("b", "Palin", "PLACE", 1)])
    assert entity_of(ents, "Palin")[0].type == "PERSON"


def test_a_place_read_as_a_person_in_a_few_mentions_stays_a_place():
    # "The United States has said": the model's person in 1 mention of 6
    ms = [gold(f"a{i}", "United States", "PLACE") for i in range(5)] + [
        gold("b", "United States", "PERSON"), gold("d", "U.S.", "PLACE")]
    ents = resolve(ms)
    assert one_entity(ents, "United States", "U.S.") and entity_of(ents, "U.S.")[0].type == "PLACE"


def test_a_city_the_model_once_read_as_a_person_is_no_surname():
    ms = [gold(f"p{i}", "Misrata", "PLACE") for i in range(3)] + [
        gold("q", "Misrata", "PERSON"), gold("r", "Moaath al-Misrati", "PERSON")]
    assert apart(resolve(ms), "Misrata", "Moaath al-Misrati")
    # in one article: read as a place once, a person twice; no like-sounding surname takes it
    ms = [gold("a", "Salem Mislat", "PERSON"), gold("a", "Misrata", "PERSON", 1), gold("a", "Misrata", "PERSON", 2),
          gold("a", "Misrata", "PLACE", 3)]
    assert apart(resolve(ms), "Misrata", "Salem Mislat")
    # a surname alone still joins the one person it fits
    assert one_entity(resolve([gold("a", "Dmitry Peskov", "PERSON"), gold("b", "Peskov", "PERSON")]),
                      "Dmitry Peskov", "Peskov")


def test_the_town_of_a_name_outweighs_the_models_persons():
    texts = {"a": "Rebels held the oil town of Ras Lanuf on Monday. Ras Lanuf fell. Ras Lanuf was shelled.",
             "b": "Jets struck the port of Ras Lanuf. Ras Lanuf burned."}
    ms = [Mention(source="a", text="Ras Lanuf", start=texts["a"].index("Ras Lanuf"), end=0, type="PERSON"),
          gold("a", "Ras Lanuf", "PERSON", 1), gold("a", "Ras Lanuf", "PERSON", 2),
          Mention(source="b", text="Ras Lanuf", start=texts["b"].index("Ras Lanuf"), end=0, type="PERSON"),
          gold("b", "Ras Lanuf", "PERSON", 1)]
    for m in ms:
        m.end = m.start + len(m.text) if m.start >= 0 else -1
    assert entity_of(resolve(ms, texts), "Ras Lanuf")[0].type == "PLACE"


def _typed_as_persons(texts: dict[str, str], *names: str, kind: str = "PERSON") -> dict[str, str]:
    """Every printed occurrence of each name as a mention of `kind`, resolved: name -> type."""
    ms = [Mention(source=src, text=n, start=m.start(), end=m.end(), type=kind, sentence=0)
          for src, text in texts.items() for n in names for m in re.finditer(re.escape(n), text)]
    return {e.name: e.type for e in resolve(ms, texts)}


def test_a_name_closing_a_phrase_after_in_or_near_is_a_place_not_the_models_person():
    texts = {"a": "Women trained at a camp in Bani Walid , officials said . Fighting raged near Bani Walid . "
                  "Tribes met in Bani Walid on Monday . Bani Walid waited ."}
    assert _typed_as_persons(texts, "Bani Walid") == {"Bani Walid": "PLACE"}
    # A person's name in a phrase that goes on is no place: "in the Ivo Brandt era", "in Ivo Brandt 's plan".
    texts = {"a": "Much changed in the Ivo Brandt era . Ivo Brandt resigned . Faith in Ivo Brandt 's plan fell ."}
    assert _typed_as_persons(texts, "Ivo Brandt") == {"Ivo Brandt": "PERSON"}


def test_a_place_told_by_its_bearing_from_another_is_a_place():
    texts = {"a": "Col. Ibrahim said Korvan , south of Tripoli 's centre , had fallen .",
             "b": "Gangs attacked north of Korvan , officials said ."}
    assert _typed_as_persons(texts, "Korvan") == {"Korvan": "PLACE"}


def test_a_kinsman_of_a_person_named_in_full_is_a_person_though_typed_a_body():
    texts = {"a": "Ahmed Korvash spoke . Ahmed Korvash left . Rebels seized a tanker registered to Hakim Korvash .",
             "b": "Ahmed Korvash denied it ."}
    ms = [Mention(source=src, text="Ahmed Korvash", start=m.start(), end=m.end(), type="PERSON", sentence=0)
          for src, text in texts.items() for m in re.finditer("Ahmed Korvash", text)]
    start = texts["a"].index("Hakim Korvash")
    ms.append(Mention(source="a", text="Hakim Korvash", start=start, end=start + 13, type="ORG", sentence=0))
    types = {e.name: e.type for e in resolve(ms, texts)}
    assert types["Hakim Korvash"] == "PERSON" and types["Ahmed Korvash"] == "PERSON"
    # A first word the story prints in lower case is no given name: "General Korvash" stays a body.
    texts["b"] += " The general said so ."
    ms[-1] = Mention(source="a", text="General Korvash", start=start, end=start + 15, type="ORG", sentence=0)
    texts["a"] = texts["a"].replace("Hakim Korvash", "General Korvash")
    assert {e.name: e.type for e in resolve(ms, texts)}["General Korvash"] == "ORG"


def test_a_word_the_article_calls_a_place_is_no_surname_of_its_person():
    text = ("Customs official Karim Ben Tolva said checks would go on . Rebels took the village of Tolva , "
            "where troops had massed .")
    ms = [Mention("a", n, text.index(n), text.index(n) + len(n), "PERSON", 0)
          for n in ("Karim Ben Tolva", "Tolva ,")]
    ms[1].text, ms[1].end = "Tolva", ms[1].start + 5
    ents = resolve(ms, {"a": text})
    assert apart(ents, "Karim Ben Tolva", "Tolva")
    assert {e.name: e.type for e in ents} == {"Karim Ben Tolva": "PERSON", "Tolva": "PLACE"}
    # Told as nothing but a name, it is still his surname.
    text = "Customs official Karim Ben Tolva said checks would go on . Tolva added that fuel was short ."
    ms = [Mention("a", n, text.index(n), text.index(n) + len(n), "PERSON", 0)
          for n in ("Karim Ben Tolva", "Tolva added")]
    ms[1].text, ms[1].end = "Tolva", ms[1].start + 5
    assert one_entity(resolve(ms, {"a": text}), "Karim Ben Tolva", "Tolva")
    # So after a place and a comma: "the town of X , Tolva said" names no list of towns.
    text = "Karim Ben Tolva spoke . The consulate in the eastern town of Kufrat , Tolva said , was shut ."
    ms = [Mention("a", n, text.index(n), text.index(n) + len(n), "PERSON", 0)
          for n in ("Karim Ben Tolva", "Tolva said")]
    ms[1].text, ms[1].end = "Tolva", ms[1].start + 5
    assert one_entity(resolve(ms, {"a": text}), "Karim Ben Tolva", "Tolva")


def test_a_surname_given_with_a_title_long_before_another_full_name_is_not_that_persons():
    # A page of a president's days names him by title and surname alone; the one full name
    # that ends with it, late and under another title, is his wife's.
    def mentions(text, full_role):
        out = []
        for m in re.finditer(r"Istvan Varga|Ilona Varga|Varga", text):
            full = m.group(0) != "Varga"
            out.append(Mention("a", m.group(0), m.start(), m.end(), "PERSON", text.count(" .", 0, m.start()),
                               full_role if full else "President"))
        return out

    days = ("At the palace : President Varga opened the session . At the palace : President Varga met "
            "farmers . At the palace : President Varga flew to Kesz . ")
    text = days + "He and first lady Ilona Varga hosted a dinner ."
    ents = resolve(mentions(text, "first lady"), {"a": text})
    assert apart(ents, "Varga", "Ilona Varga")
    # The same title on the full name: it is his own, given late.
    text = days + "Officials said President Istvan Varga would return ."
    assert one_entity(resolve(mentions(text, "President"), {"a": text}), "Varga", "Istvan Varga")


def test_a_full_name_joins_its_spellings_before_a_bare_surname_ties_articles():
    # Article "a" names two al-Korvashes; its bare "Al-Korvash" is either and stays apart. Its
    # "Eman al-Korvash" is the woman articles "b" and "c" name, whatever order the keys come in.
    ms = [gold("a", "Eman al-Korvash", "PERSON"), gold("a", "Atiq al-Korvash", "PERSON", 1),
          gold("a", "Al-Korvash", "PERSON", 2), gold("b", "Eman al-Korvash", "PERSON"),
          gold("b", "Al-Korvash", "PERSON", 1), gold("c", "Eman al-Korvash", "PERSON"),
          gold("c", "Al-Korvash", "PERSON", 1)]
    for order in (ms, ms[::-1], ms[3:] + ms[:3]):
        ents = resolve(list(order))
        emans = [e for e in ents if e.name == "Eman al-Korvash"]
        assert len(emans) == 1 and {m.source for m in emans[0].mentions} == {"a", "b", "c"}
        assert apart(ents, "Eman al-Korvash", "Atiq al-Korvash")


def test_an_acronym_inside_a_name_is_spelled_whole():
    ents = resolve([gold("a", "United Nations", "ORG"), gold("b", "U.N.", "ORG"), gold("c", "U.S. Navy", "ORG")])
    assert one_entity(ents, "United Nations", "U.N.") and apart(ents, "U.N.", "U.S. Navy")


def test_an_acronym_typed_a_body_is_no_persons_initials():
    ms = [gold("a", "Tommy Vietor", "PERSON"), gold("a", "TV", "ORG", 1), gold("b", "TV", "ORG"),
          gold("b", "Boone Pickens", "PERSON"), gold("c", "BP", "ORG")]
    ents = resolve(ms)
    assert apart(ents, "TV", "Tommy Vietor") and apart(ents, "BP", "Boone Pickens")


def test_a_countrys_letters_typed_a_body_are_the_country():
    ms = [gold("a", "North Korea", "PLACE"), gold("b", "DPRK", "ORG"), gold("c", "KRLD", "ORG"),
          gold("d", "NATO", "ORG"), gold("e", "UN", "ORG")]
    ents = resolve(ms)
    assert one_entity(ents, "North Korea", "DPRK") and one_entity(ents, "North Korea", "KRLD")
    assert entity_of(ents, "North Korea")[0].type == "PLACE"
    assert apart(ents, "NATO", "North Korea") and apart(ents, "UN", "North Korea")


def test_spanish_ee_uu_is_the_united_states():
    es = article("es.txt", "El gobierno de EE. UU. anunció sanciones contra Irán . Según EE.UU. , no habrá más .",
                 language="es")
    en = article("en.txt", "Officials said the United States will announce sanctions against Iran on Monday .")
    ents = resolve([m for a in (es, en) for m in find_mentions(a)], {a.source: a.text for a in (es, en)})
    us = entity_of(ents, "United States")
    assert len(us) == 1 and us[0].type == "PLACE" and {"EE. UU.", "EE.UU."} <= set(us[0].spellings)
    assert not entity_of(ents, "EE")


def test_who_a_person_is_elided_onto_the_word_before_the_name_is_no_part_of_it():
    fr = article("fr.txt", "L'Allemande Annegret Kramp-Karrenbauer rencontrera des candidats . Selon l'Américain "
                           "John Kerry , la crise continue à L'Aquila .", language="fr")
    assert {m.text: m.type for m in find_mentions(fr)} == {
        "Annegret Kramp-Karrenbauer": "PERSON", "John Kerry": "PERSON", "L'Aquila": "PLACE"}


def test_a_clipping_is_the_body_whose_name_it_opens_and_the_row_is_named_in_full():
    ms = [gold("a", "Federal Reserve", "ORG"), gold("a", "Fed", "ORG", 1), gold("b", "Fed", "ORG"),
          gold("c", "Fed", "ORG"), gold("c", "International Monetary Fund", "ORG", 1), gold("d", "Intel", "ORG")]
    ents = resolve(ms)
    assert one_entity(ents, "Federal Reserve", "Fed") and entity_of(ents, "Fed")[0].name == "Federal Reserve"
    assert apart(ents, "Intel", "International Monetary Fund")


def test_a_pope_named_in_four_languages_is_one_person_and_two_popes_are_two():
    texts = {"en": ("Pope Francis apologised on Wednesday. Francis said he lost patience.", "en"),
             "it": ("Papa Francesco si è scusato mercoledì. Francesco ha detto che aveva perso la pazienza.", "it"),
             "es": ("El Papa Francisco pidió perdón el miércoles. El Papa Benedicto no habló.", "es"),
             "pl": ("Papież Franciszek przeprosił w środę. Franciszek powiedział, że stracił cierpliwość.", "pl")}
    ents = story_entities(texts)
    popes = {e.name: set(e.spellings) for e in ents if e.type == "PERSON"}
    assert popes == {"Francis": {"Francis", "Francesco", "Francisco", "Franciszek"}, "Benedicto": {"Benedicto"}}
    # two kings one language names apart are two, though their names open alike
    ms = [Mention("a", "Abdullah", type="PERSON", sentence=0, role="King", language="en"),
          Mention("b", "Abdulaziz", type="PERSON", sentence=0, role="King", language="en"),
          Mention("c", "Abdulaziz", type="PERSON", sentence=0, role="rey", language="es")]
    kings = sorted(sorted(set(e.spellings)) for e in resolve(ms))
    assert kings == [["Abdulaziz"], ["Abdullah"]]
    # a machine translation that left the Polish form in an English text: the English name's longer form
    ms = [Mention("a", "Francis", type="PERSON", sentence=0, role="Pope", language="en"),
          Mention("b", "Franciszek", type="PERSON", sentence=0, role="Pope.", language="en"),
          Mention("c", "Francesco", type="PERSON", sentence=0, role="Papa", language="it")]
    [pope] = resolve(ms)
    assert sorted(set(pope.spellings)) == ["Francesco", "Francis", "Franciszek"]
    assert pope.roles == ["Pope", "Papa"]  # the stop a translation left after the style is no other role


def test_a_person_is_named_as_most_articles_print_the_name_not_by_a_word_run_into_it():
    ms = [gold(f"m{i}", "Moammar Gadhafi", "PERSON") for i in range(3)]
    ms.append(gold("r", "Keeping Moammar Gadhafi", "PERSON"))
    ents = resolve(ms)
    assert one_entity(ents, "Moammar Gadhafi", "Keeping Moammar Gadhafi")
    assert entity_of(ents, "Moammar Gadhafi")[0].name == "Moammar Gadhafi"


def test_surname_alone_in_an_article_joins_the_one_full_name_of_the_story():
    ents = resolve([gold("a", "Dmitry Peskov", "PERSON"), gold("b", "Peskov", "PERSON"),
                    gold("b", "Vladimir Putin", "PERSON")])
    assert one_entity(ents, "Dmitry Peskov", "Peskov")


GARBLED_A = ("Retired Vice Admiral Gennady Zhuravlyov, former commander of the Baltic Fleet submarine division, "
             "told Interfax that the navy would not move. Zhuravlyov said the coast was calm.")
GARBLED_B = ("In an interview, retired vice admiral Gennady Jurawski, former commander of the submarine division "
             "of the Baltic Fleet, ruled out any clash. Later Jurowsky added that residents had nothing to fear.")
OTHER_ADMIRAL = ("Retired vice admiral Pavel Jurinsky, former commander of the Black Sea Fleet landing brigade, "
                 "disagreed.")


def test_garbled_surname_is_tied_by_given_name_and_role(english):
    arts = [article("a.txt", GARBLED_A), article("b.txt", GARBLED_B), article("c.txt", OTHER_ADMIRAL)]
    ms = [m for a in arts for m in find_mentions(a)]
    ents = resolve(ms, {a.source: a.text for a in arts})
    assert one_entity(ents, "Gennady Zhuravlyov", "Gennady Jurawski", "Jurawski" if entity_of(ents, "Jurawski")
                      else "Gennady Jurawski")
    assert apart(ents, "Gennady Zhuravlyov", "Pavel Jurinsky")  # another given name, another fleet


def test_a_surname_spelt_apart_by_people_of_other_offices_is_two_people(english):
    texts = {"a.txt": "Coast Guard Rear Adm. Mara Landry said the oil was spreading . Landry said crews were working .",
             "b.txt": "Coast Guard Rear Adm. Mara Landry said booms were placed . Landry spoke in New Orleans .",
             "c.txt": "Louisiana Sen. Mara Landrieu renewed her call to end the moratorium . Landrieu spoke on ABC ."}
    ents = resolved(texts)
    assert apart(ents, "Mara Landry", "Mara Landrieu")
    assert one_entity(ents, "Mara Landry", "Landry")
    # a transliteration's spelling keeps its man whatever each source calls his office
    texts = {"d.txt": "Azerbaijani Foreign Minister Jeyhun Bayramov spoke to reporters in Baku on Monday .",
             "e.txt": "The head of Azerbaijani diplomacy , Djeyhoun Baïramov , spoke to reporters in Baku on Monday ."}
    assert one_entity(resolved(texts), "Jeyhun Bayramov", "Djeyhoun Baïramov")


def test_an_untitled_spelling_does_not_bridge_two_office_holders(english):
    # Each source naming one of them without a title had tied the two through itself: in a story of
    # 246 BP pages the admiral took the senator's mentions, the senator a BP spokesman's.
    texts = {"a.txt": "Coast Guard Rear Adm. Mara Landry said the oil was spreading .",
             "b.txt": "Louisiana Sen. Mara Landrieu renewed her call to end the moratorium .",
             "c.txt": "Mara Landry and the governor met fishermen in Venice on Monday .",
             "d.txt": "Mara Landrieu wrote to the president on Monday .",
             "e.txt": "Sen. Jon Kerrin said the company should pay . Kerrin spoke on CNN .",
             "f.txt": "BP spokesman Jon Curran said the company would pay every claim ."}
    ents = resolved(texts)
    assert apart(ents, "Mara Landry", "Mara Landrieu")
    assert apart(ents, "Jon Kerrin", "Jon Curran")


def test_garbled_surname_inside_one_article_goes_to_its_closest_person(english):
    text = ("Retired Lieutenant General Evgeny Boginsky said the army would not intervene. Prime Minister Nikol "
            "Pashinyan wrote to President Vladimir Putin. Babinski also stated that peacekeepers were unlikely.")
    ents = resolve(find_mentions(article("g.txt", text)), {"g.txt": text})
    assert one_entity(ents, "Evgeny Boginsky", "Babinski")
    assert apart(ents, "Babinski", "Vladimir Putin")


def test_bodies_of_different_countries_never_merge():
    ms = [gold("a", "Russian Foreign Ministry", "ORG"), gold("b", "Armenian Foreign Ministry", "ORG"),
          gold("c", "Russian Ministry of Defense", "ORG"), gold("d", "Russian Defense Ministry", "ORG"),
          gold("e", "Foreign Ministry", "ORG")]
    ents = resolve(ms)
    assert apart(ents, "Russian Foreign Ministry", "Armenian Foreign Ministry")
    assert one_entity(ents, "Russian Ministry of Defense", "Russian Defense Ministry")
    # Another article's bare "Foreign Ministry" may be either country's.
    assert apart(ents, "Foreign Ministry", "Russian Foreign Ministry")
    assert apart(ents, "Foreign Ministry", "Armenian Foreign Ministry")


def test_short_form_inside_one_article_is_its_long_form():
    ms = [gold("a", "Russian Foreign Ministry", "ORG"), gold("a", "Foreign Ministry", "ORG", 4),
          gold("b", "Armenian Foreign Ministry", "ORG")]
    ents = resolve(ms)
    assert one_entity(ents, "Russian Foreign Ministry", "Foreign Ministry")
    assert apart(ents, "Foreign Ministry", "Armenian Foreign Ministry")


def test_abbreviations_and_formats_of_one_body():
    ms = [gold("a", "Nagorno-Karabakh Republic", "ORG"), gold("a", "Nagorno-Karabakh", "ORG"),
          gold("b", "Karabakh", "PLACE"), gold("c", "NKR", "PLACE"), gold("c", "Nagorno Karabakh", "PERSON"),
          gold("d", "OSCE Minsk Group", "ORG"), gold("e", "Minsk group", "ORG"), gold("d", "Minsk Troika", "ORG"),
          gold("f", "Minsk", "PLACE")]
    ents = resolve(ms)
    assert one_entity(ents, "Nagorno-Karabakh Republic", "Nagorno-Karabakh", "Karabakh", "NKR", "Nagorno Karabakh")
    assert entity_of(ents, "Karabakh")[0].type == "PLACE"
    assert one_entity(ents, "OSCE Minsk Group", "Minsk group", "Minsk Troika")
    assert apart(ents, "Minsk", "Minsk group")  # the city is not the negotiating group


def test_a_country_named_in_several_languages_and_forms_is_one_place():
    ms = [gold("en", "United States", "PLACE"), gold("en2", "US", "PLACE"), gold("it", "Stati Uniti", "PLACE"),
          gold("es", "EEUU", "PLACE"), gold("nl", "Verenigde Staten", "PLACE"), gold("ru", "США", "PLACE"),
          gold("es", "Reino Unido", "PLACE"), gold("en", "Britain", "PLACE"),
          gold("en", "Jordan", "PERSON"), gold("en", "Michael Jordan", "PERSON"), gold("es", "Jordania", "PLACE")]
    ents = resolve(ms)
    assert one_entity(ents, "United States", "US", "Stati Uniti", "EEUU", "Verenigde Staten", "США")
    assert one_entity(ents, "Reino Unido", "Britain") and apart(ents, "Britain", "US")
    assert apart(ents, "Jordania", "Jordan")  # a person so named stays a person
    # a country is no surname of a company a tagger typed a person, nor a short form of it
    ents = resolve([gold("a", "Air France", "PERSON"), gold("a", "France", "PLACE", 1),
                    gold("b", "Kuwait Finance House", "ORG"), gold("b", "Kuwait", "PLACE", 1),
                    gold("c", "Francia", "PLACE"), gold("d", "Republic of Azerbaijan", "PLACE"),
                    gold("d", "Azerbaijan", "PLACE", 1)])
    assert apart(ents, "Air France", "France") and one_entity(ents, "France", "Francia")
    assert apart(ents, "Kuwait", "Kuwait Finance House")
    assert one_entity(ents, "Republic of Azerbaijan", "Azerbaijan")


def test_rules_read_a_company_after_of_as_no_place_and_a_title_at_a_sentences_start_as_a_role():
    es = article("es.txt", "El Departamento del Tesoro de los EEUU vendió su parte de Vantec. Las bolsas cayeron "
                           "en Japón y las ventas de Indonesia también.", language="es")
    ms = {m.text: m for m in find_mentions(es)}
    assert ms["Departamento del Tesoro de los EEUU"].type == "ORG"
    assert "Vantec" not in ms  # "de" is mostly "of": a company after it is no place
    assert ms["Japón"].type == ms["Indonesia"].type == "PLACE"  # the country list needs no cue
    nl = article("nl.txt", "Het bedrijf groeit. Analiste Rebecca Lindland zei dat de Amerikaanse overheid "
                           "haar aandeel verkoopt.", language="nl")
    ms = {m.text: m for m in find_mentions(nl)}
    assert ms["Rebecca Lindland"].type == "PERSON" and ms["Rebecca Lindland"].role == "Analiste"
    assert "Amerikaanse" not in ms  # "de" is the Dutch article


def test_a_contact_label_after_a_signature_is_no_part_of_the_name():
    it = article("it.txt", "Preparatevi al cambiamento. Professor Akidotun Merino Email: info@esempio.it "
                           "Twitter: @esempio Telefono: 0811", language="it")
    ms = {m.text: m for m in find_mentions(it)}
    assert "Akidotun Merino" in ms and not any("Email" in name for name in ms), list(ms)


def test_rules_read_a_saints_or_a_forts_town_as_a_place():
    it = article("it.txt", "Ci sono stati quattro omicidi in tutta St. Louis. St. Louis è sconvolta. Il sindaco di "
                           "San Francisco e i St. Louis Blues ne parlano. Il medico legale della contea di St. Joseph "
                           "Michael J. McGann ha detto che la base di Fort Bragg era chiusa.", language="it")
    ms = {(m.text, m.start): m for m in find_mentions(it)}
    assert {m.type for (name, _), m in ms.items() if name == "St. Louis"} == {"PLACE"}
    assert sum(name == "St. Louis" for name, _ in ms) == 2
    types = {name: m.type for (name, _), m in ms.items()}
    assert types["San Francisco"] == types["St. Joseph"] == types["Fort Bragg"] == "PLACE"
    assert types["St. Louis Blues"] == "ORG" and types["Michael J. McGann"] == "PERSON"


def test_a_banner_in_capitals_run_into_a_name_is_no_part_of_it():
    it = article("it.txt", "La polizia indaga. CLICCA QUI PER L'APP FOX NEWS Nel frattempo il sindaco Lyda Krewson "
                           "ha parlato. Lo ha detto JUSTIN SULLIVAN Reuters Agency ieri.", language="it")
    names = {m.text for m in find_mentions(it)}
    assert not any("CLICCA" in n or "SULLIVAN" in n for n in names), names
    assert "Lyda Krewson" in names


def test_a_bodys_kind_before_a_name_makes_it_a_body():
    types = types_of("Gantz a rencontré Avigdor Lieberman, chef du petit parti Yisrael Beiteinu, lundi soir.", "fr")
    assert types["Yisrael Beiteinu"] == "ORG" and types["Avigdor Lieberman"] == "PERSON"
    types = types_of("Lo informó el periódico Thanh Hoa. Habló el líder del partido de Pablo Iglesias ayer.", "es")
    assert types["Thanh Hoa"] == "ORG" and types["Pablo Iglesias"] == "PERSON"
    # a newspaper's title word makes a body of the run ("Indian Express" had been a person)
    types = types_of("Lo ha riferito ieri il sito Indian Express e lo ha confermato il Korven Herald.", "it")
    assert types["Indian Express"] == types["Korven Herald"] == "ORG"
    types = types_of("Lo decidió ayer la Organización Mundial de Korven en Ginebra.", "es")
    assert types["Organización Mundial de Korven"] == "ORG"


def test_a_surname_after_to_is_the_person_named_in_full_not_a_place():
    types = types_of("Le rival de Benjamin Vardan a parlé lundi. L'annonce a infligé un revers à Vardan alors "
                     "qu'il voyage à Korven.", "fr")
    assert types["Vardan"] == "PERSON" and types["Benjamin Vardan"] == "PERSON"


def test_feasts_share_buttons_and_legal_links_are_no_names_and_places_go_by_their_words():
    types = types_of("Las lluvias de Año Nuevo inundaron Java Occidental. Escuchar Nota Las autoridades "
                     "evacuaron a miles de personas, dijo Doni Monardo en Twitter.", "es")
    assert "Año Nuevo" not in types and "Escuchar Nota" not in types
    assert types["Java Occidental"] == "PLACE" and types["Doni Monardo"] == "PERSON"
    types = types_of("Am Dienstag hatten Hunderte Demonstranten die gesicherte «Grüne Zone» in Korven gestürmt.", "de")
    assert types.get("Grüne Zone") == "PLACE"
    it = article("it.txt", "La polizia indaga a Korven. Invia Facebook Whatsapp Tumblr Il sindaco Mara Tolen ha "
                           "parlato.", language="it")
    assert not {"Invia Facebook", "Whatsapp Tumblr"} & {m.text for m in find_mentions(it)}
    # a site's legal links at the foot of the page
    types = types_of("Lea nuestra Política de Privacidad y el Aviso Legal. Dijo Doni Monardo que no, según "
                     "Venezolana de Televisión.", "es")
    assert types == {"Doni Monardo": "PERSON", "Venezolana de Televisión": "ORG"}  # a broadcaster is a body
    # an American town named by a given name and a place's word
    assert types_of("Il surfista è morto a Dana Point, in California.", "it")["Dana Point"] == "PLACE"


def test_a_name_after_an_elided_de_or_que_is_read():
    types = types_of("Le discours d'Emmanuel Macron a été salué par les dirigeants d'Israël et d'Austrian "
                     "Airlines, qu'Olaf Scholz a reçus lundi.", "fr")
    assert types["Emmanuel Macron"] == types["Olaf Scholz"] == "PERSON"
    assert types["Israël"] == "PLACE" and types["Austrian Airlines"] == "ORG"


def test_a_ministers_portfolio_before_the_name_is_no_part_of_it():
    it = article("it.txt", "Lo ha confermato ieri il segretario alla Difesa Mark Vellan a Korven.", language="it")
    fr = article("fr.txt", "Le ministre des Finances Olaf Tolen a parlé lundi à Korven.", language="fr")
    for doc in (it, fr):
        persons = [m.text for m in find_mentions(doc) if m.type == "PERSON"]
        assert persons in (["Mark Vellan"], ["Olaf Tolen"]), persons


def test_a_government_and_its_head_run_together_are_two_names():
    types = types_of("Lo anunció ayer el presidente del Gobierno Pedro Vellan en Korven. Lo negó el Ejecutivo de "
                     "Ana Tolen. El Gobierno Vasco calló.", "es")
    assert types["Pedro Vellan"] == types["Ana Tolen"] == "PERSON"
    assert types["Gobierno"] == "ORG" and types["Gobierno Vasco"] == "ORG"


def test_rules_read_a_named_centre_as_a_body_and_a_towns_centre_as_nothing():
    es = article("es.txt", "Los internos del Centro Regional de Reintegración Social de Korven denunciaron malos "
                           "tratos . El Centro Nacional de Huracanes emitió una alerta .", language="es")
    ms = {m.text: m.type for m in find_mentions(es)}
    assert ms == {"Centro Regional de Reintegración Social de Korven": "ORG", "Centro Nacional de Huracanes": "ORG"}
    de = article("de.txt", "Die Demonstranten versammelten sich im Zentrum der Stadt . Das Zentrum blieb gesperrt .",
                 language="de")
    assert find_mentions(de) == []


def test_rules_read_romance_bodies_streets_and_palaces_as_no_people():
    es = article("es.txt", "Ayer la Asamblea Nacional Constituyente y la Fiscalía Provincial de Valencia se reunieron "
                           "en el Palacio Nacional , cerca de la Avenida Miguel Hidalgo . El Presidente de la "
                           "Asamblea Nacional habló con el Arzobispo de Toluca .", language="es")
    ms = {m.text: m for m in find_mentions(es)}
    assert ms["Asamblea Nacional Constituyente"].type == ms["Fiscalía Provincial de Valencia"].type == "ORG"
    assert ms["Palacio Nacional"].type == ms["Avenida Miguel Hidalgo"].type == "PLACE"
    assert ms["Asamblea Nacional"].type == "ORG" and ms["Asamblea Nacional"].role is None  # his office, not its
    assert not [m for m in ms.values() if m.type == "PERSON"]
    it = article("it.txt", "Migliaia di fedeli in Piazza San Pietro hanno ascoltato Papa Francesco . Ieri la "
                           "Basilica di San Pietro e lo Stadio Al Janoub erano chiusi .", language="it")
    ms = {m.text: m for m in find_mentions(it)}
    assert ms["Piazza San Pietro"].type == "PLACE" and ms["Francesco"].role == "Papa"
    assert ms["Basilica di San Pietro"].type == ms["Stadio Al Janoub"].type == "PLACE"
    # a flattened page's next sentence after a name, its full stop lost; a Korean name's last word stays
    fr = article("fr.txt", "La photographe était Delia Bachmann Après la course elle a parlé de Kim Jong Un .",
                 language="fr")
    names = {m.text for m in find_mentions(fr)}
    assert "Delia Bachmann" in names and "Kim Jong Un" in names
    # a form of address is no role ("Mme", "Herr"), a title is
    fr = article("fr.txt", "Selon Mme Suzanne Roy et le Ministre Paul Vidal , rien ne change .", language="fr")
    roles = {m.text: m.role for m in find_mentions(fr)}
    assert roles == {"Suzanne Roy": None, "Paul Vidal": "Ministre"}


def test_rules_read_a_capitalised_phrase_opening_on_a_common_word_as_no_person():
    """"Derechos Humanos", "Ciudad del Cabo", "Anneler Günü": the text prints the first word in
    lower case too, so the phrase is no name; a particle of the same name is no common word."""
    es = article("es.txt", "La Comisión visitó Ciudad del Cabo . Los derechos de los presos y la ciudad vieja "
                           "preocupan a Derechos Humanos , dijo Marta Ibarra . El senador Ronald dela Rosa "
                           "respondió : “ Basta ” , dijo Dela Rosa .", language="es")
    people = {m.text for m in find_mentions(es) if m.type == "PERSON"}
    assert "Ciudad del Cabo" not in people and "Derechos Humanos" not in people, people
    assert {"Marta Ibarra", "Dela Rosa"} <= people
    tr = article("tr.txt", "Anneler Günü için hazırlık yapıldı . Bütün anneler çiçek aldı , Ayşe Kara da kutladı .",
                 language="tr")
    people = {m.text for m in find_mentions(tr) if m.type == "PERSON"}
    assert "Anneler Günü" not in people and "Ayşe Kara" in people, people
    # a given name that is a word too ("bill") still opens a name
    nl = article("nl.txt", "De bill werd aangenomen , zei Bill Bodie .", language="nl")
    assert "Bill Bodie" in {m.text for m in find_mentions(nl) if m.type == "PERSON"}


def test_rules_read_services_leagues_congresses_towns_and_parks_as_no_people():
    es = article("es.txt", "Lo informó el Servicio Penitenciario Bonaerense . El Mobile World Congress abrió en "
                           "Barcelona , y la Liga de Campeones siguió . Turistas visitaron Punta Balajú y el Parque "
                           "Nacional antes de volar a Ciudad Real .", language="es")
    ms = {m.text: m.type for m in find_mentions(es)}
    assert ms["Servicio Penitenciario Bonaerense"] == ms["Mobile World Congress"] == "ORG", ms
    assert ms["Liga de Campeones"] == "ORG"
    assert ms["Punta Balajú"] == ms["Ciudad Real"] == "PLACE", ms
    assert "PERSON" not in ms.values()
    es = article("es.txt", "La Secretaría de Salud y la Guardia Nacional informaron . Guardar Enviar . Según "
                           "Protección Civil , la Junta Electoral y la Unidad de Control de Fraudes revisan el caso . "
                           "Compartir Tweet Correo", language="es")
    ms = {m.text: m.type for m in find_mentions(es)}
    assert ms["Secretaría de Salud"] == ms["Guardia Nacional"] == ms["Protección Civil"] == "ORG", ms
    assert ms["Junta Electoral"] == ms["Unidad de Control de Fraudes"] == "ORG", ms
    assert not [name for name in ms if "Guardar" in name or "Tweet" in name], ms
    es = article("es.txt", "La riña enfrentó al Cartel Jalisco Nueva Generación con el Cártel del Golfo .",
                 language="es")
    ms = {m.text: m.type for m in find_mentions(es)}
    assert ms["Cartel Jalisco Nueva Generación"] == ms["Cártel del Golfo"] == "ORG", ms


def test_a_bylines_by_and_a_weekday_run_on_are_no_part_of_a_name():
    fr = article("fr.txt", "Le rapport paraît demain . Mis à jour le 3 mars Par Brigitte Menard . La photo de Roland "
                           "Weiss Mardi soir montre la foule .", language="fr")
    people = {m.text for m in find_mentions(fr) if m.type == "PERSON"}
    assert {"Brigitte Menard", "Roland Weiss"} <= people, people
    es = article("es.txt", "El informe salió hoy , 3 de marzo Por Evan Blake en Madrid .", language="es")
    assert "Evan Blake" in {m.text for m in find_mentions(es) if m.type == "PERSON"}


def test_a_team_named_by_its_city_and_a_plural_nickname_is_no_person():
    """"los Dallas Cowboys", "i Montreal Canadiens", "the Penguins": a team, in the rules and the
    English model alike; the city alone stays no body ("Montreal")."""
    es = article("es.txt", "Ayer los Dallas Cowboys vencieron a los Green Bay Packers en Texas .", language="es")
    ms = {m.text: m.type for m in find_mentions(es)}
    assert ms["Dallas Cowboys"] == ms["Green Bay Packers"] == "ORG", ms
    it = article("it.txt", "I Montreal Canadiens hanno perso . A Montreal i tifosi erano delusi .", language="it")
    ms = {m.text: m.type for m in find_mentions(it)}
    assert ms["Montreal Canadiens"] == "ORG" and ms.get("Montreal") != "ORG", ms
    en = article("en.txt", "The Pittsburgh Penguins beat the Sharks 4-2 on Saturday, coach Mike Sullivan said.")
    types = {m.text: m.type for m in find_mentions(en)}
    assert types.get("Pittsburgh Penguins") != "PERSON" and types.get("Sharks") != "PERSON", types
    assert types["Mike Sullivan"] == "PERSON"


def test_a_sentence_opener_a_flattened_page_capitalised_mid_line_is_no_name():
    # Spanish rules: the lost full stop before "Antes", "Después"
    es = article("es.txt", "Fue contratado como abogado general Antes de que llegara era una estrella . El acuerdo "
                           "se firmó el lunes Después Pedro Sánchez habló en Madrid .", language="es")
    assert {m.text: m.type for m in find_mentions(es)} == {"Pedro Sánchez": "PERSON", "Madrid": "PLACE"}
    # the English model's span: "Before Stern" is Stern; "Will Smith" is a name
    en = article("en.txt", "He was hired as general counsel Before Stern was the commissioner , he was a rising "
                           "star . Will Smith was there .")
    people = {m.text for m in find_mentions(en) if m.type == "PERSON"}
    assert "Before Stern" not in people and "Will Smith" in people


def test_rules_cut_a_title_or_a_place_from_the_name_and_type_no_product_a_person():
    nl = article("nl.txt", "Het bedrijf groeit. Toen Apple CEO Steve Jobs sprak, zweeg Senator Bob Corker.",
                 language="nl")
    ms = {m.text: m for m in find_mentions(nl)}
    assert ms["Steve Jobs"].role == "Apple CEO" and ms["Bob Corker"].role == "Senator"
    es = article("es.txt", "El primer ministro de Australia Ivo Lind dijo ayer que el CEO de Vantec viajará en un "
                           "A380 de Airbus. Volará con China Eastern Airlines.", language="es")
    ms = {m.text: m for m in find_mentions(es)}
    assert [m for m in ms if ms[m].type == "PERSON"] == ["Ivo Lind"]  # no CEO de Vantec, no A380 de Airbus
    assert ms["China Eastern Airlines"].type == "ORG"
    nl = article("nl.txt", "Het bedrijf groeit. De CEO en de Chief Operating Officer van Vantec reisden naar de "
                           "VS en de EEUU.", language="nl")
    ms = {m.text: m for m in find_mentions(nl)}
    assert "CEO" not in ms and "Chief Operating Officer" not in ms and ms["EEUU"].type == "PLACE"
    # an English title or style before a name is its role; "King" ending a name stays in it
    es = article("es.txt", "Ayer habló King Ivo Lind con Martin Luther King Jr. Queen Ana llegó después.",
                 language="es")
    ms = {m.text: m for m in find_mentions(es)}
    assert ms["Ivo Lind"].role == "King" and ms["Ana"].role == "Queen" and "Martin Luther King Jr" in ms
    # a translation's "of" before the person's company is no particle of the name; a particle is
    nl = article("nl.txt", "Het toestel landde veilig , zei woordvoerder Ana Vellen van Vantex . Vantex wist niets . "
                           "Later sprak Ludwig van Arlow over Vantex .", language="nl")
    names = {m.text for m in find_mentions(nl) if m.type == "PERSON"}
    assert "Ana Vellen" in names and "Ana Vellen van Vantex" not in names and "Ludwig van Arlow" in names
    # a sea's or a region's name is a place, not a person; a month's label is neither
    it = article("it.txt", "Il volo è caduto nell' Oceano Atlantico , lontano dal Medio Oriente , il Mar-08 .",
                 language="it")
    kinds = {m.written: m.type for m in find_mentions(it)}
    assert kinds["Oceano Atlantico"] == kinds["Medio Oriente"] == "PLACE" and "Mar-08" not in kinds
    # the opening of a body's name printed in full is that body, not a person
    es = article("es.txt", "Ayer el Vellan Korst Industrial Average cayó un 2 % . El Vellan Korst perdió 90 puntos .",
                 language="es")
    assert {m.text: m.type for m in find_mentions(es)}.get("Vellan Korst") == "ORG"
    # Spanish "a" before a person's names marks whom, not where; a man's given name printed alone
    # does not make his full name a company's
    es = article("es.txt", "He pedido a Ivo Vellan que dirija la empresa . Viajó a Long Beach y a San Arlo .",
                 language="es")
    kinds = {m.text: m.type for m in find_mentions(es)}
    assert kinds["Ivo Vellan"] == "PERSON" and kinds["Long Beach"] == kinds["San Arlo"] == "PLACE"
    nl = article("nl.txt", "Ik heb Tim Vellan gevraagd de leiding te nemen . Ik vertrouw Tim volledig .",
                 language="nl")
    assert {m.text: m.type for m in find_mentions(nl)}["Tim Vellan"] == "PERSON"
    # a firm's noun in English makes a body, a street's a place
    it = article("it.txt", "Lo dice la Vellan Associates : a Korven Street le borse sono scese .",
                 language="it")
    kinds = {m.text: m.type for m in find_mentions(it)}
    assert kinds["Vellan Associates"] == "ORG" and kinds["Korven Street"] == "PLACE"
    # a number that opens a sentence opens no name
    nl = article("nl.txt", "De wet haalde het niet . Drie Democraten stemden tegen .", language="nl")
    assert not [m for m in find_mentions(nl) if m.type == "PERSON"]
    # a name joined by an ampersand is one name, spaced or not
    it = article("it.txt", "I server di Vantex e di AT & T hanno accusato problemi , come quelli di KB&T .",
                 language="it")
    assert {"AT & T", "KB&T"} <= {m.text for m in find_mentions(it) if m.type == "ORG"}


def test_a_body_or_a_place_named_in_two_languages_is_one_entity():
    def said(source, text, kind, language):
        return Mention(source=source, text=text, type=kind, sentence=0, language=language)

    ents = resolve([said("en", "White House", "ORG", "en"), said("es", "Casa Blanca", "ORG", "es"),
                    said("en", "European Commission", "ORG", "en"), said("es", "Comisión Europea", "ORG", "es"),
                    said("es", "Unión Europea", "ORG", "es"), said("en", "London", "PLACE", "en"),
                    said("es2", "Londres", "PLACE", "es"), said("it", "Mosca", "PLACE", "it"),
                    said("en2", "Apple Corps", "ORG", "en"), said("en3", "Apple", "ORG", "en")])
    assert one_entity(ents, "White House", "Casa Blanca") and one_entity(ents, "London", "Londres")
    assert one_entity(ents, "European Commission", "Comisión Europea")
    assert apart(ents, "Unión Europea", "Comisión Europea") and apart(ents, "Mosca", "London")
    assert apart(ents, "Apple", "Apple Corps")  # one language: the spelling rules judge


def test_an_article_before_a_name_goes_but_not_the_first_letter_of_an_acronym():
    def es(source, text, kind, sentence=0):
        return Mention(source=source, text=text, type=kind, sentence=sentence, language="es")

    ents = resolve([es("a", "Bob Mansfield", "PERSON"), es("a", "IBM", "ORG", 1), es("b", "El Nikkei", "ORG"),
                    es("c", "Nikkei", "ORG"), es("d", "L'UAW", "ORG"), es("e", "UAW", "ORG")])
    assert apart(ents, "IBM", "Bob Mansfield")  # "IBM" read as the article "I" and "BM", Bob Mansfield's initials
    assert one_entity(ents, "El Nikkei", "Nikkei") and one_entity(ents, "L'UAW", "UAW")


def test_a_time_zone_is_no_body_and_a_city_named_in_its_own_language_is_a_place():
    for lang, text in (("en", "Vantec filed for bankruptcy at 12:00 UTC on Monday in New York."),
                       ("es", "Vantec se declaró en quiebra a las 12:00 UTC del lunes en Nueva York.")):
        ms = {m.text: m for m in find_mentions(article(f"{lang}.txt", text, language=lang))}
        assert "UTC" not in ms
    assert ms["New York"].type == "PLACE" and ms["New York"].printed == "Nueva York"
    # a stamp's zone run into the headline after it is no part of a name
    stamped = article("en.txt", "Last updated : 1 May , 2031 - 17:54 GMT Vellia shuts its schools to slow the flu .")
    assert [m.text for m in find_mentions(stamped)] == ["Vellia"]


def test_a_place_run_into_the_name_after_it_is_a_place_then_the_name():
    texts = {"it": "Stati Uniti Loredana Vessi ha detto che il ponte sarà chiuso.",
             "es": "El bufete Nueva York Brandell dijo que apelará. Los New York Vantecs ganaron el lunes.",
             "pl": "Rząd ogłosił wczoraj, iż Stany Zjednoczone Ameryki wprowadzą sankcje."}
    ms = {lang: [(m.text, m.type, m.printed) for m in find_mentions(article(f"{lang}.txt", text, language=lang))]
          for lang, text in texts.items()}
    assert ms["it"][:2] == [("Stati Uniti", "PLACE", None), ("Loredana Vessi", "PERSON", None)]
    assert ("New York", "PLACE", "Nueva York") in ms["es"]
    assert not any("Brandell" in text and kind == "PERSON" for text, kind, _ in ms["es"])
    assert ("New York Vantecs", "ORG", None) in ms["es"]  # a team, as its fans print it
    assert ("Stany Zjednoczone Ameryki", "PLACE", None) in ms["pl"]
    # the whole run a place, or one word before a name: unchanged
    city = find_mentions(article("it2.txt", "Ieri a New York City la neve è caduta.", language="it"))
    assert [(m.text, m.type) for m in city] == [("New York City", "PLACE")]


def test_a_short_first_word_of_a_sentence_that_is_part_of_the_name_stays():
    texts = {"pl": "Kim Dzong Un powiedział też, że Vellia nie jest gotowa.",
             "de": "New York (dpa) - Die Börse in Vellia schloss am Montag fester.",
             "es": "Los Angeles Vantecs ganaron el lunes. Los Estados Unidos respondieron."}
    ms = {lang: [(m.text, m.type) for m in find_mentions(article(f"{lang}.txt", text, language=lang))]
          for lang, text in texts.items()}
    assert ("Kim Dzong Un", "PERSON") in ms["pl"] and ("New York", "PLACE") in ms["de"]
    assert ("Los Angeles Vantecs", "ORG") in ms["es"]
    assert ("Estados Unidos", "PLACE") in ms["es"]  # the article before a country still goes
    # a short word that is no name still goes: "Ma" is Italian "but"
    but = find_mentions(article("it.txt", "Ma Renzi ha detto di no al piano di Vellia.", language="it"))
    assert "Ma Renzi" not in [m.text for m in but]


def test_a_state_abroad_is_a_place_and_names_no_one():
    texts = {"it": "Il senatore Ivo Brandt della California ha parlato. Una donna del Texas ha vinto. "
                   "I Minnesota Vantec hanno perso.",
             "fr": "Le gouverneur de Floride a parlé avec Mara Tolen en Louisiane.",
             "es": "Una escuela de Nueva Jersey cerró en Kansas City."}
    ms = {lang: {m.text: m.type for m in find_mentions(article(f"{lang}.txt", text, language=lang))}
          for lang, text in texts.items()}
    assert ms["it"]["Ivo Brandt"] == "PERSON" and ms["it"]["California"] == "PLACE"  # not one name
    assert ms["it"]["Texas"] == "PLACE" and "Donna del Texas" not in ms["it"]
    assert ms["it"]["Minnesota Vantec"] == "ORG"  # a team named after its state
    assert ms["fr"]["Floride"] == ms["fr"]["Louisiane"] == "PLACE" and ms["fr"]["Mara Tolen"] == "PERSON"
    assert ms["es"]["Nueva Jersey"] == "PLACE" and ms["es"]["Kansas City"] == "PLACE"
    # a state's name that is as often a given name stays a name
    woolf = find_mentions(article("it3.txt", "Ieri Virginia Woolf e Indiana Brandt hanno scritto.", language="it"))
    assert {m.text: m.type for m in woolf} == {"Virginia Woolf": "PERSON", "Indiana Brandt": "PERSON"}


def test_a_models_type_outvotes_the_rules_guess():
    ms = [Mention(source="en", text="Vantec", type="ORG", sentence=0, language="en"),
          Mention(source="es", text="Vantec", type="PLACE", sentence=0, language="es"),
          Mention(source="it", text="Vantec", type="PLACE", sentence=0, language="it")]
    assert [(e.name, e.type) for e in resolve(ms)] == [("Vantec", "ORG")]


def test_place_spellings_merge_but_neighbouring_towns_and_countries_do_not():
    ms = [gold("a", "Shusha", "PLACE"), gold("a", "Choucha", "PLACE", 2), gold("b", "Shushi", "PERSON"),
          gold("b", "Stepanakert", "PERSON"), gold("c", "Stepanakert", "PLACE"),
          gold("d", "Iran", "PLACE"), gold("e", "Iraq", "PLACE"), gold("f", "Gambia", "PLACE"),
          gold("g", "Zambia", "PLACE"), gold("h", "Korea", "PLACE"), gold("h", "North Korea", "PLACE")]
    ents = resolve(ms)
    assert one_entity(ents, "Shusha", "Choucha", "Shushi")
    assert one_entity(ents, "Stepanakert")
    assert apart(ents, "Stepanakert", "Shusha")
    assert apart(ents, "Iran", "Iraq") and apart(ents, "Gambia", "Zambia")
    assert apart(ents, "Korea", "North Korea")


def test_a_place_inside_a_longer_name_of_another_place_stays_apart():
    # within one article and across articles: a country and its capital named after it, a
    # continent and a region of it, a state and the peninsula named after it
    ms = [gold("a", "Mexico", "PLACE"), gold("a", "Mexico City", "PLACE", 2), gold("b", "Mexico City", "PLACE"),
          gold("c", "America", "PLACE"), gold("c", "Latin America", "PLACE", 3),
          gold("d", "California", "PLACE"), gold("d", "Baja California", "PLACE", 1),
          gold("e", "Moscow", "PLACE"), gold("e", "Moscow city", "PLACE", 1)]
    ents = resolve(ms)
    assert apart(ents, "Mexico", "Mexico City") and one_entity(ents, "Mexico City")
    assert apart(ents, "America", "Latin America") and apart(ents, "California", "Baja California")
    assert one_entity(ents, "Moscow", "Moscow city")


def test_a_two_letter_acronym_spells_no_article():
    ms = [gold("a", "El Universal", "ORG"), gold("a", "EU", "ORG", 2), gold("b", "British Airways", "ORG"),
          gold("b", "BA", "ORG", 1)]
    ents = resolve(ms)
    assert apart(ents, "El Universal", "EU") and one_entity(ents, "British Airways", "BA")


def test_type_errors_neither_split_nor_mistype(english):
    texts = {"a.txt": "Azerbaijan accused Armenia of shelling the towns of Stepanakert and Shushi on Friday.",
             "b.txt": "Shelling was reported in Stepanakert overnight, officials in Yerevan said."}
    ms = [m for s, t in texts.items() for m in find_mentions(article(s, t))]
    ents = resolve(ms, texts)
    step = entity_of(ents, "Stepanakert")
    assert len(step) == 1 and step[0].type == "PLACE"
    assert apart(ents, "Stepanakert", "Shushi")


def test_gold_mentions_without_offsets_each_land_in_one_entity():
    ms = [gold("a", "the company", "ORG"), gold("a", "Boeing", "ORG"), gold("a", "it", "ORG"),
          gold("b", "Boeing", "ORG"), gold("b", "the company", "ORG"), gold("b", "he", "PERSON"),
          gold("c", "EEUU", "PLACE"), gold("c", "statunitense", "PLACE")]
    ents = resolve(ms)
    held = [id(m) for e in ents for m in e.mentions]
    assert sorted(held) == sorted(id(m) for m in ms)  # every mention once
    assert one_entity(ents, "Boeing")
    assert apart(ents, "it", "he")


def test_roles_are_distinct_and_most_supported_first():
    ms = [Mention("a", "Nikol Pashinyan", type="PERSON", role="Armenian Prime Minister"),
          Mention("b", "Nikol Pashinyan", type="PERSON", role="Armenian Prime Minister"),
          Mention("c", "Nikol Pashinyan", type="PERSON", role="Armenian President"),
          Mention("d", "Nikol Pashinyan", type="PERSON", role="armenian prime minister")]
    (e,) = resolve(ms)
    assert e.roles == ["Armenian Prime Minister", "Armenian President"]
    assert e.type == "PERSON" and len(e.mentions) == 4


def test_resolving_a_fifty_article_story_is_quick():
    first = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Goran", "Hana", "Igor", "Jana"]
    last = ["Petrov", "Novak", "Haddad", "Kovacs", "Moreau", "Rossi", "Jensen", "Tanaka", "Okafor", "Silva"]
    places = ["Lyon", "Graz", "Split", "Tartu", "Kaunas", "Varna", "Plovdiv", "Brno", "Gdansk", "Cluj"]
    ms = []
    for d in range(50):
        src = f"doc{d}"
        for k in range(10):
            ms.append(Mention(src, f"{first[(d + k) % 10]} {last[(d * 3 + k) % 10]}", type="PERSON", sentence=k,
                              role="deputy minister of transport" if k % 3 else None))
            ms.append(Mention(src, last[(d * 3 + k) % 10], type="PERSON", sentence=k + 1))
            ms.append(Mention(src, places[(d + 2 * k) % 10], type="PLACE", sentence=k))
            ms.append(Mention(src, f"{places[k]} City Council", type="ORG", sentence=k))
    t = time.process_time()  # CPU time: the machine running the tests may be busy
    ents = resolve(ms)
    elapsed = time.process_time() - t
    assert sum(len(e.mentions) for e in ents) == len(ms)
    assert elapsed < 1.0, f"{elapsed:.2f} s for {len(ms)} mentions"


def test_full_names_of_different_lengths_and_scripts():
    ms = [gold("a", "Recep Tayyip Erdogan", "PERSON"), gold("b", "Tayyip Erdogan", "PERSON"),
          gold("c", "Реджеп Тайип Эрдоган", "PERSON"), gold("d", "Vladimir Vladimirovich Putin", "PERSON"),
          gold("e", "Vladimir Putin", "PERSON"), gold("f", "Bilal Erdogan", "PERSON"),
          gold("g", "Emine Erdogan", "PERSON")]
    ents = resolve(ms)
    assert one_entity(ents, "Recep Tayyip Erdogan", "Tayyip Erdogan", "Реджеп Тайип Эрдоган")
    assert one_entity(ents, "Vladimir Vladimirovich Putin", "Vladimir Putin")
    assert apart(ents, "Recep Tayyip Erdogan", "Bilal Erdogan")
    assert apart(ents, "Bilal Erdogan", "Emine Erdogan")


def test_acronym_in_brackets_defines_it_and_travels_to_translations(english):
    texts = {"a.txt": "The Disaster and Emergency Management Authority (AFAD) said 11,000 people were injured. "
                      "The US Geological Survey (USGS) measured a magnitude of 7.8.",
             "b.txt": "According to the American Institute of Geophysics USGS, the epicentre was near the border. "
                      "The AFAD sent 8,000 rescuers."}
    ms = [m for s, t in texts.items() for m in find_mentions(article(s, t))]
    ents = resolve(ms, texts)
    assert one_entity(ents, "Disaster and Emergency Management Authority", "AFAD")
    assert one_entity(ents, "US Geological Survey", "USGS", "American Institute of Geophysics")
    assert entity_of(ents, "USGS")[0].name == "US Geological Survey"  # the name that spells the letters out


def test_one_acronym_for_two_bodies_ties_neither():
    ms = [gold("a", "Agence France-Presse", "ORG"), gold("a", "AFP", "ORG"),
          gold("b", "Australian Federal Police", "ORG"), gold("b", "AFP", "ORG")]
    ents = resolve(ms)
    assert apart(ents, "Agence France-Presse", "Australian Federal Police")


def test_a_bodys_name_without_its_designator_is_that_body_but_not_without_a_word_of_its_name():
    ms = [gold("a", "Treasury Department", "ORG"), gold("b", "Treasury", "ORG"), gold("c", "Korvel Brothers", "ORG"),
          gold("d", "Korvel", "ORG"), gold("e", "Vantex", "ORG"), gold("f", "Vantex Valdana", "ORG"),
          gold("g", "Senate", "ORG"), gold("h", "Senate Banking Committee", "ORG"), gold("i", "Arlow", "PLACE"),
          gold("j", "Arlow University", "ORG")]
    ents = resolve(ms)
    assert one_entity(ents, "Treasury", "Treasury Department") and one_entity(ents, "Korvel", "Korvel Brothers")
    assert apart(ents, "Vantex", "Vantex Valdana")  # a company and the tanker named after it
    assert apart(ents, "Senate", "Senate Banking Committee")  # a body and its committee
    assert apart(ents, "Arlow", "Arlow University")  # a town and the university named after it


def test_a_short_given_name_and_a_suffix_name_one_man_but_two_generations_are_two():
    ents = resolve([gold("a", "Henry M. Vollard Jr.", "PERSON"), gold("b", "Hank Vollard", "PERSON"),
                    gold("c", "Vollard", "PERSON")])
    assert one_entity(ents, "Henry M. Vollard Jr.", "Hank Vollard", "Vollard")
    ents = resolve([gold("a", "Martin Luther Kell Jr.", "PERSON"), gold("b", "Martin Luther Kell III", "PERSON")])
    assert apart(ents, "Martin Luther Kell Jr.", "Martin Luther Kell III")


def test_a_bare_name_beside_two_different_longer_names_ties_nobody():
    ms = [gold("a", "Apple Corps", "ORG"), gold("a", "Apple", "ORG"), gold("b", "Apple Computer", "ORG"),
          gold("b", "Apple", "ORG"), gold("c", "Bank of America", "ORG"), gold("d", "America", "PLACE"),
          gold("e", "GM, Ford and Chrysler", "ORG"), gold("e", "Ford", "ORG"), gold("f", "GM", "ORG")]
    ents = resolve(ms)
    assert apart(ents, "Apple Corps", "Apple Computer")
    assert apart(ents, "Bank of America", "America")
    assert apart(ents, "Ford", "GM")


def test_a_body_run_into_its_heads_name_is_split(english):
    text = ("The correctional tribunal condemned the former minister of the Budget Jérôme Cahuzac to seven years. "
            "Mr. Cahuzac will appeal, said the head of AFAD Yunus Sezer.")
    ms = {m.text: m for m in find_mentions(article("r.txt", text))}
    assert ms["Jérôme Cahuzac"].type == "PERSON"
    assert ms["Yunus Sezer"].type == "PERSON" and ms["AFAD"].type == "ORG"
    assert "Budget Jérôme Cahuzac" not in ms


def test_a_name_through_another_script_tied_by_a_distinctive_role(english):
    texts = {"a.txt": "A Paris court sentenced former budget minister Jerome Cahuzac to seven years. His brother "
                      "Antoine Cahuzac was acquitted.",
             "b.txt": "The former French budget minister Zherom Kayuzak was sentenced to seven years in prison. "
                      "Zherom Kayuzak will appeal. Antoine Kayuzak, the brother of the ex-minister, was acquitted.",
             "c.txt": "Former health minister Jerome Kazakov said that Jerome Cahuzac had lied."}
    ms = [m for s, t in texts.items() for m in find_mentions(article(s, t))]
    ents = resolve(ms, texts)
    assert one_entity(ents, "Jerome Cahuzac", "Zherom Kayuzak")
    assert entity_of(ents, "Zherom Kayuzak")[0].name == "Jerome Cahuzac"  # the spelling more sources print
    assert apart(ents, "Jerome Cahuzac", "Antoine Cahuzac")
    assert apart(ents, "Jerome Cahuzac", "Jerome Kazakov")  # another ministry, a surname not close enough


def test_names_across_languages_without_a_model():
    texts = {"fr.txt": ("Le président russe Vladimir Poutine a reçu mardi le Premier ministre arménien Nikol "
                        "Pachinian. Pachinian a remercié la Russie.", "fr"),
             "de.txt": ("Der russische Präsident Wladimir Putin hat den armenischen Regierungschef Nikol Paschinjan "
                        "empfangen.", "de"),
             "en.txt": ("Russian President Vladimir Putin received Armenian Prime Minister Nikol Pashinyan.", "en")}
    ms = [m for s, (t, lang) in texts.items() for m in find_mentions(article(s, t, language=lang))]
    by_text = {m.text: m for m in ms}
    assert by_text["Wladimir Putin"].role == "Präsident"  # a German title is not part of the name
    ents = resolve(ms, {s: t for s, (t, _) in texts.items()})
    assert one_entity(ents, "Vladimir Poutine", "Wladimir Putin", "Vladimir Putin")
    assert entity_of(ents, "Wladimir Putin")[0].name == "Vladimir Putin"  # English spelling on a tie
    assert one_entity(ents, "Nikol Pachinian", "Nikol Paschinjan", "Nikol Pashinyan")
    assert apart(ents, "Vladimir Putin", "Nikol Pashinyan")


def test_a_first_letter_languages_spell_two_ways_still_finds_the_other_spelling():
    # German S for a Slavic Z, German Ch for Kh, Polish Dz for a foreign J
    ents = resolve([gold("de", "Bogdan Sabolotnyj", "PERSON"), gold("en", "Bogdan Zabolotny", "PERSON"),
                    gold("de2", "Ali Chaldani", "PERSON"), gold("en2", "Ali Khaldani", "PERSON"),
                    gold("pl", "Pak Dzong Sik", "PERSON"), gold("en3", "Pak Jong Sik", "PERSON"),
                    gold("en4", "Ali Saldani", "PERSON")])
    assert one_entity(ents, "Bogdan Sabolotnyj", "Bogdan Zabolotny")
    assert one_entity(ents, "Ali Chaldani", "Ali Khaldani")
    assert one_entity(ents, "Pak Dzong Sik", "Pak Jong Sik")
    assert apart(ents, "Ali Khaldani", "Ali Saldani")  # S and Kh are two names


def test_long_place_names_differing_in_one_transliterated_sound():
    ents = resolve([gold("a", "Kahramanmaras", "PLACE"), gold("b", "Kahramanmarach", "PLACE"),
                    gold("c", "Columbia", "PLACE"), gold("d", "Colombia", "PLACE")])
    assert one_entity(ents, "Kahramanmaras", "Kahramanmarach")
    assert apart(ents, "Columbia", "Colombia")


def test_people_the_model_types_as_bodies_or_misses_are_recovered(english):
    text = ("The mayor of the province Miroslav Tobarine said the rescue teams were working. \u00abWe ask the "
            "citizens not to return\u00bb, Tobarine said. The director of the survey, Nadia Orbeli, said the "
            "estimate stood. \u201cWe will rebuild every house,\u201d Tobarine told reporters.")
    ms = [m for m in find_mentions(article("p.txt", text)) if m.type == "PERSON"]
    texts = [m.text for m in ms]
    assert "Miroslav Tobarine" in texts and "Nadia Orbeli" in texts
    assert texts.count("Tobarine") == 2  # the model missed the one after the quote


def test_a_teaser_under_the_article_does_not_make_a_body_surname_ambiguous(english):
    lines = [Line(9, "Former finance minister Pavel Malek was appointed chairman of the railway board.", "boilerplate")]
    text = "The spokesman of the ministry, Teodor Malek, told the agency that 19 people were rescued. Malek said more."
    ms = find_mentions(article("t.txt", text, lines=lines))
    ents = resolve(ms, {"t.txt": text})
    assert one_entity(ents, "Teodor Malek", "Malek")
    assert apart(ents, "Teodor Malek", "Pavel Malek")


def test_vowels_garbled_in_every_word_still_one_person_but_not_other_names():
    ents = resolve([gold("a", "Miroslav Tobarine", "PERSON"), gold("b", "Miroslav Tabarin", "PERSON"),
                    gold("c", "Irina Dobrosch", "PERSON"), gold("d", "Irena Dobrosh", "PERSON"),
                    gold("e", "Mohammed Hassan", "PERSON"), gold("f", "Mohammed Hussein", "PERSON")])
    assert one_entity(ents, "Miroslav Tobarine", "Miroslav Tabarin")
    assert one_entity(ents, "Irina Dobrosch", "Irena Dobrosh")
    assert apart(ents, "Mohammed Hassan", "Mohammed Hussein")


def test_a_given_name_alone_is_the_one_person_of_the_article_with_it():
    ents = resolve([gold("a", "Andrei Kolvan", "PERSON"), gold("a", "Pavel Kolvan", "PERSON", 1),
                    gold("a", "Andrei", "PERSON", 2)])
    assert one_entity(ents, "Andrei Kolvan", "Andrei")
    assert apart(ents, "Andrei", "Pavel Kolvan")


def test_ministry_names_in_any_order_with_the_country_as_name_or_adjective():
    ents = resolve([gold("a", "Estorian Foreign Ministry", "ORG"), gold("b", "Foreign Ministry of Estoria", "ORG"),
                    gold("c", "Ministry of Foreign Affairs of Valdonia", "ORG"),
                    gold("d", "Valdonian Foreign Ministry", "ORG")])
    assert one_entity(ents, "Estorian Foreign Ministry", "Foreign Ministry of Estoria")
    assert one_entity(ents, "Ministry of Foreign Affairs of Valdonia", "Valdonian Foreign Ministry")
    assert apart(ents, "Estorian Foreign Ministry", "Valdonian Foreign Ministry")


def test_a_translated_genitive_title_is_the_role_of_the_name_after_it(english):
    text = ("The mayor of the province Miroslav Tobarine said the teams were working. In a letter to the head of "
            "state Vladimir Putin, he asked for help.")
    roles_of = {m.text: m.role for m in find_mentions(article("g.txt", text))}
    assert roles_of["Miroslav Tobarine"] == "mayor of the province"
    assert roles_of["Vladimir Putin"] == "head of state"


def test_a_town_is_not_the_body_named_after_it():
    ms = [gold("a", "Kolmar", "PLACE"), gold("a", "Kolmar Chemical Works", "ORG", 3),
          gold("b", "Kolmar Gazette", "ORG"), gold("b", "Kolmar", "PLACE", 2),
          gold("c", "Nortex Holding", "ORG"), gold("d", "Nortex", "PERSON")]
    ents = resolve(ms)
    assert apart(ents, "Kolmar", "Kolmar Chemical Works") and apart(ents, "Kolmar", "Kolmar Gazette")
    assert apart(ents, "Kolmar Chemical Works", "Kolmar Gazette")
    assert one_entity(ents, "Nortex Holding", "Nortex")  # a company's legal form says nothing about which


def test_a_place_name_keeps_its_lower_case_region_word(english):
    a = article("v.txt", "Labour Minister Irina Lisovskaya ordered safety inspections at all chemical plants in "
                         "Vesten region on Thursday.")
    assert "Vesten region" in {m.text for m in find_mentions(a)}


def test_a_title_folded_into_a_body_is_the_persons_role(english):
    a = article("t.txt", "The Prosecutor General Viktor Almas claimed that the accused acted for money.")
    ms = {m.text: m for m in find_mentions(a)}
    assert ms["Viktor Almas"].type == "PERSON" and ms["Viktor Almas"].role == "Prosecutor General"
    assert not any("Prosecutor" in t for t in ms)


def _at(texts, doc, text, kind="PERSON", n=0):
    """A mention of `text` where the story's article `doc` prints it."""
    start = texts[doc].index(text)
    return Mention(doc, text, start, start + len(text), kind, n)


def test_a_persons_name_typed_as_a_body_is_a_person():
    texts = {"a": "Mayor Olexandr Kovalenko said the operator had ignored warnings.",
             "b": "At least twelve died, governor Oleksandr Kovalenko said. Kovalenko told Interfax."}

    ms = [_at(texts, "a", "Olexandr Kovalenko", "ORG"), _at(texts, "b", "Oleksandr Kovalenko", "ORG"),
          _at(texts, "b", "Kovalenko", "ORG", 1)]
    ents = resolve(ms, texts)  # both full names typed ORG: the titles before them tell
    assert one_entity(ents, "Olexandr Kovalenko", "Oleksandr Kovalenko", "Kovalenko")
    assert entity_of(ents, "Kovalenko")[0].type == "PERSON"
    ms = [gold("a", "Olexandr Kovalenko", "ORG"), gold("b", "Oleksandr Kovalenko", "PERSON")]
    ents = resolve(ms)  # a person of that surname elsewhere in the story
    assert one_entity(ents, "Olexandr Kovalenko", "Oleksandr Kovalenko") and ents[0].type == "PERSON"
    text = {"c": "The court jailed Ruslan Gafarov. Gafarov's son, Tural Gafarov, said his father was innocent."}
    start = text["c"].index("Tural")
    ents = resolve([Mention("c", "Tural Gafarov", start, start + 13, "ORG", 1)], text)
    assert ents[0].type == "PERSON"  # a kinship word before the name
    ms = [gold("a", "George Washington", "PERSON"), gold("b", "Washington", "PLACE")]
    assert apart(resolve(ms), "George Washington", "Washington")


def test_a_company_the_model_took_for_a_nationality_or_a_product(english):
    a = article("c.txt", "The Tarvik plant, owned by the Vantec group, produces fertilisers. A spokesman for the "
                         "plant's owner Vantec, Aldo Ferrin, said it was operating. The Danish firm said nothing.")
    ms = [(m.text, m.type) for m in find_mentions(a)]
    assert ms.count(("Vantec", "ORG")) == 2 and not any(t == "Danish" for t, _ in ms)


def test_the_canonical_name_is_the_spelling_the_garbled_ones_stray_from():
    ms = [gold("a", "Геннадий Воронец", "PERSON"), gold("b", "Guennady Voronyets", "PERSON"),
          gold("c", "Gennady Voronets", "PERSON"), gold("c", "Voronets", "PERSON", 2),
          gold("d", "Gennadi Varonets", "PERSON")]
    ents = resolve(ms)
    assert one_entity(ents, "Геннадий Воронец", "Guennady Voronyets", "Gennady Voronets", "Gennadi Varonets")
    assert entity_of(ents, "Voronets")[0].name == "Gennady Voronets"


def test_a_country_inside_a_name_in_its_long_and_short_forms():
    ms = [gold("a", "US Geological Survey", "ORG"), gold("b", "United States Geological Survey", "ORG"),
          gold("c", "U.S. Geological Survey", "ORG"), gold("d", "USGS", "ORG"), gold("e", "United States", "PLACE")]
    ents = resolve(ms)
    assert one_entity(ents, "US Geological Survey", "United States Geological Survey", "U.S. Geological Survey", "USGS")
    assert apart(ents, "United States", "USGS")


def test_an_apposition_after_a_quoted_paragraph_is_the_role(english):
    text = ("The colonel said: «The road to the north has been cut.»\n\n"
            "The regional governor, Мирослав Табарин, asked residents to spend the night outdoors.")
    ms = {m.text: m for m in find_mentions(article("p.txt", text))}
    assert ms["Мирослав Табарин"].role == "regional governor"


def test_an_initial_does_not_tie_a_man_to_a_woman_of_his_family():
    ms = [gold("a", "Irina Lisovskaya", "PERSON"), gold("b", "Igor Lisovsky", "PERSON"),
          gold("c", "Lisovskaya", "PERSON"), gold("d", "Lisovsky", "PERSON"), gold("e", "I. Lisovsky", "PERSON"),
          gold("f", "Igor Lissovski", "PERSON")]
    ents = resolve(ms)
    assert one_entity(ents, "Igor Lisovsky", "Lisovsky", "I. Lisovsky", "Igor Lissovski")
    assert one_entity(ents, "Irina Lisovskaya", "Lisovskaya")
    assert apart(ents, "Igor Lisovsky", "Irina Lisovskaya")



def test_relatives_and_neighbours_with_a_name_inside_another_stay_apart():
    ms = [gold("a", "Jean-Marie Le Pen", "PERSON"), gold("b", "Marine Le Pen", "PERSON"),
          gold("c", "Guinea", "PLACE"), gold("d", "Equatorial Guinea", "PLACE"),
          gold("e", "Tayyip Erdogan", "PERSON"), gold("f", "Recep Tayyip Erdogan", "PERSON")]
    ents = resolve(ms)
    assert apart(ents, "Jean-Marie Le Pen", "Marine Le Pen") and apart(ents, "Guinea", "Equatorial Guinea")
    assert one_entity(ents, "Tayyip Erdogan", "Recep Tayyip Erdogan")


def test_one_name_in_apposition_that_speaks_is_a_person(english):
    a = article("k.txt", "An official who uses one name, Karim, said the hospital in Jableh was full.")
    ms = {m.text: m.type for m in find_mentions(a)}
    assert ms["Karim"] == "PERSON" and ms["Jableh"] == "PLACE"


def test_the_last_name_of_a_list_after_a_place_preposition_is_a_place(english):
    text = "Rescue teams from Estoria, Marveny and Lusk had already joined the search in Yarkesh."
    ents = resolve(find_mentions(article("l.txt", text)), {"l.txt": text})
    assert entity_of(ents, "Lusk") and entity_of(ents, "Lusk")[0].type == "PLACE"


def test_a_body_named_right_after_its_kind_is_a_body():
    text = "Kolvan, an engineer of the Estorian shipping company Baltor Shipping, was detained in May."
    start = text.index("Baltor")
    ents = resolve([Mention("v", "Baltor Shipping", start, start + 15, "PERSON", 0)], {"v": text})
    assert ents[0].type == "ORG"


def test_an_acronym_spelling_a_pronoun_is_a_name_not_a_mention_of_the_last_country(english):
    text = ("Russia is ready to help Armenia, the Foreign Ministry said. Carey Cavanaugh, a former US "
            "ambassador, said the United States would watch. Let us hope for peace, he added.")
    ents = resolve(find_mentions(article("a", text)), {"a": text})
    assert apart(ents, "US", "Armenia") and apart(ents, "US", "Russia")
    assert one_entity(ents, "US", "United States")


def test_a_name_spelling_a_pronoun_of_another_language_is_a_name():
    text = ("Marshal Arin Tavos said the town would hold. Korven resident Essa, a welder, showed his workshop. "
            "Sue, his neighbour, agreed.")
    mentions = [Mention("a", name, text.index(name), text.index(name) + len(name), "PERSON", n, language="en")
                for n, name in ((0, "Arin Tavos"), (1, "Essa"), (2, "Sue"))]
    ents = resolve(mentions, {"a": text})
    assert sorted(e.name for e in ents) == ["Arin Tavos", "Essa", "Sue"]
    # in its own language the word is the pronoun: "essa" is an Italian "she"
    italian = [Mention("i", "Arin Tavos", 0, 10, "PERSON", 0, language="it"), Mention("i", "Essa", 30, 34, "PERSON", 1,
                                                                                    language="it")]
    assert [e.name for e in resolve(italian, {"i": "Arin Tavos è arrivata a Roma. Essa ha parlato."})] == ["Arin Tavos"]


def test_a_given_name_alone_in_another_article_joins_no_one_of_that_surname():
    texts = {"a": "Doctor Karim Ossan said the clinic was full. Ossan Belal, a trader, said prices rose.",
             "b": "A resident of Korven, Ossan, told reporters the road was shut.",
             "c": "The clinic of Karim Ossan was shelled. Ossan said he would stay."}

    def mentions(source, *names):
        text = texts[source]
        return [Mention(source, n, text.index(n), text.index(n) + len(n), "PERSON", 0, language="en") for n in names]

    ents = resolve(mentions("a", "Karim Ossan", "Ossan Belal") + mentions("b", "Ossan"), texts)
    assert apart(ents, "Ossan", "Karim Ossan") and apart(ents, "Ossan", "Ossan Belal")
    # beside the full name in its own article, the surname is his
    last = texts["c"].rindex("Ossan")
    ents = resolve([*mentions("c", "Karim Ossan"), Mention("c", "Ossan", last, last + 5, "PERSON", 1, language="en")],
                   texts)
    assert one_entity(ents, "Ossan", "Karim Ossan")
    # with no one of that given name in the story, the surname alone is the one person's
    ents = resolve(mentions("a", "Karim Ossan") + mentions("b", "Ossan"), texts)
    assert one_entity(ents, "Ossan", "Karim Ossan")
    # unless the world gives the name as often as Mohamed: "one resident, Mohammed, told Reuters"
    texts |= {"d": "Karim Mohamed, a mechanic, was defiant.", "e": "One resident, Mohammed, told reporters."}
    ents = resolve(mentions("d", "Karim Mohamed") + mentions("e", "Mohammed"), texts)
    assert apart(ents, "Mohammed", "Karim Mohamed")


def test_rules_keep_initials_and_particles_in_a_name_and_read_no_name_inside_a_brand():
    es = article("es.txt", "Lewis W. Teperman , médico de la New York University , habló con Charles O' Reilly . "
                           "El iPod Touch y la iTunes Music Store llegaron a España con el iPhone 3G S. El "
                           "nuevo modelo cuesta 16GB .", language="es")
    ms = {m.text: m for m in find_mentions(es)}
    assert ms["Lewis W. Teperman"].type == "PERSON" and ms["Charles O' Reilly"].type == "PERSON"
    assert ms["New York University"].type == "ORG"  # a body named in English
    # no capital inside a word starts a name ("Pod Touch", "Tunes Music Store", "GB"), a brand is
    # no person or place, and an initial needs a name before it ("3G S. El" ends a sentence)
    assert set(ms) == {"Lewis W. Teperman", "New York University", "Charles O' Reilly", "España"}


def test_rules_read_great_britain_and_the_white_house_in_their_languages_and_no_person_of_a_place():
    es = article("es.txt", "Ayer la Casa Blanca y Gran Bretaña cerraron el acuerdo . El índice Hang Seng de Hong Kong "
                           "subió , dijo Tomás Rial .", language="es")
    types = {m.text: m.type for m in find_mentions(es)}
    assert types["Casa Blanca"] == "ORG" and types["Gran Bretaña"] == "PLACE" and types["Tomás Rial"] == "PERSON"
    assert types.get("Hang Seng de Hong Kong") != "PERSON"
    it = article("it.txt", "Ieri la Casa Bianca e la Gran Bretagna hanno firmato l' accordo .", language="it")
    assert {m.text: m.type for m in find_mentions(it)} == {"Casa Bianca": "ORG", "Gran Bretagna": "PLACE"}


def test_a_body_or_place_is_named_as_the_english_copies_print_it():
    mentions = [Mention("it", "Stati Uniti", type="PLACE", language="it"),
                Mention("it", "Stati Uniti", type="PLACE", language="it"),
                Mention("es", "EEUU", type="PLACE", language="es"), Mention("en", "US", type="PLACE", language="en")]
    [us] = resolve(mentions, {"it": "Gli Stati Uniti. Stati Uniti.", "es": "EEUU.", "en": "The US."})
    assert us.name == "US"
    # without an English copy, the story's most printed name
    [us] = resolve(mentions[:3], {"it": "Gli Stati Uniti. Stati Uniti.", "es": "EEUU."})
    assert us.name == "Stati Uniti"


def test_rules_read_a_dutch_peoples_adjective_as_no_part_of_the_name_and_dutch_en_as_and():
    nl = article("nl.txt", "De Italiaanse Fiat koopt het Amerikaanse Chrysler . De Europese Unie en Jesse Toprak "
                           "zwegen . Hij woont in Madrid .", language="nl")
    assert {m.text: m.type for m in find_mentions(nl)} == {
        "Fiat": "ORG", "Chrysler": "ORG", "Europese Unie": "ORG", "Jesse Toprak": "PERSON", "Madrid": "PLACE"}


def test_a_newspaper_named_as_the_media_list_names_it_is_a_body():
    text = "The Spanish daily El Mundo said the judge would act. El Mundo gave no source."
    mentions = [Mention("a", "El Mundo", text.index("El Mundo"), text.index("El Mundo") + 8, "PERSON", 0),
                Mention("a", "El Mundo", text.rindex("El Mundo"), text.rindex("El Mundo") + 8, "PERSON", 1)]
    assert [e.type for e in resolve(mentions, {"a": text})] == ["ORG"]


def test_a_country_by_its_name_is_a_place_unless_a_person_of_the_text_bears_it():
    def typed(text, *names):
        mentions = [Mention("a", n, text.index(n), text.index(n) + len(n), "PERSON", i) for i, n in enumerate(names)]
        return {e.name: e.type for e in resolve(mentions, {"a": text})}

    assert typed("Niger said it would close the border. Refugees crossed.", "Niger") == {"Niger": "PLACE"}
    # A country's name of two words is no person's full name; the United Nations is no country.
    assert typed("The United States said it would act. Saudi Arabia agreed.", "United States", "Saudi Arabia") == {
        "United States": "PLACE", "Saudi Arabia": "PLACE"}
    text = ("The United Nations voted. The United Nations met. Staff of the United Nations left. The United "
            "Nations wrote. The United Nations waited.")
    found = list(re.finditer("United Nations", text))
    mentions = [Mention("a", "United Nations", m.start(), m.end(), kind, i)
                for i, (m, kind) in enumerate(zip(found, ("ORG", "ORG", "PERSON", "ORG", "ORG"), strict=True))]
    assert {e.name: e.type for e in resolve(mentions, {"a": text})} == {"United Nations": "ORG"}
    assert typed("Chad Marrow , the coach , said Chad would play on.", "Chad Marrow", "Chad") == {
        "Chad Marrow": "PERSON"}


def test_a_us_time_zone_after_a_clock_is_no_name(english):
    text = "The curfew runs from 4 p.m. to 8 a.m. ( 9 a.m.-1 a.m. ET ) Tantawi said. Eric Trager agreed."
    names = {m.text for m in find_mentions(article("a", text))}
    assert "ET" not in names and {"Tantawi", "Eric Trager"} <= names


def test_a_name_in_a_headline_begins_after_with(english):
    text = ("Korven 's Opposition Leader Speaks ; Interview With Mohammed Korvani Aired February 11 , 2031 - 11:53 ET "
            "THIS IS A RUSH TRANSCRIPT .")
    assert not any("With" in m.text for m in find_mentions(article("a", text)))


def test_a_given_name_of_the_storys_people_is_no_garbled_surname():
    texts = {"a": "Governor Bill Richardson spoke. What interests us , Richard , is the market.",
             "b": "Richard Braddock praised the plan."}

    def mention(source, name, n=0):
        start = texts[source].index(name)
        return Mention(source, name, start, start + len(name), "PERSON", n, language="en")

    ents = resolve([mention("a", "Bill Richardson"), mention("a", "Richard", 1), mention("b", "Richard Braddock")],
                   texts)
    assert apart(ents, "Richard", "Bill Richardson")


def test_rules_read_a_run_led_by_a_word_printed_alone_as_a_company():
    es = article("es.txt", "La empresa Vantec presentó resultados . Según Vantec Holdings , el consejero Tomás Rial "
                           "habló con Vantec Ana Pons y con Lena Vidal . Rial dijo que Vidal y Pons siguen .",
                 language="es")
    ms = {m.text: m for m in find_mentions(es)}
    assert ms["Vantec Holdings"].type == "ORG"  # "Vantec" alone, "Holdings" never: a company's name
    # a company before a person's name is that person's company; a name whose last word stands
    # alone stays a person
    assert ms["Ana Pons"].type == "PERSON" and ms["Lena Vidal"].type == "PERSON"
    assert [m.type for m in find_mentions(es) if m.text == "Vantec"][-1] == "ORG"
    # a word for "yesterday" opening a sentence is no given name
    assert "Ayer Vantec" not in {m.text for m in find_mentions(article("es.txt", "Ayer Vantec Holdings cerró .",
                                                                     language="es"))}
    # an East Asian family name printed first and alone leads a person's name, not a company's
    de = article("de.txt", "Die Agentur zeigte einen Bericht über Kim Jong Un . Kim sagte nichts . Danach traf "
                           "Xi Jinping den Minister . Xi lächelte .", language="de")
    kinds = {m.text: m.type for m in find_mentions(de)}
    assert kinds["Kim Jong Un"] == kinds["Xi Jinping"] == "PERSON"


def test_rules_read_an_organisations_first_word_alone_as_that_organisation():
    es = article("es.txt", "Según Vantec Holdings , las ventas subieron . El consejo de Vantec aprobó el plan .",
                 language="es")
    assert [(m.text, m.type) for m in find_mentions(es)] == [("Vantec Holdings", "ORG"), ("Vantec", "ORG")]
    # German capitalises every noun: no word is a name for its capital alone
    de = article("de.txt", "Laut Vantec Holdings stiegen die Umsätze . Der Rat von Vantec stimmte zu .",
                 language="de")
    assert "Vantec" not in {m.text for m in find_mentions(de)}


def test_a_companys_legal_form_is_part_of_its_name(english):
    a = article("l.txt", "Korven Mills Group LP said on Monday it would buy the forest . Its partner , Vellcorp "
                         "Vellia Inc , agreed . Vellia is a small country .")
    names = {m.text: m.type for m in find_mentions(a)}
    assert "LP" not in names and names["Korven Mills Group LP"] == "ORG"


def test_a_name_the_parser_cut_at_its_initial_runs_on_and_a_title_may_open_the_text():
    # the small model ends a sentence after "S." here (a sentence of our own about a public figure)
    text = ("The Bush administration , Federal Reserve Chairman Ben S. Bernanke and congressional allies "
            "launched a major effort to contain the crisis .")
    article = Article(source="s", title=None, text=text, language="en")
    assert [(m.text, m.role) for m in find_mentions(article) if m.type == "PERSON"][-1] == (
        "Ben S. Bernanke", "Federal Reserve Chairman")
    opening = Article(source="s", title=None, language="en",
                      text="Central Bank Governor Jan Vellan said on Monday that rates would stay .")
    assert [(m.text, m.role) for m in find_mentions(opening) if m.type == "PERSON"] == [
        ("Jan Vellan", "Central Bank Governor")]


def test_a_rig_named_after_rig_or_before_its_disaster_is_no_person():
    for text in ("Oil has flowed since the offshore drilling rig Velna Star , leased by Vantec , exploded .",
                 "He denied cost-cutting was a factor in the Velna Star disaster , telling the board .",
                 "Vantec 's Velna Star oil rig exploded on 20 April ."):
        mentions = find_mentions(Article(source="s", title=None, text=text, language="en"))
        assert "PERSON" not in {m.type for m in mentions if "Star" in m.text}, text
    text = "It was a Marrow disaster , said Ilsa Marrow ."  # one word before "disaster" may be a person
    assert "PERSON" in {m.type for m in find_mentions(Article(source="s", title=None, text=text, language="en"))}


def test_a_rig_a_vessel_and_a_guard_are_no_people():
    text = ("The Velna Star rig exploded on 20 April .\nOil has poured from the well since Velna Star sank , the "
            "Coast Guard said .\nCoast Guard Admiral Ilsa Marrow said the Korven Producer vessel would start work "
            "under the Marrow platform .")
    types = {m.text: m.type for m in find_mentions(Article(source="s", title=None, text=text, language="en"))}
    assert types.get("Velna Star", "ORG") == "ORG" and types.get("Coast Guard") == "ORG"
    assert "PERSON" not in {types.get(name) for name in ("Korven Producer", "Korven", "Star", "Velna")}
    assert types["Ilsa Marrow"] == "PERSON"


def test_a_rig_named_as_such_in_one_article_is_no_person_in_another():
    one = Article(source="a", title=None, language="en",
                  text="The Velna Star rig exploded on 20 April , officials said .")
    other = Article(source="b", title=None, language="en",
                    text="Oil has poured into the gulf since the Velna Star sank , Governor Ilsa Marrow said .\n"
                         "The Velna Star had passed its last inspection .")
    mentions = [m for article in (one, other) for m in find_mentions(article)]
    assert [m.type for m in mentions if m.source == "b" and m.text == "Velna Star"] == ["PERSON", "PERSON"]
    entities = resolve(mentions, texts={"a": one.text, "b": other.text})
    assert {e.name: e.type for e in entities}.get("Velna Star") == "ORG"


def test_a_sound_or_an_island_named_after_a_man_is_a_place():
    text = ("The tanker ran aground in Prince Oleg Sound near Korven . Fishermen on Marrow Island saw it , "
            "Ilsa Marrow said .")
    types = {m.text: m.type for m in find_mentions(Article(source="s", title=None, text=text, language="en"))}
    assert "PERSON" not in {t for name, t in types.items() if name.endswith(("Sound", "Island"))}
    assert types["Ilsa Marrow"] == "PERSON"
    # the model's place keeps its "Prince", no title before a man's name
    text = "The town sits on a chilly fjord on Prince William Sound , the small Alaskan town ."
    types = {m.text: m.type for m in find_mentions(Article(source="s", title=None, text=text, language="en"))}
    assert types == {"Prince William Sound": "PLACE"}


def _persons(text: str) -> list[Mention]:
    """The person mentions of an English article of that text."""
    return [m for m in find_mentions(article("s", text)) if m.type == "PERSON"]


def test_a_title_cut_short_before_a_name_is_no_person_and_stays_in_the_role():
    text = "We await the vote .\nPentagon spokesman Col. Ivo Brandt said the navy is moving ships ."
    persons = [(m.text, m.role) for m in _persons(text)]
    assert persons == [("Ivo Brandt", "Pentagon spokesman Col.")]


def test_a_dateline_before_the_lead_is_no_part_of_a_title():
    text = "WASHINGTON - President Mara Tolen ordered more troops to the border on Tuesday ."
    assert [(m.text, m.role) for m in _persons(text)] == [("Mara Tolen", "President")]
    # a dash between two words joins them
    text = "Rebels took the town on Monday , said vice-president Ivo Brandt ."
    assert [(m.text, m.role) for m in _persons(text)] == [("Ivo Brandt", "vice-president")]


def test_the_staff_a_credit_line_names_are_no_people_of_the_story():
    text = ("Rebels took the town on Monday , commander Ahmed Vellan said .\n"
            "Kanal 9 's Ivo Brandt in Orsk and Mara Tolen in Korven contributed to this report .")
    mentions = find_mentions(Article(source="s", title=None, text=text, language="en"))
    assert [m.text for m in mentions if m.type == "PERSON"] == ["Ahmed Vellan"]
    assert {"Orsk", "Korven"} <= {m.text for m in mentions}  # its places stay


def test_a_photos_credit_names_no_one_of_the_story_in_any_language():
    texts = {"de": "Die Feuerwehr löschte den Brand in Orsk. Foto: Ivo Brandt/zb/dpa Bürgermeisterin Mara Tolen "
                   "dankte den Helfern.",
             "it": "I tifosi festeggiano a Korven. Foto di Ivo Brandt/Vantec Images. Il sindaco Mara Tolen "
                   "ha parlato.",
             "en": "Fans cheered in Korven. (Photo by Ivo Brandt/Vantec Images) Mayor Mara Tolen thanked them.",
             # a wire's credit, its closing parenthesis lost
             "en-wire": "Mayor Mara Tolen spoke in Korven. (AP Photo/Ivo Brandt) The crowd cheered.",
             "en-pool": "Fans cheered in Korven. Mayor Mara Tolen, right, attends court (Ivo Brandt/Pool Photo via "
                        "AP down during what is expected to be a long trial."}
    for key, text in texts.items():
        lang = key[:2]
        mentions = find_mentions(Article(source=f"{lang}.txt", title=None, text=text, language=lang))
        persons = [m.text for m in mentions if m.type == "PERSON"]
        assert persons == ["Mara Tolen"], key  # not the photographer, not the agency
        assert not any(m.text in ("dpa", "Vantec Images", "AP") or "/" in m.text for m in mentions), key
        assert {"Orsk", "Korven"} & {m.text for m in mentions}, key  # its places stay
    # a label in prose is no credit
    prose = "La foto di Ivo Brandt mostra il ponte. Credit Suisse said Mara Tolen will lead it."
    assert [m.text for m in find_mentions(Article(source="p", title=None, text=prose, language="it"))
            if m.type == "PERSON"][:1] == ["Ivo Brandt"]


def test_a_correspondents_box_run_into_the_name_is_no_part_of_it():
    # the model ran a desk ("Business" of "Business editor") and a broadcaster into the names
    for line, name in (("Robert Marlow Business editor , BBC News For the bank it is a hugely exciting moment .",
                        "Robert Marlow"),
                       ("Paul Adams BBC News , Washington The officials repeated the line .", "Paul Adams")):
        persons = [m.text for m in _persons(line)]
        assert persons == [name]


def test_a_figure_of_speech_and_a_cut_compound_name_are_no_people():
    text = ("Few think that repealing the Glass-Steagall Act -- a law of 1933 -- caused the crash .\n"
            "Uncle Sam will pay for it , the senator said .\nAlma Mater : Orsk University , 1983 .")
    persons = [m.text for m in _persons(text)]
    assert persons == []
    # a place's compound name the model cut at its first word
    text = "\"We have to do what we have to do,\" Trump told reporters at his Mar-a-Lago resort in Florida."
    assert "Mar" not in [m.text for m in _persons(text)]
    # a caption's credit names who took the picture, not a person of the story
    text = ("Fans cheered in Glendale on Sunday. (Photo: Darryl Webb, AP)\n\nThe coach, Ivo Lind, said the "
            "team was ready. (Khalid Mohammed/AP) Credit: Anna Vale")
    assert [m.text for m in _persons(text)] == ["Ivo Lind"]


def test_a_company_the_model_typed_a_person_is_a_body_by_its_apposition():
    texts = {"a": "Citigroup agreed to buy Varnhold , the nation 's fifth-largest retail bank , on Monday .",
             "b": "Varnhold shares fell . Varnhold was sold , Ivo Brandt , the company 's chief , said ."}

    ms = [_at(texts, "a", "Varnhold"), _at(texts, "b", "Varnhold"), _at(texts, "b", "Ivo Brandt", n=1)]
    ents = resolve(ms, texts)
    assert entity_of(ents, "Varnhold")[0].type == "ORG"
    assert entity_of(ents, "Ivo Brandt")[0].type == "PERSON"  # "the company 's chief" is his


def test_two_brothers_whose_middle_names_differ_are_two_people():
    texts = {"a": "Omar al-Hadi Benzarti , the leader 's son , said the rebels would lose .",
             "b": "Omar al-Tahir Benzarti , the youngest son , was killed in a strike .",
             "c": "Mustafa Abdel Raouf , the council head , spoke .", "d": "Mustafa Abdul Raouf met envoys ."}

    ents = resolve([_at(texts, "a", "Omar al-Hadi Benzarti"), _at(texts, "b", "Omar al-Tahir Benzarti"),
                    _at(texts, "c", "Mustafa Abdel Raouf"), _at(texts, "d", "Mustafa Abdul Raouf")], texts)
    assert apart(ents, "Omar al-Hadi Benzarti", "Omar al-Tahir Benzarti")
    assert one_entity(ents, "Mustafa Abdel Raouf", "Mustafa Abdul Raouf")  # one name, two spellings
    # "Omar Benzarti" fits either brother: it joins neither
    texts["e"] = "Omar Benzarti spoke on television on Monday ."
    ents = resolve([_at(texts, "a", "Omar al-Hadi Benzarti"), _at(texts, "b", "Omar al-Tahir Benzarti"),
                    _at(texts, "e", "Omar Benzarti")], texts)
    assert apart(ents, "Omar al-Hadi Benzarti", "Omar al-Tahir Benzarti")
    assert apart(ents, "Omar Benzarti", "Omar al-Hadi Benzarti")
    assert apart(ents, "Omar Benzarti", "Omar al-Tahir Benzarti")


def test_letters_after_a_name_are_neither_name_nor_role():
    text = "Anna Vell QC , a rights lawyer , said so ."
    persons = [(m.text, m.role) for m in _persons(text)]
    assert persons == [("Anna Vell", "rights lawyer")]


def test_a_name_in_a_compound_stays_a_person_where_the_text_names_its_bearer():
    text = "George W. Bush spoke on Monday . Critics say the crisis reflects Bush-McCain deregulation ."
    persons = [m.text for m in _persons(text)]
    assert "Bush" in persons


def test_a_name_the_model_runs_into_a_paragraph_break_ends_before_it(english):
    # The model read "Obama\n\n" (a teaser list's line) as one name: its row of spellings split the
    # report's table over three lines.
    text = "Report on the spill.\n\nObama\n\nBP\n\nNext story about the Gulf"
    names = [m.text for m in find_mentions(article("a.txt", text))]
    assert "Obama" in names and all(name == name.strip() for name in names)
    spelt = Entity(name="BP", type="ORG", mentions=[Mention(source="a", text=t) for t in ("BP\n\n", "BP", "BP\nPlc")])
    assert spelt.spellings == ["BP", "BP Plc"]


def test_a_company_named_with_its_legal_form_is_no_place_whatever_the_model_says():
    # The small model typed "Halliburton" a place 86 times in a story of BP pages.
    ms = [Mention(source=f"{i}.txt", text="Halliburton", start=0, end=11, type="PLACE", sentence=0)
          for i in range(6)]
    ms.append(Mention(source="6.txt", text="Halliburton Inc.", start=0, end=16, type="ORG", sentence=0))
    [company] = [e for e in resolve(ms) if "Halliburton" in e.name]
    assert company.type == "ORG" and len(company.mentions) == 7


def test_a_body_or_a_place_has_no_title_of_a_person():
    # "White House | PLACE | member" in a report: one mention the model took for a person lent it.
    ms = [Mention(source=f"{i}.txt", text="Kremlin", start=0, end=7, type="ORG", sentence=0) for i in range(3)]
    ms.append(Mention(source="3.txt", text="Kremlin", start=0, end=7, type="PERSON", sentence=0, role="spokesman"))
    [kremlin] = [e for e in resolve(ms) if e.name == "Kremlin"]
    assert kremlin.type == "ORG" and kremlin.roles == []


def test_a_hyphenated_given_name_the_model_cut_in_two_is_one_name():
    """The model read "Eva-Marie Persson" as a body "Eva-" and a person "Marie Persson" on a real
    page: the person's span takes the first half back and the stray half goes."""
    from storyline import nlp
    from storyline.entities.ner_english import _whole_hyphenated_names

    doc = nlp.parse("The deputy prosecutor, Lise-Marie Korvald, said on Tuesday.", "en")
    at = {t.text: t.i for t in doc}
    lise, korvald = at["Lise"], at["Korvald"]
    spans = [(lise, lise + 2, "ORG"), (lise + 2, korvald + 1, "PERSON")]
    assert _whole_hyphenated_names(doc, spans) == [(lise, korvald + 1, "PERSON")]
    apart = nlp.parse("The Paris - Lyon line reopened, Marie Korvald said.", "en")  # spaced: no name
    marie = next(t.i for t in apart if t.text == "Marie")
    assert _whole_hyphenated_names(apart, [(marie, marie + 2, "PERSON")]) == [(marie, marie + 2, "PERSON")]
    pair = nlp.parse("The Velt-Korvald ticket won.", "en")  # two names of their own joined
    velt = next(t.i for t in pair if t.text == "Velt")
    assert _whole_hyphenated_names(pair, [(velt, velt + 1, "PERSON"), (velt + 2, velt + 3, "PERSON")]) == [
        (velt, velt + 1, "PERSON"), (velt + 2, velt + 3, "PERSON")]


def test_a_word_made_from_a_surname_is_no_garbled_spelling_of_it():
    """"Mujahideen" (fighters) beside the spokesman Zabihullah Mujahid: the surname and a suffix is
    another word; a garbled surname stays his (Babinski for Boginsky)."""
    text = ("Taliban spokesman Karim Velnad said the helicopter was shot down. Velnad said the crew died. "
            "The craft had tried to raid a Velnadeen position.")
    mentions = [Mention(source="s", text=w, start=text.index(w), end=text.index(w) + len(w), type="PERSON")
                for w in ("Karim Velnad", "Velnadeen")]
    mentions.append(Mention(source="s", text="Velnad", start=text.index("Velnad said"),
                            end=text.index("Velnad said") + 6, type="PERSON"))
    groups = sorted(sorted(m.text for m in e.mentions) for e in resolve(mentions, {"s": text}))
    assert groups == [["Karim Velnad", "Velnad"], ["Velnadeen"]]


def test_a_law_or_a_treaty_is_no_body():
    # the English model types "the UN Charter" and "the Helsinki Final Act" organisations
    found = types_of("Both sides invoke the principles of the UN Charter and the Helsinki Final Act , he said . "
                     "The Securities and Exchange Commission declined to comment .", "en")
    assert "UN Charter" not in found and "Helsinki Final Act" not in found, found
    assert found.get("Securities and Exchange Commission") == "ORG", found


def test_a_models_designation_is_no_body():
    # aircraft and weapons the English model types organisations
    found = types_of("Aliyev confirmed the presence of Turkish F-16 fighter jets . Russia delivered its S-400 "
                     "systems .", "en")
    assert not [n for n in found if "F-16" in n or "S-400" in n], found
    spanish = types_of("Los aviones F-16 y los helicópteros AH-64 Apache llegaron a Bagdad .", "es")
    assert not [n for n in spanish if "-" in n] and spanish.get("Bagdad") == "PLACE", spanish


def test_a_people_whose_name_is_not_its_countrys_is_no_body():
    # "Azeris" is no ending of "Azerbaijan": the list of peoples names it (the model typed it a body)
    found = types_of("Baku says the Azeris have no intention of letting third parties intervene in Azerbaijan .",
                     "en")
    assert "Azeris" not in found and found.get("Azerbaijan") == "PLACE", found


def test_a_verb_of_saying_that_opens_a_sentence_is_no_part_of_the_name_after_it():
    spanish = types_of("Las conversaciones fracasaron el martes . Dijo Marta Velasco que no habrá acuerdo .", "es")
    italian = types_of("Il vertice è finito . Aggiunge Paolo Ferraris che il governo resta unito .", "it")
    assert "Marta Velasco" in spanish and not [n for n in spanish if n.startswith("Dijo")], spanish
    assert "Paolo Ferraris" in italian and not [n for n in italian if n.startswith("Aggiunge")], italian


def test_two_words_ending_the_one_full_name_of_the_article_are_that_person():
    # a Spanish double surname, and the name a man goes by, printed without the given names
    ms = [gold("a", "Gabriel García Márquez", "PERSON"), gold("a", "García Márquez", "PERSON", 2),
          gold("b", "Luiz Inácio Lula da Silva", "PERSON"), gold("b", "Lula da Silva", "PERSON", 1),
          gold("c", "US Supreme Court", "PERSON"), gold("c", "Supreme Court", "ORG", 1)]
    ents = resolve(ms)
    assert one_entity(ents, "Gabriel García Márquez", "García Márquez")
    assert one_entity(ents, "Luiz Inácio Lula da Silva", "Lula da Silva")
    assert apart(ents, "US Supreme Court", "Supreme Court")  # a body's words are no surname


def test_a_body_of_a_person_the_text_names_in_full_is_no_persons_name():
    fr = article("fr.txt", "Le Premier ministre Benjamin Netanyahu lutte pour conserver le pouvoir . L'annonce a "
                           "infligé un revers à Netanyahu . Le parti du Likud de Netanyahu est devenu le plus grand "
                           "parti . Selon Luca de Meo , De Meo a raison .", language="fr")
    found = {m.text: m.type for m in find_mentions(fr)}
    assert "Likud de Netanyahu" not in found
    assert found.get("Luca de Meo") == "PERSON"  # a particle: "De Meo" names no one else
    ents = resolve(find_mentions(fr), {fr.source: fr.text})
    assert one_entity(ents, "Benjamin Netanyahu", "Netanyahu")  # the bare surname fits one full name now


def test_a_headlines_opening_verb_is_no_part_of_the_name_after_it():
    assert "David Stern" in types_of("Muere David Stern, el inventor de la NBA actual .", "es")
    assert "Muere David Stern" not in types_of("Muere David Stern, el inventor de la NBA actual .", "es")
    assert "David Stern" in types_of("Morto David Stern , ex commissario della NBA .", "it")


def test_a_bare_surname_is_not_the_relative_the_article_introduces_as_one():
    text = ("Former league commissioner David Stern died on Wednesday at the age of 77. He is survived by his wife, "
            "Dianne Brock Stern, and two sons. Stern told a magazine last year he approved of the job.")
    ents = resolve(find_mentions(article("en.txt", text)), {"en.txt": text})
    assert one_entity(ents, "David Stern", "Stern") and apart(ents, "Stern", "Dianne Brock Stern")
    # two bearers, neither introduced as the other's relative (a sentence that opens on "His son" makes
    # him its subject): the bare surname joins neither
    text = ("Ilham Aliyev met Heydar Aliyev in Baku on Monday. His son Karl Aliyev leads the party. Aliyev said the "
            "talks went well.")
    ents = resolve(find_mentions(article("en2.txt", text)), {"en2.txt": text})
    assert apart(ents, "Aliyev", "Ilham Aliyev") and apart(ents, "Aliyev", "Heydar Aliyev")


def test_a_korean_given_names_lower_case_half_is_part_of_the_name_and_a_led_is_not():
    found = types_of("South Korean President Moon Jae-in met UN chief Ban Ki-moon on Monday . The Donald Trump-led "
                     "coalition won .", "en")
    assert found.get("Moon Jae-in") == "PERSON" and found.get("Ban Ki-moon") == "PERSON"
    assert "Moon Jae" not in found and found.get("Donald Trump") == "PERSON" and "Donald Trump-led" not in found


def test_a_captions_agency_or_a_platform_run_into_a_name_is_no_part_of_it():
    assert types_of("Getty Donald Trump speaks at a rally in Ohio on Monday .", "en").get("Donald Trump") == "PERSON"
    found = types_of("Trump visitó el Reino Unido : Getty Donald Trump ha sido criticado . Getty Images "
                     "publicó las fotos .", "es")
    assert found.get("Donald Trump") == "PERSON" and not any(name.startswith("Getty Donald") for name in found)
    assert "Twitter Subscribe" not in types_of("Follow us on Twitter Subscribe to our newsletter today .", "en")


def test_a_headlines_verb_between_two_names_makes_no_person_of_the_three():
    found = types_of("Klobuchar Jabs Trump for Spending 1 of 5 Days in 2019 at a Golf Club . Donald Trump played "
                     "golf there .", "en")
    assert "Klobuchar Jabs Trump" not in found and found.get("Klobuchar") == "PERSON"


def test_a_platform_run_into_a_surname_the_text_names_in_full_is_two_names():
    found = types_of("El líder supremo de Irán ataca a Trump en Twitter Trump insiste en que Kim Jong-un es un "
                     "hombre de palabra . Donald Trump habló en Google Play .", "es")
    assert "Twitter Trump" not in found and found.get("Twitter") == "ORG" and found.get("Google Play") == "ORG"


def test_a_parliaments_house_is_a_body_whatever_its_first_word():
    found = types_of("The Citizenship Amendment Bill was passed by the Lok Sabha on Monday , and the opposition in "
                     "Lok Sabha walked out .", "en")
    assert found.get("Lok Sabha") == "ORG"


def test_a_photo_credit_without_a_colon_names_no_one_of_the_story():
    it = article("it.txt", "Da sinistra : Matt Trevithick ( Photo Credit Robin Wright ) e Amir Hekmati , liberati "
                           "nel 2016 .", language="it")
    found = {m.text for m in find_mentions(it)}
    assert "Matt Trevithick" in found and not any("Robin Wright" in name for name in found)


def test_italian_via_opening_a_sentence_is_no_part_of_a_name():
    found = types_of("L'attacco è stato ricondotto a gruppi terroristici . Tramite Reddit The Donald : i "
                     "Democratici hanno pensato che fosse un errore .", "it")
    assert not any(name.startswith("Tramite") for name in found)


def test_a_square_or_church_named_after_someone_in_the_possessive_is_a_place():
    found = types_of("Crowds filled St Peter’s Square . He walked to Peter’s Basilica after mass . Charlotte Church "
                     "sang .", "en")
    assert found.get("St Peter’s Square") == "PLACE" and found.get("Peter’s Basilica") == "PLACE"
    assert found.get("Charlotte Church") != "PLACE"  # a surname that is a site's word: no possessive, no place
