"""The codebook file format: the shipped codebook, validation errors with lines, round trips, GUIDs."""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from pathlib import Path

import pytest
from _factories import MINI_CODEBOOK, SHIPPED_CODEBOOK, mini_codebook

from toolkit.codebook import code_guid, dump_codebook, load_codebook, parse_codebook
from toolkit.errors import CodebookError
from toolkit.model import Codebook, CodeDef

FIELDS = ["Information", "Mensch", "Produkt", "Organisation"]
SEEDS = ["000", "001", "002", "003", "004"]
MUNICIPALITY_TYPES = ["Die Bedächtigen", "Die Optimierer", "Die Serviceorientierten", "Die Community Manager"]


@pytest.fixture(scope="module")
def shipped() -> Codebook:
    if not SHIPPED_CODEBOOK.exists():
        pytest.skip(f"the shipped codebook {SHIPPED_CODEBOOK} is missing")
    return load_codebook(SHIPPED_CODEBOOK)


def children_of(codebook: Codebook) -> dict[str | None, list[CodeDef]]:
    out: dict[str | None, list[CodeDef]] = defaultdict(list)
    for code in codebook.codes:
        out[code.parent].append(code)
    return out


def leaves(codebook: Codebook) -> list[CodeDef]:
    children = children_of(codebook)
    return [c for c in codebook.codes if not children.get(c.id)]


# --- the shipped codebook -----------------------------------------------------------------------


def test_shipped_codebook_has_the_four_fields_of_action(shipped: Codebook) -> None:
    assert [f.name for f in shipped.fields_of_action] == FIELDS
    top = children_of(shipped)[None]
    assert [c.name for c in top] == FIELDS
    assert [c.field_of_action for c in top] == FIELDS


@pytest.mark.parametrize("field", FIELDS)
def test_each_field_has_challenges_and_drivers(shipped: Codebook, field: str) -> None:
    children = children_of(shipped)
    [top] = [c for c in children[None] if c.name == field]
    kids = {c.name: c.valence for c in children[top.id]}
    assert kids == {"Herausforderungen": "challenge", "Treiber": "driver"}


def test_shipped_codebook_has_at_least_40_leaves(shipped: Codebook) -> None:
    assert len(leaves(shipped)) >= 40


def test_every_leaf_is_fully_described(shipped: Codebook) -> None:
    problems = []
    for code in leaves(shipped):
        for attr in ("name_en", "definition", "anchor_example", "coding_rule", "source"):
            if not getattr(code, attr).strip():
                problems.append(f"{code.id}: empty {attr}")
        if not code.keywords_de:
            problems.append(f"{code.id}: no German keywords")
        if not code.keywords_en:
            problems.append(f"{code.id}: no English keywords")
        if not re.fullmatch(r"#[0-9A-F]{6}", code.colour):
            problems.append(f"{code.id}: colour {code.colour!r}")
    assert problems == []


@pytest.mark.parametrize("seed", SEEDS)
def test_every_seed_is_the_source_of_a_leaf(shipped: Codebook, seed: str) -> None:
    assert any(code.source == seed for code in leaves(shipped))


def test_shipped_attributes(shipped: Codebook) -> None:
    attributes = {a.name: a for a in shipped.attributes}
    municipality = attributes["municipality_type"]
    assert municipality.applies_to == "document"
    assert set(MUNICIPALITY_TYPES) <= {v.value for v in municipality.values}
    role = attributes["speaker_role"]
    assert role.applies_to == "speaker"
    assert "CDO" in {v.value for v in role.values}


def test_shipped_codebook_round_trips(shipped: Codebook) -> None:
    assert parse_codebook(dump_codebook(shipped), str(SHIPPED_CODEBOOK)) == shipped


# --- validation errors ---------------------------------------------------------------------------

BASE = """\
format: 1
fields_of_action:
  - name: Information
codes:
  - id: a
    name: A
    definition: Def A.
  - id: b
    parent: a
    name: B
    definition: Def B.
"""
# line numbers in BASE: 5 "- id: a", 8 "- id: b", 10 "name: B"


def after_name_b(line: str) -> str:
    """BASE with ``line`` inserted right after ``name: B`` (so it is line 11)."""
    return BASE.replace("    name: B\n", f"    name: B\n{line}\n")


ERRORS = [
    pytest.param(
        after_name_b("    color: '#112233'"),
        11,
        ["unknown key 'color'", "did you mean 'colour'"],
        id="unknown-key-color",
    ),
    pytest.param(after_name_b("    colr: '#112233'"), 11, ["unknown key 'colr'"], id="unknown-key-typo"),
    pytest.param(BASE.replace("id: b", "id: a"), 8, ["'a'", "used twice"], id="duplicate-id"),
    pytest.param(
        BASE + "  - id: c\n    parent: a\n    name: b\n    definition: C.\n",
        12,
        ["name 'b'", "already used", "siblings"],
        id="duplicate-sibling-name-case",
    ),
    pytest.param(
        BASE.replace("    definition: Def B.\n", ""), 8, ["'b'", "no 'definition'"], id="missing-definition"
    ),
    pytest.param(
        BASE.replace("    definition: Def B.\n", "    definition: '  '\n"),
        11,
        ["'definition'", "empty"],
        id="blank-definition",
    ),
    pytest.param(BASE.replace("name: B", "name: ''"), 10, ["'name'", "empty"], id="empty-name"),
    pytest.param(BASE.replace("name: B", "name: B/C"), 10, ["'B/C'", "'/'"], id="name-with-slash"),
    pytest.param(after_name_b("    colour: '#12345'"), 11, ["'#12345'", "#RRGGBB"], id="bad-colour"),
    pytest.param(
        after_name_b("    valence: good"), 11, ["'good'", "'challenge' or 'driver'"], id="bad-valence"
    ),
    pytest.param(
        after_name_b("    field_of_action: Mensch"),
        11,
        ["'Mensch'", "not declared", "Information"],
        id="undeclared-field",
    ),
    pytest.param(
        BASE.replace("parent: a", "parent: zz"), 8, ["parent 'zz'", "does not exist"], id="unknown-parent"
    ),
    pytest.param(
        BASE.replace("  - id: a\n", "  - id: a\n    parent: b\n"), 5, ["own ancestor", "cycle"], id="cycle"
    ),
    pytest.param(BASE.replace("id: b", "id: B b"), 8, ["'B b'", "a-z"], id="bad-id"),
    pytest.param(
        BASE.replace("    name: B\n", "\tname: B\n"), 10, ["not valid YAML", "'\\t'"], id="yaml-tab"
    ),
    pytest.param(
        after_name_b("    name: C"), 11, ["key 'name'", "appears twice"], id="duplicate-key-in-entry"
    ),
    pytest.param("- a\n- b\n", None, ["YAML mapping", "'codes'"], id="top-level-list"),
    pytest.param("just text\n", None, ["YAML mapping"], id="top-level-scalar"),
    pytest.param("", None, ["YAML mapping"], id="empty-file"),
    pytest.param("format: 1\ntitle: x\n", None, ["no 'codes'"], id="no-codes"),
    pytest.param(
        BASE.replace("format: 1", "format: 2"), 1, ["format 2", "not supported", "use 1"], id="format-2"
    ),
    pytest.param(BASE + "colours: []\n", 12, ["unknown key 'colours'"], id="unknown-top-key"),
    pytest.param(
        BASE.replace("- name: Information\n", "- name: Information\n  - name: Information\n"),
        2,
        ["field of action is listed twice"],
        id="duplicate-field",
    ),
    pytest.param(
        after_name_b("    guid: not-a-guid"), 11, ["guid 'not-a-guid'", "not a UUID"], id="bad-guid"
    ),
    pytest.param(
        BASE + "attributes:\n  - name: role\n    applies_to: room\n",
        14,
        ["applies_to", "'document' or 'speaker'"],
        id="bad-applies-to",
    ),
    pytest.param(
        after_name_b("    keywords: {fr: [mot]}"),
        11,
        ["keywords of code 'b'", "'de' and 'en'"],
        id="bad-keywords-language",
    ),
    pytest.param(
        "codes: []\nattributes:\n  - name: t\n    values: [A, A]\n",
        3,
        ["value 'A'", "listed twice"],
        id="duplicate-attribute-value",
    ),
    pytest.param(
        "codes: []\nattributes:\n  - name: t\n  - name: t\n",
        2,
        ["attribute name is listed twice"],
        id="duplicate-attribute",
    ),
    pytest.param(
        "codes: []\nattributes:\n  - name: 1abc\n", 3, ["'1abc'", "identifier"], id="attribute-not-identifier"
    ),
]


@pytest.mark.parametrize(("text", "line", "fragments"), ERRORS)
def test_codebook_errors_name_file_line_and_problem(
    text: str, line: int | None, fragments: list[str]
) -> None:
    with pytest.raises(CodebookError) as info:
        parse_codebook(text, "cb.yaml")
    message = str(info.value)
    assert info.value.line == line
    assert message.startswith(f"cb.yaml, line {line}:" if line else "cb.yaml:")
    for fragment in fragments:
        assert fragment in message


def test_unclosed_quote_reports_a_line_at_or_after_the_quote() -> None:
    text = BASE.replace("name: B", "name: 'B")  # the quote opens on line 10
    with pytest.raises(CodebookError, match="not valid YAML") as info:
        parse_codebook(text, "cb.yaml")
    assert info.value.line is not None
    assert info.value.line >= 10
    assert f"cb.yaml, line {info.value.line}:" in str(info.value)


def test_load_codebook_of_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "fehlt.yaml"
    with pytest.raises(CodebookError, match="no such file") as info:
        load_codebook(path)
    assert str(path) in str(info.value)


def test_load_codebook_reports_its_own_path(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.yaml"
    path.write_text(BASE.replace("id: b", "id: a"), encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    assert str(info.value).startswith(f"{path}, line 8:")


# --- parsing details, round trip, GUIDs ----------------------------------------------------------


def test_mini_codebook_is_read_as_written() -> None:
    book = mini_codebook()
    assert book.title == "Mini"
    assert [f.name for f in book.fields_of_action] == ["Information", "Mensch"]
    luecken = next(c for c in book.codes if c.id == "info-h-luecken")
    assert luecken.parent == "info-h"
    assert luecken.keywords_de == ("Flurfunk", "Bescheid")
    assert luecken.keywords_en == ("grapevine",)
    info = next(c for c in book.codes if c.id == "info")
    assert info.colour == "#1F77B4"
    roles = next(a for a in book.attributes if a.name == "speaker_role")
    assert roles.applies_to == "speaker"
    assert [v.value for v in roles.values] == ["CDO", "Sachbearbeitung"]


def test_parents_may_come_after_their_children() -> None:
    text = (
        "codes:\n"
        "  - {id: kind, parent: eltern, name: Kind, definition: K}\n"
        "  - {id: eltern, name: E, definition: E}\n"
    )
    book = parse_codebook(text, "cb.yaml")
    assert [(c.id, c.parent) for c in book.codes] == [("kind", "eltern"), ("eltern", None)]


def test_small_codebook_round_trips() -> None:
    book = mini_codebook()
    assert parse_codebook(dump_codebook(book), "again.yaml") == book


def test_round_trip_keeps_special_characters() -> None:
    text = (
        "title: 'Test: \"Zitate\" & Doppelpunkte'\n"
        "codes:\n"
        "  - id: x\n"
        "    name: 'Bürger:innen # nicht Kommentar'\n"
        "    definition: |\n"
        "      Zwei Zeilen,\n"
        "      mit - Strich und 'Apostroph'.\n"
        "    keywords: [E-Akte, 'ja: nein']\n"
    )
    book = parse_codebook(text, "cb.yaml")
    assert book.codes[0].name == "Bürger:innen # nicht Kommentar"
    assert book.codes[0].keywords_de == ("E-Akte", "ja: nein")
    assert parse_codebook(dump_codebook(book), "cb.yaml") == book


def test_guids_are_stable_across_parses() -> None:
    first = {c.id: c.guid for c in parse_codebook(MINI_CODEBOOK, "a.yaml").codes}
    second = {c.id: c.guid for c in parse_codebook(MINI_CODEBOOK, "b.yaml").codes}
    assert first == second
    assert len(set(first.values())) == len(first)
    assert first["info"] == code_guid("info")
    assert all(uuid.UUID(g) for g in first.values())


@pytest.mark.parametrize(
    "given",
    ["2B3C9D1E-0F4A-4C7B-9E21-5A6B7C8D9E0F", "2b3c9d1e-0f4a-4c7b-9e21-5a6b7c8d9e0f"],
    ids=["upper", "lower"],
)
def test_explicit_guid_is_kept(given: str) -> None:
    text = f"codes:\n  - id: x\n    name: X\n    definition: D\n    guid: {given}\n"
    [code] = parse_codebook(text, "cb.yaml").codes
    assert code.guid == given.upper()
    assert parse_codebook(dump_codebook(parse_codebook(text)), "cb.yaml").codes[0].guid == given.upper()


def test_same_guid_twice_is_an_error() -> None:
    guid = "2B3C9D1E-0F4A-4C7B-9E21-5A6B7C8D9E0F"
    text = (
        f"codes:\n  - {{id: x, name: X, definition: D, guid: {guid}}}\n"
        f"  - {{id: y, name: Y, definition: D, guid: {guid}}}\n"
    )
    with pytest.raises(CodebookError, match="also used by 'x'") as info:
        parse_codebook(text, "cb.yaml")
    assert info.value.line == 3


# --- hostile YAML (issue 16, item 1) -------------------------------------------------------------

ALIAS_BOMB = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10)
)


def test_an_alias_bomb_is_refused_at_its_line() -> None:
    assert len(ALIAS_BOMB.encode()) < 700  # a few hundred bytes that would expand to 10^10 entries
    with pytest.raises(CodebookError) as info:
        parse_codebook("codes: []\n" + ALIAS_BOMB, "bomb.yaml")
    message = str(info.value)
    assert message.startswith("bomb.yaml, line 3:") and "alias *a0" in message
    assert "\n" not in message


def test_an_innocent_alias_is_refused_too() -> None:
    text = "codes:\n  - &c {id: a, name: A, definition: x}\n  - *c\n"
    with pytest.raises(CodebookError, match=r"line 3: .*alias \*c"):
        parse_codebook(text, "alias.yaml")


@pytest.mark.parametrize(
    "nested", ["[" * 50_000 + "]" * 50_000, "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 2000))]
)
def test_deep_nesting_is_one_line_error(nested: str) -> None:
    with pytest.raises(CodebookError, match="nested more than 64 levels deep") as info:
        parse_codebook(nested, "deep.yaml")
    assert "\n" not in str(info.value)


def test_a_code_tree_deeper_than_the_limit_is_refused() -> None:
    entries = "".join(
        f"  - id: c{i}\n    name: C{i}\n    definition: x\n" + (f"    parent: c{i - 1}\n" if i else "")
        for i in range(150)
    )
    with pytest.raises(CodebookError, match="deeper than 100 levels"):
        parse_codebook("codes:\n" + entries, "tall.yaml")
