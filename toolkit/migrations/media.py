"""Migration m016_media (issue 21): the recording attached to a document. The file itself lives
beside the project (see toolkit/media.py); the store keeps its content hash and format."""

from __future__ import annotations

import sqlite_utils

from toolkit.migrations.registry import migrations, run_statements


@migrations(name="m016_media")
def m016_media(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
CREATE TABLE document_media (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  format TEXT NOT NULL,
  mime TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('audio', 'video')),
  file_name TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  attached_at TEXT NOT NULL,
  attached_by TEXT NOT NULL)""",
    )
