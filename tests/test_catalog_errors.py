"""Every error code has a German and an English text that format with its parameters, and every
raise site in the library names a code of the catalog with the parameters its text needs (issue 17)."""

from __future__ import annotations

import ast
import re
import string
from importlib import import_module
from pathlib import Path

import pytest

from toolkit.catalog import CATALOG
from toolkit.errors import (
    PHRASES,
    CodebookError,
    Conflict,
    ImportFailed,
    InvalidValue,
    NotFound,
    PermissionDenied,
    StoreError,
    ToolkitError,
    is_code,
    phrase_key,
)

ROOT = Path(__file__).resolve().parents[1]
# the errors' texts: toolkit/catalog/errors.py (frames, phrases) and errors_<area>.py, one per area
ERROR_MODULES = sorted(p.stem for p in (ROOT / "toolkit" / "catalog").glob("errors*.py"))
AREA_TEXTS = {m: import_module(f"toolkit.catalog.{m}").TEXTS for m in ERROR_MODULES}
TEXTS = {k: v for texts in AREA_TEXTS.values() for k, v in texts.items()}
CLASSES = {
    c.__name__: c
    for c in (
        ToolkitError,
        ImportFailed,
        CodebookError,
        NotFound,
        Conflict,
        InvalidValue,
        StoreError,
        PermissionDenied,
    )
}
# the lead-ins of sites that still pass a sentence, and the phrases filled into other texts
FRAMES = {f"error.{c.kind}" for c in CLASSES.values()} | {k for k in TEXTS if k.startswith("error.where.")}
PHRASE_KEYS = {k for k in TEXTS if any(k.startswith(f"error.{p}.") for p in (*PHRASES, "entry"))}
CODES = sorted(k.removeprefix("error.") for k in TEXTS if k not in FRAMES | PHRASE_KEYS)
TRICKY = "Bürger/Lotsin's Rolle"  # an apostrophe made the old wording quote it with "


def fields(text: str) -> dict[str, str]:
    """The fields of a catalog text with their format specs."""
    return {name: spec or "" for _, name, spec, _ in string.Formatter().parse(text) if name is not None}


def test_the_error_area_uses_its_prefix_and_is_in_the_catalog() -> None:
    assert len(ERROR_MODULES) > 1 and "errors" in ERROR_MODULES
    assert all(key.startswith("error.") for key in TEXTS)
    assert all(CATALOG[key] == text for key, text in TEXTS.items())
    assert len(CODES) > 150


def test_no_error_key_is_defined_in_two_modules() -> None:
    seen: dict[str, str] = {}
    twice = []
    for module, texts in AREA_TEXTS.items():
        twice += [f"{key} in {seen[key]} and {module}" for key in texts if key in seen]
        seen.update(dict.fromkeys(texts, module))
    assert twice == []
    assert sum(len(t) for t in AREA_TEXTS.values()) == len(TEXTS)


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_has_german_and_english_with_the_same_fields(key: str) -> None:
    text = TEXTS[key]
    assert text.de.strip() and text.en.strip()
    german, english = fields(text.de).keys(), fields(text.en).keys()
    assert german <= english and english - german <= {"guid"}, key  # a GUID may stay out of the German
    assert "!r" not in text.de + text.en
    assert not re.search(r"'\{\w+\}'", text.de), f"{key}: German quotes „…“, not '…'"


SAMPLES: dict[str, tuple[object, str, str]] = {  # parameter -> value, its German, its English
    "action": ("change the codebook", "das Codebuch ändern", "change the codebook"),
    "what": ("disabling them", "das Konto deaktivieren", "disabling them"),
    "cause": (
        InvalidValue("coder.name_empty"),
        "Der Name der Kodierer:in ist leer",
        "the coder name is empty",
    ),
}


@pytest.mark.parametrize("code", CODES)
def test_every_code_formats_with_its_parameters_in_both_languages(code: str) -> None:
    assert is_code(code)
    need = fields(TEXTS[f"error.{code}"].en)
    params = {
        name: SAMPLES[name][0] if name in SAMPLES else 12345 if spec else f"{name}:{TRICKY}"
        for name, spec in need.items()
    }
    exc = ToolkitError(code, **params)
    assert exc.code == code and exc.params == params
    german, english = exc.message("de"), exc.message("en")
    assert str(exc) == english and german != english
    for name, spec in need.items():
        if name == "guid" and name not in fields(TEXTS[f"error.{code}"].de):
            continue
        if name in SAMPLES:
            assert SAMPLES[name][1] in german and SAMPLES[name][2] in english
        elif spec:
            assert "12.345" in german and "12,345" in english
        else:
            assert f"{name}:{TRICKY}" in german and f"{name}:{TRICKY}" in english
            assert f'"{name}:' not in german + english  # never quoted by repr


def test_numbers_lists_and_paths_are_written_per_language() -> None:
    exc = InvalidValue("session.expiry_range", hours=0.05)
    assert "0,05 h" in exc.message("de") and "0.05 h" in str(exc)
    listed = NotFound("document.not_found", name="x", documents=["a", "b"])
    assert "a, b" in listed.message("de") and "a, b" in str(listed)
    sized = ImportFailed("import.too_large", file="big.txt", size=60_000_000, limit=52_428_800)
    assert sized.message("de") == (
        "Import nicht möglich: big.txt: die Datei hat 60.000.000 Bytes, mehr als die Grenze von "
        "52.428.800; bitte aufteilen oder die Grenze mit --max-mb erhöhen"
    )
    assert str(sized).startswith("big.txt: the file has 60,000,000 bytes, over the limit of 52,428,800;")
    assert sized.path == "big.txt" and sized.problem.startswith("the file has 60,000,000 bytes")


def test_a_sentence_instead_of_a_code_gets_a_german_lead_in() -> None:
    exc = Conflict("something the library said")
    assert exc.code == "conflict" and str(exc) == "something the library said"
    assert exc.message("de") == "Nicht möglich: something the library said"
    book = CodebookError("book.yaml", 4, "an old sentence")
    assert str(book) == "book.yaml, line 4: an old sentence" and book.line == 4
    assert book.message("de") == "Codebuch book.yaml, Zeile 4: an old sentence"


def test_errors_survive_pickling_with_their_code_and_parameters() -> None:
    import pickle

    exc = pickle.loads(
        pickle.dumps(Conflict("coding.duplicate", coder="a", document="d", start=1, end=2, code="c"))
    )
    assert isinstance(exc, Conflict) and exc.code == "coding.duplicate" and exc.params["coder"] == "a"


# -- the raise sites ------------------------------------------------------------------------------


def _name(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _sites() -> list[tuple[str, int, str, ast.Call]]:
    out = []
    for path in sorted((ROOT / "toolkit").rglob("*.py")):
        if path.name == "errors.py" and path.parent.name == "toolkit":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node) in CLASSES:
                out.append((str(path.relative_to(ROOT)), node.lineno, str(_name(node)), node))
    return out


SITES = _sites()
# modules whose raise sites still pass English sentences (converted one group at a time)
PENDING = {  # new on main this session, converted next
}


def test_every_raise_site_names_a_code_with_the_parameters_its_text_needs() -> None:
    wrong = []
    for where, line, cls, call in SITES:
        first = call.args[0] if call.args else None
        if not (isinstance(first, ast.Constant) and is_code(first.value)) or len(call.args) > 1:
            continue
        key = f"error.{first.value}"
        if key not in TEXTS:
            wrong.append(f"{where}:{line}: {cls}({first.value!r}) has no text in toolkit/catalog/errors*.py")
            continue
        if any(k.arg is None for k in call.keywords):
            continue  # **params: checked where they are built
        given = {k.arg for k in call.keywords}
        need = set(fields(TEXTS[key].en))
        extra = given - need - {"file", "line"}
        if need - given or extra:
            wrong.append(f"{where}:{line}: {first.value} needs {sorted(need)}, given {sorted(given)}")
    assert not wrong, "\n".join(wrong)


def test_no_raise_site_outside_the_pending_modules_passes_a_sentence() -> None:
    sentences = sorted(
        f"{where}:{line}"
        for where, line, _, call in SITES
        if where not in PENDING
        and call.args
        and not (
            isinstance(call.args[0], ast.Constant) and is_code(call.args[0].value) and len(call.args) == 1
        )
        and not (isinstance(call.args[0], ast.Name))  # re-raising a code held in a variable
    )
    assert not sentences, "give these raise sites a code:\n" + "\n".join(sentences)


def test_every_action_named_in_a_permission_check_has_german_words() -> None:
    missing = set()
    for path in (ROOT / "toolkit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and (_name(node) or "").startswith("require_"):
                for arg in node.args[2:]:
                    literal = (
                        isinstance(arg, ast.Constant) and isinstance(arg.value, str) and " " in arg.value
                    )
                    if literal and phrase_key("action", str(arg.value)) not in TEXTS:  # type: ignore[attr-defined]
                        missing.add(str(arg.value))  # type: ignore[attr-defined]
    assert not missing
