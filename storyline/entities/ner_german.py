"""German capitalises every noun, so a run of capitalised words there is as often a noun phrase
("Aufhebung der Sanktionen", "Tests von Atombomben", "Weitere Informationen") as a name: the rules
of `ner_rules.py` read every such run as a person's. This module tells a German common noun by
evidence the article itself gives, with no dictionary (the German word lists on PyPI hold names
too: simplemma knows "Merkel", "Müller" and "Berlin" as well as "Wohnung"):

- the noun stands after an article, a determiner or a contracted preposition somewhere in the
  text ("die Aufhebung", "im Kampf", "einen schweren Unfall"), which a name almost never does;
- its ending is a noun's (-ung, -heit, -keit, -schaft, -tion, -ismus...), or it is a month, a unit
  or a word of time ("Mitte März", "Milliarden Euro");
- it is a compound ending in a title ("Polizeisprecher", "US-Präsident", "Zirkusartistin": the
  person's role) or in a body's head ("Landgericht", "Polizeipräsidium": an organisation).

A run loses such words at its ends (a title there becomes the role); one with a noun inside is
no one's name. A run that names a body (a head's compound, a newspaper's ending) loses the
openers and nouns around it instead (`body_words`) and is two names where "von der" joins a
person to it (`body_apart`); one ending in a street's compound is a place (`names_street`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from storyline.entities.countries import country_code, world_cities
from storyline.entities.names import is_given_name

# The particles inside a German run of capitals ("Ursula von der Leyen", "Osama bin Laden"); not
# "der", "den" or "des" alone, which join nouns ("Aufhebung der Sanktionen"), never a name's words.
CONNECT = r"(?:von der|von den|van der|van den|de la|von|van|de|del|della|di|da|du|bin|ibn)"

# Words after which a capitalised German word is a noun: articles, determiners, possessives and
# prepositions fused with an article, each optionally followed by one lower-case adjective.
_DETERMINED = re.compile(
    r"\b(?:[Dd](?:er|ie|as|en|em|es)|[Ee]in(?:e|er|es|em|en)?|[Kk]ein(?:e|er|es|em|en)?|"
    r"[Ss]ein(?:e|er|es|em|en)?|[Ii]hr(?:e|er|es|em|en)?|[Uu]nser(?:e|er|es|em|en)?|"
    r"[Dd]ies(?:e|er|es|em|en)|[Jj]ede(?:r|s|m|n)?|[Aa]lle[nm]?|[Vv]iele[nm]?|"
    r"[Ii]m|[Aa]m|[Ii]ns|ans|[Zz]um|[Zz]ur|[Vv]om|[Bb]eim|aufs|fürs)"
    r"[ \t]+(?:[a-zäöüß][\w-]*[ \t]+)?([A-ZÄÖÜ][\w-]*)")

# Endings no German name has and many nouns do, after three letters of a stem at least ("Jung",
# "Dennis" are names; four before -ment: "Clement"; "Kraft" is one): not -land or -jahr (Haaland,
# Gutjahr), nor -ie, -ik, -ei, -enz (Marie, Erik, Türkei, Lorenz); -kräfte is the news's forces and
# staff ("Sicherheitskräfte", "Führungskräfte").
_NOUN_ENDING = re.compile(
    r"(?<=\w{3})(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|sion|sionen|tät|täten|"
    r"nis|nisse|ismus|ismen|(?<=\w{4})ments?|chen|lein|tum|tümer|logie|grafie|graphie|thek|iker|gramm|politik|"
    r"technik|pandemie|krise|lage|zeit|woche|wochen|tag|tage|tagen|nacht|kraft|kräfte|kräften|kreisen|gründen|"
    r"häusern|ebene|ebenen)$")

# Capitalised words that are never part of a German name: the polite pronoun, months, days, units,
# a sentence's first word run on where a full stop is missing ("Brandenburg Es", "Bilder In"), the
# nouns of idioms after a bare "in" ("in Frage", "in Brand", "in Bezug auf"; "in Kürze", "in Not",
# "in Gewahrsam" had each been read as a place), the prepositions and adverbs a sentence opens on
# after a heading with no full stop ("Anschlagspläne Laut …").
_NEVER_NAMES = frozenset("""
sie ihr ihre ihrer ihrem ihren ihres ihnen es die der das den dem des ein eine einen einem einer ich er wir
in im am an auf aus bei mit nach zu für um wie was wenn als auch und oder aber nur noch
frage brand bezug kraft höhe zukunft betrieb gefahr haft quarantäne kontakt verbindung insolvenz zeiten
kürze not sicht gewahrsam kauf panik zusammenarbeit anspruch verzug übersee zusammenhang würde sachen
lebensgefahr
tonnen hundert tausend dutzend teilen weiterleiten drucken telefon mail danke fax kommentar kommentare
januar jänner februar märz april mai juni juli august september oktober november dezember
montag dienstag mittwoch donnerstag freitag samstag sonntag
euro dollar franken pfund yen rubel prozent uhr millionen milliarden million milliarde mio mrd
jahr jahre jahren monat monate monats woche tag tage nacht zeit land länder lage krise ende anfang mitte beginn
laut gemäß wegen trotz während seit infolge ebenso außerdem zudem jedoch dennoch allerdings inzwischen sogar
lediglich beide beiden zwei drei vier fünf sechs sieben neun zehn zwölf
jetzt bisher hier dort damals nun danach dabei dazu zuvor zur zum
dies diese dieser dieses diesem diesen jene jener jenes
""".split())

# A sentence's first word that is no name: pronouns, conjunctions, adverbs, prepositions and the
# determiners and adjectives a sentence opens on ("Viele Länder", "Weitere Informationen").
OPENERS = frozenset("""
sein seine seiner seinen ihr ihre viele vielen alle allen weitere weiteren wenn indem warum wann wie was
wer wo weil dass ob jetzt dann hier dort so doch noch schon bereits ich er es wir man dies diese dieser
dieses jeder jede jedes mehr beim zum zur vom nächstes nächste nächsten erste ersten neue neuer neues
letzte letzten kein keine einige andere anderen mehrere mein meine meinen unser unsere neues damit deshalb
daher trotz wegen unter über vor gegen ohne
um bis zwischen neben hinter statt nun zudem zuvor heute gestern morgen denn also aus bei nach mit von
""".split())
# Of those, the words a flattened page's new sentence opens on anywhere, which no noun or name is (not
# "Morgen", "Unter"): a question's word, a modal or an auxiliary before a name ("Sollte Trump", "Warum
# Trump"), a conjunction.
RUN_OPENERS = frozenset("""
warum wieso weshalb wann wer wo weil dass ob jetzt dann doch noch schon bereits sollte sollten könnte
könnten würde würden müsste dürfte wird kann muss hat hatte ist war sind waren
""".split())

# Titles and occupations a German compound ends in: the word before a name is its role (not
# "König" alone, a surname as often as a title).
_TITLE_ENDING = re.compile(
    r"(?:präsident|minister|kanzler|sprecher|chef|leiter|sekretär|direktor|vorsitzende|vorsitzender|"
    r"politiker|trainer|moderator|sänger|schauspieler|künstler|artist|tänzer|experte|virologe|forscher|"
    r"autor|anwalt|anwältin|bürgermeister|abgeordnete|abgeordneter|botschafter|general|prinz|prinzessin|"
    r"königin|bischof|kardinal|pfarrer|arzt|ärztin|professor|star|kommissar|berater|manager|"
    r"gründer|inhaber|kandidat|stürmer|torhüter|verteidiger|spieler|intendant|hauptmann|schwester|bruder|"
    r"pater|aktivist|coach|vize|detektiv|veteran|ermittler|führer|haber|ajatollah|ayatollah|scheich|imam|"
    r"rabbiner|papst|wissenschaftler|ökonom|volkswirt|analyst|stratege|senator|profi|vorstand|regisseur|"
    r"veranstalter|gastgeber|vorgänger|nachfolger|vertraute|vertrauter|herausforderer|(?<=\w)loge|"
    # a compound's head a name may be alone: a council's member ("Landesrat", not Murat), a boss, a
    # boxer ("Konzernboss", "Profiboxer"; not Hugo Boss, Barbara Boxer)
    r"(?<=\w{4})rat|(?<=\w{4})rätin|(?<=\w{3})boss|(?<=\w{3})boxer)(in|innen|en|n|s)?$")

# What a place's name follows: "Ortsteil Langenreinsdorf", "US-Stützpunkt Ain Assad".
_PLACE_HEAD = re.compile(r"(?:ortsteil|vorort|stadtteil|stadt|dorf|gemeinde|landkreis|bezirk|region|provinz|"
                         r"bundesland|kanton|stützpunkt|hauptstadt|metropole)$")

# Heads of a body's compound name: "Landgericht Göttingen", "Polizeipräsidium Pforzheim".
_BODY_ENDING = re.compile(
    r"(?:gericht|ministerium|polizei|präsidium|inspektion|direktion|partei|amt|behörde|verband|verein|"
    r"bank|institut|klinik|klinikum|universität|hochschule|gesellschaft|stiftung|agentur|konzern|"
    r"kommission|rundfunk|zeitung|nachrichten|anwaltschaft|hilfswerk|regierung|bundestag|landtag|"
    r"kette|gruppe|verlag|sender)$")
# A newspaper's name of two words or more ends in one ("Höfner Volksblatt", "Frankfurter Rundschau",
# "Mannheimer Morgen"); printed first, it credits the reporter after it ("Marchanzeiger Albian Ajeti").
_PAPER_ENDING = re.compile(r"(?:blatt|kurier|anzeiger|rundschau|morgen|morgenpost)$")


# The endings of an inflected adjective or participle, after a stem of three letters or more,
# which a sentence opens on before its noun ("Brennende Gebäude", "Schiitischer Milizionäre",
# "Genauere Angaben", "Angemeldete Nutzer", "Zahlreiche Passagiere", "Redaktioneller Hinweis"):
# never "-eter" (Peter, Dieter) nor a short stem (Fischer), nor "-elle" or "-ale" (Michelle, Pascale).
_ADJECTIVE = re.compile(r"(?<=\w{3})(?:(?:ig|lich|isch|end|er|sam|bar|reich|haft|los|voll|iv)(?:e|er|es|en|em)|"
                        r"(?:ell|al)(?:er|es|en|em)|ete|etes|eten|aues|eues)$")


def opens_on_adjective(word: str) -> bool:
    """Whether a sentence's first word reads as an adjective before the noun it opens on."""
    return bool(_ADJECTIVE.search(word.lower()))


# A past participle a sentence opens on before "von" and what it was done by ("Begleitet von
# Protesten ... kündigte Trump an", "Gefordert von der Opposition"): its prefix, a stem, -t or -et;
# not -dt (Gebhardt, Bernhardt), and only before "von", where a name's particle would stand.
_PARTICIPLE = re.compile(r"^(?:be|ge|ver|er|ent|zer)[a-zäöüß]{3,}(?<!d)(?:et|t)$")


def opens_on_participle(words: list[str]) -> bool:
    """Whether a run opens on a past participle and the "von" of its agent."""
    return len(words) >= 2 and words[1] == "von" and bool(_PARTICIPLE.match(words[0].lower()))


@lru_cache(maxsize=4)
def determined_nouns(text: str) -> frozenset[str]:
    """The capitalised words the text prints after an article or a determiner somewhere (cached:
    the names and the quotes of one article both ask)."""
    return frozenset(m.group(1) for m in _DETERMINED.finditer(text))


def is_title(word: str) -> bool:
    """Whether a word is a title or an occupation by its ending, a hyphenated compound's too
    ("IOC-Boss", "Digital-Vorstand", "Ex-ProfiBoxer")."""
    low = word.lower()
    return bool(_TITLE_ENDING.search(low) or ("-" in low and _TITLE_ENDING.search(low.replace("-", ""))))


def is_title_ending(word: str) -> bool:
    """Whether a word printed alone is a title German compounds end in ("BOSS" of a headline's
    "FPÖ BOSS Norbert Hofer", "Chef"), which a run's capitals do not make a body's acronym."""
    m = _TITLE_ENDING.search("xxxx" + word.lower())  # (some endings want letters before them: "-rat", "-boss")
    return m is not None and m.start() == 4


def title_head(word: str) -> str | None:
    """The title a compound ends in, without its case or a woman's ending ("Wissenschaftssenatorin":
    "senator"), as a role elsewhere in the text may print it inside another compound."""
    m = _TITLE_ENDING.search(word.lower().replace("-", ""))
    return m.group(0)[:-len(m.group(1))] if m and m.group(1) else m.group(0) if m else None


def is_body(word: str) -> bool:
    return bool(_BODY_ENDING.search(word.lower()))


def names_body(words: list[str]) -> bool:
    """Whether a run of capitalised words names a body: a body's head anywhere ("Landgericht
    Trier"), a newspaper's at the end."""
    return any(is_body(w) for w in words) or (len(words) >= 2 and bool(_PAPER_ENDING.search(words[-1].lower())))


def body_words(words: list[str], is_head: Callable[[str], bool]) -> tuple[int, int]:
    """The words of a run naming a body that are its name: (first, end) once the words around it
    are cut off, a sentence's opener or a noun that is no body's head before it ("Richtung Weißes
    Haus", "Die Polizei"), nouns after it ("Polizei Auseinandersetzungen", "Rheinische Post Redaktion
    Telefon") and a "von" before a noun ("Uhr von Polizei"), and a body's kind before its
    acronym ("Nachrichtenagentur AFP", "Sender CBS"). (first, end) may leave no body's head: what
    is left is read as any other run ("Stefan Lauer von der Amadeu-Antonio-Stiftung"). `is_head`
    tells a body's word in any language ("Department", "Polizei")."""

    def no_part(word: str) -> bool:
        # By a noun's ending, not by the article's evidence: a body's adjective follows an article
        # too ("der Deutschen Bank", "die Berliner Polizei"); an adjective or a place may end as a
        # noun does ("Kulturwissenschaftlichen", "Bayerischen", "Polizei München").
        low = word.lower()
        if low in _NEVER_NAMES:
            return True
        return bool(_NOUN_ENDING.search(low.rsplit("-", 1)[-1])) and not low.endswith("chen") and not (
            is_head(word) or opens_on_adjective(word) or country_code(word) or word in world_cities())

    first, end = 0, len(words)
    for k in range(len(words) - 1):
        if words[k] == "von" and no_part(words[k + 1]):
            end = k
            break
    while first < end - 1 and (words[first].lower() in OPENERS or no_part(words[first])):
        first += 1
    while end > first + 1 and no_part(words[end - 1]):
        end -= 1
    if end - first == 2 and is_head(words[first]) and words[first + 1].isupper():
        first += 1
    return first, end


def is_noun(word: str, nouns: frozenset[str]) -> bool:
    """Whether a capitalised word is a German common noun (or a title, or a body's head) by the
    article's own evidence; a hyphenated compound by its last part ("Corona-Krise")."""
    word = word.strip(".\"'“”‘’«»„()")
    if word.isupper():
        return False  # an acronym takes an article as a body does: "die EU", "der CDU"
    low = word.lower()
    last = low.rsplit("-", 1)[-1]
    return word in nouns or low in _NEVER_NAMES or bool(_NOUN_ENDING.search(last)) or is_title(last) or is_title(low) \
        or is_body(last)


# A street's, a square's, a station's compound: "Billstedter Mühlenweg", "Hauptstraße". Alone, only
# a "-straße" or "-allee" is one: a "Sonderweg", a "Schutzweg", a "Speicherplatz" are nouns.
_STREET_ENDING = re.compile(r"(?<=\w{3})(?:weg|straße|strasse|platz|allee|gasse|damm|ufer|brücke|bahnhof)$")
_STREET_ALONE = re.compile(r"(?<=\w{3})(?:straße|strasse|allee)$")


def names_street(words: list[str]) -> bool:
    """Whether a run names a street or a square by its last word."""
    return bool(words) and bool((_STREET_ENDING if len(words) >= 2 else _STREET_ALONE).search(words[-1].lower()))


def is_place_head(word: str) -> bool:
    return bool(_PLACE_HEAD.search(word.lower()))


def _leads_no_name(word: str, nouns: frozenset[str]) -> bool:
    """A noun, an adjective ("Goldene Engel") or a place's genitive ("Bremens Stadtteile",
    "Österreichs Männer") before a run's name, if any."""
    if is_noun(word, nouns) or opens_on_adjective(word):
        return True
    return word.endswith("s") and len(word) > 4 and (bool(country_code(word[:-1])) or word[:-1] in world_cities())


def name_words(words: list[str], nouns: frozenset[str]) -> tuple[int, int]:
    """The words of a run that can be a name: (first, end) after the nouns at both ends, and what
    stands before a title inside, are cut off; (0, 0) where a noun stands inside what is left."""
    first, end = 0, len(words)
    particled = _particled_name(words)
    while first < end and _leads_no_name(words[first], nouns) and first != particled:
        first += 1
    if particled is not None and first == particled:
        return first, end  # "Ursula von der Leyen": the given name, its particle, the surname
    while end > first and is_noun(words[end - 1], nouns):
        end -= 1
    # A title inside, names after it: what stands before the title is the title's ("Erster Stadtrat
    # Stefan Schmitt", "Merzs Vorgänger Guido Kerkhoff"), not the name's.
    inner = [k for k in range(first, end - 1) if is_title(words[k].strip(".\"'“”‘’«»„()"))]
    if inner and not any(is_noun(w, nouns) for w in words[inner[-1] + 1:end]):
        first = inner[-1] + 1
    if any(is_noun(w, nouns) for w in words[first:end]):
        return 0, 0
    return first, end


def _particled_name(words: list[str]) -> int | None:
    """Where a name with the particle "von der" or "von den" begins, when the run ends on it: a
    given name, the particle, one surname ("Ursula von der Leyen"; the surname printed after "der"
    would count as a noun by the article's own evidence, and so would the given name after a verb
    a determiner opens the sentence with: "Das sagte Ursula …")."""
    if len(words) < 4 or words[-3] not in ("von", "van") or words[-2] not in ("der", "den"):
        return None
    k = len(words) - 4
    return k if given_name(words[k]) else None


def span_of(text: str, start: int, words: list[str], first: int, last: int) -> tuple[int, int]:
    """The offsets of `words[first:last]` in a run of `text` that starts at `start`."""
    for w in words[:first]:
        start = text.index(w, start) + len(w)
    start = text.index(words[first], start)
    return start, text.index(words[last - 1], start) + len(words[last - 1])


# German given names, the commonest: a run that opens on one and has a "von" inside is a name with
# its particle ("Manfred von Richthofen", "Johann Wolfgang von Goethe"), where a noun before "von"
# makes a phrase ("Tests von Atombomben", "Betreiber von Restaurants").
GERMAN_GIVEN_NAMES = frozenset("""
alexander andreas anton armin axel bernd bernhard björn bodo boris burkhard carsten christian christoph claus
daniel david dennis dieter dietmar dirk dominik egon erich ernst felix florian frank franz friedrich fritz georg
gerd gerhard gregor günter günther guido gustav hannes hans harald heiko heinrich heinz helmut herbert hermann
holger horst hubert ingo jan jens joachim jochen johann johannes jonas jörg josef jürgen kai karl klaus konrad kurt
lars leon lothar lukas lutz manfred marc marcel marco mario markus martin matthias max maximilian michael moritz
niklas nils norbert olaf oliver otto paul peter philipp rainer ralf ralph reinhard reinhold richard robert roland
rolf rudolf rüdiger sascha sebastian siegfried simon stefan steffen stephan sven theo thilo thomas thorsten tim
tobias torsten udo ulf ulrich uwe volker walter werner wilhelm winfried wolfgang
andrea angela angelika anja anke anna anne annegret annette barbara beate beatrix bettina birgit brigitte carola
christa christiane christine claudia cornelia dagmar doris dorothea elisabeth elke erika eva franziska gabriele
gisela gudrun hanna hannelore heike helga ilse ines ingrid irene iris jana jessica johanna julia juliane jutta
karin katarina katharina katja kerstin klara kristina lena luise manuela maren margarete margot maria marianne
marie marion marlene martina melanie monika nadine nicole nina petra regina renate rita ruth sabine sabrina sandra
sarah silke simone sonja stefanie susanne svenja swantje tanja ulrike ursula ute vanessa verena veronika
""".split())
# The endings of a German plural or agent noun before "von" ("Tests", "Vorschläge", "Betreiber",
# "Angaben") and of a dative plural after it ("Medizinern", "Artikeln", "Atombomben").
_PLURAL_OR_AGENT = re.compile(r"(?<=\w{3})(?:e|en|er|s)$")
_DATIVE_PLURAL = re.compile(r"(?<=\w{4})(?:ern|eln|en|s)$")


def adjective_phrase(words: list[str]) -> bool:
    """Whether two capitalised words are an adjective and its noun, not a name: the first an inflected
    adjective by its ending or its stem ("Trauernde Bilder", "Entsetzte Genossen", "Verbotene Liebe",
    "Graue Erbsen", "Deutsche Diven"), which no given name is ("Friederike", "Caroline", "Helene":
    the rules know too few given names to ask them, so the endings stay strict)."""
    if len(words) != 2 or words[0].isupper():
        return False
    low = words[0].lower()
    return bool(_ADJECTIVE.search(low) or _PARTICIPLE_FORM.search(low)) or (
        (m := _INFLECTION.search(low)) is not None and low[:m.start()] in _ADJECTIVE_STEMS)


# A present or past participle inflected, after a stem of five letters or more ("Trauernde",
# "Sogenannte", "Abgelaufenes"); not "-tte" (Brigitte, Charlotte).
_PARTICIPLE_FORM = re.compile(r"(?<=\w{5})(?:nde|ndes|nden|(?<!t)te|(?<!t)tes|(?<!t)ten|ene|enes|enen)$")
_INFLECTION = re.compile(r"(?:e|es|en|em|er)$")
# The commonest German adjectives, whose inflected forms open a sentence or a headline before a noun.
_ADJECTIVE_STEMS = frozenset("""
deutsch neu neue rot blau grün gelb schwarz weiß weiss grau mild best scharf national extern intern erst letzt
groß gross klein alt jung gut schlecht lang hoch tief warm kalt schnell frei stark schwer leicht ganz halb voll
leer offen früh spät schön hart weich echt falsch richtig golden nächst weit eng dunkel hell heiß heiss
""".split())


def given_name(word: str) -> bool:
    low = word.lower().split("-")[0]
    return low in GERMAN_GIVEN_NAMES or is_given_name(low)


def _of_someone(words: list[str]) -> int | None:
    """Where the name a "von" inside a run leaves starts, if the words after it are all a name may be
    (an editorial, a statement, a boss of someone: "Editorial von Jürgen Elsässer", "Angaben von Maoz
    Rosenthal"; a noun phrase's last word, read alone: "Tests von Atombomben", "Sommerspiele von
    Tokio"); None where the run is read whole: a name with its particle ("James von Moltke", "Pitt
    von Bebenburg"), or a person of a place."""
    k = next((i for i in range(1, len(words) - 1) if words[i] in ("von", "vom")), None)
    if k is None or any(given_name(w) for w in words[:k]):
        return None  # (a title may stand before the given name: "Finanzbeauftragte James von Moltke")
    after = words[k + 1:]
    if len(after) >= 2 and after[0][:1].isupper() and after[0] not in ("Der", "Den", "Dem", "Des"):
        return k + 1
    if len(after) == 1 and (_PLURAL_OR_AGENT.search(words[k - 1].lower()) or _DATIVE_PLURAL.search(after[0].lower())):
        return k + 1  # one word after: a place's or a body's name ("Sommerspiele von Tokio"), if any
    return None


def german_name(text: str, start: int, words: list[str], nouns: frozenset[str]
                ) -> tuple[int, int, list[str], str | None, bool] | None:
    """The name a German run holds once the nouns at its ends are cut off (`name_words`):
    its span and words, the role a title before it gives ("Polizeisprecher Christoph Wickhorst"),
    whether a place's head led it ("Ortsteil Langenreinsdorf"); None for a noun phrase. What follows
    a "von" the cut leaves in front is what the title is of ("Innenminister von Bayern"), no role's."""
    k = _of_someone(words)
    if k is not None:
        return german_name(text, span_of(text, start, words, k, k + 1)[0], words[k:], nouns)
    first, last = name_words(words, nouns)
    if first < last - 1 and _genitive_of_a_name(text, words[first]):
        first += 1  # "Während Trumps Auftritt im Rosengarten": his appearance, no one's name
        while first < last and _leads_no_name(words[first], nouns):
            first += 1  # "Merzs Vorgänger Guido Kerkhoff"
    lead = words[:first]
    while first < last and re.fullmatch(CONNECT, words[first]):
        first, lead = first + 1, []  # "Ausschluss von Thilo Sarrazin"
    while last > first and re.fullmatch(CONNECT, words[last - 1]):
        last -= 1
    if first == last:
        return None
    genitive = last - first in (2, 3) and not given_name(words[first + 1]) and _owners_genitive(words[first + 1]) \
        and not country_code(words[first + 1][:-1]) \
        and bool(re.search(rf"\b{re.escape(words[first + 1][:-1])}\b", text)) and (
            given_name(words[first]) or f"{words[first]} {words[first + 1][:-1]}" in text)
    if genitive and last - first == 3:
        last -= 1  # "Thilo Sarrazins Buch", where "Sarrazin" is printed too: his book, the name without the s
    start, end = span_of(text, start, words, first, last)
    if genitive:
        end -= 1
    after_of = max((k for k, w in enumerate(lead) if w in ("von", "vom")), default=-1)
    if after_of >= 0 and any(is_title(w) for w in lead[after_of + 1:]):
        lead = lead[after_of + 1:]  # "Staatssekretär von Innenminister Horst Seehofer": the minister's
    role = " ".join(lead) if any(is_title(w) for w in lead) else None
    return start, end, words[first:last], role, any(is_place_head(w) for w in lead)


def _owners_genitive(word: str) -> bool:
    """A surname with the genitive's -s, not a name's own s or a run's Saxon apostrophe."""
    return len(word) > 4 and word.endswith("s") and word[-2] not in "sßxz'’" and word[:-1].isalpha()


def _genitive_of_a_name(text: str, word: str) -> bool:
    """A surname with the genitive's -s ("Trumps", "Merkels") where the text names the person in full
    without it ("Donald Trump"): what follows is the person's, a noun ("Trumps Auftritt"). A given
    name's own s ("Thomas", "Klaus") is none: the text never prints it as a surname without it."""
    return len(word) > 4 and word.endswith("s") and word[-2] != "s" and word[:-1] in _surnames(text)


# A capitalised word and the capitalised word after it (read in the lookahead, so that each word of
# "Donald John Trump" is the next one's first).
_NAME_THEN_NAME = re.compile(r"[A-ZÄÖÜ][\w-]+(?=[ \t]([A-ZÄÖÜ][\w-]*)(?![\w-]))")


@lru_cache(maxsize=8)
def _surnames(text: str) -> frozenset[str]:
    """The capitalised words of a text that follow another capitalised word: read once a text, not
    once a run of capitals (a German text has hundreds)."""
    return frozenset(m.group(1) for m in _NAME_THEN_NAME.finditer(text))


_OF = re.compile(r"[ \t]+von(?:[ \t]+(?:der|den|dem))?[ \t]+")


# A capitalised article inside a run opens the next sentence a flattened page ran into it ("Offiziell
# Die Partei-Vorsitzenden …", "Olaf Scholz Des …"); not the Hague's "Den".
_ARTICLE_INSIDE = re.compile(r"[ \t]+(?:(?:Die|Der|Das|Den|Dem|Des|Ein|Eine|Einen|Einem|Einer)[ \t]+(?!Haag\b)|"
                             r"(?:Die|Der|Das|Des|Dem|Eine|Einen|Einem|Einer)$)")


def article_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run cut at each capitalised article inside it, the article left out: the sentence a
    flattened page ran on ("Hochzeits-Korsos Die NRW-Polizei": the parade, then the police)."""
    out = []
    for cut in _ARTICLE_INSIDE.finditer(text, start, end):
        out.append((start, cut.start()))
        start = cut.end()
    return [*out, (start, end)] if start < end else out


def body_apart(text: str, start: int, end: int, body_named: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Who and the body after "von der" ("Virenforscher Richard Neher von der Universität Basel",
    "Stefan Lauer von der Amadeu-Antonio-Stiftung"): two names, where the words before name no body
    (`body_named` tells a body's word in any language)."""
    for link in _OF.finditer(text, start, end):
        head, tail = text[start:link.start()], text[link.end():end]
        if (body_named(tail) or names_body(tail.split())) and not (
                body_named(head) or names_body(head.split())):
            return [(start, link.start()), (link.end(), end)]
    return [(start, end)]
