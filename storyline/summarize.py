"""A neutral, extractive multi-source summary in which every sentence cites its sources.

Method (after Gillick & Favre's ICSI summariser, the strongest published extractive system on
DUC 2004): the facts of a story are approximated by *concepts*, stemmed word bigrams that are not
made only of stop words, and a concept is worth mostly the share of articles that mention it.
Counting articles rather than occurrences is what makes the summary multi-source: a bigram that
one outlet repeats ten times is one outlet's angle, a bigram that seven outlets print is the
story. Concepts in fewer than `min_df` articles are dropped (noise, one outlet's colour). ICSI
weighs a concept by that count alone; here a six-weight logistic model (`CONCEPT_MODEL`) also
reads whether the articles carry it in their lead, how early it first appears, how often, and
whether it holds a number, which is worth about +1 ROUGE-2 on the clusters it was fitted on and
little on held-out ones (see bench/summaries.py). The summary is the set of sentences that
covers the most concept weight within the word budget: each concept counts once, so two
sentences saying the same thing buy nothing twice, which is how redundancy is avoided; a
content-word overlap check also keeps out pairs that say one fact in different words.

Selection is greedy with cost scaling (gain / length^r, Lin & Bilmes 2010), improved by single
swaps, then made exact by a branch and bound over the same objective (`_exact`: the integer
program of Gillick & Favre, solved with numpy bounds in about 0.1 s a story, so the core needs no
solver). Greedy stops a few per cent of concept weight short of the optimum; reaching it is worth
about +0.3 ROUGE-2 on DUC 2004 (bench/summaries.py). Candidates are filtered for neutrality:
no questions, no quote fragments or sentences mostly in quotation marks, no first or second
person outside quotes, no datelines or bylines, no fragments too short to state a fact.

Citations: a sentence cites the article it was taken from and every other article with a
sentence that *carries the same information*, defined as: at least `support_overlap` of the
summary sentence's content bigrams (stemmed, the same concepts as above but before any document
frequency filter) also occur in that one other sentence, or the two sentences share at least
`support_overlap` of their content words both ways (a paraphrase with a changed word order). A
single sentence must hold the overlap, not the whole article, so that scattered words never make
a citation. The output is ordered by confirmation: most citing sources first, then by weight, so
the best-confirmed facts lead and a reader (or a cut) that stops early keeps them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.clean.captions import speaks_of_a_photo, speaks_to_the_reader
from storyline.clean.datelines import after_dateline
from storyline.clean.wire_text import without_factbox_intro, without_tickers
from storyline.entities.scripts import UNSPACED_CHAR
from storyline.model import Article, SummarySentence
from storyline.summarize_text import QUOTED, points_back, quotation_piece, split_sentences, stem, words

# Weights of the concept model, in the order of `concept_features`: a logistic regression of "this
# bigram is in a human reference summary" (share of the 4 references), fitted on the even DUC 2004
# dev clusters only by `bench/summaries.py --fit`.
CONCEPT_MODEL = (0.706, 1.769, 1.186, 0.953, 0.546, -2.454)


@dataclass(frozen=True)
class SummarySettings:
    """Knobs of the summariser; the defaults were tuned on the even DUC 2004 dev clusters only."""

    # Sentences shorter than this (in words) rarely state a whole fact; longer ones waste budget.
    min_words: int = 8
    max_words: int = 55
    # A concept must appear in this many articles (capped by a share of the story's size, so a
    # three-article story still has concepts).
    min_df: int = 3
    min_df_share: float = 0.3
    # Cost scaling exponent of the greedy pass: 1 = pure density, 0 = pure gain.
    cost_exponent: float = 1.0
    # A story's lead states its facts: a concept's weight counts the articles that have it in one of
    # their first `lead_sentences` sentences. A sentence's own gain may also be divided by
    # 1 + position_decay * (its index in the article); with the exact selection that costs ROUGE-2
    # (the concept model already reads position), so it is off.
    lead_sentences: int = 2
    position_decay: float = 0.0
    concept_model: tuple[float, ...] = CONCEPT_MODEL
    # A share of the words inside quotation marks above this drops the sentence (neutrality).
    max_quoted: float = 0.4
    # Candidate pool for the swap search, best first by density.
    pool: int = 120
    # Share of a sentence's content bigrams (or words) another sentence must carry to be cited.
    support_overlap: float = 0.5
    # Two summary sentences with this content-word overlap (of the shorter) are near-duplicates.
    duplicate_overlap: float = 0.55
    # Drop sentences that open on a pronoun or connective that points back ("He said", "But the"):
    # out of their article they read as a non sequitur (English only).
    skip_dangling: bool = True
    # Search nodes of the exact selection after the greedy one (0 = greedy only).
    exact_nodes: int = 5000


DEFAULT_SETTINGS = SummarySettings()


@dataclass
class _Sentence:
    """One candidate: where it came from, its text, and its concepts."""

    article: int
    index: int
    text: str
    length: int
    content: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    concepts: tuple[int, ...] = ()
    weight: float = 0.0
    usable: bool = True


# "PHNOM PENH, Cambodia (AP) _", "BRUSSELS, Belgium (AP) -", "LONDON —", "HALDEN, (MNA) –": a wire dateline
# that opens a sentence.
_DATELINE = re.compile(r"^[A-Z][A-Z .'\-]{2,}(?:,\s*[A-Z][\w .]*)?,?\s*(?:\([^)]{1,30}\))?\s*(?:_|-|—|–|--|:)\s+(?=\S)")
_BYLINE = re.compile(r"^(?:by|from|von|par|por|di|от|автор)\s+[A-Z]", re.IGNORECASE)
# A fact-check states the claim it checks under a label ("Claim" / "Claim:", then "Former ambassador
# X has a net worth of $17 million."; rated false below): the claim is the page's subject, not its
# statement, and no summary may tell it as a fact.
_CLAIM_WORD = r"^\W*(?:the\s+)?claims?(?:\s+reviewed)?"
_CLAIM_LABEL = re.compile(_CLAIM_WORD + r"\W*$", re.IGNORECASE)
_CLAIM_OPENING = re.compile(_CLAIM_WORD + r"\s*:", re.IGNORECASE)
_ENGLISH_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each either few for from further had has have
having he her here hers herself him himself his how however i if in into is it its itself just may me might
more most must my myself no nor not now of off on once only or other ought our ours ourselves out over own
same shall she should so some such than that the their theirs them themselves then there these they this
those though through to too under until up upon us very was we were what when where which while who whom
whose why will with within without would yet you your yours yourself yourselves s t d ll m re ve
""".split())
_PERSONAL = frozenset({"i", "me", "my", "we", "our", "us", "you", "your", "ich", "wir", "je", "nous", "vous",
                       "я", "мы", "вы", "yo", "nosotros"})


def summarize(articles: list[Article], words: int = 100,
              settings: SummarySettings | None = None) -> list[SummarySentence]:
    """The story's summary: at most `words` words (`word_count`), every sentence cited."""
    settings = settings or DEFAULT_SETTINGS
    if not articles or words <= 0:
        return []
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published or "", articles[i].source))
    texts = [articles[i].text or "" for i in order]
    stop, english = _stopwords(texts)
    sentences = _candidates(texts, stop, english, settings)
    if not sentences:
        return []
    weights = _concept_weights(sentences, len(texts), settings)
    _attach_concepts(sentences, weights, settings)
    chosen = _select(sentences, weights, words, settings)
    summary = []
    for s in chosen:
        support = _supporting(s, sentences, settings)
        own = articles[order[s.article]].source
        sources = [own, *sorted({articles[order[a]].source for a in support} - {own})]
        summary.append((len(sources), s.weight, -s.article, -s.index, SummarySentence(s.text, sources)))
    summary.sort(key=lambda t: t[:4], reverse=True)
    return [t[-1] for t in summary]


def _stopwords(texts: list[str]) -> tuple[frozenset[str], bool]:
    """The story's function words and whether it is English.

    The language is the one whose justext stoplist the text uses most (`pick_stopwords`). For
    English a short list of function words replaces justext's: justext's lists hold the 400-odd
    most frequent Wikipedia words, content words among them ("government", "president",
    "death"), and a bigram of two of those is exactly the kind of concept a summary must keep.
    """
    from storyline.clean.lines import pick_stopwords

    lines = [s for t in texts for s in t.split("\n") if s.strip()]
    stop, _ = pick_stopwords(lines)
    english = {"the", "and", "of", "which"} <= stop
    return (_ENGLISH_STOP if english else stop), english


def _candidates(texts: list[str], stop: frozenset[str], english: bool,
                settings: SummarySettings) -> list[_Sentence]:
    """Every sentence of every article, with a flag for those fit to be quoted in a summary."""
    out: list[_Sentence] = []
    for a, text in enumerate(texts):
        label = ""
        for i, raw in enumerate(split_sentences(text)):
            sentence = without_factbox_intro(without_tickers(_DATELINE.sub("", after_dateline(raw), count=1).strip()))
            toks = words(sentence)
            stems = [stem(w, english) for w in toks]
            content = frozenset(s for w, s in zip(toks, stems, strict=True) if w not in stop and not w.isdigit())
            stopped = [w in stop for w in toks]
            bigrams = frozenset((stems[k], stems[k + 1]) for k in range(len(stems) - 1)
                                if not (stopped[k] and stopped[k + 1]))
            s = _Sentence(a, i, sentence, word_count(sentence), content, bigrams)
            s.usable = _fit(sentence, toks, settings) and not (
                english and settings.skip_dangling and toks and points_back(toks)) \
                and not _CLAIM_LABEL.match(label) and not _CLAIM_OPENING.match(sentence)
            label = raw
            out.append(s)
    return out


# Up to four words printed twice in a row: with eight letters or more in all, a translation model's
# loop, never a sentence a reader should be given as the story ("that that", "had had" count not,
# nor one capitalised word twice: "Jendry Andrés Fernández Fernández" is a Spanish double surname).
_REPEAT = re.compile(r"(?<!\w)(\w+(?:[ \t]+\w+){0,3})[ \t]+\1(?!\w)", re.IGNORECASE)


_THRICE = re.compile(r"(?<!\w)(\w{4,})(?:[ \t]+\1){2}(?!\w)", re.IGNORECASE)  # "Başkanı Başkanı Başkanı"


def _stutters(text: str) -> bool:
    if _THRICE.search(text):
        return True
    for m in _REPEAT.finditer(text):
        words = m.group(1)
        a_name_twice = " " not in words and words[0].isupper() and text[m.end() - len(words)].isupper()
        if sum(c.isalpha() for c in words) >= 8 and not a_name_twice:
            return True
    return False


def word_count(text: str) -> int:
    """Words as a reader counts them: whitespace-separated, and for Chinese and Japanese (no
    spaces) one word per 1.5 characters, the average length of a word there."""
    n = len(text.split())
    cjk = len(UNSPACED_CHAR.findall(text))
    return max(n, math.ceil(cjk / 1.5)) if cjk else n


def _fit(text: str, toks: list[str], settings: SummarySettings) -> bool:
    """Whether a sentence may stand in a neutral summary on its own."""
    n = word_count(text)
    if n < settings.min_words or n > settings.max_words:
        return False
    if ("?" in text or " | " in text or text.endswith(":") or text.startswith(("(", "[")) or _BYLINE.match(text)
            or speaks_of_a_photo(text) or speaks_to_the_reader(text)):
        return False  # a question, a page's furniture ("February 24 , 2011 04:37 pm | Two men charged ..."), ...
    if not re.search(r"[.!。！…]['\"”’»)]*$|''$", text):
        return False  # a headline, a caption, a cut line
    if quotation_piece(text):
        return False  # one piece of a quotation that runs over several sentences
    if _stutters(text):
        return False  # a machine translation's loop ("Çalışanlarımızda çalışanlarımızda çalışanlarımızda")
    quoted = sum(len(m.group(0).split()) for m in QUOTED.finditer(text))
    if quoted > settings.max_quoted * n:
        return False
    outside = words(QUOTED.sub(" ", text))
    return not any(w in _PERSONAL for w in outside)


def concept_features(sentences: list[_Sentence], n_docs: int,
                     settings: SummarySettings) -> dict[tuple, tuple[float, ...]]:
    """Concept -> what says it is central, for concepts in enough articles.

    Features, all scaled by the story's size so a 3-article and a 50-article story read alike:
    share of articles that have it; share that have it in their first `lead_sentences`
    sentences (a news lead states the facts); log occurrences per article; mean over its
    articles of 1/(1 + index of the first sentence that has it); whether it holds a digit (dates,
    tolls and counts are what references keep); and a constant.
    """
    docs: dict[tuple, set[int]] = {}
    leads: dict[tuple, set[int]] = {}
    first: dict[tuple, dict[int, int]] = {}
    tf: dict[tuple, int] = {}
    for s in sentences:
        for b in s.bigrams:
            docs.setdefault(b, set()).add(s.article)
            tf[b] = tf.get(b, 0) + 1
            seen = first.setdefault(b, {})
            if s.article not in seen:  # sentences come in article order
                seen[s.article] = s.index
            if s.index < settings.lead_sentences:
                leads.setdefault(b, set()).add(s.article)
    min_df = max(1, min(settings.min_df, math.ceil(settings.min_df_share * n_docs)))
    out = {}
    for b, d in docs.items():
        if len(d) < min_df:
            continue
        position = sum(1.0 / (1 + i) for i in first[b].values()) / len(d)
        digit = float(any(c.isdigit() for c in b[0] + b[1]))
        out[b] = (len(d) / n_docs, len(leads.get(b, ())) / n_docs, math.log(tf[b] / n_docs), position, digit, 1.0)
    return out


def _concept_weights(sentences: list[_Sentence], n_docs: int, settings: SummarySettings) -> dict[tuple, float]:
    """Concept -> the model's probability that a person summarising the story would keep it."""
    weights = {}
    for b, f in concept_features(sentences, n_docs, settings).items():
        z = sum(w * x for w, x in zip(settings.concept_model, f, strict=True))
        weights[b] = 1.0 / (1.0 + math.exp(-z))
    return weights


def _attach_concepts(sentences: list[_Sentence], weights: dict[tuple, float], settings: SummarySettings) -> None:
    index = {b: k for k, b in enumerate(sorted(weights))}
    for s in sentences:
        s.concepts = tuple(sorted(index[b] for b in s.bigrams if b in index))
        s.weight = sum(weights[b] for b in s.bigrams if b in index)


def _select(sentences: list[_Sentence], weights: dict[tuple, float], budget: int,
            settings: SummarySettings) -> list[_Sentence]:
    """Sentences covering the most concept weight within the budget, no two near-duplicates."""
    w = [weights[b] for b in sorted(weights)]
    decay = settings.position_decay

    def value(s: _Sentence) -> float:
        return 1.0 / (1.0 + decay * s.index)

    pool = [s for s in sentences if s.usable and s.concepts and s.length <= budget]
    pool.sort(key=lambda s: (-s.weight * value(s) / s.length, s.article, s.index))
    pool = _dedupe_pool(pool[: settings.pool], settings)
    if not pool:
        return []

    def score(chosen: Sequence[_Sentence]) -> float:
        covered: set[int] = set()
        total = 0.0
        for s in chosen:
            for c in s.concepts:
                if c not in covered:
                    covered.add(c)
                    total += w[c] * value(s)
        return total

    chosen: list[_Sentence] = []
    covered: set[int] = set()
    used = 0
    while True:
        best, best_key = None, 0.0
        for s in pool:
            if s in chosen or used + s.length > budget or _duplicates(s, chosen, settings):
                continue
            gain = sum(w[c] for c in s.concepts if c not in covered) * value(s)
            key = gain / s.length ** settings.cost_exponent
            if key > best_key:
                best, best_key = s, key
        if best is None:
            break
        chosen.append(best)
        covered.update(best.concepts)
        used += best.length
    chosen = _improve(chosen, pool, budget, score, settings)
    if settings.exact_nodes > 0:
        chosen = _exact(pool, w, budget, settings, chosen)
    return chosen


def _exact(pool: list[_Sentence], w: list[float], budget: int, settings: SummarySettings,
           incumbent: list[_Sentence]) -> list[_Sentence]:
    """The set of sentences that covers the most concept weight within the budget, found by branch and
    bound (Gillick & Favre solve the same problem as an integer program; greedy selection stops a
    few per cent short of its optimum, and those per cent are facts left out).

    Depth first, taking or leaving the sentence of best marginal density; a branch is cut when even a
    fractional knapsack of the remaining sentences' marginal gains (an upper bound, coverage being
    submodular) cannot beat the best set found. The greedy selection is the first best set, so the
    result is never worse than it, and `exact_nodes` caps the search (0.1 s a story in practice).
    """
    import numpy as np

    n = len(pool)
    cover = np.zeros((n, len(w)))
    for k, s in enumerate(pool):
        cover[k, list(s.concepts)] = 1.0
    weight = np.asarray(w, dtype=float)
    length = np.array([s.length for s in pool], dtype=float)
    index = {id(s): k for k, s in enumerate(pool)}
    near = np.array([[j != k and _overlap(a.content, b.content) >= settings.duplicate_overlap
                      for j, b in enumerate(pool)] for k, a in enumerate(pool)], dtype=bool)

    def coverage(ks: list[int]) -> float:
        return float(cover[ks].max(axis=0) @ weight) if ks else 0.0

    start = [index[id(s)] for s in incumbent if id(s) in index]
    best = [coverage(start), start]
    nodes = [0]

    def search(chosen: list[int], free: np.ndarray, open_weight: np.ndarray, value: float, room: float) -> None:
        nodes[0] += 1
        if value > best[0] + 1e-9:
            best[0], best[1] = value, list(chosen)
        free = free[length[free] <= room]
        if not len(free) or nodes[0] > settings.exact_nodes:
            return
        gains = cover[free] @ open_weight
        density = gains / length[free]
        bound, left = 0.0, room
        for i in np.argsort(-density):
            if gains[i] <= 0:
                break
            take = min(1.0, left / length[free[i]])
            bound += gains[i] * take
            left -= length[free[i]] * take
            if left <= 0:
                break
        if value + bound <= best[0] + 1e-9:
            return
        pick = int(np.argmax(density))
        k = int(free[pick])
        rest = free[free != k]
        search([*chosen, k], rest[~near[k][rest]], open_weight * (1.0 - cover[k]), value + float(gains[pick]),
               room - length[k])
        search(chosen, rest, open_weight, value, room)

    search([], np.arange(n), weight.copy(), 0.0, float(budget))
    return [pool[k] for k in best[1]]


def _improve(chosen: list[_Sentence], pool: list[_Sentence], budget: int, score, settings: SummarySettings,
             rounds: int = 3) -> list[_Sentence]:
    """Swap one chosen sentence for one or two unchosen ones while that raises coverage."""
    best = score(chosen)
    for _ in range(rounds):
        improved = False
        for k in range(len(chosen) + 1):
            rest = chosen[:k] + chosen[k + 1:] if k < len(chosen) else list(chosen)
            room = budget - sum(s.length for s in rest)
            for s in pool:
                if s in rest or s.length > room or _duplicates(s, rest, settings):
                    continue
                trial = [*rest, s]
                value = score(trial)
                if value > best + 1e-9:
                    best, chosen, improved = value, trial, True
                    break
        if not improved:
            break
    return chosen


def _dedupe_pool(pool: list[_Sentence], settings: SummarySettings) -> list[_Sentence]:
    """Keep the first of near-identical sentences (wire copy reprinted by several outlets)."""
    out: list[_Sentence] = []
    for s in pool:
        if not any(_overlap(s.content, t.content) >= 0.9 for t in out):
            out.append(s)
    return out


def _duplicates(s: _Sentence, chosen: Sequence[_Sentence], settings: SummarySettings) -> bool:
    return any(_overlap(s.content, t.content) >= settings.duplicate_overlap for t in chosen)


def _overlap(a: frozenset, b: frozenset) -> float:
    """Shared share of the smaller set."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _supporting(s: _Sentence, sentences: list[_Sentence], settings: SummarySettings) -> set[int]:
    """Articles other than the sentence's own with one sentence that carries its information."""
    need = settings.support_overlap
    found: set[int] = set()
    for t in sentences:
        if t.article == s.article or t.article in found:
            continue
        if s.bigrams and len(s.bigrams & t.bigrams) >= need * len(s.bigrams):
            found.add(t.article)
        elif s.content and t.content:
            shared = len(s.content & t.content)
            if shared >= need * len(s.content) and shared >= need * len(t.content):
                found.add(t.article)
    return found
