"""The model registry: training runs in the project database (table ``suggestion_models``) with their
provenance and progress; the newest ``ready`` model of a language is the one in use, loaded once per
process."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Mapping
from typing import Any

from toolkit.errors import NotFound
from toolkit.store import Store, new_guid, now
from toolkit.suggest.classifier import TrainedModel, blank_classifier
from toolkit.suggest.training_data import TrainingData, codings_hash


def start_run(
    store: Store, *, coder: str, language: str, settings: Mapping[str, Any], actor: str, epochs: int
) -> str:
    """Record a training run as ``running``; returns its GUID."""
    guid = new_guid()
    with store.write(actor) as w:
        w.insert(
            "suggestion_models",
            {
                "guid": guid,
                "created_at": now(),
                "coder": coder,
                "language": language,
                "codes_revision": store.setting("codes_revision", "0") or "0",
                "settings": json.dumps(dict(settings)),
                "status": "running",
                "epochs": epochs,
                "pid": os.getpid(),
                "heartbeat": now(),
            },
        )
        w.event("start", "suggestion_model", guid, {"coder": coder, "language": language})
    return guid


def record_progress(store: Store, guid: str, epoch: int, epochs: int, loss: float, *, actor: str) -> None:
    with store.write(actor) as w:
        w.execute(
            "UPDATE suggestion_models SET epoch = ?, epochs = ?, loss = ?, heartbeat = ? WHERE guid = ?",
            (epoch, epochs, loss, now(), guid),
        )
        w.event("progress", "suggestion_model", guid, {"epoch": epoch, "epochs": epochs, "loss": loss})


def finish_run(store: Store, guid: str, model: TrainedModel, data: TrainingData, *, actor: str) -> None:
    """Store the trained model as ``ready``; older ready models of its language become ``superseded``
    (their bytes are dropped: one good model per project and language is kept)."""
    payload = model.nlp.to_bytes()
    with store.write(actor) as w:
        w.execute(
            "UPDATE suggestion_models SET status = 'superseded', model = NULL "
            "WHERE language = ? AND status = 'ready'",
            (model.language,),
        )
        w.execute(
            "UPDATE suggestion_models SET status = 'ready', finished_at = ?, model = ?, metrics = ?, "
            "settings = ?, codings = ?, codings_hash = ?, codings_count = ?, documents = ?, heartbeat = ? "
            "WHERE guid = ?",
            (
                now(),
                payload,
                json.dumps(model.metrics),
                json.dumps(model.settings),
                json.dumps(data.codings),
                codings_hash(data.codings),
                len(data.codings),
                json.dumps(data.documents, ensure_ascii=False),
                now(),
                guid,
            ),
        )
        w.event(
            "ready",
            "suggestion_model",
            guid,
            {"codings": len(data.codings), "codings_hash": codings_hash(data.codings), "bytes": len(payload)},
        )


def fail_run(store: Store, guid: str, message: str, *, actor: str) -> None:
    with store.write(actor) as w:
        w.execute(
            "UPDATE suggestion_models SET status = 'failed', finished_at = ?, message = ? WHERE guid = ?",
            (now(), message[:500], guid),
        )
        w.event("fail", "suggestion_model", guid, {"message": message[:500]})


def model_rows(store: Store) -> list[dict[str, Any]]:
    """Every training run, newest first, without the model bytes."""
    rows = store.query(
        "SELECT id, guid, created_at, finished_at, coder, language, codes_revision, codings_hash, "
        "codings_count, documents, settings, metrics, status, epoch, epochs, loss, message, pid, heartbeat "
        "FROM suggestion_models ORDER BY id DESC"
    )
    for r in rows:
        for key in ("documents", "settings", "metrics"):
            r[key] = json.loads(r[key])
    return rows


def current_model_guid(
    store: Store, language: str, coder: str | None = None, *, own_only: bool = False
) -> str | None:
    """The GUID of the newest ready model for ``language``: with ``coder``, the newest one learned from
    that coder's codings if there is one, else (unless ``own_only``) the project's newest."""
    sql = "SELECT guid FROM suggestion_models WHERE language = ? AND status = 'ready'"
    if coder is not None:
        row = store.one(sql + " AND coder = ? ORDER BY id DESC LIMIT 1", (language, coder))
        if row or own_only:
            return str(row["guid"]) if row else None
    row = store.one(sql + " ORDER BY id DESC LIMIT 1", (language,))
    return str(row["guid"]) if row else None


@functools.lru_cache(maxsize=4)
def _load(path: str, guid: str) -> TrainedModel:
    with Store(path) as store:
        row = store.one("SELECT * FROM suggestion_models WHERE guid = ?", (guid,))
    if row is None or row["model"] is None:
        raise NotFound("model.not_found", guid=guid)
    settings = json.loads(row["settings"])
    nlp = blank_classifier(
        row["language"], [], settings.get("architecture", "bow"), settings.get("ngrams", 2)
    )
    nlp.from_bytes(row["model"])
    labels = tuple(nlp.get_pipe("textcat_multilabel").labels)
    return TrainedModel(nlp, row["language"], labels, settings, json.loads(row["metrics"]), guid)


def load_model(store: Store, guid: str) -> TrainedModel:
    """The stored model ``guid``, loaded once per process (cached by database file and GUID)."""
    return _load(store.path, guid)
