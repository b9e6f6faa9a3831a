"""PDF transcripts with a text layer give the same turns as the .txt; running headers, footers
and page numbers are removed, hyphenation joined; a PDF without text says it needs OCR."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.errors import ImportFailed
from toolkit.importers import parse_bytes

pytest.importorskip("pypdf")

TURNS = [
    ("I", "00:00:05", "Wie läuft die Umstellung auf die E-Akte?"),
    ("B", "00:00:12", "Schleppend – die Kolleginnen drucken noch viel aus."),
    ("I", "00:01:03", "Woran liegt das?"),
    ("B", "00:01:10", "Am Scanner im Flur, sagt Frau Köhler. „Kaputt“ heißt dort: Papierstau."),
]
EXPECTED = [(s, int(t[3:5]) * 60 + float(t[6:8]), said) for s, t, said in TURNS]


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF: Helvetica in WinAnsiEncoding, one text line per entry, a correct xref."""
    objects: list[bytes] = []
    n_pages = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        stream = b"BT /F1 11 Tf 14 TL 60 800 Td " + b" ".join(_pdf_string(line) + b" Tj T*" for line in lines)
        stream += b" ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def transcript_pages() -> list[list[str]]:
    header = "Interview Ordnungsamt – vertraulich"
    lines = [f"{s}: [{t}] {said}" for s, t, said in TURNS]
    # the second turn is wrapped with a hyphenated word, as a PDF line break does
    second = lines[1].replace("Kolleginnen", "Kolle-\nginnen").split("\n")
    return [
        [header, "Interview Ordnungsamt, 12. Mai", lines[0], *second, "Seite 1 von 3"],
        [header, lines[2], "Seite 2 von 3"],
        [header, lines[3], "Seite 3 von 3"],
    ]


def test_pdf_gives_the_turns_of_the_txt_without_headers_footers_and_hyphens() -> None:
    doc = parse_bytes(make_pdf(transcript_pages()), "ordnungsamt.pdf")
    turns = [(t.speaker, t.timestamp, doc.text[t.start : t.end]) for t in doc.turns]
    assert turns == EXPECTED
    assert "vertraulich" not in doc.text and "Seite" not in doc.text
    txt = "\n".join(["Interview Ordnungsamt, 12. Mai"] + [f"{s}: [{t}] {x}" for s, t, x in TURNS])
    plain = parse_bytes(txt.encode(), "ordnungsamt.txt")
    assert [(t.speaker, t.timestamp, plain.text[t.start : t.end]) for t in plain.turns] == turns


def test_pdf_without_text_needs_ocr() -> None:
    with pytest.raises(ImportFailed) as info:
        parse_bytes(make_pdf([[], []]), "scan.pdf")
    assert "scan.pdf" in str(info.value) and "OCR" in str(info.value)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (make_pdf(transcript_pages())[:200], "not a readable .pdf"),
        (bytes(range(256)) * 20, "not a readable .pdf"),
    ],
    ids=["truncated", "junk"],
)
def test_broken_pdf_gives_one_line(data: bytes, problem: str) -> None:
    with pytest.raises(ImportFailed) as info:
        parse_bytes(data, "kaputt.pdf")
    assert "kaputt.pdf" in str(info.value) and problem in str(info.value)
    assert "\n" not in str(info.value)


def test_encrypted_pdf_is_refused() -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf(transcript_pages()))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="geheim", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(ImportFailed) as info:
        parse_bytes(buffer.getvalue(), "geheim.pdf")
    assert "geheim.pdf" in str(info.value) and "encrypted" in str(info.value)


def test_each_turn_keeps_the_page_it_begins_on(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tests._factories import store_with_codebook
    from toolkit.cli import cli
    from toolkit.documents import import_upload, turn_pages

    data = make_pdf(transcript_pages())
    doc = parse_bytes(data, "ordnungsamt.pdf")
    assert doc.turn_pages == (1, 1, 2, 3)
    store = store_with_codebook(tmp_path)
    result = import_upload(store, data, "ordnungsamt.pdf", actor="t")
    assert turn_pages(store, result.document) == [1, 1, 2, 3]
    shown = CliRunner().invoke(cli, ["--db", store.path, "turns", result.document])
    assert shown.output.splitlines()[2].startswith("I @63s p. 2\t")
    txt = import_upload(store, b"I: Hallo?\n\nB: Ja.\n", "kurz.txt", actor="t")
    assert turn_pages(store, txt.document) == [None, None]


def test_the_page_of_a_pdf_turn_is_shown_where_a_segment_is_cited(tmp_path: Path) -> None:
    """Segments (Auswertung, `segments` CLI and exports) get a column page when they come from a
    PDF; the report cites "(ordnungsamt, S. 2 · …)"; Kodieren's turns carry their page."""
    from click.testing import CliRunner

    from tests._factories import store_with_codebook
    from toolkit import analysis
    from toolkit.cli import cli
    from toolkit.codings import add_coding
    from toolkit.documents import document_text, import_upload
    from toolkit.exports import table_bytes
    from toolkit.exports.report_docx import _reference
    from toolkit.workbench import ViewFilter, transcript_view

    store = store_with_codebook(tmp_path)
    pdf = import_upload(store, make_pdf(transcript_pages()), "ordnungsamt.pdf", actor="t").document
    code = "Information/Herausforderungen/Lücken"
    txt = import_upload(store, b"I: Hallo?\n\nB: Ja, die Akte fehlt.\n", "kurz.txt", actor="t").document
    only_txt = analysis.segments(store, analysis.load_codings(store))
    assert "page" not in only_txt.columns  # no PDF, no page column
    text = document_text(store, pdf)
    third = TURNS[2][2]  # the turn on page 2
    at = text.index(third[:20])
    add_coding(store, pdf, at, at + 20, code, coder="anna")
    at_txt = document_text(store, txt).index("Akte")
    add_coding(store, txt, at_txt, at_txt + 4, code, coder="anna")
    seg = analysis.segments(store, analysis.load_codings(store))
    assert list(seg.columns).index("page") == list(seg.columns).index("time") + 1
    pages = dict(zip(seg["document"], seg["page"], strict=True))
    assert pages[pdf] == 2 and pages[txt] is None
    for fmt in ("json", "xlsx"):  # every export format takes the empty page of the .txt segment
        assert table_bytes(seg, fmt, name="Segmente", lang="de")
    rows = json.loads(table_bytes(seg, "json", name="Segmente", lang="de"))
    assert sorted((r["document"], r["page"]) for r in rows) == [(txt, None), (pdf, 2)]
    cited = {r["document"]: _reference(r, "de") for r in seg.to_dict("records")}
    assert cited[pdf].startswith("ordnungsamt, S. 2 · ") and cited[txt].startswith("kurz · ")
    assert _reference(seg.to_dict("records")[0], "en").split(" · ")[0] in ("ordnungsamt, p. 2", "kurz")
    out = CliRunner().invoke(cli, ["--db", store.path, "segments", "--format", "csv"])
    assert out.exit_code == 0, out.output
    header, *rows = out.output.splitlines()
    assert ",time,page," in header and any(",2," in row and "ordnungsamt" in row for row in rows)
    view = transcript_view(store, pdf, ViewFilter(viewer="anna"))
    assert [t["page"] for t in view["turns"]] == [1, 1, 2, 3]
