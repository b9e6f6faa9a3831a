"""What the suggestion modules hand each other: a suggested code for a unit and a coder's rejection."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Suggestion:
    """A code suggested for ``text[start:end]`` (a sentence or a turn), with the words that matched.
    ``model`` is the GUID of the model that scored it (None for rule-only suggestions)."""

    start: int
    end: int
    code_path: str
    score: float
    source: str
    evidence: tuple[str, ...]
    unit: str
    model: str | None = None


@dataclass(frozen=True)
class Rejection:
    """``coder`` rejected ``code_path`` for ``text[start:end]`` of ``document``."""

    document: str
    start: int
    end: int
    code_path: str
    coder: str
