"""What every command module shares: who acts, the project's store, JSON output and the one-line
errors. Light on purpose (click and the standard library), as every command imports it."""

from __future__ import annotations

import dataclasses
import functools
import getpass
import json
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from toolkit.errors import ToolkitError

if TYPE_CHECKING:
    from toolkit.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def actor_name() -> str:
    """Who is acting, for the event log: $CODING_TOOLKIT_USER or the login name."""
    try:
        return os.environ.get("CODING_TOOLKIT_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def errors_as_messages(fn: F) -> F:
    """Turn the library's errors into one clear line and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ToolkitError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def project_store(ctx: click.Context) -> Store:
    """The project of ``--db``, opened for this command and closed when it ends."""
    from toolkit.store import open_store

    store = open_store(ctx.obj["db"])
    ctx.call_on_close(store.close)
    return store


def emit(data: Any) -> None:
    """Print ``data`` as indented JSON (dataclasses as objects, non-ASCII kept)."""

    def default(o: Any) -> Any:
        if dataclasses.is_dataclass(o) and not isinstance(o, type):
            return dataclasses.asdict(o)
        raise TypeError(type(o).__name__)

    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=default))


json_option = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
