"""The dead and the injured in the European languages that have no claim rules of their own here
(Spanish, Italian, French, German, Dutch, Portuguese).

A foreign copy of an international story gives its toll more often than any other figure, and the
toll is what a fact-checker sets against the English and Russian copies ("catorce personas
murieron" beside "twelve people were killed"). The rules read a number, in figures or in words up to
twenty and the round tens, next to the words that count the dead or the injured, in either order
("14 muertos", "murieron catorce personas", "sono morte dodici persone"), with "at least" or "more
than" before it kept in what is shown. Anything else in these languages gives no claim rather than
a wrong one; a sentence about an earlier year is left out as in English (`claims._about_the_past`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.model import Article, Claim

# Numbers in words, 1-20 and round tens: what a lead spells out. "een"/"ein" (also "a") are left out.
_NUMBER_WORDS: dict[str, list[str]] = {
    "es": ["uno una un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
           "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte"],
    "it": ["uno una un", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici",
           "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove", "venti"],
    "fr": ["un une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
           "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt"],
    "de": ["", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
           "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig"],
    "nl": ["", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
           "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig"],
    "pt": ["um uma", "dois duas", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "onze", "doze",
           "treze", "catorze quatorze", "quinze", "dezesseis dezasseis", "dezessete dezassete", "dezoito",
           "dezenove dezanove", "vinte"],
}
_TENS: dict[str, list[str]] = {
    "es": ["treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa", "cien"],
    "it": ["trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta", "cento"],
    "fr": ["trente", "quarante", "cinquante", "soixante", "soixante-dix", "quatre-vingts", "quatre-vingt-dix", "cent"],
    "de": ["dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig", "hundert"],
    "nl": ["dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig", "honderd"],
    "pt": ["trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa", "cem"],
}
# Who is counted, between the number and the verb ("catorce personas murieron").
_PEOPLE = {
    "es": r"personas|trabajadores|civiles|niños|soldados|policías|pasajeros|mineros",
    "it": r"persone|lavoratori|civili|bambini|soldati|poliziotti|passeggeri|minatori",
    "fr": r"personnes|travailleurs|civils|enfants|soldats|policiers|passagers|mineurs",
    "de": r"Menschen|Personen|Arbeiter|Zivilisten|Kinder|Soldaten|Polizisten|Passagiere|Bergleute",
    "nl": r"mensen|personen|arbeiders|burgers|kinderen|soldaten|agenten|passagiers|mijnwerkers",
    "pt": r"pessoas|trabalhadores|civis|crianças|soldados|policiais|passageiros|mineiros",
}
# The words that count the dead and the injured, as verbs and as nouns.
_COUNTED = {
    "es": [("deaths", r"murieron|muertos|muertas|fallecieron|fallecidos|fallecidas|han muerto|han fallecido|"
                      r"perdieron la vida|víctimas mortales"),
           ("injured", r"heridos|heridas|resultaron heridos|resultaron heridas|han resultado heridos")],
    "it": [("deaths", r"morti|morte|sono morti|sono morte|sono stati uccisi|sono state uccise|uccisi|uccise|"
                      r"hanno perso la vita|deceduti|decedute|vittime"),
           ("injured", r"feriti|ferite|sono rimasti feriti|sono rimaste ferite")],
    "fr": [("deaths", r"morts|mortes|sont morts|sont mortes|tués|tuées|ont été tués|ont été tuées|ont péri|"
                      r"décédés|ont perdu la vie"),
           ("injured", r"blessés|blessées|ont été blessés|ont été blessées")],
    "de": [("deaths", r"Tote|Toten|Todesopfer|starben|sind gestorben|wurden getötet|kamen ums Leben|"
                      r"ums Leben gekommen|ums Leben|getötet"),
           ("injured", r"Verletzte|Verletzten|wurden verletzt|verletzt")],
    "nl": [("deaths", r"doden|kwamen om het leven|kwamen om|zijn omgekomen|omgekomen|stierven|kwamen te overlijden|"
                      r"zijn gedood|gedood"),
           ("injured", r"gewonden|raakten gewond|zijn gewond geraakt|gewond")],
    "pt": [("deaths", r"mortos|mortas|morreram|mortes|perderam a vida|vítimas fatais"),
           ("injured", r"feridos|feridas|ficaram feridos|ficaram feridas")],
}
# "At least" and "more than", kept with the number in what is shown.
_ABOUT = {
    "es": r"al menos|por lo menos|más de|unos|unas|cerca de",
    "it": r"almeno|oltre|più di|circa",
    "fr": r"au moins|plus de|environ|près de",
    "de": r"mindestens|mehr als|über|rund|etwa",
    "nl": r"minstens|ten minste|meer dan|ruim|ongeveer|zeker",
    "pt": r"pelo menos|mais de|cerca de",
}
# "Altre tre persone sono morte", "otros dos muertos": more dead on top of others, no toll (but "otras 30
# resultaron heridas" counts the injured beside the dead).
_MORE = re.compile(r"(?<!\w)(?:altre|altri|otras|otros|outras|outros|nog|weitere|andere)\s+$", re.I)
LANGUAGES = frozenset(_COUNTED)


def _number_values(lang: str) -> dict[str, int]:
    words = {w: n for n, group in enumerate(_NUMBER_WORDS[lang], start=1) for w in group.split()}
    return words | {w: 10 * n for n, w in enumerate(_TENS[lang], start=3)}  # the last ten is a hundred


def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    spelled = "|".join(sorted(map(re.escape, _number_values(lang)), key=len, reverse=True))
    number = rf"(?:(?P<about>{_ABOUT[lang]})\s+)?(?P<num>\d{{1,3}}(?:[.  ]\d{{3}})+(?!\d)|\d+|{spelled})"
    who = rf"(?:\s+(?:{_PEOPLE[lang]}))?"
    out = []
    for subject, counted in _COUNTED[lang]:
        out.append((subject, re.compile(rf"(?<!\w){number}{who}\s+(?:{counted})(?!\w)", re.I)))
        out.append((subject, re.compile(rf"(?<!\w)(?:{counted})\s+{number}{who}(?!\w)", re.I)))
    return out


_COMPILED = {lang: _patterns(lang) for lang in _COUNTED}
_WORD_VALUES = {lang: _number_values(lang) for lang in _COUNTED}


def toll_claims(article: Article, lang: str, sentences: list[str],
                about_the_past: Callable[[str], bool]) -> list[Claim]:
    """The article's tolls, one claim per figure, in the order of its sentences."""
    published = None if article.published_inferred else article.published
    claims = []
    for sentence in sentences:
        if about_the_past(sentence):
            continue
        seen: set[int] = set()
        for subject, pattern in _COMPILED[lang]:
            for match in pattern.finditer(sentence):
                if match.start("num") in seen or (subject == "deaths" and _MORE.search(sentence, 0, match.start())):
                    continue
                seen.add(match.start("num"))
                printed = match.group("num").lower()
                number = float(_WORD_VALUES[lang].get(printed) or re.sub(r"\D", "", printed))
                claims.append(Claim(source=article.source, kind="number", subject=subject,
                                    value=f"{match.group(0)} ({number:,.0f})", sentence=sentence, number=number,
                                    published=published))
    return claims
