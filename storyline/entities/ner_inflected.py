"""Names in Turkish and Polish, which inflect them: the words the rules of `ner_rules.py` type
a name by come there with case and possessive endings ("Milli Eğitim Bakanlığı'ndan", "Komendy
Stołecznej Policji", "Aydınlar Mahallesi'nde"), so they are matched by stem, and Turkish writes a
proper noun's case ending after an apostrophe ("Ali Karabağ'a", "İzmir'de"), which is no part of the
name and ends it. In Polish, an adjective in a case opens no person's name ("Nowego Roku"), and a
place or a body run into a man's name is two names ("na Florydzie Donald Trump").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from storyline.entities import declension
from storyline.entities.declension import is_mans_genitive, is_mans_name
from storyline.entities.names import is_given_name

# Bodies by the stem of their head: ministries, directorates, governorships, municipalities,
# courts, parties; prosecutors' offices, foundations, institutes, police commands, unions.
BODY_STEMS = re.compile(
    r"(?<!\w)(?:bakanlığ|müdürlüğ|valiliğ|başkanlığ|komutanlığ|başkonsolosluğ|büyükelçiliğ|belediye|mahkeme|"
    r"üniversite|havayolları|emniyet|jandarma|idaresi|partisi|derneği|vakfı|şirketi|bankası|kurumu|ajansı|"
    r"meclisi|federasyonu|kulübü|holding|birliğ|"
    r"ministerstw|prokuratur|fundacj|instytut|komend|policj|sejm|parti[ia]|związ[ek]|uni[ia]|parlament|"
    r"archidiecezj|diecezj|uniwersytet|spółk|urz[ąę]d|sąd|trybunał|agencj|kości[oe]ł|straż|wojsk|"
    r"stowarzyszeni|koalicj|ambasad|szpital|szkoł|gazet|dziennik|konwencj|biur|komisj|rzecz(?:y)?pospolit|organizacj|telewizj|giełd|kongres|dywizj|hastane|merkez|"
    r"biał(?:y|ego|ym) dom)\w*|"
    r"(?<!\w)rad(?:a|y|zie|ą)(?!\w)", re.IGNORECASE)  # "Rady Mediów Narodowych", not "Radosław"

# Places by the stem of their head: a neighbourhood, a mosque, a street, a village, a district, a
# square, a police station, an airport, a gulf, a sea, a mountain, a lake, an island.
PLACE_STEMS = re.compile(
    r"(?<!\w)(?:mahalle|camii|caddesi|sokağ|köyü|ilçesi|bulvarı|meydanı|karakolu|havalimanı|limanı|körfezi|"
    r"denizi|dağı|gölü|nehri|adası|şelale|parkı|"
    r"województw|powiat|gmin[ay]|ulic[ay]|plac[u]?|lotnisk|wysp[ay]|jezior|ocean|morz|zatok)\w*", re.IGNORECASE)

# Titles before a name, in the forms printed before one ("Cumhurbaşkanı Recep Tayyip Erdoğan",
# "Güvenlik Müdürü Ali Karabağ", "prezydent Andrzej Duda").
TITLES = frozenset("""
cumhurbaşkanı başkanı başkan bakanı bakan müdür müdürü valisi vali kaymakamı kaymakam doktor sözcüsü milletvekili
başbakan başbakanı lideri büyükelçisi komutanı sekreteri başsavcısı savcı savcısı hakimi yardımcısı antrenörü
direktör direktörü kaymakami rektörü yöneticisi temsilcisi danışmanı uzmanı
prezydent prezydenta premier minister ministra rzecznik rzeczniczka marszałek marszałka posłanka poseł
szef szefowa burmistrz wojewoda prezes prezesa ksiądz biskup arcybiskup generał profesor przywódca przywódcy
""".split())

# Words a sentence opens on before a capitalised word that are no name: Polish forms of address
# ("Drodzy Rodacy", "Szanowni Państwo") and adverbs ("Wcześniej Kim Dzong Un", "Wtedy Franciszek").
OPENERS = frozenset("""
drodzy droga drogi szanowni szanowny szanowna państwo wcześniej zdaniem według jednak także również ponadto
teraz potem później dziś wczoraj jutro dlatego obecnie władze władz wtedy wówczas następnie tymczasem natomiast
""".split())

# Turkish words a run takes from the next sentence or a headline's rest ("Ürün Miktar En", "Kandilli Gözlemevi
# Son"), which end no Turkish name.
TURKISH_RUN_ON = frozenset("en son ve ile için bu şu ama fakat gibi daha çok kg".split())
# Polish words a run of capitals takes from the next sentence where a flattened page lost its full stop,
# and which end no name ("Rozenek Odkąd", "Putina Twoja", "Operator Czy", "Reklama Jak").
RUN_ON = frozenset("""
jak czy co gdy kiedy ale oraz że to ten ta te tak nie już jeszcze odkąd niech twoja twój twoje moja mój moje
nasz nasza nasze wasz wasza jego jej ich który która które gdzie dlaczego bo więc czyli albo lub zobacz czytaj
""".split()) | OPENERS

# A Polish sentence opening on a verbal or abstract noun or a genitive adjective before a name
# ("Spotkania Donalda Trumpa", "Żądania Korei Północnej", "Nowego Roku").
_NOUN_OPENING = re.compile(r"(?<=\w{3})(?:nie|nia|niu|cie|cia|ciu|ość|ości|ego|emu)$")


def opens_on_noun(word: str, run: int) -> bool:
    """Whether a Polish sentence's first word, before `run - 1` capitalised others, is no name (a
    man's given name in the genitive is one: "Jerzego Buzka")."""
    return word.lower() in OPENERS or (run >= 2 and bool(_NOUN_OPENING.search(word.lower()))
                                       and not is_mans_genitive(word))


def person_apart(text: str, start: int, end: int, head_apart: Callable[[list[str]], bool]) -> list[tuple[int, int]]:
    """A Polish run of a place or a body and then a man's name ("na Florydzie Donald Trump",
    "marszałek Sejmu Ryszarda Terleckiego"): two names, cut before the given name (one Polish news
    prints, in the nominative or the genitive, or an English one) of the last two words, where
    `head_apart` says the words before it are a name of their own (a body's; not a country's or a
    platform's, which the rules read as a lead: "prezydent USA Donald Trump")."""
    words = text[start:end].split()
    if len(words) < 3 or not (is_mans_name(words[-2]) or is_given_name(words[-2].lower())) or \
            not head_apart(words[:-2]):
        return [(start, end)]
    cut = text.rindex(words[-2], start, text.rindex(words[-1], start, end))
    return [(start, len(text[:cut].rstrip())), (cut, end)]


# A Polish adjective's genitive or dative ending ("Nowego Roku", "Polskiego Radia", "Bliskiemu
# Wschodowi", "Białego Domu"): a run it opens is no person's name (a given name's genitive ends
# otherwise: Kobego, Ronniego, Antoniego, Jerzego).
_ADJECTIVE_CASE = re.compile(r"(?:kie|owe|ne|we|że|łe|re|te)(?:go|mu)$")


def adjective_led(word: str) -> bool:
    """Whether a Polish run's first word is an adjective in the genitive or dative."""
    return bool(_ADJECTIVE_CASE.search(word.lower())) and len(word) >= 6


_SUFFIX = re.compile(r"['’][a-zçğıöşü]+(?![\w'’])")
# The locative ending, "in" or "at": "İzmir'de", "Ankara'da", "Mahallesi'nde". A place's cue, as a
# preposition of place is in the languages that have one.
LOCATIVE = re.compile(r"['’]n?[dt][ae](?![\w'’])")
# Months, days and holidays take it as well: "Mart'ta", "Cuma'da", "Anneler Günü'nde".
_TIMES = re.compile(r"(?:ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|pazartesi|"
                    r"salı|çarşamba|perşembe|cuma|cumartesi|pazar|günü|bayramı)$", re.IGNORECASE)


def located(text: str, name: str, end: int) -> bool:
    """Whether a Turkish name is a place by its locative ending, not a month's or a day's."""
    return bool(LOCATIVE.match(text, end)) and not _TIMES.search(name)


# A word with the first person plural's possessive, and a case ending after it ("Takımımızın", "our
# team's"; "Kulübümüz", "Çalışanlarımıza"): a club's or a company's statement speaks so of its own,
# and no name carries "our".
_OUR = re.compile(r"\w{2}(?:ım[ıi]z|im[ıi]z|um[uü]z|üm[uü]z)(?:[ıiuü]n|[ıiuü]|[ae]|[dt][ae]n?|l[ae])?$")


def suffix_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A Turkish run cut where a case ending follows an apostrophe: "Ali Karabağ'a" is "Ali
    Karabağ"; "İzmir'de Suriyeli" is "İzmir", then "Suriyeli". A run with a word that says "our"
    (`_OUR`: "Futbol A Takımımızın") is none, unless that word is a body's head."""
    if any(_OUR.search(word) and not BODY_STEMS.match(word) for word in text[start:end].split()):
        return []  # (but "Sağlık Bakanlığımızın", "our Ministry of Health's", is that ministry)
    out = []
    for hit in _SUFFIX.finditer(text, start, end):
        if hit.start() > start:
            out.append((start, hit.start()))
        start = hit.end()
        while start < end and text[start] in " \t":
            start += 1
    if start < end:
        out.append((start, end))
    return out


# Turkish given names, the commonest men's and women's: a capitalised run that opens on one is a
# person's name. Turkish capitalises every word of a holiday's, an institution's or a campaign's
# name ("Dünya Kadınlar Günü", "İl Hıfzıssıhha Kurulu", "Evde Kal"), which the rules cannot tell
# from a name by shape, and writes a name's case ending after an apostrophe.
TURKISH_GIVEN_NAMES = frozenset("""
ahmet mehmet mustafa ali hüseyin hasan ibrahim i̇brahim ismail i̇smail osman yusuf murat ömer ramazan halil süleyman
abdullah mahmut recep salih fatih kemal emre burak serkan hakan kadir orhan erkan uğur volkan cem can mert onur
tolga barış deniz enes furkan yasin kaan ozan oğuz tuncay sinan selim yavuz levent bülent ercan erdal erol ertuğrul
eyüp engin fuat fikri gökhan haluk hamza harun hikmet ilker i̇lker ihsan i̇hsan ilhan i̇lhan kenan koray metin muharrem
mücahit necati nihat numan oktay okan orçun rıza sabri sadık sait sedat selçuk serdar sezgin suat şahin şükrü
tahsin taner tarık tayfun turgut vedat veli yaşar yılmaz yunus zafer zeki ziya adem alper arda aydın bekir cengiz
cevdet coşkun doğan ekrem enver ferhat feyzi feyzullah fırat hayri kazım lütfi mesut muzaffer nazım necmettin nuri
rüstem sami şenol talat tevfik ufuk yakup yiğit yüksel devlet binali abdulhamit nedim namık selahattin temel
hulusi berat efkan mevlüt veysel kasım kâmil kamil nail naci cahit cemal celal cemil erdoğan erhan ertan eşref
gürsel hüsnü kurtuluş mithat muammer niyazi ruhsar sedef tanju tayyip umut utku yücel zekeriya ahmed muhammed
ayşe fatma emine hatice zeynep elif meryem şerife zehra sultan hanife merve esra büşra özlem yasemin gül gülsüm
sevgi selin seda sena sıla damla ebru ece eda derya dilek duygu gamze hande irem i̇rem kübra melek melike nur
nurcan pınar sibel songül tuba tuğba şükran çiğdem aslı aylin ayten berna burcu canan cansu demet didem dilara
esin feride filiz gizem gönül hilal leyla meltem nilüfer nazlı neslihan serap sevda sevim tülay ümran yeliz
zerrin nakiye meral aynur gülşen hülya nermin perihan saadet semra sema şule tansu türkan zuhal
""".split())
# The endings of a Turkish common noun in a plural or a case, written on the word itself (a name
# takes its case after an apostrophe): "Kurulunun", "Çalışanlar", "Kazada", "Kanuna".
_TURKISH_NOUN_END = re.compile(
    r"(?:l[ae]r(?:[ıi](?:n[ıi]n|n[ae]|nd[ae]n?)?|d[ae]n?)?|n[ıiuü]n|[ıiuü]n[ae]|[ıiuü]nd[ae]n?|(?<=\w{3})[dt][ae]n?)$")
# A compound's head takes the possessive ("Günü", "Dairesi", "Sarayı"); only the last word is read
# so (a first or middle name may end so: "Azeri Aynura …", "Luigi Di Maio"), and not after l, c or
# ç, which end surnames as often ("Bahçeli", "Soylu", "Kahveci", "Taşçı").
_TURKISH_HEAD_END = re.compile(r"(?<![lcç])[sy]?[ıiuü]$")


def turkish_name_after(words: list[str]) -> int | None:
    """Where a person's name begins in a Turkish run after the words a flattened page or a noun
    phrase set before it ("Proje Yöneticisi Mike Interbartolo", "Yönetmeninde Hüseyin Özden"): the
    first given name with a word after it, or None."""
    return next((k for k in range(1, len(words) - 1)
                 if words[k].lower() in TURKISH_GIVEN_NAMES or is_given_name(words[k].lower())), None)


def turkish_noun_phrase(words: list[str]) -> bool:
    """Whether a Turkish run the rules would take for a person by its shape is a noun phrase: it
    opens on no given name, and a word of it ends as a common noun does (`_TURKISH_NOUN_END`)."""
    if _TIMES.search(words[-1]):
        return True  # "Ramazan Bayramı", a holiday named after a month that is a man's name too
    if _TURKISH_VERB_END.search(words[-1].lower()):
        return True  # a headline's or a button's verb: "Mendilim Keki Kokuyor", "Şifremi Unuttum"
    first = words[0].lower()
    if first in TURKISH_GIVEN_NAMES or is_given_name(first):
        return False
    return bool(_TURKISH_HEAD_END.search(words[-1].lower())) or any(_TURKISH_NOUN_END.search(w.lower()) for w in words)


# A Turkish verb's endings no name has: the present's "-yor", the reported past's, the future's, the
# passive aorist's, the first person's past ("Kokuyor", "Gidilir", "Unuttum"), after a stem of three.
_TURKISH_VERB_END = re.compile(r"(?<=\w{3})(?:[ıiuü]?yor(?:um|sun|uz|lar)?|m[ıiuü]ş|[ae]cak|[ae]cek|[ıiuü]l[ıiuü]r|"
                               r"[dt][ıiuü]m)$")


# A Polish run's words that no name has: a plural's genitive ("Konsumentów"), a verbal or an
# abstract noun ("Zapobiegania", "Oglądalności"), an adjective's case ("Społecznej", "Publicznych"),
# an accusative or an instrumental ("Kartę", "Pracownią"), not a surname's ("Kaczyńską", "Czabańskiej"):
# and the adjectives a phrase opens on ("Zakazane Miasto", "Gdańskie Towarzystwo").
_POLISH_NOUN_END = re.compile(r"(?:ów|ania|enia|anie|enie|ości|ość|(?<![sc]k)(?<!dzk)(?:nej|nych|ych|ą|ę))$")
_POLISH_ADJECTIVE_OPENING = re.compile(r"(?<=\w{3})(?:ane|one|ne|owe|skie|ckie)$")


def polish_noun_phrase(words: list[str]) -> bool:
    """Whether a Polish run the rules would take for a person by its shape is a noun phrase: it
    opens on no given name (in any case: `declension.is_given_name`), and on an adjective or with
    a word that ends as no name does."""
    if declension.is_given_name(words[0]) or is_given_name(words[0].lower()):
        return False
    return bool(_POLISH_ADJECTIVE_OPENING.search(words[0].lower())) or any(
        _POLISH_NOUN_END.search(w.lower()) for w in words)


# Polish case endings of place names and what the nominative ends on instead, the longer first:
# "w Bagdadzie" (Bagdad), "w Polsce" (Polska), "z Rosji" (Rosja), "w Chinach" (Chiny), "w Wielkiej
# Brytanii" (Wielka Brytania), "w Stanach Zjednoczonych", "Stanów Zjednoczonych", "w Niemczech" (Niemcy).
_POLISH_CASES = (("szcie", "szt"), ("czech", "cy"), ("szech", "chy"), ("dzie", "d"), ("rze", "r"), ("ście", "st"),
                 ("cie", "t"), ("sce", "ska"), ("ji", "ja"), ("ii", "ia"), ("iej", "a"), ("ej", "a"), ("ych", "e"),
                 ("ach", "y"), ("ów", "y"), ("ie", "a"), ("ie", ""), ("i", "a"), ("y", "a"), ("u", ""), ("a", ""),
                 ("em", ""), ("ą", "a"))


# Russian and Ukrainian case endings of place names, the same way: "в России" (Россия), "из Москвы"
# (Москва), "в Киеве" (Киев), "в Китае" (Китай), "в Израиле" (Израиль), "в Україні" (Україна).
_RUSSIAN_CASES = (("ией", "ия"), ("ии", "ия"), ("ию", "ия"), ("ой", "а"), ("ом", ""), ("ем", "й"), ("ем", "ь"),
                  ("ы", "а"), ("е", "а"), ("у", "а"), ("и", "а"), ("а", ""), ("е", ""), ("у", ""), ("я", "й"),
                  ("е", "й"), ("ю", "й"), ("я", "ь"), ("е", "ь"), ("ю", "ь"), ("и", "ь"))
_UKRAINIAN_CASES = (("ією", "ія"), ("ії", "ія"), ("ію", "ія"), ("ою", "а"), ("ом", ""), ("и", "а"), ("і", "а"),
                    ("у", "а"), ("а", ""), ("і", ""), ("у", ""))
_CASES = {"pl": _POLISH_CASES, "ru": _RUSSIAN_CASES, "uk": _UKRAINIAN_CASES}


def polish_place(name: str, known: Callable[[str], bool]) -> str | None:
    """The nominative of a place a Polish text prints in a case, when `known` knows it (a country,
    a city, a state): "Bagdadzie" -> "Bagdad", "Korei Północnej" -> "Korea Północna"; None when no
    reading of its endings is a known place. So the row of Baghdad holds the Polish story's
    "w Bagdadzie", as it holds "Bagdad" and 巴格达."""
    return place_nominative(name, "pl", known)


@lru_cache(maxsize=8192)  # asked twice of a run typed a place, and of the same places article after article
def place_nominative(name: str, language: str | None, known: Callable[[str], bool]) -> str | None:
    """`polish_place` in any language whose case endings are listed (Polish, Russian, Ukrainian),
    else None."""
    cases = _CASES.get(language or "")
    words = name.split()
    if cases is None or not 1 <= len(words) <= 3:
        return None
    readings = [[w] + [w[:-len(end)] + nominative for end, nominative in cases
                       if w.endswith(end) and len(w) - len(end) >= 3] for w in words]
    candidates = [[]]
    for options in readings:
        candidates = [[*c, o] for c in candidates for o in options]
    return next((" ".join(c) for c in candidates[1:] if known(" ".join(c))), None)
