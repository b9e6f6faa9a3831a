"""Search speed: queries over the demo transcripts and a generated corpus (default 200 transcripts ×
10,000 words = 2 M words; the issue's target size is --docs 1000 --words 10000), the index's share of
the import time, the ratio of a word query to `grep -c -i -w` over the same texts in the same run,
and autocoding 5,000 hits.

    .venv/bin/python benchmarks/bench_search.py [--docs 200] [--words 10000]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_import import generate  # noqa: E402

from toolkit.autocode import apply_autocode, plan_autocode  # noqa: E402
from toolkit.codebook import load_codebook  # noqa: E402
from toolkit.codes_merge import load_codebook_into  # noqa: E402
from toolkit.documents import import_files  # noqa: E402
from toolkit.search import SearchOptions, search  # noqa: E402
from toolkit.store import Store, create_store  # noqa: E402

QUERIES: list[tuple[str, str, SearchOptions]] = [
    ("word", "Medienbruch", SearchOptions()),
    ("rare word", "Zauberformel", SearchOptions()),
    ("phrase", '"das Formular"', SearchOptions()),
    ("wildcard", "Onlinezugang*", SearchOptions()),
    ("folded", "buergermeisterin", SearchOptions(fold=True)),
    ("AND / NOT", "Medienbruch AND Antrag NOT Datenschutz", SearchOptions()),
    ("NEAR/3", "Formular NEAR/3 PDF", SearchOptions()),
    ("regex", r"Antr\w+|Akte\b", SearchOptions(mode="regex")),
    ("lemma", "Antrag", SearchOptions(mode="lemma")),  # target < 1 s
]


def timed(fn: Callable[[], object], runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def import_into(db: Path, paths: list[Path], *, index: bool) -> float:
    store = create_store(db)
    if not index:
        for trigger in ("insert", "update", "delete"):
            store.conn.execute(f"DROP TRIGGER documents_search_{trigger}")
    start = time.perf_counter()
    import_files(store, paths, actor="bench")
    seconds = time.perf_counter() - start
    store.close()
    return seconds


def queries(store: Store, label: str) -> None:
    for name, query, options in QUERIES:
        seconds, hits = timed(lambda q=query, o=options: search(store, q, o))  # type: ignore[misc]
        print(f"{label}: {name:<10} {query!r:<42} {len(hits):>8,} hits  {seconds * 1000:8.1f} ms")  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--words", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo = create_store(folder / "demo.db")
        import_files(demo, sorted((ROOT / "transcripts").glob("*.txt")), actor="bench")
        queries(demo, "demo")
        demo.close()

        paths = generate(folder, args.docs, args.words)
        for p in paths[:: max(1, len(paths) // 10)]:  # a rare word in every tenth transcript
            p.write_text(p.read_text(encoding="utf-8") + "\nB: Das war die Zauberformel.\n", encoding="utf-8")
        plain = import_into(folder / "plain.db", paths, index=False)
        indexed = import_into(folder / "bench.db", paths, index=True)
        print(
            f"import of {args.docs} × {args.words:,} words: {plain:.2f} s without the index, "
            f"{indexed:.2f} s with it: index share {(indexed - plain) / indexed:.0%} of the import"
        )
        store = Store(folder / "bench.db")
        queries(store, "generated")
        word_s, hits = timed(lambda: search(store, "Medienbruch"))
        start = time.perf_counter()
        grep = subprocess.run(
            ["grep", "-c", "-i", "-w", "Medienbruch", *map(str, paths)], capture_output=True, text=True
        )
        grep_s = time.perf_counter() - start
        lines = sum(int(line.rsplit(":", 1)[1]) for line in grep.stdout.splitlines())
        print(
            f"word query {word_s * 1000:.0f} ms ({len(hits):,} hits) vs grep -c -i -w {grep_s * 1000:.0f} ms "  # type: ignore[arg-type]
            f"({lines:,} lines): ratio {word_s / grep_s:.2f}"
        )
        load_codebook_into(store, load_codebook(ROOT / "codebook" / "codebook.yaml"), actor="bench")
        code = store.one("SELECT id FROM codes WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1")
        from toolkit.codes import list_codes

        path = next(c.path for c in list_codes(store) if c.id == code["id"])  # type: ignore[index]
        chosen = search(store, "Medienbruch", SearchOptions(limit=5000))
        start = time.perf_counter()
        plan = plan_autocode(store, chosen, path, "bench")
        planned = time.perf_counter() - start
        start = time.perf_counter()
        added = apply_autocode(store, plan, actor="bench")
        applied = time.perf_counter() - start
        print(f"autocode {len(added):,} hits: preview {planned:.2f} s, write {applied:.2f} s (target < 2 s)")
        store.close()


if __name__ == "__main__":
    main()
