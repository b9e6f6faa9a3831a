"""``init`` and ``demo``: create a project database (empty, with a codebook, or the demo)."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit.cli.common import actor_name, errors_as_messages
from toolkit.project import DEFAULT_CODEBOOK, create_demo, init_project
from toolkit.projects import remember_project


@click.command("init")
@click.option(
    "--codebook",
    "codebook_path",
    type=click.Path(dir_okay=False),
    help="Codebook YAML to start with (default: the shipped codebook).",
)
@click.option("--empty", is_flag=True, help="Start without any codes.")
@click.pass_context
@errors_as_messages
def init(ctx: click.Context, codebook_path: str | None, empty: bool) -> None:
    """Create a new project database with a codebook; it becomes the current project.

    Example: coding-toolkit --db data/study.db init --codebook codebook/codebook.yaml
    """
    if empty and codebook_path:
        raise click.UsageError("use either --codebook FILE or --empty, not both")
    path = None if empty else Path(codebook_path) if codebook_path else DEFAULT_CODEBOOK
    report = init_project(ctx.obj["db"], codebook=path, actor=actor_name())
    remember_project(ctx.obj["db"])  # the current project now, for the app and commands without --db
    added = len(report.added) if report else 0
    click.echo(f"Created {ctx.obj['db']} with {added} codes; it is the current project now.")


@click.command("demo")
@click.option(
    "--root",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="Folder with codebook/ and transcripts/.",
)
@click.pass_context
@errors_as_messages
def demo(ctx: click.Context, root: str) -> None:
    """Create the demo project from codebook/ and transcripts/ unless it exists.

    Example: coding-toolkit --db data/demo.db demo
    """
    db = ctx.obj["db"]
    if Path(db).exists():
        click.echo(f"{db} exists; keeping it")
        return
    summary = create_demo(db, Path(root), actor=actor_name())
    click.echo(
        f"Created {db}: {summary['documents']} documents, {summary['codes']} codes, "
        f"{summary['codings']} codings by {', '.join(summary['coders'])}"
    )
