"""Greek, Armenian, Georgian and Ukrainian letters in Latin, by simple national tables: enough to
compare a name printed in one of these scripts with its Latin spellings (`names.to_latin`, which
reads Russian itself, by sound, and folds diacritics after these)."""

from __future__ import annotations

import re
import unicodedata

# Chinese, Japanese (kana) and Korean characters, for a regex class: a Latin word a translation left
# among them ends where they begin (`ner_rules`, `credits`).
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")
# Chinese and Japanese only, which set no space between words: their words are counted two characters
# a word (`clean.lines`, `summarize`, `quotes_rules`); Korean has spaces.
UNSPACED_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_GREEK = re.compile(r"[\u0370-\u03FF\u1F00-\u1FFF]")
_ARMENIAN = re.compile(r"[\u0531-\u058F]")
_GEORGIAN = re.compile(r"[\u10A0-\u10FF]")

# Greek, ELOT 743 simplified: enough to turn a name into something comparable.
_GREEK_MAP = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
    "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}
_GREEK_PAIRS = {"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "μπ": "b", "ντ": "d", "γγ": "ng", "γκ": "gk"}

# Armenian (Eastern, as news agencies write it: Պաշինյան -> Pashinyan).
_ARMENIAN_MAP = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "y", "թ": "t", "ժ": "zh",
    "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h", "ձ": "dz", "ղ": "gh", "ճ": "ch",
    "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o", "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s",
    "վ": "v", "տ": "t", "ր": "r", "ց": "ts", "ւ": "v", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f", "և": "yev",
}

# Georgian (national system 2002).
_GEORGIAN_MAP = {
    "ა": "a", "ბ": "b", "გ": "g", "დ": "d", "ე": "e", "ვ": "v", "ზ": "z", "თ": "t", "ი": "i", "კ": "k",
    "ლ": "l", "მ": "m", "ნ": "n", "ო": "o", "პ": "p", "ჟ": "zh", "რ": "r", "ს": "s", "ტ": "t", "უ": "u",
    "ფ": "p", "ქ": "k", "ღ": "gh", "ყ": "q", "შ": "sh", "ჩ": "ch", "ც": "ts", "ძ": "dz", "წ": "ts",
    "ჭ": "ch", "ხ": "kh", "ჯ": "j", "ჰ": "h",
}


# Ukrainian (national system of 2010, as Ukrainian and most English-language news write names);
# Belarusian ў as w. The second spelling of a letter is the one used at the start of a word.
_UKRAINIAN_LETTERS = re.compile(r"[іїєґўІЇЄҐЎ]")
_UKRAINIAN_WORD = re.compile(r"[\u0400-\u04FF'’ʼ]+")
_UKRAINIAN_MAP = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": ("ie", "ye"), "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": ("i", "yi"), "й": ("i", "y"), "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": ("iu", "yu"), "я": ("ia", "ya"), "ў": "w", "ы": "y", "э": "e", "ё": ("io", "yo"),
    "ъ": "", "'": "", "’": "", "ʼ": "",
}


def _ukrainian_word(word: str) -> str:
    out = []
    for i, c in enumerate(word):
        low = c.lower()
        latin = _UKRAINIAN_MAP.get(low, c)
        if isinstance(latin, tuple):
            latin = latin[1] if i == 0 or word[i - 1] in "'’ʼ" else latin[0]
        elif low == "г" and i and word[i - 1].lower() == "з":
            latin = "gh"  # зг is zgh, not the zh of ж
        out.append(_cased(c, latin) if low != c else latin)
    return "".join(out)


def _cased(src: str, out: str) -> str:
    return out[:1].upper() + out[1:] if src[:1].isupper() else out


def _greek(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    out, i = [], 0
    while i < len(text):
        pair = text[i:i + 2].lower()
        if pair in _GREEK_PAIRS:
            out.append(_cased(text[i], _GREEK_PAIRS[pair]))
            i += 2
            continue
        c = text[i]
        low = c.lower()
        out.append(_cased(c, _GREEK_MAP[low]) if low in _GREEK_MAP else c)
        i += 1
    return "".join(out)


def _armenian(text: str) -> str:
    text = text.replace("ու", "u").replace("ՈՒ", "U").replace("Ու", "U")
    return "".join(_cased(c, _ARMENIAN_MAP[c.lower()]) if c.lower() in _ARMENIAN_MAP else c for c in text)


def _georgian(text: str) -> str:
    return "".join(_GEORGIAN_MAP.get(c, c) for c in text)


def is_ukrainian(text: str) -> bool:
    """Cyrillic text with a Ukrainian or Belarusian letter, read by Ukraine's national system."""
    return bool(_UKRAINIAN_LETTERS.search(text))


def ukrainian(text: str) -> str:
    return _UKRAINIAN_WORD.sub(lambda m: _ukrainian_word(m.group(0)), text)


def other_scripts_in_latin(text: str) -> str:
    """Greek, Armenian and Georgian words of `text` in Latin letters; the rest as it is."""
    if _GREEK.search(text):
        text = _greek(text)
    if _ARMENIAN.search(text):
        text = _armenian(text)
    if _GEORGIAN.search(text):
        text = _georgian(text)
    return text
