"""Migration m018_turn_pages (issue 19): the page of a PDF transcript each turn begins on."""

from __future__ import annotations

import sqlite_utils

from toolkit.migrations.registry import migrations


@migrations(name="m018_turn_pages")
def m018_turn_pages(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE turns ADD COLUMN page INTEGER")
