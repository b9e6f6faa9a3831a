"""``coding-toolkit paraphrase``: paraphrases of segments, their groups and categories built from
them (Mayring's summarising content analysis, issue 20)."""

from __future__ import annotations

import click

from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store


@click.group("paraphrase")
def paraphrase() -> None:
    """Paraphrases of segments, grouped and turned into categories (codes).

    Example: coding-toolkit paraphrase add interview_cdo 120 245 "Lotsen helfen Älteren online."
    """


@paraphrase.command("add")
@click.argument("document")
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.argument("text")
@click.option("--coder", help="Whose paraphrase (default: the acting user); for another, a lead's action.")
@json_option
@click.pass_context
@errors_as_messages
def paraphrase_add(
    ctx: click.Context, document: str, start: int, end: int, text: str, coder: str | None, as_json: bool
) -> None:
    """Write a paraphrase of DOCUMENT from START to END (character offsets, as in `code`).

    Example: coding-toolkit paraphrase add interview_cdo 120 245 "Lotsen helfen Älteren online."
    """
    from toolkit.qca.paraphrases import add_paraphrase

    actor = actor_name()
    found = add_paraphrase(project_store(ctx), document, start, end, text, coder=coder or actor, actor=actor)
    if as_json:
        emit(found)
    else:
        click.echo(f"paraphrase {found.id} saved: {found.document} {found.start}-{found.end}")


@paraphrase.command("edit")
@click.argument("ident")
@click.argument("text")
@click.pass_context
@errors_as_messages
def paraphrase_edit(ctx: click.Context, ident: str, text: str) -> None:
    """Change the text of paraphrase IDENT (its number or GUID).

    Example: coding-toolkit paraphrase edit 3 "Lotsen helfen Älteren bei Online-Anträgen."
    """
    from toolkit.qca.paraphrases import update_paraphrase

    found = update_paraphrase(project_store(ctx), ident, text, actor=actor_name())
    click.echo(f"paraphrase {found.id} saved")


@paraphrase.command("delete")
@click.argument("ident")
@click.pass_context
@errors_as_messages
def paraphrase_delete(ctx: click.Context, ident: str) -> None:
    """Delete paraphrase IDENT (undo brings it back).

    Example: coding-toolkit paraphrase delete 3
    """
    from toolkit.qca.paraphrases import delete_paraphrase

    found = delete_paraphrase(project_store(ctx), ident, actor=actor_name())
    click.echo(f"paraphrase {found.id} deleted")


@paraphrase.command("list")
@click.option("--document", help="Only paraphrases of this document.")
@click.option("--coder", help="Only this coder's paraphrases (in team mode a coder sees only their own).")
@click.option("--group", help="Only paraphrases of this group.")
@json_option
@click.pass_context
@errors_as_messages
def paraphrase_list(
    ctx: click.Context, document: str | None, coder: str | None, group: str | None, as_json: bool
) -> None:
    """List paraphrases in document order, with their number, span, group and coder.

    Example: coding-toolkit paraphrase list --document interview_cdo --json
    """
    from toolkit.qca.paraphrases import list_paraphrases

    found = list_paraphrases(
        project_store(ctx), viewer=actor_name(), document=document, coder=coder, group=group
    )
    if as_json:
        emit(found)
        return
    for p in found:
        group_ = f" [{p.group}]" if p.group else ""
        click.echo(f"{p.id}: {p.document} {p.start}-{p.end} | {p.coder}{group_}\n  {p.text}")
    if not found:
        click.echo("no paraphrases")


@paraphrase.command("group")
@click.argument("name")
@click.argument("idents", nargs=-1, required=True)
@click.pass_context
@errors_as_messages
def paraphrase_group(ctx: click.Context, name: str, idents: tuple[str, ...]) -> None:
    """Put paraphrases (numbers or GUIDs) into the group NAME, made if new.

    Example: coding-toolkit paraphrase group "Lotsen als Brücke" 3 7 12
    """
    from toolkit.qca.paraphrases import group_paraphrases

    found = group_paraphrases(project_store(ctx), list(idents), name, actor=actor_name())
    if found is not None:
        click.echo(f"group {found.name}: {len(found.paraphrases)} paraphrases")


@paraphrase.command("ungroup")
@click.argument("idents", nargs=-1, required=True)
@click.pass_context
@errors_as_messages
def paraphrase_ungroup(ctx: click.Context, idents: tuple[str, ...]) -> None:
    """Take paraphrases (numbers or GUIDs) out of their groups.

    Example: coding-toolkit paraphrase ungroup 7
    """
    from toolkit.qca.paraphrases import group_paraphrases

    group_paraphrases(project_store(ctx), list(idents), None, actor=actor_name())
    click.echo(f"{len(idents)} paraphrases out of their groups")


@paraphrase.command("groups")
@click.option("--coder", help="Only this coder's groups.")
@json_option
@click.pass_context
@errors_as_messages
def paraphrase_groups(ctx: click.Context, coder: str | None, as_json: bool) -> None:
    """List the groups of paraphrases with their members' numbers.

    Example: coding-toolkit paraphrase groups --json
    """
    from toolkit.qca.paraphrases import list_groups

    found = list_groups(project_store(ctx), viewer=actor_name(), coder=coder)
    if as_json:
        emit(found)
        return
    for g in found:
        click.echo(f"{g.name} ({g.coder}): {', '.join(str(i) for i in g.paraphrases) or '-'}")
    if not found:
        click.echo("no groups")


@paraphrase.command("to-code")
@click.argument("group")
@click.option("--parent", default="", help="The parent code of the new code (default: top level).")
@click.option("--name", help="The new code's name (default: the group's name).")
@click.option("--coder", help="Whose group, and who codes the segments (default: the acting user).")
@json_option
@click.pass_context
@errors_as_messages
def paraphrase_to_code(
    ctx: click.Context, group: str, parent: str, name: str | None, coder: str | None, as_json: bool
) -> None:
    """Turn GROUP into a code below --parent and code every paraphrased segment with it (one undo step).

    Example: coding-toolkit paraphrase to-code "Lotsen als Brücke" --parent Mensch/Treiber --coder anna
    """
    from toolkit.qca.categories import group_to_code

    actor = actor_name()
    result = group_to_code(
        project_store(ctx), group, parent=parent or None, coder=coder or actor, actor=actor, name=name
    )
    if as_json:
        emit(result)
        return
    made = "new code" if result.created else "code"
    extra = f", {result.already_coded} coded already" if result.already_coded else ""
    click.echo(f"{made} {result.code_path}: {result.codings} segments coded{extra}")


def _undo_line(payload: dict[str, object]) -> str:
    action = payload.get("action")
    if action == "categorise":
        return f"category {payload.get('code')}"
    if action == "group":
        return f"grouping {payload.get('name') or '(ungrouped)'}"
    if action == "rename":
        return f"renaming of group {payload.get('before')} to {payload.get('after')}"
    if payload.get("entity") == "paraphrase_group":
        return f"deletion of group {payload.get('name')}"
    return f"paraphrase {action} in {payload.get('document')}"


@paraphrase.command("rename-group")
@click.argument("name")
@click.argument("new_name")
@click.option("--coder", help="Whose group (default: the acting user); for another, a lead's action.")
@json_option
@click.pass_context
@errors_as_messages
def paraphrase_rename_group(
    ctx: click.Context, name: str, new_name: str, coder: str | None, as_json: bool
) -> None:
    """Rename the group of paraphrases NAME to NEW_NAME (undo takes it back).

    Example: coding-toolkit paraphrase rename-group "Lotsen" "Lotsen als Brücke"
    """
    from toolkit.qca.paraphrases import rename_group

    found = rename_group(project_store(ctx), name, new_name, actor=actor_name(), coder=coder)
    if as_json:
        emit(found)
    else:
        click.echo(f"group {name} renamed to {found.name}: {len(found.paraphrases)} paraphrases")


@paraphrase.command("delete-group")
@click.argument("name")
@click.option("--coder", help="Whose group (default: the acting user); for another, a lead's action.")
@json_option
@click.pass_context
@errors_as_messages
def paraphrase_delete_group(ctx: click.Context, name: str, coder: str | None, as_json: bool) -> None:
    """Delete the group of paraphrases NAME; its paraphrases stay, in no group (undo brings it back).

    Example: coding-toolkit paraphrase delete-group "Lotsen als Brücke"
    """
    from toolkit.qca.paraphrases import delete_group

    found = delete_group(project_store(ctx), name, actor=actor_name(), coder=coder)
    if as_json:
        emit(found)
    else:
        n = len(found.paraphrases)
        members = "1 paraphrase is" if n == 1 else f"{n} paraphrases are"
        click.echo(f"group {found.name} deleted; its {members} in no group now")


@paraphrase.command("undo")
@click.pass_context
@errors_as_messages
def paraphrase_undo(ctx: click.Context) -> None:
    """Take back your newest paraphrase step (paraphrase, grouping, group renamed or deleted, category).

    Example: coding-toolkit paraphrase undo
    """
    from toolkit.qca.paraphrases import undo_paraphrase

    payload = undo_paraphrase(project_store(ctx), actor_name())
    click.echo("nothing to undo" if payload is None else f"undone: {_undo_line(payload)}")


@paraphrase.command("redo")
@click.pass_context
@errors_as_messages
def paraphrase_redo(ctx: click.Context) -> None:
    """Re-apply your newest undone paraphrase step.

    Example: coding-toolkit paraphrase redo
    """
    from toolkit.qca.paraphrases import redo_paraphrase

    payload = redo_paraphrase(project_store(ctx), actor_name())
    click.echo("nothing to redo" if payload is None else f"redone: {_undo_line(payload)}")
