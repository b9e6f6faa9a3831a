"""Merging a codebook into the project (YAML, .qdc): nothing blanked, GUID then full path, a dry run
that lists every field, one transaction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _factories import MINI_CODEBOOK, events_of, store_with_codebook
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.codebook import parse_codebook
from toolkit.codes import code_by_path, list_codes
from toolkit.codes_merge import load_codebook_into
from toolkit.errors import ToolkitError
from toolkit.exchange.refi import import_codebook
from toolkit.store import Store, events

# A .qdc of another tool: the four fields of action by name, new GUIDs, no descriptions or colours.
FOREIGN_QDC = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="OtherTool 1.0"><Codes>
<Code guid="11111111-1111-4111-8111-111111111111" name="Information" isCodable="true">
  <Code guid="11111111-1111-4111-8111-111111111112" name="Treiber" isCodable="true"/>
</Code>
<Code guid="22222222-2222-4222-8222-222222222222" name="Mensch" isCodable="true">
  <Description>Neu beschrieben.</Description>
</Code>
<Code guid="33333333-3333-4333-8333-333333333333" name="Treiber" isCodable="true"/>
</Codes></CodeBook>
"""


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return store_with_codebook(tmp_path)


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], env={"CODING_TOOLKIT_USER": "lead"})
    return result.exit_code, result.output


def snapshot(store: Store) -> list[tuple[object, ...]]:
    return [(c.path, c.guid, c.definition, c.colour, c.name_en, c.keywords_de) for c in list_codes(store)]


def test_a_qdc_with_the_same_names_and_empty_fields_blanks_nothing(store: Store) -> None:
    before = {c.path: c for c in list_codes(store)}
    report = import_codebook(store, FOREIGN_QDC.encode(), actor="lead", name="other.qdc")
    after = {c.path: c for c in list_codes(store)}
    info = after["Information"]
    assert (info.definition, info.colour) == ("Alles zu Informationen.", "#1F77B4")
    assert after["Information/Treiber"].definition == "Was Informationen erleichtert."
    assert after["Mensch"].definition == "Neu beschrieben."  # what the file does say is taken
    assert after["Information"].guid == before["Information"].guid  # codings keep their code
    assert report.codebook is not None
    by_path = {c.path: c for c in report.codebook.codes}
    assert by_path["Information"].matched_by == "path"
    assert {"definition", "colour"} <= set(by_path["Information"].kept)


def test_a_bare_name_never_matches_a_code_on_another_level(store: Store) -> None:
    import_codebook(store, FOREIGN_QDC.encode(), actor="lead", name="other.qdc")
    # the top-level "Treiber" of the file is a new top-level code, not Information's or Mensch's
    assert code_by_path(store, "Treiber").guid == "33333333-3333-4333-8333-333333333333"
    assert code_by_path(store, "Mensch/Treiber").definition == "Was Menschen antreibt."
    assert len([c for c in list_codes(store) if c.name == "Treiber"]) == 3


def test_yaml_leaving_optional_fields_empty_keeps_the_project_values(store: Store) -> None:
    text = (
        MINI_CODEBOOK.replace('    colour: "#1F77B4"\n', "")
        .replace("    keywords:\n      de: [Flurfunk, Bescheid]\n      en: [grapevine]\n", "")
        .replace("    name_en: People\n", "")
    )
    before = snapshot(store)
    report = load_codebook_into(store, parse_codebook(text, "thin.yaml"), actor="t")
    assert snapshot(store) == before
    assert report.updated == ()
    kept = {c.path: c.kept for c in report.codes if c.kept}
    assert kept == {
        "Information": ("colour",),
        "Information/Herausforderungen/Lücken": ("keywords_de", "keywords_en"),
    }
    fields = {r["name"]: r["name_en"] for r in store.query("SELECT * FROM fields_of_action")}
    assert fields["Mensch"] == "People"


def test_guid_comes_first_a_renamed_code_is_the_same_code(store: Store) -> None:
    guid = code_by_path(store, "Information/Treiber/Transparenz").guid
    text = MINI_CODEBOOK.replace("name: Transparenz", "name: Offenheit der Verwaltung")
    report = load_codebook_into(store, parse_codebook(text, "r.yaml"), actor="t")
    assert code_by_path(store, "Information/Treiber/Offenheit der Verwaltung").guid == guid
    [change] = [c for c in report.codes if c.action == "change"]
    assert change.matched_by == "guid"
    assert [(f.field, f.before, f.after) for f in change.changes] == [
        ("name", "Transparenz", "Offenheit der Verwaltung")
    ]


def test_dry_run_lists_field_by_field_and_changes_nothing(store: Store) -> None:
    text = MINI_CODEBOOK.replace("Alles zu Menschen.", "Menschen in der Verwaltung.").replace(
        "attributes:",
        "  - id: mensch-neu\n    parent: mensch\n    name: Neu\n    definition: Neu.\nattributes:",
    )
    before, n_events = snapshot(store), len(events(store))
    report = load_codebook_into(store, parse_codebook(text, "d.yaml"), actor="t", dry_run=True)
    assert report.dry_run and report.added == ("mensch-neu",) and report.updated == ("mensch",)
    assert report.unchanged == 8 - 1
    [change] = [c for c in report.codes if c.action == "change"]
    assert [(f.field, f.before, f.after) for f in change.changes] == [
        ("definition", "Alles zu Menschen.", "Menschen in der Verwaltung.")
    ]
    assert snapshot(store) == before and len(events(store)) == n_events


def test_cli_dry_run_text_and_json(store: Store, tmp_path: Path) -> None:
    store.close()
    qdc = tmp_path / "other.qdc"
    qdc.write_text(FOREIGN_QDC, encoding="utf-8")
    db = tmp_path / "p.db"
    code, out = run(db, "codebook", "load", str(qdc), "--dry-run")
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].startswith("dry run: nothing was stored")
    assert "change  Mensch (matched by path)" in lines
    assert "          definition: 'Alles zu Menschen.' -> 'Neu beschrieben.'" in lines
    assert "add     Treiber" in lines
    assert any(line.startswith("same    Information (matched by path)") for line in lines)
    assert any("kept (empty in the file): definition" in line for line in lines)
    assert lines[-1].startswith("dry run: 1 added, 1 updated, 2 unchanged")
    code, out = run(db, "codebook", "load", str(qdc), "--dry-run", "--json")
    report = json.loads(out)
    assert report["dry_run"] is True and report["added"] == ["treiber"]
    mensch = next(c for c in report["codes"] if c["path"] == "Mensch")
    assert mensch["changes"] == [
        {"field": "definition", "before": "Alles zu Menschen.", "after": "Neu beschrieben."}
    ]
    code, out = run(db, "codebook", "show", "--json")
    assert "Treiber" not in [c["path"] for c in json.loads(out)]  # the dry runs stored nothing


def test_a_failing_merge_changes_nothing(store: Store) -> None:
    before, n_events = snapshot(store), len(events(store))
    # a new code first, then a code whose GUID belongs to Offenheit but whose place is Transparenz's
    text = MINI_CODEBOOK.replace(
        "  - id: info-t-transparenz\n",
        "  - id: zz-neu\n    name: Zz\n    definition: Neu.\n  - id: info-t-transparenz\n",
    ).replace(
        "id: info-t-transparenz\n",
        "id: info-t-transparenz\n    guid: " + code_by_path(store, "Offenheit").guid + "\n",
    )
    text = text.replace(
        "  - id: mensch-t-offenheit\n    parent: mensch-t\n    name: Offenheit\n"
        "    definition: Offen für Neues.\n",
        "",
    )
    with pytest.raises(ToolkitError, match="another code of the project"):
        load_codebook_into(store, parse_codebook(text, "bad.yaml"), actor="t")
    assert snapshot(store) == before and len(events(store)) == n_events
    assert events_of(store, "update", "code") == []


def test_a_qdpx_sibling_clash_is_one_line_naming_the_file(store: Store, tmp_path: Path) -> None:
    from _factories import make_qdpx

    from toolkit.errors import ImportFailed
    from toolkit.exchange.refi import import_project

    # the GUID of Information/Treiber, moved to the top level and named like the project's "Mensch"
    guid = code_by_path(store, "Information/Treiber").guid
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="OtherTool">'
        f'<CodeBook><Codes><Code guid="{guid}" name="Mensch" isCodable="true"/></Codes></CodeBook>'
        "</Project>"
    )
    before, n_events = snapshot(store), len(events(store))
    with pytest.raises(ImportFailed) as info:
        import_project(store, make_qdpx(tmp_path / "clash.qdpx", qde), actor="lead")
    message = str(info.value)
    assert "clash.qdpx" in message and "'Information/Treiber'" in message and "'Mensch'" in message
    assert "\n" not in message
    assert snapshot(store) == before and len(events(store)) == n_events


def test_cli_yaml_load_lists_changes_and_a_dry_run_everything(store: Store, tmp_path: Path) -> None:
    store.close()
    changed = tmp_path / "changed.yaml"
    changed.write_text(MINI_CODEBOOK.replace("Alles zu Menschen.", "Neu."), encoding="utf-8")
    db = tmp_path / "p.db"
    code, out = run(db, "codebook", "load", str(changed), "--dry-run")
    assert code == 0, out
    assert "same    Information (matched by GUID)" in out.splitlines()
    assert "          definition: 'Alles zu Menschen.' -> 'Neu.'" in out.splitlines()
    assert out.splitlines()[-1] == "dry run: 0 added, 1 updated, 7 unchanged"
    code, out = run(db, "codebook", "load", str(changed))
    assert code == 0 and out.splitlines() == [
        "change  Mensch (matched by GUID)",
        "          definition: 'Alles zu Menschen.' -> 'Neu.'",
        "0 added, 1 updated, 7 unchanged",
    ]
