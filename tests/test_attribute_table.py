"""Document variables from and to a table (.xlsx / .csv)."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests._factories import add_text
from toolkit.attribute_table import column_type, export_attributes, import_attributes
from toolkit.documents import list_documents, set_attributes
from toolkit.errors import ImportFailed
from toolkit.project import DEFAULT_CODEBOOK, init_project
from toolkit.store import Store, events, open_store

TEXT = "I: Wie läuft es?\n\nB: Gut, die E-Akte ist da.\n"


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    init_project(tmp_path / "p.db", codebook=DEFAULT_CODEBOOK, actor="t")
    s = open_store(tmp_path / "p.db")
    for name in ("stadt_a", "stadt_b", "kreis_c"):
        assert add_text(s, TEXT + f"I: Danke, {name}.\n", f"{name}.txt") == name
    return s


def attrs(store: Store) -> dict[str, dict[str, str]]:
    return {d.name: d.attributes for d in list_documents(store)}


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for line in sheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a text that looks like a formula, as Excel keeps one typed with '
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_excel_table_sets_typed_variables_and_reports_what_it_did_not_match(store: Store) -> None:
    data = xlsx(
        [
            ["Dokument", "municipality_type", "einwohner", "interview_am", "notiz"],
            ["stadt_a", "Die Optimierer", 52000, datetime(2024, 5, 1), "=HYPERLINK(1)"],
            ["stadt_b", "Die Bedächtigen", 8500.5, datetime(2024, 6, 3), None],
            ["gibt_es_nicht", "Die Optimierer", 1, None, None],
        ]
    )
    report = import_attributes(store, data, "variablen.xlsx", actor="t")
    assert report.types == {
        "municipality_type": "text",
        "einwohner": "number",
        "interview_am": "date",
        "notiz": "text",
    }
    assert report.unmatched == ((4, "gibt_es_nicht"),)
    assert report.undefined == ("einwohner", "interview_am", "notiz")
    assert report.documents == 2 and report.values == 7
    got = attrs(store)
    assert got["stadt_a"] == {
        "einwohner": "52000",
        "interview_am": "2024-05-01",
        "municipality_type": "Die Optimierer",
        "notiz": "=HYPERLINK(1)",
    }
    assert got["stadt_b"]["einwohner"] == "8500.5" and "notiz" not in got["stadt_b"]
    assert got["kreis_c"] == {}


def test_a_german_csv_with_semicolons_decimal_commas_and_dates(store: Store) -> None:
    data = "Dokument;Anteil;Stichtag\nstadt_a;3,5;01.05.2024\nkreis_c;1.234,5;31.12.2023\n".encode("cp1252")
    report = import_attributes(store, data, "v.csv", actor="t")
    assert report.types == {"Anteil": "number", "Stichtag": "date"}
    assert attrs(store)["kreis_c"] == {"Anteil": "1234.5", "Stichtag": "2023-12-31"}


def test_an_empty_cell_never_blanks_a_value_and_an_unchanged_value_writes_no_event(store: Store) -> None:
    set_attributes(store, "stadt_a", {"municipality_type": "Die Optimierer", "region": "Nord"}, actor="t")
    before = len(events(store))
    data = b"document,municipality_type,region\nstadt_a,Die Optimierer,\n"
    report = import_attributes(store, data, "v.csv", actor="t")
    assert report.values == 0 and len(events(store)) == before
    assert attrs(store)["stadt_a"] == {"municipality_type": "Die Optimierer", "region": "Nord"}


def test_a_dry_run_reports_the_changes_and_stores_nothing(store: Store) -> None:
    report = import_attributes(store, b"doc,region\nstadt_a,Nord\n", "v.csv", actor="t", dry_run=True)
    assert report.dry_run and report.changes == (("stadt_a", "region", None, "Nord"),)
    assert attrs(store)["stadt_a"] == {}


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (
            b"doc,municipality_type\nstadt_a,Die Optimierer\nstadt_b,Die Schnellen\n",
            "v.csv",
            r"v.csv: line 3, column 'municipality_type': 'Die Schnellen' is not a value of",
        ),
        (
            b"doc,region\nstadt_a,Nord\nstadt_a,Sued\n",
            "v.csv",
            r"v.csv: line 3: document 'stadt_a' again \(first in line 2\)",
        ),
        (b"doc,region,region\nstadt_a,Nord,Sued\n", "v.csv", r"line 1: column 'region' appears twice"),
        (b"doc,,x\nstadt_a,Nord,1\n", "v.csv", r"line 1, column 2: the column has values but no name"),
        (b"doc,speaker_role\nstadt_a,CDO\n", "v.csv", r"'speaker_role' is a variable of speakers"),
        (b"PK\x03\x04 not really a zip", "v.xlsx", r"v.xlsx: not a valid .xlsx file"),
        (b"a,b\n", "v.ods", r"v.ods: .ods is not a table; use .xlsx or .csv"),
        (b"", "v.csv", r"v.csv: the file is empty"),
    ],
)
def test_bad_tables_name_the_problem_and_change_nothing(
    store: Store, data: bytes, name: str, message: str
) -> None:
    before = len(events(store))
    with pytest.raises(ImportFailed, match=message):
        import_attributes(store, data, name, actor="t")
    assert len(events(store)) == before and all(not a for a in attrs(store).values())


def test_the_export_opens_in_excel_typed_and_reads_back_the_same(store: Store, tmp_path: Path) -> None:
    data = xlsx(
        [
            ["Dokument", "municipality_type", "einwohner", "interview_am", "notiz"],
            ["stadt_a", "Die Optimierer", 52000, datetime(2024, 5, 1), "=HYPERLINK(1)"],
            ["stadt_b", "Die Bedächtigen", 8500.5, datetime(2024, 6, 3), "ruhig"],
        ]
    )
    import_attributes(store, data, "in.xlsx", actor="t")
    out = tmp_path / "out.xlsx"
    assert export_attributes(store, out) == 3
    sheet = load_workbook(out).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("document", "einwohner", "interview_am", "municipality_type", "notiz")
    by_doc = {r[0]: r for r in rows[1:]}
    assert by_doc["stadt_a"][1] == 52000 and by_doc["stadt_b"][1] == 8500.5
    assert by_doc["kreis_c"][1:] == (None, None, None, None)
    assert by_doc["stadt_a"][2] == datetime(2024, 5, 1) and sheet["C2"].number_format == "DD.MM.YYYY"
    assert by_doc["stadt_a"][4] == "'=HYPERLINK(1)"  # inert in a spreadsheet
    assert sheet["A1"].font.b and sheet.freeze_panes == "B2"
    before = attrs(store)
    report = import_attributes(store, out.read_bytes(), "out.xlsx", actor="t")
    assert report.values == 0 and attrs(store) == before  # the same values, the formula text too
    csv_out = tmp_path / "out.csv"
    export_attributes(store, csv_out)
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbfdocument;einwohner;interview_am")


def test_column_types() -> None:
    assert column_type(["1", "2,5", None, ""]) == "number"
    assert column_type([date(2024, 1, 2), "03.04.2024"]) == "date"
    assert column_type(["31.02.2024"]) == "text"  # no such day
    assert column_type(["1", "zwei"]) == "text"


def test_cli_imports_with_a_dry_run_first_and_exports(store: Store, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from toolkit.cli import cli

    table = tmp_path / "v.csv"
    table.write_text("Dokument;region;einwohner\nstadt_a;Nord;12000\nfehlt;Süd;3\n", encoding="utf-8")
    run = CliRunner().invoke
    db = ["--db", store.path]
    dry = run(cli, [*db, "attributes", "import", str(table), "--dry-run", "--json"])
    assert dry.exit_code == 0, dry.output
    assert '"unmatched": [\n    {\n      "line": 3,\n      "document": "fehlt"' in dry.output
    assert attrs(store)["stadt_a"] == {}
    done = run(cli, [*db, "attributes", "import", str(table)])
    assert done.exit_code == 0 and "set 2 values of 1 documents" in done.output
    assert "line 3: no document 'fehlt'" in done.output and "einwohner: number" in done.output
    assert attrs(store)["stadt_a"] == {"einwohner": "12000", "region": "Nord"}
    out = tmp_path / "out.xlsx"
    exported = run(cli, [*db, "attributes", "export", "-o", str(out)])
    assert exported.exit_code == 0 and out.exists()
    bad = run(cli, [*db, "attributes", "import", str(tmp_path / "v.ods")])
    assert bad.exit_code != 0
