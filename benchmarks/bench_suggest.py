"""Speed of code suggestions (issue 4). Prints three figures:

1. Rule suggestions over 1M words (the German sample transcripts repeated, the shipped codebook's
   keywords): words/s on one core, and the ratio to the same pipeline's tokenizer + lemmatizer +
   sentencizer alone, measured in the same run (target: at least 0.7 of that floor).
2. Training the model on about 2,000 units with 20 codes, the whole ``train()`` path (calibration run,
   final run, storing) and one ``fit()`` alone (target: under 10 s). Units: the SERDIF corpus when
   ``../shared/corpora`` is there (2,400 units, 22 codes), otherwise the German samples with 20
   synthetic codes.
3. ``suggest()`` for a 10,000-word transcript once the pipeline and model are loaded (target: under 1 s).

    .venv/bin/python benchmarks/bench_suggest.py [--words 1000000] [--only rules|training|suggest]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.documents import import_upload  # noqa: E402
from toolkit.project import create_demo  # noqa: E402
from toolkit.store import Store, open_store  # noqa: E402
from toolkit.suggest.classifier import fit  # noqa: E402
from toolkit.suggest.rank import suggest  # noqa: E402
from toolkit.suggest.rules import codebook_keywords, keyword_matches, pipeline  # noqa: E402
from toolkit.suggest.training import train  # noqa: E402
from toolkit.suggest.units import document_units  # noqa: E402

PARTS = ("rules", "training", "suggest")
SERDIF = ROOT.parent / "shared" / "corpora" / "en_serdif_usability_train"


def one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def paragraphs(words: int) -> list[str]:
    """Paragraphs of the German sample transcripts, repeated until ``words`` words."""
    base = [
        p.strip()
        for f in sorted((ROOT / "transcripts").glob("*.txt"))
        for p in f.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    out: list[str] = []
    count = 0
    while count < words:
        for p in base:
            out.append(p)
            count += len(p.split())
            if count >= words:
                break
    return out


def rules_vs_floor(store: Store, words: int) -> None:
    text_parts = paragraphs(words)
    text = "\n\n".join(text_parts)
    regions = []
    pos = 0
    for p in text_parts:
        regions.append((pos, pos + len(p)))
        pos += len(p) + 2
    keywords = codebook_keywords(store, "de")
    floor_nlp = pipeline("de")
    keyword_matches(text[:2000], [(0, 2000)], "de", keywords)  # build the pipeline outside the timing
    n = sum(len(p.split()) for p in text_parts)
    floor_times, rule_times = [], []
    for _ in range(2):
        t = time.perf_counter()
        for _doc in floor_nlp.pipe(text[s:e] for s, e in regions):
            pass
        floor_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        found = keyword_matches(text, regions, "de", keywords)
        rule_times.append(time.perf_counter() - t)
    floor, rules = min(floor_times), min(rule_times)
    print(f"1. rule suggestions, {n:,} words, {len(keywords)} codes with keywords, one core:")
    print(f"   tokenizer+lemmatizer+sentencizer floor: {n / floor:,.0f} words/s ({floor:.1f} s)")
    print(
        f"   keyword suggester:                      {n / rules:,.0f} words/s ({rules:.1f} s), "
        f"{len(found):,} matches"
    )
    print(f"   ratio to the floor: {floor / rules:.2f} (target >= 0.7)")


def training_speed(tmp: Path) -> Store:
    if (SERDIF / "highlights.csv").exists():
        from eval_suggestions import serdif_store

        store = serdif_store(tmp)
        coder, what = "serdif", "SERDIF"
    else:  # the German demo: its model is trained but not used (too few codings), see the docs
        store = open_store(tmp / "demo.db")
        coder, what = "anna", "German demo"
    units = [u for d in store.query("SELECT name FROM documents") for u in document_units(store, d["name"])]
    t = time.perf_counter()
    model = train(store, coder, actor="bench")
    whole = time.perf_counter() - t
    t = time.perf_counter()
    gold = [{f"code{i % 20}"} if i % 3 else set() for i in range(min(2000, len(units)))]
    fit(units[:2000], gold, model.language)
    one = time.perf_counter() - t
    print(f"2. training ({what}): {model.metrics['units']:,} units, {len(model.labels)} codes")
    print(f"   train() with calibration run and storing: {whole:.1f} s (two fits on all units)")
    print(f"   one fit() on 2,000 units with 20 codes:    {one:.1f} s (target < 10 s)")
    return store


def ten_thousand_words(language: str) -> str:
    """About 10,000 words: the SERDIF sessions (English) or the German samples, repeated as needed."""
    if language != "en":
        return "\n\n".join(paragraphs(10_000))
    lines: list[str] = []
    count = 0
    while count < 10_000:
        for f in sorted(SERDIF.glob("P*.txt")):
            for line in f.read_text(encoding="utf-8").splitlines():
                lines.append(line)
                count += len(line.split())
                if count >= 10_000:
                    return "\n".join(lines)
    return "\n".join(lines)


def suggest_speed(store: Store) -> None:
    language = "en" if (SERDIF / "highlights.csv").exists() else "de"
    text = ten_thousand_words(language)
    name = import_upload(store, text.encode(), "bench10k.txt", actor="bench", language=language).document
    t = time.perf_counter()
    suggest(store, name)  # loads the pipeline and the model
    first = time.perf_counter() - t
    times = []
    for _ in range(3):
        t = time.perf_counter()
        found = suggest(store, name)
        times.append(time.perf_counter() - t)
    words = len(text.split())
    sources = sorted({s.source for s in found})
    print(
        f"3. suggest() on a {words:,}-word transcript ({language}): first call {first:.2f} s (loads pipeline "
        f"and model), then median {statistics.median(times):.2f} s (target < 1 s)"
    )
    print(f"   {len(found):,} suggestions, sources: {', '.join(sources)}")


def main() -> None:
    parser = argparse.ArgumentParser(description="speed of code suggestions")
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument(
        "--only",
        choices=PARTS,
        action="append",
        help="run only this part (repeatable; suggest also trains); default: all three",
    )
    ns = parser.parse_args()
    parts = set(ns.only or PARTS)
    one_core()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        create_demo(tmp / "demo.db", ROOT, actor="bench")
        store = open_store(tmp / "demo.db")
        if "rules" in parts:
            rules_vs_floor(store, ns.words)
        if parts & {"training", "suggest"}:
            trained = training_speed(tmp)  # part 3 needs the trained model
            if "suggest" in parts:
                suggest_speed(trained)


if __name__ == "__main__":
    main()
