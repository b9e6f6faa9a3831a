"""Recordings (issue 21): how long attaching, backing up and exporting a long recording take.

A generated 16-bit stereo WAV of about 60 MB (about 6 minutes at 44.1 kHz; an hour of MP3 at
128 kbit/s is about the same size) is attached to a short transcript. Prints seconds and MB/s.

    .venv/bin/python benchmarks/bench_media.py
"""

from __future__ import annotations

import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.backup import backup  # noqa: E402
from toolkit.documents import import_upload  # noqa: E402
from toolkit.exchange.refi import export_project  # noqa: E402
from toolkit.media import attach_media, sniff_format  # noqa: E402
from toolkit.store import create_store  # noqa: E402

TEXT = "I [00:00:00] Guten Tag.\n\nB [00:01:00] Gern.\n\nI [00:02:00] Danke.\n"


def wav(path: Path, megabytes: int) -> Path:
    frames = megabytes * 1_000_000 // 4
    rng = np.random.default_rng(1)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(44_100)
        w.writeframes(rng.integers(-3000, 3000, size=frames * 2, dtype="<i2").tobytes())
    return path


def timed(fn: object) -> float:
    t0 = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - t0


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rec = wav(folder / "aufnahme.wav", 60)
        mb = rec.stat().st_size / 1e6
        store = create_store(folder / "p.db")
        doc = import_upload(store, TEXT.encode(), "g.txt", actor="b").document
        head = rec.read_bytes()[:64]
        sniff = timed(lambda: [sniff_format(head, "a.wav") for _ in range(10_000)]) / 10_000
        first = timed(lambda: attach_media(store, doc, rec, actor="b"))
        again = timed(lambda: attach_media(store, doc, rec, actor="b"))
        copy = timed(lambda: backup(store, folder / "b" / "b.db"))
        export = timed(lambda: export_project(store))
        print(f"recording: {mb:.0f} MB WAV")
        print(f"sniff the format (64 bytes): {sniff * 1e6:.1f} µs")
        print(f"attach (hash + copy into p.media/): {first:.2f} s ({mb / first:.0f} MB/s)")
        print(f"attach the same file again (hash, no copy): {again:.2f} s")
        print(f"backup with the recording (hard link): {copy:.2f} s")
        print(f"REFI-QDA export with the recording: {export:.2f} s ({mb / export:.0f} MB/s)")


if __name__ == "__main__":
    main()
