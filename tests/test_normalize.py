"""Bytes to stored text: encodings, line ends, Unicode normal form, and the files that are refused."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from toolkit.errors import ImportFailed
from toolkit.importers.markdown import read_markdown
from toolkit.importers.normalize import normalize_text
from toolkit.importers.text import read_text

PATH = "/daten/projekt/interview_07.txt"
GERMAN = "I: Bürger – „Amt“ für Übergänge?\nB: Ja, genau. Grüße aus Köln.\n"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(GERMAN.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + GERMAN.encode("utf-8"), id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(GERMAN.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(GERMAN.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(codecs.BOM_UTF32_LE + GERMAN.encode("utf-32-le"), id="utf-32-le-bom"),
        pytest.param(GERMAN.encode("cp1252"), id="windows-1252"),
    ],
)
def test_encodings_give_the_same_stored_text(data: bytes) -> None:
    assert read_text(data, PATH) == GERMAN


def test_windows_1252_typographic_characters() -> None:
    data = "Bürger – „Amt“ … 5 €".encode("cp1252")
    assert data.startswith(b"B\xfcrger \x96 \x84Amt\x93")  # really the Windows bytes, not UTF-8
    assert read_text(data, PATH) == "Bürger – „Amt“ … 5 €"


@pytest.mark.parametrize(
    "data,expected",
    [
        pytest.param(b"I: Hallo\r\nB: Tag\r\n", "I: Hallo\nB: Tag\n", id="crlf"),
        pytest.param(b"I: Hallo\rB: Tag\r", "I: Hallo\nB: Tag\n", id="cr"),
        pytest.param(
            b"I: Hallo\r\nB: Tag\rI: Und?\nB: Gut.", "I: Hallo\nB: Tag\nI: Und?\nB: Gut.", id="mixed"
        ),
        pytest.param(b"I: Hallo\r\n\r\nB: Tag", "I: Hallo\n\nB: Tag", id="crlf-blank-line"),
        pytest.param(b"I: Hallo\r\r\nB: Tag", "I: Hallo\n\nB: Tag", id="cr-then-crlf"),
        pytest.param(
            "I: Hallo\u2028B: Tag\u2029I: Und?".encode(), "I: Hallo\nB: Tag\nI: Und?", id="unicode-separators"
        ),
        pytest.param(
            codecs.BOM_UTF16_LE + "I: Hallo\r\nB: Tag\r\n".encode("utf-16-le"),
            "I: Hallo\nB: Tag\n",
            id="utf-16-crlf",
        ),
    ],
)
def test_line_ends_become_newlines(data: bytes, expected: str) -> None:
    text = read_text(data, PATH)
    assert text == expected
    assert "\r" not in text


def test_nfd_input_is_stored_as_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Bürger über Ämter")
    assert "u\u0308" in nfd
    text = read_text(nfd.encode("utf-8"), PATH)
    assert text == "Bürger über Ämter"
    assert unicodedata.is_normalized("NFC", text)


def test_markdown_is_normalised_the_same_way() -> None:
    data = codecs.BOM_UTF8 + "I: Bu\u0308rger\r\nB: Tag\r".encode()
    assert read_markdown(data, "interview.md") == "I: Bürger\nB: Tag\n"


@pytest.mark.parametrize(
    "text,expected",
    [
        pytest.param("u\u0308", "ü", id="nfd-to-nfc"),
        pytest.param("\ufeffI: Hallo", "I: Hallo", id="bom-stripped"),
        pytest.param("\ufeffI: Gru\u0308\u00dfe\r\n", "I: Grüße\n", id="bom-nfd-crlf"),
        pytest.param("a\x0bb\x0cc\x85d", "a\nb\nc\nd", id="vertical-tab-form-feed-nel"),
    ],
)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


def test_a_stray_control_character_is_dropped() -> None:
    assert read_text(b"I: Hallo\x07 Welt\nB: Tag\n", PATH) == "I: Hallo Welt\nB: Tag\n"


@pytest.mark.parametrize(
    "data,problem",
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"  \n\t \r\n", "empty", id="whitespace-only"),
        pytest.param(codecs.BOM_UTF8, "no text", id="bom-only"),
        pytest.param(
            codecs.BOM_UTF16_LE + " \n  ".encode("utf-16-le"), "no text", id="utf-16-whitespace-only"
        ),
        pytest.param(b"I: Hallo\x00\x00 Welt\x00\x13\x00\nB: \x00\x01\x02", "binary", id="binary-with-nul"),
        pytest.param(bytes(range(1, 9)) * 40 + b"I: Hallo\n", "binary", id="binary-controls"),
        pytest.param(
            b"I: Caf\x81 au lait \x8d\nB: ja\n",
            "neither UTF-8, UTF-16 nor Windows-1252",
            id="undefined-cp1252",
        ),
        pytest.param(codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "utf-16-le", id="utf-16-lone-surrogate"),
    ],
)
def test_refused_text_files_name_the_path(data: bytes, problem: str) -> None:
    with pytest.raises(ImportFailed) as info:
        read_text(data, PATH)
    assert info.value.path == PATH
    assert str(info.value).startswith(f"{PATH}: ")
    assert problem in str(info.value)
