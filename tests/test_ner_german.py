"""German names without a model: every noun is capitalised there, so a run of capitals is a name
only where the article's own evidence says its words are no nouns (`entities/ner_german.py`)."""

from __future__ import annotations

from storyline.entities import find_mentions
from storyline.model import Article

TEXT = ("Der Innenminister von Bayern, Joachim Herrmann, sprach am Montag über die Aufhebung der Sanktionen. "
        "Polizeisprecher Christoph Wickhorst sagte, der Unfall sei im Ortsteil Langenreinsdorf passiert. "
        "Weitere Informationen gab es zunächst nicht. Brennende Gebäude standen in der Nacht am Marktplatz. "
        "Das Landgericht Göttingen verhandelt den Fall Mitte Mai. Die CDU und die EU lehnten die Tests von "
        "Atombomben ab, sagte Bundeskanzlerin Angela Merkel in Berlin. Der Schaden liegt bei Milliarden Euro.")


def mentions(text: str, language: str = "de") -> dict[str, str]:
    article = Article(source="de.txt", title=None, text=text, language=language, lines=[])
    return {m.text: m for m in find_mentions(article)}


def types(found: dict) -> dict[str, str]:
    return {name: m.type for name, m in found.items()}


def none_in_names(found: dict, *words: str) -> bool:
    """Whether none of the words is in a name found."""
    return not any(w in name for name in found for w in words)


def test_german_noun_phrases_are_no_names():
    found = mentions(TEXT)
    for words in ("Aufhebung", "Sanktionen", "Weitere", "Brennende", "Gebäude", "Tests", "Atombomben", "Nacht",
                  "Mai", "Milliarden", "Euro", "Unfall"):
        assert not any(words in name for name in found), (words, sorted(found))
    assert found["Joachim Herrmann"].type == "PERSON"
    assert "Bayern" not in found or found["Bayern"].type != "PERSON"  # what the minister is minister of


def test_forces_and_staff_after_a_name_are_no_part_of_it():
    found = mentions("Der General Kassem Soleimani ist tot. Nach dem Tod von Soleimani Führungskräfte in Teheran "
                     "drohen mit Rache. Sicherheitskräfte riegelten den Platz ab.")
    assert none_in_names(found, "Führungskräfte", "Sicherheitskräfte"), sorted(found)
    assert found["Kassem Soleimani"].type == "PERSON"


def test_german_titles_bodies_and_places_by_their_compounds():
    found = mentions(TEXT)
    assert found["Christoph Wickhorst"].type == "PERSON" and found["Christoph Wickhorst"].role == "Polizeisprecher"
    assert found["Angela Merkel"].type == "PERSON" and found["Angela Merkel"].role == "Bundeskanzlerin"
    assert found["Landgericht Göttingen"].type == "ORG"
    ruler = mentions("Die Drohung des Machthabers Kim Jong Un kam am Montag.")["Kim Jong Un"]
    assert ruler.type == "PERSON" and ruler.role == "Machthabers"
    assert found["Langenreinsdorf"].type == "PLACE"
    assert found["CDU"].type == "ORG" and found["EU"].type == "ORG"  # an acronym after an article stays a body


def test_the_noun_rules_are_germans_alone():
    # Dutch "de" still joins a name: German's noun rules, which join none with "der", stay German.
    dutch = mentions("Volgens Maria de Vries is de Raad van State het oneens.", "nl")
    assert dutch["Maria de Vries"].type == "PERSON"


def test_german_papers_streets_adjectives_and_openers_after_a_heading():
    found = mentions(
        "Wie die Frankfurter Rundschau berichtet, sperrte die Polizei die Ecke Pfarrstraße und Bahnhofstraße. "
        "Billstedter Mühlenweg Seit Montag ist auch dort gesperrt. Zahlreiche Passagiere warteten stundenlang. "
        "Ajatollah Ali Chamenei sprach im Fernsehen. Anschlagspläne Laut einem Bericht gab es keine Verletzten.")
    kinds = types(found)
    assert kinds["Frankfurter Rundschau"] == "ORG"
    assert types(mentions("Das sagte er dem Mannheimer Morgen am Montag."))["Mannheimer Morgen"] == "ORG"
    assert kinds["Billstedter Mühlenweg"] == kinds["Pfarrstraße"] == kinds["Bahnhofstraße"] == "PLACE"
    assert kinds["Ali Chamenei"] == "PERSON" and found["Ali Chamenei"].role == "Ajatollah"
    assert none_in_names(found, "Zahlreiche", "Passagiere", "Laut", "Anschlagspläne")
    found = mentions("Redaktioneller Hinweis: Trainer Alois Schwartz Zwei Spieler fehlen. Beide Fahrgäste blieben "
                     "unverletzt.")
    assert "Alois Schwartz" in found and none_in_names(found, "Redaktioneller", "Hinweis", "Zwei", "Beide")
    # a paper's name printed before its reporter's is no body of two names
    assert mentions("Marchanzeiger Albian Ajeti berichtet aus Zürich.")["Albian Ajeti"].type == "PERSON"


def test_a_german_bodys_name_without_the_words_around_it():
    found = mentions(
        "Das berichtete die Nachrichtenagentur AFP am Montag. Die Polizei Düsseldorf ermittelt. Virenforscher "
        "Richard Neher von der Universität Basel warnte. Richtung Weißes Haus zogen Tausende. Zuvor hatte die "
        "Rheinische Post Redaktion Telefon berichtet. Die Deutsche Bank und der Bayerische Rundfunk schwiegen.")
    kinds = types(found)
    for body in ("AFP", "Polizei Düsseldorf", "Universität Basel", "Weißes Haus", "Rheinische Post", "Deutsche Bank",
                 "Bayerische Rundfunk"):
        assert kinds.get(body) == "ORG", (body, kinds)
    assert kinds["Richard Neher"] == "PERSON" and found["Richard Neher"].role == "Virenforscher"
    assert none_in_names(found, "Nachrichtenagentur", "Richtung", "Telefon", "Redaktion")


def test_a_genitive_a_participle_and_the_white_house_run_into_names_are_no_persons():
    found = mentions("US-Präsident Arin Vellan will die Unruhen stoppen. Begleitet von Protesten kündigte Vellan den "
                     "Einsatz an. Während Vellans Auftritt im Rosengarten drängte die Polizei die Menge zurück. Ein "
                     "Präsident, der im Bunker des Weißen Hauses Schutz sucht. Sprecher des Weißen Hauses Hogan "
                     "Gidley schwieg. Thomas Vellmer sprach, nicht Thoma.")
    assert none_in_names(found, "Begleitet", "Protesten", "Auftritt", "Schutz"), sorted(found)
    assert types(found) == {"Arin Vellan": "PERSON", "Polizei": "ORG", "Weißen Hauses": "ORG", "Hogan Gidley": "PERSON",
                            "Thomas Vellmer": "PERSON"}


def test_the_noun_of_an_idiom_after_in_and_a_circle_of_sources_are_no_places():
    found = mentions("Die Regierung will in Kürze entscheiden . Ein Mann wurde in Gewahrsam genommen . Wie aus "
                     "Verhandlerkreisen verlautete , seien Patienten aus Krankenhäusern in Not . Auf Bundesebene "
                     "gilt die Regel seit Montag in Hünxe .")
    assert none_in_names(found, "Kürze", "Gewahrsam", "Verhandlerkreisen", "Krankenhäusern", "Not", "Bundesebene")
    assert found["Hünxe"].type == "PLACE"  # a town the lists do not know is still one


def test_a_role_noun_before_a_name_is_its_role_not_its_first_word():
    """Occupations and offices no list of titles held ("Veranstalter", "Landesrat", a hyphenated
    compound's "-Boss" or "-Vorstand") had been read as a person's first name."""
    found = mentions("Die Leute feiern zehn Minuten, sagte Veranstalter Patrick Lindner am Montag. Der Streit "
                     "beschäftigt Sicherheitslandesrat Christian Obermair seit Wochen. Am Abend telefonierte "
                     "Verbands-Boss Tobias Reinhold mit Digital-Vorstand Sabina Kettler.")
    for name, role in (("Patrick Lindner", "Veranstalter"), ("Christian Obermair", "Sicherheitslandesrat"),
                       ("Tobias Reinhold", "Verbands-Boss"), ("Sabina Kettler", "Digital-Vorstand")):
        assert found[name].type == "PERSON" and found[name].role == role, (name, sorted(found))
    assert none_in_names(found, "Veranstalter", "Sicherheitslandesrat", "Verbands-Boss", "Digital-Vorstand")
    # a council's member, a boss, a boxer as the head of a compound; alone they may be names
    assert mentions("Am Montag sprach Murat Kaya mit Barbara Boxer über Hugo Boss.").keys() >= {
        "Murat Kaya", "Barbara Boxer", "Hugo Boss"}


def test_words_before_a_title_inside_a_run_are_the_titles():
    """"Erster Stadtrat Stefan Vollmer", "Merzs Vorgänger Guido Brandt": a noun inside a run had
    made the whole run no name; the title's "von" leaves the role to the title after it."""
    found = mentions("Das erklären Bürgermeister Herbert Hunold und Erster Stadtrat Stefan Vollmer in einem Nachruf. "
                     "Merzs Vorgänger Guido Brandt musste gehen. Der Staatssekretär von Innenminister Horst "
                     "Wendler begrüßte es.")
    assert found["Stefan Vollmer"].role == "Erster Stadtrat"
    assert found["Guido Brandt"].type == "PERSON"
    assert found["Horst Wendler"].type == "PERSON" and found["Horst Wendler"].role == "Innenminister"
    assert found["Herbert Hunold"].role == "Bürgermeister"


def test_an_adverb_run_on_after_a_name_is_no_part_of_it():
    """A heading or a caption run into the next sentence, its full stop lost."""
    found = mentions("Am Montag kam Christoph Wendt Jetzt beginnt der Bau. Der Fotograf Thomas Krause Bisher ist "
                     "unklar, wer kam. Trump droht mit Zöllen auf Erdöl-Importe Dies sagte er am Sonntag.")
    assert {"Christoph Wendt", "Thomas Krause"} <= found.keys() and none_in_names(found, "Jetzt", "Bisher", "Dies"), \
        sorted(found)


def test_a_von_inside_a_run_joins_a_name_only_after_a_given_name():
    """"Tests von Atombomben", "Betreiber von Restaurants" are noun phrases, "Editorial von Jürgen
    Brandner" is someone's editorial, "Sommerspiele von Tokio" a place's games; "Finanzchef James von
    Mohl" and "Manfred von Richthofen" are names with their particle."""
    found = mentions("Die Regierung kritisierte Tests von Atombomben scharf. Betreiber von Restaurants klagen. "
                     "Im Editorial von Jürgen Brandner steht es anders. Die Sommerspiele von Tokio sind verschoben. "
                     "Der Finanzbeauftragte James von Mohl bestätigte das Ziel, sagte Manfred von Richthofen.")
    people = {name for name, m in found.items() if m.type == "PERSON"}
    assert none_in_names(found, "Atombomben", "Betreiber", "Editorial", "Sommerspiele"), sorted(found)
    assert {"Jürgen Brandner", "James von Mohl", "Manfred von Richthofen"} <= people, sorted(people)
    assert found["Tokio"].type == "PLACE"


def test_a_given_name_and_a_surname_after_von_der_are_one_name():
    """"Ursula von der Leyen": the surname after "der" is no noun, nor the given name after a
    sentence's determiner; "Ursache von der Fahrbahn" stays a noun phrase."""
    found = mentions("Die Kommissionspräsidentin Ursula von der Leyen sprach am Montag. Die Ursache von der "
                     "Fahrbahn ist unklar. Das sagte Bernd von der Heide in Brüssel.")
    assert found["Ursula von der Leyen"].type == "PERSON"
    assert found["Ursula von der Leyen"].role == "Kommissionspräsidentin"
    assert found["Bernd von der Heide"].type == "PERSON"
    assert none_in_names(found, "Ursache", "Fahrbahn"), sorted(found)


def test_a_surname_in_the_genitive_before_a_noun_ends_the_name():
    """"Christian Eichners Premiere", where the text prints "Eichner" too: his first match, the
    name without the s; a surname that ends in s stays whole ("Thomas Kraus Düsseldorf")."""
    found = mentions("Heute ist Christian Eichners Premiere als Trainer. Eichner freut sich. Das Foto machte "
                     "Thomas Kraus Düsseldorf am Montag.")
    assert found["Christian Eichner"].type == "PERSON", sorted(found)
    assert none_in_names(found, "Premiere") and any(name.startswith("Thomas Kraus") for name in found)


def test_a_capitalised_article_inside_a_run_opens_the_next_sentence():
    """A flattened page runs a heading into the next sentence: "Hochzeits-Korsos Die NRW-Polizei"
    is the parade, then the police."""
    found = mentions("Der Streit um Hochzeits-Korsos Die NRW-Polizei greift durch. Am Montag sprach Olaf Scholz Des "
                     "Weiteren in Berlin.")
    assert "NRW-Polizei" in found and none_in_names(found, "Korsos Die", "Scholz Des"), sorted(found)
    assert found["Olaf Scholz"].type == "PERSON"


def test_an_inflected_adjective_and_its_noun_are_no_name_but_a_given_name_ending_alike_is() -> None:
    from storyline.entities.ner import mentions_in

    de = ("Graue Erbsen sind wieder beliebt. Trauernde Bilder gingen um die Welt. Später sprach Friederike "
          "Kempter mit Helene Fischer über Brigitte Bardot.")
    persons = {m.text for m in mentions_in(de, "de", "s") if m.type == "PERSON"}
    assert "Graue Erbsen" not in persons and "Trauernde Bilder" not in persons
    assert {"Friederike Kempter", "Helene Fischer", "Brigitte Bardot"} <= persons


def test_a_question_word_or_a_modal_opening_a_run_is_no_part_of_the_name() -> None:
    from storyline.entities.ner import mentions_in

    de = ("Sollte Donald Trump die Aufforderung ignorieren, droht eine Klage. Die Frage lautet Warum Angela Merkel "
          "schwieg.")
    persons = {m.text for m in mentions_in(de, "de", "s") if m.type == "PERSON"}
    assert {"Donald Trump", "Angela Merkel"} <= persons and not any(p.split()[0] in ("Sollte", "Warum")
                                                                     for p in persons)


def test_a_full_name_in_the_genitive_at_a_runs_end_is_the_name_without_its_s() -> None:
    from storyline.entities.ner import mentions_in

    de = "Orban regiert seit Jahren. Viktor Orbans neue Regierung trat am Montag zusammen, sagte Orban."
    persons = {m.text for m in mentions_in(de, "de", "s") if m.type == "PERSON"}
    assert "Viktor Orban" in persons and "Viktor Orbans" not in persons


def test_a_captions_word_a_page_runs_into_a_name_is_no_part_of_it() -> None:
    from storyline.entities.ner import mentions_in

    de = "Der Reporter Jens Mattern Bild: dpa berichtet aus Warschau. Screenshot Instagram zeigt die Szene."
    names = {m.text for m in mentions_in(de, "de", "s")}
    assert "Jens Mattern" in names and not any(n.endswith(" Bild") or n.startswith("Screenshot") for n in names)
