"""Import throughput: 100 generated transcripts of 10,000 words (1M words) into a new project.

Prints words/s and peak memory of the import, and of a floor measured in the same run: reading the
same files and running the same spaCy tokenizer (blank German) over each paragraph of them, and
nothing else. The
target is an import at least half as fast as the floor (ratio >= 0.5).

    .venv/bin/python benchmarks/bench_import.py [--docs 100] [--words 10000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "also wir haben in der Verwaltung das Thema Digitalisierung ja schon länger auf dem Tisch "
    "und die Kolleginnen im Bürgerbüro sagen dann immer das Formular kommt als PDF und wird "
    "abgetippt Medienbruch Fachverfahren Onlinezugangsgesetz Bürger:innen Lotsin Schulung "
    "Haltung Rückendeckung Bürgermeisterin Strategie Ressourcen Personal knapp ähm genau "
    "Prozess Akte E-Akte Termin Antrag Gewerbeanmeldung Nutzer Nutzerin Co-Kreation Beratung "
    "Workshop Prototyp Fachbereich Leitung Hierarchie Unterschrift Datenschutz Rechenzentrum"
).split()


def make_transcript(rng: random.Random, words: int) -> str:
    lines = ["Transkript (generiert für den Benchmark)", "I = Interviewerin", "B = Befragte", ""]
    count, seconds, turn = 0, 0, 0
    while count < words:
        speaker = "I" if turn % 2 == 0 else "B"
        n = rng.randint(8, 25) if speaker == "I" else rng.randint(40, 220)
        sentences = []
        left = n
        while left > 0:
            k = min(left, rng.randint(6, 18))
            sentence = " ".join(rng.choice(WORDS) for _ in range(k))
            sentences.append(sentence[0].upper() + sentence[1:] + rng.choice([".", ".", "?", " (.)"]))
            left -= k
        seconds += n // 2 + 2
        stamp = f"#{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}-{turn % 10}#"
        lines.append(f"{speaker}: {' '.join(sentences)} {stamp}")
        lines.append("")
        count += n
        turn += 1
    return "\n".join(lines)


def generate(folder: Path, docs: int, words: int) -> list[Path]:
    rng = random.Random(42)
    paths = []
    for i in range(docs):
        path = folder / f"transkript_{i:03d}.txt"
        path.write_text(make_transcript(rng, words), encoding="utf-8")
        paths.append(path)
    return paths


def run_floor(paths: list[str]) -> dict[str, float]:
    import spacy

    tokenizer = spacy.blank("de").tokenizer
    start = time.perf_counter()
    tokens = 0
    for p in paths:
        text = Path(p).read_bytes().decode("utf-8")
        # per paragraph, as the pipeline splits turns first: ~10x faster than one long string,
        # so this is the stricter floor
        tokens += sum(len(doc) for doc in tokenizer.pipe(text.split("\n\n")))
    return {"seconds": time.perf_counter() - start, "tokens": tokens}


def run_import(paths: list[str], db: str) -> dict[str, float]:
    from toolkit.documents import import_files
    from toolkit.store import create_store

    store = create_store(db)
    start = time.perf_counter()
    results = import_files(store, paths, actor="bench")
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "words": sum(r.words for r in results),
        "turns": sum(r.turns for r in results),
    }


def child(mode: str, paths: list[str], db: str) -> dict[str, float]:
    """Run one measurement in a fresh process, so peak memory belongs to it alone."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--db", db, *paths], capture_output=True, text=True
    )
    if out.returncode:
        sys.exit(f"{mode} run failed:\n{out.stderr}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--child")
    parser.add_argument("--db", default="")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    if args.child:
        result = run_floor(args.paths) if args.child == "floor" else run_import(args.paths, args.db)
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(p) for p in generate(Path(tmp), args.docs, args.words)]
        floor = child("floor", paths, "")
        imp = child("import", paths, str(Path(tmp) / "bench.db"))
        words = imp["words"]
        floor_wps = words / floor["seconds"]
        import_wps = words / imp["seconds"]
        mb = sum(Path(p).stat().st_size for p in paths) / 1e6
        print(f"corpus: {args.docs} transcripts, {words:,.0f} words, {mb:.1f} MB, {imp['turns']:,.0f} turns")
        print(
            f"floor (read + spaCy tokenizer per paragraph): {floor['seconds']:.2f} s, "
            f"{floor_wps:,.0f} words/s, "
            f"peak {floor['peak_mb']:.0f} MB"
        )
        print(
            f"import (parse, turns, store):                 {imp['seconds']:.2f} s, "
            f"{import_wps:,.0f} words/s, "
            f"peak {imp['peak_mb']:.0f} MB"
        )
        print(f"ratio import/floor throughput:                {import_wps / floor_wps:.2f} (target >= 0.5)")


if __name__ == "__main__":
    main()
