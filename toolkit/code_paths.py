"""A code-path index for bulk imports: built once, kept up to date as codes are added.

Looking a path up through :func:`toolkit.codes.code_by_path` rebuilds the code tree after every
added code; an import that adds thousands of codes would be quadratic. The index answers from a
dictionary and adds missing levels of a path directly below their known parent.
"""

from __future__ import annotations

import dataclasses

from toolkit.codes import SEP, CodeRow, code_tree, split_path
from toolkit.codes_edit import insert_code_in
from toolkit.errors import Conflict, NotFound
from toolkit.store import Writer


class CodePaths:
    """The project's codes by path, for one transaction that may add codes."""

    def __init__(self, w: Writer) -> None:
        self._w = w
        self._by_path: dict[str, CodeRow] = {}
        self._by_name: dict[str, list[CodeRow]] = {}
        self._siblings: dict[int | None, set[str]] = {}
        row = w.store.one("SELECT max(position) AS p FROM codes") or {}
        self._position: int = row.get("p") or 0
        for code in code_tree(w.store):
            self._siblings.setdefault(code.parent_id, set()).add(code.name.casefold())
            self._by_path[code.path.casefold()] = code
            self._by_name.setdefault(code.name, []).append(code)
            if code.slug:
                self._by_name.setdefault(code.slug, []).append(code)

    def find(self, path: str) -> CodeRow:
        """The code at ``path`` (letter case aside, as sibling names differ beyond case), or a code
        the project had before whose name or id is ``path`` and unique (as
        :func:`toolkit.codes.code_by_path`)."""
        wanted = SEP.join(split_path(path))
        if wanted.casefold() in self._by_path:
            return self._by_path[wanted.casefold()]
        matches = self._by_name.get(wanted, [])
        if len({c.id for c in matches}) == 1:
            return matches[0]
        raise NotFound("code.not_found", path=path)

    def ensure(self, path: str, *, definition: str = "") -> tuple[CodeRow, list[str]]:
        """The code at ``path``, added with its missing parents when absent; returns it and the
        paths of the codes added (``definition`` goes to the last one)."""
        try:
            return self.find(path), []
        except NotFound:
            pass
        parts = split_path(path)
        parent: CodeRow | None = None
        added: list[str] = []
        for depth, name in enumerate(parts):
            here = SEP.join(parts[: depth + 1])
            known = self._by_path.get(here.casefold())
            if known is None:
                last = depth == len(parts) - 1
                parent_id = parent.id if parent else None
                siblings = self._siblings.setdefault(parent_id, set())
                if name.casefold() in siblings:
                    raise Conflict("code.name_taken", name=name, path=here)
                code_id = insert_code_in(
                    self._w,
                    parent_id,
                    name,
                    here,
                    definition=definition if last else "",
                    siblings_checked=True,
                    position=self._position,
                )
                self._position += 1
                siblings.add(name.casefold())
                row = self._w.store.one("SELECT guid, slug FROM codes WHERE id = ?", (code_id,)) or {}
                known = CodeRow(
                    id=code_id,
                    guid=row.get("guid", ""),
                    slug=row.get("slug") or "",
                    path=here,
                    name=name,
                    name_en="",
                    parent_id=parent.id if parent else None,
                    depth=depth,
                    field_of_action=parent.field_of_action if parent else None,
                    valence=parent.valence if parent else None,
                    colour="",
                    definition=definition if last else "",
                    anchor_example="",
                    coding_rule="",
                    keywords_de=(),
                    keywords_en=(),
                    source="",
                    codings=0,
                )
                self._by_path[here.casefold()] = known
                added.append(here)
            parent = known
        assert parent is not None  # split_path gives at least one part
        return dataclasses.replace(parent), added
