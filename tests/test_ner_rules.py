"""The capitalised-word rules (`entities/ner_rules.py`) on invented text in the languages without a model."""

from __future__ import annotations

from storyline.entities.ner import mentions_in


def test_a_platform_before_a_bodys_name_is_where_it_posted_and_the_name_starts_at_its_capital() -> None:
    es = "Lo publicó la cuenta oficial de Facebook del Ministerio de Sanidad el lunes."
    names = {m.text: m.type for m in mentions_in(es, "es", "s")}
    assert names.get("Ministerio de Sanidad") == "ORG" and not any(n.startswith("del ") for n in names)


def test_names_after_a_place_noun_are_places_to_the_end_of_their_list() -> None:
    es = "Sacrificaron las aves en granjas de las provincias de Nghe An, Thanh Hoa y Quang Ninh, dijo el funcionario."
    types = {m.text: m.type for m in mentions_in(es, "es", "s")}
    assert types["Nghe An"] == types["Thanh Hoa"] == types["Quang Ninh"] == "PLACE"
    es = "En el municipio de Chilapa, Guerrero, Adrián LeBarón afirmó que volverá."
    types = {m.text: m.type for m in mentions_in(es, "es", "s")}
    assert types["Chilapa"] == types["Guerrero"] == "PLACE" and types.get("Adrián LeBarón") != "PLACE"


def test_polish_words_a_flattened_page_runs_on_after_a_name_and_its_buttons_name_no_one() -> None:
    pl = "Spotkał się z operatorem sieci. Zapytał Operator Czy to prawda? Głosuj Głosuj Podziel"
    names = {m.text for m in mentions_in(pl, "pl", "s")}
    assert not any(n.endswith(" Czy") for n in names) and "Głosuj Głosuj Podziel" not in names


def test_a_polish_noun_or_place_before_a_given_name_is_no_part_of_the_persons_name() -> None:
    pl = "W programie padły Słowa Hanny Lis o pracy. Wczoraj powiedziała to mieszkanka Rzymu Sylwia Wysocka."
    persons = {m.text for m in mentions_in(pl, "pl", "s") if m.type == "PERSON"}
    assert "Hanny Lis" in persons and "Sylwia Wysocka" in persons


def test_a_verb_or_a_links_label_a_flattened_page_runs_on_ends_a_name_but_a_japanese_son_stays() -> None:
    es = "El proyecto Ruta Norte Es una iniciativa local. Lo dijo Masayoshi Son, fundador de SoftBank."
    persons = {m.text for m in mentions_in(es, "es", "s") if m.type == "PERSON"}
    assert "Masayoshi Son" in persons and not any(p.endswith(" Es") for p in persons)
    fr = "Nous avons visité Costa Mesa Quoi de plus beau que la mer ?"
    assert not any(m.text.endswith("Quoi") for m in mentions_in(fr, "fr", "s"))


def test_an_article_a_flattened_page_runs_on_ends_no_name_but_a_korean_one() -> None:
    it = "Il documento porta il Sigillo Il presidente lo ha firmato. Poi ha parlato Kim Jong Il a Pyongyang."
    names = {m.text for m in mentions_in(it, "it", "s")}
    assert "Sigillo Il" not in names and "Kim Jong Il" in names


def test_a_bodys_acronym_before_a_given_name_is_the_body_and_then_its_officer() -> None:
    it = ("L'organizzatore della divisione sanitaria SIPTU Paul Bell ha dichiarato che lo sciopero continua. "
          "Il sindacato SIPTU chiede un incontro. Il titolo diceva: FPÖ BOSS Norbert Hofer attacca.")
    names = {m.text: m.type for m in mentions_in(it, "it", "s")}
    assert names.get("SIPTU") == "ORG" and names.get("Paul Bell") == "PERSON" and "BOSS" not in names
    es = "La empresa LEAF Mobile Inc anunció resultados."  # a body's own name stays whole
    assert "LEAF Mobile Inc" in {m.text for m in mentions_in(es, "es", "s")}


def test_a_phrase_opening_on_an_abstract_noun_is_a_body_or_a_thing_no_person() -> None:
    es = "El documento de la Dirección de Gestión Documental confirma la Declaración de Nacionalidad del alcalde."
    types = {m.text: m.type for m in mentions_in(es, "es", "s")}
    assert "PERSON" not in {types.get("Dirección de Gestión Documental"), types.get("Declaración de Nacionalidad")}


def test_a_platform_a_page_runs_on_after_a_name_is_no_part_of_it() -> None:
    tr = "Ermenistan Başbakanı Nikol Paşinyan Facebook sayfasından açıklama yaptı."
    assert "Nikol Paşinyan" in {m.text for m in mentions_in(tr, "tr", "s")}


def test_a_market_index_named_after_its_makers_is_a_body() -> None:
    es = "Ayer el Dow Jones cayó un 2%, y el Hang Seng también perdió. Radio Shack cerró tiendas."
    types = {m.text: m.type for m in mentions_in(es, "es", "s")}
    assert types.get("Dow Jones") == types.get("Hang Seng") == types.get("Radio Shack") == "ORG"


def test_an_italian_adverb_or_a_links_imperative_a_page_runs_into_a_name_is_no_part_of_it() -> None:
    it = "Un video virale. Guarda Jamie Oliver mentre cucina, e poi Eppure Buttigieg ha vinto."
    persons = {m.text for m in mentions_in(it, "it", "s") if m.type == "PERSON"}
    assert "Jamie Oliver" in persons and not any(p.startswith(("Guarda", "Eppure")) for p in persons)


def test_a_capitalised_particle_at_a_runs_end_is_the_next_sentences() -> None:
    fr = "Le ministre Olaf Scholz Des économistes ont critiqué le projet."
    persons = {m.text for m in mentions_in(fr, "fr", "s") if m.type == "PERSON"}
    assert "Olaf Scholz" in persons and "Olaf Scholz Des" not in persons
