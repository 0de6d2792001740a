"""Comparing names across scripts, transliteration schemes and machine-translation spellings.

News about one event names the same person as Евгений Бужинский, Yevgeny Buzhinsky, Evgeny
Bujinsky or Mr. Buzhinsky, and the same town as Shusha, Shushi or Choucha (French). The resolver
needs three things from this module: one Latin spelling for any script (`to_latin`), an exact key
that ignores case, punctuation, titles and diacritics (`name_key`), and a *skeleton* that also
folds the letters transliteration schemes disagree about (y/i/j, kh/h, sh/ch, zh/j, ou/u, doubled
letters), compared token by token so first names meet first names and surnames meet surnames.

Everything here errs on the side of keeping names apart (`same_person_name`): a missed merge costs
a reader one more line, a wrong merge (Putin with Peskov, Ilham with Heydar Aliyev) makes a story
lie. String similarity alone cannot tie a garbled Babinski to Buzhinsky; that is the resolver's
job, with roles and context as evidence.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from storyline.entities import scripts

__all__ = [
    "country_code", "fold", "initials", "is_abbreviation", "latin_variants", "name_key", "name_similarity",
    "same_person_name", "skeleton", "surname", "to_latin", "tokens",
]

_CYRILLIC = re.compile(r"[\u0400-\u04FF\u0500-\u052F]")

# Letters NFKD does not decompose into a base letter and a mark.
_SPECIAL = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H",
    "ŋ": "ng", "ĸ": "k", "ſ": "s",
})

def fold(text: str) -> str:
    """Latin text without diacritics (Baïramov -> Bairamov, Łódź -> Lodz); other scripts untouched."""
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


_CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF\u0500-\u052F]+")


def _russian_word(match: re.Match[str]) -> str:
    """One word by iuliia's Wikipedia scheme; a word in capitals stays in capitals (БУЖИНСКИЙ ->
    BUZHINSKY, not the BUZhINSKY iuliia writes)."""
    import iuliia

    word = match.group(0)
    latin = iuliia.WIKIPEDIA.translate(word)
    return latin.upper() if len(word) > 1 and word.isupper() else latin


@lru_cache(maxsize=65536)
def to_latin(text: str) -> str:
    """`text` in Latin letters: Cyrillic by the Wikipedia scheme (Евгений Бужинский -> Yevgeny
    Buzhinsky, the spelling English-language news mostly uses), or Ukraine's national one when the
    text has a Ukrainian or Belarusian letter (Володимир Зеленський -> Volodymyr Zelenskyi); Greek,
    Armenian and Georgian by simple national tables; diacritics folded everywhere. Latin text only
    loses its diacritics."""
    if _CYRILLIC.search(text):
        text = scripts.ukrainian(text) if scripts.is_ukrainian(text) else _CYRILLIC_WORD.sub(_russian_word, text)
    return fold(scripts.other_scripts_in_latin(text))


# Russian renders foreign names by sound, and a few of its conventions lose what the Latin original
# wrote: Japanese shi/chi are си/ти (Polivanov), English "a" in Gayle or Caddis is э, an initial W is
# у before a vowel (Уэйн = Wayne), and -ey is ей. Each rule gives one more reading of the name.
_FOREIGN_READINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in [
    (r"си", "ши"), (r"ти", "чи"), (r"дзи", "джи"),
    (r"э", "а"),
    (r"\bу(?=[аиоэе])", "в"),
    (r"ей\b", "и"),
])
_READING_GROUPS = ((0, 3), (3, 4), (4, 5), (5, 6))


@lru_cache(maxsize=65536)
def latin_variants(text: str) -> tuple[str, ...]:
    """`to_latin(text)` first, then for Cyrillic the readings a foreign name's Russian transcription
    may stand for (Кэддис -> Keddis, Kaddis; Уэйн -> Ueyn, Veyn). Latin text with letters whose
    mark is a sound also gives that sound spelt out (Vučić -> Vucic, Vuchich; Peña -> Pena, Penya),
    which is how Russian and English-language agencies often render it. To match names, take the
    best score over the variants of each side."""
    out = [to_latin(text)]
    if not _CYRILLIC.search(text):
        sounded = to_latin(text.translate(_LETTER_SOUNDS))
        return tuple(out) if sounded == out[0] else (out[0], sounded)
    low = text.lower()
    for lo, hi in _READING_GROUPS:
        changed = low
        for pattern, repl in _FOREIGN_READINGS[lo:hi]:
            changed = pattern.sub(repl, changed)
        if changed != low:
            variant = to_latin(changed)
            if variant not in out:
                out.append(variant)
    return tuple(out)


# Titles and forms of address that precede a name and say nothing about who it is.
HONORIFICS = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady madam madame mme mlle m monsieur herr frau
sr sra srta signor signora sig rev fr gen col maj capt lt sgt cdr adm hon the
""".split())
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})
_APOSTROPHES = re.compile(r"['’ʼ`´ʻ‘]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The exact comparison key: Latin, lower case, no punctuation, no leading titles.

    `Mr. Pashinyan`, `PASHINYAN` and `Пашинян` all give `pashinyan`. Apostrophes vanish
    (O'Brien -> obrien), hyphens and other punctuation become spaces (Nagorno-Karabakh ->
    nagorno karabakh). A title alone (`Mr.`) is kept rather than emptied.
    """
    low = _APOSTROPHES.sub("", to_latin(text).lower())
    words = _NON_WORD.sub(" ", low).split()
    i = 0
    while i < len(words) - 1 and words[i] in HONORIFICS:
        i += 1
    return " ".join(words[i:])


def tokens(text: str) -> list[str]:
    """The words of `name_key(text)`."""
    return name_key(text).split()


def generation(words: tuple[str, ...]) -> frozenset[str]:
    """The generation a name's suffix marks ("jr", "iii"): Martin Luther King Jr. and Martin Luther
    King III are father and son."""
    return frozenset({"junior": "jr", "senior": "sr"}.get(w, w) for w in words if w in _SUFFIXES)


def surname(text: str) -> str:
    """The family name as a key: the last word, skipping Jr./III and initials (`V. Putin` -> putin)."""
    words = [w for w in tokens(text) if w not in _SUFFIXES]
    return words[-1] if words else ""


# Skeleton: fold the spellings transliteration schemes and languages disagree about. Ordered:
# longer clusters first. Each rule is (pattern, replacement) applied to a lower-case Latin token.
_SKELETON_RULES: list[tuple[re.Pattern[str], str]] = [(re.compile(p), r) for p, r in [
    (r"(?<=[^aeiouy])yo", "e"),                      # Russian ё, mostly printed е: Kovalyov / Kovalev, Fyodor
    (r"(?<=g)u(?=[eiy])", ""),                      # French gu before e/i: Serguei / Sergei
    (r"ai|ay|ei|ey", "ei"),                         # Baïramov / Beiramov, Kaiser / Keyser
    (r"eau|au(?=[^aeiou]|$)", "o"),                 # French and German au (Beaugrand / Bogran)
    (r"shch|sch|tsch|tch|sh|ch|sj|sz|cz|ş|š", "S"),   # Shusha / Choucha / Szusza; Ch-Sh merge is deliberate
    (r"dzh|dj|dż|dž|dz(?=[aeiou])|zh|zs|ž|j(?=[aeiou])", "J"),  # Dzhabarov / Djabarov; zh / j (Bujinsky);
    # Polish dz for a foreign j (Kim Dzong Un)
    (r"kh|ch|h", "H"),
    (r"ck|q|c(?=[aou]|$|[^aeiouy])|k", "K"),
    (r"tz|ts|c|z", "Z"),                            # ts / tz / c (Polish, Czech) / z (German)
    (r"ph|f", "F"),
    (r"th", "t"),
    (r"gh", "g"),
    (r"w|v", "V"),
    (r"x", "KS"),
    (r"ou|oo|u", "U"),
    (r"^[yj]e|(?<=[aeoiU])[yj](?=e)", "e"),          # Yevgeny / Evgeny, Aliyev / Aliev, Sergeyev / Sergeev
    (r"y|j|i", "I"),                                # i / y / j, -iy / -y / -ij endings
]]
# Letters whose diacritic changes the sound, spelt out before folding would drop the mark
# (Bijedić = Biyedich, Dvořák = Dvorzhak, Peña = Penya, Müller = Myuller as Russian writes it).
_LETTER_SOUNDS = str.maketrans({
    "č": "ch", "ć": "ch", "š": "sh", "ś": "sh", "ş": "sh", "ž": "zh", "ź": "zh", "ż": "zh", "ř": "rzh", "ñ": "ny",
    "Č": "Ch", "Ć": "Ch", "Š": "Sh", "Ś": "Sh", "Ş": "Sh", "Ž": "Zh", "Ź": "Zh", "Ż": "Zh", "Ř": "Rzh", "Ñ": "Ny",
    "ö": "yo", "ü": "yu", "Ö": "Yo", "Ü": "Yu",
})
_SOUND_LETTERS = re.compile("[čćšśşžźżřñöüČĆŠŚŞŽŹŻŘÑÖÜ]")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=262144)
def skeleton(token: str) -> str:
    """A transliteration-blind key for one word: Pashinyan, Pachinian and Pashinian give one
    skeleton, as do Aliyev/Aliev, Yevgeny/Evgeny/Jevgenij and Shusha/Choucha. Diacritics are
    dropped first (Vučić = Vucic, as English news mostly prints it; `latin_variants` gives the
    spelling that sounds them out). Lossy on purpose: use it to find candidates and for
    similarity, not as proof that two names are one."""
    s = name_key(token).replace(" ", "")
    for pattern, repl in _SKELETON_RULES:
        s = pattern.sub(repl, s)
    s = re.sub(r"(?<=[aeoU])I(?=[aeoU])", "", s)   # Aliyev/Aliev, Mayakovsky/Maiakovskii after folding
    s = _DOUBLE.sub(r"\1", s)
    return s.replace("S", "x").lower()


def _token_similarity(a: str, b: str) -> float:
    """Similarity of two words in 0..1: the better of the plain and the skeleton Levenshtein ratio."""
    if a == b:
        return 1.0
    plain = Levenshtein.normalized_similarity(a, b)
    ska, skb = skeleton(a), skeleton(b)
    if ska == skb:
        return max(plain, 0.95)
    return max(plain, Levenshtein.normalized_similarity(ska, skb))


def _is_initial(word: str) -> bool:
    return len(word) == 1


def _initial_fits(initial: str, word: str) -> bool:
    """`V` fits Vladimir; `E` and `Y` both fit Yevgeny/Evgeny (schemes disagree about the first letter)."""
    if word.startswith(initial):
        return True
    return skeleton(initial)[:1] == skeleton(word)[:1] or (initial in "ey" and word[:2] in ("ye", "ev", "ie"))


@lru_cache(maxsize=262144)
def name_similarity(a: str, b: str) -> float:
    """How alike two names are, 0..1, token by token and robust to transliteration variants.

    Surnames are compared with surnames; a first name missing on one side does not count against
    the pair (Mr. Pashinyan vs Nikol Pashinyan), an initial counts as a match when it fits. A
    Cyrillic name is also read as the transcription of a foreign one (`latin_variants`).
    """
    if _has_variants(a) or _has_variants(b):
        return max(_name_similarity(x, y) for x in latin_variants(a) for y in latin_variants(b))
    return _name_similarity(a, b)


def _has_variants(text: str) -> bool:
    return bool(_CYRILLIC.search(text) or _SOUND_LETTERS.search(text))


def _name_similarity(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    if ta == tb:
        return 1.0
    last = _token_similarity(surname(a) or ta[-1], surname(b) or tb[-1])
    fa, fb = [w for w in ta[:-1] if w not in _SUFFIXES], [w for w in tb[:-1] if w not in _SUFFIXES]
    if not fa or not fb:
        whole = _token_similarity("".join(ta), "".join(tb))
        return max(last * (0.9 if len(ta) != len(tb) else 1.0), whole)
    first_a, first_b = fa[0], fb[0]
    if _is_initial(first_a) or _is_initial(first_b):
        short, long_ = (first_a, first_b) if len(first_a) <= len(first_b) else (first_b, first_a)
        first = 0.9 if _initial_fits(short[0], long_) else 0.3
    else:
        first = _token_similarity(first_a, first_b)
    swapped = _token_similarity(" ".join(sorted(ta)), " ".join(sorted(tb)))
    return max(0.7 * last + 0.3 * first, swapped if sorted(ta) != ta or sorted(tb) != tb else 0.0)


def _same_word(a: str, b: str) -> bool:
    """Two words are one name spelled two ways: equal skeletons (but not a Slavic surname and its
    feminine form: Ivanov/Ivanova name different people), or, for long words only, one vowel
    changed for another in the skeleton, never in the last two letters."""
    if a == b:
        return True
    ska, skb = skeleton(a), skeleton(b)
    if ska == skb:
        return not _gender_pair(a, b)
    if min(len(ska), len(skb)) < 8 or len(ska) != len(skb):
        return False
    diffs = [i for i, (x, y) in enumerate(zip(ska, skb, strict=True)) if x != y]
    return len(diffs) == 1 and diffs[0] < len(ska) - 2 and ska[diffs[0]] in "aeiou" and skb[diffs[0]] in "aeiou"


def _gender_pair(a: str, b: str) -> bool:
    """Ivanov/Ivanova, Aliyev/Aliyeva: the feminine form of a Slavic surname is another person."""
    short, long_ = sorted((a, b), key=len)
    return long_ == short + "a" and len(short) > 3


@lru_cache(maxsize=262144)
def same_person_name(a: str, b: str) -> bool:
    """True only when `a` and `b` can be spellings of one name (conservative: prefer False).

    Surnames must be the same word up to transliteration (Pashinyan/Pachinian, Бужинский/
    Buzhinsky); first names, when both sides give one, must agree too (an initial agrees with a
    name it starts: V. Putin / Vladimir Putin); a patronymic or middle name present on one side
    only is ignored. Word order may differ (Putin Vladimir). A surname alone fits every full name
    with that surname (Aliyev: Ilham and Heydar Aliyev): the caller must check that only one does.
    """
    if _SOUND_LETTERS.search(a) or _SOUND_LETTERS.search(b):
        return any(_same_person_name(x, y) for x in latin_variants(a) for y in latin_variants(b))
    return _same_person_name(a, b)


def _same_person_name(a: str, b: str) -> bool:
    ta = [w for w in tokens(a) if w not in _SUFFIXES]
    tb = [w for w in tokens(b) if w not in _SUFFIXES]
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if _match_ordered(ta, tb):
        return True
    if len(ta) == len(tb) == 2 and _match_ordered(ta, tb[::-1]):
        return True
    if len(ta) == 1 and len(tb) == 1:
        return False
    return _same_word("".join(ta), "".join(tb)) and min(len(ta), len(tb)) == 1


def _match_ordered(ta: list[str], tb: list[str]) -> bool:
    if not _same_word(ta[-1], tb[-1]):
        return False
    fa, fb = ta[:-1], tb[:-1]
    if not fa or not fb:
        return True
    x, y = fa[0], fb[0]
    if _is_initial(x) or _is_initial(y):
        short, long_ = (x, y) if len(x) <= len(y) else (y, x)
        return _initial_fits(short, long_) and middles_agree(fa[1:], fb[1:])
    return (_same_word(x, y) or _given_name_forms(x, y)) and middles_agree(fa[1:], fb[1:])


def middles_agree(ma: list[str], mb: list[str]) -> bool:
    """Middle names both sides print agree: each word of the shorter is a word or an initial of
    the other's. Saif al-Islam and Saif al-Arab Gadhafi are two sons; a middle name one side
    leaves out (Hillary Rodham Clinton) or an initial (Ben S. Bernanke) says nothing against."""
    wa = [w for w in ma if w not in _NAME_LINKS and not _is_initial(w)]
    wb = [w for w in mb if w not in _NAME_LINKS and not _is_initial(w)]
    short, long_ = sorted((wa, wb), key=len)
    return all(any(_token_similarity(w, v) >= 0.7 or _consonants(w) == _consonants(v) for v in long_) for w in short)


def _consonants(word: str) -> str:
    """A middle name's consonants: Abdel and Abdul, Mohammed and Muhammad are one name."""
    return re.sub(r"[aeiouy]", "", skeleton(word))


# Articles and links inside Arabic, Dutch and Spanish names ("al-Islam", "van der", "de la").
_NAME_LINKS = frozenset({"al", "el", "ul", "bin", "ibn", "bint", "abu", "van", "der", "den", "von", "de", "la",
                         "del", "di", "da", "du", "y"})


# English short forms of given names that news prints for the full one (Judy / Judith Cheng-Hopkins,
# Bill / William Clinton), each with the full names it stands for; forms that stand for a man's
# and a woman's name alike (Chris, Pat, Alex, Sam) are left out.
_FORMAL_NAMES: dict[str, tuple[str, ...]] = {
    short: tuple(full.split()) for short, full in (
        ("judy", "judith"), ("bill", "william"), ("billy", "william"), ("will", "william"), ("bob", "robert"),
        ("bobby", "robert"), ("rob", "robert"), ("jim", "james"), ("jimmy", "james"), ("mike", "michael"),
        ("tony", "anthony antony"), ("dick", "richard"), ("rick", "richard"), ("tom", "thomas"),
        ("dan", "daniel"), ("dave", "david"), ("joe", "joseph"), ("ken", "kenneth"), ("liz", "elizabeth"),
        ("beth", "elizabeth"), ("kate", "katherine catherine kathryn"), ("steve", "steven stephen"),
        ("ed", "edward"), ("ted", "edward theodore"), ("ben", "benjamin"), ("nick", "nicholas"),
        ("matt", "matthew"), ("andy", "andrew"), ("jon", "jonathan"), ("larry", "lawrence"),
        ("peggy", "margaret"), ("maggie", "margaret"), ("sue", "susan"), ("jenny", "jennifer"),
        ("chuck", "charles"), ("charlie", "charles"), ("jack", "john"), ("greg", "gregory"),
        ("fred", "frederick"), ("ron", "ronald"), ("don", "donald"), ("tim", "timothy"),
        ("phil", "philip phillip"), ("newt", "newton"), ("hank", "henry"), ("harry", "henry harold"),
        ("hal", "henry harold"), ("pat", "patrick patricia"), ("sam", "samuel samantha"), ("chris", "christopher"),
        ("jeff", "jeffrey geoffrey"), ("jerry", "gerald jerome"), ("terry", "terence"), ("frank", "francis franklin"),
        ("jake", "jacob"), ("bernie", "bernard"), ("ray", "raymond"), ("walt", "walter"), ("stan", "stanley"),
        ("pete", "peter"), ("doug", "douglas"), ("gene", "eugene"), ("herb", "herbert"), ("len", "leonard"),
        ("lenny", "leonard"), ("mitch", "mitchell"), ("nate", "nathan nathaniel"), ("randy", "randall"),
        ("russ", "russell"), ("vic", "victor"), ("vince", "vincent"), ("zach", "zachary"), ("abe", "abraham"),
        ("alex", "alexander alexandra"), ("cathy", "catherine"), ("kathy", "katherine kathleen"),
        ("becky", "rebecca"), ("debbie", "deborah"), ("pam", "pamela"), ("vicky", "victoria"), ("tommy", "thomas"),
        ("mickey", "michael"), ("danny", "daniel"), ("johnny", "john"), ("bert", "albert herbert"))}
_GIVEN_NAMES = frozenset(full for fulls in _FORMAL_NAMES.values() for full in fulls)


def is_given_name(word: str) -> bool:
    """Whether a word is one of the English given names whose short forms `_FORMAL_NAMES` knows."""
    return word in _FORMAL_NAMES or word in _GIVEN_NAMES


def is_short_form(a: str, b: str) -> bool:
    """Whether one given name is the other's English short form (Ken / Kenneth, Bob / Robert), or
    both are short forms of one name (Bill / Billy Nungesser, the same parish president)."""
    fuller = _FORMAL_NAMES.get(b, ())
    return b in _FORMAL_NAMES.get(a, ()) or a in fuller or any(full in fuller for full in _FORMAL_NAMES.get(a, ()))


def _given_name_forms(a: str, b: str) -> bool:
    """One given name in two forms: a short form and the full one (Judy / Judith, `_FORMAL_NAMES`),
    or two languages' forms told apart by one vowel inside the word (Aleksandar / Aleksandr): not
    at the end, which often marks gender (Juliana / Julian), and never a changed letter (Maria /
    Mario)."""
    if is_short_form(a, b):
        return True
    ska, skb = skeleton(a), skeleton(b)
    short, long_ = sorted((ska, skb), key=len)
    if len(short) < 5 or len(long_) != len(short) + 1:
        return False
    for i, ch in enumerate(long_):
        if long_[:i] + long_[i + 1:] == short:
            return ch in "aeiou" and i < len(long_) - 1
    return False


# Articles a name may open with ("El Universal", "The Times", "Der Spiegel").
LEADING_ARTICLES = frozenset("the el la le les los las il lo der die das het".split())


def spells_no_article(acronym: str, first_word: str) -> bool:
    """Whether a name's first word can give the acronym no letter: "El Universal" is no "EU" (a
    two-letter acronym spells no leading article)."""
    return len(acronym.replace(".", "")) == 2 and first_word.lower() in LEADING_ARTICLES
_STOPWORDS = frozenset("""
of and for the in on at to a an de del della di da du des la le les el los las y et und der die das van von
""".split())


def initials(text: str) -> str:
    """Upper-case initials of the content words (Nagorno-Karabakh Republic -> NKR)."""
    parts = re.split(r"[\s\-–]+", to_latin(text))
    return "".join(p[0].upper() for p in parts if p and p.lower() not in _STOPWORDS and p[0].isalpha())


def is_abbreviation(short: str, long: str) -> bool:
    """True when `short` is an acronym of `long`: NKR / Nagorno-Karabakh Republic, OSCE /
    Organization for Security and Co-operation in Europe. Words like `of`, `and`, `the` may be
    skipped or used; a hyphenated word may give one initial or one per part."""
    letters = re.sub(r"[^A-Za-z]", "", to_latin(short))
    if len(letters) < 2 or len(letters) > 12 or len(letters) >= len(re.sub(r"\W", "", long)):
        return False
    if not (letters.isupper() or (letters[0].isupper() and len(letters) <= 6)):  # NATO, Nato; not "us"
        return False
    words: list[tuple[str, bool]] = []   # (word, optional)
    latin = to_latin(long)
    mixed = not latin.isupper()
    for word in re.split(r"\s+", latin.strip()):
        parts = [p for p in re.split(r"[\-–]", re.sub(r"[^\w\-–]", "", word)) if p]
        for i, part in enumerate(parts):
            if mixed and 2 <= len(part) <= 4 and part.isupper() and part.isalpha():
                # An acronym inside the name is spelled whole: "U.S. Navy" is no "U.N."
                words.extend((c.lower(), False) for c in part)
            else:
                words.append((part.lower(), i > 0 or part.lower() in _STOPWORDS))
    if words and spells_no_article(letters, words[0][0]):
        words = words[1:]
    return _acronym_match(letters.lower(), tuple(words))


@lru_cache(maxsize=4096)
def _acronym_match(letters: str, words: tuple[tuple[str, bool], ...]) -> bool:
    if not words:
        return not letters
    (word, optional), rest = words[0], words[1:]
    if letters and word[:1] == letters[0] and _acronym_match(letters[1:], rest):
        return True
    return optional and _acronym_match(letters, rest)


from storyline.entities.countries import country_code  # noqa: E402  (re-exported: names is the public surface)
