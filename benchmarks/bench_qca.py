"""Qualitative content analysis speed (issue 20): the summary grid of one code over 200 documents
(library call and the whole Zusammenfassungen page through AppTest; target < 1 s) and the summary
table of 200 documents x 20 codes written as XLSX and DOCX (target < 3 s).

    .venv/bin/python benchmarks/bench_qca.py [--docs 200] [--codes 20]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.codebook import load_codebook  # noqa: E402
from toolkit.coders import coder_id  # noqa: E402
from toolkit.codes import list_codes  # noqa: E402
from toolkit.codes_merge import load_codebook_into  # noqa: E402
from toolkit.codings import add_coding_in  # noqa: E402
from toolkit.documents import import_upload, set_attributes  # noqa: E402
from toolkit.exports.summary_tables import summary_table, write_summary_table  # noqa: E402
from toolkit.qca.summaries import _put, summary_grid  # noqa: E402
from toolkit.store import Store, create_store  # noqa: E402

SENTENCE = "Die E-Akte ist eingeführt, aber der Medienbruch beim Antrag bleibt ärgerlich. "


def build(path: Path, docs: int, codes: int) -> tuple[Store, list[str]]:
    store = create_store(path)
    load_codebook_into(store, load_codebook(ROOT / "codebook" / "codebook.yaml"), actor="bench")
    leaves = [c for c in list_codes(store) if c.depth >= 2][:codes]
    for i in range(docs):
        text = "".join(f"{'I' if t % 2 == 0 else 'B'}: {SENTENCE * 6}\n\n" for t in range(40))
        text += f"I: Interview Nummer {i}.\n"  # every file different
        import_upload(store, text.encode(), f"interview_{i:03d}.txt", actor="bench")
        set_attributes(store, f"interview_{i:03d}", {"municipality_type": "Die Optimierer"}, actor="bench")
    docs_rows = store.query("SELECT id, name, text FROM documents ORDER BY name")
    with store.write("anna") as w:
        cid = coder_id(w, "anna")
        for d in docs_rows:
            for j, code in enumerate(leaves):
                for k in range(3):  # three segments of each code in each document
                    start = 3 + (j * 3 + k) * len(SENTENCE)
                    add_coding_in(w, d["name"], start, start + len(SENTENCE) - 1, code, "anna")
                _put(w, d["id"], code.id, cid, f"Zusammenfassung {d['name']} / {code.name}. " * 8, "")
    return store, [c.path for c in leaves]


def timed(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--codes", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        store, paths = build(Path(tmp) / "qca.db", args.docs, args.codes)
        print(f"built {args.docs} documents x {len(paths)} codes in {time.perf_counter() - start:.1f} s")
        grid = timed(lambda: summary_grid(store, paths[0], "anna"))
        print(f"summary_grid of one code over {args.docs} documents: {grid * 1000:.0f} ms (median of 5)")

        from streamlit.testing.v1 import AppTest

        def page() -> None:
            at = AppTest.from_file(str(ROOT / "app_pages" / "summaries.py"), default_timeout=60)
            at.session_state["app_store"] = store
            at.session_state["app_coder"] = "anna"
            at.session_state["summaries_code"] = paths[0]
            at.run()
            assert not at.exception, at.exception

        page()  # imports once
        empty = Path(tmp) / "empty.py"
        empty.write_text("import streamlit as st\nst.title('leer')\n", encoding="utf-8")

        def baseline() -> None:
            AppTest.from_file(str(empty), default_timeout=60).run()

        floor = timed(baseline)
        took = timed(page)
        print(
            f"Zusammenfassungen page (AppTest run, warm): {took * 1000:.0f} ms (target < 1 s); "
            f"an empty page's AppTest run {floor * 1000:.0f} ms"
        )
        for fmt in ("xlsx", "docx"):

            def export(fmt: str = fmt) -> None:
                table = summary_table(store, paths, variables=["municipality_type"], coder="anna")
                write_summary_table(table, fmt, io.BytesIO())

            print(
                f"summary table {args.docs} x {len(paths)} codes as {fmt}: "
                f"{timed(export, 3):.2f} s (target < 3 s)"
            )
        store.close()


if __name__ == "__main__":
    main()
