"""The one list of the store's migrations (sqlite-utils ``Migrations``), applied in the order the
modules of this package register them. Each issue that changes the schema adds its own module and one
import line in ``toolkit/migrations/__init__.py``; a migration is never edited once released."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("coding_toolkit")


def migration_names() -> list[str]:
    """The names of the migrations this toolkit knows, in order (a backup from a newer toolkit has
    others)."""
    return [m.name for m in migrations._migrations]  # sqlite-utils keeps the list private


def run_statements(db: sqlite_utils.Database, statements: str) -> None:
    """Run several SQL statements separated by ``;`` at line ends."""
    for statement in statements.split(";\n"):
        if statement.strip():
            db.execute(statement)
