"""Code suggestions for transcripts: keyword rules on spaCy pipelines (a learned model is not built yet)."""

from toolkit.suggest.rank import UNITS, Suggestion, score, suggest
from toolkit.suggest.rules import (
    FACTORY,
    REGISTRY_NAME,
    SPANS_KEY,
    KeywordSuggester,
    pipeline,
    suggester_pipeline,
)

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
