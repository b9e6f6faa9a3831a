"""The same transcript saved as .docx, .odt, .rtf and .txt gives the same turns; broken .odt and .rtf
files stop the import with one line naming the file, and nothing is stored."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner
from docx import Document

from toolkit.cli import cli
from toolkit.errors import ImportFailed
from toolkit.importers import parse_bytes

# (speaker, time, what was said): fictional, with umlauts, a dash, German quotes and a character
# outside Windows-1252 (ő), which RTF must carry as \uN.
TURNS = [
    ("I", "00:00:05", "Wie läuft die Umstellung auf die E-Akte?"),
    ("B", "00:00:12", "Schleppend – die Kolleginnen drucken noch viel aus."),
    ("I", "00:01:03", "Woran liegt das?"),
    ("B", "00:01:10", "Am Scanner im Flur, sagt Frau Kővári. „Kaputt“ heißt dort: Papierstau."),
]
EXPECTED = [(s, int(t[3:5]) * 60 + float(t[6:8]), said) for s, t, said in TURNS]
PREAMBLE = "Interview Ordnungsamt, 12. Mai"


def as_txt() -> bytes:
    lines = [PREAMBLE, ""] + [f"{s}: [{t}] {said}\n" for s, t, said in TURNS]
    return "\n".join(lines).encode()


def as_docx() -> bytes:
    doc = Document()
    doc.add_paragraph(PREAMBLE)
    for speaker, time, said in TURNS:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{speaker}:").bold = True
        paragraph.add_run(f" [{time}] {said}")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append(f"\\'{ch.encode('cp1252')[0]:02x}")
            except UnicodeEncodeError:
                out.append(f"\\u{ord(ch)}?")
    return "".join(out)


def as_rtf(*, table: bool = False) -> bytes:
    head = (
        r"{\rtf1\ansi\ansicpg1252\deff0\uc1{\fonttbl{\f0\fswiss Arial;}}"
        r"{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}"
        r"{\info{\title Geheim}{\author Niemand}}"
        r"{\header \pard Seite 1\par}{\*\generator Writer}"
        "\n\\pard\\plain\\f0 " + _rtf_escape(PREAMBLE) + "\\par\n"
    )
    body = []
    for speaker, time, said in TURNS:
        if table:
            body.append(
                rf"\trowd\cellx1000\cellx2500\cellx9000\pard\intbl {speaker}\cell {time}\cell "
                + _rtf_escape(said)
                + r"\cell\row"
                + "\n"
            )
        else:
            body.append(rf"{{\b {speaker}:}} [{time}] " + _rtf_escape(said) + "\\par\n")
    return (head + "".join(body) + "}").encode("ascii")


_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)


def _odt_zip(content: str, *, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr(
            "styles.xml",
            f"<office:document-styles {_ODT_NS}><office:styles>"
            '<style:style style:name="Strong_20_Emphasis" style:family="text">'
            '<style:text-properties fo:font-weight="bold"/></style:style>'
            "</office:styles></office:document-styles>",
        )
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def as_odt(*, table: bool = False) -> bytes:
    paragraphs = [f"<text:h>{escape(PREAMBLE)}</text:h>"]
    if table:
        rows = "".join(
            "<table:table-row>"
            + "".join(
                f"<table:table-cell><text:p>{escape(cell)}</text:p></table:table-cell>"
                for cell in (speaker, time, said)
            )
            + "</table:table-row>"
            for speaker, time, said in TURNS
        )
        paragraphs.append(
            "<table:table><table:table-header-rows><table:table-row>"
            "<table:table-cell><text:p>Sprecher</text:p></table:table-cell>"
            "<table:table-cell><text:p>Zeit</text:p></table:table-cell>"
            "<table:table-cell><text:p>Text</text:p></table:table-cell>"
            f"</table:table-row></table:table-header-rows>{rows}</table:table>"
        )
    else:
        for i, (speaker, time, said) in enumerate(TURNS):
            # the first label through an automatic style, the others through a named bold style
            style = "T1" if i == 0 else "Strong_20_Emphasis"
            words = escape(said).replace(" ", "<text:s/>", 1)
            paragraphs.append(
                f'<text:p><text:span text:style-name="{style}">{speaker}:</text:span> [{time}]'
                f"<text:s/>{words}</text:p>"
            )
    content = (
        f"<office:document-content {_ODT_NS}><office:automatic-styles>"
        '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/>'
        "</style:style></office:automatic-styles><office:body><office:text>"
        + "".join(paragraphs)
        + "</office:text></office:body></office:document-content>"
    )
    return _odt_zip(content)


def turns(data: bytes, name: str) -> list[tuple[str, float | None, str]]:
    doc = parse_bytes(data, name)
    return [(t.speaker, t.timestamp, doc.text[t.start : t.end]) for t in doc.turns]


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("ordnungsamt.txt", as_txt),
        ("ordnungsamt.docx", as_docx),
        ("ordnungsamt.odt", as_odt),
        ("ordnungsamt.rtf", as_rtf),
        ("tabelle.odt", lambda: as_odt(table=True)),
        ("tabelle.rtf", lambda: as_rtf(table=True)),
    ],
)
def test_same_transcript_in_every_format_gives_the_same_turns(name: str, make: object) -> None:
    data = make()  # type: ignore[operator]
    assert turns(data, name) == EXPECTED


def test_odt_and_rtf_keep_the_preamble_out_of_turns_and_skip_header_and_info() -> None:
    text = parse_bytes(as_rtf(), "x.rtf").text
    assert text.startswith(PREAMBLE + "\n")
    assert "Geheim" not in text and "Seite 1" not in text and "Arial" not in text
    assert "?" not in text.replace("Woran liegt das?", "").replace("Umstellung auf die E-Akte?", "")
    assert parse_bytes(as_odt(), "x.odt").text.startswith(PREAMBLE + "\n")


def test_f4_rtf_with_timestamps_in_the_turn() -> None:
    rtf = (
        rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}\pard "
        rb"I: Wie ging es los? #00:00:07-3#\par "
        rb"B: Mit einem Br\'fcckentag. #00:00:15-0#\par}"
    )
    assert turns(rtf, "f4.rtf") == [("I", 7.3, "Wie ging es los?"), ("B", 15.0, "Mit einem Brückentag.")]


def test_rtf_table_cell_with_two_paragraphs_stays_one_turn() -> None:
    rtf = (
        rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}"
        rb"\trowd\cellx1000\cellx9000\pard\intbl I\cell\pard\intbl Erster Satz.\par"
        rb"\pard\intbl Zweiter Satz.\cell\row"
        rb"\trowd\cellx1000\cellx9000\pard\intbl B\cell\pard\intbl Ja.\cell\row"
        rb"\pard Danach.\par}"
    )
    assert turns(rtf, "zelle.rtf") == [("I", None, "Erster Satz. Zweiter Satz."), ("B", None, "Ja.\nDanach.")]


def _zip_bomb_odt() -> bytes:
    return _odt_zip(
        f"<office:document-content {_ODT_NS}><office:body><office:text>"
        + " " * (12 * 1024 * 1024)
        + "</office:text></office:body></office:document-content>"
    )


BROKEN = [
    pytest.param("kaputt.rtf", as_rtf()[:300], "ends in the middle", id="rtf-truncated"),
    pytest.param("kaputt.rtf", bytes(range(256)) * 20, "not an RTF file", id="rtf-junk"),
    pytest.param("kaputt.odt", as_odt()[:400], "not a valid .odt", id="odt-truncated"),
    pytest.param("kaputt.odt", bytes(range(256)) * 20, "not a valid .odt", id="odt-junk"),
    pytest.param("kaputt.odt", _zip_bomb_odt(), "zip bomb", id="odt-zip-bomb"),
    pytest.param(
        "kaputt.odt",
        _odt_zip(f'<!DOCTYPE x [<!ENTITY a "aaaa">]><office:document-content {_ODT_NS}/>'),
        "cannot be read",
        id="odt-entities",
    ),
    pytest.param(
        "kaputt.odt",
        _odt_zip("x", extra={"META-INF/manifest.xml": b"<manifest:encryption-data/>"}),
        "encrypted",
        id="odt-encrypted",
    ),
]


@pytest.mark.parametrize(("name", "data", "problem"), BROKEN)
def test_broken_files_give_one_line_naming_the_problem(name: str, data: bytes, problem: str) -> None:
    with pytest.raises(ImportFailed) as info:
        parse_bytes(data, name)
    message = str(info.value)
    assert name in message and problem in message
    assert "\n" not in message


@pytest.mark.parametrize(("name", "data", "problem"), BROKEN[:5])
def test_cli_stores_nothing_when_one_file_is_broken(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    db = tmp_path / "p.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "init", "--empty"]).exit_code == 0
    good, bad = tmp_path / "gut.txt", tmp_path / name
    good.write_bytes(as_txt())
    bad.write_bytes(data)
    result = runner.invoke(cli, ["--db", str(db), "import", str(good), str(bad)])
    assert result.exit_code == 1
    assert name in result.output and problem in result.output
    assert len(result.output.strip().splitlines()) == 1
    listed = runner.invoke(cli, ["--db", str(db), "documents", "--json"])
    assert json.loads(listed.output) == []
