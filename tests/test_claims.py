"""Figures with what they count and who gave them, and the discrepancies built from them."""

import dataclasses
from datetime import date

from storyline.claims import number_claims, sentences, to_number
from storyline.discrepancies import (
    name_discrepancies,
    number_discrepancies,
    office,
    role_discrepancies,
)
from storyline.entities import find_mentions
from storyline.model import Article, Claim, Entity, Mention


def _article(text: str, source: str = "a.txt", published: str | None = "2031-03-02") -> Article:
    return Article(source=source, title=None, text=text, language="en", published=published)


def _speakers(text: str, mentions=()) -> list[tuple[str, str | None]]:
    return [(c.value, c.speaker) for c in number_claims(_article(text), list(mentions))]


def _mention(text: str, body: str, kind: str = "PERSON", source: str = "a.txt", role: str | None = None) -> Mention:
    start = body.index(text)
    return Mention(source=source, text=text, start=start, end=start + len(text), type=kind, role=role)


def test_sentences_keep_titles_and_initials_inside():
    text = "Mr. Orlan Vesk said the dam held. Gen. T. Marr disagreed!\nA new paragraph starts here."
    assert [s for _, s in sentences(text)] == [
        "Mr. Orlan Vesk said the dam held.", "Gen. T. Marr disagreed!", "A new paragraph starts here."]


def test_numbers_in_words_digits_and_scales():
    assert to_number("1,250") == 1250
    assert to_number("2.5 million") == 2_500_000
    assert to_number("twelve") == 12
    assert to_number("Fourteen") == 14
    assert to_number("dozens") == 24


def test_a_figure_counts_only_with_what_it_counts():
    text = ("At least 112 people were killed and 340 injured in the quake, the civil defence agency said. "
            "The 6.1-magnitude tremor struck at 15 km depth. Rescuers worked in 3 shifts.")
    claims = number_claims(_article(text))
    assert [(c.subject, c.value) for c in claims] == [
        ("deaths", "At least 112"), ("injured", "340"), ("magnitude", "6.1")]


def test_bodies_identified_or_buried_are_no_toll():
    text = ("So far only 11 bodies had been identified, the bishop said. Rescuers recovered 40 bodies. "
            "Twelve bodies were buried on Friday.")
    assert [(c.subject, c.value) for c in number_claims(_article(text))] == [("deaths", "40")]


def test_a_toll_after_its_verb():
    text = "The disaster that killed fourteen people shocked the region. Fourteen people were killed."
    assert [(c.subject, c.number) for c in number_claims(_article(text))] == [("deaths", 14), ("deaths", 14)]


def test_a_figure_about_an_earlier_event_is_not_this_events():
    text = ("The quake, the worst since 1999, left 40 dead in the valley. "
            "A 1999 quake there left 17,000 dead. In the 1990s war, 30,000 were killed.")
    claims = number_claims(_article(text))
    assert [(c.subject, c.number) for c in claims] == [("deaths", 40)]


def test_an_undated_pages_earlier_event_is_told_by_the_latest_year_it_names_or_its_storys_date():
    text = ("Eleven workers were killed when the rig exploded . A blast at its refinery in 2005 killed 15 people . "
            "The 1996 crash of Trans Coast flight 212 killed 230 people . Its chief left the firm in 2010 .")
    claims = number_claims(_article(text, published=None))
    assert [(c.subject, c.number) for c in claims] == [("deaths", 11)]
    alone = "A blast at its refinery in 2005 killed 15 people . Eleven workers were killed ."
    assert [c.number for c in number_claims(_article(alone, published=None))] == [15, 11]  # 2005 may be its year
    assert [c.number for c in number_claims(_article(alone, published=None), story_date="2010-04-21")] == [11]
    deadline = "Eleven workers were killed in 2010 . The well will be sealed by 2014 ."
    assert [c.number for c in number_claims(_article(deadline, published=None))] == [11]


def test_a_flight_number_or_a_year_counts_no_one():
    text = "Trans Coast flight 212 killed 230 people . The floods in 2011 killed 40 in the valley ."
    assert [(c.subject, c.number) for c in number_claims(_article(text, published="2011-05-02"))] == [
        ("deaths", 230)]


def test_a_noun_a_relative_pronoun_and_a_headline_run_in_give_no_speaker_of_their_own():
    assert _speakers("Death toll estimates have ranged from more than 1,000 to as many as 2,000 .") == [
        ("more than 1,000", None), ("as many as 2,000", None)]
    assert _speakers("Rebels hold Orsk and Korven A government spokesman says eight people were killed .") == [
        ("eight (8)", "government spokesman")]
    text = "The figures differ from those of the Vantec Relief Board , which said 40,000 people were displaced ."
    assert _speakers(text, [_mention("Vantec Relief Board", text, kind="ORG")]) == [("40,000", "Vantec Relief Board")]
    assert _speakers("The figures differ from those of the board , which said 40,000 people were displaced .") == [
        ("40,000", None)]


def test_a_place_a_pronoun_or_a_quote_mark_is_no_speaker():
    assert _speakers("Sources at a hospital in Korven to the northeast said about 50 were wounded .") == [
        ("about 50", "Sources")]
    assert _speakers("`` We left today , '' she said , adding her cousin was among 11 people killed in May .") == [
        ("11", None)]
    assert _speakers("Officials in the water ministry said 24 people died .") == [("24", "water ministry")]


def test_each_figure_keeps_its_speaker():
    text = ("According to local officials, more than 300 people died. "
            "Governor Ilsa Marrow told reporters the toll was nearing 900.")
    claims = number_claims(_article(text), [_mention("Ilsa Marrow", text)])
    assert [(c.value, c.speaker) for c in claims] == [("more than 300", "local officials"),
                                                      ("nearing 900", "Ilsa Marrow")]
    # auxiliaries between the giver and the verb are no part of it; a passive names no giver
    for text, speaker in (("Vellia has now confirmed 19 deaths from the virus.", "Vellia"),
                          ("Swine flu has been confirmed as the cause of 26 deaths in Vellia.", None),
                          ("Officials had earlier said 20 people died.", "Officials")):
        assert [c.speaker for c in number_claims(_article(text))] == [speaker], text


def test_dead_animals_and_no_one_are_no_toll():
    def tolls(text):
        return [(c.subject, c.number) for c in number_claims(_article(text))]

    assert tolls("The wildlife service reported 522 dead birds along the Vellish coast .") == []
    assert tolls("Rangers found 40 dead sea turtles and 3 injured dolphins on the beach .") == []
    assert tolls("No one died or was even hurt on the platform .") == []
    assert tolls("No one knows why the blast killed 11 workers , and 17 were injured .") == [
        ("deaths", 11), ("injured", 17)]
    assert tolls("At least 522 dead were counted along the coast .") == [("deaths", 522)]


def test_ages_belong_to_a_person():
    text = "Maria Lopes, 45, was sentenced on Tuesday. A 38-year-old Tomas Brenn was acquitted. He is 7 feet tall."
    mentions = [_mention("Maria Lopes", text), _mention("Tomas Brenn", text)]
    claims = number_claims(_article(text), mentions)
    assert [(c.subject, c.number) for c in claims] == [("age of Maria Lopes", 45), ("age of Tomas Brenn", 38)]


def test_non_english_text_gives_its_tolls_and_no_other_figure_rather_than_wrong_ones():
    def claims(text, lang):
        article = Article(source="x", title=None, text=text, language=lang, published="2031-03-02")
        return [(c.subject, c.number) for c in number_claims(article)]

    assert claims("Al menos 112 muertos. La presa costó 40 millones.", "es") == [("deaths", 112)]
    assert claims("Catorce personas murieron y otras 30 resultaron heridas.", "es") == [("deaths", 14), ("injured", 30)]
    assert claims("Sono morte dodici persone.", "it") == [("deaths", 12)]
    # three more dead beside one electrocuted: no toll of the event
    assert claims("Un sedicenne è stato fulminato, mentre altre tre persone sono morte di ipotermia.", "it") == []
    assert claims("L'explosion a fait au moins 14 morts.", "fr") == [("deaths", 14)]
    assert claims("Bei dem Brand kamen mindestens zwölf Menschen ums Leben, 30 wurden verletzt.", "de") == [
        ("deaths", 12), ("injured", 30)]
    assert claims("Bij de brand zijn minstens twaalf mensen omgekomen.", "nl") == [("deaths", 12)]
    assert claims("Pelo menos 14 pessoas morreram.", "pt") == [("deaths", 14)]
    assert claims("En 1999 murieron 40 personas en otra riada.", "es") == []  # an earlier event's toll
    assert claims("Al menos 112 muertos.", "sv") == []  # no rules for this language: nothing


def test_offices_from_roles():
    assert office("Armenian Prime Minister") == "Prime Minister"
    assert office("President of the republic") == "President"
    assert office("press secretary of the President") == "Press Secretary"
    assert office("former President") is None
    assert office("head of the treaty department") is None
    # a gendered form or a spelling is the same post, never a discrepancy
    assert office("spokeswoman of the fire service") == office("Spokesperson") == "Spokesperson"
    assert office("US Defense Minister") == office("defence minister")


def test_two_offices_for_one_person_is_a_role_discrepancy():
    mentions = [Mention(source=s, text="Arin Tavos", role=r) for s, r in
                [("a", "Prime Minister"), ("b", "Vellish Prime Minister"), ("c", "President"), ("c", None)]]
    [d] = role_discrepancies([Entity(name="Arin Tavos", type="PERSON", mentions=mentions)])
    assert (d.kind, d.subject) == ("role", "Arin Tavos")
    assert [(v.value, v.sources) for v in d.values] == [("Prime Minister", ["a", "b"]), ("President", ["c"])]


def test_a_companys_offices_one_person_may_hold_together_differ_compatibly():
    def nature(*roles):
        mentions = [Mention(source=s, text="Arin Tavos", role=r) for s, r in zip("abc", roles, strict=False)]
        return [d.nature for d in role_discrepancies([Entity(name="Arin Tavos", type="PERSON", mentions=mentions)])]

    assert nature("CEO", "Vellcorp president") == ["compatible"]
    assert nature("chairman", "CEO", "President") == ["compatible"]
    assert nature("Prime Minister", "President") == ["conflict"]
    assert nature("CEO", "Finance Minister") == ["conflict"]


def test_a_post_and_a_rank_one_source_prints_together_are_no_discrepancy():
    mentions = [Mention(source="a", text="Ivo Lind", role="navy spokesman Commander"),
                Mention(source="b", text="Ivo Lind", role="a navy spokesman")]
    assert role_discrepancies([Entity(name="Ivo Lind", type="PERSON", mentions=mentions)]) == []
    apart = [*mentions, Mention(source="c", text="Ivo Lind", role="Defence Minister")]
    [d] = role_discrepancies([Entity(name="Ivo Lind", type="PERSON", mentions=apart)])
    assert {v.value for v in d.values} == {"Commander", "Spokesperson", "Defence Minister"}


def test_one_office_said_more_fully_in_capitals_or_as_its_synonym_is_no_discrepancy():
    def found(*roles):
        mentions = [Mention(source=s, text="Arin Tavos", role=r) for s, r in zip("abcd", roles, strict=False)]
        return role_discrepancies([Entity(name="Arin Tavos", type="PERSON", mentions=mentions)])

    assert found("FOREIGN MINISTER", "Foreign Minister") == []
    assert found("Minister", "Finance Minister") == []
    assert found("Prosecutor", "Chief Prosecutor") == []
    assert found("White House Press Secretary", "spokesman") == []
    assert found("Senate Foreign Relations Committee Chairman", "Senator") == []
    assert [d.kind for d in found("Finance Minister", "Prime Minister")] == ["role"]


def test_an_office_held_in_the_years_a_sentence_looks_back_to_is_no_discrepancy():
    from storyline.discrepancies import find_discrepancies

    def found(looking_back: str, published: str | None = "2031-03-02") -> list[str]:
        texts = {"a": f"Premier Arin Tavos spoke on Monday. {looking_back}, Senator Tavos said the war was lost.",
                 "b": "President Arin Tavos denied it. The 2031 budget was cut."}
        start = texts["a"].index("Tavos said")
        mentions = [Mention(source="a", text="Tavos", start=start, end=start + 5, type="PERSON", role="Senator"),
                    _mention("Arin Tavos", texts["b"], source="b", role="President")]
        articles = [_article(texts["a"], source="a", published=published),
                    _article(texts["b"], source="b", published="2031-03-02")]
        return [d.kind for d in find_discrepancies([Entity(name="Arin Tavos", type="PERSON", mentions=mentions)], [],
                                                   articles)]

    assert found("Back in 2019") == []
    # an undated source is of the year its story's dated sources are
    assert found("Back in 2019", published=None) == []
    # said of this year, held since a year, or with no year at all, the office is the source's account
    assert found("Back in 2031") == found("Ever since 2019") == found("Back then") == ["role"]


def test_one_office_everywhere_is_no_discrepancy():
    mentions = [Mention(source=s, text="Arin Tavos", role="Prime Minister") for s in "abc"]
    assert role_discrepancies([Entity(name="Arin Tavos", type="PERSON", mentions=mentions)]) == []


def test_a_name_with_a_title_or_a_body_taken_into_it_is_no_other_spelling():
    mentions = [Mention(source="a", text="Bob Corker"), Mention(source="b", text="Republikeinse Senator Bob Corker"),
                Mention(source="c", text="Apple CEO Bob Corker"), Mention(source="d", text="Bob Korker")]
    [d] = name_discrepancies([Entity(name="Bob Corker", type="PERSON", mentions=mentions)])
    assert {v.value: v.sources for v in d.values} == {"Bob Corker": ["a", "b", "c"], "Bob Korker": ["d"]}
    alone = [Mention(source="a", text="Bob Corker"), Mention(source="b", text="Senator Bob Corker")]
    assert name_discrepancies([Entity(name="Bob Corker", type="PERSON", mentions=alone)]) == []


def test_a_name_with_its_initial_middle_name_or_particle_left_out_is_no_other_spelling():
    mentions = [Mention(source="a", text="Arin T. Vellan"), Mention(source="b", text="Arin Vellan"),
                Mention(source="c", text="Abu Sami al Karim"), Mention(source="d", text="Abu Sami Karim")]
    assert name_discrepancies([Entity(name="Arin Vellan", type="PERSON", mentions=mentions[:2])]) == []
    assert name_discrepancies([Entity(name="Abu Sami Karim", type="PERSON", mentions=mentions[2:])]) == []
    # a given name of its own is still another form
    other = [Mention(source="a", text="Arin Vellan"), Mention(source="b", text="Aris Vellan")]
    assert len(name_discrepancies([Entity(name="Arin Vellan", type="PERSON", mentions=other)])) == 1


def test_a_name_read_from_another_script_is_no_spelling_its_source_printed():
    """A Chinese page prints 卡西姆·苏莱曼尼, which reads as Kassem and Qassim alike: it takes no side."""
    mentions = [Mention(source="a", text="Qassim Soleimani"), Mention(source="b", text="Kassem Soleimani"),
                Mention(source="c", text="Kassem Soleimani", language="zh", printed="卡西姆·苏莱曼尼")]
    [d] = name_discrepancies([Entity(name="Qassim Soleimani", type="PERSON", mentions=mentions)])
    assert {v.value: v.sources for v in d.values} == {"Qassim Soleimani": ["a"], "Kassem Soleimani": ["b"]}


def test_a_surname_in_the_plural_is_the_family_no_other_spelling():
    mentions = [Mention(source="a", text="Dana Vellan"), Mention(source="b", text="Dana Vellan"),
                Mention(source="b", text="Vellans")]
    assert name_discrepancies([Entity(name="Dana Vellan", type="PERSON", mentions=mentions)]) == []


def test_a_bare_surname_or_style_before_a_full_name_with_accents_is_no_other_spelling():
    # the bare surname printed first; the full name's letters are Latin, accents and all
    mentions = [Mention(source="a", text="Trzaskowski"), Mention(source="a", text="Rafał Trzaskowski"),
                Mention(source="b", text="Rafał Trzaskowski")]
    assert name_discrepancies([Entity(name="Rafał Trzaskowski", type="PERSON", mentions=mentions)]) == []
    cyrillic = [Mention(source="a", text="Франциск"), Mention(source="b", text="Папа Франциск")]
    assert name_discrepancies([Entity(name="Frantsisk", type="PERSON", mentions=cyrillic)]) == []
    styled = [Mention(source="a", text="Pope"), Mention(source="b", text="Pope Benedict"),
              Mention(source="c", text="Benedict")]
    assert name_discrepancies([Entity(name="Benedict", type="PERSON", mentions=styled)]) == []
    # another spelling with accents is still one
    slip = [*mentions, Mention(source="c", text="Rafał Trzaskowsky")]
    [d] = name_discrepancies([Entity(name="Rafał Trzaskowski", type="PERSON", mentions=slip)])
    assert {v.value for v in d.values} == {"Rafał Trzaskowski", "Rafał Trzaskowsky"}


def test_a_given_name_each_language_translates_is_no_other_spelling():
    def pope(*forms: tuple[str, str, str]) -> list:
        mentions = [Mention(source=src, text=text, language=lang) for src, text, lang in forms]
        return name_discrepancies([Entity(name="Francis", type="PERSON", mentions=mentions)])

    translated = (("a", "Francis", "en"), ("b", "Francis", "en"), ("c", "Francesco", "it"), ("d", "Francisco", "es"))
    assert pope(*translated) == []
    # two forms in one language are a slip a reader should check, as a machine translation left it
    assert pope(("a", "Francis", "en"), ("b", "Franciszek", "en"), ("c", "Francesco", "it"))


def test_each_languages_own_transliteration_is_told_apart_from_a_spelling_to_check():
    def nature(*forms: tuple[str, str, str]) -> str:
        mentions = [Mention(source=src, text=text, language=lang) for src, text, lang in forms]
        [d] = name_discrepancies([Entity(name="Ali Khamenei", type="PERSON", mentions=mentions)])
        return d.nature

    # German writes ch, Spanish j, English kh; a Russian page its own letters: no source is wrong
    assert nature(("a", "Ali Khamenei", "en"), ("b", "Ali Chamenei", "de"), ("c", "Ali Jamenei", "es"),
                  ("d", "Ali Khamenei", "en")) == "transliteration"
    assert nature(("a", "Opoku Onyinah", "en"), ("b", "Опоку Ониина", "ru")) == "transliteration"
    # two forms within one language, or a letter no convention explains, are a spelling to check
    assert nature(("a", "Ali Khamenei", "de"), ("b", "Ali Chamenei", "de")) == "spelling"
    assert nature(("a", "Akindotun Merino", "en"), ("b", "Akidotun Merino", "it")) == "spelling"
    assert nature(("a", "Ali Khamenei", "en"), ("b", "Ali Chamenei", "de"), ("c", "Ali Khamenay", "en"),
                  ("c", "Ali Khamenay", "en")) == "spelling"


def test_a_names_initials_or_a_middle_names_initial_is_no_other_spelling():
    mentions = [Mention(source="a", text="Franklin D. Vellan"), Mention(source="b", text="FDV"),
                Mention(source="b", text="Franklin Delano Vellan"), Mention(source="c", text="Franklin D. Vellan")]
    assert name_discrepancies([Entity(name="Franklin D. Vellan", type="PERSON", mentions=mentions)]) == []
    other = [*mentions, Mention(source="d", text="Franklin P. Vellan")]  # another middle name is still one
    assert name_discrepancies([Entity(name="Franklin D. Vellan", type="PERSON", mentions=other)])


def test_a_given_names_short_form_is_no_other_spelling_and_a_slip_still_is():
    mentions = [Mention(source="a", text="Ken Vellan"), Mention(source="b", text="Kenneth Vellan"),
                Mention(source="b", text="Kenneth R. Vellan"), Mention(source="c", text="Kenneth Vellan")]
    assert name_discrepancies([Entity(name="Kenneth Vellan", type="PERSON", mentions=mentions)]) == []
    twin = [Mention(source="a", text="Bill Vellan"), Mention(source="b", text="Billy Vellan")]  # both William's
    assert name_discrepancies([Entity(name="Billy Vellan", type="PERSON", mentions=twin)]) == []
    slip = [*mentions, Mention(source="d", text="Ken Vallen")]
    [d] = name_discrepancies([Entity(name="Kenneth Vellan", type="PERSON", mentions=slip)])
    assert {v.value: v.sources for v in d.values} == {"Kenneth Vellan": ["a", "b", "c"], "Ken Vallen": ["d"]}


def test_names_spelled_apart_are_a_name_discrepancy_and_scripts_are_not():
    mentions = [Mention(source="a", text="Pavel Korsunov"), Mention(source="b", text="Павел Корсунов"),
                Mention(source="e", text="Korsunov"), Mention(source="c", text="Korsunoff"),
                Mention(source="d", text="Kersanev")]
    [d] = name_discrepancies([Entity(name="Pavel Korsunov", type="PERSON", mentions=mentions)])
    assert {v.value: v.sources for v in d.values} == {
        "Pavel Korsunov": ["a", "b", "e"], "Korsunoff": ["c"], "Kersanev": ["d"]}
    assert d.nature == "garbled"
    same = [Mention(source="a", text="Pavel Korsunov"), Mention(source="b", text="Павел Корсунов"),
            Mention(source="c", text="Korsunov")]
    assert name_discrepancies([Entity(name="Pavel Korsunov", type="PERSON", mentions=same)]) == []
    spelt = [Mention(source="a", text="Pavel Korsunov"), Mention(source="b", text="Pavel Korsunoff")]
    assert name_discrepancies([Entity(name="Pavel Korsunov", type="PERSON", mentions=spelt)])[0].nature == "spelling"


def test_a_source_that_prints_a_name_two_ways_one_of_them_everyones_disagrees_with_no_one():
    mentions = [Mention(source="a", text="Pak Jong Sik"), Mention(source="b", text="Pak Jong Sik"),
                Mention(source="pl", text="Pak Jong Sik"), Mention(source="pl", text="Pak Dzong Sik")]
    assert name_discrepancies([Entity(name="Pak Jong Sik", type="PERSON", mentions=mentions)]) == []
    # a source that prints it only otherwise does, with each of its forms
    apart = [Mention(source="a", text="Ivo Buzhinsky"), Mention(source="b", text="Ivo Boginsky"),
             Mention(source="b", text="Ivo Babinski")]
    [d] = name_discrepancies([Entity(name="Ivo Buzhinsky", type="PERSON", mentions=apart)])
    assert {v.value for v in d.values} == {"Ivo Buzhinsky", "Ivo Boginsky", "Ivo Babinski"}


def test_one_sources_two_spellings_and_spans_past_a_name_are_no_name_discrepancy():
    def found(*mentions):
        return name_discrepancies([Entity(name="Ivo Brell", type="PERSON", mentions=list(mentions))])

    # the tagger's "Brell of" and the firm "Brell & Co" are no spelling of the man's name
    assert found(Mention(source="a", text="Ivo Brell"), Mention(source="b", text="Brell of"),
                 Mention(source="b", text="Brell & Co"), Mention(source="c", text="Brell Co")) == []
    # one article's slip is its own, whether or not another source prints the form it also prints;
    # between sources that print it in no common form, the spellings differ
    assert found(Mention(source="a", text="Ivo Brell"), Mention(source="a", text="Ivo Grell")) == []
    assert found(Mention(source="a", text="Ivo Brell"), Mention(source="a", text="Ivo Grell"),
                 Mention(source="b", text="Ivo Brell")) == []
    [d] = found(Mention(source="a", text="Ivo Brell"), Mention(source="a", text="Ivo Grell"),
                Mention(source="b", text="Ivo Brell"), Mention(source="c", text="Ivo Grell"))
    assert {v.value: v.sources for v in d.values} == {"Ivo Brell": ["a", "b"], "Ivo Grell": ["a", "c"]}


def test_a_place_the_tagger_read_as_a_person_is_no_spelling_of_a_like_sounding_name():
    person = Entity(name="Salem Mislat", type="PERSON", mentions=[
        Mention(source="a", text="Salem Mislat"), Mention(source="b", text="Misrata"),
        Mention(source="c", text="Salem Mislat")])
    town = Entity(name="Misrata", type="PLACE", mentions=[Mention(source="b", text="Misrata")])
    assert name_discrepancies([person, town]) == []
    assert [d.kind for d in name_discrepancies([person])] == ["name"]


def test_days_weeks_apart_are_two_events_not_two_accounts_of_one():
    from storyline.discrepancies import value_discrepancies

    def day(source, value, iso):  # the leads of one day's articles
        return Claim(source=source, kind="date", subject="date: the event", value=value,
                     number=float(date.fromisoformat(iso).toordinal()), published="2031-04-22")

    weeks = [day("a", "April 20", "2031-04-20"), day("b", "June 16", "2031-06-16")]
    assert value_discrepancies(weeks, "date") == []
    [d] = value_discrepancies([day("a", "April 20", "2031-04-20"), day("b", "April 21", "2031-04-21")], "date")
    assert [v.sources for v in d.values] == [["a"], ["b"]]
    # a lead's "since March 2" beside them is another event's day: not listed
    [d] = value_discrepancies([day("a", "April 20", "2031-04-20"), day("b", "April 21", "2031-04-21"),
                               day("c", "March 2", "2031-03-02")], "date")
    assert [v.sources for v in d.values] == [["a"], ["b"]]
    # nor is the day another day's article gives its own news: only the sources of one day at odds
    printed = [dataclasses.replace(day("a", "Monday", "2031-04-20"), published="2031-04-21"),
               dataclasses.replace(day("b", "Tuesday", "2031-04-21"), published="2031-04-21"),
               dataclasses.replace(day("c", "Thursday", "2031-04-23"), published="2031-04-24")]
    [d] = value_discrepancies(printed, "date")
    assert [v.sources for v in d.values] == [["a"], ["b"]]
    # an undated page's "today" in a story of weeks may be any of its days: set against none
    undated = dataclasses.replace(day("u", "today", "2031-04-22"), published=None)
    days = ["2031-04-21", "2031-04-24", "2031-05-09"]
    [d] = value_discrepancies([*printed, undated], "date", story_days=days)
    assert [v.sources for v in d.values] == [["a"], ["b"]]
    [d] = value_discrepancies([*printed, undated], "date")  # a story of a few days sets it beside them
    assert ["u"] in [v.sources for v in d.values]


def _claim(source, value, number, published, speaker=None):
    return Claim(source=source, kind="number", subject="deaths", value=value, number=number,
                 published=published, speaker=speaker)


def test_figures_rising_with_time_are_an_update_and_same_time_a_conflict():
    rising = [_claim("a", "12", 12, "2031-03-02T08:00"), _claim("b", "40", 40, "2031-03-02T14:00")]
    assert number_discrepancies(rising)[0].nature == "update"
    clash = [_claim("a", "12", 12, "2031-03-02"), _claim("b", "40", 40, "2031-03-02")]
    assert number_discrepancies(clash)[0].nature == "conflict"
    one_source = [_claim("a", "more than 12", 12, "2031-03-02", "officials"),
                  _claim("a", "nearly 40", 40, "2031-03-02", "the governor")]
    [d] = number_discrepancies(one_source)
    assert d.nature == "attribution"
    assert [(v.value, v.speakers) for v in d.values] == [("more than 12", ["officials"]),
                                                         ("nearly 40", ["the governor"])]
    assert number_discrepancies([_claim("a", "12", 12, None), _claim("b", "12", 12, None)]) == []


def test_more_than_a_figure_and_at_least_the_next_are_one_account():
    assert number_discrepancies([_claim("a", "at least 81", 81, "2031-03-02"),
                                 _claim("b", "More than 80", 80, "2031-03-02")]) == []
    [d] = number_discrepancies([_claim("a", "at least 81", 81, "2031-03-02"),
                                _claim("b", "more than 90", 90, "2031-03-02")])
    assert [v.value for v in d.values] == ["at least 81", "more than 90"]


def test_one_source_giving_several_figures_in_its_own_voice_is_no_discrepancy():
    # an article that tells several incidents prints several tolls
    own_voice = [_claim("a", "148", 148, "2031-03-02"), _claim("a", "up to 1,800", 1800, "2031-03-02")]
    assert number_discrepancies(own_voice) == []
    one_speaker = [_claim("a", "12", 12, "2031-03-02", "the governor"),
                   _claim("a", "40", 40, "2031-03-02", "the governor")]
    assert number_discrepancies(one_speaker) == []
    # across two sources, one voice each is still a conflict
    [d] = number_discrepancies([_claim("a", "12", 12, "2031-03-02"), _claim("b", "40", 40, "2031-03-02")])
    assert d.nature == "conflict"


def test_a_page_that_tells_several_figures_itself_makes_no_row_of_its_speakers():
    # a war page's own "two" and "at least 10" beside a spokesman's six: several incidents
    page = [_claim("a", "two", 2, "2031-03-02"), _claim("a", "six", 6, "2031-03-02", "a rebel spokesman"),
            _claim("a", "at least 10", 10, "2031-03-02"), _claim("a", "16", 16, "2031-03-02", "the army")]
    assert number_discrepancies(page) == []
    # one figure of its own beside two speakers' is still an attribution
    assert [d.nature for d in number_discrepancies(page[1:])] == ["attribution"]


def test_according_to_him_is_the_person_named_before():
    text = ("Omar Vellan , a government spokesman , spoke in Orsk on Monday . "
            "According to him , 116 civilians have been killed in the last week .")
    claims = number_claims(Article(source="s", title=None, text=text, language="en", published="2031-03-02"),
                           find_mentions(Article(source="s", title=None, text=text, language="en")))
    assert [(c.value, c.speaker) for c in claims if c.subject == "deaths"] == [("116", "Omar Vellan")]


def test_figures_printed_weeks_apart_are_two_incidents_not_two_accounts():
    march = [_claim("a", "12", 12, "2031-03-02"), _claim("b", "14", 14, "2031-03-02")]
    august = [_claim("c", "3", 3, "2031-08-10"), _claim("d", "3", 3, "2031-08-11")]
    [d] = number_discrepancies(march + august)
    assert [v.value for v in d.values] == ["12", "14"]
    # a toll revised over a week is still one update
    week = [_claim("a", "12", 12, "2031-03-02"), _claim("e", "30", 30, "2031-03-08")]
    assert [d.nature for d in number_discrepancies(week)] == ["update"]
    # an undated figure is set against dated ones only where these are of one week
    assert len(number_discrepancies([*august, _claim("f", "9", 9, None)])) == 1
    assert number_discrepancies([march[0], august[0], _claim("f", "12", 12, None)]) == []


def test_undated_figures_of_a_story_of_months_are_set_against_no_other_page():
    # each undated page of a war of months tells its own day's shelling: "two" and "three" are
    # two incidents, not two accounts, once the story's pages (printed or implied days) span weeks
    undated = [_claim("a", "two", 2, None), _claim("b", "three", 3, None)]
    assert len(number_discrepancies(undated, ["2031-03-02", "2031-03-05"])) == 1
    assert number_discrepancies(undated, ["2031-03-02", "2031-06-20"]) == []
    # one page's two speakers still differ, and dated pages of one week still meet
    speakers = [_claim("a", "two", 2, None, "the army"), _claim("a", "nine", 9, None, "the rebels")]
    assert [d.nature for d in number_discrepancies(speakers, ["2031-03-02", "2031-06-20"])] == ["attribution"]
    march = [_claim("c", "12", 12, "2031-03-02"), _claim("d", "14", 14, "2031-03-03")]
    assert len(number_discrepancies(march + undated, ["2031-03-02", "2031-06-20"])) == 1


def test_when_and_where_an_event_happened_and_sources_that_differ():
    from storyline.claims_events import event_claims
    from storyline.discrepancies import find_discrepancies

    def article(source, text):
        return _article(text, source=source, published="2031-03-06")

    texts = {"a": "Maria Lopes was sentenced on Tuesday by a court in Korven, her lawyer said on Wednesday.",
             "b": "A court in Orsk on Monday sentenced Maria Lopes. She will appeal, her lawyer said on Friday.",
             "c": "The Vellish court in Korven sentenced Maria Lopes on 4 March. Vellia protested.",
             "d": "A court in Vellia sentenced Maria Lopes, 30, on Tuesday."}
    articles = {source: article(source, text) for source, text in texts.items()}
    claims = [c for a in articles.values() for c in event_claims(a)]
    assert {(c.source, c.kind, c.value) for c in claims} == {
        ("a", "date", "Tuesday"), ("a", "place", "Korven"), ("b", "date", "Monday"), ("b", "place", "Orsk"),
        ("c", "date", "4 March"), ("c", "place", "Korven"), ("d", "date", "Tuesday"), ("d", "place", "Vellia")}
    found = {d.kind: d for d in find_discrepancies([], claims, list(articles.values()))}
    assert {v.value: v.sources for v in found["date"].values} == {
        "Tuesday / 4 March (2031-03-04)": ["a", "c", "d"], "Monday (2031-03-03)": ["b"]}
    # Vellia is the country (the story says "Vellish"): not set against its towns.
    assert {v.value: v.sources for v in found["place"].values} == {"Korven": ["a", "c"], "Orsk": ["b"]}
    agree = [c for c in claims if c.source in ("a", "c")]
    assert find_discrepancies([], agree, [articles["a"], articles["c"]]) == []
    # each day's lead tells that day's news: leads of other days are not set against each other
    later = {"e": ("Rains flooded Korven today, the mayor said.", "2031-03-04"),
             "f": ("Rains flooded Orsk today, the governor said.", "2031-03-05")}
    days = [c for source, (text, day) in later.items()
            for c in event_claims(_article(text, source=source, published=day)) if c.kind == "date"]
    assert len(days) == 2 and find_discrepancies([], days) == []
    same_day = [dataclasses.replace(c, published="2031-03-05") for c in days[:1]] + days[1:]
    assert [d.kind for d in find_discrepancies([], same_day)] == ["date"]


def test_an_undated_articles_day_with_its_weekday_falls_on_that_weekday():
    from datetime import date

    from storyline.claims_events import event_claims

    undated = _article("A summary of events Sunday , July 11 , day 82 of the spill in the Gulf .", published=None)
    [day] = [c for c in event_claims(undated, [], "2031-05-28") if c.kind == "date"]
    # the story began in May 2031; 11 July 2031 is a Friday, 11 July 2032 a Sunday
    assert date.fromordinal(int(day.number)) == date(2032, 7, 11)
    wrong = _article("A summary of events Tuesday , July 11 , day 82 of the spill in the Gulf .", published=None)
    assert [c for c in event_claims(wrong, [], "2031-05-28") if c.kind == "date"] == []


def test_two_undated_pages_days_are_not_set_against_each_other():
    from storyline.claims_events import event_claims
    from storyline.discrepancies import find_discrepancies

    def lead(text, source, published=None):
        return event_claims(_article(text, source=source, published=published), [], "2031-07-20")

    first = lead("Rebels carry a wounded comrade during fighting near Orsk on June 7 .", "a")
    second = lead("Rebel fighters drive to the front line near Korven on June 11 .", "b")
    assert [c.kind for c in first + second if c.kind == "date"] == ["date", "date"]
    assert [d for d in find_discrepancies([], first + second) if d.kind == "date"] == []
    # unless two of them give one day
    third = lead("Rebels fought near Orsk on June 7 , witnesses said .", "c")
    assert [d.kind for d in find_discrepancies([], first + second + third) if d.kind == "date"] == ["date"]
    # and only the days within a week of that day are listed with it
    later = lead("Rebel fighters drive to the front line near Varna on June 15 .", "e")
    [d] = [d for d in find_discrepancies([], first + second + third + later) if d.kind == "date"]
    assert sorted(v.value.split(" (")[0] for v in d.values) == ["June 11", "June 7"]
    dated = lead("The rebels took Korven on June 9 , 2031 , a spokesman said .", "d", "2031-06-10")
    assert [d.kind for d in find_discrepancies([], first + dated) if d.kind == "date"] == ["date"]
    # two undated pages' days weeks from the dated one's are no part of its row
    far = [*lead("Rebels rested near Orsk on June 18 .", "f"), *lead("Rebels rested near Lisk on June 24 .", "g")]
    [d] = [d for d in find_discrepancies([], first + dated + far) if d.kind == "date"]
    assert sorted(v.value.split(" (")[0] for v in d.values) == ["June 7", "June 9 , 2031"]


def test_a_weekday_in_an_article_without_a_printed_date_gives_no_day_and_a_place_inside_another_meets_it():
    from storyline.claims_events import event_claims
    from storyline.discrepancies import find_discrepancies

    def implied(text, source, day):
        return dataclasses.replace(_article(text, source=source, published=day), published_inferred=True)

    # two guessed dates a week apart made "Saturday" two days
    sat = [event_claims(implied("Navy commandos foiled an attack on Saturday, the navy said.", s, d))
           for s, d in (("a", "2031-03-08"), ("b", "2031-03-13"))]
    assert [c for cs in sat for c in cs if c.kind == "date"] == []
    dated = event_claims(implied("Navy commandos foiled an attack on 8 March, the navy said.", "c", "2031-03-13"))
    assert [(c.kind, c.value, c.published) for c in dated] == [("date", "8 March", None)]
    # "off Aden" and "in the Gulf of Aden" are no two places; Aden and Berbera are
    texts = {"d": "The attack took place in the Gulf of Aden, the navy said.",
             "e": "The attack took place about 150 miles off Aden, the navy said.",
             "f": "The attack took place near Berbera, the navy said."}
    claims = {s: event_claims(_article(t, source=s, published="2031-03-08")) for s, t in texts.items()}
    assert [c.value for c in claims["d"] if c.kind == "place"] == ["Gulf of Aden"]
    # a country's name ends where "of" begins what took place there
    summit = _article("He said there was no link with the summit meeting in Malaysia of the Asia Pacific forum.",
                      source="m", published="2031-03-08")
    assert [c.value for c in event_claims(summit) if c.kind == "place"] == ["Malaysia"]
    hague = [dataclasses.replace(c, source=s, value=v) for s, v in (("g", "The Hague"), ("h", "Hague"))
             for c in claims["f"] if c.kind == "place"]
    [d] = find_discrepancies([], hague + claims["f"])
    assert sorted(v.sources for v in d.values) == [["f"], ["g", "h"]]
    assert find_discrepancies([], claims["d"] + claims["e"]) == []
    [d] = find_discrepancies([], claims["d"] + claims["f"])
    assert {v.value for v in d.values} == {"Gulf of Aden", "Berbera"}


def test_a_month_or_a_possessive_after_a_locative_is_no_place():
    from storyline.claims_events import event_claims

    text = ("The king will not chair a meeting in Korven or Orsk, he wrote in an Oct. 17 letter to his son. "
            "The opposition asked for talks at Vellan's residence in Orsk.")
    places = [c.value for c in event_claims(_article(text, source="a", published="2031-03-06")) if c.kind == "place"]
    assert places == ["Korven"]


def test_a_people_is_no_place_of_an_event():
    from storyline.claims_events import event_claims

    text = ("A meeting in Polish hands opened on Monday , and a summit in Poland followed . "
            "Talks in North African capitals went on .")
    assert [c.value for c in event_claims(_article(text, source="a", published="2031-03-06"))
            if c.kind == "place"] == ["Poland"]


def test_a_company_a_facility_and_an_earlier_event_give_no_place_of_the_event():
    from storyline.claims_events import event_claims
    from storyline.model import Mention

    text = ("An explosion at Vellcorp Plc killed two workers on Monday. The fire at the Korven well off Orsk "
            "burned for a day. A similar blast in Marvel in 1998 killed 40 people.")
    article = _article(text, source="a", published="2031-03-06")
    company = Mention("a", "Vellcorp Plc", text.index("Vellcorp"), text.index("Vellcorp") + 12, "ORG")
    places = [c.value for c in event_claims(article, [company]) if c.kind == "place"]
    assert places == ["Orsk"]
    # a weekday after the place is the day's ("talks in Paris Monday")
    talks = "The allies met for talks in Orsk Monday to discuss the war."
    assert [c.value for c in event_claims(_article(talks, source="d", published="2031-03-06"))
            if c.kind == "place"] == ["Orsk"]
    # nor a facility whose name runs over two capitalised words ("the Deepwater Horizon rig")
    rig = "Eleven workers died in the explosion at the Korven Star rig off Orsk on Monday."
    assert [c.value for c in event_claims(_article(rig, source="c", published="2031-03-06"))
            if c.kind == "place"] == ["Orsk"]
    # the lead's own comparison with an earlier year still places the event
    lead = "An explosion in Marvel killed two workers on Monday, the worst since 1998."
    assert [c.value for c in event_claims(_article(lead, source="b", published="2031-03-06"))
            if c.kind == "place"] == ["Marvel"]


def test_a_place_past_a_comma_after_the_event_is_another_clauses():
    from storyline.claims_events import event_claims

    def places(text):
        return [c.value for c in event_claims(_article(text, source="a", published="2031-03-06")) if c.kind == "place"]

    assert places("Oil has gushed since the explosion , more than the Vellan tanker spilled in Orsk in 1989 .") == []
    assert places("The union has mediated talks before , including ones in Korven and Orsk .") == []
    assert places("The quake , centered about 90 kilometers south of Orsk , shook the valley .") == ["Orsk"]
    assert places("The explosion at a depot in Orsk , the navy said , killed two .") == ["Orsk"]


def test_places_of_articles_of_other_days_and_a_centre_without_a_quake_are_not_set_against_each_other():
    from storyline.claims_events import event_claims
    from storyline.discrepancies import find_discrepancies

    def places(text, source, day):
        return [c for c in event_claims(_article(text, source=source, published=day)) if c.kind == "place"]

    # a story of weeks: Monday's hearing in Korven, the next week's in Orsk
    monday = places("A hearing in Korven heard the engineers on Monday.", "a", "2031-03-03")
    later = places("A hearing in Orsk heard the owners on Tuesday.", "b", "2031-03-11")
    assert [c.value for c in monday + later] == ["Korven", "Orsk"]
    assert find_discrepancies([], monday + later) == []
    same_day = places("A hearing in Orsk heard the engineers on Monday.", "c", "2031-03-03")
    assert [d.kind for d in find_discrepancies([], monday + same_day)] == ["place"]
    # a page that holds the meeting in two places apart tells of two meetings, and is set against no one
    two = places("A hearing in Orsk heard the engineers on Monday. A hearing in Varna heard the owners later.",
                 "f", "2031-03-03")
    assert {c.value for c in two} == {"Orsk", "Varna"}
    assert find_discrepancies([], monday + two) == []
    # an undated page's hearing may be any week's in a story of weeks; in a story of days, it is its day's
    undated = places("A hearing in Varna heard the engineers on Monday.", "g", None)
    articles = [_article("", source="a", published="2031-03-03"), _article("", source="b", published="2031-03-11")]
    assert find_discrepancies([], monday + undated, articles) == []
    assert [d.kind for d in find_discrepancies([], monday + undated, articles[:1])] == ["place"]
    # a country by its name is broader than the town a page of the same day names
    country = places("A hearing in Ethiopia heard the engineers on Monday.", "h", "2031-03-03")
    assert [c.value for c in country] == ["Ethiopia"]
    assert find_discrepancies([], monday + country, [_article("", source="a", published="2031-03-03")]) == []
    # a command centre is no earthquake's; the quake's centre is
    assert places("The spill's command center in Korven opened on Monday.", "d", "2031-03-03") == []
    assert [c.value for c in places("The quake's center near Orsk shook the valley.", "e", "2031-03-03")] == ["Orsk"]


# -- opposite claims ---------------------------------------------------------------------------


def _said(text: str, source: str = "a.txt", published: str | None = "2031-03-02", names: tuple[str, ...] = ()):
    from storyline.claims_opposite import opposite_claims

    mentions = [_mention(n, text, source=source) for n in names]
    return opposite_claims(_article(text, source=source, published=published), mentions)


def test_opposite_claims_read_polarity_from_antonyms_and_negation():
    def read(text, *names):
        return [(c.subject, c.number) for c in _said(text, names=names)]

    assert read("Police said Rovan Keller was arrested on Monday.", "Rovan Keller") == [("arrest: Rovan Keller", 1)]
    assert read("Rovan Keller, 34, remains at large, police said.", "Rovan Keller") == [("arrest: Rovan Keller", -1)]
    assert read("Keller has not been arrested, his lawyer said.", "Keller") == [("arrest: Keller", -1)]
    assert read("Police arrested the suspect, former miner Rovan Keller, in Orsk.", "Rovan Keller") == [
        ("arrest: Rovan Keller", 1)]
    assert read("The Dorvan nuclear plant was shut down after the quake.") == [("operation: Dorvan plant", 1)]
    assert read("The plant is operating normally, the operator said.") == [("operation: plant", -1)]
    assert read("No group has claimed responsibility for the bombing.") == [("responsibility: the bombing", -1)]
    assert read("The second suspect remains at large.") == [("arrest: second suspect", -1)]
    assert read("A man was arrested near the scene.") == []  # indefinite: not known to be the story's man


def test_no_claim_from_hedges_other_subjects_or_active_verbs():
    for text in ("It is unclear whether Rovan Keller was arrested.", "Rovan Keller may have been arrested.",
                 "The brother of Rovan Keller was arrested.", "Rovan Keller killed two guards.",
                 "Was Rovan Keller arrested?", "Police denied reports that Rovan Keller had been arrested."):
        assert [c for c in _said(text, names=("Rovan Keller",)) if c.subject.startswith("arrest")] == [], text


def _story(texts: dict[str, tuple[str, str | None]], names: tuple[str, ...] = ()):
    from storyline.discrepancies import claim_discrepancies

    claims = [c for source, (text, published) in texts.items()
              for c in _said(text, source, published, tuple(n for n in names if n in text))]
    return claim_discrepancies(claims, [])


def test_opposite_claims_across_sources_list_both_sides_with_sources_and_speakers():
    [d] = _story({"a": ("Rovan Keller was arrested in Orsk, police said.", "2031-03-02T18:00"),
                  "b": ("Rovan Keller remains at large, his lawyer said.", "2031-03-02T18:05"),
                  "c": ("Police said Rovan Keller was detained on Monday.", "2031-03-02T17:00")}, ("Rovan Keller",))
    assert (d.kind, d.subject, d.nature) == ("claim", "Rovan Keller: arrested or at large", "conflict")
    assert [(v.value, v.sources, v.speakers) for v in d.values] == [
        ("was detained / was arrested", ["a", "c"], ["Police", "police"]),
        ("remains at large", ["b"], ["his lawyer"])]


def test_a_later_arrest_is_an_update_and_a_later_escape_is_not():
    at_large = ("The suspect remains at large.", "2031-03-02T08:00")
    arrested = ("The suspect was arrested.", "2031-03-02T20:00")
    assert _story({"a": at_large, "b": arrested})[0].nature == "update"
    assert _story({"a": (at_large[0], arrested[1]), "b": (arrested[0], at_large[1])})[0].nature == "conflict"
    # a bare day says nothing about the hour: the same day is no order
    assert _story({"a": (at_large[0], "2031-03-02"), "b": arrested})[0].nature == "conflict"


def test_a_source_telling_a_change_or_agreeing_sources_make_no_discrepancy():
    assert _story({"a": ("The suspect remained at large for two days. The suspect was arrested on Monday.", None),
                   "b": ("The suspect was arrested on Monday.", None)}) == []
    assert _story({"a": ("The plant was shut down.", None), "b": ("The plant remains closed.", None)}) == []
    # two different suspects, two different plants
    assert _story({"a": ("The suspect was arrested.", None), "b": ("The second suspect remains at large.", None)}) == []
    assert _story({"a": ("The Dorvan plant was shut down.", None),
                   "b": ("The Kessel plant is operating normally.", None)}) == []


def test_confirm_and_deny_oppose_only_about_the_same_thing():
    [d] = _story({"a": ("The ministry confirmed that troops had crossed the border.", None),
                  "b": ("The ministry denied that any troops had crossed the border.", None)})
    assert d.subject == "ministry: confirmed or denied"
    assert [v.sources for v in d.values] == [["a"], ["b"]]
    assert _story({"a": ("The ministry confirmed that troops had crossed the border.", None),
                   "b": ("The ministry denied that the minister would resign.", None)}) == []


def test_a_claim_of_responsibility_against_none_and_one_source_with_two_speakers():
    [d] = _story({"a": ("No group has claimed responsibility for the explosion.", "2031-03-02T08:00"),
                  "b": ("The Green Vanguard claimed responsibility for the attack.", "2031-03-02T20:00")})
    assert (d.subject, d.nature) == ("responsibility: claimed or unclaimed", "update")
    assert [v.value for v in d.values] == ["No group has claimed", "claimed by The Green Vanguard"]
    [d] = _story({"a": ("Police said the suspect was arrested. The suspect remains at large, his lawyer said.", None)})
    assert d.nature == "attribution"
    assert [v.speakers for v in d.values] == [["Police"], ["his lawyer"]]


def test_one_sentence_with_two_figures_from_two_speakers_keeps_both_speakers():
    text = "Governor Edda Solvik said 31 people were injured, while the health ministry said 24 people were hurt."
    claims = number_claims(_article(text), [_mention("Edda Solvik", text)])
    assert [(c.subject, c.value, c.speaker) for c in claims] == [("injured", "31", "Edda Solvik"),
                                                                 ("injured", "24", "health ministry")]
    [d] = number_discrepancies(claims)
    assert d.nature == "attribution"


def test_a_count_for_the_world_or_one_country_is_set_only_against_counts_of_the_same():
    a = _article("So far the virus has killed at least 167 people worldwide . The United States has been "
                 "hardest hit , with 44 deaths . In Portugal , there have been 12 deaths .", "a.txt")
    b = _article("The World Health Organization reported some 300 deaths worldwide . The U.S. alone has had "
                 "87 deaths , officials said . A bus crash killed 9 people in Porto .", "b.txt")
    claims = [c for art in (a, b) for c in number_claims(art, find_mentions(art))]
    assert {c.subject for c in claims} == {"deaths (worldwide)", "deaths (in United States)",
                                           "deaths (in Portugal)", "deaths (in Porto)"}
    found = {d.subject: [v.value for v in d.values] for d in number_discrepancies(claims)}
    assert found == {"deaths (worldwide)": ["at least 167", "some 300"], "deaths (in United States)": ["44", "87"]}
    # the World Health Organization's tally is the world's where the sentence names no place; a
    # dateline's place in capitals is where the reporter was, not what the figure counts
    c = _article("GENEVA ( Reuters ) - The virus has killed 85 people , according to the World Health Organization . "
                 "The WHO said Portugal had 3 deaths .")
    assert [x.subject for x in number_claims(c, find_mentions(c))] == ["deaths (worldwide)", "deaths"]


def test_a_figure_joined_to_a_word_by_a_hyphen_counts_nothing():
    text = ("Fishermen complain of skimpy payments that have put them on the verge of going under as the toll of "
            "the seven-week-old disaster grows . The 11-year-old boy was among 30 people killed .")
    assert [(c.subject, c.value) for c in number_claims(_article(text), [])] == [("deaths", "30")]


def test_an_adjective_or_a_pronouns_figures_name_no_speaker():
    text = ("In Vellmark , there have been 27,717 laboratory-confirmed cases and 127 deaths . "
            "According to its latest figures , more than 230 people have died . "
            "According to the health ministry , 250 people have died . "
            "Floods kill people every year in Vellmark , with an estimated 500 to 900 deaths . "
            "The officially confirmed death toll remains low at 26 .")
    speakers = [c.speaker for c in number_claims(_article(text), []) if c.subject == "deaths"]
    assert speakers == [None, None, "health ministry", None, None]


def test_a_bare_day_does_not_order_figures_within_that_day():
    # "2031-03-02" sorts before "2031-03-02T14:00" as text, but says nothing about the hour
    same_day = [_claim("a", "12", 12, "2031-03-02"), _claim("b", "40", 40, "2031-03-02T14:00")]
    assert number_discrepancies(same_day)[0].nature == "conflict"
    next_day = [_claim("a", "12", 12, "2031-03-02"), _claim("b", "40", 40, "2031-03-03")]
    assert number_discrepancies(next_day)[0].nature == "update"


def test_show_marks_summary_sentences_that_state_one_side_of_an_opposite_claim():
    from storyline.analysis import ArticleAnalysis, run_story_stages

    texts = {"a.txt": ("HALDEN, (MNA) – The suspect remains at large after the explosion at the Tarvik chemical plant, "
                       "police said. The plant was shut down after the explosion at the Tarvik chemical plant.",
                       "2031-03-02T08:00"),
             "b.txt": ("The suspect was arrested after the explosion at the Tarvik chemical plant, police said. "
                       "The plant is operating normally after the explosion at the Tarvik chemical plant.",
                       "2031-03-02T08:05")}
    articles = [_article(text, source=source, published=published) for source, (text, published) in texts.items()]
    ctx = run_story_stages(articles, {a.source: ArticleAnalysis() for a in articles})
    claims = {d.subject: d for d in ctx.discrepancies if d.kind == "claim"}
    assert set(claims) == {"suspect: arrested or at large", "plant: shut or operating"}
    # at large, then arrested five minutes later: an update; shut, then operating: a conflict
    assert {s: d.nature for s, d in claims.items()} == {"suspect: arrested or at large": "update",
                                                         "plant: shut or operating": "conflict"}
    disputed = [x for s in ctx.summary for x in s.disputed]
    assert disputed and all(" — " in x for x in disputed)


def test_speakers_are_named_as_their_entity():
    from storyline.discrepancies import find_discrepancies

    texts = {"a": "The plant was shut down, Solvik said.", "b": "The plant is operating normally, Aldo Ferrin said."}
    claims = [c for s, t in texts.items()
              for c in _said(t, s, None, tuple(n for n in ("Solvik", "Aldo Ferrin") if n in t))]
    solvik = Entity(name="Edda Solvik", type="PERSON", mentions=[_mention("Solvik", texts["a"], source="a")])
    articles = [_article(t, source=s) for s, t in texts.items()]
    [d] = [d for d in find_discrepancies([solvik], claims, articles) if d.kind == "claim"]
    assert [v.speakers for v in d.values] == [["Edda Solvik"], ["Aldo Ferrin"]]


def test_counts_of_workers_and_others_and_a_count_after_its_verb():
    article = Article(source="a", title=None,
                      text="Four workers were killed and eleven others were injured in the fire. "
                           "A second blast killed five workers and injured ten.")
    found = [(c.subject, c.number) for c in number_claims(article)]
    assert found == [("deaths", 4.0), ("injured", 11.0), ("deaths", 5.0), ("injured", 10.0)]
    assert number_claims(Article(source="b", title=None, text="The storm injured 3 km of fencing.")) == []


def test_money_keeps_its_currency_and_says_what_the_sum_is():
    text = ("The kidnappers demanded a ransom of 40 million roubles. The storm caused EUR 5m in damage. "
            "Nortex was fined €2.5 million by the regulator. Families will receive €10,000 each in compensation. "
            "The company could face damages of up to $2.3bn.")
    claims = number_claims(_article(text))
    assert [(c.subject, c.value, c.number) for c in claims] == [
        ("ransom (RUB)", "40 million roubles", 40e6), ("damage (EUR)", "EUR 5m", 5e6),
        ("fine on Nortex (EUR)", "€2.5 million", 2.5e6)]


def test_sums_in_two_currencies_or_of_two_things_make_no_discrepancy():
    a = number_claims(_article("The fire caused €5 million in damage.", "a"))
    b = number_claims(_article("The fire caused $6 million in damage.", "b"))
    c = number_claims(_article("The fire caused €900 million in damage.", "c"))
    d = number_claims(_article("The fire caused €4 million in damage.", "d"))
    assert number_discrepancies(a + b + c) == []  # dollars meet no euros; 5 and 900 million are two sums
    [found] = number_discrepancies(a + d)
    assert (found.subject, [v.value for v in found.values]) == ("damage (EUR)", ["€4 million", "€5 million"])


def test_the_area_of_the_fire_from_two_sources_is_one_discrepancy():
    a = _article("The fire started in the workshop and spread on an area of 2,000 square meters.", "a")
    b = _article("The blaze covered about 1,500 square metres of the solvent workshop.", "b")
    [found] = number_discrepancies(number_claims(a) + number_claims(b))
    assert found.subject == "area of the fire"
    assert [v.value for v in found.values] == ["about 1,500 square metres", "2,000 square metres"]


def test_an_area_is_the_events_only_when_the_sentence_says_so():
    text = ("A fire broke out in the 2,000-square-metre warehouse. The plant covers 40 hectares. "
            "Flooding covered 3 hectares of farmland.")
    assert [(c.subject, c.number) for c in number_claims(_article(text))] == [("area of the flood", 30_000)]
    acres = number_claims(_article("The wildfire has burned 7.4 acres.", "b"))
    assert number_discrepancies(number_claims(_article("The wildfire has burned 3 hectares.")) + acres) == []


def _causes(*texts: str, title: str | None = "Fire at chemical plant") -> list:
    from storyline.claims_opposite import opposite_claims

    out = []
    for n, text in enumerate(texts):
        article = Article(source=f"s{n}", title=title, text=text, language="en", published="2031-03-02")
        out += [c for c in opposite_claims(article, []) if c.subject.startswith("cause of ")]
    return out


def test_two_sources_naming_two_causes_of_the_fire_are_one_discrepancy():
    from storyline.discrepancies import cause_discrepancies

    claims = _causes("The union's head said the fire began during welding work that had no permit.",
                     "The fire chief said that a short circuit in the ventilation system was the most likely cause.")
    assert [(c.value, c.speaker) for c in claims] == [
        ("welding work", "union's head"), ("short circuit in the ventilation system", "fire chief")]
    [found] = cause_discrepancies(claims)
    assert (found.subject, found.nature) == ("cause of the fire", "conflict")
    assert [(v.value, v.sources) for v in found.values] == [
        ("welding work", ["s0"]), ("short circuit in the ventilation system", ["s1"])]


def test_no_cause_from_doubt_unspoken_speculation_or_another_event():
    assert _causes("Investigators are trying to establish whether the fire was caused by a cigarette.",
                   "The fire was probably caused by a short circuit.",
                   "The fire was not caused by arson.",
                   "A 2009 spill caused by a storm was smaller.",
                   "The cause of the fire is not yet known.") == []
    assert _causes("The crash was caused by ice.", title="Fire at chemical plant") == []  # not the story's event


def test_one_cause_in_other_words_is_no_discrepancy():
    from storyline.discrepancies import cause_discrepancies

    claims = _causes("Police said the fire was caused by faulty wiring.",
                     "The fire was caused by a short circuit, officials said.",
                     "The fire started during welding work, the union said.",
                     "The union said the fire began during welding.")
    [found] = cause_discrepancies(claims)
    assert [v.sources for v in found.values] == [["s0", "s1"], ["s2", "s3"]]


def test_a_figure_in_words_shows_its_digits():
    [claim] = number_claims(_article("Four workers were killed."))
    assert claim.value == "Four (4)"


def test_russian_copy_gives_the_toll_the_injured_and_the_area_of_a_fire():
    text = ("Четыре человека погибли и одиннадцать пострадали при пожаре на заводе.\n"
            "По ее словам, площадь пожара составила 2000 квадратных метров.\n"
            "В 2019 году на заводе погибли три человека.")
    article = Article(source="ru", title=None, text=text, language="ru", published="2026-02-12")
    assert [(c.subject, c.number) for c in number_claims(article)] == [
        ("deaths", 4), ("injured", 11), ("area of the fire", 2000)]


def test_a_summary_sentence_is_marked_only_by_a_disagreement_over_its_own_figure():
    from storyline.analysis import ArticleAnalysis, run_story_stages

    first = "The flood on the Esk has killed 311 people in the valley , the ministry said on Monday ."
    texts = {"a.txt": (first, "2031-03-02"), "d.txt": (first + " Roads were closed .", "2031-03-02"),
             "b.txt": ("Floods on the Esk killed 65 people , officials said on Tuesday .", "2031-03-20"),
             "c.txt": ("Floods on the Esk killed 150 people , the army said on Tuesday .", "2031-03-20")}
    articles = [_article(text, source=source, published=published) for source, (text, published) in texts.items()]
    ctx = run_story_stages(articles, {a.source: ArticleAnalysis() for a in articles})
    # a week apart, the 311 is another cycle's figure: the 65 and the 150 are the disagreement
    [d] = [d for d in ctx.discrepancies if d.kind == "number"]
    assert sorted(v.value for v in d.values) == ["150", "65"]
    assert any("311" in sentence.text for sentence in ctx.summary)
    for sentence in ctx.summary:
        assert bool(sentence.disputed) == ("311" not in sentence.text), sentence


def test_the_attribution_closing_a_sentence_gives_its_figures_and_adjectives_give_none():
    # a wire's closing attribution, with when and to whom
    assert _speakers("The death toll has edged up to 80 , the Vellian Health Agency ( VHA ) said on Wednesday .") == [
        ("up to 80", "Vellian Health Agency")]
    assert _speakers("Five people were killed and 24 wounded in clashes in Korven , two sources told reporters .") == [
        ("Five (5)", "two sources"), ("24", "two sources")]
    # ... but not where the sentence goes on about something else, or a speech verb came first
    assert _speakers("In Vellia , the worst hit country with up to 176 deaths , President Ilsa Marrow told "
                    "offices to close .") == [("up to 176", None)]
    assert _speakers("He said at least 700 people have died since February , officials said .") == [
        ("at least 700", None)]
    # a possessive's or a preposition's participle is an adjective; a raised subject names no one
    assert _speakers("Vellia 's confirmed death toll ticked up to 44 on Monday .") == [("up to 44", None)]
    assert _speakers("The agency earlier put the number of confirmed cases at 8,480 , with 72 deaths .")[-1][1] != (
        "number of")
    assert _speakers("Labs were still analyzing the strain now said to have killed 42 people in Vellia .") == [
        ("42", None)]


def test_a_sovereigns_style_or_reign_number_is_no_other_spelling():
    mentions = [Mention(source="a", text="Queen Elspeth"), Mention(source="b", text="Elspeth III"),
                Mention(source="c", text="Elspeth")]
    assert name_discrepancies([Entity(name="Elspeth III", type="PERSON", mentions=mentions)]) == []
    other = [*mentions, Mention(source="d", text="Elspet III")]  # a slip is still one
    assert name_discrepancies([Entity(name="Elspeth III", type="PERSON", mentions=other)])
