"""Taguette highlights CSV as codings: whitespace-tolerant anchoring, repeats, reports, real data."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from _factories import CORPORA, add_text, new_store, store_with_codebook, write_csv

from toolkit.anchoring import fold_query
from toolkit.codes import list_codes
from toolkit.codings import list_codings
from toolkit.documents import document_text, import_files
from toolkit.errors import ImportFailed
from toolkit.exchange.taguette import import_highlights
from toolkit.store import Store

HEADER = ["id", "document", "tag", "content"]
# Stored text with a tab, a triple blank and a line break inside the first answer.
TEXT = (
    "I: Wie läuft es?\n\n"
    "B: Wir haben   viele\tAnträge.\nDas ist gut.\n\n"
    "I: Und sonst?\n\n"
    "B: Ja, viele Anträge. Noch mehr.\n"
)
SERDIF = CORPORA / "en_serdif_usability_train"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = store_with_codebook(tmp_path)
    add_text(s, TEXT, filename="int1.txt")
    return s


def highlights(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    return write_csv(
        tmp_path / "highlights.csv", HEADER, [(str(i), d, t, c) for i, (d, t, c) in enumerate(rows, 1)]
    )


def codings(store: Store) -> list[tuple[str, int, int, str]]:
    return [(c.code_path, c.start, c.end, c.text) for c in list_codings(store)]


@pytest.mark.parametrize(
    "content",
    [
        "Wir haben viele Anträge. Das ist gut.",
        "Wir haben viele Anträge.\n  Das ist gut.",
        "Wir\thaben\t\tviele  Anträge.\r\nDas ist gut.",
        "  Wir haben viele Anträge. Das ist gut.\n",
        "Wir haben viele Antra\u0308ge. Das ist gut.",
    ],
    ids=["single-blanks", "newline-and-indent", "tabs-and-crlf", "padded", "nfd"],
)
def test_content_differing_in_whitespace_anchors_to_the_stored_span(
    store: Store, tmp_path: Path, content: str
) -> None:
    report = import_highlights(store, highlights(tmp_path, [("int1.odt", "Lob", content)]), coder="tg")
    assert (report.imported, report.unanchored) == (1, [])
    [(_path, start, end, text)] = codings(store)
    stored = "Wir haben   viele\tAnträge.\nDas ist gut."
    assert start == TEXT.index(stored)
    assert end == start + len(stored)
    assert text == stored == document_text(store, "int1")[start:end]


def test_same_content_same_tag_takes_first_then_second_occurrence(store: Store, tmp_path: Path) -> None:
    rows = [("int1.odt", "Menge", "viele Anträge"), ("int1.odt", "Menge", "viele  Anträge")]
    report = import_highlights(store, highlights(tmp_path, rows), coder="tg")
    assert report.imported == 2
    first = TEXT.index("viele\tAnträge")
    second = TEXT.index("viele Anträge")
    assert [(s, e) for _, s, e, _ in codings(store)] == [
        (first, first + len("viele\tAnträge")),
        (second, second + len("viele Anträge")),
    ]


def test_same_content_with_two_tags_gives_the_same_span_twice(store: Store, tmp_path: Path) -> None:
    rows = [("int1.odt", "Lob", "Ja, viele Anträge."), ("int1.odt", "Menge", "Ja, viele Anträge.")]
    import_highlights(store, highlights(tmp_path, rows), coder="tg")
    start = TEXT.index("Ja, viele Anträge.")
    end = start + len("Ja, viele Anträge.")
    assert codings(store) == [
        ("Lob", start, end, "Ja, viele Anträge."),
        ("Menge", start, end, "Ja, viele Anträge."),
    ]


def test_document_matched_by_name_without_extension_and_case(store: Store, tmp_path: Path) -> None:
    rows = [("INT1.docx", "Lob", "Noch mehr."), ("int1", "Lob", "Und sonst?")]
    report = import_highlights(store, highlights(tmp_path, rows), coder="tg")
    assert report.imported == 2


def test_unknown_documents_and_unanchorable_rows_are_reported_with_lines(
    store: Store, tmp_path: Path
) -> None:
    rows = [
        ("int1.odt", "Lob", "Wir haben viele Anträge.\nDas ist gut."),  # lines 2-3 (quoted newline)
        ("fehlt.odt", "Lob", "egal"),  # line 4
        ("int1.odt", "Lob", "Das steht nirgends."),  # line 5
        ("int1.odt", "", "Noch mehr."),  # line 6
        ("int1.odt", "Lob", "Noch mehr."),  # line 7
    ]
    report = import_highlights(store, highlights(tmp_path, rows), coder="tg")
    assert report.imported == 2
    assert [(u.line, u.document, u.tag) for u in report.unanchored] == [
        (4, "fehlt.odt", "Lob"),
        (5, "int1.odt", "Lob"),
        (6, "int1.odt", ""),
    ]
    reasons = [u.reason for u in report.unanchored]
    assert "no imported document" in reasons[0]
    assert "not found" in reasons[1]
    assert "empty tag" in reasons[2]


def test_tags_missing_from_the_codebook_are_created(store: Store, tmp_path: Path) -> None:
    rows = [
        ("int1.odt", "Transparenz", "Noch mehr."),  # an existing code (unique name)
        ("int1.odt", "Lob", "Und sonst?"),
        ("int1.odt", "Menge", "viele Anträge"),
        ("int1.odt", "Lob", "Wie läuft es?"),
    ]
    report = import_highlights(store, highlights(tmp_path, rows), coder="tg")
    assert report.created_codes == ["Lob", "Menge"]
    paths = [c.path for c in list_codes(store)]
    assert {"Lob", "Menge"} <= set(paths)
    assert sum(p == "Lob" for p in paths) == 1
    assert next(c for c in codings(store) if c[3] == "Noch mehr.")[0] == "Information/Treiber/Transparenz"


def test_excel_style_csv_with_bom_and_crlf(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    content = (
        "id,document,tag,content\r\n"
        '1,int1.odt,Lob,"Wir haben viele\r\nAnträge."\r\n'
        "2,int1.odt,Lob,Noch mehr.\r\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + content.encode("utf-8"))
    report = import_highlights(store, path, coder="tg")
    assert (report.imported, report.unanchored) == (2, [])
    assert [c[3] for c in codings(store)] == ["Wir haben   viele\tAnträge.", "Noch mehr."]


def test_imported_codings_belong_to_the_coder_with_origin_taguette(store: Store, tmp_path: Path) -> None:
    import_highlights(store, highlights(tmp_path, [("int1.odt", "Lob", "Noch mehr.")]), coder="team-a")
    assert [c.coder for c in list_codings(store)] == ["team-a"]
    assert store.query("SELECT origin FROM codings") == [{"origin": "taguette"}]


def test_importing_twice_adds_nothing(store: Store, tmp_path: Path) -> None:
    rows = [
        ("int1.odt", "Lob", "Wir haben viele Anträge. Das ist gut."),
        ("int1.odt", "Menge", "viele Anträge"),
        ("int1.odt", "Menge", "viele Anträge"),
        ("int1.odt", "Lob", "Noch mehr."),
    ]
    path = highlights(tmp_path, rows)
    first = import_highlights(store, path, coder="tg")
    assert first.imported == 4
    before = codings(store)
    second = import_highlights(store, path, coder="tg")
    assert (second.imported, second.already_present, second.created_codes) == (0, 4, [])
    assert codings(store) == before


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        (["id", "document", "content"], "tag"),
        (["id", "tag", "content"], "document"),
        (["id", "document", "tag", "text"], "content"),
    ],
    ids=["no-tag", "no-document", "no-content"],
)
def test_missing_columns(store: Store, tmp_path: Path, header: list[str], missing: str) -> None:
    path = write_csv(tmp_path / "export.csv", header, [["1"] * len(header)])
    with pytest.raises(ImportFailed) as info:
        import_highlights(store, path, coder="tg")
    message = str(info.value)
    assert message.startswith(str(path))
    assert f"missing column(s) {missing}" in message
    assert list_codings(store) == []


def test_missing_file(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="cannot read") as info:
        import_highlights(store, tmp_path / "nope.csv", coder="tg")
    assert "nope.csv" in str(info.value)


# --- real data ---------------------------------------------------------------------------------------


def test_serdif_highlights(tmp_path: Path) -> None:
    transcripts = sorted(SERDIF.glob("P*.txt"))
    if not (SERDIF / "highlights.csv").exists() or len(transcripts) != 9:
        pytest.skip(f"the SERDIF corpus is not available at {SERDIF}")
    store = new_store(tmp_path)
    results = import_files(store, transcripts, actor="t")
    assert all(r.imported for r in results)

    report = import_highlights(store, SERDIF / "highlights.csv", coder="serdif")
    assert report.imported == 1000
    assert report.unanchored == []
    assert report.already_present == 0
    assert len(report.created_codes) == 22

    with (SERDIF / "highlights.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = Counter((Path(r["document"]).stem, r["tag"].strip(), fold_query(r["content"])) for r in rows)
    stored = list_codings(store, coder="serdif")
    assert len(stored) == 1000
    got = Counter((c.document, c.code_path, fold_query(c.text)) for c in stored)
    assert got == expected
    texts = {r.document: document_text(store, r.document) for r in results}
    assert all(c.text == texts[c.document][c.start : c.end] for c in stored)


def test_in_team_mode_only_a_lead_imports_highlights(store: Store, tmp_path: Path) -> None:
    from toolkit.accounts import add_user, set_team_mode
    from toolkit.errors import PermissionDenied

    add_user(store, "lena", role="lead", actor="setup", password="a long password 1")
    add_user(store, "anna", role="coder", actor="setup", password="a long password 2")
    set_team_mode(store, True, actor="lena")
    path = highlights(tmp_path, [("int1", "Neuer Tag", "Das ist gut.")])
    with pytest.raises(PermissionDenied, match="anna"):
        import_highlights(store, path, coder="anna")
    assert codings(store) == []
    report = import_highlights(store, path, coder="anna", actor="lena")
    assert [c[3] for c in codings(store)] == ["Das ist gut."]
    assert report.created_codes == ["Neuer Tag"]


# --- renamed documents: --map, --map-file, the exit code (issue 15) -----------------------------


def cli_import(db: Path, csv_file: Path, *extra: str) -> tuple[int, str]:
    from click.testing import CliRunner

    from toolkit.cli import cli

    args = ["--db", str(db), "codings", "import", str(csv_file), "--format", "taguette-csv", "--coder", "tg"]
    result = CliRunner().invoke(cli, [*args, *extra], env={"CODING_TOOLKIT_USER": "tg"})
    return result.exit_code, result.output


def test_a_renamed_document_fails_the_import_until_it_is_mapped(store: Store, tmp_path: Path) -> None:
    rows = [("int1.odt", "Lob", "Noch mehr."), ("Interview 1 (neu).odt", "Lob", "Und sonst?")]
    h = highlights(tmp_path, rows)
    db = tmp_path / "p.db"
    code, out = cli_import(db, h)
    assert code == 1
    assert "line 3: Interview 1 (neu).odt / Lob: no imported document of that name" in out
    assert "nothing imported: 1 rows not anchored (1 would be imported)" in out and "--map" in out
    assert codings(store) == []  # one transaction: nothing stored
    code, out = cli_import(db, h, "--map", "Interview 1 (neu).odt=int1")
    assert code == 0, out
    assert out.strip().endswith("2 codings imported, 0 already present, 0 rows not anchored")
    assert [c[3] for c in codings(store)] == ["Und sonst?", "Noch mehr."]


def test_map_file_and_allow_unanchored(store: Store, tmp_path: Path) -> None:
    rows = [("neu.odt", "Lob", "Noch mehr."), ("int1.odt", "Lob", "Das steht nirgends.")]
    h = highlights(tmp_path, rows)
    mapping = tmp_path / "map.txt"
    mapping.write_text("# Taguette = Projekt\nneu.odt=int1\n", encoding="utf-8")
    code, out = cli_import(tmp_path / "p.db", h, "--map-file", str(mapping))
    assert code == 1 and codings(store) == []
    code, out = cli_import(tmp_path / "p.db", h, "--map-file", str(mapping), "--allow-unanchored")
    assert code == 0, out
    assert "1 codings imported, 0 already present, 1 rows not anchored" in out
    assert [c[3] for c in codings(store)] == ["Noch mehr."]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--map", "neu.odt"], "is not OLD=NEW"),
        (["--map", "neu.odt=fehlt"], "the project has no document 'fehlt'"),
    ],
)
def test_bad_maps_are_one_line(store: Store, tmp_path: Path, args: list[str], message: str) -> None:
    code, out = cli_import(
        tmp_path / "p.db", highlights(tmp_path, [("int1.odt", "Lob", "Noch mehr.")]), *args
    )
    assert code == 1 and message in out and out.count("\n") == 1
    assert codings(store) == []
