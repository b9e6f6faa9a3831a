"""Importing transcript files: each format, the files that are refused, real transcripts and our samples."""

from __future__ import annotations

import hashlib
import io
import itertools
import random
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _budget import over_budget, run_with_budget
from docx import Document

from toolkit.anchoring import fold_query
from toolkit.errors import ImportFailed
from toolkit.importers import parse_bytes, parse_file
from toolkit.language import count_words
from toolkit.model import ParsedDocument

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
SAMPLES = Path(__file__).resolve().parents[1] / "transcripts"

Expected = list[tuple[str, float | None, str]]


def turns_of(doc: ParsedDocument) -> Expected:
    """(speaker, timestamp, turn text) of every turn, after checking the offsets."""
    previous_end = 0
    for turn in doc.turns:
        assert 0 <= turn.start < turn.end <= len(doc.text), turn
        assert turn.start >= previous_end, turn
        previous_end = turn.end
    return [(t.speaker, t.timestamp, doc.text[t.start : t.end]) for t in doc.turns]


def docx_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def bold_label_docx(turns: list[tuple[str, str]], header: tuple[str, ...] = ()) -> bytes:
    """A Word file with one paragraph per turn: the label in bold, then the text in a normal run."""
    document = Document()
    for line in header:
        document.add_paragraph(line)
    for label, text in turns:
        paragraph = document.add_paragraph()
        paragraph.add_run(label).bold = True
        paragraph.add_run(" " + text)
    return docx_bytes(document)


def table_docx(rows: list[tuple[str, ...]], title: str = "") -> bytes:
    """A Word file holding one table; the first row is the header row."""
    document = Document()
    if title:
        document.add_heading(title, level=1)
    table = document.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            first, *more = value.split("\n")
            cell.text = first
            for paragraph in more:
                cell.add_paragraph(paragraph)
    return docx_bytes(document)


# --- plain text ------------------------------------------------------------------------------------

TXT = (
    "Interview Bürgerbüro [Gemeinde C]\n"
    "Datum: 02.05.2024\n"
    "I = Interviewer, B = Befragte\n"
    "\n"
    "I: Wie lange arbeiten Sie schon hier?\n"
    "B: Seit elf Jahren. Also (.) im Sommer werden es zwölf.\n"
    "I: Und was fällt Ihnen zur Digitalisierung ein?\n"
    "B: Ehrlich gesagt? Mehr Arbeit. (lacht)\n"
)


def test_txt_from_bytes() -> None:
    data = TXT.encode("utf-8")
    doc = parse_bytes(data, "interview_buergerbuero.txt")
    assert doc.name == "interview_buergerbuero"
    assert doc.source_format == "txt"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.text == TXT
    assert turns_of(doc) == [
        ("I", None, "Wie lange arbeiten Sie schon hier?"),
        ("B", None, "Seit elf Jahren. Also (.) im Sommer werden es zwölf."),
        ("I", None, "Und was fällt Ihnen zur Digitalisierung ein?"),
        ("B", None, "Ehrlich gesagt? Mehr Arbeit. (lacht)"),
    ]


def test_txt_from_file(tmp_path: Path) -> None:
    data = TXT.replace("\n", "\r\n").encode("cp1252")
    path = tmp_path / "Interview 07.TXT"
    path.write_bytes(data)
    doc = parse_file(path)
    assert doc.name == "Interview 07"
    assert doc.source_format == "txt"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()  # of the bytes as read, not of the stored text
    assert doc.text == TXT
    assert [t.speaker for t in doc.turns] == ["I", "B", "I", "B"]


def test_same_text_in_another_encoding_has_another_sha256() -> None:
    utf8 = parse_bytes(TXT.encode("utf-8"), "a.txt")
    cp1252 = parse_bytes(TXT.encode("cp1252"), "a.txt")
    assert utf8.text == cp1252.text
    assert utf8.sha256 != cp1252.sha256


def test_speaker_pattern_is_passed_on() -> None:
    data = b"INT> Hallo.\nBEF> Tag.\n"
    doc = parse_bytes(data, "chat.txt", speaker_pattern=r"^(?P<speaker>[A-Z]{3})> ")
    assert turns_of(doc) == [("INT", None, "Hallo."), ("BEF", None, "Tag.")]


def test_script_and_html_in_txt_are_kept_literally() -> None:
    data = b"I: <script>alert(1)</script>\nB: <b>fett</b> &amp; <img src=x onerror=alert(2)>\n"
    doc = parse_bytes(data, "angriff.txt")
    assert doc.text == data.decode()
    assert turns_of(doc) == [
        ("I", None, "<script>alert(1)</script>"),
        ("B", None, "<b>fett</b> &amp; <img src=x onerror=alert(2)>"),
    ]


# --- Markdown --------------------------------------------------------------------------------------

MARKDOWN = """---
layout: default
title: Jugendamt Interview
nav_order: 1
---



## Pädagogische Tagesgruppe – Kinder von 8 bis 12 Jahren

**Interviewer:**{: .text-yellow-000}␣␣
Hallo, danke für die Zeit. Mehr zum Projekt auf [unserer Seite](http://example.org/projekt).

**Befragte:**{: .text-green-000}␣␣␣
Ich habe zehn Jahre im Jugendamt in [große Mittelstadt] gearbeitet.
Da gab&#39;s *viele* Maßnahmen […].


**Interviewer:**{: .text-yellow-000}␣␣
Das wäre welche Altersspanne?
""".replace("␣", " ")  # two trailing blanks: a Markdown hard break


def test_markdown_markup_removed_words_kept() -> None:
    doc = parse_bytes(MARKDOWN.encode(), "jugendamt.md")
    assert doc.source_format == "md"
    assert doc.name == "jugendamt"
    assert doc.text.startswith("Pädagogische Tagesgruppe – Kinder von 8 bis 12 Jahren\n")
    for markup in ("---", "layout:", "nav_order", "#", "**", "{:", "http", "](", "&#39;"):
        assert markup not in doc.text, markup
    assert turns_of(doc) == [
        ("Interviewer", None, "Hallo, danke für die Zeit. Mehr zum Projekt auf unserer Seite."),
        (
            "Befragte",
            None,
            "Ich habe zehn Jahre im Jugendamt in [große Mittelstadt] gearbeitet.\n"
            "Da gab's viele Maßnahmen […].",
        ),
        ("Interviewer", None, "Das wäre welche Altersspanne?"),
    ]


def test_markdown_bold_label_with_timestamp() -> None:
    data = b"**I [00:00:00]**\nGuten Tag.\n\n**B [00:00:04]**\nHallo, ich bin *Frau K.*\n"
    doc = parse_bytes(data, "interview.markdown")
    assert doc.source_format == "md"
    assert turns_of(doc) == [("I", 0.0, "Guten Tag."), ("B", 4.0, "Hallo, ich bin Frau K.")]


def test_markdown_link_with_parentheses_in_url() -> None:
    data = b"I: Kennen Sie das [Amt](https://de.wikipedia.org/wiki/Amt_(Verwaltung))?\nB: Ja.\nI: Gut.\n"
    doc = parse_bytes(data, "links.md")
    assert turns_of(doc)[0] == ("I", None, "Kennen Sie das Amt?")


# --- Word ------------------------------------------------------------------------------------------


def test_docx_bold_labels() -> None:
    data = bold_label_docx(
        [
            ("Interviewer:", "Wie lange sind Sie schon im Bürgerbüro?"),
            ("Frau K.:", "Seit elf Jahren, ähm, im Sommer werden es zwölf."),
            ("Interviewer:", "Und wie viele sind Sie im Team?"),
            ("Herr Weber:", "Darf ich kurz ergänzen? Wir sind vier."),
        ],
        header=("Interview Bürgerbüro [Gemeinde C]", "Datum: 3. Mai 2024"),
    )
    doc = parse_bytes(data, "buergerbuero.docx")
    assert doc.name == "buergerbuero"
    assert doc.source_format == "docx"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.text.startswith("Interview Bürgerbüro [Gemeinde C]\nDatum: 3. Mai 2024\n")
    # "Herr Weber" speaks once, but the label is bold in Word, so it is a speaker.
    assert turns_of(doc) == [
        ("Interviewer", None, "Wie lange sind Sie schon im Bürgerbüro?"),
        ("Frau K.", None, "Seit elf Jahren, ähm, im Sommer werden es zwölf."),
        ("Interviewer", None, "Und wie viele sind Sie im Team?"),
        ("Herr Weber", None, "Darf ich kurz ergänzen? Wir sind vier."),
    ]


def test_docx_bold_labels_with_timestamps() -> None:
    data = bold_label_docx(
        [
            ("M [00:00:05]:", "Herzlich willkommen. Wer mag anfangen?"),
            ("B1 [00:00:31]:", "Ja, gerne."),
            ("B2 [00:00:48]:", "Ich leite den Fachbereich Ordnung."),
        ]
    )
    doc = parse_bytes(data, "gruppe.docx")
    assert turns_of(doc) == [
        ("M", 5.0, "Herzlich willkommen. Wer mag anfangen?"),
        ("B1", 31.0, "Ja, gerne."),
        ("B2", 48.0, "Ich leite den Fachbereich Ordnung."),
    ]


def test_docx_table_speaker_time_text() -> None:
    data = table_docx(
        [
            ("Sprecher", "Zeit", "Text"),
            ("Interviewer", "00:05", "Gut, dann läuft das jetzt."),
            ("Frau K.", "00:23", "Ja, gerne. Also ich bin seit elf Jahren hier.\nHier machen wir alles."),
            ("Interviewer", "01:18", "Wir sprechen heute über Digitalisierung."),
        ],
        title="Interview Bürgerbüro",
    )
    doc = parse_bytes(data, "tabelle.docx")
    assert "Sprecher" not in doc.text  # the header row is not a turn nor text
    assert turns_of(doc) == [
        ("Interviewer", 5.0, "Gut, dann läuft das jetzt."),
        ("Frau K.", 23.0, "Ja, gerne. Also ich bin seit elf Jahren hier. Hier machen wir alles."),
        ("Interviewer", 78.0, "Wir sprechen heute über Digitalisierung."),
    ]


def test_docx_table_speaker_text() -> None:
    data = table_docx(
        [
            ("Speaker", "Text"),
            ("Interviewer", "Can you describe your role?"),
            ("Participant", "I lead the data team."),
            ("Interviewer", "Since when?"),
        ]
    )
    doc = parse_bytes(data, "table2.docx")
    assert turns_of(doc) == [
        ("Interviewer", None, "Can you describe your role?"),
        ("Participant", None, "I lead the data team."),
        ("Interviewer", None, "Since when?"),
    ]


# --- subtitles -------------------------------------------------------------------------------------

SRT = """1
00:00:01,000 --> 00:00:04,000
Hallo zusammen.

2
00:00:05,500 --> 00:00:07,000
Willkommen
zur <i>Sitzung</i>.

3
00:01:02,250 --> 00:01:04,000
Fangen wir an.
"""


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(SRT.encode(), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + SRT.replace("\n", "\r\n").encode(), id="bom-crlf"),
    ],
)
def test_srt_cues_become_turns(data: bytes) -> None:
    doc = parse_bytes(data, "sitzung.srt")
    assert doc.source_format == "srt"
    assert doc.name == "sitzung"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.text == "Hallo zusammen.\nWillkommen zur Sitzung.\nFangen wir an.\n"
    assert turns_of(doc) == [
        ("", 1.0, "Hallo zusammen."),
        ("", 5.5, "Willkommen zur Sitzung."),
        ("", 62.25, "Fangen wir an."),
    ]


VTT = """WEBVTT
Kind: captions
Language: de

NOTE exported by a meeting tool

intro-1
00:00:01.000 --> 00:00:03.000
<v Anna>Guten Morgen.</v>

00:00:03.500 --> 00:00:05.000 align:start
<v Anna>Wie geht es Ihnen?

00:00:06.000 --> 00:00:08.000
<v.loud Ben Müller>Gut, danke &amp; Ihnen?</v>

01:00.000 --> 01:02.000
Carla: Ich bin auch da.

01:03.000 --> 01:05.000
<v Anna>Schön.
"""


def test_vtt_voices_and_name_prefix() -> None:
    doc = parse_bytes(VTT.encode(), "meeting.vtt")
    assert doc.source_format == "vtt"
    assert doc.text == (
        "Anna: Guten Morgen. Wie geht es Ihnen?\n"
        "Ben Müller: Gut, danke & Ihnen?\n"
        "Carla: Ich bin auch da.\n"
        "Anna: Schön.\n"
    )
    assert turns_of(doc) == [
        ("Anna", 1.0, "Guten Morgen. Wie geht es Ihnen?"),  # two cues of Anna merged
        ("Ben Müller", 6.0, "Gut, danke & Ihnen?"),
        ("Carla", 60.0, "Ich bin auch da."),
        ("Anna", 63.0, "Schön."),
    ]


# --- files that are refused ------------------------------------------------------------------------


def real_docx() -> bytes:
    return bold_label_docx([("I:", "Hallo."), ("B:", "Guten Tag.")] * 20)


def write(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def write_truncated_docx(path: Path) -> None:
    data = real_docx()
    path.write_bytes(data[: len(data) // 2])


def write_zip(members: dict[str, bytes]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in members.items():
                archive.writestr(name, content)

    return make


def write_zip_bomb(path: Path) -> None:
    """A small zip whose word/document.xml inflates to 201 MiB of zeros, written in chunks."""
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            for _ in range(201):
                member.write(chunk)
    assert path.stat().st_size < 1_000_000


def write_encrypted_member_zip(path: Path) -> None:
    """A zip whose member has the 'encrypted' flag set (zipfile cannot write one directly)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buffer.getvalue())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        data[data.index(signature) + flag_offset] |= 0x1
    path.write_bytes(bytes(data))


BINARY = bytes(random.Random(7).randrange(256) for _ in range(3000)) + b"\0\0\0\0"

BAD_INPUT = [
    pytest.param(
        "interview.docx", write(b"I: Hallo\nB: Tag\n"), {}, "not a valid .docx", id="docx-plain-text"
    ),
    pytest.param("interview.docx", write_truncated_docx, {}, "truncated", id="docx-truncated"),
    pytest.param(
        "interview.docx",
        write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024),
        {},
        "encrypted",
        id="docx-encrypted-ole",
    ),
    pytest.param("interview.docx", write_encrypted_member_zip, {}, "encrypted", id="docx-encrypted-member"),
    pytest.param("interview.docx", write_zip_bomb, {}, "zip bomb", id="docx-zip-bomb"),
    pytest.param(
        "interview.docx",
        write_zip({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<styles/>"}),
        {},
        "no word/document.xml",
        id="docx-without-document-xml",
    ),
    pytest.param(
        "interview.docx",
        write_zip({"word/document.xml": b"this is not XML"}),
        {},
        "Word could not be read",
        id="docx-damaged-package",
    ),
    pytest.param("interview.docx", write(b""), {}, "the file is empty", id="docx-empty"),
    pytest.param("interview.txt", write(b""), {}, "empty", id="txt-empty"),
    pytest.param("interview.md", write(b"\n \n"), {}, "empty", id="md-whitespace-only"),
    pytest.param("interview.txt", write(BINARY), {}, "binary", id="txt-binary"),
    pytest.param("untertitel.srt", write(b"Hallo\n\nTag\n"), {}, "no subtitle cues", id="srt-without-cues"),
    pytest.param("bericht.pages", write(b"PK"), {}, "unknown file type '.pages'", id="unknown-extension"),
    pytest.param("interview", write(b"I: Hallo\n"), {}, "unknown file type '(none)'", id="no-extension"),
    pytest.param(
        "interview.txt",
        write(b"I: Hallo.\nB: Tag.\n" * 100),
        {"max_bytes": 1000},
        "over the limit of 1,000",
        id="over-size-limit",
    ),
    pytest.param("fehlt.txt", lambda path: None, {}, "no such file", id="missing-file"),
    pytest.param("transkripte", lambda path: path.mkdir(), {}, "folder", id="folder"),
]


@pytest.mark.parametrize("filename,make,options,problem", BAD_INPUT)
def test_bad_input_is_refused_naming_the_file(
    tmp_path: Path, filename: str, make: Callable[[Path], None], options: dict[str, Any], problem: str
) -> None:
    path = tmp_path / filename
    make(path)
    with pytest.raises(ImportFailed) as info:
        parse_file(path, **options)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert problem in message


@pytest.mark.parametrize(
    "data,filename,options,problem",
    [
        pytest.param(b"I: Hallo\n", "notizen.docx", {}, "not a valid .docx", id="docx-plain-text"),
        pytest.param(b"", "leer.txt", {}, "empty", id="empty"),
        pytest.param(b"PK\x03\x04", "bericht.pages", {}, "unknown file type '.pages'", id="pages"),
        pytest.param(b"I: x\n" * 10, "gross.txt", {"max_bytes": 20}, "over the limit of 20", id="too-big"),
    ],
)
def test_parse_bytes_errors_name_the_file(
    data: bytes, filename: str, options: dict[str, Any], problem: str
) -> None:
    with pytest.raises(ImportFailed) as info:
        parse_bytes(data, filename, **options)
    assert str(info.value).startswith(f"{filename}: ")
    assert problem in str(info.value)


# --- real transcripts (../shared/corpora) ----------------------------------------------------------


def corpus_file(relative: str) -> Path:
    path = CORPORA / relative
    if not path.parent.is_dir():
        pytest.skip(f"{path.parent} absent")
    if not path.is_file():
        pytest.skip(f"{path} absent")
    return path


def test_corpus_hochschule_frage_antwort() -> None:
    doc = parse_file(corpus_file("de_hochschule_excerpt/test_interview.txt"))
    turns = turns_of(doc)
    assert {speaker for speaker, _, _ in turns} == {"FRAGE", "ANTWORT"}
    assert turns[0][:2] == ("FRAGE", 1223.0)
    assert turns[1][0] == "ANTWORT"
    assert doc.turns[0].start > doc.text.index("file:///")  # the header line is not a turn
    stamps = [t.timestamp for t in doc.turns]
    assert None not in stamps
    assert stamps == sorted(stamps)
    # Hard-wrapped turns run over several lines until the next label.
    assert all("\n" in text for _, _, text in turns if len(text) > 200)


@pytest.mark.parametrize("name", ["jugendamt.md", "altenpflege.md"])
def test_corpus_jekyll_markdown(name: str) -> None:
    doc = parse_file(corpus_file(f"de_jugendamt_altenpflege/{name}"))
    turns = turns_of(doc)
    assert {speaker for speaker, _, _ in turns} == {"Interviewer", "Befragte"}
    assert turns[0][0] == "Interviewer"
    assert len(turns) > 20
    for _, _, text in turns:
        assert "**" not in text
        assert "{:" not in text
    assert "layout:" not in doc.text


def test_corpus_jugendamt_keeps_placeholders() -> None:
    doc = parse_file(corpus_file("de_jugendamt_altenpflege/jugendamt.md"))
    assert "[große Mittelstadt]" in doc.text


@pytest.mark.parametrize("name", [f"P{i}.txt" for i in range(1, 8)])
def test_corpus_pdpilot(name: str) -> None:
    doc = parse_file(corpus_file(f"en_pdpilot_interviews/{name}"))
    speakers = [speaker for speaker, _, _ in turns_of(doc)]
    assert "Participant" in speakers
    assert set(speakers) == {"Dan", "Participant"}


CORPUS_TRANSCRIPTS = [
    "de_hochschule_excerpt/test_interview.txt",
    "de_jugendamt_altenpflege/jugendamt.md",
    "de_jugendamt_altenpflege/altenpflege.md",
    *(f"en_pdpilot_interviews/P{i}.txt" for i in range(1, 8)),
    "en_serdif_usability_train/P1_GMT20211118.txt",
    "en_serdif_usability_train/P2_GMT20211119.txt",
    "en_serdif_usability_train/P3_GMT20211125.txt",
    "en_serdif_usability_train/P4_GMT20211125.txt",
    "en_serdif_usability_train/P5_GMT20211125.txt",
    "en_serdif_usability_train/P6_GMT20211126.txt",
    "en_serdif_usability_train/P7_GMT20211126.txt",
    "en_serdif_usability_train/P8_GMT20211129.txt",
    "en_serdif_usability_train/P9_GMT20211129.txt",
]


@pytest.mark.parametrize("relative", CORPUS_TRANSCRIPTS)
def test_corpus_turn_offsets(relative: str) -> None:
    path = corpus_file(relative)
    doc = parse_file(path)
    assert doc.name == path.stem
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.turns
    for speaker, _, text in turns_of(doc):
        assert text == text.strip()
        assert speaker == speaker.strip()


# --- the project's own samples (transcripts/) ------------------------------------------------------

SAMPLE_TABLE = [
    pytest.param("interview_cdo", {"I", "B"}, ("I", 11.2), id="interview_cdo"),
    pytest.param(
        "interview_sachbearbeitung", {"Interviewer", "Frau K."}, ("Interviewer", 5.0), id="sachbearbeitung"
    ),
    pytest.param(
        "gruppendiskussion", {"M", "B1", "B2", "B3", "B4", "B5"}, ("M", 5.0), id="gruppendiskussion"
    ),
]


def sample(stem: str, suffix: str) -> ParsedDocument:
    path = SAMPLES / f"{stem}{suffix}"
    assert path.is_file(), f"{path} is missing from the repository"
    return parse_file(path)


@pytest.mark.parametrize("stem,speakers,first", SAMPLE_TABLE)
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_sample_transcript(stem: str, speakers: set[str], first: tuple[str, float], suffix: str) -> None:
    doc = sample(stem, suffix)
    assert doc.name == stem
    assert count_words(doc.text) >= 2500
    turns = turns_of(doc)
    assert {speaker for speaker, _, _ in turns} == speakers
    assert turns[0][:2] == first
    stamps = [t.timestamp for t in doc.turns]
    assert None not in stamps
    assert all(a <= b for a, b in itertools.pairwise(stamps))  # type: ignore[operator]


@pytest.mark.parametrize("stem,speakers,first", SAMPLE_TABLE)
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_sample_header_and_legend_are_not_turns(
    stem: str, speakers: set[str], first: tuple[str, float], suffix: str
) -> None:
    header = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8").partition("\n\n")[0].split("\n")
    assert len(header) >= 3
    doc = sample(stem, suffix)
    for line in header:
        pos = doc.text.find(line)
        assert pos >= 0, line
        for turn in doc.turns:
            assert turn.end <= pos or turn.start >= pos + len(line), (line, turn)


@pytest.mark.parametrize("stem,speakers,first", SAMPLE_TABLE)
def test_sample_docx_has_the_turns_of_the_txt(
    stem: str, speakers: set[str], first: tuple[str, float]
) -> None:
    txt, docx = sample(stem, ".txt"), sample(stem, ".docx")

    def folded(doc: ParsedDocument) -> list[tuple[str, float | None, str]]:
        return [(t.speaker, t.timestamp, fold_query(doc.text[t.start : t.end])) for t in doc.turns]

    assert len(txt.turns) > 50
    assert folded(docx) == folded(txt)


@pytest.mark.parametrize("stem", ["interview_cdo", "interview_sachbearbeitung", "gruppendiskussion"])
def test_sample_says_it_is_fictional(stem: str) -> None:
    first_lines = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8").split("\n")[:3]
    assert any("FIKTIV" in line for line in first_lines)


# --- hostile subtitle cues (issue 16): tags are read by a linear tokenizer ------------------------


def _cue(body: str, ext: str) -> tuple[bytes, str]:
    head = "WEBVTT\n\n" if ext == ".vtt" else "1\n"
    return (f"{head}00:00:01.000 --> 00:00:02.000\n{body}\n".encode(), "hostile" + ext)


HOSTILE_CUES = {
    "unclosed-voice-60k": "<v " * 20000,
    "unclosed-voice-300k": "<v " * 100000,
    "unclosed-tags-300k": "<i " * 100000,
    "brackets-then-one-close": "< " * 100000 + ">",
    "voice-with-classes": "<v.a.b.c " * 30000,
}


def test_hostile_subtitle_cues_stay_within_budget() -> None:
    """A cue of 20,000 unclosed ``<v `` took 20 s and 300 KB over 120 s (the voice and tag
    patterns backtracked); each must now finish within the 5 s CPU budget of tests/_budget.py."""
    calls = [_cue(body, ext) for body in HOSTILE_CUES.values() for ext in (".srt", ".vtt")]
    labels = [f"{name}{ext}" for name in HOSTILE_CUES for ext in (".srt", ".vtt")]
    outcomes = run_with_budget("toolkit.importers:parse_bytes", calls, labels)
    assert over_budget(outcomes) == []
    assert len(outcomes) == len(calls)


def test_tags_are_removed_and_unclosed_brackets_kept() -> None:
    data, name = _cue("<v.loud Anna Berg><i>3 < 4</i> und <b>fett</b> a<b", ".vtt")
    doc = parse_bytes(data, name)
    assert doc.text == "Anna Berg: 3 < 4 und fett a<b\n"
    assert turns_of(doc) == [("Anna Berg", 1.0, "3 < 4 und fett a<b")]
