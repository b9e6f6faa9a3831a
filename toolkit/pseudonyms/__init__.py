"""Pseudonymisation: a per-project table of originals and their placeholders (:mod:`.table`),
candidates proposed by spaCy rules (:mod:`.candidates`), and applying the table to documents while
every offset into their text stays consistent (:mod:`.replacing`)."""

from toolkit.pseudonyms.candidates import Candidate, Source, propose
from toolkit.pseudonyms.replacing import (
    DocumentChange,
    apply,
    import_pseudonymised,
    import_upload_pseudonymised,
    preview,
    pseudonymise_codings,
    pseudonymise_frame,
    pseudonymise_parsed,
    pseudonymise_text,
)
from toolkit.pseudonyms.table import (
    KINDS,
    PLACEHOLDER_WORDS,
    Pseudonym,
    add_pseudonym,
    delete_pseudonym,
    mapping,
    next_placeholder,
    update_pseudonym,
)

__all__ = [
    "KINDS",
    "PLACEHOLDER_WORDS",
    "Candidate",
    "DocumentChange",
    "Pseudonym",
    "Source",
    "add_pseudonym",
    "apply",
    "delete_pseudonym",
    "import_pseudonymised",
    "import_upload_pseudonymised",
    "mapping",
    "next_placeholder",
    "preview",
    "propose",
    "pseudonymise_codings",
    "pseudonymise_frame",
    "pseudonymise_parsed",
    "pseudonymise_text",
    "update_pseudonym",
]
