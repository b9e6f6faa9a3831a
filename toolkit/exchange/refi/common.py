"""What import and export of ``.qdpx`` projects share: the project namespace, stable GUIDs and the
conversion between ``xsd:dateTime`` and the store's time format."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

PROJECT_NS = "urn:QDA-XML:project:1.0"
SETS_ATTRIBUTE = "sets"
SET_SEPARATOR = "; "
_STORE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$")
_NS = uuid.UUID("3c0f5a3e-8a4b-4f65-9d0e-6b2f1c7d9e21")


def stable_guid(kind: str, key: str) -> str:
    """A GUID derived from what it names, so repeated exports give the same one."""
    return str(uuid.uuid5(_NS, f"{kind}:{key}")).upper()


def refi_time(value: str | None) -> str | None:
    """An ``xsd:dateTime`` as the store's time format (UTC, milliseconds); None when unreadable."""
    if not value:
        return None
    if _STORE_TIME.match(value):
        return value
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def xsd_time(value: str) -> str:
    """The store's time (UTC, ``+00:00``) as other tools write it (``Z``); read back unchanged."""
    return f"{value[:-6]}Z" if _STORE_TIME.match(value) else value
