"""What importing a transcript would give, before anything is stored: its speakers with their
turns and words, the first turns, lines that look like speaker labels but were not taken, the
language, and whether the same file is already in the project. Speakers can be renamed for the
import (``{"B": "Bürgermeisterin"}``); the stored text is not changed, only who said each turn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from toolkit.importers import MAX_FILE_BYTES, parse_bytes
from toolkit.importers.renames import renamed
from toolkit.language import count_words, detect_language
from toolkit.model import SkippedLabel
from toolkit.store import Store

FIRST_TURNS = 5


@dataclass(frozen=True)
class SpeakerCount:
    speaker: str
    turns: int
    words: int


@dataclass(frozen=True)
class FirstTurn:
    speaker: str
    timestamp: float | None
    text: str


@dataclass(frozen=True)
class ImportPreview:
    file: str
    name: str
    format: str
    language: str
    words: int
    turns: int
    speakers: tuple[SpeakerCount, ...]
    first_turns: tuple[FirstTurn, ...]
    skipped_labels: tuple[SkippedLabel, ...]
    duplicate_of: str | None

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "name": self.name,
            "format": self.format,
            "language": self.language,
            "words": self.words,
            "turns": self.turns,
            "speakers": [s.__dict__ for s in self.speakers],
            "first_turns": [t.__dict__ for t in self.first_turns],
            "skipped_labels": [s.__dict__ for s in self.skipped_labels],
            "duplicate_of": self.duplicate_of,
        }


def preview_import(
    store: Store,
    data: bytes,
    filename: str,
    *,
    speaker_pattern: str | None = None,
    language: str | None = None,
    renames: Mapping[str, str] | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    pseudonymise: bool = False,
) -> ImportPreview:
    """The preview of importing ``data`` as ``filename`` into ``store`` (nothing is stored);
    ``pseudonymise``: as the pseudonymised import stores it (speakers renamed first, then the
    pseudonym table applied to text, speakers and name)."""
    doc = renamed(parse_bytes(data, filename, speaker_pattern=speaker_pattern, max_bytes=max_bytes), renames)
    if pseudonymise:
        from toolkit.pseudonyms.replacing import pseudonymise_parsed, pseudonymise_text

        doc = pseudonymise_parsed(store, doc)
        filename = pseudonymise_text(store, filename)
    counts: dict[str, list[int]] = {}
    for t in doc.turns:
        entry = counts.setdefault(t.speaker, [0, 0])
        entry[0] += 1
        entry[1] += count_words(doc.text[t.start : t.end])
    first = tuple(
        FirstTurn(t.speaker, t.timestamp, " ".join(doc.text[t.start : t.end].split())[:200])
        for t in doc.turns[:FIRST_TURNS]
    )
    dup = store.one("SELECT name FROM documents WHERE sha256 = ?", (doc.sha256,))
    return ImportPreview(
        file=filename,
        name=doc.name,
        format=doc.source_format,
        language=language or detect_language(doc.text),
        words=sum(w for _n, w in counts.values()),
        turns=len(doc.turns),
        speakers=tuple(SpeakerCount(s, n, w) for s, (n, w) in counts.items()),
        first_turns=first,
        skipped_labels=doc.skipped_labels,
        duplicate_of=str(dup["name"]) if dup else None,
    )
