"""A person the story's Latin-script sources name, found where an Arabic, Persian, Hebrew, Chinese,
Japanese or Korean source prints the name in its own script (ترامب, 特朗普, トランプ, 트럼프 are Trump).

No model here reads these scripts and they have no capitals for the rules to read, so such a page
named no person at all: its people were missing from the story's entities. But a page in these
scripts writes a foreign name by its sound, and the story's other sources say whose names to
listen for. Each name is reduced to a skeleton of sound classes (the consonants, with the letters
each script confuses in one class: b/p, f/v, t/d, k/g/q, s/z/sh/j, m/n, l/r), and a word of the
page whose skeleton is a name's is that person's mention.

A three-class skeleton is some word of any page, so the check is narrow: only the story's persons
named in full are looked for; Arabic script must agree on the long vowels it writes (بدون,
"without", has Biden's consonants but a و where Biden has an e), and no word with the article or
a noun's ending is a name; Chinese is read only in runs of the characters it writes foreign names
with, as many syllables as the name has and vowels Chinese writes for the name's (普通, "ordinary",
is no Biden); a place CLDR names is no person. Measured on the SemEval pairs' store (scratch):
the 44 mentions found in its 81 stories with such pages are all of the right name; against 40
persons drawn at random from other stories for each of its 331 Arabic and Chinese pages, 33
words matched, some of them rightly (a Trump named in passing), where the first version of
these checks matched 166.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache

from storyline.entities.ner_uncased import UNCASED, english_name, sentence_ends
from storyline.model import Article, Mention

# -- Latin names ------------------------------------------------------------------------------

_DIGRAPHS = (("sch", "S"), ("tch", "S"), ("ch", "S"), ("sh", "S"), ("zh", "S"), ("th", "T"), ("ph", "F"),
             ("kh", "K"), ("gh", "K"), ("ck", "K"), ("qu", "K"), ("ts", "S"), ("tz", "S"), ("dzh", "S"), ("dj", "S"))
_CONSONANT = {"b": "B", "p": "B", "f": "F", "v": "F", "t": "T", "d": "T", "k": "K", "g": "K", "q": "K", "c": "K",
              "s": "S", "z": "S", "j": "S", "x": "KS", "m": "M", "n": "M", "l": "R", "r": "R", "h": "H"}
_VOWELS = set("aeiouyw")


_SOUNDED = str.maketrans({"ć": "ch", "č": "ch", "š": "sh", "ž": "zh", "ß": "ss"})


def _folded(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.lower().translate(_SOUNDED))  # Rakitić: ch, not c
    return "".join(c for c in text if "a" <= c <= "z")


Skeleton = tuple[tuple[str, str], ...]


@lru_cache(maxsize=8192)
def latin_skeleton(name: str) -> Skeleton:
    """(sound class, Latin vowels after it) for each consonant of a Latin word, the vowels before
    the first consonant as a leading ("", vowels) entry."""
    word = _folded(name)
    if word.endswith("ng") and len(word) > 3:  # one nasal: Browning is 布朗宁 bu-lang-ning
        word = word[:-1]
    out: list[tuple[str, str]] = [("", "")]
    i = 0
    while i < len(word):
        c = word[i]
        if c in _VOWELS:
            out[-1] = (out[-1][0], out[-1][1] + c)
            i += 1
            continue
        graph = next((g for g in _DIGRAPHS if word.startswith(g[0], i)), None)
        if graph:
            i += len(graph[0])
            cls = graph[1]
        elif word.startswith("cc", i) and word[i + 2:i + 3] in ("e", "i"):  # Italian: Acciardo
            i += 2
            cls = "S"
        else:
            cls = "S" if c == "c" and word[i + 1:i + 2] in ("e", "i", "y") else _CONSONANT.get(c, "")
            i += 1
        for k in cls:
            if out[-1][0] != k or out[-1][1]:  # a doubled letter is one sound
                out.append((k, ""))
    return tuple(out)


def _classes(skeleton: Skeleton) -> str:
    return "".join(cls for cls, _ in skeleton)


# -- Arabic, Persian and Hebrew: written consonants and long vowels -----------------------------

_ARABIC = {
    "ب": "B", "پ": "B", "ف": "F", "ڤ": "F", "ت": "T", "ط": "T", "د": "T", "ذ": "T", "ض": "T", "ظ": "T", "ث": "S",
    "ج": "S", "چ": "S", "ژ": "S", "س": "S", "ص": "S", "ز": "S", "ش": "S", "ك": "K", "ک": "K", "ق": "K", "گ": "K",
    "غ": "K", "خ": "K", "ح": "H", "ه": "H", "ل": "R", "ر": "R", "م": "M", "ن": "M",
    "ا": "a", "أ": "a", "إ": "a", "آ": "a", "ى": "a", "و": "w", "ؤ": "w", "ي": "y", "ی": "y", "ئ": "y",
    "ع": "", "ء": "", "ة": "",
}
_HEBREW = {
    "ב": "B", "פ": "F", "ף": "F", "ת": "T", "ט": "T", "ד": "T", "ג": "K", "כ": "K", "ך": "K", "ק": "K", "ח": "K",
    "ה": "H", "ש": "S", "ס": "S", "צ": "S", "ץ": "S", "ז": "S", "ל": "R", "ר": "R", "מ": "M", "ם": "M", "נ": "M",
    "ן": "M", "א": "a", "ע": "", "ו": "w", "י": "y",
}
# A written long vowel stands for these Latin vowels: و for o/u (Putin بوتين), ي for i/e (Merkel
# ميركل), alef for any (Trump ترامب). A name of three sound classes is held to the narrower reading
# (alef for a or e, or with ي for an i: Biden بايدن), and to two long vowels written at least, which
# keeps Arabic's short words out (بشأن, "about", and مدير, "director", have Buzyn's and Inter's
# consonants).
_WRITTEN_VOWEL = {"a": set("aeiouy"), "w": set("ouw"), "y": set("ieyj")}
_STRICT_VOWEL = {"a": set("ae"), "w": set("ou"), "y": set("iey")}
# Arabic glues "and", "by", "for" and "as" to the next word (وترامب, لترامب; بايدن is no ب + ايدن: the
# bare word is tried first); a word with the article (الجمعة, "Friday") is no foreign name.
_ARABIC_PREFIXES = ("و", "ف", "ب", "ل", "ك")
_HEBREW_PREFIXES = ("ו", "ה", "ב", "ל", "מ", "ש", "כ")
_ABJAD_WORD = re.compile(r"[\u0621-\u065F\u0671-\u06D3\u05D0-\u05EA]+")  # letters (and harakat), no digits or commas
# The article, alone or after "by", "and", "for" (البعض, بالعمل, للمرضى): a noun, no foreign name.
_ARTICLE = ("ال", "بال", "وال", "فال", "كال", "لل")


@lru_cache(maxsize=65536)
def abjad_skeleton(word: str, lang: str) -> Skeleton:
    """(sound class, written long vowels after it), as `latin_skeleton`, of an Arabic, Persian or
    Hebrew word; a Hebrew word's final ה is a vowel."""
    table = _HEBREW if lang == "he" else _ARABIC
    if lang == "he" and word.endswith("ה"):
        word = word[:-1]
    out: list[tuple[str, str]] = [("", "")]
    for ch in word:
        cls = table.get(ch)
        if cls is None:
            continue
        if cls and cls in "awy":
            out[-1] = (out[-1][0], out[-1][1] + cls)
        elif cls and (out[-1][0] != cls or out[-1][1]):
            out.append((cls, ""))
    return tuple(out)


def _vowels_agree(latin: Skeleton, written: Skeleton, loose: bool = False) -> bool:
    """Every long vowel the page writes stands where the Latin name has a vowel it may write; a
    word-final و or ي may also close a name on a consonant's sound (نتنياهو). `loose`: a given name
    beside its surname, held to that only (خليفة, Khalifa)."""
    strict = len(latin) <= 4 and not loose  # the leading entry and three classes
    if strict and sum(len(wv) for _, wv in written) < 2:
        return False
    table = _STRICT_VOWEL if strict else _WRITTEN_VOWEL
    for i, ((_, lv), (_, wv)) in enumerate(zip(latin, written, strict=True)):
        if i == len(latin) - 1 and not lv and not strict:
            continue
        for v in wv:
            if not table[v] & set(lv) and not (strict and v == "a" and "y" in wv and "i" in lv):
                return False
    return True


# -- Chinese, Japanese, Korean: syllables -------------------------------------------------------

# The characters Chinese writes foreign names with (the Xinhua tables' common syllables): a name
# is read only in a run of these, so ordinary words, whose syllables could spell any skeleton, are
# not read as names.
_TRANSLITERATION_HAN = frozenset(
    "阿埃艾爱安昂奥澳巴拜班邦包保鲍贝本比彼毕宾波伯博布查察达戴丹道德登迪蒂丁东杜多厄恩尔法凡范菲"
    "费芬丰冯佛弗福富盖甘冈戈哥格根古瓜圭哈海汉杭豪赫黑亨洪胡华怀惠霍基吉济加贾简杰捷金京卡凯坎康考"
    "柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里理利莉列林琳龙隆娄卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米敏明"
    "莫姆默穆纳娜奈南瑙内尼妮宁纽努诺欧帕潘庞佩彭蓬皮珀蒲普奇齐恰乔切钦琴琼丘萨塞赛桑瑟森沙莎尚舍"
    "施什史舒斯松苏索塔泰坦汤唐特滕提廷通图托瓦万旺威韦维温文沃乌伍西希锡夏谢辛欣休修许逊薛雅亚扬"
    "耶伊因英尤于约泽扎詹兹佐祖左"
    "歇丽夫娃琪黛露茜薇珍珊芙斐洁贡葛黎柳孟缅摩牟乃楠涅挪坡屈荣茹瑞若绍申陶翁武肖叶宗朱茨白圣")
_HAN_LETTERS = "".join(sorted(_TRANSLITERATION_HAN))
_HAN_RUN = re.compile(f"[{_HAN_LETTERS}·•]{{2,}}")
_KANA_RUN = re.compile(r"[\u30A0-\u30FF]{2,}")
_HANGUL_WORD = re.compile(r"[\uAC00-\uD7A3]{2,}")
# Korean particles glued to a name (트럼프는, 트럼프의), longest first.
_KOREAN_TAILS = ("에게서", "으로", "에게", "와의", "과의", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과",
                 "도", "로", "측")
# Sounds one script writes for another's once in a name, where every vowel agrees: chi or ji for ti
# (プーチン, 普京: Putin), Japanese fu for hu (ネタニヤフ, Netanyahu), Korean's p for f, which it lacks;
# a given name beside its surname may also have Chinese ji for a hard g (吉塔, Geeta).
_NEAR_BY_LANGUAGE = {"ja": frozenset({frozenset("HF")}), "ko": frozenset({frozenset("BF")})}
_TI, _KI = frozenset("TS"), frozenset("KS")
_LOOSE = frozenset({frozenset("KS"), frozenset("HF"), frozenset("BF")})
# A Chinese name followed by one of these is a place's (弗吉尼亚州, Virginia State).
_PLACE_SUFFIXES = frozenset("州省市县郡岛河山湖港国城村镇")
_PINYIN_INITIALS = {"q": "ch", "x": "sh", "c": "ts"}


def _romanized(text: str) -> str:
    from anyascii import anyascii

    return anyascii(text).lower()


@lru_cache(maxsize=8192)
def _syllabic_skeleton(piece: str, lang: str) -> Skeleton:
    """`latin_skeleton` of a Chinese, Japanese or Korean spelling, read by its syllables: a Chinese
    syllable's -ng is its nasal (特朗普 te-lang-pu is T R M B, Trump's)."""
    if lang in ("zh", "ko"):  # a character a syllable; Korean's final ㅇ is -ng too (마크롱, Macron)
        syllables = [_romanized(ch) for ch in piece if ch not in "·•"]
        if lang == "zh":  # pinyin's q, x and c are ch, sh and ts
            syllables = [_PINYIN_INITIALS.get(sy[:1], sy[:1]) + sy[1:] if sy[:2] != "ch" else sy for sy in syllables]
        text = "".join(sy[:-1] if sy.endswith("ng") else sy for sy in syllables)
    else:
        text = _romanized(piece)
    return latin_skeleton(text)


def _vowel_class(vowels: str) -> str:
    v = vowels[:1]
    return "I" if v in ("e", "i", "y") else "U" if v in ("o", "u", "w") else v


def _syllabic_match(found: Skeleton, wanted: list[tuple[str, Skeleton]],
                    lang: str, loose: bool = False) -> str | None:
    """The wanted name whose sound classes the spelling has (one near sound allowed where every vowel
    agrees), that opens on a vowel where the spelling does; of several, the one whose vowels agree
    most (Biden and Putin are both B T M: 普京 pu-jing has Putin's vowels). `loose`, for a given name
    before its surname: any one near sound, or an l or r the spelling leaves out (唐纳德, Donald)."""
    classes = _classes(found)
    best, best_score = None, -1
    near = _NEAR_BY_LANGUAGE.get(lang, frozenset())
    if lang == "zh" and not loose:
        wanted = [*wanted, *((s, r) for s, latin in wanted if len(r := _non_rhotic(s)) < len(latin))]
    for surname, latin in wanted:
        if bool(found[0][1]) != bool(latin[0][1]):
            continue
        other = _classes(latin)
        if loose and len(other) == len(classes) + 1:
            other = next((o for k in range(len(other)) if other[k] == "R"
                          and (o := other[:k] + other[k + 1:]) == classes), other)
        if len(other) != len(classes):
            continue
        apart = [(k, frozenset(pair)) for k, pair in enumerate(zip(classes, other, strict=True)) if pair[0] != pair[1]]
        agree = sum(_vowel_class(a[1]) == _vowel_class(b[1]) for a, b in zip(found, latin, strict=False) if b[1])
        vowels = sum(1 for _, v in latin if v)
        if apart:
            k, pair = apart[0]
            if len(apart) > 1 or not ((loose and pair in _LOOSE) or
                                      ((pair in near or _palatal(pair, other[k], latin[k + 1][1], lang))
                                       and agree == vowels)):
                continue
        if lang == "zh" and not loose and not _chinese_vowels_fit(found, latin):
            continue
        if agree > best_score:
            best, best_score = surname, agree
    return best


def _palatal(pair: frozenset[str], latin_class: str, vowels: str, lang: str) -> bool:
    """A t before i written chi or ji (プーチン, 普京: Putin), and in Chinese, which has no ki or gi,
    a k or g before i or e written ji or qi (拉基蒂奇, Rakitić)."""
    front = vowels[:1] in ("i", "e", "y")
    return (pair == _TI and latin_class == "T" and vowels[:1] == "i") or (
        lang == "zh" and pair == _KI and latin_class == "K" and front)


@lru_cache(maxsize=8192)
def _non_rhotic(name: str) -> Skeleton:
    """The name's skeleton without an r between a vowel and a consonant or the end, as Chinese
    writes names by their British sound (马歇尔 Marshall, 桑德斯 Sanders, 布隆伯格 Bloomberg)."""
    return latin_skeleton(_R_AFTER_VOWEL.sub("", _folded(name)))


_R_AFTER_VOWEL = re.compile(r"(?<=[aeiouy])r(?![aeiouy])")


# The vowels Chinese writes for a Latin vowel (Trump's u is te-lang-pu's a).
_HAN_VOWELS = {"a": set("aeo"), "e": set("eia"), "i": set("iea"), "o": set("oua"), "u": set("uoa"), "y": set("iea"),
               "w": set("uoa")}


def _chinese_vowels_fit(found: Skeleton, latin: Skeleton) -> bool:
    """Each consonant the name voices has a vowel in the Chinese syllables too, one Chinese writes for
    it: 东西 dong-xi has Thomas's consonants but no vowel after the m, 普通 pu-tong Biden's but an o
    for his e. Chinese's e and a lone u are its neutral vowels (特 te, 克 ke, 普 pu: any Latin vowel,
    or a consonant alone), and an unstressed e after an n may go (琼斯, Jones)."""
    for (cls, written), (_, vowels) in zip(found[1:], latin[1:], strict=True):
        if not vowels or "e" in written or written == "u" or (written == "o" and cls in "BFM"):
            continue
        if not written and not (cls == "M" and vowels[0] == "e"):
            return False
        if written and not _HAN_VOWELS.get(vowels[0], set()) & set(written):
            return False
    return True


def _syllables_fit(characters: int, latin: Skeleton) -> bool:
    """Whether a Chinese spelling of this many characters can write the name: a syllable for each
    consonant with a vowel after it, at most one for each other but a nasal closing a syllable
    (Trump te-lang-pu: three), one more for an opening vowel, and one to spare. 弗吉尼亚, four
    syllables, is no Putin (pu-jing: two)."""
    lead = 1 if latin[0][1] else 0
    voiced = sum(1 for cls, vowels in latin[1:] if vowels)
    closing = sum(1 for cls, vowels in latin[1:] if cls == "M" and not vowels)
    return voiced + lead <= characters <= len(latin) - 1 - closing + lead + 1


# -- finding the story's persons ------------------------------------------------------------------

def _surnames(mentions: Iterable[Mention]) -> dict[str, set[str]]:
    """The last words of the story's Latin-script persons named in full somewhere (a one-word
    "person" is as often a tagger's slip, and every name looked for is one more chance that some
    word of a page sounds like it), of two sound classes or more; each with the given names printed
    before it."""
    given: dict[str, set[str]] = {}
    for m in mentions:
        words = m.text.split()
        if m.type == "PERSON" and m.language not in UNCASED and len(words) >= 2 and words[-1][:1].isupper() \
                and not words[-1].isupper():  # "RCMP": letters, not a sound
            given.setdefault(words[-1], set()).add(words[0])
    return {s: names for s, names in sorted(given.items()) if len(latin_skeleton(s)) > 2}


def story_persons_in_other_scripts(articles: Sequence[Article], mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions of the story's Latin-script persons in its Arabic, Persian, Hebrew, Chinese, Japanese
    and Korean articles: the text is the person's Latin surname (which the story's resolution ties
    to the name in full, as it does a bare surname in English), or the full name where the page
    prints a given name of the story's before it (唐纳德·特朗普, Donald Trump); `printed` the page's
    spelling."""
    if not any(article.language in UNCASED for article in articles):
        return []
    surnames = _surnames(mentions)
    if not surnames:
        return []
    # a skeleton of three classes at least on its own (Kim's K M is some syllable of any page); of
    # two, only with a given name of the story before its middle dot (乔伊·里德, Joy Reid)
    wanted = [(surname, latin_skeleton(surname)) for surname in surnames if len(latin_skeleton(surname)) > 3]
    short = [(surname, latin_skeleton(surname)) for surname in surnames if len(latin_skeleton(surname)) == 3]
    given_names = {surname: [(g, latin_skeleton(g)) for g in sorted(names) if len(latin_skeleton(g)) > 2]
                   for surname, names in surnames.items()}
    out: list[Mention] = []
    for article in articles:
        text, lang = article.text, article.language
        if lang not in UNCASED or not text:
            continue
        ends = sentence_ends(text)
        hits = list(_hits(text, lang, wanted)) if wanted else []
        for start, end, printed, surname in [*hits, *(_dotted_short(text, lang, short) if short else ())]:
            name = surname
            given = _given_name_before(text, lang, start, given_names[surname])
            if given:
                start, name = given[0], f"{given[1]} {surname}"
                printed = text[start:end]
            elif len(latin_skeleton(surname)) == 3:
                continue
            out.append(Mention(source=article.source, text=name, start=start, end=end, type="PERSON",
                               sentence=bisect_right(ends, start), language=lang, printed=printed))
    return out


# A whole part of two or three characters after a middle dot (katakana without its own dot, ・).
_DOTTED_SURNAME = {lang: re.compile(rf"[·•・]([{letters}]{{2,3}})(?![{letters}])")
                   for lang, letters in (("zh", _HAN_LETTERS), ("ja", "\u30a0-\u30fa\u30fc-\u30ff"))}


def _dotted_short(text: str, lang: str, short: list[tuple[str, Skeleton]]
                  ) -> Iterable[tuple[int, int, str, str]]:
    """Surnames of two sound classes printed as a whole part after a middle dot in Chinese or
    Japanese (the caller then asks for the given name before the dot)."""
    pattern = _DOTTED_SURNAME.get(lang)
    if pattern is None:
        return
    for m in pattern.finditer(text):
        piece = m.group(1)
        fits = [(s, latin) for s, latin in short if lang != "zh" or _syllables_fit(len(piece), latin)]
        match = _syllabic_match(_syllabic_skeleton(piece, lang), fits, lang) if fits else None
        if match:
            yield m.start(1), m.end(1), piece, match


def _given_name_before(text: str, lang: str, start: int, names: list[tuple[str, Skeleton]]) -> tuple[int, str] | None:
    """(start, given name) where the word before a surname is one of the given names (of two sound
    classes or more) its person bears in the story: the part before a middle dot in Chinese and
    Japanese, the word before elsewhere."""
    if not names:
        return None
    if lang in ("zh", "ja"):
        if start < 3 or text[start - 1] not in "·•・":
            return None
        letters = _TRANSLITERATION_HAN if lang == "zh" else None
        first = start - 1
        while first > 0 and start - 1 - first < 6 and (
                text[first - 1] in letters if letters else "\u30a0" <= text[first - 1] <= "\u30ff"):
            first -= 1
        candidates = [(i, text[i:start - 1]) for i in range(first, start - 2)]
    else:
        word = re.search(r"(\S+)[ \t]$", text[max(0, start - 40):start])
        candidates = [(start - 1 - len(word.group(1)), word.group(1))] if word else []
    for at, token in candidates:
        if lang in ("ar", "fa", "he"):
            skeleton = abjad_skeleton(token, lang)
            match = next((g for g, latin in names if _classes(latin) == _classes(skeleton)
                          and _vowels_agree(latin, skeleton, loose=True)), None)
        else:
            match = _syllabic_match(_syllabic_skeleton(token, lang), names, lang, loose=True)
        if match:
            return at, match
    return None


def _hits(text: str, lang: str, wanted: list[tuple[str, Skeleton]]) -> Iterable[tuple[int, int, str, str]]:
    if lang in ("ar", "fa", "he"):
        yield from _abjad_hits(text, lang, wanted)
        return
    if lang in ("zh", "ja"):
        pattern = _HAN_RUN if lang == "zh" else _KANA_RUN
        for hit in pattern.finditer(text):
            for start, end, piece, match in _run_hits(hit.start(), hit.group(), lang, wanted):
                if not english_name(piece) and text[end:end + 1] not in _PLACE_SUFFIXES:
                    yield start, end, piece, match
        return
    if lang == "ko":
        for hit in _HANGUL_WORD.finditer(text):
            word = hit.group()
            stems = [word[: -len(tail)] for tail in _KOREAN_TAILS if word.endswith(tail)] + [word]
            for stem in stems:
                found = _syllabic_skeleton(stem, lang)
                match = _syllabic_match(found, wanted, lang) if len(stem) >= 2 and len(_classes(found)) >= 3 else None
                if match:
                    yield hit.start(), hit.start() + len(stem), stem, match
                    break


def _abjad_hits(text: str, lang: str, wanted: list[tuple[str, Skeleton]]
                ) -> Iterable[tuple[int, int, str, str]]:
    """Words of an Arabic, Persian or Hebrew text that write a wanted name: its sound classes (Hebrew's
    פ and ב are p or f and b or v alike), the long vowels it writes agreeing; not a word with the
    article (but for a name that has it: al-Serraj, السراج), a feminine, plural or adverbial ending
    (ة, ات, ـًا: nouns and adverbs, no foreign names) or a place CLDR names."""
    def key(classes: str) -> str:
        return classes.replace("F", "B") if lang == "he" else classes

    by_classes: dict[str, list[tuple[str, Skeleton]]] = {}
    for surname, skeleton in wanted:
        by_classes.setdefault(key(_classes(skeleton)), []).append((surname, skeleton))
    prefixes = _HEBREW_PREFIXES if lang == "he" else _ARABIC_PREFIXES
    for hit in _ABJAD_WORD.finditer(text):
        word = hit.group()
        if lang != "he" and word.endswith(("ة", "ات", "ً", "اً")):
            continue
        article = lang != "he" and word.startswith(_ARTICLE)
        for cut in ("", *prefixes):
            rest = word[len(cut):]
            if not word.startswith(cut) or len(rest) < 3 or (article and cut):
                continue
            skeleton = abjad_skeleton(rest, lang)
            match = next((s for s, latin in by_classes.get(key(_classes(skeleton)), [])
                          if _vowels_agree(latin, skeleton) and (not article or _folded(s).startswith(("al", "el")))),
                         None)
            if match:
                if lang == "he" or not english_name(word):
                    yield hit.start() + len(cut), hit.end(), rest, match
                break


def _run_hits(start: int, run: str, lang: str, wanted: list[tuple[str, Skeleton]]
              ) -> Iterable[tuple[int, int, str, str]]:
    """Names in a run of transliteration characters or katakana: a whole part of it between middle
    dots, or, for a name of four sound classes or more, a stretch at either end of a part (唐纳德特朗普
    is Donald Trump without the dot); longest first. A short name inside a longer run is some other
    name's syllables (尔特南 in 克萨尔特南戈, Quetzaltenango, is no Altın)."""
    offset = 0
    for part in re.split(r"([·•・])", run):
        if len(part) == 1 and part in "·•・":
            offset += 1
            continue
        # a stretch leaves two characters at least, a name's worth (杰森戴维斯 is Jason Davis: no 森戴维斯)
        pieces = [(0, len(part))] + [(i, j) for size in range(min(len(part) - 2, 6), 1, -1)
                                    for i, j in ((0, size), (len(part) - size, len(part)))]
        taken: list[tuple[int, int]] = []
        for i, j in pieces:
            if any(i < b and a < j for a, b in taken):
                continue
            found = _syllabic_skeleton(part[i:j], lang)
            whole = (i, j) == (0, len(part))
            if len(_classes(found)) < (3 if whole else 4):
                continue
            fits = wanted if lang != "zh" else [(s, latin) for s, latin in wanted if _syllables_fit(j - i, latin)]
            match = _syllabic_match(found, fits, lang)
            if match:
                taken.append((i, j))
                yield start + offset + i, start + offset + j, part[i:j], match
        offset += len(part)
