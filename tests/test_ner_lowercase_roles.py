"""Roles where a language prints its titles in lower case (Spanish, French, Italian, Portuguese, Dutch,
Polish): the rules' mentions carry the title before the name or in apposition after it, on invented text."""

from __future__ import annotations

from storyline.entities.ner import mentions_in


def _roles(text: str, lang: str) -> dict[str, str | None]:
    return {m.text: m.role for m in mentions_in(text, lang, "s") if m.type == "PERSON"}


def test_the_title_before_a_name_with_its_complement() -> None:
    es = "Ayer habló el ministro de Defensa, Agustín Rossi, en la radio."
    assert _roles(es, "es")["Agustín Rossi"] == "ministro de Defensa"
    it = "Lo ha detto il ministro degli Esteri Luigi Di Maio a Roma."
    assert _roles(it, "it")["Luigi Di Maio"] == "ministro degli Esteri"
    fr = "Le secrétaire à la Défense Mark Esper a parlé."
    assert _roles(fr, "fr")["Mark Esper"] == "secrétaire à la Défense"
    pl = "Wczoraj prezes Telewizji Polskiej Jacek Kurski złożył dymisję."
    assert _roles(pl, "pl")["Jacek Kurski"] == "prezes Telewizji Polskiej"
    es = "Lo anunció el primer ministro Shinzo Abe en Tokio."
    assert _roles(es, "es")["Shinzo Abe"] == "primer ministro"


def test_the_title_in_apposition_after_a_name() -> None:
    es = "Luis Tudanca, secretario autonómico del PSOE, defendió el acuerdo."
    assert _roles(es, "es")["Luis Tudanca"] == "secretario autonómico del PSOE"


def test_no_role_from_another_nouns_complement_a_verb_or_a_second_phrase() -> None:
    es = "Llegó la esposa del presidente, Melania Trump, a la cumbre."
    assert _roles(es, "es")["Melania Trump"] is None
    es = "Ayer el presidente visitó a Juan Pérez en su casa."
    assert _roles(es, "es")["Juan Pérez"] is None
    es = "Se reunieron el primer ministro Shinzo Abe y el presidente Donald Trump."
    assert _roles(es, "es")["Donald Trump"] == "presidente"
    fr = "Après la mort du général Soleimani, Hassan Rouhani a promis une vengeance."
    assert _roles(fr, "fr")["Hassan Rouhani"] is None


def test_a_general_after_a_noun_is_that_office_not_a_rank() -> None:
    es = "La decisión la tomó el fiscal general Avichai Mendelblit en Jerusalén."
    assert _roles(es, "es")["Avichai Mendelblit"] == "fiscal general"
