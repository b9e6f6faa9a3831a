"""``sets``: named groups of documents that filters can use."""

from __future__ import annotations

import click

from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store
from toolkit.document_sets import add_to_set, create_set, delete_set, list_sets, remove_from_set, rename_set


@click.group("sets")
def sets() -> None:
    """Document sets: named groups of documents (e.g. "Großstädte") for filters.

    Example: coding-toolkit sets create "Großstädte" interview_koeln interview_essen
    """


@sets.command("list")
@json_option
@click.pass_context
@errors_as_messages
def sets_list(ctx: click.Context, as_json: bool) -> None:
    """Every set with its documents.

    Example: coding-toolkit sets list --json
    """
    found = list_sets(project_store(ctx))
    if as_json:
        emit([{"name": s.name, "documents": list(s.documents)} for s in found])
        return
    for s in found:
        click.echo(f"{s.name} ({len(s.documents)}): {', '.join(s.documents)}")


@sets.command("create")
@click.argument("name")
@click.argument("documents", nargs=-1)
@click.pass_context
@errors_as_messages
def sets_create(ctx: click.Context, name: str, documents: tuple[str, ...]) -> None:
    """Create a set, optionally with documents.

    Example: coding-toolkit sets create "Großstädte" interview_koeln interview_essen
    """
    made = create_set(project_store(ctx), name, documents, actor=actor_name())
    click.echo(f"created set {made.name!r} with {len(made.documents)} documents")


@sets.command("add")
@click.argument("name")
@click.argument("documents", nargs=-1, required=True)
@click.pass_context
@errors_as_messages
def sets_add(ctx: click.Context, name: str, documents: tuple[str, ...]) -> None:
    """Put documents into a set.

    Example: coding-toolkit sets add "Großstädte" interview_bonn
    """
    added = add_to_set(project_store(ctx), name, documents, actor=actor_name())
    click.echo(f"added {added} documents to {name!r}")


@sets.command("remove")
@click.argument("name")
@click.argument("documents", nargs=-1, required=True)
@click.pass_context
@errors_as_messages
def sets_remove(ctx: click.Context, name: str, documents: tuple[str, ...]) -> None:
    """Take documents out of a set (the documents stay in the project).

    Example: coding-toolkit sets remove "Großstädte" interview_bonn
    """
    removed = remove_from_set(project_store(ctx), name, documents, actor=actor_name())
    click.echo(f"removed {removed} documents from {name!r}")


@sets.command("rename")
@click.argument("name")
@click.argument("new_name")
@click.pass_context
@errors_as_messages
def sets_rename(ctx: click.Context, name: str, new_name: str) -> None:
    """Rename a set.

    Example: coding-toolkit sets rename "Großstädte" "Städte > 100.000"
    """
    rename_set(project_store(ctx), name, new_name, actor=actor_name())
    click.echo(f"renamed {name!r} to {new_name!r}")


@sets.command("delete")
@click.argument("name")
@click.pass_context
@errors_as_messages
def sets_delete(ctx: click.Context, name: str) -> None:
    """Delete a set (its documents stay in the project).

    Example: coding-toolkit sets delete "Großstädte"
    """
    delete_set(project_store(ctx), name, actor=actor_name())
    click.echo(f"deleted set {name!r}")
