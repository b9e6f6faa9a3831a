"""Migration m014 of issue 22: a cache of each document's sentence boundaries."""

from __future__ import annotations

import sqlite_utils

from toolkit.migrations.registry import migrations


@migrations(name="m014_sentence_cache")
def m014_sentence_cache(db: sqlite_utils.Database) -> None:
    """Per document the sentence units of :func:`toolkit.nlp.sentence_units` as packed offsets
    (``bounds``: little-endian int64 start, end pairs) and the ``rule`` that made them, filled on
    first use (see :mod:`toolkit.sentence_cache`). Triggers drop a document's row whenever its text,
    language or turns change (an import, a pseudonymisation, a document revision), whichever module
    writes, and the foreign key drops it with the document; derived data, so no events."""
    db.execute(
        """CREATE TABLE sentence_cache (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  rule TEXT NOT NULL,
  bounds BLOB NOT NULL)"""
    )
    drop = "DELETE FROM sentence_cache WHERE document_id = {row};"
    db.execute(
        "CREATE TRIGGER documents_sentence_cache AFTER UPDATE OF text, language ON documents BEGIN "
        f"{drop.format(row='OLD.id')} END"
    )
    db.execute(
        "CREATE TRIGGER turns_sentence_cache_insert AFTER INSERT ON turns BEGIN "
        f"{drop.format(row='NEW.document_id')} END"
    )
    db.execute(
        "CREATE TRIGGER turns_sentence_cache_update AFTER UPDATE ON turns BEGIN "
        f"{drop.format(row='NEW.document_id')} {drop.format(row='OLD.document_id')} END"
    )
    db.execute(
        "CREATE TRIGGER turns_sentence_cache_delete AFTER DELETE ON turns BEGIN "
        f"{drop.format(row='OLD.document_id')} END"
    )
