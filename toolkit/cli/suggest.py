"""The ``suggest``, ``train`` and ``evaluate-suggestions`` commands: code suggestions from the codebook's
keywords and from a model learned from a coder's codings, and their measured quality."""

from __future__ import annotations

from typing import Any

import click

from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store
from toolkit.suggest.rank import ORDERS, UNITS, suggest


@click.command("suggest")
@click.argument("document")
@click.option("--coder", help="Leave out codes this coder already gave to an overlapping span or rejected.")
@click.option("--unit", type=click.Choice(UNITS), help="Only sentences or only turns (default: both).")
@click.option(
    "--order",
    type=click.Choice(ORDERS),
    default="position",
    show_default=True,
    help="By position, by score, or most uncertain first (active learning).",
)
@click.option("--rules-only", is_flag=True, help="Do not use the learned model.")
@json_option
@click.pass_context
@errors_as_messages
def suggest_command(
    ctx: click.Context,
    document: str,
    coder: str | None,
    unit: str | None,
    order: str,
    rules_only: bool,
    as_json: bool,
) -> None:
    """Suggest codes for each sentence and speaker turn from the codebook's keywords and, once
    `coding-toolkit train` has stored a model, from the model (calibrated scores).

    Nothing is coded: the list is for a coder to review.

    Example: coding-toolkit suggest interview_cdo --unit sentence --coder anna --json
    """
    items = suggest(
        project_store(ctx),
        document,
        coder=coder,
        units=(unit,) if unit else UNITS,
        use_model=not rules_only,
        order=order,
    )
    if as_json:
        emit(
            [
                {
                    "start": s.start,
                    "end": s.end,
                    "code_path": s.code_path,
                    "score": round(s.score, 4),
                    "source": s.source,
                    "evidence": list(s.evidence),
                    "unit": s.unit,
                    "model": s.model,
                }
                for s in items
            ]
        )
        return
    for s in items:
        click.echo(
            f"{s.start}-{s.end}\t{s.unit}\t{s.score:.3f}\t{s.source}\t{s.code_path}\t{', '.join(s.evidence)}"
        )


@click.command("train")
@click.option("--coder", required=True, help="Whose codings to learn from.")
@click.option(
    "--documents",
    "documents",
    multiple=True,
    help="Learn from these documents only (repeatable; default: all the coder worked on).",
)
@click.option("--level", type=int, help="Learn codes cut to this many path levels (default: full paths).")
@click.option("--epochs", type=int, help="Training passes (default: 8).")
@json_option
@click.pass_context
@errors_as_messages
def train_command(
    ctx: click.Context,
    coder: str,
    documents: tuple[str, ...],
    level: int | None,
    epochs: int | None,
    as_json: bool,
) -> None:
    """Train the suggestion model on a coder's codings and store it in the project.

    It replaces the project's model for the documents' language only when training succeeds.

    Example: coding-toolkit train --coder anna --documents interview_cdo --json
    """
    from toolkit.suggest.classifier import DEFAULT_EPOCHS
    from toolkit.suggest.training import train

    def progress(epoch: int, total: int, loss: float) -> None:
        if not as_json:
            click.echo(f"epoch {epoch}/{total}\tloss {loss:.4f}", err=True)

    model = train(
        project_store(ctx),
        coder,
        documents=list(documents) or None,
        level=level,
        epochs=epochs or DEFAULT_EPOCHS,
        actor=actor_name(),
        progress=progress,
    )
    summary: dict[str, Any] = {
        "model": model.guid,
        "language": model.language,
        "labels": len(model.labels),
        **{k: v for k, v in model.metrics.items() if k not in ("evidence_words", "calibration")},
        "calibration": model.metrics.get("calibration"),
    }
    if as_json:
        emit(summary)
        return
    click.echo(
        f"model {model.guid} ({model.language}): {summary['labels']} codes "
        f"from {summary['units']} units, threshold {model.threshold:.2f}, {summary['seconds']} s"
    )
    if "heldout_rules_top1_top3" in summary:
        rules, both = summary["heldout_rules_top1_top3"], summary["heldout_combined_top1_top3"]
        verdict = "used" if summary.get("use_model", True) else "NOT used: it did not beat the rules"
        click.echo(
            f"held-out codings: rules top-1/top-3 {rules[0]:.2f}/{rules[1]:.2f}, "
            f"with the model {both[0]:.2f}/{both[1]:.2f}; the model is {verdict}"
        )


@click.command("evaluate-suggestions")
@click.option("--coder", required=True, help="Whose codings are the gold standard.")
@click.option("--train", "train_docs", multiple=True, required=True, help="Training document (repeatable).")
@click.option("--test", "test_docs", multiple=True, required=True, help="Test document (repeatable).")
@click.option("--level", type=int, help="Compare codes cut to this many path levels.")
@json_option
@click.pass_context
@errors_as_messages
def evaluate_command(
    ctx: click.Context,
    coder: str,
    train_docs: tuple[str, ...],
    test_docs: tuple[str, ...],
    level: int | None,
    as_json: bool,
) -> None:
    """Measure suggestions against a coder's codings: train on some documents, test on others.

    Prints top-1 precision, top-3 hit rate and micro-F1 for rules, model and both combined.
    Nothing is stored.

    Example: coding-toolkit evaluate-suggestions --coder anna --train interview_cdo --test woche2
    """
    from toolkit.suggest.evaluate import evaluate

    result = evaluate(project_store(ctx), coder, list(train_docs), list(test_docs), level=level)
    if as_json:
        emit({source: q.as_dict() for source, q in result.items()})
        return
    click.echo("source\ttop1\ttop3\tmicro_f1\tthreshold\tcodings")
    for source, q in result.items():
        click.echo(f"{source}\t{q.top1:.3f}\t{q.top3:.3f}\t{q.micro_f1:.3f}\t{q.threshold:.2f}\t{q.codings}")
