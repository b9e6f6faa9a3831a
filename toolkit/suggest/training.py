"""Training runs of the suggestion model: in the foreground (CLI) or in a background process (app),
with progress in the ``suggestion_models`` row that any process or page can read.

A run is a row with status ``running``; it becomes ``ready`` (and the project's model for its language)
only when training and storing succeeded. A failed run is marked ``failed``; a killed one stays
``running`` with a dead process id and a stale heartbeat, which :func:`run_status` reports as
``failed``. Either way the last good model stays in use.

Calibration: with two or more documents, every fourth document (at least one) is held out, a model is
trained on the rest, and the held-out units fit the calibration (:func:`toolkit.suggest.calibration.
fit_calibration`) and the micro-F1 threshold; then the final model is trained on all documents."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np

from toolkit.codes import list_codes
from toolkit.documents import document_row, document_turns
from toolkit.errors import NotFound
from toolkit.store import Store, open_store
from toolkit.suggest.calibration import best_threshold, calibrated, fit_calibration, span_hits
from toolkit.suggest.classifier import DEFAULT_EPOCHS, NGRAMS, TrainedModel, fit, predict
from toolkit.suggest.features import FEATURES, indicative_words, label_of
from toolkit.suggest.rank import MIN_SCORE, rule_suggestions
from toolkit.suggest.registry import (
    current_model_guid,
    fail_run,
    finish_run,
    model_rows,
    record_progress,
    start_run,
)
from toolkit.suggest.training_data import TrainingData, training_data
from toolkit.suggest.units import Unit

STALE_SECONDS = 600
Progress = Callable[[int, int, float], None]


def rule_matrix(
    store: Store, data_units: Sequence[Unit], labels: Sequence[str], level: int | None = None
) -> np.ndarray:
    """Rule scores (rows: units, columns: ``labels``) of units that may come from several documents."""
    index = {label: j for j, label in enumerate(labels)}
    out = np.zeros((len(data_units), len(labels)), dtype="float32")
    by_doc: dict[str, list[int]] = {}
    for i, u in enumerate(data_units):
        by_doc.setdefault(u.document, []).append(i)
    for name, rows in by_doc.items():
        row = document_row(store, name)
        spans = [(data_units[i].start, data_units[i].end, "sentence") for i in rows]
        found = rule_suggestions(
            store, str(row["text"]), str(row["language"]), document_turns(store, name), spans
        )
        for i, suggestions in zip(rows, found, strict=True):
            for s in suggestions:
                j = index.get(label_of(s.code_path, level))
                if j is not None:
                    out[i, j] = max(out[i, j], s.score)
    return out


def gold_matrix(labels_per_unit: Sequence[set[str]], labels: Sequence[str]) -> np.ndarray:
    return np.array([[label in ls for label in labels] for ls in labels_per_unit], dtype=bool).reshape(
        len(labels_per_unit), len(labels)
    )


def all_labels(store: Store, model_labels: Sequence[str], level: int | None = None) -> list[str]:
    """The model's labels and every code of the codebook (cut to ``level``), sorted."""
    return sorted(set(model_labels) | {label_of(c.path, level) for c in list_codes(store)})


def combine(
    raw: np.ndarray,
    model_labels: Sequence[str],
    rules: np.ndarray,
    labels: Sequence[str],
    cal: dict[str, float],
) -> tuple[np.ndarray, np.ndarray]:
    """Scores over ``labels`` as ``suggest`` ranks them: (model alone, model with rules). ``raw`` has
    the model's scores in ``model_labels`` order, ``rules`` the rule scores in ``labels`` order; codes
    the model does not know keep their rule score in the combination."""
    index = [list(labels).index(label) for label in model_labels]
    alone = np.zeros_like(rules)
    both = rules.astype("float64").copy()
    if index:
        alone[:, index] = calibrated(raw, np.zeros_like(raw), cal)
        both[:, index] = calibrated(raw, rules[:, index], cal)
    return alone, both


def _model_helps(
    store: Store,
    held_units: Sequence[Unit],
    raw: np.ndarray,
    model_labels: Sequence[str],
    cal: dict[str, float],
    data: TrainingData,
    level: int | None,
) -> dict[str, Any]:
    """Top-1 + top-3 hits on the held-out codings of rules alone and of rules with the model (every
    code of the codebook counts); the model is used (``use_model``) only when it adds at least two
    hits and 2 % of the held-out codings: on tiny data a one-coding lead is noise."""
    gold = [
        c
        for c in data.gold
        if any(u.document == c.document and u.start < c.end and c.start < u.end for u in held_units)
    ]
    if not gold:
        return {"use_model": True}
    labels = all_labels(store, model_labels, level)
    rules = rule_matrix(store, held_units, labels, level)
    _, both = combine(raw, model_labels, rules, labels, cal)
    r1, r3, _ = span_hits(held_units, rules, labels, gold, level=level, offered=rules > 0)
    c1, c3, _ = span_hits(
        held_units, both, labels, gold, level=level, offered=(rules > 0) | (both >= MIN_SCORE)
    )
    return {
        "heldout_codings": len(gold),
        "heldout_rules_top1_top3": [round(r1 / len(gold), 4), round(r3 / len(gold), 4)],
        "heldout_combined_top1_top3": [round(c1 / len(gold), 4), round(c3 / len(gold), 4)],
        "use_model": c1 + c3 >= r1 + r3 + max(2, 0.02 * len(gold)),
    }


def heldout_split(data: TrainingData) -> tuple[list[int], list[int]]:
    """Indexes of the units to train on and to hold out: every fourth document (at least one) when
    there are two or more, otherwise every fifth unit."""
    docs = sorted({u.document for u in data.units})
    if len(docs) >= 2:
        held = set(docs[3::4] or docs[-1:]) if len(docs) >= 4 else {docs[-1]}
        test = [i for i, u in enumerate(data.units) if u.document in held]
    else:
        test = list(range(4, len(data.units), 5))
    taken = set(test)
    return [i for i in range(len(data.units)) if i not in taken], test


def build_model(
    store: Store,
    data: TrainingData,
    *,
    architecture: str = "bow",
    features: Sequence[str] = FEATURES,
    epochs: int = DEFAULT_EPOCHS,
    level: int | None = None,
    calibrate: bool = True,
    progress: Progress | None = None,
) -> TrainedModel:
    """Train the final model on ``data`` (after a calibration run on a held-out part, see above)."""
    started = time.perf_counter()
    settings: dict[str, Any] = {
        "architecture": architecture,
        "features": list(features),
        "epochs": epochs,
        "level": level,
        "ngrams": NGRAMS,
    }
    metrics: dict[str, Any] = {
        "units": len(data.units),
        "positive_units": sum(1 for ls in data.labels if ls),
        "documents": len(data.documents),
    }
    runs = 2 if calibrate else 1

    def report(offset: int) -> Progress | None:
        if progress is None:
            return None
        return lambda e, n, loss: progress(offset + e, n * runs, loss)

    train_idx, held_idx = heldout_split(data)
    if calibrate and held_idx and any(data.labels[i] for i in train_idx):
        nlp = fit(
            [data.units[i] for i in train_idx],
            [data.labels[i] for i in train_idx],
            data.language,
            architecture=architecture,
            features=features,
            epochs=epochs,
            progress=report(0),
        )
        labels = list(nlp.get_pipe("textcat_multilabel").labels)
        held_units = [data.units[i] for i in held_idx]
        raw = predict(nlp, held_units, features)
        rules = rule_matrix(store, held_units, labels, level)
        gold = gold_matrix([data.labels[i] for i in held_idx], labels)
        cal = fit_calibration(raw, rules, gold)
        threshold, f1 = best_threshold(calibrated(raw, rules, cal), gold)
        metrics.update(
            {"calibration": cal, "threshold": threshold, "heldout_micro_f1": round(f1, 4)},
            heldout_units=len(held_idx),
        )
        metrics.update(_model_helps(store, held_units, raw, labels, cal, data, level))
    else:
        runs = 1
    nlp = fit(
        data.units,
        data.labels,
        data.language,
        architecture=architecture,
        features=features,
        epochs=epochs,
        progress=report(epochs if runs == 2 else 0),
    )
    labels = list(nlp.get_pipe("textcat_multilabel").labels)
    metrics["labels"] = len(labels)
    metrics["evidence_words"] = indicative_words(data.units, data.labels, labels)
    metrics["seconds"] = round(time.perf_counter() - started, 2)
    return TrainedModel(nlp, data.language, tuple(labels), settings, metrics)


def train(
    store: Store,
    coder: str,
    *,
    documents: Sequence[str] | None = None,
    language: str | None = None,
    level: int | None = None,
    architecture: str = "bow",
    features: Sequence[str] = FEATURES,
    epochs: int = DEFAULT_EPOCHS,
    actor: str | None = None,
    run: str | None = None,
    progress: Progress | None = None,
) -> TrainedModel:
    """Train a model on ``coder``'s codings and store it as the project's model for its language.
    Progress goes to the run's row (and to ``progress``); a failure marks the run ``failed`` and
    leaves the last good model in place."""
    who = actor or coder
    guid = run
    try:
        data = training_data(store, coder, documents=documents, language=language, level=level)
        settings = {
            "architecture": architecture,
            "features": list(features),
            "epochs": epochs,
            "level": level,
        }
        if guid is None:
            guid = start_run(
                store, coder=coder, language=data.language, settings=settings, actor=who, epochs=epochs
            )
        run_guid = guid

        def step(epoch: int, total: int, loss: float) -> None:
            record_progress(store, run_guid, epoch, total, loss, actor=who)
            if progress is not None:
                progress(epoch, total, loss)

        model = build_model(
            store,
            data,
            architecture=architecture,
            features=features,
            epochs=epochs,
            level=level,
            progress=step,
        )
        model.guid = run_guid
        finish_run(store, run_guid, model, data, actor=who)
        return model
    except BaseException as exc:
        if guid is not None:
            fail_run(store, guid, f"{type(exc).__name__}: {exc}", actor=who)
        raise


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def run_status(store: Store, guid: str) -> dict[str, Any]:
    """A run's state for a progress bar: ``status``, ``fraction`` (0..1), ``epoch``, ``epochs``,
    ``loss``, ``message``. A ``running`` row whose process is gone (or silent for ten minutes) is
    reported as ``failed``."""
    row = next((r for r in model_rows(store) if r["guid"] == guid), None)
    if row is None:
        raise NotFound("training.not_found", guid=guid)
    status, message = row["status"], row["message"]
    if status == "running":
        beat = datetime.fromisoformat(row["heartbeat"]) if row["heartbeat"] else None
        silent = beat is None or (datetime.now(UTC) - beat).total_seconds() > STALE_SECONDS
        if not _alive(row["pid"]) or silent:
            status, message = "failed", "the training process stopped before it finished"
    epochs = int(row["epochs"] or 0)
    fraction = 1.0 if status == "ready" else (int(row["epoch"]) / epochs if epochs else 0.0)
    return {
        "guid": guid,
        "status": status,
        "fraction": min(fraction, 1.0),
        "epoch": row["epoch"],
        "epochs": epochs,
        "loss": row["loss"],
        "message": message,
        "coder": row["coder"],
        "language": row["language"],
        "current": current_model_guid(store, row["language"]) == guid,
    }


def start_background(
    store: Store,
    coder: str,
    *,
    documents: Sequence[str] | None = None,
    actor: str | None = None,
    epochs: int = DEFAULT_EPOCHS,
) -> str:
    """Start training in a separate process and return the run's GUID at once; poll
    :func:`run_status` for progress. Bad input (no codings) is refused here, before the process starts."""
    data = training_data(store, coder, documents=documents)
    settings = {"architecture": "bow", "features": list(FEATURES), "epochs": epochs, "level": None}
    who = actor or coder
    guid = start_run(store, coder=coder, language=data.language, settings=settings, actor=who, epochs=epochs)
    args = [sys.executable, "-m", "toolkit.suggest.training", store.path, coder, guid, "--actor", who]
    args += ["--epochs", str(epochs)] + [a for d in documents or () for a in ("--document", d)]
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    with store.write(who) as w:
        w.execute("UPDATE suggestion_models SET pid = ? WHERE guid = ?", (proc.pid, guid))
        w.event("background", "suggestion_model", guid, {"pid": proc.pid})
    return guid


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the background process: ``python -m toolkit.suggest.training DB CODER RUN``."""
    parser = argparse.ArgumentParser(prog="python -m toolkit.suggest.training")
    parser.add_argument("db")
    parser.add_argument("coder")
    parser.add_argument("run")
    parser.add_argument("--actor")
    parser.add_argument("--epochs", type=int, default=DEFAULT_EPOCHS)
    parser.add_argument("--document", action="append")
    ns = parser.parse_args(argv)
    with open_store(ns.db) as store:
        with store.write(ns.actor or ns.coder) as w:
            w.execute("UPDATE suggestion_models SET pid = ? WHERE guid = ?", (os.getpid(), ns.run))
            w.event("background", "suggestion_model", ns.run, {"pid": os.getpid()})
        try:
            train(store, ns.coder, documents=ns.document, actor=ns.actor, run=ns.run, epochs=ns.epochs)
        except Exception:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
