"""Compare cases and groups: a code's segments per value of a document variable, with counts, as
data, as a Word file (reopened) and through the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from _factories import LUECKEN, add_text, two_coder_project
from click.testing import CliRunner
from docx import Document

from toolkit.cli import cli
from toolkit.codings import add_coding
from toolkit.documents import set_attributes
from toolkit.errors import InvalidValue, NotFound
from toolkit.exports.compare_docx import write_comparison_docx
from toolkit.qca.compare import compare_by, compare_groups, compare_sets, parse_by
from toolkit.store import Store


def project(tmp_path: Path) -> Store:
    store = two_coder_project(tmp_path)  # document t: anna and ben coded Lücken
    second = add_text(store, "I: Zweites Interview.\n\nB: Hier fehlt es an Bescheid.\n", "zwei.txt")
    add_coding(store, second, 26, 52, LUECKEN, coder="anna")
    add_text(store, "I: Drittes.\n\nB: Nichts dazu.\n", "drei.txt")
    set_attributes(store, "t", {"municipality_type": "Die Optimierer"}, actor="t")
    set_attributes(store, "zwei", {"municipality_type": "Die Bedächtigen"}, actor="t")
    return store


def test_groups_by_value_with_counts_and_segments(tmp_path: Path) -> None:
    c = compare_groups(project(tmp_path), "Information/Herausforderungen", "municipality_type")
    assert [(g.value, g.documents, g.documents_coded, len(g.segments)) for g in c.groups] == [
        ("Die Bedächtigen", 1, 1, 1),
        ("Die Optimierer", 1, 1, 3),  # anna twice, ben once
        ("", 1, 0, 0),  # drei has no value: last
    ]
    assert c.groups[0].segments[0].text == "Hier fehlt es an Bescheid."
    only_ben = compare_groups(project(tmp_path / "b"), LUECKEN, "municipality_type", coder="ben")
    assert [len(g.segments) for g in only_ben.groups] == [0, 1, 0]


def test_bad_variable_and_by_are_refused(tmp_path: Path) -> None:
    store = project(tmp_path)
    with pytest.raises(NotFound, match="municipality_type"):
        compare_groups(store, "Information", "gibtsnicht")
    with pytest.raises(InvalidValue, match="attribute:NAME"):
        parse_by("municipality_type")
    assert parse_by("attribute:municipality_type") == "municipality_type"


def test_word_file_has_counts_and_columns_side_by_side(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    write_comparison_docx(compare_groups(project(tmp_path), LUECKEN, "municipality_type"), buffer)
    doc = Document(io.BytesIO(buffer.getvalue()))
    counts = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert counts[0] == ["Gruppe", "Dokumente", "Dokumente mit Code", "Segmente"]
    assert counts[1:] == [
        ["Die Bedächtigen", "1", "1", "1"],
        ["Die Optimierer", "1", "1", "3"],
        ["(ohne Wert)", "1", "0", "0"],
    ]
    side = [[c.text for c in r.cells] for r in doc.tables[1].rows]
    assert side[0] == ["Die Bedächtigen (n = 1)", "Die Optimierer (n = 3)", "(ohne Wert) (n = 0)"]
    assert side[1][0] == "zwei: Hier fehlt es an Bescheid." and side[1][1].startswith("t: ")
    assert side[2][0] == "" and len(side) == 4


def test_cli_compare_json_and_docx(tmp_path: Path) -> None:
    project(tmp_path).close()
    db = str(tmp_path / "p.db")
    result = CliRunner().invoke(
        cli, ["--db", db, "compare", "--code", LUECKEN, "--by", "attribute:municipality_type", "--json"]
    )
    assert result.exit_code == 0, result.output
    groups = json.loads(result.output)["groups"]
    assert [(g["value"], len(g["segments"])) for g in groups] == [
        ("Die Bedächtigen", 1),
        ("Die Optimierer", 3),
        ("", 0),
    ]
    out = tmp_path / "v.docx"
    result = CliRunner().invoke(
        cli, ["--db", db, "compare", "--code", LUECKEN, "--by", "attribute:municipality_type", "-o", str(out)]
    )
    assert result.exit_code == 0 and out.exists()
    bad = CliRunner().invoke(cli, ["--db", db, "compare", "--code", LUECKEN, "--by", "kommunentyp"])
    assert bad.exit_code == 1 and "attribute:NAME" in bad.output


def test_groups_by_document_sets_a_document_in_two_sets_counts_in_each(tmp_path: Path) -> None:
    from toolkit.document_sets import create_set

    store = project(tmp_path)
    with pytest.raises(InvalidValue, match="no document sets"):
        compare_sets(store, LUECKEN)
    create_set(store, "Großstädte", ["t", "zwei"], actor="t")
    create_set(store, "Alle mit t", ["t"], actor="t")
    c = compare_by(store, LUECKEN, "set")
    assert c.by == "set" and c.variable == ""
    assert [(g.value, g.documents, g.documents_coded, len(g.segments)) for g in c.groups] == [
        ("Alle mit t", 1, 1, 3),
        ("Großstädte", 2, 2, 4),
        ("", 1, 0, 0),  # drei is in no set: last
    ]
    assert [len(g.segments) for g in compare_sets(store, LUECKEN, coder="ben").groups] == [1, 1, 0]
    buffer = io.BytesIO()
    write_comparison_docx(c, buffer)
    doc = Document(io.BytesIO(buffer.getvalue()))
    assert [r.cells[0].text for r in doc.tables[0].rows][1:] == [
        "Alle mit t",
        "Großstädte",
        "(in keiner Dokumentgruppe)",
    ]
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "p.db"), "compare", "--code", LUECKEN, "--by", "set"]
    )
    assert result.exit_code == 0, result.output
    assert "(in no set): 1 documents, 0 with the code, 0 segments" in result.output
    with pytest.raises(InvalidValue, match="nor set"):
        compare_by(store, LUECKEN, "sets")
