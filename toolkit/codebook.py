"""The codebook file format (YAML): load, validate with line numbers, save.

Format (see docs/codebook-format.md)::

    format: 1
    title: ...                      # optional: title_en, language, description
    fields_of_action:               # optional list: name, name_en, description
      - {name: Information, name_en: Information}
    codes:                          # flat list; the tree comes from `parent`
      - id: information             # required, stable slug: a-z 0-9 - _
        name: Information           # required, no "/", unique among siblings
        definition: ...             # required
        parent: null                # id of the parent code (any order, no cycles)
        name_en, anchor_example, coding_rule, colour ("#RRGGBB"),
        field_of_action (a declared field), valence (challenge | driver),
        keywords: {de: [...], en: [...]}, source, guid
    attributes:                     # case variables
      - name: municipality_type     # required identifier
        label, label_en, applies_to (document | speaker), description, source,
        values: [{value, value_en, description}, ...]
"""

from __future__ import annotations

import difflib
import re
import uuid
from pathlib import Path
from typing import Any

import yaml

from toolkit.errors import CodebookError
from toolkit.model import VALENCES, AttributeDef, AttributeValue, Codebook, CodeDef, FieldOfAction
from toolkit.safe_yaml import YamlContext, YamlMap, parse_yaml

FORMAT_VERSION = 1
MAX_CODE_DEPTH = 100  # levels of the code tree, in every format; deeper trees are refused
TOP_KEYS = (
    "format",
    "title",
    "title_en",
    "language",
    "description",
    "fields_of_action",
    "codes",
    "attributes",
)
CODE_KEYS = (
    "id",
    "parent",
    "name",
    "name_en",
    "field_of_action",
    "valence",
    "colour",
    "definition",
    "anchor_example",
    "coding_rule",
    "keywords",
    "source",
    "guid",
)
FIELD_KEYS = ("name", "name_en", "description")
ATTRIBUTE_KEYS = ("name", "label", "label_en", "applies_to", "description", "source", "values")
VALUE_KEYS = ("value", "value_en", "description")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def is_colour(value: str) -> bool:
    """Whether ``value`` is a colour as codes store it: ``#RRGGBB`` (six hex digits)."""
    return bool(_COLOUR.fullmatch(value))  # fullmatch: "$" alone would let a final newline through


_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_GUID_NAMESPACE = uuid.UUID("6f1c2a52-3a8e-4d0b-9a57-2f8d3c1e9b10")


def code_guid(slug: str) -> str:
    """The stable GUID of a code without an explicit one: the same slug gives the same GUID."""
    return str(uuid.uuid5(_GUID_NAMESPACE, f"code:{slug}")).upper()


def _check_keys(entry: YamlMap, allowed: tuple[str, ...], what: str, ctx: YamlContext) -> None:
    for key in entry:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            raise (
                ctx.fail(
                    entry.key_lines.get(key, entry.line),
                    "codebook.key_unknown_close",
                    key=key,
                    entry=what,
                    close=close[0],
                )
                if close
                else ctx.fail(
                    entry.key_lines.get(key, entry.line),
                    "codebook.key_unknown",
                    key=key,
                    entry=what,
                    choices=allowed,
                )
            )


def _text(entry: YamlMap, key: str, what: str, ctx: YamlContext, *, required: bool = False) -> str:
    value = entry.get(key)
    if value is None:
        if required:
            raise ctx.fail(entry.line, "codebook.key_missing", key=key, entry=what)
        return ""
    if isinstance(value, (dict, list)):
        raise ctx.fail(entry.key_lines.get(key, entry.line), "codebook.not_text", key=key, entry=what)
    text = str(value).strip()
    if required and not text:
        raise ctx.fail(entry.key_lines.get(key, entry.line), "codebook.empty", key=key, entry=what)
    return text


def _entries(doc: YamlMap, key: str, ctx: YamlContext) -> list[YamlMap]:
    items = doc.get(key) or []
    if not isinstance(items, list):
        raise ctx.fail(doc.key_lines.get(key), "codebook.not_a_list", key=key)
    for item in items:
        if not isinstance(item, YamlMap):
            raise ctx.fail(doc.key_lines.get(key), "codebook.entry_not_mapping", key=key)
    return items


def _keywords(
    entry: YamlMap, what: str, language: str, ctx: YamlContext
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    raw = entry.get("keywords")
    line = entry.key_lines.get("keywords", entry.line)
    if raw is None:
        return (), ()
    if isinstance(raw, list):
        raw = {language: raw}
    if not isinstance(raw, dict) or any(k not in ("de", "en") for k in raw):
        raise ctx.fail(line, "codebook.keywords_shape", entry=what)
    out: dict[str, tuple[str, ...]] = {}
    for lang in ("de", "en"):
        words = raw.get(lang) or []
        if not isinstance(words, list) or any(isinstance(w, (dict, list)) or w is None for w in words):
            raise ctx.fail(line, "codebook.keywords_not_words", language=lang, entry=what)
        out[lang] = tuple(str(w).strip() for w in words if str(w).strip())
    return out["de"], out["en"]


def _code(entry: YamlMap, fields: set[str], language: str, ctx: YamlContext) -> CodeDef:
    slug = _text(entry, "id", "a code", ctx, required=True)
    what = f"code {slug!r}"
    _check_keys(entry, CODE_KEYS, what, ctx)
    if not _SLUG.match(slug):
        raise ctx.fail(entry.key_lines["id"], "codebook.id_invalid", id=slug)
    name = _text(entry, "name", what, ctx, required=True)
    if "/" in name:
        raise ctx.fail(entry.key_lines["name"], "codebook.name_has_slash", name=name, entry=what)
    colour = _text(entry, "colour", what, ctx)
    if colour and not is_colour(colour):
        raise ctx.fail(entry.key_lines["colour"], "codebook.colour_invalid", colour=colour, entry=what)
    valence = _text(entry, "valence", what, ctx) or None
    if valence and valence not in VALENCES:
        raise ctx.fail(entry.key_lines["valence"], "codebook.valence_invalid", valence=valence, entry=what)
    field = _text(entry, "field_of_action", what, ctx) or None
    if field and fields and field not in fields:
        raise ctx.fail(
            entry.key_lines["field_of_action"],
            "codebook.field_undeclared",
            field=field,
            entry=what,
            choices=sorted(fields),
        )
    guid = _text(entry, "guid", what, ctx)
    if guid:
        try:
            guid = str(uuid.UUID(guid)).upper()
        except ValueError:
            raise ctx.fail(entry.key_lines["guid"], "codebook.guid_invalid", guid=guid, entry=what) from None
    de, en = _keywords(entry, what, language, ctx)
    return CodeDef(
        id=slug,
        name=name,
        definition=_text(entry, "definition", what, ctx, required=True),
        parent=_text(entry, "parent", what, ctx) or None,
        name_en=_text(entry, "name_en", what, ctx),
        anchor_example=_text(entry, "anchor_example", what, ctx),
        coding_rule=_text(entry, "coding_rule", what, ctx),
        colour=colour.upper(),
        field_of_action=field,
        valence=valence,
        keywords_de=de,
        keywords_en=en,
        source=_text(entry, "source", what, ctx),
        guid=guid or code_guid(slug),
    )


def _check_tree(codes: list[CodeDef], lines: dict[str, int], ctx: YamlContext) -> None:
    by_id: dict[str, CodeDef] = {}
    for code in codes:
        if code.id in by_id:
            raise ctx.fail(lines[code.id], "codebook.id_twice", id=code.id)
        by_id[code.id] = code
    guids: dict[str, str] = {}
    siblings: dict[tuple[str | None, str], str] = {}
    for code in codes:
        if code.guid in guids:
            raise ctx.fail(lines[code.id], "codebook.guid_twice", id=code.id, other=guids[code.guid])
        guids[code.guid] = code.id
        if code.parent is not None and code.parent not in by_id:
            raise ctx.fail(lines[code.id], "codebook.parent_missing", parent=code.parent, id=code.id)
        key = (code.parent, code.name.casefold())
        if key in siblings:
            raise ctx.fail(
                lines[code.id], "codebook.sibling_name_twice", name=code.name, id=code.id, other=siblings[key]
            )
        siblings[key] = code.id
    for code in codes:
        seen = {code.id}
        parent = code.parent
        while parent is not None:
            if len(seen) > MAX_CODE_DEPTH:
                raise ctx.fail(lines[code.id], "codebook.too_deep", id=code.id, limit=MAX_CODE_DEPTH)
            if parent in seen:
                raise ctx.fail(lines[code.id], "codebook.cycle", id=code.id, parent=parent)
            seen.add(parent)
            parent = by_id[parent].parent


def _attribute(entry: YamlMap, ctx: YamlContext) -> AttributeDef:
    name = _text(entry, "name", "an attribute", ctx, required=True)
    what = f"attribute {name!r}"
    _check_keys(entry, ATTRIBUTE_KEYS, what, ctx)
    if not _IDENT.match(name):
        raise ctx.fail(entry.key_lines["name"], "codebook.attribute_not_identifier", entry=what)
    applies_to = _text(entry, "applies_to", what, ctx) or "document"
    if applies_to not in ("document", "speaker"):
        raise ctx.fail(entry.key_lines["applies_to"], "codebook.applies_to_invalid", entry=what)
    values = []
    raw_values = entry.get("values") or []
    if not isinstance(raw_values, list):
        raise ctx.fail(entry.key_lines.get("values", entry.line), "codebook.values_not_list", entry=what)
    seen: set[str] = set()
    for raw in raw_values:
        if isinstance(raw, YamlMap):
            _check_keys(raw, VALUE_KEYS, f"a value of {what}", ctx)
            value = AttributeValue(
                _text(raw, "value", f"a value of {what}", ctx, required=True),
                _text(raw, "value_en", what, ctx),
                _text(raw, "description", what, ctx),
            )
        elif raw is not None and not isinstance(raw, list):
            value = AttributeValue(str(raw))
        else:
            raise ctx.fail(entry.line, "codebook.values_shape", entry=what)
        if value.value in seen:
            raise ctx.fail(entry.line, "codebook.value_twice", value=value.value, entry=what)
        seen.add(value.value)
        values.append(value)
    return AttributeDef(
        name,
        _text(entry, "label", what, ctx),
        _text(entry, "label_en", what, ctx),
        applies_to,
        _text(entry, "description", what, ctx),
        _text(entry, "source", what, ctx),
        tuple(values),
    )


def parse_codebook(text: str, path: str = "<codebook>") -> Codebook:
    """Parse and validate codebook YAML; errors name the file, line and field."""
    ctx = YamlContext(path)
    doc = parse_yaml(text, ctx)
    if not isinstance(doc, YamlMap):
        raise ctx.fail(None, "codebook.not_mapping")
    _check_keys(doc, TOP_KEYS, "the codebook", ctx)
    version = doc.get("format", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise ctx.fail(
            doc.key_lines.get("format"),
            "codebook.format_unsupported",
            format=version,
            supported=FORMAT_VERSION,
        )
    if "codes" not in doc:
        raise ctx.fail(None, "codebook.no_codes_list")
    language = _text(doc, "language", "the codebook", ctx) or "de"
    fields = []
    for entry in _entries(doc, "fields_of_action", ctx):
        _check_keys(entry, FIELD_KEYS, "a field of action", ctx)
        fields.append(
            FieldOfAction(
                _text(entry, "name", "a field of action", ctx, required=True),
                _text(entry, "name_en", "a field", ctx),
                _text(entry, "description", "a field", ctx),
            )
        )
    field_names = {f.name for f in fields}
    if len(field_names) != len(fields):
        raise ctx.fail(doc.key_lines.get("fields_of_action"), "codebook.field_twice")
    entries = _entries(doc, "codes", ctx)
    codes = [_code(entry, field_names, language, ctx) for entry in entries]
    _check_tree(codes, {c.id: e.line for c, e in zip(codes, entries, strict=True)}, ctx)
    attributes = [_attribute(entry, ctx) for entry in _entries(doc, "attributes", ctx)]
    if len({a.name for a in attributes}) != len(attributes):
        raise ctx.fail(doc.key_lines.get("attributes"), "codebook.attribute_twice")
    return Codebook(
        title=_text(doc, "title", "the codebook", ctx) or Path(path).stem,
        codes=tuple(codes),
        title_en=_text(doc, "title_en", "the codebook", ctx),
        language=language,
        description=_text(doc, "description", "the codebook", ctx),
        fields_of_action=tuple(fields),
        attributes=tuple(attributes),
    )


def load_codebook(path: str | Path) -> Codebook:
    """Read a codebook file (UTF-8 YAML)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CodebookError("codebook.no_such_file", file=str(p)) from None
    except UnicodeDecodeError:
        raise CodebookError("codebook.not_utf8", file=str(p)) from None
    return parse_codebook(text, str(p))


def _drop_empty(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v not in (None, "", (), [], {})}


def codebook_to_dict(codebook: Codebook) -> dict[str, Any]:
    """The codebook as plain data in file order, ready for YAML or JSON."""
    codes = []
    for c in codebook.codes:
        keywords = _drop_empty({"de": list(c.keywords_de), "en": list(c.keywords_en)})
        codes.append(
            _drop_empty(
                {
                    "id": c.id,
                    "parent": c.parent,
                    "name": c.name,
                    "name_en": c.name_en,
                    "field_of_action": c.field_of_action,
                    "valence": c.valence,
                    "colour": c.colour,
                    "definition": c.definition,
                    "anchor_example": c.anchor_example,
                    "coding_rule": c.coding_rule,
                    "keywords": keywords,
                    "source": c.source,
                    "guid": c.guid,
                }
            )
        )
    attributes = [
        _drop_empty(
            {
                "name": a.name,
                "label": a.label,
                "label_en": a.label_en,
                "applies_to": a.applies_to,
                "description": a.description,
                "source": a.source,
                "values": [
                    _drop_empty({"value": v.value, "value_en": v.value_en, "description": v.description})
                    for v in a.values
                ],
            }
        )
        for a in codebook.attributes
    ]
    return _drop_empty(
        {
            "format": FORMAT_VERSION,
            "title": codebook.title,
            "title_en": codebook.title_en,
            "language": codebook.language,
            "description": codebook.description,
            "fields_of_action": [
                _drop_empty({"name": f.name, "name_en": f.name_en, "description": f.description})
                for f in codebook.fields_of_action
            ],
            "codes": codes,
            "attributes": attributes,
        }
    )


def dump_codebook(codebook: Codebook) -> str:
    """YAML text that :func:`parse_codebook` reads back to an equal codebook."""
    return yaml.safe_dump(codebook_to_dict(codebook), allow_unicode=True, sort_keys=False, width=100)
