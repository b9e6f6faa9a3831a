"""YAML read safely and with line numbers, for the codebook and the project files: PyYAML's safe
loader without aliases (the "billion laughs") and with bounded nesting, every mapping remembering
the line of each key, and every problem a :class:`~toolkit.errors.CodebookError` naming the file
and the line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from toolkit.errors import CodebookError


class YamlMap(dict[str, Any]):
    """A YAML mapping that remembers its own line and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]


@dataclass
class YamlContext:
    path: str

    def fail(self, line: int | None, code: str, **params: object) -> CodebookError:
        return CodebookError(code, file=self.path, line=line, **params)


def _construct(node: yaml.Node, loader: yaml.SafeLoader, ctx: YamlContext) -> Any:
    if isinstance(node, yaml.MappingNode):
        result = YamlMap()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, loader, ctx)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                raise ctx.fail(line, "codebook.key_not_text", key=key)
            if key in result:
                raise ctx.fail(line, "codebook.key_twice", key=key)
            result[key] = _construct(value_node, loader, ctx)
            result.key_lines[key] = line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, loader, ctx) for item in node.value]
    return loader.construct_object(node, deep=True)


MAX_YAML_DEPTH = 64  # nesting levels of YAML collections; a codebook needs about 5


class UnsafeYaml(Exception):
    "A YAML construct that the safe loader refuses (an alias, or nesting too deep)."

    def __init__(self, line: int, code: str, **params: object) -> None:
        super().__init__(code)
        self.line = line
        self.code = code
        self.params = params


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark is not None else 0


class _SafeLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases and with bounded nesting: an alias (``*name``) could
    make a few hundred bytes expand to gigabytes (the "billion laughs"), and deep nesting would
    exhaust the stack. Both are refused at the line where they occur."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            raise UnsafeYaml(_line(event), "yaml.alias", anchor=event.anchor)
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                raise UnsafeYaml(_line(event), "yaml.too_deep", limit=MAX_YAML_DEPTH)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def safe_yaml_load(text: str, path: str) -> Any:
    """Plain data from YAML text, refusing aliases and deep nesting (see :class:`_SafeLoader`);
    every problem is a :class:`~toolkit.errors.CodebookError` naming ``path`` and the line."""
    ctx = YamlContext(path)
    return parse_yaml(text, ctx, plain=True)


def _check_brackets(text: str) -> None:
    """Refuse ``[[[[…`` or ``{{{{…`` deeper than :data:`MAX_YAML_DEPTH` before YAML sees it: PyYAML's
    scanner spends seconds on such input (it keeps every ``[`` as a possible key) before the
    composer's depth check is reached. Brackets in quotes count too; a codebook has no 64 unclosed."""
    depth = 0
    for found in _BRACKET.finditer(text):
        depth = depth + 1 if found.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_YAML_DEPTH:
            raise UnsafeYaml(text.count("\n", 0, found.start()) + 1, "yaml.too_deep", limit=MAX_YAML_DEPTH)


_BRACKET = re.compile(r"[\[\]{}]")


def parse_yaml(text: str, ctx: YamlContext, *, plain: bool = False) -> Any:
    try:
        _check_brackets(text)
        loader = _SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            return loader.construct_document(node) if plain else _construct(node, loader, ctx)
        finally:
            loader.dispose()
    except UnsafeYaml as exc:
        raise ctx.fail(exc.line, exc.code, **exc.params) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        if mark is not None and mark.line >= text.count("\n") and exc.context_mark is not None:
            mark = exc.context_mark  # at the end of the file: where the unclosed thing began
        line = mark.line + 1 if mark else None
        raise ctx.fail(line, "yaml.invalid", reason=exc.problem) from None
    except yaml.reader.ReaderError as exc:  # a control character or bad encoding: one line with its line
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise ctx.fail(line, "yaml.control_character", character=f"U+{code:04X}") from None
    except yaml.YAMLError as exc:
        raise ctx.fail(None, "yaml.invalid", reason=" ".join(str(exc).split())) from None
