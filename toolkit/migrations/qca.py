"""Migrations of issue 20 (qualitative content analysis): thematic summaries, coding weights,
paraphrases."""

from __future__ import annotations

import sqlite_utils

from toolkit.migrations.registry import migrations, run_statements


@migrations(name="m015_qca")
def m015_qca(db: sqlite_utils.Database) -> None:
    """Thematic summaries: one text per document x code x coder, with a fingerprint of the coded
    segments it was written on (so that a later change of the segments can be shown)."""
    run_statements(
        db,
        """
CREATE TABLE summaries (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  text TEXT NOT NULL,
  segments TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (document_id, code_id, coder_id));
CREATE INDEX summaries_code ON summaries (code_id)
""",
    )


@migrations(name="m015b_coding_weights")
def m015b_coding_weights(db: sqlite_utils.Database) -> None:
    """A weight on each coding (0-100; 0 = none): how typical or strong a segment is for its code."""
    db.execute(
        "ALTER TABLE codings ADD COLUMN weight INTEGER NOT NULL DEFAULT 0 CHECK (weight BETWEEN 0 AND 100)"
    )


@migrations(name="m015c_paraphrases")
def m015c_paraphrases(db: sqlite_utils.Database) -> None:
    """Paraphrases (Mayring): a coder's short restatement of a coded segment or a free selection,
    and named groups of them from which categories (codes) are built."""
    run_statements(
        db,
        """
CREATE TABLE paraphrase_groups (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (coder_id, name));
CREATE TABLE paraphrases (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  group_id INTEGER REFERENCES paraphrase_groups(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (0 <= start AND start < "end"));
CREATE INDEX paraphrases_document ON paraphrases (document_id, start);
CREATE INDEX paraphrases_group ON paraphrases (group_id)
""",
    )
