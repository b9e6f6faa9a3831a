"""Safe YAML with line numbers (toolkit.safe_yaml): plain data, key lines, and refusals that name
the file and the line."""

from __future__ import annotations

import pytest

from toolkit.errors import CodebookError
from toolkit.safe_yaml import YamlContext, YamlMap, parse_yaml, safe_yaml_load


def test_safe_yaml_load_reads_plain_data_and_refuses_aliases() -> None:
    assert safe_yaml_load("a: [1, {b: c}]\n", "m.yaml") == {"a": [1, {"b": "c"}]}
    with pytest.raises(CodebookError, match=r"m\.yaml, line 2"):
        safe_yaml_load("a: &x 1\nb: *x\n", "m.yaml")


def test_mappings_remember_the_line_of_each_key() -> None:
    doc = parse_yaml("title: T\ncodes:\n  - id: a\n    name: A\n", YamlContext("c.yaml"))
    assert isinstance(doc, YamlMap)
    assert doc.key_lines == {"title": 1, "codes": 2}
    entry = doc["codes"][0]
    assert entry.line == 3 and entry.key_lines == {"id": 3, "name": 4}


def test_a_key_twice_and_deep_brackets_name_their_line() -> None:
    with pytest.raises(CodebookError, match=r"c\.yaml, line 2"):
        parse_yaml("a: 1\na: 2\n", YamlContext("c.yaml"))
    with pytest.raises(CodebookError, match=r"c\.yaml, line 3"):
        safe_yaml_load("a: 1\nb: 2\nc: " + "[" * 70 + "\n", "c.yaml")
