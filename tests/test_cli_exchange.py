"""The exchange commands through click's CliRunner: project import/export, codebook load/export .qdc."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _factories import REFI_SAMPLES, make_qdpx, store_with_codebook
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.codes import code_tree
from toolkit.store import create_store, open_store


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], env={"CODING_TOOLKIT_USER": "lead"})
    return result.exit_code, result.output


def test_export_then_import_into_a_new_project(tmp_path: Path) -> None:
    store_with_codebook(tmp_path).close()
    code, out = run(tmp_path / "p.db", "project", "export", "-o", str(tmp_path / "p.qdpx"))
    assert code == 0 and "wrote" in out
    create_store(tmp_path / "new.db").close()
    code, out = run(tmp_path / "new.db", "project", "import", str(tmp_path / "p.qdpx"), "--json")
    assert code == 0, out
    report = json.loads(out)
    assert report["codes_added"] == 8 and report["missing_sources"] == []
    with open_store(tmp_path / "new.db") as store:
        assert [c.path for c in code_tree(store)][:2] == ["Information", "Information/Herausforderungen"]


def test_codebook_qdc_out_and_in(tmp_path: Path) -> None:
    store_with_codebook(tmp_path).close()
    qdc = tmp_path / "c.qdc"
    code, out = run(tmp_path / "p.db", "codebook", "export", "--format", "qdc", "-o", str(qdc))
    assert code == 0 and qdc.read_bytes().startswith(b"<?xml")
    create_store(tmp_path / "new.db").close()
    code, out = run(tmp_path / "new.db", "codebook", "load", str(qdc))
    assert code == 0 and "8 added, 0 updated, 0 unchanged" in out


def test_a_hostile_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    create_store(tmp_path / "p.db").close()
    bad = make_qdpx(tmp_path / "bad.qdpx", b"<!DOCTYPE x [<!ENTITY a 'b'>]><Project name='&a;'/>")
    code, out = run(tmp_path / "p.db", "project", "import", str(bad))
    assert code == 1
    assert out.strip().count("\n") == 0 and "refused as unsafe" in out


@pytest.mark.skipif(not REFI_SAMPLES.is_dir(), reason="../shared/interop/refi is absent")
def test_import_report_lists_counts(tmp_path: Path) -> None:
    create_store(tmp_path / "p.db").close()
    code, out = run(tmp_path / "p.db", "project", "import", str(REFI_SAMPLES / "qc132_demo.qdpx"))
    assert code == 0
    assert out.splitlines()[0].startswith("2 documents, 205 codings, 262 codes added")


@pytest.mark.skipif(not REFI_SAMPLES.is_dir(), reason="../shared/interop/refi is absent")
def test_import_report_counts_maxqdas_document_sets(tmp_path: Path) -> None:
    create_store(tmp_path / "p.db").close()
    code, out = run(tmp_path / "p.db", "project", "import", str(REFI_SAMPLES / "maxqda24_icls.qdpx"))
    assert code == 0 and "document sets: 2 new, 10 memberships added" in out.splitlines()
    code, out = run(tmp_path / "p.db", "sets", "list", "--json")
    assert code == 0 and {s["name"] for s in json.loads(out)} == {"ICLS 2024", "ICLS 2025"}


def test_dry_run_says_so_and_stores_nothing(tmp_path: Path) -> None:
    store_with_codebook(tmp_path).close()
    run(tmp_path / "p.db", "project", "export", "-o", str(tmp_path / "p.qdpx"))
    create_store(tmp_path / "new.db").close()
    code, out = run(tmp_path / "new.db", "project", "import", str(tmp_path / "p.qdpx"), "--dry-run")
    assert code == 0 and out.startswith("dry run: nothing was stored")
    with open_store(tmp_path / "new.db") as store:
        assert code_tree(store) == []


def test_a_codebook_export_without_codes_says_what_to_do(tmp_path: Path) -> None:
    create_store(tmp_path / "p.db").close()
    code, out = run(tmp_path / "p.db", "codebook", "export", "--format", "qdc", "-o", str(tmp_path / "c.qdc"))
    assert code == 1 and "add codes first" in out and not (tmp_path / "c.qdc").exists()


def test_yaml_alias_bomb_is_one_line_in_init_and_codebook_load(tmp_path: Path) -> None:
    from test_codebook import ALIAS_BOMB

    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("codes: []\n" + ALIAS_BOMB, encoding="utf-8")
    code, out = run(tmp_path / "new.db", "init", "--codebook", str(bomb))
    assert code == 1 and out.count("\n") == 1 and "bomb.yaml, line 3" in out and "alias" in out
    assert not (tmp_path / "new.db").exists()
    store_with_codebook(tmp_path).close()
    code, out = run(tmp_path / "p.db", "codebook", "load", str(bomb))
    assert code == 1 and out.count("\n") == 1 and "bomb.yaml, line 3" in out
