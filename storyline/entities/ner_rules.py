"""Names in languages without a model here: capitalised word sequences, typed by the words around
them (a title before a person, a preposition of place, an organisation's own words), a country's
name by the country list; a single word needs such a cue. Rough, and it says so: `ner.py` uses
it for every language but English (spaCy) and Russian (natasha).
"""

from __future__ import annotations

import re

from storyline.entities.countries import country_code, world_cities
from storyline.model import Mention

# Quote marks around a name, in any language.
QUOTES = "\"'“”‘’«»„‟‹›`"

_CAP_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]*"
_CONNECT = r"(?:de la|de los|de las|van der|van den|von der|de|del|della|di|da|van|von|der|den|du|des|bin|ibn)"
_CAP_SEQ = re.compile(rf"{_CAP_WORD}(?:[ \t]+(?:{_CONNECT}[ \t]+)?{_CAP_WORD})*")  # a name never crosses a line
# Not "de": the Dutch article, and in Spanish and French mostly "of" ("la participación de Chrysler").
_PLACE_PREP = re.compile(r"(?:\b(?:in|en|à|a|nel|nella|im|in der|aus|from|near|bei|à|au|dans|w|v|na)\s+)$", re.I)
_TITLE_PREP = re.compile(
    r"(?:\b(?:presidente|président|präsident|president|ministro|ministre|minister|premier|primer|"
    r"canciller|chancelier|kanzler|kanzlerin|portavoz|porte-parole|sprecher|woordvoerder|portavoce|"
    r"señor|sr\.|sra\.|signor|sig\.|herr|frau|m\.|mme|dhr\.|mevr\.|dr\.|general|général|generale|"
    r"embajador|ambassadeur|botschafter|ambasciatore|ambassadeur|líder|leader|jefe|chef)\s+)$", re.I)
_ORG_WORDS = re.compile(
    r"\b(ministerio|ministère|ministerium|ministero|ministerie|partido|partito|parti|partei|partij|"
    r"universidad|université|universität|università|universiteit|banco|banque|bank|agencia|agence|agentur|"
    r"agenzia|consejo|conseil|rat|consiglio|raad|gobierno|gouvernement|regierung|governo|regering|"
    r"group|grupo|groupe|gruppe|gruppo|groep|union|unión|unione|comité|comitato|komitee|commissie|"
    r"fuerzas|forces|armée|ejército|esercito|polizei|policía|police|polizia|politie|"
    # a company's or a central bank's name, in any language's text: "Barclays PLC", "Lehman Brothers"
    r"plc|inc|corp|ltd|llc|gmbh|brothers|holdings|reserve|reserva|riserva|"
    r"departamento|dipartimento|département|departement|department|tesoro|trésor|treasury|"
    r"tribunal|tribunale|rechtbank|gericht|corte|cour|hof|parlamento|parlement|parlament|congreso|congresso|"
    r"senado|senato|sénat|senaat|senat|ayuntamiento|comune|gemeente|mairie|bolsa|borsa|bourse|beurs|börse)\b",
    re.I)
_SENT_END = re.compile(r"[.!?…]\s+|\n+")


def rule_mentions(text: str, lang: str, source: str) -> list[Mention]:
    """Capitalised word sequences, typed by the words around them; single words need a cue."""
    sent_starts = [0] + [m.end() for m in _SENT_END.finditer(text)]
    out = []
    sent = 0
    for m in _CAP_SEQ.finditer(text):
        start, end = m.start(), m.end()
        while sent + 1 < len(sent_starts) and sent_starts[sent + 1] <= start:
            sent += 1
        words = m.group().split()
        at_start = start == sent_starts[sent] or text[sent_starts[sent]:start].strip(QUOTES + " (") == ""
        if at_start:
            # The first word of a sentence is capitalised anyway: drop it unless others follow.
            if len(words) == 1:
                continue
            first = words[0]
            if first.lower() in _FUNCTION_WORDS or len(first) <= 3:
                start = start + len(first) + 1
                while text[start] == " ":
                    start += 1
                words = words[1:]
        name = text[start:end].strip(QUOTES + " -")
        end = start + len(name)
        role = None
        # German capitalises titles: "Präsident Wladimir Putin" is a title and a name.
        while len(words) > 1 and words[0].lower().strip(".") in _FOREIGN_TITLES:
            role = f"{role} {words[0]}" if role else words[0]
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
            name = text[start:end]
        if not name or (name.isupper() and len(name) > 5):
            continue
        left = text[max(0, start - 40):start]
        if _ORG_WORDS.search(name) or (name.isupper() and 2 <= len(name) <= 5):
            kind = "ORG"
        elif role or _TITLE_PREP.search(left):
            kind = "PERSON"
        elif country_code(name) or name in world_cities() or _PLACE_PREP.search(left):
            kind = "PLACE"  # "gli Stati Uniti", "el Reino Unido", "de Indonesia"
        elif len(words) >= 2:
            kind = "PERSON"
        else:
            continue
        out.append(Mention(source=source, text=name, start=start, end=end, type=kind, sentence=sent,
                           role=role, language=lang))
    return out


_FOREIGN_TITLES = frozenset("""
präsident präsidentin regierungschef regierungschefin ministerpräsident ministerpräsidentin kanzler kanzlerin
bundeskanzler bundeskanzlerin minister ministerin außenminister außenministerin verteidigungsminister
innenminister sprecher sprecherin botschafter botschafterin general generalleutnant herr frau dr prof
président présidente ministre premier porte-parole général ambassadeur m mme monsieur madame
presidente ministro ministra portavoz primer general embajador señor señora sr sra don doña
portavoce ambasciatore signor signora generale
voorzitter premier minister-president woordvoerder ambassadeur generaal dhr mevrouw meneer
analista analiste analist analystin experto experta esperto esperta expert experte deskundige
economista econoom économiste ökonom directeur directrice director directora direttore direttrice direktor
direktorin dirigente topman topvrouw consejero consejera consigliere sindaco sindaca alcalde alcaldesa maire
burgemeester bürgermeister bürgermeisterin gobernador gobernadora governatore gouverneur senador senadora
senatore sénateur senator secretario secretaria segretario segretaria secrétaire secretaris sekretär
profesor profesora professore professoressa professeur hoogleraar juez jueza giudice juge rechter richter
presidenta vicepresidente vicepresidenta vicepresident vice-président vizepräsident portavoce
""".split())

_FUNCTION_WORDS = frozenset("""
el la los las un una uno le les un une des il lo gli i de het een der die das ein eine den dem en y et und e
en in im au aux del della dei degli su sur sul auf para per pour für voor con avec mit met este esta ce cette
questo questa dieser diese deze dit
""".split())
