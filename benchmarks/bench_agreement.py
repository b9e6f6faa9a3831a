"""Agreement speed. Prints figures, asserts nothing.

1. All coefficients of a 100,000 units x 5 coders matrix (4 categories, 10 % missing), and in the
   same run Krippendorff's alpha of the ``krippendorff`` package alone on the same data (the ratio
   says how many package-alpha runs the full set of coefficients costs; target: all under 1 s).
2. The methods on 50 generated documents x 3 coders x 2,000 codings each (per coder and document,
   300,000 codings): reading the codings and each method, in seconds.

    .venv/bin/python benchmarks/bench_agreement.py [--units 100000] [--docs 50] [--codings 2000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import krippendorff
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_import import make_transcript
from toolkit.agreement.coefficients import bootstrap_alpha, coefficients
from toolkit.agreement.methods import run
from toolkit.agreement.selection import plan
from toolkit.codebook import load_codebook
from toolkit.codes import list_codes
from toolkit.codes_merge import load_codebook_into
from toolkit.documents import import_files
from toolkit.project import DEFAULT_CODEBOOK
from toolkit.store import create_store, new_guid, now


def best_of(fn: object, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def bench_coefficients(units: int, coders: int) -> None:
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 4, units)
    matrix = np.vstack(
        [np.where(rng.random(units) < 0.2, rng.integers(0, 4, units), truth) for _ in range(coders)]
    )
    matrix = matrix.astype(float)
    matrix[rng.random(matrix.shape) < 0.1] = np.nan
    ours = best_of(lambda: coefficients(matrix))
    package = best_of(lambda: krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))
    boot = best_of(lambda: bootstrap_alpha(matrix, draws=1000, seed=0), repeat=1)
    result = coefficients(matrix)
    check = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    print(f"coefficients, {units:,} units x {coders} coders: all 8 coefficients {ours:.3f} s")
    print(f"  krippendorff package, nominal alpha only, same data: {package:.3f} s")
    print(f"  ratio ours (all) / package (alpha): {ours / package:.2f}")
    print(f"  alpha agrees with the package: {abs(result['krippendorff_alpha'] - check) < 1e-12}")
    print(f"  bootstrap CI of alpha, 1,000 draws: {boot:.3f} s")


def build_project(folder: Path, docs: int, per_doc: int, coders: int) -> Path:
    rng = random.Random(7)
    paths = []
    for i in range(docs):
        path = folder / f"doc_{i:03d}.txt"
        path.write_text(make_transcript(rng, 10_000), encoding="utf-8")
        paths.append(path)
    db = folder / "bench.db"
    store = create_store(db, actor="bench")
    load_codebook_into(store, load_codebook(DEFAULT_CODEBOOK), actor="bench")
    import_files(store, paths, actor="bench", language="de")
    code_ids = [c.id for c in list_codes(store) if c.depth >= 2] or [c.id for c in list_codes(store)]
    stamp = now()
    with store.write("bench") as w:
        coder_ids = [
            w.insert("coders", {"guid": new_guid(), "name": f"coder{k}", "created_at": stamp})
            for k in range(coders)
        ]
        for doc in store.query("SELECT id, length(text) AS n FROM documents"):
            rows = set()
            base = []
            for _ in range(per_doc):
                start = rng.randrange(0, doc["n"] - 500)
                base.append((start, start + rng.randint(40, 400), rng.choice(code_ids)))
            for k, cid in enumerate(coder_ids):
                for start, end, code in base:
                    if k and rng.random() < 0.7:
                        start = max(0, start + rng.randint(-20, 20))
                        end = max(start + 1, end + rng.randint(-20, 20))
                    if k and rng.random() < 0.15:
                        code = rng.choice(code_ids)
                    rows.add((doc["id"], code, cid, start, end))
            w.store.conn.executemany(
                'INSERT INTO codings (guid, document_id, code_id, coder_id, start, "end", text, created_at, '
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)",
                [(new_guid(), d, c, k, s, e, stamp, stamp) for d, c, k, s, e in rows],
            )
    store.close()
    return db


def bench_methods(docs: int, per_doc: int, coders: int) -> None:
    from toolkit.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        db = build_project(Path(tmp), docs, per_doc, coders)
        print(
            f"\nmethods: {docs} documents x {coders} coders x {per_doc:,} codings "
            f"(set-up {time.perf_counter() - start:.1f} s)"
        )
        store = open_store(db)
        names = [f"coder{k}" for k in range(coders)]
        start = time.perf_counter()
        sel = plan(store, names)
        print(f"  scope of {len(sel.documents)} documents: {time.perf_counter() - start:.2f} s")
        for method, kwargs in [
            ("unit", {"unit": "sentence", "draws": 1000}),
            ("unit", {"unit": "turn", "draws": 1000}),
            ("segment", {"threshold": 90.0}),
            ("character", {}),
            ("unitized", {}),
            ("document", {"draws": 1000}),
        ]:
            start = time.perf_counter()
            result = run(sel, method=method, **kwargs)  # type: ignore[arg-type]
            label = f"{method} ({kwargs['unit']})" if "unit" in kwargs else method
            print(f"  {label}: {time.perf_counter() - start:.2f} s ({len(result.tables['agreement'])} rows)")
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--coders", type=int, default=5)
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--codings", type=int, default=2_000, help="codings per coder and document")
    args = parser.parse_args()
    bench_coefficients(args.units, args.coders)
    bench_methods(args.docs, args.codings, 3)


if __name__ == "__main__":
    main()
