"""Speech without a dependency parse: Russian by its verbs and « », other languages by quote marks.

Russian news writes `«…», — заявил X` and `X сообщил: «…»`, and reports speech as `X заявил,
что …` or `по словам X, …`; the speaker is the named person or body closest to the verb. Other
languages get the same reading with their common speech verbs, which is weaker but still ties a
quote to a name beside it rather than to nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.entities import ner_german
from storyline.entities.countries import country_code, world_cities
from storyline.entities.name_shape import is_title_word
from storyline.entities.ner_uncased import UNCASED
from storyline.entities.rule_places import SAINT_ABBREVIATIONS
from storyline.entities.rule_words import FUNCTION_WORDS
from storyline.entities.scripts import UNSPACED_CHAR
from storyline.entities.thing_words import PLATFORMS
from storyline.quotes_described import described_after, described_speaker, described_subject, description_at
from storyline.quotes_marks import QuoteSpan
from storyline.quotes_reported import Found
from storyline.quotes_speakers import ORG_TYPES, PERSON_TYPES, Speakers, clean_name
from storyline.quotes_verbs import ACCORDING, OTHER_INDIRECT, RU_INDIRECT, TOLD, VERB_RE

_PRONOUNS = {"он": "he", "она": "she", "il": "he", "elle": "she", "er": "he", "sie": "she", "él": "he",
             "ella": "she", "lui": "he", "lei": "she", "egli": "he", "hij": "he", "ele": "he", "ela": "she"}
# Pronouns of one language that are articles of another: Italian "il" is French's "he".
_ARTICLES = {"it": frozenset({"il"})}
_SPEAKERS = PERSON_TYPES | ORG_TYPES


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    # (Chinese and Japanese end a sentence with "。" and no space)
    lo = max(_full_stop(text, start, back=True) + 1, text.rfind("\n", 0, start) + 1, text.rfind("。", 0, start) + 1)
    hits = [i for i in (_full_stop(text, end), text.find("\n", end), text.find("。", end)) if i >= 0]
    return lo, min(hits) if hits else len(text)


def _full_stop(text: str, at: int, back: bool = False) -> int:
    """The next (or last) '. ' from `at` that ends a sentence: not a middle initial's ("dijo
    Michael R. Golden") nor a saint's ("la polizia di St. Louis ha detto")."""
    i = at
    while True:
        i = text.rfind(". ", 0, i) if back else text.find(". ", i)
        if i < 0 or not _INITIAL.search(text, max(0, i - 4), i + 1):
            return i
        i = i if back else i + 1


_INITIAL = re.compile(rf"(?:[a-zß-ÿ] [A-Z]|\b(?:{'|'.join(SAINT_ABBREVIATIONS)}))\.$")


def _words(text: str) -> int:
    """Words of a quote, two Chinese or Japanese characters counting as one (no space sets them apart)."""
    return len(UNSPACED_CHAR.sub(" ", text).split()) + len(UNSPACED_CHAR.findall(text)) // 2


def _speaker_in(text: str, lo: int, hi: int, speakers: Speakers, last: bool, at: int, lang: str = ""
                ) -> tuple[str | None, str | None, str]:
    """The name (or pronoun) nearest the verb: the last before it, or the first after it. A pronoun
    is one of the text's language (`_ARTICLES`: "ha detto il regista …" names no "he")."""
    media = _media_aliases()
    found: list[tuple[int, str, str | None, str]] = []
    for m in speakers.overlapping(lo, hi, _SPEAKERS):
        if m.start >= lo and m.end <= hi and clean_name(m.text) not in media:
            name = speakers.full_name(m) if m.type in PERSON_TYPES else clean_name(m.text)
            found.append((m.start, m.text, name, "PERSON" if m.type in PERSON_TYPES else "ORG"))
    surnames = speakers.surnames
    covered = [(m.start, m.end) for m in speakers.overlapping(lo, hi)]
    for word in re.finditer(r"\w+", text[lo:hi]):
        pos = lo + word.start()
        if word.group() in surnames and not any(a <= pos < b for a, b in covered):
            # "en la que Jobs afirmaba:": a surname the rules need a cue for, named in full elsewhere
            found.append((pos, word.group(), surnames[word.group()], "PERSON"))
        elif word.group().casefold() in _PRONOUNS and word.group().casefold() not in _ARTICLES.get(lang, ()):
            name = speakers.pronoun(_PRONOUNS[word.group().casefold()], pos, [])
            found.append((pos, word.group(), name, "PERSON"))
    if not found:
        return None, None, ""
    found.sort()
    persons = [f for f in found if f[3] == "PERSON"] or found  # "МИД Мария Захарова": the person
    _, said, name, kind = persons[-1] if last else persons[0]
    return said, name, kind


# Languages that drop a subject the sentence before gave.
_PRO_DROP = frozenset({"es", "it", "pt", "pl", "tr"})
# Languages whose subject opens the sentence and whose verb ends it: "Muzaffer Ermiş, “…” dedi."
_VERB_FINAL = frozenset({"tr"})


def _sentence_before(text: str, sent_lo: int) -> int:
    """Where the sentence before the one that opens at `sent_lo` opens."""
    return _sentence_bounds(text, max(sent_lo - 2, 0), max(sent_lo - 2, 0))[0]


def _subject_before(text: str, sent_lo: int, speakers: Speakers) -> tuple[str | None, str | None, str]:
    """The person who opens the sentence before `sent_lo` (its subject, as news writes it): one the
    rules found, or a surname of a full name they found elsewhere ("Sheinbaum mencionó que …")."""
    lo = _sentence_before(text, sent_lo)
    persons = [m for m in speakers.overlapping(lo, sent_lo, PERSON_TYPES) if m.start >= lo]
    if persons and persons[0].start - lo <= 40:
        return persons[0].text, speakers.full_name(persons[0]), "PERSON"
    first = re.match(r"[\W\d]*(\w+)", text[lo:sent_lo])
    if first and first.group(1) in speakers.surnames:
        return first.group(1), speakers.surnames[first.group(1)], "PERSON"
    return None, None, ""


# Quote marks, not apostrophes (a sentence with "l'Italia" or "Trump'ın" holds no quote).
_QUOTE_MARKS = "“”„‟«»‹›\"「」『』"


def _speaker_of_sentence_before(text: str, sent_lo: int, speakers: Speakers, lang: str
                                ) -> tuple[str | None, str | None, str]:
    """The person who speaks in the sentence before `sent_lo`, one with a speech verb and no quote
    marks: a name right after its last speech verb ('…, sagte Chefvolkswirt Thomas Gitzel von der
    VP Bank.'), not one after a "that" ('Die Agentur schrieb, es sei erfreut, dass Keating …'), else
    the name it opens on ('Maas betonte, …'). A person, by name: no body, no pronoun."""
    lo = _sentence_before(text, sent_lo)
    sentence = text[lo:sent_lo]
    verbs = list(VERB_RE.finditer(sentence))
    if not verbs or any(mark in sentence for mark in _QUOTE_MARKS):
        return None, None, ""
    at, until = lo + verbs[-1].end(), lo + verbs[-1].start()
    that = _THAT.search(text, at, sent_lo)
    for window in ((at, min(that.start() if that else sent_lo, at + 90)), (lo, min(until, lo + 45))):
        said, name, kind = _speaker_in(text, *window, speakers, False, window[0], lang)
        if said is not None and kind == "PERSON" and said.casefold() not in _PRONOUNS:
            return said, name, kind
    return None, None, ""


# What may stand between a quote's last word and the verb after it: its closing mark, a comma, a dash
# ('"…", ha affermato oggi', '"…" – napisał').
_CLOSING = " ,\"”»'’–—-"
# "And" opening what follows a quote: the same speaker goes on ("y ha añadido", "e ha aggiunto").
_AND = re.compile(r"[\s,\"”“»«']*(?:y|e|i|und|et)\s", re.IGNORECASE)
# What opens a clause of reported content: a name after it is no speaker ("dass", "que", "che", "że").
_THAT = re.compile(r"(?<!\w)(?:dass|daß|ob|que|qu['’]|che|ch['’]|że|czy|that|whether|ki|dat|of|что|чтобы|що|щоб)(?!\w)",
                   re.IGNORECASE)


def _title_cased(quoted: str) -> bool:
    """Whether a quote is a title in Title Case: two to ten words, every one of four letters or more
    capitalised (not in capitals), no sentence's end. Not German's, whose nouns are all capitalised.
    Not `quotes_en._title_of_work`, which knows the small words English titles leave in lower case and
    takes a word in capitals as capitalised: in the other languages a title's small words are their
    own ("Orden del Fénix"), and a quote in capitals is shouted speech ("POLİS ÇAĞIRMAYIN")."""
    words = quoted.split()
    if not 2 <= len(words) <= 10 or quoted.rstrip().endswith((".", "!", "?", "…")):
        return False
    long = [w for w in words if len(re.sub(r"\W", "", w)) >= 4]
    return bool(long) and all(w[:1].isupper() and not w.isupper() for w in long)


def _names_in_marks(text: str, at: int) -> bool:
    """The « at `at` opens a short name after a word (агентству «Балтинформ»), not a quote."""
    close = text.find("»", at, at + 60)
    return close > 0 and len(text[at + 1:close].split()) <= 3 and text[:at].rstrip()[-1:].isalpha()


def _someone_between(text: str, lo: int, hi: int, speakers: Speakers, speaker: str) -> bool:
    """Another person named between two quotes: the second is no longer the first one's words."""
    last = speaker.split()[-1]
    return any(m.start >= lo and m.end <= hi and clean_name(m.text).split()[-1:] != [last]
               for m in speakers.overlapping(lo, hi, PERSON_TYPES))


@lru_cache(maxsize=1)
def _media_aliases() -> frozenset[str]:
    from storyline.clean.media import load_media

    return frozenset(load_media(None).canonical)


def rule_quotes(text: str, spans: list[QuoteSpan], speakers: Speakers, lang: str = "") -> list[Found]:
    """Direct quotes attributed by the speech verb and name beside them, plus reported speech."""
    out: list[Found] = []
    prev: Found | None = None
    for span in spans:
        quoted = span.text(text)
        found = Found(span.start, span.end, quoted, "direct")
        sent_lo, sent_hi = _sentence_bounds(text, span.start, span.end)
        after_hi = min(sent_hi if sent_hi > span.end else span.end + 150, span.end + 150)
        nxt = text.find("«", span.end, after_hi)
        while nxt >= 0 and _names_in_marks(text, nxt):
            nxt = text.find("«", nxt + 1, after_hi)  # "агентству «Балтинформ»" names the channel
        after_hi = nxt if nxt >= 0 else after_hi
        before_lo = max(sent_lo, span.start - 200, prev.end if prev else 0)
        after, before = text[span.end:after_hi], text[before_lo:span.start]
        ends = quoted.rstrip()
        said_after = VERB_RE.search(after[:60])
        verb_after = bool(said_after) and not (ends.endswith(".") and after.lstrip()[:1].isupper()) \
            and not ends.endswith(("。", "！", "？"))
        verb_before = bool(VERB_RE.search(before) or before.rstrip().endswith((":", "："))
                           or ACCORDING.search(before))
        if verb_after:
            # (not a verb of the next sentence: '"… mit sich." Ex-Bürgermeister Christoph Ahlhaus kritisierte',
            # '“…措施。”他还称': a Chinese quote that ends its sentence)
            described = description_at(text, span.end + said_after.end(), after_hi, lang) if said_after else None
            found.speaker_text, found.speaker, found.speaker_type = _speaker_in(
                text, span.end, described.clause_end if described else after_hi, speakers, False, span.end, lang)
            bare = _bare_name_after(after)
            if bare and not (lang == "de" and ner_german.is_noun(bare, ner_german.determined_nouns(text))) and not \
                    speakers.overlapping(at := text.index(bare, span.end), at + len(bare)):
                # '" … ", a déclaré Netanyahu ce week-end', before any name after it ("a commencé Beyoncé, qui a
                # exprimé Nala dans le remake du Roi Lion")
                found.speaker_text, found.speaker, found.speaker_type = _bare_speaker(bare, speakers)
            elif described and found.speaker_type != "PERSON" and (
                    resolved := described_speaker(speakers, described, span.start))[0] is not None:
                # "sentenció el dirigente socialista de Castilla y León, en su mensaje …, la investidura de
                # Sánchez": whom the description stands for, not a name further on
                found.speaker_text, found.speaker, found.speaker_type = resolved
            found.cue_start, found.cue_end = span.end, after_hi
            if lang in _VERB_FINAL and (named := _speaker_in(text, before_lo, span.start, speakers, True,
                                                             span.start, lang))[0] is not None:
                found.speaker_text, found.speaker, found.speaker_type = named  # the subject before the quote
                found.cue_start = before_lo
            if found.speaker_text is None and lang in _PRO_DROP and VERB_RE.match(after.lstrip(_CLOSING)):
                # '« … » , dijo , « … »': a verb with no subject has the one the text gave last
                if prev is not None and prev.speaker and span.start - prev.end < _GOES_ON:
                    found.speaker_text, found.speaker, found.speaker_type = _said_by(prev)
                else:
                    found.speaker_text, found.speaker, found.speaker_type = _subject_before(text, sent_lo, speakers)
        if found.speaker_text is None and verb_before and (not verb_after or lang not in UNCASED or _AND.match(after)):
            # (also where the verb after the quote named no one: '"…" y ha añadido que …', the one before's;
            # not in a script without capitals, where the rules read no subject after it: "…”医院说", a hospital)
            # "Según Mendelblit, la elección de Ginsberg Ben-Ari “no cumple …”": the one after "según",
            # else the last name before the quote
            source = _according_to(before)
            named = (_speaker_in(text, before_lo + source, span.start, speakers, False, span.start, lang)
                     if source is not None else (None, None, ""))
            if named[0] is None:
                named = _speaker_in(text, before_lo, span.start, speakers, True, span.start, lang)
            if named[0] is None and (subject := described_subject(text, before_lo, span.start, lang)):
                named = described_speaker(speakers, subject, span.start)  # 'El Presidente comentó que "…"'
            found.speaker_text, found.speaker, found.speaker_type = named
            found.cue_start, found.cue_end = before_lo, span.start
            if found.speaker_text is None and lang in _PRO_DROP and VERB_RE.match(
                    text, sent_lo + len(text[sent_lo:span.start]) - len(text[sent_lo:span.start].lstrip())):
                # "Confiesa que « … »": a sentence that opens with its verb has the last one's subject, or
                # whoever spoke in it ("… - powiedział Kraska. Dodał, że "…"")
                found.speaker_text, found.speaker, found.speaker_type = _subject_before(text, sent_lo, speakers)
                if found.speaker_text is None and prev is not None and prev.speaker and \
                        span.start - prev.end < _GOES_ON:
                    found.speaker_text, found.speaker, found.speaker_type = _said_by(prev)
                if found.speaker_text is None:
                    found.speaker_text, found.speaker, found.speaker_type = _speaker_of_sentence_before(
                        text, sent_lo, speakers, lang)
            if found.speaker_text is None and lang in _PRO_DROP and prev is not None and prev.speaker and \
                    _AND.match(before) and span.start - prev.end < _GOES_ON and \
                    not _someone_between(text, prev.end, span.start, speakers, prev.speaker):
                # '… “…” y ha añadido que el Consistorio “…”': the verb after an "and" goes on with the last quote's
                found.speaker_text, found.speaker, found.speaker_type = _said_by(prev)
        elif not verb_after and not verb_before:
            if prev is not None and prev.speaker and span.start - prev.end < _GOES_ON and \
                    not _someone_between(text, prev.end, span.start, speakers, prev.speaker):
                found.speaker_text, found.speaker, found.speaker_type = _said_by(prev)
                found.via = prev.via
            elif not text[sent_lo:span.start].strip(_QUOTE_MARKS + " \t") and _words(quoted) >= 4:
                # a quote that is a sentence of its own after one that names who spoke: 'erklärte
                # Borissow am Samstag in Sofia. „…“', 'Maas betonte, es sei nötig, neue Wege zu gehen. «…»'
                found.speaker_text, found.speaker, found.speaker_type = _speaker_of_sentence_before(text, sent_lo,
                                                                                                   speakers, lang)
        if _words(quoted) <= 3 and (found.speaker is None or before.rstrip()[-1:].isalpha()):
            continue  # a name or a term in quote marks after a word, "агентству «Балтинформ»": no speech
        if lang != "de" and _title_cased(quoted):
            continue  # a film's, a show's, a song's or a body's name: «A Star Is Born», "Love Island"
        out.append(found)
        prev = found
        speakers.remember(found.start, found.speaker, found.speaker_type or "PERSON")
    out.extend(_reported(text, spans, speakers, lang))
    out.sort(key=lambda f: f.start)
    return out


def _according_to(before: str) -> int | None:
    """Where the source after the sentence's last "según", "selon", "laut" … begins, when no verb of
    saying and no colon come after it: the quote is then that source's whatever names follow."""
    last = next(reversed(list(ACCORDING.finditer(before))), None)
    if last is None or VERB_RE.search(before, last.end()) or before.rstrip().endswith((":", "：")):
        return None
    return last.end()


def _bare_name_after(after: str) -> str | None:
    """A surname alone right after the verb that follows a quote ("a déclaré Netanyahu", "dijo
    Sánchez", "sagte Merkel"), which the rules, needing a cue for one word, did not read as a name."""
    said = VERB_RE.match(after, len(after) - len(after.lstrip(" ,–—-")))
    word = _BARE_NAME.match(after[said.end():]) if said else None
    return word.group(1) if word and _may_be_surname(word.group(1)) else None


# One capitalised word (or two joined by a hyphen: "Walter-Borjans") after a verb, an adverb between at
# most ("a répondu brusquement Gantz"), a form of address ("déclare le Dr di Lollo") and a particle before it.
_BARE_NAME = re.compile(r"(?:\s+\w+(?:ment|mente))?"
                        r"(?:(?:\s+(?:le|la|el|il|der|die))?\s+(?:Dr|Prof|Me|Mme|Mr|Mrs|Ms)\.?)?"
                        r"\s+((?:(?:di|de|da|del|della|van|von|du|dos)\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-ÿā-ž'’-]{2,}"
                        r"(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-ÿā-ž'’]+)?)(?=[\s,.;:)]|$)")


def _bare_name_before(before: str) -> str | None:
    """A surname alone right before the verb of reported speech ("Brinson ha detto che", "Kelsey
    dijo que"); not a sentence's opening adverb ("Ayer"), a German title ("Der Staatsanwalt sagte")
    or the last word of a longer name ("el Ministerio de Defensa dijo que")."""
    word = re.search(r"(?<![\w'’.-])([A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-ÿā-ž'’-]{2,})\s*$", before)
    if word is None or word.group(1).lower() in FUNCTION_WORDS or ner_german.is_title(word.group(1)):
        return None
    previous = before[:word.start()].split()[-1:]
    if previous and (previous[0][:1].isupper() or previous[0] in _JOINS):
        return None
    return word.group(1) if _may_be_surname(word.group(1)) else None


def _may_be_surname(name: str) -> bool:
    """Whether one capitalised word beside a speech verb can be who spoke: no article or pronoun,
    title, medium, country or city (nor its genitive, "sagte Deutschlands")."""
    return name.lower() not in _NOT_NAMES | FUNCTION_WORDS and not is_title_word(name) and \
        name not in _media_aliases() and not any(
        country_code(place) or place in world_cities() for place in (name, name[:-1]))


def _bare_speaker(name: str, speakers: Speakers) -> tuple[str, str, str]:
    """(speaker_text, speaker, speaker_type) of a lone surname: the person the article names in full
    with it, if it does; a platform is a body ("Facebook a déclaré que")."""
    return name, speakers.surnames.get(name.split()[-1], name), "ORG" if name in PLATFORMS else "PERSON"


_JOINS = frozenset("de del della di da von van der du des y e et und".split())


# Capitalised words after a speech verb that name no one: articles, pronouns, months and days.
_NOT_NAMES = frozenset("""
der die das ein eine er sie es el la los las un una le les il lo gli het de een hij zij ze the he she they it
this that ce cette lui elle ils elles man wir ich yo je ja on ona oni pan pani
""".split())


# A quote this few characters after the last one may go on in its speaker's words.
_GOES_ON = 400


def _said_by(found: Found) -> tuple[str | None, str | None, str]:
    """(speaker_text, speaker, speaker_type) of a quote, to give the next one."""
    return found.speaker_text, found.speaker, found.speaker_type


_GENITIVE = re.compile(r"\b(?:du|de la|des|del|della|dello|degli|dei|di|of the|of|von|van)\s", re.I)


def _genitive(text: str, lo: int, verb: int, said: str | None) -> bool:
    """Whether the name before the verb belongs to a title in the genitive, its subject being
    someone else named by a common noun ("Le porte-parole du président Emmanuel Macron a déclaré",
    "El rival del primer ministro Benjamin Netanyahu dijo"); not a title's own portfolio ("le
    ministre de l'Intérieur Karl Nehammer", "la portavoz del ministerio Ana Díaz")."""
    at = text.rfind(said, lo, verb) if said else -1
    if at < 0:
        return False
    links = list(_GENITIVE.finditer(text, lo, at))
    between = text[links[-1].end():at].split() if links else []
    # the genitive opens on its title ("du Premier ministre israélien", not "della forza operativa generale")
    return 1 <= len(between) <= 4 and any(is_title_word(w) for w in between[:2])


def _subject_before_apposition(text: str, lo: int, verb: int, speakers: Speakers) -> tuple[str | None, str | None,
                                                                                          str]:
    """The person who opens the sentence when an apposition stands between them and the verb: in
    "Annegret Kramp-Karrenbauer, chef de la CDU de la chancelière Angela Merkel, a confirmé lundi
    qu'elle ..." the name inside the commas is not who speaks. The subject opens the sentence (a
    title or an article before it at most: "La ministra Lucia Azzolina,") and ends at the first
    comma; one adverb may follow the apposition's."""
    head = text[lo:verb]
    last, first = head.rfind(","), head.find(",")
    if not 0 < first < last or len(head[last + 1:].split()) > 1:
        return None, None, ""
    for m in speakers.overlapping(lo, lo + first, PERSON_TYPES):
        before = text[lo:m.start].split()
        if m.start >= lo and not text[m.end:lo + first].strip() and len(before) <= 2 and not any(
                w.lower() in _PREPOSITIONS for w in before):
            return m.text, speakers.full_name(m), "PERSON"
    return None, None, ""


# Words that open a phrase before the subject, not a title: "En un mensaje de Año Nuevo, ..."
_PREPOSITIONS = frozenset("en in dans con with a à de di del della du des da por per pour par para su sur nel".split())


def _reported(text: str, spans: list[QuoteSpan], speakers: Speakers, lang: str = "") -> list[Found]:
    def quoted(i: int) -> bool:
        return any(s.start <= i < s.end for s in spans)

    out: list[Found] = []
    for m in [*RU_INDIRECT.finditer(text), *OTHER_INDIRECT.finditer(text)]:
        if quoted(m.start()):
            continue
        lo, hi = _sentence_bounds(text, m.start(), m.end())
        clause = text[m.end():hi].rstrip(" .")
        if len(clause.split()) < 3:
            continue
        found = Found(m.end(), m.end() + len(clause), clause, "indirect", cue_start=lo, cue_end=m.end())
        named = _subject_before_apposition(text, lo, m.start(), speakers)
        gap = m.groupdict().get("gap")  # (a Russian cue has none)
        told = gap is not None and TOLD.match(gap)
        if named[0] is None:  # the subject after the verb ("dijo el ministro que"), unless the listener
            named = _speaker_in(text, lo, m.start("gap") if told else m.end(), speakers, True, m.start(), lang)
        if named[0] is None and (described := described_subject(text, lo, m.end(), lang) or (
                None if told or gap is None else described_after(text, m.start(), m.end(), lang))):
            # "El Presidente comentó que", "dijo el ministro que"
            named = described_speaker(speakers, described, m.start())
        if told:  # a body told is the channel ("ha detto a KMOV che")
            found.via = next((clean_name(b.text) for b in speakers.overlapping(m.start("gap"), m.end("gap"), ORG_TYPES)
                              if b.start >= m.start("gap")), None)
        if _genitive(text, lo, m.start(), named[0]):
            named = (None, None, "")  # "Le principal rival du Premier ministre Benjamin Netanyahu a déclaré": the rival
        elif named[0] is None and (bare := _bare_name_before(text[lo:m.start()])):
            named = _bare_speaker(bare, speakers)  # "Brinson ha detto che …"
        found.speaker_text, found.speaker, found.speaker_type = named
        out.append(found)
    for m in ACCORDING.finditer(text):
        if quoted(m.start()):
            continue
        lo, hi = _sentence_bounds(text, m.start(), m.end())
        comma = text.find(",", m.end(), hi)
        if comma < 0 or m.start() - lo > 3:
            continue
        # "Selon le porte-parole du gouvernement, Claire Dumas, …": the name in apposition belongs to the phrase
        start = comma + 1 + len(text[comma + 1:]) - len(text[comma + 1:].lstrip())
        for person in speakers.overlapping(start, start + 1, PERSON_TYPES):
            if person.start == start and text[person.end:person.end + 1] == ",":
                comma = person.end
        # ... and so does a title in apposition after the source's name ("Nach Angaben von Maoz Rosenthal,
        # Politikexperte vom Zentrum in Herzlija, hat …")
        nxt = text.find(",", comma + 1, hi)
        head = text[comma + 1:nxt].split()[:1] if nxt > 0 else []
        if head and (is_title_word(head[0]) or (lang == "de" and ner_german.is_title(head[0]))):
            comma = nxt
        clause = text[comma + 1:hi].strip().rstrip(".")
        if len(clause.split()) < 3:
            continue
        start = text.find(clause, comma)
        found = Found(start, start + len(clause), clause, "indirect", cue_start=m.start(), cue_end=comma)
        found.speaker_text, found.speaker, found.speaker_type = _speaker_in(text, m.end(), comma, speakers, False,
                                                                            m.start(), lang)
        if found.speaker_text:
            out.append(found)
    return out
