"""Article-to-article similarity, for `storyline compare` and `Storyline.compare`.

It is the same judgement the story stage makes (`cluster.pair_similarity`), on texts given
directly: the key statistics (IDF) are those of all the texts compared in one call. Each text's
opening is embedded a second time on its own, a headline's view of the event that compare mixes
into the cosine (a second, short embedding per text: compare is not the firehose path).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from storyline.clean.language import detect_language
from storyline.cluster import SIMILARITY_OPENING_CHARS, pair_similarity
from storyline.embed import embedding_text, get_embedder
from storyline.ingest.errors import InputError
from storyline.signals import KeyStats, article_signals


def read_pairs(path: str, on_error: Callable[[InputError], None] | None = None) -> list[tuple[str, str, str]]:
    pairs = []
    try:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    pairs.append((str(rec.get("id", number)), str(rec["a"]), str(rec["b"])))
                except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                    if on_error:
                        on_error(InputError(f"{path}:{number}", f"not a pair {{id, a, b}} ({exc})"))
    except OSError as exc:
        if on_error:
            on_error(InputError(path, f"cannot read ({exc.strerror or exc})"))
    return pairs


def compare_pairs(pairs: Iterable[tuple[str, str, str]], embedder: str = "use") -> Iterator[tuple[str, float]]:
    pairs = list(pairs)
    if not pairs:
        return
    model = get_embedder(embedder)
    texts = [t for _, a, b in pairs for t in (a, b)]
    vectors, openings = [], []
    for start in range(0, len(texts), 64):
        vectors.extend(model.embed([embedding_text(None, t) for t in texts[start:start + 64]]))
        openings.extend(model.embed([embedding_text(None, t, SIMILARITY_OPENING_CHARS)
                                     for t in texts[start:start + 64]]))
    signals = [article_signals(i, None, t, None, detect_language(t), v)
               for i, (t, v) in enumerate(zip(texts, vectors, strict=True))]
    stats = KeyStats()
    for s in signals:
        stats.add(s.keys)
    for n, (pair_id, _, _) in enumerate(pairs):
        opening = float(openings[2 * n] @ openings[2 * n + 1])
        yield pair_id, float(pair_similarity(signals[2 * n], signals[2 * n + 1], stats, opening))
