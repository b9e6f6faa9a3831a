"""What a REFI-QDA file holds, read into plain data before anything touches the project."""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.codes_merge import LoadReport


@dataclass(frozen=True)
class RefiCode:
    guid: str
    name: str
    parent: str | None
    colour: str = ""
    description: str = ""
    codable: bool = True
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RefiSet:
    guid: str
    name: str
    codes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class RefiCodebook:
    origin: str
    codes: tuple[RefiCode, ...]
    sets: tuple[RefiSet, ...] = ()


@dataclass(frozen=True)
class RefiUser:
    guid: str
    name: str


@dataclass(frozen=True)
class RefiCoding:
    guid: str
    code: str
    user: str | None
    created: str | None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RefiSelection:
    guid: str
    start: int
    end: int
    codings: tuple[RefiCoding, ...]
    description: str = ""
    user: str | None = None
    created: str | None = None
    modified: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RefiTranscript:
    """The transcript of an audio or video source: its text (a file or inline) and its sync points
    ``(time in ms, position in the text)``."""

    guid: str
    name: str = ""
    plain_text_path: str = ""
    content: str | None = None
    sync_points: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class RefiSource:
    """A source of any kind; only ``kind == "TextSource"`` is imported as a document."""

    guid: str
    kind: str
    name: str
    plain_text_path: str = ""
    content: str | None = None
    description: str = ""
    selections: tuple[RefiSelection, ...] = ()
    values: tuple[tuple[str, str], ...] = ()  # (variable GUID, value)
    notes: tuple[str, ...] = ()
    user: str | None = None
    created: str | None = None
    transcripts: tuple[RefiTranscript, ...] = ()  # of audio and video sources


@dataclass(frozen=True)
class RefiNote:
    guid: str
    name: str
    text: str | None
    plain_text_path: str = ""
    user: str | None = None
    created: str | None = None
    modified: str | None = None


@dataclass(frozen=True)
class RefiVariable:
    guid: str
    name: str
    kind: str = "Text"
    description: str = ""


@dataclass(frozen=True)
class RefiCase:
    guid: str
    name: str
    values: tuple[tuple[str, str], ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class RefiProject:
    name: str
    origin: str
    users: tuple[RefiUser, ...]
    codebook: RefiCodebook
    variables: tuple[RefiVariable, ...] = ()
    cases: tuple[RefiCase, ...] = ()
    sources: tuple[RefiSource, ...] = ()
    notes: tuple[RefiNote, ...] = ()
    sets: tuple[RefiSet, ...] = ()
    project_notes: tuple[str, ...] = ()


@dataclass
class ImportReport:
    """What an import did: counts, and what it could not take over (with the reason)."""

    origin: str = ""
    position_unit: str = ""
    dry_run: bool = False
    codes_added: int = 0
    codes_updated: int = 0
    codes_unchanged: int = 0
    coders_added: int = 0
    documents_imported: int = 0
    documents_present: int = 0
    codings_imported: int = 0
    codings_present: int = 0
    memos_imported: int = 0
    attributes_set: int = 0
    sets_created: int = 0  # document sets (<Sets> with <MemberSource>)
    set_members_added: int = 0
    media_attached: int = 0  # recordings of audio/video sources (issue 21)
    time_stamps_synced: int = 0
    skipped_sources: list[str] = field(default_factory=list)
    missing_sources: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    codebook: LoadReport | None = None  # the codes, one by one and field by field


class DryRun(Exception):
    "Raised inside the import transaction of a dry run, so that everything is rolled back."
