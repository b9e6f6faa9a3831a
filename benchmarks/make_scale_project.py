"""Build the project of issue 22: a team's full scale, to measure agreement, consensus and reports.

Default: 1,000 generated German transcripts of 10,000 words (10 M words), the shipped codebook, and
1,000,000 codings by three coders (about 333 per coder and document). The documents go through the
library's importer; the codings are written in one transaction per document with the library's
store (one INSERT per coding, text copied as ``add_coding`` does, no event per coding: a project
built by hand would have them, but they do not change what agreement reads). The second and third
coder copy the first coder's segments with jitter (70 %), another code (15 %), leave some out
(10 %) and add their own, so agreement is realistic, neither 0 nor 1.

    .venv/bin/python benchmarks/make_scale_project.py --db /tmp/scale.db            # full scale
    .venv/bin/python benchmarks/make_scale_project.py --db /tmp/s.db --docs 100     # 100 docs, 100k codings

``--codings`` defaults to 1,000 per document (all coders together). Every document gets a
municipality type and size (4 and 5 values), for the grouped matrix; ``--add-attributes`` adds them
to a project built before they were part of it.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_import import make_transcript
from toolkit.codebook import load_codebook
from toolkit.codes import list_codes
from toolkit.codes_merge import load_codebook_into
from toolkit.documents import import_files
from toolkit.project import DEFAULT_CODEBOOK
from toolkit.store import Store, Writer, create_store, new_guid, now

CODERS = ("anna", "ben", "cem")
TYPES = ("Die Bedächtigen", "Die Optimierer", "Die Serviceorientierten", "Die Community Manager")
SIZES = ("Landgemeinde", "Kleinstadt", "Mittelstadt", "Großstadt", "Landkreis")


def add_attributes(store: Store) -> None:
    """Every document gets a municipality type and size (the grouped matrix groups by them)."""
    from toolkit.documents import set_attributes

    names = [r[0] for r in store.conn.execute("SELECT name FROM documents ORDER BY name")]
    for i, name in enumerate(names):
        values = {"municipality_type": TYPES[i % len(TYPES)], "municipality_size": SIZES[i % len(SIZES)]}
        set_attributes(store, name, values, actor="bench")


def _segments(rng: random.Random, length: int, count: int, codes: list[int]) -> list[tuple[int, int, int]]:
    out = []
    for _ in range(count):
        start = rng.randrange(0, max(1, length - 500))
        out.append((start, min(length, start + rng.randint(40, 400)), rng.choice(codes)))
    return out


def add_codings(store: Store, per_doc: int, coders: tuple[str, ...], seed: int = 7) -> int:
    """``per_doc`` codings per document, shared out among ``coders``; returns how many."""
    rng = random.Random(seed)
    codes = [c.id for c in list_codes(store) if c.depth >= 2] or [c.id for c in list_codes(store)]
    stamp = now()
    with store.write("bench") as w:
        coder_ids = [w.insert("coders", {"guid": new_guid(), "name": n, "created_at": stamp}) for n in coders]
    total = 0
    per_coder = max(1, per_doc // len(coders))
    doc_ids = [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY id")]
    for first in range(0, len(doc_ids), 50):  # one transaction per 50 documents
        with store.write("bench") as w:
            for doc_id in doc_ids[first : first + 50]:
                total += _add_document_codings(w, doc_id, rng, per_coder, codes, coder_ids, stamp)
    return total


def _add_document_codings(
    w: Writer,
    doc_id: int,
    rng: random.Random,
    per_coder: int,
    codes: list[int],
    coder_ids: list[int],
    stamp: str,
) -> int:
    text = str(w.store.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0])
    base = _segments(rng, len(text), per_coder, codes)
    rows: set[tuple[int, int, int, int]] = set()
    for k, cid in enumerate(coder_ids):
        for start, end, code in base:
            if k and rng.random() < 0.10:
                continue
            if k and rng.random() < 0.7:
                start = max(0, start + rng.randint(-20, 20))
                end = min(len(text), max(start + 1, end + rng.randint(-20, 20)))
            if k and rng.random() < 0.15:
                code = rng.choice(codes)
            rows.add((code, cid, start, end))
        if k:
            rows.update((c, cid, s, e) for s, e, c in _segments(rng, len(text), per_coder // 10, codes))
    w.store.conn.executemany(
        'INSERT INTO codings (guid, document_id, code_id, coder_id, start, "end", text, created_at, '
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(new_guid(), doc_id, c, k, s, e, text[s:e], stamp, stamp) for c, k, s, e in sorted(rows)],
    )
    return len(rows)


def build(
    db: Path, docs: int, words: int, per_doc: int, coders: tuple[str, ...] = CODERS
) -> dict[str, float]:
    """Create the project at ``db``; returns timings and counts."""
    started = time.perf_counter()
    store = create_store(db, actor="bench")
    load_codebook_into(store, load_codebook(DEFAULT_CODEBOOK), actor="bench")
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        batch: list[Path] = []
        for i in range(docs):
            path = Path(tmp) / f"transkript_{i:04d}.txt"
            path.write_text(make_transcript(rng, words), encoding="utf-8")
            batch.append(path)
            if len(batch) == 50 or i == docs - 1:
                import_files(store, batch, actor="bench", language="de")
                for p in batch:
                    p.unlink()
                batch = []
    add_attributes(store)
    imported = time.perf_counter()
    codings = add_codings(store, per_doc, coders)
    store.close()
    return {
        "documents": docs,
        "codings": codings,
        "import_s": imported - started,
        "codings_s": time.perf_counter() - imported,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True, help="where to create the project (must not exist)")
    parser.add_argument(
        "--add-attributes",
        action="store_true",
        help="only give an existing project's documents their attributes",
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--words", type=int, default=10_000, help="words per transcript")
    parser.add_argument("--codings", type=int, default=1000, help="codings per document, all coders together")
    args = parser.parse_args()
    if args.add_attributes:
        from toolkit.store import open_store

        add_attributes(open_store(args.db))
        return
    figures = build(args.db, args.docs, args.words, args.codings)
    print(
        f"{args.db}: {figures['documents']:,} documents x {args.words:,} words, "
        f"{figures['codings']:,} codings by {len(CODERS)} coders; "
        f"import {figures['import_s']:.1f} s, codings {figures['codings_s']:.1f} s"
    )


if __name__ == "__main__":
    main()
