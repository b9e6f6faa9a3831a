"""Small builders shared by the core test files: tmp projects, inline codebooks and transcripts.

Not a conftest: test files import what they need from here explicitly.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from toolkit.codebook import parse_codebook
from toolkit.codes_merge import load_codebook_into
from toolkit.documents import import_upload
from toolkit.model import Codebook
from toolkit.store import Store, create_store, events

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_CODEBOOK = ROOT / "codebook" / "codebook.yaml"
CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"

# Two fields of action, each with a "Treiber" child (so the bare name is ambiguous), subcodes
# below them, and the two kinds of case attributes.
MINI_CODEBOOK = """\
format: 1
title: Mini
fields_of_action:
  - name: Information
    name_en: Information
  - name: Mensch
    name_en: People
codes:
  - id: info
    name: Information
    field_of_action: Information
    colour: "#1F77B4"
    definition: Alles zu Informationen.
  - id: info-h
    parent: info
    name: Herausforderungen
    valence: challenge
    definition: Was Informationen erschwert.
  - id: info-h-luecken
    parent: info-h
    name: Lücken
    definition: Informationen kommen nicht an.
    keywords:
      de: [Flurfunk, Bescheid]
      en: [grapevine]
  - id: info-t
    parent: info
    name: Treiber
    valence: driver
    definition: Was Informationen erleichtert.
  - id: info-t-transparenz
    parent: info-t
    name: Transparenz
    definition: Offene Projektkommunikation.
  - id: mensch
    name: Mensch
    field_of_action: Mensch
    definition: Alles zu Menschen.
  - id: mensch-t
    parent: mensch
    name: Treiber
    valence: driver
    definition: Was Menschen antreibt.
  - id: mensch-t-offenheit
    parent: mensch-t
    name: Offenheit
    definition: Offen für Neues.
attributes:
  - name: municipality_type
    label: Kommunentyp
    applies_to: document
    values:
      - value: Die Bedächtigen
      - value: Die Optimierer
  - name: speaker_role
    applies_to: speaker
    values: [CDO, Sachbearbeitung]
"""

# German interview with two speakers; "I" speaks first.
INTERVIEW = "I: Wie läuft die Digitalisierung bei Ihnen?\n\nB: Die E-Akte ist eingeführt, aber langsam.\n"


def mini_codebook() -> Codebook:
    return parse_codebook(MINI_CODEBOOK, "mini.yaml")


def new_store(tmp_path: Path, name: str = "p.db") -> Store:
    return create_store(tmp_path / name)


def store_with_codebook(tmp_path: Path) -> Store:
    store = new_store(tmp_path)
    load_codebook_into(store, mini_codebook(), actor="t")
    return store


def add_text(store: Store, text: str, filename: str = "x.txt", **kwargs: Any) -> str:
    """Import ``text`` as a transcript upload; returns the document name."""
    result = import_upload(store, text.encode("utf-8"), filename, actor="t", **kwargs)
    return result.document


def events_of(store: Store, action: str, entity: str) -> list[dict[str, Any]]:
    return [e for e in events(store) if e["action"] == action and e["entity"] == entity]


def write_csv(path: Path, header: Iterable[str], rows: Iterable[Iterable[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(list(header))
        writer.writerows([list(r) for r in rows])
    return path


def add_codings_worker(db_path: str, worker: int, count: int, barrier: Any) -> None:
    """Run in a child process: add ``count`` one-character codings of coder 'team'."""
    from toolkit.codings import add_coding
    from toolkit.store import Store

    store = Store(db_path)
    try:
        barrier.wait()
        for j in range(count):
            start = worker * count + j
            add_coding(store, "doc", start, start + 1, "Code", coder="team")
    finally:
        store.close()


# Three sentences coded by two coders: anna has Lücken on s1 and s2, Transparenz on s2 and Offenheit
# on s3; ben has Lücken on s1, Transparenz on the first half of s2 (23-31) and Offenheit on s3.
AGREEMENT_TEXT = "I: Eins zwei drei.\n\nB: Vier fünf sechs. Sieben acht neun.\n"
LUECKEN = "Information/Herausforderungen/Lücken"
TRANSPARENZ = "Information/Treiber/Transparenz"
OFFENHEIT = "Mensch/Treiber/Offenheit"
TWO_CODERS = (
    (3, 18, LUECKEN, "anna"),
    (23, 39, LUECKEN, "anna"),
    (23, 39, TRANSPARENZ, "anna"),
    (40, 57, OFFENHEIT, "anna"),
    (3, 18, LUECKEN, "ben"),
    (23, 31, TRANSPARENZ, "ben"),
    (40, 57, OFFENHEIT, "ben"),
)


def two_coder_project(tmp_path: Path, codings: Iterable[tuple[int, int, str, str]] = TWO_CODERS) -> Store:
    """A project with :data:`AGREEMENT_TEXT` and the given codings (start, end, code, coder)."""
    from toolkit.codings import add_coding

    store = store_with_codebook(tmp_path)
    doc = add_text(store, AGREEMENT_TEXT, "t.txt")
    for start, end, code, coder in codings:
        add_coding(store, doc, start, end, code, coder=coder)
    return store


def run_page(page_file: Path | str, store: Store, **state: object) -> Any:
    """Run one app page through AppTest with the project (and any session state) set, as app.py
    would; returns the AppTest after the run."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(page_file), default_timeout=60)
    at.session_state["app_store"] = store
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


REFI_SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "interop" / "refi"


def make_qdpx(path: Path, qde: str | bytes, members: dict[str, bytes] | None = None) -> Path:
    """A .qdpx zip with ``project.qde`` and the given other members (name -> bytes)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", qde.encode("utf-8") if isinstance(qde, str) else qde)
        for name, data in (members or {}).items():
            zf.writestr(name, data)
    return path
