"""Fuzzing every file importer under a budget (issue 16): each input must end, as a result or a
one-line toolkit error, within 5 s of CPU time and 1 GB of memory (tests/_budget.py). Inputs are
the review's hostile files (unclosed tags, YAML alias bombs and deep nesting, tags nested 5,000
deep, entity bombs) and seeded random mixes of each format's structural tokens, run long enough
(about 100 KB) that quadratic behaviour breaks the budget. ``FUZZ_SEED`` and ``FUZZ_MIXES`` change
the mixes for a longer hunt."""

from __future__ import annotations

import io
import os
import random
import zipfile
from xml.sax.saxutils import escape

import pytest
from _budget import over_budget, run_with_budget
from docx import Document

pytestmark = pytest.mark.slow  # every input in a budgeted child process

SEED = int(os.environ.get("FUZZ_SEED", "16"))
MIXES = int(os.environ.get("FUZZ_MIXES", "4"))
SIZE = 100_000

TOKENS = {
    ".txt": [
        "I:",
        "B:",
        "Frau Berger:",
        " ",
        "\n",
        "\n\n",
        "[00:01:02]",
        "#00:00:05-0#",
        "(",
        "[",
        "**",
        ":",
        "ä",
    ],
    ".md": [
        "**",
        "__",
        "*",
        "_",
        "[",
        "](",
        ")",
        "![",
        "<a ",
        ">",
        "{:",
        "#",
        "`",
        "\\",
        "---\n",
        "\n",
        " ",
        "a",
    ],
    ".srt": [
        "1\n",
        "00:00:01,000 --> 00:00:02,000\n",
        "<v ",
        "<",
        ">",
        "</",
        "&amp;",
        "Anna: ",
        "\n\n",
        "-->",
        " ",
    ],
    ".vtt": [
        "WEBVTT\n\n",
        "00:01.000 --> 00:02.000\n",
        "<v.a ",
        "<c.x>",
        "<",
        ">",
        "NOTE ",
        ":",
        "\n\n",
        " ",
    ],
    ".rtf": [
        "{\\rtf1 ",
        "{",
        "}",
        "{\\*\\x ",
        "{\\fonttbl ",
        "\\b ",
        "\\b0 ",
        "\\par ",
        "\\'e4",
        "\\u8212?",
        "\\uc3 ",
        "\\bin5 ",
        "\\cell ",
        "\\row ",
        "I: ",
        "\\",
        " ",
    ],
}
CODEBOOK_TOKENS = [
    "- ",
    "codes:\n",
    "  ",
    "name: ",
    "[",
    "]",
    "{",
    "}",
    ": ",
    "&a ",
    "*a ",
    "\n",
    "'",
    '"',
    "#",
]
CSV_TOKENS = ['"', ",", "\n", "a/", "doc", "interview", "tag", "\r", "Information/"]
XML_TOKENS = ["<Code ", 'name="a" ', 'guid="x" ', ">", "</Code>", "<", "&amp;", "&#x41;", '"', "/>"]


def _runs(tokens: list[str], size: int = SIZE) -> dict[str, str]:
    """Each token repeated to ``size`` characters, and ``MIXES`` seeded random mixes."""
    rng = random.Random(SEED)
    inputs = {f"run {t!r}": t * (size // len(t)) for t in tokens}
    for i in range(MIXES):
        parts: list[str] = []
        while sum(map(len, parts)) < size:
            parts.append(rng.choice(tokens) * rng.randint(1, 50))
        inputs[f"mix {SEED}/{i}"] = "".join(parts)
    return inputs


def _assert_within_budget(target: str, calls: list[tuple[object, ...]], labels: list[str]) -> None:
    outcomes = run_with_budget(target, calls, labels)
    assert len(outcomes) == len(calls)
    assert over_budget(outcomes) == []


@pytest.mark.parametrize("ext", sorted(TOKENS))
def test_transcript_importers_stay_within_budget(ext: str) -> None:
    inputs = _runs(TOKENS[ext])
    _assert_within_budget(
        "toolkit.importers:parse_bytes",
        [(text.encode(), "fuzz" + ext) for text in inputs.values()],
        list(inputs),
    )


def _docx(text: str) -> bytes:
    doc = Document()
    for line in text.split("\n")[:400]:
        paragraph = doc.add_paragraph()
        paragraph.add_run(line[:5000]).bold = line.startswith("I")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "00:01", text[:5000]
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def test_docx_importer_stays_within_budget() -> None:
    inputs = _runs(TOKENS[".txt"] + ["<v ", "**", "_"], size=30_000)
    _assert_within_budget(
        "toolkit.importers:parse_bytes",
        [(_docx(text), "fuzz.docx") for text in inputs.values()],
        list(inputs),
    )


def _odt(text: str) -> bytes:
    paragraphs = "".join(
        f'<text:p><text:span text:style-name="B">{escape(line[:5000])}</text:span></text:p>'
        for line in text.split("\n")[:400]
    )
    nested = "<text:span>" * 5000 + "Tief" + "</text:span>" * 5000
    lists = "<text:list>" * 2000 + "</text:list>" * 2000
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        f"{paragraphs}<text:p>{nested}</text:p>{lists}</office:text></office:body>"
        "</office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def test_odt_importer_stays_within_budget() -> None:
    inputs = _runs(TOKENS[".txt"] + ["<v ", "**", "_"], size=30_000)
    _assert_within_budget(
        "toolkit.importers:parse_bytes",
        [(_odt(text), "fuzz.odt") for text in inputs.values()],
        list(inputs),
    )


def test_pdf_importer_stays_within_budget() -> None:
    pytest.importorskip("pypdf")
    inputs = {
        "nested arrays": b"%PDF-1.4\n1 0 obj\n" + b"[" * 100_000 + b"\nendobj\n%%EOF\n",
        "nested dicts": b"%PDF-1.4\n1 0 obj\n" + b"<<" * 50_000 + b"\nendobj\n%%EOF\n",
        "many objects": b"%PDF-1.4\n" + b"".join(b"%d 0 obj\n(x)\nendobj\n" % i for i in range(20_000)),
        "unclosed string": b"%PDF-1.4\n1 0 obj\n(" + b"\\(" * 50_000 + b"\n%%EOF\n",
        "self-referencing pages": (
            b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 >>\nendobj\n"
            b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
        ),
    }
    _assert_within_budget(
        "toolkit.importers:parse_bytes",
        [(data, "fuzz.pdf") for data in inputs.values()],
        list(inputs),
    )


def test_codebook_loader_stays_within_budget() -> None:
    inputs = _runs(CODEBOOK_TOKENS, size=30_000)  # the YAML parser is pure Python: slow, but linear
    bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10)
    )
    inputs |= {
        "alias bomb (549 bytes)": bomb,
        "nested 50,000 deep": "[" * 50_000 + "]" * 50_000,
        "mappings 50,000 deep": "{a: " * 50_000 + "}" * 50_000,
        "a code list of 5,000": "format: 1\ncodes:\n" + "".join(f"  - name: C{i}\n" for i in range(5000)),
    }
    _assert_within_budget(
        "toolkit.codebook:parse_codebook", [(text, "fuzz.yaml") for text in inputs.values()], list(inputs)
    )


def test_taguette_importer_stays_within_budget() -> None:
    inputs = {k: "id,document,tag,content\n" + v for k, v in _runs(CSV_TOKENS, size=30_000).items()}
    inputs |= {
        "tag nested 5,000 deep": 'id,document,tag,content\n1,interview,"' + "a/" * 5000 + '",Wie\n',
        "2,000 new tags": "id,document,tag,content\n"
        + "".join(f"{i},interview,Neu/T{i},Digitalisierung\n" for i in range(2000)),
    }
    _assert_within_budget(
        "_budget:import_taguette_csv", [(text.encode(),) for text in inputs.values()], list(inputs)
    )


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members.items():
            z.writestr(name, text)
    return buffer.getvalue()


def test_refi_importers_stay_within_budget() -> None:
    head = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="f"><CodeBook><Codes>'
    )
    tail = "</Codes></CodeBook></Project>"
    inputs = {k: head + v + tail for k, v in _runs(XML_TOKENS, size=30_000).items()}
    inputs |= {
        "codes nested 3,000 deep": head
        + "".join(
            f'<Code guid="00000000-0000-0000-0000-{i:012d}" name="c{i}" isCodable="true">'
            for i in range(3000)
        )
        + "</Code>" * 3000
        + tail,
        "entity bomb": '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY a{i} "{"&a;" * 10 if i == 0 else f"&a{i - 1};" * 10}">' for i in range(8))
        + "]><Project>&a7;</Project>",
    }
    calls: list[tuple[object, ...]] = []
    labels: list[str] = []
    for label, qde in inputs.items():
        calls.append((_zip({"project.qde": qde}),))
        labels.append(f"qdpx {label}")
    _assert_within_budget("_budget:import_qdpx", calls, labels)
    qdc = {
        k: v.replace("<Project", "<CodeBook").replace("</Project>", "</CodeBook>") for k, v in inputs.items()
    }
    _assert_within_budget(
        "_budget:import_qdc", [(v.encode(),) for v in qdc.values()], [f"qdc {k}" for k in qdc]
    )
