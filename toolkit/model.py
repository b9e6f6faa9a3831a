"""Plain data of the domain. Offsets are Python ``str`` indices (code points) into stored text."""

from __future__ import annotations

from dataclasses import dataclass, field

VALENCES = ("challenge", "driver")


@dataclass(frozen=True)
class Turn:
    """One speaker turn: ``text[start:end]`` is what was said (label and timestamp excluded)."""

    speaker: str
    start: int
    end: int
    timestamp: float | None = None


@dataclass(frozen=True)
class SkippedLabel:
    """A line that looks like a speaker label but was not taken as one (line numbers count from 1,
    in the file for .txt and .md, in the imported text otherwise)."""

    line: int
    text: str


@dataclass(frozen=True)
class ParsedDocument:
    """What an importer makes of a file: normalised text and its turns."""

    name: str
    text: str
    turns: tuple[Turn, ...]
    source_format: str
    sha256: str
    skipped_labels: tuple[SkippedLabel, ...] = ()
    turn_pages: tuple[int, ...] = ()  # the page each turn begins on (PDF), parallel to ``turns``


@dataclass(frozen=True)
class FieldOfAction:
    name: str
    name_en: str = ""
    description: str = ""


@dataclass(frozen=True)
class CodeDef:
    """A code as written in a codebook file; ``parent`` is the parent's id."""

    id: str
    name: str
    definition: str
    parent: str | None = None
    name_en: str = ""
    anchor_example: str = ""
    coding_rule: str = ""
    colour: str = ""
    field_of_action: str | None = None
    valence: str | None = None
    keywords_de: tuple[str, ...] = ()
    keywords_en: tuple[str, ...] = ()
    source: str = ""
    guid: str = ""


@dataclass(frozen=True)
class AttributeValue:
    value: str
    value_en: str = ""
    description: str = ""


@dataclass(frozen=True)
class AttributeDef:
    """A case variable: of a document (municipality type) or of a speaker (role)."""

    name: str
    label: str = ""
    label_en: str = ""
    applies_to: str = "document"
    description: str = ""
    source: str = ""
    values: tuple[AttributeValue, ...] = ()


@dataclass(frozen=True)
class Codebook:
    title: str
    codes: tuple[CodeDef, ...]
    title_en: str = ""
    language: str = "de"
    description: str = ""
    fields_of_action: tuple[FieldOfAction, ...] = ()
    attributes: tuple[AttributeDef, ...] = ()


@dataclass(frozen=True)
class Coding:
    """A coding as the user sees it: the code by its path, the coder by name."""

    guid: str
    document: str
    code_path: str
    start: int
    end: int
    text: str
    coder: str
    memo: str = ""
    created_at: str = ""
    updated_at: str = ""
    weight: int = 0  # 0-100, 0 = none (issue 20)


@dataclass(frozen=True)
class DocumentInfo:
    name: str
    guid: str
    words: int
    turns: int
    speakers: tuple[str, ...]
    first_timestamp: float | None
    last_timestamp: float | None
    language: str
    source_format: str
    sha256: str
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportResult:
    """Outcome of importing one file: imported, or skipped as a duplicate of ``duplicate_of``."""

    path: str
    document: str
    imported: bool
    duplicate_of: str | None = None
    words: int = 0
    turns: int = 0
    skipped_labels: tuple[SkippedLabel, ...] = ()
