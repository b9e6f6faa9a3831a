"""``coding-toolkit search``: lexical search across all transcripts, and autocoding of the hits."""

from __future__ import annotations

from dataclasses import replace

import click

from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store


@click.command("search")
@click.argument("query", required=False)
@click.option("--regex", is_flag=True, help="QUERY is a regular expression (same as --mode regex).")
@click.option(
    "--mode",
    type=click.Choice(["words", "lemma", "regex"]),
    default="words",
    show_default=True,
    help="lemma: a word finds every form of it (Antrag finds Anträge).",
)
@click.option("--fold", is_flag=True, help="Fold spellings: Bürger = Buerger = burger.")
@click.option("--case-sensitive", is_flag=True, help="Tell upper from lower case (words and regex).")
@click.option(
    "--document", "--documents", "documents", multiple=True, help="Only this document (repeatable)."
)
@click.option("--set", "sets", multiple=True, help="Only documents in this document set (repeatable).")
@click.option("--speaker", "speakers", multiple=True, help="Only turns of this speaker (repeatable).")
@click.option(
    "--role", "roles", multiple=True, help="Only turns of speakers with this speaker_role (repeatable)."
)
@click.option("--attr", "attrs", multiple=True, help="Only documents with this attribute, KEY=VALUE.")
@click.option("--coded-with", "codes", multiple=True, help="Only hits on a coding of this code path.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many hits.")
@click.option(
    "--offset",
    type=click.IntRange(min=0),
    default=0,
    help="Skip this many hits first (a page: --offset 50 --limit 50). Default: all hits.",
)
@click.option(
    "--counts",
    "only_counts",
    is_flag=True,
    help="Print only how many hits there are, per document and per speaker (fast: from the index).",
)
@click.option("--autocode", "--code", "code", default=None, help="Code every hit with this code path.")
@click.option("--coder", default=None, help="Whose codings the autocoding adds (default: you).")
@click.option(
    "--scope",
    "--unit",
    "scope",
    type=click.Choice(["hit", "sentence", "turn"]),
    default="hit",
    show_default=True,
)
@click.option(
    "--around",
    type=click.IntRange(0, 20),
    default=0,
    help="With --scope sentence: also N sentences before and after each hit (within its turn).",
)
@click.option("--dry-run", is_flag=True, help="Show what the autocoding would add; change nothing.")
@click.option("--yes", is_flag=True, help="Autocode without asking.")
@click.option("--undo-autocode", is_flag=True, help="Take back your newest autocoding (one step).")
@json_option
@click.pass_context
@errors_as_messages
def search_cmd(
    ctx: click.Context,
    query: str,
    regex: bool,
    mode: str,
    fold: bool,
    case_sensitive: bool,
    documents: tuple[str, ...],
    sets: tuple[str, ...],
    speakers: tuple[str, ...],
    roles: tuple[str, ...],
    attrs: tuple[str, ...],
    codes: tuple[str, ...],
    limit: int | None,
    offset: int,
    only_counts: bool,
    code: str | None,
    coder: str | None,
    scope: str,
    around: int,
    dry_run: bool,
    yes: bool,
    undo_autocode: bool,
    as_json: bool,
) -> None:
    """Find words, phrases ("…"), wildcards (*), AND / OR / NOT and NEAR/n in all transcripts.

    Example: coding-toolkit search '"Medienbruch" OR Onlinezugang*' --fold --json

    Prints every hit unless --limit/--offset ask for a page; --counts prints the counts only.
    """
    from toolkit import autocode
    from toolkit.documents import parse_assignments
    from toolkit.search import SearchOptions, search

    if undo_autocode:
        steps = autocode.undo_autocode(project_store(ctx), actor_name())
        click.echo(f"took back the autocoding: {len(steps)} codings removed")
        return
    if query is None:
        raise click.UsageError("name what to search for, e.g. coding-toolkit search 'Onlinezugang*'")

    options = SearchOptions(
        mode="regex" if regex else mode,  # type: ignore[arg-type]
        fold=fold,
        case_sensitive=case_sensitive,
        documents=documents,
        sets=sets,
        speakers=speakers,
        roles=roles,
        codes=codes,
        attributes=tuple(parse_assignments(attrs).items()),
    )
    store = project_store(ctx)
    if code is None:
        from toolkit.search_page import search_page

        result = search_page(store, query, options, limit=0 if only_counts else limit, offset=offset)
        if only_counts:
            if as_json:
                emit(result.counts())
                return
            for name, n in result.per_document.items():
                click.echo(f"{name}\t{n}")
            click.echo(f"{result.total} hits", err=True)
            return
        if as_json:
            emit([h.as_dict() for h in result.hits])
            return
        for h in result.hits:
            click.echo(f"{h.document}\t{h.start}-{h.end}\t{h.speaker}\t{h.context}")
        shown = f"{offset + 1}-{offset + len(result.hits)} of " if (offset or limit) and result.hits else ""
        click.echo(f"{shown}{result.total} hits", err=True)
        return
    hits = search(store, query, replace(options, limit=limit))
    actor = actor_name()
    plan = autocode.plan_autocode(store, hits, code, coder or actor, scope, around=around)
    if as_json and dry_run:
        emit(
            {
                "code": plan.code,
                "coder": plan.coder,
                "scope": plan.scope,
                "new": [p.__dict__ for p in plan.new],
                "already": [p.__dict__ for p in plan.already],
            }
        )
        return
    if not as_json:
        for p in plan.items:
            mark = "=" if p.already else "+"
            present = f"\t(codiert: {'; '.join(p.present)})" if p.present else ""
            click.echo(f"{mark} {p.document}\t{p.start}-{p.end}\t{' '.join(p.text.split())[:80]}{present}")
        click.echo(
            f"{len(plan.new)} new codings of {plan.code!r} for {plan.coder}, "
            f"{len(plan.already)} already coded"
        )
    if dry_run or not plan.new:
        return
    if not yes:
        click.confirm(f"Add {len(plan.new)} codings?", abort=True)
    guids = autocode.apply_autocode(store, plan, actor=actor)
    if as_json:
        emit({"code": plan.code, "coder": plan.coder, "scope": plan.scope, "added": guids})
    else:
        click.echo(f"added {len(guids)} codings; `coding-toolkit search --undo-autocode` takes them back")
