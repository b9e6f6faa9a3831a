"""Migration m013 of issue 18: the full-text search index."""

from __future__ import annotations

import sqlite_utils

from toolkit.migrations.registry import migrations

# What the search index holds in its second column: the text with ASCII case lowered, ß as ss and
# ae/oe/ue as a/o/u, so that the tokenizer (which drops case and diacritics) makes Bürger, Buerger
# and burger one token. Built from SQL functions only, so that every connection's writes keep it.
SEARCH_FOLD_SQL = (
    "replace(replace(replace(replace(replace(lower({t}), 'ß', 'ss'), 'ẞ', 'ss'), 'ae', 'a'), "
    "'oe', 'o'), 'ue', 'u')"
)


@migrations(name="m013_search_index")
def m013_search_index(db: sqlite_utils.Database) -> None:
    """A full-text index (FTS5, contentless: the text stays only in ``documents``) of every
    document's text, kept in step by triggers on ``documents``: an import, a pseudonymisation or a
    deletion changes the index in the same transaction, whichever module writes."""
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(body, folded, content='', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    new, old = SEARCH_FOLD_SQL.format(t="NEW.text"), SEARCH_FOLD_SQL.format(t="OLD.text")
    add = f"INSERT INTO search_index (rowid, body, folded) VALUES (NEW.id, NEW.text, {new});"
    remove = (
        "INSERT INTO search_index (search_index, rowid, body, folded) "
        f"VALUES ('delete', OLD.id, OLD.text, {old});"
    )
    db.execute(f"CREATE TRIGGER documents_search_insert AFTER INSERT ON documents BEGIN {add} END")
    db.execute(f"CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN {remove} END")
    db.execute(
        f"CREATE TRIGGER documents_search_update AFTER UPDATE OF text ON documents BEGIN {remove} {add} END"
    )
    db.execute(
        "INSERT INTO search_index (rowid, body, folded) SELECT id, text, "
        f"{SEARCH_FOLD_SQL.format(t='text')} FROM documents"
    )
