"""``coding-toolkit``: a thin click skin over the library. Each command parses its input, calls one
library function, and prints the result (``--json`` where it returns data) or a one-line error.

Layout: :mod:`toolkit.cli.root` is the root group, :mod:`toolkit.cli.commands` the table of
commands (imported lazily), :mod:`toolkit.cli.common` what the command modules share, and one module
per concern holds its commands (``documents``, ``codebook``, ``codings``, ``analysis``, ...)."""

from toolkit.cli.commands import COMMANDS
from toolkit.cli.root import cli, main

__all__ = ["COMMANDS", "cli", "main"]
