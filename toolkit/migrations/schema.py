"""Migrations m001-m012: the schema up to issue 16 (codings, codes, suggestions, accounts,
pseudonyms, document revisions, done marks, login failures)."""

from __future__ import annotations

import sqlite_utils

from toolkit.migrations.registry import migrations, run_statements


@migrations(name="m001_initial_schema")
def m001_initial_schema(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE coders (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
  created_at TEXT NOT NULL);
CREATE TABLE codes (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  slug TEXT UNIQUE,
  parent_id INTEGER REFERENCES codes(id) ON DELETE RESTRICT,
  name TEXT NOT NULL CHECK (trim(name) <> '' AND instr(name, '/') = 0),
  name_en TEXT NOT NULL DEFAULT '',
  definition TEXT NOT NULL DEFAULT '',
  anchor_example TEXT NOT NULL DEFAULT '',
  coding_rule TEXT NOT NULL DEFAULT '',
  colour TEXT NOT NULL DEFAULT '',
  field_of_action TEXT,
  valence TEXT CHECK (valence IN ('challenge', 'driver')),
  keywords_de TEXT NOT NULL DEFAULT '[]',
  keywords_en TEXT NOT NULL DEFAULT '[]',
  source TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE UNIQUE INDEX codes_sibling_name ON codes (coalesce(parent_id, 0), name);
CREATE TABLE fields_of_action (
  name TEXT PRIMARY KEY, name_en TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0);
CREATE TABLE attribute_definitions (
  name TEXT PRIMARY KEY,
  label TEXT NOT NULL DEFAULT '',
  label_en TEXT NOT NULL DEFAULT '',
  applies_to TEXT NOT NULL DEFAULT 'document' CHECK (applies_to IN ('document', 'speaker')),
  description TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  value_list TEXT NOT NULL DEFAULT '[]');
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
  text TEXT NOT NULL,
  language TEXT NOT NULL,
  source_format TEXT NOT NULL,
  source_name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  words INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL);
CREATE TABLE document_attributes (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (document_id, name));
CREATE TABLE speaker_attributes (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  speaker TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (document_id, speaker, name));
CREATE TABLE turns (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  speaker TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  timestamp REAL,
  CHECK (0 <= start AND start <= "end"),
  UNIQUE (document_id, seq));
CREATE TABLE codings (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE RESTRICT,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  memo TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (0 <= start AND start < "end"));
CREATE INDEX codings_document ON codings (document_id, start);
CREATE INDEX codings_code ON codings (code_id);
CREATE INDEX codings_coder ON codings (coder_id);
CREATE UNIQUE INDEX codings_same_span ON codings (document_id, code_id, coder_id, start, "end");
CREATE TABLE memos (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  coder_id INTEGER REFERENCES coders(id) ON DELETE RESTRICT,
  document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
  code_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  title TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  guid TEXT,
  payload TEXT NOT NULL DEFAULT '{}');
CREATE INDEX events_guid ON events (guid);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END
""",
    )


@migrations(name="m002_coding_provenance")
def m002_coding_provenance(db: sqlite_utils.Database) -> None:
    """Where a coding came from: typed by hand, imported, or an accepted suggestion."""
    db.execute("ALTER TABLE codings ADD COLUMN origin TEXT NOT NULL DEFAULT 'manual'")


@migrations(name="m003_consensus_decisions")
def m003_consensus_decisions(db: sqlite_utils.Database) -> None:
    """One row per decided disagreement (the consensus codings themselves are codings)."""
    db.execute(
        """CREATE TABLE consensus_decisions (
  key TEXT PRIMARY KEY,
  method TEXT NOT NULL,
  document TEXT NOT NULL,
  code TEXT NOT NULL,
  coder_a TEXT NOT NULL,
  coder_b TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('take_a', 'take_b', 'both', 'neither', 'edit')),
  codings TEXT NOT NULL DEFAULT '[]',
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL)"""
    )


@migrations(name="m004_codes_revision")
def m004_codes_revision(db: sqlite_utils.Database) -> None:
    """A counter that every change of a code increments, so cached code trees know when they are old."""
    db.execute("INSERT OR IGNORE INTO project (key, value) VALUES ('codes_revision', '0')")
    for event in ("INSERT", "UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER codes_revision_{event.lower()} AFTER {event} ON codes BEGIN "
            "UPDATE project SET value = CAST(value AS INTEGER) + 1 WHERE key = 'codes_revision'; END"
        )


# -- migrations of issue 4 (suggestion models) go here --


@migrations(name="m005_suggestion_models")
def m005_suggestion_models(db: sqlite_utils.Database) -> None:
    """Learned suggestion models and their training runs: status, progress, provenance, model bytes."""
    db.execute(
        """CREATE TABLE suggestion_models (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  coder TEXT NOT NULL,
  language TEXT NOT NULL,
  codes_revision TEXT NOT NULL,
  codings_hash TEXT NOT NULL DEFAULT '',
  codings_count INTEGER NOT NULL DEFAULT 0,
  codings TEXT NOT NULL DEFAULT '[]',
  documents TEXT NOT NULL DEFAULT '[]',
  settings TEXT NOT NULL DEFAULT '{}',
  metrics TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL CHECK (status IN ('running', 'ready', 'failed', 'superseded')),
  epoch INTEGER NOT NULL DEFAULT 0,
  epochs INTEGER NOT NULL DEFAULT 0,
  loss REAL,
  message TEXT NOT NULL DEFAULT '',
  pid INTEGER,
  heartbeat TEXT,
  model BLOB)"""
    )
    db.execute("CREATE INDEX suggestion_models_language ON suggestion_models (language, status, id)")


# -- migrations of issue 4 (suggestion feedback) go here --


@migrations(name="m006_suggestion_feedback")
def m006_suggestion_feedback(db: sqlite_utils.Database) -> None:
    """A coder's decision on a suggested unit and code: accepted (became a coding) or rejected
    (never suggested to that coder again, a negative example for the model)."""
    db.execute(
        """CREATE TABLE suggestion_feedback (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
  origin TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CHECK (0 <= start AND start < "end"),
  UNIQUE (document_id, start, "end", code_id, coder_id))"""
    )
    db.execute("CREATE INDEX suggestion_feedback_coder ON suggestion_feedback (coder_id, document_id)")


# -- migrations of issue 8 (accounts and sessions) go here --


@migrations(name="m008_accounts_and_sessions")
def m008_accounts_and_sessions(db: sqlite_utils.Database) -> None:
    """Team mode: accounts (a name is also a coder name), login sessions (only a hash of the token is
    stored) and failed logins (to slow down guessing, across processes)."""
    run_statements(
        db,
        """
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
  role TEXT NOT NULL CHECK (role IN ('lead', 'coder')),
  password_hash TEXT,
  created_at TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)));
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  expires_at TEXT NOT NULL);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE INDEX login_failures_name ON login_failures (name, at)
""",
    )


# -- migrations of issue 8 (pseudonyms) go here --


@migrations(name="m009_pseudonyms")
def m009_pseudonyms(db: sqlite_utils.Database) -> None:
    """Pseudonymisation: each original name, place or organisation with its placeholder."""
    db.execute(
        """CREATE TABLE pseudonyms (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  original TEXT NOT NULL UNIQUE CHECK (trim(original) <> ''),
  placeholder TEXT NOT NULL CHECK (trim(placeholder) <> ''),
  kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organisation', 'other')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL)"""
    )


# -- migrations of issue 7 (REFI-QDA exchange) go here --


# -- migrations of issue 6 (analysis cache) --


@migrations(name="m010_document_revisions")
def m010_document_revisions(db: sqlite_utils.Database) -> None:
    """A counter per document that every change of its codings, turns, speaker attributes or text
    increments, so that a cache of loaded codings knows which documents to read again. No foreign
    key: the counters of a deleted document may stay behind, and a later document with the same id
    continues its counter instead of starting again at a value a cache may have seen."""
    db.execute("CREATE TABLE document_revisions (document_id INTEGER PRIMARY KEY, revision INTEGER NOT NULL)")
    db.execute("INSERT INTO document_revisions (document_id, revision) SELECT id, 1 FROM documents")
    bump = (
        "INSERT INTO document_revisions (document_id, revision) VALUES ({row}.document_id, 1) "
        "ON CONFLICT(document_id) DO UPDATE SET revision = revision + 1;"
    )
    for table in ("codings", "turns", "speaker_attributes"):
        db.execute(
            f"CREATE TRIGGER {table}_revision_insert AFTER INSERT ON {table} BEGIN "
            f"{bump.format(row='NEW')} END"
        )
        db.execute(
            f"CREATE TRIGGER {table}_revision_update AFTER UPDATE ON {table} BEGIN "
            f"{bump.format(row='NEW')} {bump.format(row='OLD')} END"
        )
        db.execute(
            f"CREATE TRIGGER {table}_revision_delete AFTER DELETE ON {table} BEGIN "
            f"{bump.format(row='OLD')} END"
        )
    db.execute(
        "CREATE TRIGGER documents_revision_text AFTER UPDATE OF text ON documents BEGIN "
        "INSERT INTO document_revisions (document_id, revision) VALUES (NEW.id, 1) "
        "ON CONFLICT(document_id) DO UPDATE SET revision = revision + 1; END"
    )


# -- migrations of issue 14 (done marks) --


@migrations(name="m011_done_marks")
def m011_done_marks(db: sqlite_utils.Database) -> None:
    """A coder's mark "fertig kodiert" on a document: the document counts as coded by them (for
    agreement) even without a coding. Removed with the document or the coder."""
    db.execute(
        """CREATE TABLE done_marks (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE CASCADE,
  marked_by TEXT NOT NULL,
  marked_at TEXT NOT NULL,
  PRIMARY KEY (document_id, coder_id))"""
    )


# -- migrations of issue 16 (hostile input) --


@migrations(name="m012_login_failure_sources")
def m012_login_failure_sources(db: sqlite_utils.Database) -> None:
    """Failed logins also by source (the client's address), so that guessing with ever new names
    from one address slows down too."""
    db.execute("ALTER TABLE login_failures ADD COLUMN source TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX login_failures_source ON login_failures (source, at)")
