"""The store's schema migrations, one module per issue that changed the schema, registered in the
order imported here (see registry.py)."""

from __future__ import annotations

from toolkit.migrations import schema, search  # isort: skip
from toolkit.migrations import sentences  # isort: skip  (m014, issue 22: after m013)
from toolkit.migrations import qca  # isort: skip  (m015, issue 20: after m014)
from toolkit.migrations import media  # isort: skip  (m016, issue 21: after m015)
from toolkit.migrations import sets  # isort: skip  (m017, issue 19: after m016)
from toolkit.migrations import pages  # isort: skip  (m018, issue 19: after m017)
from toolkit.migrations import search_voices  # isort: skip  (m013a, issue 18: after m018)
from toolkit.migrations.registry import migration_names, migrations

__all__ = [
    "media",
    "migration_names",
    "migrations",
    "pages",
    "qca",
    "schema",
    "search",
    "search_voices",
    "sentences",
    "sets",
]
