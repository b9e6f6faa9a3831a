"""Taguette highlights import with many new tags: one highlight per tag, every tag new to the project.

The import once rebuilt the code tree for every new tag (quadratic: 500 tags 17 s, 2,000 tags
193 s, holding the write lock). It now keeps a code-path index for the transaction. Prints the
seconds for 500 and N tags and the ratio of the two per-tag times (about 1 when linear, about
N/500 when quadratic).

    .venv/bin/python benchmarks/bench_taguette_tags.py [--tags 2000]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit.codes import code_tree
from toolkit.documents import import_upload
from toolkit.exchange.taguette import import_highlights
from toolkit.store import create_store


def run(tags: int, folder: Path) -> float:
    store = create_store(folder / f"p{tags}.db")
    sentences = [f"Satz {i} über Thema {i % 97}." for i in range(tags)]
    import_upload(store, "\n\n".join(f"B: {s}" for s in sentences).encode(), "int.txt", actor="b")
    path = folder / f"h{tags}.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "document", "tag", "content"])
        for i, sentence in enumerate(sentences):
            writer.writerow([i, "int.odt", f"Feld {i % 4}/Tag {i}", sentence])
    start = time.perf_counter()
    report = import_highlights(store, path, coder="tg")
    seconds = time.perf_counter() - start
    assert report.imported == tags and not report.unanchored, report.unanchored[:3]
    assert len(code_tree(store)) == tags + 4
    store.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tags", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = run(500, Path(tmp))
        large = run(args.tags, Path(tmp))
    print(f"500 new tags: {small:.2f} s ({small / 500 * 1000:.2f} ms per tag)")
    print(f"{args.tags:,} new tags: {large:.2f} s ({large / args.tags * 1000:.2f} ms per tag; was 193 s)")
    print(f"per-tag time ratio {args.tags:,}/500: {(large / args.tags) / (small / 500):.2f} (1 = linear)")


if __name__ == "__main__":
    main()
