"""Suggestion quality, reproducible by one command (prints top-1 / top-3 / micro-F1 per source).

    .venv/bin/python benchmarks/eval_suggestions.py            # SERDIF (cross-validated) + German demo
    .venv/bin/python benchmarks/eval_suggestions.py --ablation # also which context features help

SERDIF (``../shared/corpora/en_serdif_usability_train``, a real team's Taguette codings of nine
think-aloud sessions, 22 codes, 1,000 codings): 3-fold cross-validation by participant (P1-P3,
P4-P6, P7-P9 held out in turn). The Taguette codebook has no keywords; for the rule source each code
gets the distinctive words of its own tag name as keywords (e.g. "Export (meta)data useful" ->
export, metadata). Baseline: TF-IDF (words and word pairs) + softmax regression in numpy, trained and
tested on the gold segments themselves (it is told where the codings are, the other sources are not).

German demo (``coding-toolkit demo``: three sample transcripts, the shipped codebook with keywords,
codings of "anna"): leave one document out."""

from __future__ import annotations

import argparse
import itertools
import math
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.codes import list_codes  # noqa: E402
from toolkit.codes_edit import update_code  # noqa: E402
from toolkit.codings import list_codings  # noqa: E402
from toolkit.documents import import_files  # noqa: E402
from toolkit.exchange.taguette import import_highlights  # noqa: E402
from toolkit.model import Coding  # noqa: E402
from toolkit.project import create_demo  # noqa: E402
from toolkit.store import Store, create_store  # noqa: E402
from toolkit.suggest.evaluate import SOURCES, Quality, evaluate, pooled  # noqa: E402
from toolkit.suggest.features import ALL_FEATURES, FEATURES  # noqa: E402

SERDIF = ROOT.parent / "shared" / "corpora" / "en_serdif_usability_train"
FOLDS = (("P1", "P2", "P3"), ("P4", "P5", "P6"), ("P7", "P8", "P9"))
GENERIC = {"useful", "complex", "clear", "simple", "not", "and", "or", "the", "elements", "concept"}


def serdif_store(folder: Path) -> Store:
    store = create_store(folder / "serdif.db")
    import_files(store, sorted(SERDIF.glob("P*.txt")), actor="eval")
    import_highlights(store, SERDIF / "highlights.csv", coder="serdif")
    for code in list_codes(store):
        words = [
            w for w in re.findall(r"[a-z]+", code.path.lower().replace("(meta)", "meta")) if w not in GENERIC
        ]
        update_code(store, code.path, actor="eval", keywords_en=words)
    return store


def documents_of(store: Store) -> list[str]:
    return [r["name"] for r in store.query("SELECT name FROM documents ORDER BY name")]


def cross_validate(
    store: Store, coder: str, folds: Sequence[Sequence[str]], **options: object
) -> dict[str, Quality]:
    names = documents_of(store)
    parts = []
    for held in folds:
        test = [n for n in names if n in held or n.split("_")[0] in held]
        train = [n for n in names if n not in test]
        parts.append(evaluate(store, coder, train, test, **options))  # type: ignore[arg-type]
    return pooled(parts)


# ------------------------------------------------------------------ TF-IDF + softmax regression baseline


def _terms(text: str) -> list[str]:
    words = re.findall(r"\w+", text.lower())
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def tfidf_baseline(train: Sequence[Coding], test: Sequence[Coding], epochs: int = 300) -> tuple[float, float]:
    """Top-1 / top-3 of a TF-IDF softmax regression on the gold segments' own text."""
    df: Counter[str] = Counter()
    for c in train:
        df.update(set(_terms(c.text)))
    vocab = {t: i for i, t in enumerate(t for t, n in df.items() if n >= 2)}
    idf = np.array([math.log((1 + len(train)) / (1 + df[t])) + 1 for t in vocab])
    labels = sorted({c.code_path for c in train})

    def matrix(cs: Sequence[Coding]) -> np.ndarray:
        x = np.zeros((len(cs), len(vocab)))
        for i, c in enumerate(cs):
            for t, n in Counter(_terms(c.text)).items():
                if t in vocab:
                    x[i, vocab[t]] = n
        x *= idf
        return np.asarray(x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9))

    x, xt = matrix(train), matrix(test)
    y = np.zeros((len(train), len(labels)))
    y[np.arange(len(train)), [labels.index(c.code_path) for c in train]] = 1
    w = np.zeros((len(vocab), len(labels)))
    for _ in range(epochs):
        z = x @ w
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        w -= 0.5 * (x.T @ (p - y) / len(train) * 50 + 1e-3 * w)
    ranked = np.argsort(-(xt @ w), axis=1)[:, :3]
    same: dict[tuple[str, int, int], set[str]] = {}
    for c in test:
        same.setdefault((c.document, c.start, c.end), set()).add(c.code_path)
    top1 = np.mean(
        [labels[r[0]] in same[(c.document, c.start, c.end)] for c, r in zip(test, ranked, strict=True)]
    )
    top3 = np.mean([c.code_path in [labels[j] for j in r] for c, r in zip(test, ranked, strict=True)])
    return float(top1), float(top3)


def baseline_cv(store: Store, coder: str, folds: Sequence[Sequence[str]]) -> tuple[float, float]:
    codings = list_codings(store, coder=coder)
    hits1 = hits3 = 0.0
    for held in folds:
        test = [c for c in codings if c.document in held or c.document.split("_")[0] in held]
        train = [c for c in codings if c not in test]
        t1, t3 = tfidf_baseline(train, test)
        hits1, hits3 = hits1 + t1 * len(test), hits3 + t3 * len(test)
    return hits1 / len(codings), hits3 / len(codings)


# ------------------------------------------------------------------ output


def show(title: str, result: dict[str, Quality], seconds: float) -> None:
    print(f"\n{title}  ({seconds:.1f} s)")
    print(f"  {'source':<10} {'top-1':>6} {'top-3':>6} {'F1':>6} {'thr':>5} {'codings':>8} {'no sugg.':>8}")
    for source in SOURCES:
        q = result[source]
        print(
            f"  {source:<10} {q.top1:6.3f} {q.top3:6.3f} {q.micro_f1:6.3f} {q.threshold:5.2f}"
            f" {q.codings:8d} {q.without_suggestion:8d}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("serdif", "demo", "both"), default="both")
    parser.add_argument("--ablation", action="store_true", help="also train without each context feature")
    parser.add_argument("--architecture", choices=("bow", "ensemble"), default="bow")
    parser.add_argument("--epochs", type=int)
    ns = parser.parse_args()
    options: dict[str, object] = {"architecture": ns.architecture}
    if ns.epochs:
        options["epochs"] = ns.epochs
    with tempfile.TemporaryDirectory() as tmp:
        if ns.corpus in ("serdif", "both"):
            if not (SERDIF / "highlights.csv").exists():
                print(f"SERDIF corpus not found at {SERDIF}; skipped")
            else:
                store = serdif_store(Path(tmp))
                variants: list[tuple[str, tuple[str, ...]]] = [(f"default: {', '.join(FEATURES)}", FEATURES)]
                if ns.ablation:
                    variants += [("no context (unit words only)", ())]
                    variants += [(f"only {f}", (f,)) for f in ALL_FEATURES]
                    variants += [("all three", ALL_FEATURES)]
                for name, features in variants:
                    t = time.perf_counter()
                    result = cross_validate(store, "serdif", FOLDS, features=features, **options)
                    show(
                        f"SERDIF, 3-fold by participant, {ns.architecture}, {name}",
                        result,
                        time.perf_counter() - t,
                    )
                t = time.perf_counter()
                b1, b3 = baseline_cv(store, "serdif", FOLDS)
                print(
                    f"\nSERDIF baseline TF-IDF + softmax regression on gold segments: "
                    f"top-1 {b1:.3f}  top-3 {b3:.3f}"
                )
        if ns.corpus in ("demo", "both"):
            db = Path(tmp) / "demo.db"
            create_demo(db, ROOT, actor="eval")
            from toolkit.store import open_store

            store = open_store(db)
            names = documents_of(store)
            t = time.perf_counter()
            result = cross_validate(store, "anna", [(n,) for n in names], **options)
            show(
                f"German demo, coder anna, leave one document out, {ns.architecture}",
                result,
                time.perf_counter() - t,
            )


if __name__ == "__main__":
    main()
