"""The package root: its public API resolves lazily, and importing it loads none of the library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import toolkit

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", toolkit.__all__)
def test_every_public_name_resolves_to_the_object_of_its_module(name: str) -> None:
    value = getattr(toolkit, name)
    assert getattr(sys.modules[toolkit._WHERE[name]], name) is value


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        toolkit.nothing_here  # noqa: B018


def test_importing_the_package_imports_no_module_of_it_and_no_sqlite_utils() -> None:
    code = (
        "import json, sys, toolkit\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('toolkit.', 'sqlite_utils')))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(out.stdout) == ["toolkit.sqlite_light"]
