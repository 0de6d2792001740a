"""Names in Turkish and Polish without a model: heads matched by their stems, whatever their case
ending, and Turkish case endings after an apostrophe cut off (`entities/ner_inflected.py`)."""

from __future__ import annotations

from storyline.entities import find_mentions, resolve
from storyline.model import Article, Mention


def mentions(text: str, language: str) -> dict[str, str]:
    article = Article(source=f"{language}.txt", title=None, text=text, language=language, lines=[])
    return {m.text: m for m in find_mentions(article)}


def test_turkish_case_endings_are_no_part_of_a_name_and_heads_type_it():
    found = mentions("Güvenlik Müdürü Ali Karabağ'a göre kaza Aydınlar Mahallesi'nde oldu. Milli Eğitim "
                     "Bakanlığı'ndan yapılan açıklamada, okulların İzmir'de kapalı kalacağı bildirildi. "
                     "Saruhanlı Belediye Başkanı Zeki Bilgin de törene katıldı.", "tr")
    assert not any("'" in name for name in found), sorted(found)
    assert found["Ali Karabağ"].type == "PERSON" and found["Ali Karabağ"].role == "Güvenlik Müdürü"
    assert found["Aydınlar Mahallesi"].type == "PLACE"
    assert found["Milli Eğitim Bakanlığı"].type == "ORG"
    assert found["İzmir"].type == "PLACE"
    assert found["Zeki Bilgin"].type == "PERSON"  # after his municipality and his title


def test_turkish_holidays_institutions_and_noun_phrases_are_no_people():
    """Turkish capitalises every word of a holiday's or an institution's name: a run that opens on
    no given name and ends as a common noun does (a compound's possessive, a plural, a case
    written on the word) is no person; a name after such a phrase still is."""
    found = mentions("Dünya Kadınlar Günü kutlandı. Meteoroloji Dairesi uyardı ve Kurumsal Denetçiler toplandı. "
                     "Ramazan Bayramı öncesi Devlet Bahçeli ile Emre Soylu konuştu. Filmi Yönetmeninde Hüseyin "
                     "Özden çekti. Azeri Aynura Abdulleyeva ve Luigi Di Maio da oradaydı.", "tr")
    people = {name for name, m in found.items() if m.type == "PERSON"}
    for phrase in ("Dünya Kadınlar Günü", "Meteoroloji Dairesi", "Kurumsal Denetçiler", "Ramazan Bayramı"):
        assert phrase not in people, sorted(people)
    assert {"Devlet Bahçeli", "Emre Soylu", "Hüseyin Özden", "Luigi Di Maio"} <= people, sorted(people)
    assert any("Abdulleyeva" in name for name in people)


def test_polish_noun_phrases_are_no_people_and_names_in_any_case_are():
    """A Polish run that opens on no given name and on an adjective, or with a word no name ends
    so (a plural's genitive, an abstract noun, an adjective's or a noun's case), is no person."""
    found = mentions("Pasażerowie wypełniają Kartę Lokalizacyjną Pasażera. Urząd Ochrony Konsumentów ostrzega, a "
                     "Zakazane Miasto jest zamknięte. Spotkali się z Patrycją Markowską i Jarosławem Kaczyńskim, "
                     "a Kobe Bryant grał dalej.", "pl")
    people = {name for name, m in found.items() if m.type == "PERSON"}
    assert none_in_people(people, "Kartę", "Konsumentów", "Zakazane"), sorted(people)
    assert any("Markowsk" in p for p in people) and any("Kaczyńsk" in p for p in people), sorted(people)
    assert "Kobe Bryant" in people


def none_in_people(people: set[str], *words: str) -> bool:
    return not any(w in p for p in people for w in words)


def test_polish_bodies_in_any_case_and_no_name_in_a_form_of_address():
    found = mentions("Szanowni Państwo, prezydent Andrzej Duda spotkał się z przedstawicielami Komendy "
                     "Stołecznej Policji i Rady Mediów Narodowych. Wcześniej Jacek Kurski mówił o tym w "
                     "Warszawie.", "pl")
    assert not any("Szanowni" in name or "Wcześniej" in name for name in found), sorted(found)
    assert found["Andrzej Duda"].type == "PERSON"
    assert found["Jacek Kurski"].type == "PERSON"
    assert found["Komendy Stołecznej Policji"].type == "ORG"
    assert found["Rady Mediów Narodowych"].type == "ORG"
    # a sentence opening on a verbal noun or a genitive adjective before a name
    opened = mentions("Spotkania Donalda Trumpa z Kim Dzong Unem nie będzie. Nowego Roku nikt nie świętował.", "pl")
    assert "Donalda Trumpa" in opened and not any(w in name for name in opened for w in ("Spotkania", "Nowego"))


def polish_entities(texts: dict[str, tuple[str, str]]):
    articles = [Article(source=s, title=None, text=t, language=lang, lines=[]) for s, (t, lang) in texts.items()]
    found = [m for a in articles for m in find_mentions(a)]
    return resolve(found, {a.source: a.text for a in articles})


def test_a_declined_polish_name_is_the_person_the_story_names_in_the_nominative():
    ents = polish_entities({
        "pl1.txt": ("Wczoraj premier rozmawiał z Andrzejem Dudą w Warszawie. Decyzja należy do Andrzeja Dudy.", "pl"),
        "pl2.txt": ("Prezydent Andrzej Duda odwiedził wczoraj Kraków i spotkał się z Martą Kowalską.", "pl"),
        "en.txt": ("President Andrzej Duda met Marek Kowalski in Warsaw.", "en")})
    duda = [e for e in ents if "Duda" in e.name or "Dud" in e.name]
    assert [e.name for e in duda] == ["Andrzej Duda"], [(e.name, e.spellings) for e in ents]
    kowalscy = sorted(e.name for e in ents if e.name.startswith(("Mar", "Kowal")))
    assert kowalscy == ["Marek Kowalski", "Marta Kowalska"]  # no form of hers is his


def test_two_declined_forms_that_undo_to_one_name_are_that_name():
    ents = polish_entities({
        "pl1.txt": ("Wczoraj premier rozmawiał z Andrzejem Dudą w Warszawie.", "pl"),
        "pl2.txt": ("Decyzja należy teraz do Andrzeja Dudy, mówią politycy.", "pl")})
    assert [e.name for e in ents if e.type == "PERSON"] == ["Andrzej Duda"], [(e.name, e.type) for e in ents]


def test_a_name_declined_on_every_word_by_an_ending_no_nominative_has_is_undone():
    ents = polish_entities({"pl1.txt": ("Wczoraj premier rozmawiał z Andrzejem Dudą oraz z Jackiem Kurskim.", "pl")})
    assert sorted(e.name for e in ents if e.type == "PERSON") == ["Andrzej Duda", "Jacek Kurski"]
    # a nominative that ends as a case may stays as printed: Maciej, not "Macia"
    ents = polish_entities({"pl1.txt": ("Wczoraj premier rozmawiał z Maciejem Nowakiem, a Maciej Lis milczał.", "pl")})
    assert "Maciej Lis" in [e.name for e in ents]


def test_a_mans_name_in_the_genitive_is_undone_by_his_given_name():
    ents = polish_entities({"pl1.txt": (
        "Decyzja należy teraz do Andrzeja Dudy. Przemówienie Jerzego Buzka poprzedziło wystąpienie "
        "Stanisława Kostki, a głos zabrała też Aleksandra Gintrowska.", "pl")})
    assert sorted(e.name for e in ents if e.type == "PERSON") == [
        "Aleksandra Gintrowska", "Andrzej Duda", "Jerzy Buzek", "Stanisław Kostka"]
    # a woman's given name that is a man's genitive too, before a surname in -a: hers, as printed
    ents = polish_entities({"pl1.txt": ("Wczoraj w Sejmie przemawiała Stanisława Duda, posłanka z Krakowa.", "pl")})
    assert "Stanisława Duda" in [e.name for e in ents]


def test_a_polish_run_opened_by_an_adjective_in_a_case_is_no_person():
    found = mentions("Życzenia z okazji Nowego Roku złożyli słuchacze Polskiego Radia. Jerzego Buzka nie było "
                     "na sali, a o Bliskiemu Wschodowi mówiono krótko.", "pl")
    assert not any(m.type == "PERSON" for name, m in found.items() if name.split()[0] in (
        "Nowego", "Polskiego", "Bliskiemu")), found
    assert found["Jerzego Buzka"].type == "PERSON"  # a man's given name in the genitive opens a name


def test_a_polish_place_or_body_run_into_a_mans_name_is_two_names():
    found = mentions("Wczoraj na Florydzie Donald Trump grał w golfa, a marszałek Sejmu Ryszarda Terleckiego nie "
                     "było. Wcześniej prezydent USA Donald Trump pisał na Twitterze Donald Trump.", "pl")
    assert found["Donald Trump"].type == "PERSON" and found["Ryszarda Terleckiego"].type == "PERSON"
    assert found["Sejmu"].type == "ORG" and "Florydzie Donald Trump" not in found
    assert "USA" not in found and not any(name.startswith("Twitter") for name in found)  # leads, as before


def test_a_polish_place_in_a_case_is_its_countrys_or_citys_row():
    text = ("Zamach w Bagdadzie wstrząsnął Vellią. Prezydent Korei Północnej spotkał się z premierem Wielkiej "
            "Brytanii w Chinach, a we Włoszech i w Warszawie padał śnieg. Marek Vellan napisał na Twitterze.")
    found = mentions(text, "pl")
    assert {n: (m.type, m.printed) for n, m in found.items() if m.printed} == {
        "Bagdad": ("PLACE", "Bagdadzie"), "Korea Północna": ("PLACE", "Korei Północnej"),
        "Wielka Brytania": ("PLACE", "Wielkiej Brytanii"), "Chiny": ("PLACE", "Chinach"),
        "Włochy": ("PLACE", "Włoszech"), "Warsaw": ("PLACE", "Warszawie")}
    assert found["Twitterze"].type == "ORG"  # where he wrote, no place
    # a case the country list reads as the country anyway ("Polską", its letters folded) is named too
    assert mentions("Rząd rozmawiał z Polską o Vellii.", "pl")["Polska"].printed == "Polską"
    assert found["Marek Vellan"].type == "PERSON"
    # one row with the English source's country
    english = Article(source="en.txt", title=None, text="North Korea's leader met Britain's prime minister.",
                      language="en", lines=[])
    ents = resolve([*found.values(), *find_mentions(english)])
    korea = [e for e in ents if "Korea Północna" in {m.text for m in e.mentions}]
    assert len(korea) == 1 and "North Korea" in {m.text for m in korea[0].mentions}
    # the other Korea, which the names' vectors find as near, stays apart
    ms = [Mention(source="en", text="South Korea", type="PLACE", sentence=0, language="en"),
          Mention(source="pl", text="Korea Północna", type="PLACE", sentence=0, language="pl")]
    assert len(resolve(ms)) == 2


def test_a_polish_place_in_the_genitive_plural_leads_a_name_apart():
    text = "Sekretarz obrony Stanów Zjednoczonych Mark Vellan powiedział, że wojska są gotowe."
    found = {m.text: (m.type, m.printed) for m in find_mentions(Article(source="s", title=None, text=text,
                                                                        language="pl"))}
    assert found == {"Stany Zjednoczone": ("PLACE", "Stanów Zjednoczonych"), "Mark Vellan": ("PERSON", None)}


def test_a_turkish_run_that_says_our_is_no_name_unless_a_body_heads_it():
    found = mentions("Kulüpten yapılan açıklamada , Futbol A Takımımızın oyuncuları ve teknik ekibi testten geçti . "
                     "Sağlık Bakanlığımızın açıklamasına göre Max Kruse de test edildi .", "tr")
    assert not any("Takımımızın" in name for name in found) and "Futbol" not in found
    assert found["Sağlık Bakanlığımızın"].type == "ORG" and found["Max Kruse"].type == "PERSON"


def test_polish_abbreviated_koreas_and_a_leader_or_the_authorities_before_a_country():
    found = mentions("Przywódca Korei Płn. Kim Dzong Un zapowiedział broń nowej generacji . Władze Korei Płd. "
                     "zaprotestowały . Przywódca Iranu milczy .", "pl")
    assert {name: m.type for name, m in found.items()} == {
        "Korea Płn": "PLACE", "Kim Dzong Un": "PERSON", "Korea Płd": "PLACE", "Iran": "PLACE"}


def test_a_polish_adverb_a_sentence_opens_on_is_no_part_of_a_name():
    found = mentions("Papież był w Rzymie . Wtedy Franciszek powiedział , że przeprasza . Następnie Donald Trump "
                     "wyjechał .", "pl")
    assert not any(name.startswith(("Wtedy", "Następnie")) for name in found)
    assert found["Donald Trump"].type == "PERSON"


def test_a_turkish_run_ending_on_a_verb_or_a_word_of_the_next_sentence_is_no_name() -> None:
    from storyline.entities.ner import mentions_in

    tr = "Haberin başlığı Mendilim Keki Kokuyor oldu. Kandilli Gözlemevi Son dakika açıklaması yaptı."
    names = {m.text for m in mentions_in(tr, "tr", "s")}
    assert "Mendilim Keki Kokuyor" not in names and not any(n.endswith(" Son") for n in names)


def test_a_womans_name_in_the_genitive_is_undone_by_her_given_name():
    ents = polish_entities({"pl1.txt": (
        "Wczoraj odbył się koncert Edyty Górniak i Patrycji Markowskiej. Wywiad z udziałem Beaty Kawki "
        "poprowadziła redakcja.", "pl")})
    names = sorted(e.name for e in ents if e.type == "PERSON")
    assert {"Edyta Górniak", "Patrycja Markowska", "Beata Kawka"} <= set(names), names
