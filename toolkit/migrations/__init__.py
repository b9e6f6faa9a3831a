"""The store's schema migrations, one module per issue that changed the schema, registered in the
order imported here (see registry.py)."""

from __future__ import annotations

from toolkit.migrations import schema, search
from toolkit.migrations.registry import migrations

__all__ = ["migrations", "schema", "search"]
