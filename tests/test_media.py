from __future__ import annotations

import pytest

from storyline.clean.media import find_cited_media, load_media
from storyline.settings import Settings


@pytest.mark.parametrize(("text", "want"), [
    ("The mayor told Interfax on Sunday that the bridge was safe.", ["Interfax"]),
    ("According to Agence France-Presse, the talks collapsed.", ["AFP"]),
    ("Contacted by AFP, the ministry declined to comment. The BBC reports heavy rain.", ["AFP", "BBC"]),
    ("German television ARD broadcast an interview with the minister.", ["ARD"]),
    ("The Kommersant newspaper wrote that the deal was off.", ["Kommersant"]),
    ("Spanish newspaper El Vigía Austral reported the arrests.", ["El Vigía Austral"]),
    ("Russian news agency RIA Novosti reported the figure.", ["RIA Novosti"]),
    ("Petrov said, \u201cwe are ready\u201d, сообщает RIA Novosti.", ["RIA Novosti"]),
    ("He told the AP the vote would go ahead.", ["AP"]),
    ("Yesterday Reuters reported the vote.", ["Reuters"]),
    ("«Мы проверяем каждый дом», — сказал губернатор агентству Интерфакс.", ["Interfax"]),
    ("Las autoridades evacuaron a 320 vecinos, informó la agencia Reuters.", ["Reuters"]),
    # unlisted media named by the sentence's construction
    ("The spokesman, Teodor Malek, told the Infopol agency that 19 people were rescued.", ["Infopol"]),
    ("She said in statements to the \"Baltinform\" agency that the fire was out.", ["Baltinform"]),
    ("Police chief Tomas Reyk told the Nordpress news agency.", ["Nordpress"]),
    ("The spokesman, Mohammed al-Shibli, told Al Jazeera TV channel that families were trapped.", ["Al Jazeera"]),
    ("Malek told Continental Press that rescue teams had arrived.", ["Continental Press"]),
    ("The lawyer told the channel TVK-24 after the hearing that he would appeal.", ["TVK-24"]),
    ("\u201cThey knew the workshop,\u201d he told the Kolmar Gazette.", ["Kolmar Gazette"]),
    ("He told the Riverside Times that a commission would examine the repairs.", ["Riverside Times"]),  # not The Times
    ("«Пожар локализован», — сказала Сереброва агентству «Балтинформ».", ["Балтинформ"]),
    # a listed name is looked up before "Press" is trimmed off it
    ("Coast Guard Rear Adm Mary Landry told Associated Press news agency that there was no leak.", ["AP"]),
    # descriptors and owners run into the name are no part of it
    ("A spokesman told Syrian-based Arrai TV on Sunday that 17 mercenaries were held.", ["Arrai TV"]),
    ("Saif al-Islam tells France-based TV channel Euronews that the war will end.", ["Euronews"]),
    ("The ambassador told Turkey's Anatolia news agency that talks would resume.", ["Anatolia"]),
    # the name before the noun is the one next to it, not a person named before it
    ("The suspect was identified as Apti Abitayev, the ITAR-Tass news agency said.", ["TASS"]),
    ("Losses reached dlrs 700,000, daily Evenimentul Zilei reported.", ["Evenimentul Zilei"]),
    ("One retired senior officer told The Observer the army was pleased.", ["The Observer"]),
])
def test_citations_are_found_from_the_wording(text, want):
    assert find_cited_media(text) == want


@pytest.mark.parametrize("text", [
    "The BBC World Service was banned in the country last year.",   # about the BBC, not citing it
    "AP units in the exam are counted twice.",                       # an ambiguous acronym without a cue
    "The spokeswoman told Russian television that talks would resume.",  # a channel, not a named medium
    "The UN refugee agency said 300 people had fled.",
    "Subscribe to our newsletter.",
    "According to the UN agency, 300 people had fled.",              # a body's agency, not a medium
    "The minister told the State Duma that the budget was ready.",
    "Librarian Petra Lind said five hundred visitors came.",  # a person named like an agency
    "`` They are the poster child for too much debt , '' said analyst Ana Vell of RBC Capital Markets .",  # a bank
    "The border is closed, declared Valdoria's leading newspaper on Monday.",  # its owner, not its name
    "With TV and radio calling on people to stay home, the streets emptied.",  # kinds of media, no name
    # a word of the language opening the sentence, a place, a person, a noun the media noun qualifies
    "When a local newspaper reported this story, many people went to that bar.",
    "Libya state TV says government forces retook Ajdabiya.",
    "Israel radio reported the delay.",
    "Obama then watched TV coverage of the scene in Cairo.",
    "Underwater TV cameras showed a live feed of oil.",
    "Jury finds TV executive guilty, the court reported.",
    "At least 5,000 barrels have been spewing out daily Speaking on Saturday, the president blamed BP.",
    "A spokesman said Wednesday. Weekend newspaper reports in Valdoria said a judge had ordered it.",  # a time
])
def test_mentions_that_are_not_citations_are_ignored(text):
    assert find_cited_media(text) == []


def test_own_outlet_and_dateline_agency_are_not_citations():
    text = "Reuters reported the vote, according to Turan news agency."
    assert find_cited_media(text, exclude=["Turan"]) == ["Reuters"]
    assert find_cited_media("Reuters reported the vote.", exclude=["Thomson Reuters"]) == []


def test_users_can_extend_the_list(tmp_path):
    extra = tmp_path / "media.tsv"
    extra.write_text("Valley Beacon\tBeacon*\n", encoding="utf-8")
    settings = Settings(media_file=extra)
    text = "The governor told the Beacon that he would resign."
    assert find_cited_media(text, settings=settings) == ["Valley Beacon"]
    assert load_media(str(extra)).canonical["Beacon"] == "Valley Beacon"


def test_a_wire_credit_run_into_the_text_is_the_pages_own_agency_not_a_citation():
    text = ("Ferry row deepens in the Esk valley (Reuters) -- The ferry company said on Monday it would sue. "
            "Officials told the BBC the route would reopen.")
    assert find_cited_media(text) == ["BBC"]


def test_a_name_after_on_tv_is_the_next_sentences_subject():
    # highlights run together: "... says on TV Ivo Brandt `` will ...": no medium called Ivo Brandt
    assert find_cited_media("The spokesman says on TV Ivo Brandt `` will step down soon , '' says an aide") == []
    named = find_cited_media("He said on state television Radio Korvena that the rebels would lose .")
    assert named == ["Radio Korvena"]
