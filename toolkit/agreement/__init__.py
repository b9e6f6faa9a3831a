"""Intercoder agreement: coefficients, the four methods on coded transcripts, consensus, reports (their
files are written by :mod:`toolkit.exports.agreement`)."""

from toolkit.agreement.coefficients import bootstrap_alpha, coefficients
from toolkit.agreement.consensus import (
    DECISIONS,
    Disagreement,
    adopt_agreements,
    decide,
    disagreements,
    page_of,
    progress,
    sort_disagreements,
)
from toolkit.agreement.methods import METHODS, AgreementResult, agreement
from toolkit.agreement.report import methods_paragraph, report_data
from toolkit.agreement.selection import plan
from toolkit.agreement.unitized import unitized_alpha
from toolkit.blind import blind_coding, may_see, set_blind_coding, visible_codings

__all__ = [
    "DECISIONS",
    "METHODS",
    "AgreementResult",
    "Disagreement",
    "adopt_agreements",
    "agreement",
    "blind_coding",
    "bootstrap_alpha",
    "coefficients",
    "decide",
    "disagreements",
    "may_see",
    "methods_paragraph",
    "page_of",
    "plan",
    "progress",
    "report_data",
    "set_blind_coding",
    "sort_disagreements",
    "unitized_alpha",
    "visible_codings",
]
