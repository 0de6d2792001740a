from __future__ import annotations

import pytest

from storyline.clean.language import detect_language


@pytest.mark.parametrize(("text", "lang"), [
    ("The harbour authority said repairs would take at least a week.", "en"),
    ("Порт Селлин в понедельник остановил контейнерные перевозки после шторма.", "ru"),
    ("La municipalité a annoncé lundi la fermeture du pont pour des réparations.", "fr"),
    ("Las autoridades evacuaron a los vecinos de tres aldeas situadas aguas abajo.", "es"),
    ("Die Behörden haben am Montag die Brücke wegen dringender Reparaturen gesperrt.", "de"),
])
def test_languages_of_news_prose(text, lang):
    assert detect_language(text) == lang


def test_too_little_text_gives_no_answer():
    assert detect_language("  ") is None
    assert detect_language("ok") is None
