"""Import throughput: 100 generated transcripts of 10,000 words (1M words) into a new project.

Turns are short (8-60 words, as in group discussions). The import runs through the CLI
(``coding-toolkit --db X import FILE...``) in a new process, end to end including process start;
the modules are compiled to bytecode once before, as in an installed program (bench_cli.py does the
same). The floor in the same run reads the same files and runs spaCy's tokenizer (blank German)
over each paragraph of them, and nothing else (spaCy's own start-up not counted, so the floor is
strict).
Prints wall and CPU seconds of both, words/s and peak memory; the target is an import at least half
as fast as the floor (ratio >= 0.5). ``--library`` times ``import_files`` in-process instead.

    .venv/bin/python benchmarks/bench_import.py [--docs 100] [--words 10000] [--library]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
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
        n = rng.randint(8, 60)
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
    start, cpu = time.perf_counter(), time.process_time()
    tokens = 0
    for p in paths:
        text = Path(p).read_bytes().decode("utf-8")
        # per paragraph, as the pipeline splits turns first: ~10x faster than one long string,
        # so this is the stricter floor
        tokens += sum(len(doc) for doc in tokenizer.pipe(text.split("\n\n")))
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "tokens": tokens}


def run_import(paths: list[str], db: str) -> dict[str, float]:
    from toolkit.documents import import_files
    from toolkit.store import create_store

    store = create_store(db)
    start, cpu = time.perf_counter(), time.process_time()
    results = import_files(store, paths, actor="bench")
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "cpu": time.process_time() - cpu,
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


def run_cli(paths: list[str], db: str) -> dict[str, float]:
    """``coding-toolkit --db DB import PATHS`` in a new process: wall and CPU seconds of it all."""
    # as an installed program runs: its modules compiled to bytecode once (by a first, untimed
    # import of one small file into another project), not in every run (see bench_cli.py)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(HOME=str(Path(db).parent), CODING_TOOLKIT_USER="bench")
    script = Path(sys.executable).with_name("coding-toolkit")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "toolkit"]
    warm, sample = str(Path(db).with_name("warm.db")), str(Path(db).with_name("warm.txt"))
    Path(sample).write_text("I: Wie lief es?\n\nB: Gut.\n", encoding="utf-8")
    for project in (warm, db):
        subprocess.run([*cli, "--db", project, "init", "--empty"], check=True, env=env, capture_output=True)
    subprocess.run([*cli, "--db", warm, "import", sample], check=True, env=env, capture_output=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run([*cli, "--db", db, "import", *paths], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode:
        sys.exit(f"CLI import failed:\n{out.stderr}")
    lines = [line for line in out.stdout.splitlines() if line.startswith("imported ")]
    words = sum(int(re.search(r": (\d+) words", line)[1]) for line in lines)  # type: ignore[index]
    turns = sum(int(re.search(r"(\d+) turns", line)[1]) for line in lines)  # type: ignore[index]
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {"seconds": seconds, "cpu": cpu, "words": words, "turns": turns, "peak_mb": after.ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--child")
    parser.add_argument("--db", default="")
    parser.add_argument("--library", action="store_true", help="time import_files in-process")
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
        db = str(Path(tmp) / "bench.db")
        imp = child("import", paths, db) if args.library else run_cli(paths, db)
        words = imp["words"]
        floor_wps = words / floor["seconds"]
        import_wps = words / imp["seconds"]
        mb = sum(Path(p).stat().st_size for p in paths) / 1e6
        print(f"corpus: {args.docs} transcripts, {words:,.0f} words, {mb:.1f} MB, {imp['turns']:,.0f} turns")
        how = "import_files in-process" if args.library else "CLI, new process, end to end"
        print(
            f"floor (read + spaCy tokenizer per paragraph): {floor['seconds']:.2f} s wall, "
            f"{floor['cpu']:.2f} s CPU, {floor_wps:,.0f} words/s, peak {floor['peak_mb']:.0f} MB"
        )
        print(
            f"import ({how}): {imp['seconds']:.2f} s wall, {imp['cpu']:.2f} s CPU, "
            f"{import_wps:,.0f} words/s, peak {imp['peak_mb']:.0f} MB"
        )
        print(f"ratio import/floor, wall: {import_wps / floor_wps:.2f} (target >= 0.5)")
        print(f"ratio import/floor, CPU:  {floor['cpu'] / imp['cpu']:.2f}")


if __name__ == "__main__":
    main()
