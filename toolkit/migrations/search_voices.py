"""Migration m013a of issue 18: the search index by voice (see toolkit/search_index.py)."""

from __future__ import annotations

import sqlite_utils

from toolkit.migrations.registry import migrations

_NOTE = (
    "INSERT INTO search_stale (document_id, old_text) VALUES ({id}, {text}) "
    "ON CONFLICT (document_id) DO UPDATE SET old_text = coalesce(search_stale.old_text, excluded.old_text)"
)


@migrations(name="m013a_search_voices")
def m013a_search_voices(db: sqlite_utils.Database) -> None:
    """Replaces m013's index of whole documents by one of words by voice (a speaker's turns in a
    document), which counts hits per document and speaker without reading the texts. Triggers note
    each document whose text or turns change (keeping the text the index was built from, which a
    contentless index needs to remove rows); the store re-indexes them before it commits."""
    for trigger in ("insert", "delete", "update"):
        db.execute(f"DROP TRIGGER IF EXISTS documents_search_{trigger}")
    db.execute("DROP TABLE IF EXISTS search_index")
    db.execute(
        "CREATE TABLE search_voices (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, "
        "speaker TEXT NOT NULL, spans TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX search_voices_document ON search_voices (document_id)")
    db.execute("CREATE TABLE search_stale (document_id INTEGER PRIMARY KEY, old_text TEXT)")
    db.execute(
        "CREATE VIRTUAL TABLE search_body USING fts5(body, content='', tokenize=\"ascii tokenchars '_'\")"
    )
    db.execute("CREATE VIRTUAL TABLE search_body_vocab USING fts5vocab(search_body, 'instance')")
    db.execute("CREATE VIRTUAL TABLE search_body_terms USING fts5vocab(search_body, 'row')")
    fresh = "INSERT OR IGNORE INTO search_stale (document_id, old_text) VALUES ({}, NULL)"
    new_doc, new_turn, old_turn = (fresh.format(i) for i in ("NEW.id", "NEW.document_id", "OLD.document_id"))
    db.execute(f"CREATE TRIGGER search_documents_insert AFTER INSERT ON documents BEGIN {new_doc}; END")
    db.execute(
        "CREATE TRIGGER search_documents_text BEFORE UPDATE OF text ON documents "
        f"WHEN OLD.text IS NOT NEW.text BEGIN {_NOTE.format(id='OLD.id', text='OLD.text')}; END"
    )
    db.execute(
        "CREATE TRIGGER search_documents_delete BEFORE DELETE ON documents "
        f"BEGIN {_NOTE.format(id='OLD.id', text='OLD.text')}; END"
    )
    db.execute(f"CREATE TRIGGER search_turns_insert AFTER INSERT ON turns BEGIN {new_turn}; END")
    db.execute(
        'CREATE TRIGGER search_turns_update AFTER UPDATE OF start, "end", speaker, document_id ON turns '
        f"BEGIN {new_turn}; {old_turn}; END"
    )
    db.execute(f"CREATE TRIGGER search_turns_delete AFTER DELETE ON turns BEGIN {old_turn}; END")
    from toolkit.search_index import rebuild

    rebuild(db.conn)
