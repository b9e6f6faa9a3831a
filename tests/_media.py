"""Recordings made in the test: a WAV file of known length (a tone that changes every second)."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import numpy as np

RATE = 8000

# A fictional interview with a time stamp on most turns; the third turn has none.
TIMED = (
    "I [00:00:00] Guten Tag, wir beginnen mit der Aufnahme.\n\n"
    "B [00:00:02] Gern, die E-Akte ist bei uns seit einem Jahr eingeführt.\n\n"
    "I: Und wie läuft es im Alltag?\n\n"
    "B [00:00:06] Langsam, die Scanner sind zu wenige.\n\n"
    "I [00:00:08] Danke für das Gespräch.\n"
)


def wav_bytes(seconds: float = 10.0) -> bytes:
    """A mono 16-bit WAV of ``seconds`` seconds."""
    t = np.arange(int(RATE * seconds)) / RATE
    tone = 0.3 * np.sin(2 * np.pi * (220 + 110 * np.floor(t)) * t)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes((tone * 32767).astype("<i2").tobytes())
    return buf.getvalue()


def write_wav(path: Path, seconds: float = 10.0) -> Path:
    path.write_bytes(wav_bytes(seconds))
    return path
