"""Embedding stage: the interface, both shipped models, the article text helper, storage.

Kept light for a 2-core CI: one small batch per model, loaded once for the module.
"""

from __future__ import annotations

import numpy as np
import pytest

from storyline.embed import (
    Embedder,
    available_embedders,
    dequantize,
    embedding_text,
    get_embedder,
    quantize,
    register_embedder,
)

# The same event told in two languages, and two unrelated events.
STORY_EN = "A magnitude 6.8 earthquake struck eastern Turkey on Friday, killing at least 20 people."
STORY_DE = ("Ein Erdbeben der Stärke 6,8 hat am Freitag den Osten der Türkei erschüttert, "
            "mindestens 20 Menschen starben.")
OTHER_EN = "The central bank raised interest rates by a quarter point to fight inflation."
OTHER_DE = "Der Fußballverein stellte am Montag einen neuen Trainer für die kommende Saison vor."
BATCH = [STORY_EN, STORY_DE, OTHER_EN, OTHER_DE]


@pytest.fixture(scope="module", params=["use", "fast"])
def embedder(request) -> Embedder:
    return get_embedder(request.param)


def test_registry_names_and_single_load():
    assert {"use", "fast"} <= set(available_embedders())
    assert get_embedder("use") is get_embedder("use")
    with pytest.raises(ValueError):
        get_embedder("nope")


def test_any_object_with_the_shape_plugs_in():
    class Ones:
        name = "ones"
        dim = 3

        def embed(self, texts: list[str]) -> np.ndarray:
            return np.full((len(texts), 3), 3 ** -0.5, dtype=np.float32)

    register_embedder("ones", Ones)
    model = get_embedder("ones")
    assert isinstance(model, Embedder)
    assert model.embed(["a", "b"]).shape == (2, 3)


def test_shapes_normalisation_and_determinism(embedder):
    vectors = embedder.embed(BATCH)
    assert vectors.shape == (len(BATCH), embedder.dim)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    np.testing.assert_allclose(embedder.embed(BATCH), vectors, atol=1e-6)
    assert embedder.embed([]).shape == (0, embedder.dim)
    assert np.isfinite(embedder.embed(["", "   "])).all()


def test_same_story_across_languages_scores_higher(embedder):
    en, de, other_en, other_de = embedder.embed(BATCH)
    same = float(en @ de)
    assert same > float(en @ other_de), embedder.name
    assert same > float(de @ other_en), embedder.name
    assert same > float(en @ other_en), embedder.name


def test_embedding_text_takes_title_and_lead():
    body = "Ein Erdbeben erschütterte die Türkei. " * 100
    out = embedding_text("Erdbeben in der Türkei", body, max_chars=200)
    assert out.startswith("Erdbeben in der Türkei. Ein Erdbeben")
    assert len(out) <= 200 and not out.endswith(" ")
    assert out.endswith("Türkei.") or out.split()[-1] in body.split()
    # a body that already opens with its title does not get it twice
    assert embedding_text("Quake hits Turkey", "Quake hits Turkey\n\nAt least 20 died.") == \
        "Quake hits Turkey At least 20 died."
    assert embedding_text(None, "  only   body ") == "only body"
    assert embedding_text("Title only", "") == "Title only."
    # no spaces to cut at (Chinese): a plain cut
    assert len(embedding_text(None, "地震" * 800, max_chars=100)) == 100


def test_quantize_round_trip_error_bound():
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(200, 512)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    blob = quantize(vectors)
    assert len(blob) == 200 * (4 + 512)  # a quarter of float32, plus a 4-byte scale per vector
    back = dequantize(blob, 512)
    assert back.shape == vectors.shape and back.dtype == np.float32
    assert np.min(np.sum(back * vectors, axis=1)) > 0.9998
    # cosines between different vectors move by about 3e-4, never by more than 3e-3
    error = np.abs(back @ back.T - vectors @ vectors.T)
    assert error.mean() < 5e-4 and error.max() < 3e-3
    # one 1-D vector, and a zero vector, survive too
    assert dequantize(quantize(vectors[0]), 512).shape == (1, 512)
    assert not dequantize(quantize(np.zeros(8)), 8).any()
    with pytest.raises(ValueError):
        dequantize(blob[:-1], 512)


# One news sentence per language the fast model must cover.
SAMPLES = {
    "de": "Die Regierung kündigte am Montag neue Sanktionen an.",
    "en": "The government announced new sanctions on Monday.",
    "es": "El gobierno anunció nuevas sanciones el lunes.",
    "fr": "Le gouvernement a annoncé lundi de nouvelles sanctions.",
    "it": "Il governo ha annunciato lunedì nuove sanzioni.",
    "nl": "De regering kondigde maandag nieuwe sancties aan.",
    "pl": "Rząd ogłosił w poniedziałek nowe sankcje.",
    "ru": "Правительство в понедельник объявило о новых санкциях.",
    "tr": "Hükümet pazartesi günü yeni yaptırımlar açıkladı.",
    "ar": "أعلنت الحكومة يوم الاثنين عن عقوبات جديدة.",
    "zh": "政府周一宣布了新的制裁措施。",
}


def test_fast_model_file_is_small_and_covers_the_news_languages():
    from storyline.embed_static import DEFAULT_PATH, encode_pieces

    assert DEFAULT_PATH.stat().st_size <= 2 * 1024 * 1024
    model = get_embedder("fast")
    for lang, sentence in SAMPLES.items():
        pieces = encode_pieces(model, sentence)  # type: ignore[arg-type]
        # every character is read as part of a piece (none dropped as unknown)
        assert "".join(pieces).replace("▁", "") == sentence.lower().replace(" ", ""), lang
        # and words are mostly whole pieces, not letters (Chinese has no spaces to count words by)
        assert lang == "zh" or len(pieces) <= len(sentence.split()) * 2.5 + 2, (lang, pieces)
    vectors = model.embed(list(SAMPLES.values()))
    sims = vectors @ vectors.T
    assert sims[np.triu_indices(len(SAMPLES), 1)].mean() > 0.3  # the same sentence, 11 languages


def test_fast_vectors_do_not_depend_on_what_was_embedded_before():
    model = get_embedder("fast")
    texts = ["Rates: the bank held them at 4%.", "«Exit», said the minister; talks ended (for now)."]
    model._cache.clear()
    model._runs.clear()
    fresh = [model.embed([t])[0] for t in texts]
    model.embed(["a:b x«y» z(w) c;d " + " ".join(texts[::-1])])  # the same runs inside other words
    again = [model.embed([t])[0] for t in texts]
    for a, b in zip(fresh, again, strict=True):
        assert np.array_equal(a, b)


def test_embedding_text_reads_only_the_opening_yet_squeezes_white_space_as_over_the_whole_body():
    import re

    from storyline.embed import embedding_text

    def whole(title, text, max_chars):  # the plain definition: squeeze everything, then cut
        body = re.sub(r"\s+", " ", text).strip()
        head = re.sub(r"\s+", " ", title or "").strip()
        if head and body.casefold().startswith(head.casefold()):
            head = ""
        joined = (head if head[-1:] in tuple(".!?:;…。！？") else head + ".") + " " + body if head else body
        joined = joined.strip()
        if len(joined) <= max_chars:
            return joined
        cut = joined[:max_chars]
        return (cut[:cut.rfind(" ")] if cut.rfind(" ") > max_chars * 0.8 else cut).rstrip()

    texts = ["Lead sentence here." + " " * 5000 + "second", "\n\n  " + "word " * 900, "x" * 3000,
             "Straße  STRASSE " * 200, "A title\n\n" + "body text. " * 300, "   "]
    for text in texts:
        for title in (None, "", "A title", "straße", "Lead sentence"):
            for max_chars in (1000, 40):
                assert embedding_text(title, text, max_chars) == whole(title, text, max_chars), (title, text[:20])
