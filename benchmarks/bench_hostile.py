"""Hostile inputs from the review of issue 16: CPU time of the importers on runs of the characters
that used to make their patterns backtrack, at two sizes. A ratio of time per character near 1
means linear (quadratic code would show about 5 from 60 KB to 300 KB).

    .venv/bin/python benchmarks/bench_hostile.py
"""

from __future__ import annotations

import time
from contextlib import suppress

from toolkit.errors import ToolkitError
from toolkit.importers import parse_bytes

CASES = {
    "vtt cue of unclosed '<v '": (".vtt", lambda n: "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + "<v " * n),
    "srt cue of unclosed '<i '": (".srt", lambda n: "1\n00:00:01,000 --> 00:00:02,000\n" + "<i " * n),
    "md line of '['": (".md", lambda n: "[" * (3 * n)),
    "md line of '{:'": (".md", lambda n: "{:" * n),
    "md heading '# ' ... 'a'": (".md", lambda n: "# " * n + "a"),
    "md blanks inside a line": (".md", lambda n: "a" + " " * (3 * n) + "a"),
}


def cpu(ext: str, text: str) -> float:
    start = time.process_time()
    with suppress(ToolkitError):  # a refusal is an outcome too; only the time matters here
        parse_bytes(text.encode(), "hostile" + ext)
    return time.process_time() - start


def main() -> None:
    print(f"{'input':32} {'60 KB':>9} {'300 KB':>9} {'ratio per char':>15}")
    for label, (ext, make) in CASES.items():
        small, large = cpu(ext, make(20_000)), cpu(ext, make(100_000))
        ratio = (large / 5) / small if small > 0 else float("nan")
        print(f"{label:32} {small:8.3f}s {large:8.3f}s {ratio:15.2f}")


if __name__ == "__main__":
    main()
