"""Names in languages without a model here: capitalised word sequences, typed by the words around
them (a title before a person, a preposition of place, an organisation's own words), a country's
name by the country list; a single word needs such a cue. Rough, and it says so: `ner.py` uses
it for every language but English (spaCy) and Russian (natasha). German, which capitalises its
nouns, goes through `ner_german.py` as well; Turkish and Polish, which inflect, `ner_inflected.py`.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right

from storyline.entities import declension, ner_german, ner_inflected, roles
from storyline.entities.countries import country_code, english_city, world_cities
from storyline.entities.credits import banner_apart
from storyline.entities.keys import SURNAME_PARTICLES
from storyline.entities.name_shape import CONNECT, is_title_word, name_after_lead, person_like
from storyline.entities.names import is_given_name
from storyline.entities.rule_places import (
    GEO_WORDS,
    PLACE_ENDERS,
    PLACE_HEADS,
    PLACE_OPENERS,
    SAINT_ABBREVIATIONS,
    in_place_list,
    is_place_word,
    leading_place,
    listed_place,
    saint_named,
    team_named,
)
from storyline.entities.rule_words import (
    ABSTRACT_NOUN,
    ADDRESS_FORMS,
    BODY_BEFORE,
    FUNCTION_WORDS,
    SURNAMES_FIRST,
    names_no_one,
)
from storyline.entities.run_edges import ROMANCE, trim_run
from storyline.entities.scripts import CJK, CJK_CHAR
from storyline.entities.thing_words import PLATFORMS, TEAM_NICKNAMES, TIME_ZONES
from storyline.model import Mention

# Quote marks around a name, in any language.
QUOTES = "\"'“”‘’«»„‟‹›`"


def _cap_word(w: str) -> str:
    """A capitalised word of letters `w`, a middle initial between two ("Lewis W. Teperman"), or a
    brand's camel case ("iTunes Music Store"), whole: never the capital inside a word ("iPod Touch"
    is no "Pod Touch"), nor after an apostrophe but "d'" and "qu'" ("d'Emmanuel Macron"; "l'" is a
    body's article)."""
    return (rf"(?:(?<!{w})(?<!['’.])|(?<=\b[dD]['’])|(?<=\b[qQ]u['’]))"
            r"(?:[A-Z]{1,4}(?:[ \t]?&[ \t]?[A-Z]{1,4})+(?![\w'’])|"  # "AT&T", "AT & T", "S&P"
            r"(?<![\w'’.])(?:EE|FF|CC)\.[ \t]?(?:UU|AA|OO)\.|"  # Spanish plurals: "EE. UU." (Estados Unidos)
            r"(?<=[a-zß-ÿ] )[A-Z]\.(?=[ \t]+[A-ZÀ-ÖØ-Þ][a-zß-ÿ])|"
            rf"(?:{'|'.join(SAINT_ABBREVIATIONS)})\.(?=[ \t]+[A-Z])|"  # St. Louis
            rf"[A-ZÀ-ÖØ-ÞĀ-ſ](?:{w}|['’\-])*)")


# Languages that print a title before a name in lower case ("el ministro de Defensa, Agustín Rossi").
_LOWER_CASE_TITLES = frozenset({"es", "fr", "it", "pt", "nl", "pl", "ca", "ro"})
_CAMEL_WORD = r"(?<![\w'’.])[a-z][A-Z][\w'’\-]*"
# A name never crosses a line; a brand's camel case only opens one. Turkish names have no particles
# (its "de" and "da" are "also"); German's are its own. In a text with Chinese, Japanese or Korean,
# their characters are no letters of a Latin word: a name a translation left in Latin letters among
# them ("据Reuters报道", "Donald Trump说") ends where they begin (a class that costs a Latin text half
# as much again, so only there). (language or None, text has those characters) -> pattern.
_CAP_SEQS = {
    (lang, cjk): re.compile(rf"(?:{word}|{_CAMEL_WORD})(?:[ \t]+{connect}{word})*")
    for lang, connect in ((None, rf"(?:{CONNECT}[ \t]+)?"), ("tr", ""), ("de", rf"(?:{ner_german.CONNECT}[ \t]+)?"))
    for cjk, word in ((False, _cap_word(r"\w")), (True, _cap_word(rf"[^\W{CJK}]")))
}
# Not "de": the Dutch article, and in Spanish and French mostly "of" ("la participación de Chrysler").
_PLACE_PREP = re.compile(r"(?:\b(?:in|en|à|a|nel|nella|im|in der|aus|from|near|bei|à|au|dans|w|v|na)\s+)$", re.I)
_TITLE_PREP = re.compile(
    r"(?:\b(?:presidente|président|präsident|president|ministro|ministre|minister|premier|primer|"
    r"canciller|chancelier|kanzler|kanzlerin|portavoz|porte-parole|sprecher|woordvoerder|portavoce|"
    r"señor|sr\.|sra\.|signor|sig\.|herr|frau|m\.|mme|dhr\.|mevr\.|dr\.|general|général|generale|"
    r"embajador|ambassadeur|botschafter|ambasciatore|ambassadeur|líder|leader|jefe|chef)\s+)$", re.I)
# The German White House, in any case: a seat of government named by its house (`_ORG_WORDS`), which
# a genitive runs into the noun or the name it belongs to ("im Bunker des Weißen Hauses Schutz sucht",
# "Sprecher des Weißen Hauses Hogan Gidley": `_seat_apart`).
_GERMAN_SEAT = r"wei(?:ß|ss)e[ns]? haus(?:es)?"
_ORG_WORDS = re.compile(
    r"\b(ministerio|ministère|ministerium|ministero|ministerie|partido|partito|parti|partei|partij|"
    r"universidad|université|universität|università|universiteit|banco|banque|bank|agencia|agence|agentur|"
    r"agenzia|consejo|conseil|rat|consiglio|raad|gobierno|gouvernement|regierung|governo|regering|"
    r"group|grupo|groupe|gruppe|gruppo|groep|union|unión|unione|unie|comité|comitato|komitee|commissie|"
    r"fuerzas|forces|armée|ejército|esercito|polizei|policía|police|polizia|politie|"
    # a company's or a central bank's name, in any language's text: "Barclays PLC", "Lehman Brothers"
    r"plc|inc|corp|ltd|llc|gmbh|brothers|holdings|reserve|reserva|riserva|"
    r"departamento|dipartimento|département|departement|department|tesoro|trésor|treasury|"
    r"tribunal|tribunale|rechtbank|gericht|corte|cour|hof|parlamento|parlement|parlament|congreso|congresso|"
    r"senado|senato|sénat|senaat|senat|ayuntamiento|comune|gemeente|mairie|bolsa|borsa|bourse|beurs|börse|"
    # assemblies, associations, foundations, unions, prosecutors, councils, hospitals, clubs
    r"asamblea|assemblée|assemblea|asociación|associazione|fundación|fondazione|fondation|federación|"
    r"federazione|fédération|confederación|confederazione|sindicato|syndicat|sindacato|instituto|istituto|"
    r"fiscalía|procura|juzgado|cabildo|diputación|préfecture|prefettura|questura|ospedale|hôpital|club|"
    # companies, titles of the press and market indexes, named in English in any language's text
    r"air|airlines|airways|aviation|aircraft|motors?|company|compañía|compagnia|corporation|corporación|systems|"
    r"capital|televisión|televisione|télévision|television|televisie|telewizja|"
    r"international|times|post|journal|news|online|register|index|composite|exchange|fund|fondo|fonds|express|images|"
    r"herald|tribune|gazette|chronicle|observer|telegraph|courier|examiner|inquirer|dispatch|"
    # bodies named in English in any language's text: "la Stanford University", "la New York University"
    r"university|college|institute|school|hospital|museum|foundation|association|council|committee|"
    r"commission|agency|ministry|party|federation|organi[sz]ation|organizzazione|organización|organização|"
    r"authority|administration|board|comisión|"
    r"commissione|banca|corps|computers?|airplanes|workers|services|conference|financial|electronics|"
    r"wireless|industrials?|average|mutual|courts|office|oficina|ufficio|bureau|"
    r"associates|management|partners|ventures|investments|securities|automobiles?|pharmaceuticals?|"
    r"servicio|servizio|service|servicios|servizi|sistema|liga|ligue|congress|alianza|alleanza|alliance|policia|"
    r"secretaría|consejería|conselleria|guardia|junta|unidad|presidencia|presidenza|présidence|"
    r"sindicatura|liceo|lycée|protección|protezione|salud|sanidad|sanità|cartel|cártel|cartello|kartell|"
    r"technologies|software|entertainment|studios|petroleum|ordinaries|radio|aer|defence|defense|"
    # market indexes, named after their makers or their markets: "el Dow Jones", "l'indice Hang Seng"
    r"dow jones|hang seng|nikkei|nasdaq|ftse|stoxx|bovespa|merval|ibex|sensex|kospi|"
    # a seat of government named by its house: "la Casa Blanca", "la Casa Bianca", "het Witte Huis"
    r"casa blanca|casa bianca|casa rosada|maison blanche|" + _GERMAN_SEAT + r"|witte huis)\b",
    re.I)
# A centre of research, detention or care is a body when named ("Centro Nacional de Huracanes",
# "Centrum voor Wiskunde"); alone the word is a town's or a city's centre ("im Zentrum").
_CENTRE_WORDS = re.compile(r"\b(?:centro|zentrum|centrum)\b", re.I)
_SEAT_THEN = re.compile(_GERMAN_SEAT + r"\b\s*(?=\S)", re.I)


def _seat_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The house and what follows it, two runs."""
    seat = _SEAT_THEN.match(text, start, end)
    if seat is None:
        return [(start, end)]
    return [(start, start + len(seat.group().rstrip())), (seat.end(), end)]


_ELIDED_LEAD = re.compile(r"^[LlDd]['’][A-ZÀ-Ýa-zà-ý]")  # an article or "de" elided onto the word before a name
# A Dutch adjective of a people or a place: "Italiaanse", "Britse", "Japanse", "Russische".
_DUTCH_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:aanse|aamse|ese|ische|[tnl]se)$")
_SENT_END = re.compile(r"(?<![a-zß-ÿ] [A-Z])" + "".join(rf"(?<!\b{a})" for a in SAINT_ABBREVIATIONS)
                       + r"[.!?…]\s+|\n+")  # "W.", "St."
def rule_mentions(text: str, lang: str, source: str) -> list[Mention]:
    """Capitalised word sequences, typed by the words around them; single words need a cue."""
    sent_starts = [0] + [m.end() for m in _SENT_END.finditer(text)]
    out = []
    sent = 0
    seq = _CAP_SEQS[(lang if lang in ("de", "tr") else None, bool(CJK_CHAR.search(text)))]
    runs = list(seq.finditer(text))
    nouns = ner_german.determined_nouns(text) if lang == "de" else frozenset()
    alone = {m.group() for m in runs if " " not in m.group() and "\t" not in m.group()}  # printed on its own
    spans = [span for m in runs for cut in banner_apart(text, m.start(), m.end())
             for apart in _platform_apart(text, *cut, alone) for span in _owner_apart(text, *apart, alone)]
    if lang == "tr":
        spans = [cut for span in spans for cut in ner_inflected.suffix_apart(text, *span)]
    elif lang == "de":
        spans = [cut for span in spans for cut in ner_german.article_apart(text, *span)]
        spans = [cut for span in spans for cut in ner_german.body_apart(text, *span, lambda n: _body_named(n, "de"))]
        spans = [cut for span in spans for cut in _seat_apart(text, *span)]
    elif lang == "pl":
        spans = [cut for span in spans for cut in ner_inflected.person_apart(text, *span, _polish_head_apart)]
    for start, end in spans:
        while sent + 1 < len(sent_starts) and sent_starts[sent + 1] <= start:
            sent += 1
        words = text[start:end].split()
        at_start = start == sent_starts[sent] or text[sent_starts[sent]:start].strip(QUOTES + " (") == ""
        if lang in ROMANCE and len(words) >= 3 and _ELIDED_LEAD.match(words[0]) and words[1][:1].isupper() \
                and person_like(words[1:]):
            # "L'Allemande Annegret Kramp-Karrenbauer", "l'americano John Kerry": who she is, then her name
            start, words, at_start = text.index(words[1], start + len(words[0])), words[1:], False
        trimmed = trim_run(text, start, end, words, at_start, lang)
        if trimmed is None:
            continue
        start, end, words = trimmed
        name = text[start:end].strip(QUOTES + " -")
        end = start + len(name)
        role, place_lead = None, False
        if lang == "de" and len(words) >= 2 and (_body_named(name, lang) or ner_german.names_body(words)):
            first, last = ner_german.body_words(words, lambda w: ner_german.is_body(w) or _body_named(w, lang))
            start, end = ner_german.span_of(text, start, words, first, last)
            words, name = words[first:last], text[start:end]
        if lang == "de" and not (_body_named(name, lang) or ner_german.names_body(words)
                                 or country_code(name) or name in world_cities() or english_city(name, lang)):
            german = ner_german.german_name(text, start, words, nouns)
            if german is None:
                continue  # a noun phrase: "Aufhebung der Sanktionen", "Weitere Informationen"
            start, end, words, role, place_lead = german
            name = text[start:end]
        lead = leading_place(words, lang)
        if (lead or len(words) == 2) and not _body_named(name, lang):  # not "Secunderabad Cantonment Board"
            if team_named(words, lead):
                out.append(Mention(source=source, text=name, start=start, end=end, type="ORG", sentence=sent,
                                   language=lang))
                continue
            if lead:
                # a place a flattened page ran into the name after it ("Stati Uniti Donald Trump", "Nueva
                # York Proskauer", a section's label before a headline): the place, then the rest alone
                lead_end = text.index(words[lead - 1], start) + len(words[lead - 1])
                place = text[start:lead_end]
                city = english_city(place, lang) or (ner_inflected.polish_place(place, listed_place) if lang == "pl"
                                                     and not is_place_word(place) else None)  # "Stanów Zjednoczonych"
                out.append(Mention(source=source, text=city or place, start=start, end=lead_end, type="PLACE",
                                   sentence=sent, language=lang, printed=place if city else None))
                start, words = text.index(words[lead], lead_end), words[lead:]
                name = text[start:end]
        if len(words) >= 3 and words[0].isupper() and 2 <= len(words[0]) <= 6 and words[0].isalpha() and \
                person_like(words[1:]) and _known_given_name(words[1]) and not country_code(words[0]) and \
                not is_title_word(words[0]) and not ner_german.is_title_ending(words[0]):
            # a body's acronym before the name of its officer: "la divisione sanitaria SIPTU Paul Bell" (not
            # a title in a headline's capitals: "FPÖ BOSS Norbert Hofer")
            acronym_end = start + len(words[0])
            out.append(Mention(source=source, text=words[0], start=start, end=acronym_end, type="ORG", sentence=sent,
                               language=lang))
            start, words = text.index(words[1], acronym_end), words[1:]
            name = text[start:end]
        # (a Turkish or Polish body's name may lead a title and a person's: "Saruhanlı Belediye Başkanı Zeki Bilgin")
        body = _body_named(text[start:end], lang) and lang not in _INFLECTING
        cut = _body_after_title(words) if body else name_after_lead(words)
        if cut:
            # German capitalises titles ("Präsident Wladimir Putin"), and a translation keeps a
            # title's or a country's capital before a name ("Apple CEO Steve Jobs", "Republikeinse
            # Senator Bob Corker", "Australia John Howard"): the lead is the role, or a place.
            lead = words[:cut]
            if any(is_title_word(w) for w in lead) and not body and not all(
                    w.lower().strip(".") in ADDRESS_FORMS for w in lead):
                role = " ".join(lead)
            for w in lead:
                start = text.index(w, start) + len(w)
            start = text.index(words[cut], start)
            words = words[cut:]
            name = text[start:end]
        length = len(name.replace(" & ", "&"))  # "AT & T" is as short as "AT&T"
        if not name or (name.isupper() and length > 5 and not country_code(name)) or (
                len(words) == 1 and is_title_word(name)) or (name.isupper() and name.lower() in TIME_ZONES) or \
                names_no_one(name):
            continue  # a banner, a title alone ("CEO"), a clock's zone ("UTC"), share buttons, a feast
        left = text[max(0, start - 40):start]
        if lang == "nl" and len(words) == 2 and _DUTCH_DEMONYM.match(words[0]) and not is_title_word(words[1]) \
                and not _body_named(name, lang):
            # Dutch capitalises a people's adjective before a name ("de Italiaanse Fiat", "de Japanse
            # Nikkei"): the adjective says whose; the one name after it is a company's, an index's.
            start = text.index(words[1], start + len(words[0]))
            name, kind = text[start:end], "ORG"
        elif _body_named(name, lang) or (name.isupper() and 2 <= length <= 5 and not country_code(name)) or \
                (lang == "de" and len(words) >= 2 and ner_german.names_body(words)) or (
                BODY_BEFORE.search(left) and words[0].lower() not in FUNCTION_WORDS):  # not "al partido El Sr."
            kind = "ORG"
        elif name[:1].islower():
            continue  # a product ("iTunes Music Store", "iPod"): no person, no place
        elif GEO_WORDS.search(name) or (len(words) >= 2 and words[-1].lower() in PLACE_ENDERS) or place_lead or \
                saint_named(words) or (
                lang in ROMANCE and PLACE_HEADS.match(name)) or (
                lang == "de" and ner_german.names_street(words)) or (
                lang in _INFLECTING and ner_inflected.PLACE_STEMS.search(name)) or (  # "Aydınlar Mahallesi"
                in_place_list(text, start, end)):
            # "Oceano Atlantico", "Golfo de México", "Midden-Oosten", "Wall Street", "en las provincias de
            # Nghe An, Thanh Hoa y Quang Ninh"
            kind = "PLACE"
        elif lang == "pl" and not is_place_word(name) and ner_inflected.polish_place(name, listed_place):
            kind, role = "PLACE", None  # "prezydent Korei Północnej": North Korea's, no person's name
        elif role or _TITLE_PREP.search(left):
            kind = "PERSON"
        elif is_place_word(name) or (_place_prep(left, lang) and not _personal_a(
                left, words)) or (lang == "tr" and ner_inflected.located(text, name, end)):
            kind = "PLACE"  # "gli Stati Uniti", "el Reino Unido", "de Indonesia", "EEUU"
        elif len(words) >= 2 and person_like(words) and not (lang == "pl" and ner_inflected.adjective_led(words[0])):
            kind = "ORG" if words[-1] in TEAM_NICKNAMES else "PERSON"  # "los Dallas Cowboys": a team
            if lang == "pl" and len(words) >= 3 and declension.is_given_name(words[1]) and not (
                    declension.is_given_name(words[0]) or is_title_word(words[0])):
                # a noun before a person in the genitive ("Słowa Hanny Lis", "Krew Beaty Kawki"), a place
                # before a name ("Watykanu Franciszek"): the person
                start, words = text.index(words[1], start + len(words[0])), words[1:]
                name = text[start:end]
            if common_word(text, words[0], words[1]):
                # "Derechos Humanos", "Ciudad del Cabo", "Anneler Günü": a word the text prints in
                # lower case too opens a capitalised phrase, not a name. (Keeping what follows it
                # as the name, "Ministros Cristián Benítez", kept more phrases than names.)
                continue
            if lang == "de" and ner_german.adjective_phrase(words):
                continue  # "Bestes Bild", "Graue Erbsen"
            if lang in ROMANCE and ABSTRACT_NOUN.search(words[0].lower()):
                kind = "ORG"  # "Comisión Nacional …", "Declaración de Nacionalidad": a body's or a thing's name
            if lang == "pl" and ner_inflected.polish_noun_phrase(words):
                continue  # "Kartę Lokalizacyjną Pasażera", "Ochrony Konsumentów", "Zakazane Miasto"
            if lang == "tr" and ner_inflected.turkish_noun_phrase(words):
                # "Dünya Kadınlar Günü", "Meteoroloji Dairesi"; a given name may follow the phrase
                k = ner_inflected.turkish_name_after(words)
                if k is None:
                    continue
                start, words = text.index(words[k], start + len(" ".join(words[:k]))), words[k:]
                name = text[start:end]
            rest = words[1:]
            if kind == "PERSON" and words[0] in alone and not is_given_name(words[0].lower()) \
                    and words[0] not in SURNAMES_FIRST:
                # "Apple Computer", "Northrop Grumman": a first word the article also prints alone
                # leads a company's name (a person is named alone by the last, "Jobs"), and one
                # before a name is that name's company ("Airbus Tom Enders"); not a man's name
                # ("Tim") nor a family name printed first ("Kim Jong Un", "Xi Jinping").
                if len(rest) < 2 or not person_like(rest) or any(re.fullmatch(CONNECT, w) for w in rest):
                    kind = "PERSON" if words[-1] in alone else "ORG"
                else:
                    lead_end = start + len(words[0])
                    out.append(Mention(source=source, text=words[0], start=start, end=lead_end, type="ORG",
                                       sentence=sent, language=lang))
                    start = text.index(words[1], lead_end)
                    name = text[start:end]
        else:
            continue
        if kind == "PLACE" and name.startswith(tuple(PLATFORMS)):
            kind = "ORG"  # "na Twitterze", "na Facebooku": where it was posted, no place
        # "Nueva York", "Londra": the city's English name, as a Chinese text's 纽约 is (`ner_uncased`);
        # a Polish place in a case, its nominative ("w Bagdadzie": Bagdad, Baghdad's row)
        nominative = ner_inflected.polish_place(name, listed_place) if kind == "PLACE" and lang == "pl" else None
        if nominative and is_place_word(name) and country_code(nominative) != country_code(name):
            nominative = None  # a place of its own name, not another's case ("Polską", folded, is Polska's)
        city = english_city(nominative or name, lang) if kind == "PLACE" else None
        named = city or nominative
        if kind == "PERSON" and role is None and lang in _LOWER_CASE_TITLES:
            role = roles.lowercase_role(text, start, lang) or roles.lowercase_role_after(text, end, lang)
        out.append(Mention(source=source, text=named or name, start=start, end=end, type=kind, sentence=sent,
                           role=role, language=lang, printed=name if named else None))
    # "Dow Jones" beside "Dow Jones Industrial Average": the opening of a body's name the article prints in
    # full is that body, not a person (but "Alan Mulally van Ford Motor Company" is a man and his company);
    # "revers à Netanyahu" beside "Benjamin Netanyahu": his surname after "to", no place
    bodies = [m.text for m in out if m.type == "ORG"]
    surnames = {m.text.split()[-1] for m in out if m.type == "PERSON" and 2 <= len(m.text.split()) <= 3
                and not set(m.text.lower().split()) & (_OWNER_LINKS | FUNCTION_WORDS | {"a"})}
    for k, m in enumerate(out):
        if m.type == "PERSON" and m.role is None and any(
                b.startswith(m.text + " ") and b[len(m.text) + 1:].split()[0] not in _OWNER_LINKS for b in bodies):
            out[k] = dataclasses.replace(m, type="ORG")
        elif m.type == "PLACE" and m.text in surnames and not is_place_word(m.text) and _TO.search(text, 0, m.start):
            out[k] = dataclasses.replace(m, type="PERSON")
    return out + _organisations_by_first_word(text, out, sent_starts, lang, source)


def common_word(text: str, word: str, then: str) -> bool:
    """Whether a capitalised word of three letters or more, `then` after it, is printed in lower
    case elsewhere in the text as a word of its own: not inside an address ("michael@…"), nor as a
    particle of the same name ("Ronald dela Rosa", "Dela Rosa" at a sentence's start)."""
    low = word.lower()
    if len(low) < 3 or low == word or is_given_name(low):
        return False  # "Bill Bodie" beside a bill
    pattern = rf"(?<![\w@./-]){re.escape(low)}(?![\w@./-])(?!\s+{re.escape(then)}\b)"
    return re.search(pattern, text) is not None


_OWNER_LINKS = frozenset("van della di de del von da du des".split())
_INFLECTING = ("tr", "pl")


def _polish_head_apart(words: list[str]) -> bool:
    """Whether the words before a Polish man's name are a name of their own: a body's, or one word
    in a case ("Florydzie"), not a country, a city, a platform or a title, which lead the name."""
    if len(words) >= 2:
        return _body_named(" ".join(words), "pl")
    word = words[0]
    return not (country_code(word) or word in world_cities() or word.startswith(tuple(PLATFORMS)) or is_title_word(word)
                or word.isupper())


def _body_named(name: str, lang: str) -> bool:
    """A body's word in the name, in Turkish and Polish by its stem ("Milli Eğitim Bakanlığı",
    "Komendy Stołecznej Policji")."""
    return bool(_ORG_WORDS.search(name)) or (lang in _INFLECTING and bool(ner_inflected.BODY_STEMS.search(name))) \
        or (" " in name.strip() and bool(_CENTRE_WORDS.search(name)))


def _owner_apart(text: str, start: int, end: int, alone: set[str]) -> list[tuple[int, int]]:
    """A person's name and the body or place a translation joins to it with "of" ("woordvoerder
    Stefan Schaffrath van Airbus", "il senatore Mark Warner della Virginia"): two names. Not a
    particle of a name ("Ludwig van Beethoven", "Javier Pérez de Cuéllar": what follows it is no
    country, city or body, nor printed alone), nor a body's own "of" ("Reserva Federal de EEUU")."""
    words = text[start:end].split()
    k = 2 if len(words) > 2 and words[1] in ("de", "di") else 1  # "Gobierno (de) Pedro Sánchez": the body, the man
    if words[0].lower() in _GOVERNMENTS and len(words) - k >= 2 and words[k][:1].isupper() and person_like(words[k:]):
        return [(start, start + len(words[0])), (text.index(words[k], start + len(words[0])), end)]
    if len(words) == 3 and words[1] in _OF and not is_place_word(text[start:end]) \
            and _named_in_full(text, words[2], words[0]):
        # "le parti du Likud de Netanyahu" where the text names Benjamin Netanyahu: his party, not a name
        return [(start, start + len(words[0])), (end - len(words[2]), end)]
    before = text[max(0, start - 40):start]
    titled = bool(_TITLE_PREP.search(before)) or (bool(before.split()) and is_title_word(before.split()[-1]))
    # what would be read as no one's name is not split either, unless a title or a given name
    # opens it ("il senatore Ivo Brandt della California": a state makes the whole run no name)
    if len(words) < 4 or not (person_like(words) or titled or is_given_name(words[0].lower())):
        return [(start, end)]
    for k in range(2, len(words) - 1):
        if words[k] not in _OWNER_LINKS or not person_like(words[:k]) or _ORG_WORDS.search(" ".join(words[:k])):
            continue
        tail = " ".join(words[k + 1:])
        if is_place_word(tail) or (tail.isupper() and len(tail) > 1) or \
                (len(words) - k - 1 <= 2 and words[k + 1] in alone):
            head_end = text.index(words[k - 1], start) + len(words[k - 1])
            return [(start, head_end), (text.index(words[k + 1], head_end), end)]
    return [(start, end)]


def _platform_apart(text: str, start: int, end: int, alone: set[str]) -> list[tuple[int, int]]:
    """A platform and a surname the text names in full and alone elsewhere, two names ("… ataca a
    Trump en Twitter Trump insiste en …": teasers run together, one ends on the platform, the next
    opens on Donald Trump's surname). Not a platform's product ("Google Play", "Google Maps")."""
    words = text[start:end].split()
    if len(words) != 2 or words[0] not in PLATFORMS or words[1] not in alone \
            or not _named_in_full(text, words[1], words[0]):
        return [(start, end)]
    return [(start, start + len(words[0])), (end - len(words[1]), end)]


def _named_in_full(text: str, surname: str, other: str) -> bool:
    """Whether the text prints `surname` after a capitalised word that is neither `other` nor a
    particle ("Benjamin Netanyahu", not "De Meo" of Luca de Meo): a person it names in full."""
    for m in re.finditer(rf"(?<![\w'’])([A-ZÀ-ÖØ-Þ][\w'’.-]*)[ \t]+{re.escape(surname)}(?![\w'’-])", text):
        if m.group(1) != other and m.group(1).lower() not in _OF and m.group(1).lower() not in SURNAME_PARTICLES:
            return True
    return False


_TO = re.compile(r"\b(?:a|à|al|au)\s+$", re.I)
_GOVERNMENTS = frozenset("gobierno governo gouvernement regierung regering ejecutivo esecutivo".split())
_OF = frozenset("de del di du della dello des of".split())


def _body_after_title(words: list[str]) -> int:
    """Where the body starts in a run that opens on the title of its head ("Presidente de la
    Asamblea Nacional", "Presidente del Cabildo"): a person's office, not the body's name; 0 if none."""
    if len(words) < 3 or not is_title_word(words[0]) or words[1].lower() not in _OF:
        return 0
    k = 2
    while k < len(words) - 1 and words[k].lower() in ("la", "el", "le", "los", "las", "les", "l'"):
        k += 1
    return k


def _organisations_by_first_word(text: str, found: list[Mention], sent_starts: list[int], lang: str,
                                 source: str) -> list[Mention]:
    """An organisation's first word where the article names it in full elsewhere ("Apple" after
    "Apple Computer"): one word needs a cue, and this is the best one. German, which capitalises
    every noun, gets none. Not a person's surname: tried (a variant not kept), `bench/mention_types.py`
    found the rules' persons too often companies ("Dow Jones" made every "Jones" a person): 67 more
    names typed wrong for 7 fewer right."""
    if lang == "de":
        return []
    # (not a team's city: "Montreal" of the Montreal Canadiens is the city)
    firsts = {m.text.split()[0] for m in found if m.type == "ORG" and len(m.text.split()) >= 2
              and m.text.split()[-1] not in TEAM_NICKNAMES}
    heads = {w for w in firsts if w[:1].isupper() and not w.isupper() and len(w) >= 3
             and w.lower() not in FUNCTION_WORDS and not is_title_word(w) and not is_place_word(w)
             and not (lang == "nl" and _DUTCH_DEMONYM.match(w))}
    if not heads:
        return []
    covered = [(m.start, m.end) for m in found]
    out = []
    pattern = re.compile(r"(?<![\w'’.-])(?:" + "|".join(map(re.escape, sorted(heads))) + r")(?![\w'’-])")
    for hit in pattern.finditer(text):
        if any(a <= hit.start() < b for a, b in covered):
            continue
        sent = bisect_right(sent_starts, hit.start()) - 1
        out.append(Mention(source=source, text=hit.group(), start=hit.start(), end=hit.end(), type="ORG",
                           sentence=sent, language=lang))
    return out


def _known_given_name(word: str) -> bool:
    """A given name one of the rules' lists knows: English, German, Turkish or Polish (in any case)."""
    return ner_german.given_name(word) or word.lower() in ner_inflected.TURKISH_GIVEN_NAMES or \
        declension.is_given_name(word)


def _place_prep(left: str, lang: str) -> bool:
    """A preposition of place right before a name; Dutch "en" is "and" ("De Europese Unie en Jesse
    Toprak" named no places)."""
    found = _PLACE_PREP.search(left)
    return found is not None and not (lang == "nl" and found.group(0).split()[0].lower() == "en")


def _personal_a(left: str, words: list[str]) -> bool:
    """Spanish and Italian "a" before a person's two names ("He pedido a Tim Cook", "Ho chiesto a
    Tim Cook") marks whom, not where: a town after "a" opens on a place's word ("a San Sebastián",
    "a Puerto Rico"), or is a listed city or country (the caller's checks before)."""
    return bool(re.search(r"\ba\s+$", left)) and len(words) >= 2 and person_like(words) and \
        words[0].lower() not in PLACE_OPENERS and words[-1].lower() not in PLACE_ENDERS
