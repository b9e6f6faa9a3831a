"""Coding weights (0-100, 0 = none): set on adding or changing a coding, kept by undo, filtered,
exported, shown to the Kodieren margin, and given on the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from _factories import LUECKEN, events_of, two_coder_project
from click.testing import CliRunner

from toolkit import history
from toolkit.cli import cli
from toolkit.codings import (
    add_coding,
    coding_version,
    delete_coding,
    list_codings,
    update_coding,
    write_codings,
)
from toolkit.errors import InvalidValue
from toolkit.workbench import ViewFilter, transcript_view


def test_weight_is_stored_changed_filtered_and_logged(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    heavy = add_coding(store, "t", 0, 2, LUECKEN, coder="anna", weight=80)
    assert heavy.weight == 80 and events_of(store, "add", "coding")[-1]["payload"]["weight"] == 80
    assert [c.weight for c in list_codings(store, coder="ben")] == [0, 0, 0]  # default: none
    light = list_codings(store, coder="ben")[0]
    update_coding(store, light.guid, actor="ben", expected_version=1, weight=30)
    assert [c.guid for c in list_codings(store, min_weight=50)] == [heavy.guid]
    assert {c.guid for c in list_codings(store, min_weight=30)} == {heavy.guid, light.guid}
    assert events_of(store, "update", "coding")[-1]["payload"]["after"] == {"weight": 30}
    for bad in (-1, 101, 2.5):
        with pytest.raises(InvalidValue, match="0 \\(none\\) to 100"):
            add_coding(store, "t", 0, 3, LUECKEN, coder="anna", weight=bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        update_coding(store, light.guid, actor="ben", expected_version=2, weight=200)


def test_undo_keeps_the_weight_and_exports_carry_it(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    coding = add_coding(store, "t", 0, 2, LUECKEN, coder="anna", weight=70)
    delete_coding(store, coding.guid, actor="anna", expected_version=coding_version(store, coding.guid))
    history.undo(store, "anna")
    assert [c.weight for c in list_codings(store, coder="anna") if c.guid == coding.guid] == [70]
    out = io.StringIO()
    write_codings(list_codings(store, coder="anna"), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["guid"]: r["weight"] for r in rows}[coding.guid] == "70"
    spans = transcript_view(store, "t", ViewFilter("anna"))["spans"]
    assert {s["guid"]: s["weight"] for s in spans}[coding.guid] == 70


def test_cli_code_with_weight(tmp_path: Path) -> None:
    two_coder_project(tmp_path).close()
    args = ["--db", str(tmp_path / "p.db"), "code", "t", "0", "2", LUECKEN, "--weight", "60", "--json"]
    result = CliRunner().invoke(cli, args, env={"CODING_TOOLKIT_USER": "anna"})
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["weight"] == 60
    args[-3] = "160"
    bad = CliRunner().invoke(cli, args, env={"CODING_TOOLKIT_USER": "anna"})
    assert bad.exit_code == 2 and "160" in bad.output


def test_cli_export_filters_by_weight(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    add_coding(store, "t", 0, 2, LUECKEN, coder="anna", weight=90)
    store.close()
    args = ["--db", str(tmp_path / "p.db"), "codings", "export", "--format", "json", "--min-weight", "50"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert [(r["start"], r["weight"]) for r in json.loads(result.output)] == [(0, 90)]
