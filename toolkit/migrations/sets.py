"""Migration m017_document_sets (issue 19): named groups of documents (MAXQDA's document sets)."""

from __future__ import annotations

import sqlite_utils

from toolkit.migrations.registry import migrations, run_statements


@migrations(name="m017_document_sets")
def m017_document_sets(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
CREATE TABLE document_sets (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL);
CREATE TABLE document_set_members (
  set_id INTEGER NOT NULL REFERENCES document_sets(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (set_id, document_id))""",
    )
