"""Code suggestions for transcripts: keyword rules on spaCy pipelines and a text classifier learned from
the team's codings, ranked together; accept and reject in :mod:`toolkit.suggest.feedback`."""

from toolkit.suggest.rank import UNITS, score, suggest
from toolkit.suggest.rules import (
    FACTORY,
    REGISTRY_NAME,
    SPANS_KEY,
    KeywordSuggester,
    pipeline,
    suggester_pipeline,
)
from toolkit.suggest.types import Suggestion

__all__ = [
    "FACTORY",
    "REGISTRY_NAME",
    "SPANS_KEY",
    "UNITS",
    "KeywordSuggester",
    "Suggestion",
    "pipeline",
    "score",
    "suggest",
    "suggester_pipeline",
]
