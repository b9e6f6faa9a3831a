"""Language detection and word counts of transcripts."""

from __future__ import annotations

import pytest

from toolkit.language import count_words, detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Also wir haben das schon mal versucht, aber es ist nicht so einfach.", "de"),
        ("I: Wie läuft die Einführung der E-Akte bei Ihnen?\n\nB: Ja, die ist noch nicht da.", "de"),
        ("Well, I think that is fine, but the data is not there yet.", "en"),
        ("MODERATOR: Can you open the second page now?\n\nYeah, I think that is the one.", "en"),
    ],
    ids=["german", "german-transcript", "english", "english-transcript"],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    ("default", "expected"), [("de", "de"), ("en", "en")], ids=["default-de", "default-en"]
)
def test_detect_language_without_function_words_uses_the_default(default: str, expected: str) -> None:
    assert detect_language("12:30 -- 4711, XYZ!", default=default) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bürger:innen", 1),
        ("E-Akte", 1),
        ("Die E-Akte für Bürger:innen", 4),
        ("Bürger*innen und Lehrer:innen", 3),
        ("don't stop", 2),
        ("Grüße, Straße und Öffnungszeiten!", 4),
        ("  Hallo,\n\tWelt!  ", 2),
        ("", 0),
        ("- ... ?!", 0),
    ],
    ids=[
        "gender-colon",
        "hyphen",
        "sentence",
        "gender-star",
        "apostrophe",
        "umlauts-and-sharp-s",
        "whitespace",
        "empty",
        "punctuation-only",
    ],
)
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected


def test_count_words_keeps_the_gender_gap_form_whole() -> None:
    assert count_words("Mitarbeiter_innen") == 1
