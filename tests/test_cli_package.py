"""The CLI package: the lazy command table matches the commands, and the light commands start
without the heavy libraries (what a user notices as start time)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from toolkit.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("spacy", "pandas", "numpy", "sklearn", "streamlit", "openpyxl", "docx", "altair", "pyarrow")
SHARED = {"__init__", "common", "commands", "root"}  # modules of the package that define no command


def _top_level_commands(module_name: str) -> dict[str, click.Command]:
    """The commands a module defines at module level that are not subcommands of one of its groups."""
    module = importlib.import_module(module_name)
    found = {n: c for n, c in vars(module).items() if isinstance(c, click.Command)}
    nested = {id(s) for c in found.values() if isinstance(c, click.Group) for s in c.commands.values()}
    return {n: c for n, c in found.items() if id(c) not in nested}


def test_the_table_names_every_command_of_every_module_and_nothing_else() -> None:
    modules = [
        f"toolkit.cli.{p.stem}" for p in (ROOT / "toolkit" / "cli").glob("*.py") if p.stem not in SHARED
    ]
    defined = {f"{m}:{n}" for m in modules for n in _top_level_commands(m)}
    assert defined == {entry.target for entry in COMMANDS.values()}


def test_each_entry_loads_its_command_under_its_name_with_its_short_help() -> None:
    for name, entry in COMMANDS.items():
        module, _, attr = entry.target.partition(":")
        command = getattr(importlib.import_module(module), attr)
        assert command.name == name, entry.target
        kept = click.Command(name, help=entry.help).get_short_help_str(10_000)
        assert kept == command.get_short_help_str(10_000), f"the table's help of `{name}` differs"


def test_root_help_lists_every_command_with_its_short_help() -> None:
    out = CliRunner().invoke(cli, ["--help"]).output
    for name in COMMANDS:
        assert f"\n  {name} " in out
    assert "Show and set the project's defaults" in out
    assert "Create a new project database with a codebook; it..." in out


def test_light_commands_start_without_spacy_pandas_or_numpy(tmp_path: Path) -> None:
    """`--help`, `documents`, `turns` and `code` on a real project, in a fresh interpreter: their
    output is right, and none of the heavy libraries was imported on the way."""
    db = tmp_path / "p.db"
    (tmp_path / "a.txt").write_text("I: Wie geht es?\n\nB: Gut, danke.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "init"]).exit_code == 0
    assert runner.invoke(cli, ["--db", str(db), "import", str(tmp_path / "a.txt")]).exit_code == 0
    script = (
        "import json, sys\n"
        "from click.testing import CliRunner\n"
        "from toolkit.cli import cli\n"
        "db = sys.argv[1]\n"
        "runs = [['--help'], ['code', '--help'], ['--db', db, 'documents', '--json'],\n"
        "        ['--db', db, 'turns', 'a', '--json'],\n"
        "        ['--db', db, 'code', 'a', '0', '15', 'Mensch', '--coder', 'anna', '--json']]\n"
        "results = [CliRunner().invoke(cli, args) for args in runs]\n"
        f"heavy = sorted(m for m in {HEAVY!r} if m in sys.modules)\n"
        "print(json.dumps({'codes': [r.exit_code for r in results], 'outputs': [r.output for r in results],"
        " 'heavy': heavy}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(db)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    seen = json.loads(proc.stdout)
    assert seen["codes"] == [0, 0, 0, 0, 0], seen["outputs"]
    assert json.loads(seen["outputs"][2])[0]["name"] == "a"
    assert [t["speaker"] for t in json.loads(seen["outputs"][3])] == ["I", "B"]
    assert json.loads(seen["outputs"][4])["code_path"] == "Mensch"
    assert seen["heavy"] == []
