"""The library has no import cycles: the module-level imports of toolkit/ form a layered graph
(store -> coders -> permissions -> domain modules -> exchange, exports, suggestions -> cli; see the
README's "Layers"). Imports inside functions are left out of the graph: they load heavy libraries late
(spaCy, pandas, Altair); one that would close a cycle at module level (a hidden cycle) is refused."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "toolkit"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    return "TYPE_CHECKING" in ast.unparse(test)


def _module_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports run when the module is loaded: at top level, and inside top-level ``if``/``try``
    (but not ``if TYPE_CHECKING:``, which never runs)."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                found.append(node)
            elif isinstance(node, ast.If) and not _is_type_checking(node.test):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                visit(node.orelse)
                visit(node.finalbody)
                for handler in node.handlers:
                    visit(handler.body)

    visit(tree.body)
    return found


def _targets(module: str, is_package: bool, node: ast.Import | ast.ImportFrom, known: set[str]) -> set[str]:
    """The toolkit modules an import statement loads: the named module, a submodule named in
    ``from package import submodule``, and every package above them (their ``__init__`` runs too),
    except the root package and the importing module's own packages (already loaded)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            parts = module.split(".") if is_package else module.split(".")[:-1]
            parts = parts[: len(parts) - (node.level - 1)]
            base = ".".join([*parts, base] if base else parts)
        names = [base] + [f"{base}.{alias.name}" for alias in node.names]
    own = {".".join(module.split(".")[:i]) for i in range(1, module.count(".") + 2)}
    out: set[str] = set()
    for name in names:
        parts = name.split(".")
        for i in range(2, len(parts) + 1):
            candidate = ".".join(parts[:i])
            if candidate in known and candidate not in own:
                out.add(candidate)
    return out


def import_graph() -> dict[str, set[str]]:
    """toolkit module -> the toolkit modules its module-level imports load."""
    paths = {_module_name(p): p for p in sorted((ROOT / PACKAGE).rglob("*.py"))}
    known = set(paths)
    graph: dict[str, set[str]] = {}
    for module, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        graph[module] = set()
        for node in _module_level_imports(tree):
            graph[module] |= _targets(module, is_package, node, known)
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (``a -> b -> ... -> a``) per strongly connected component of more than one module
    (or a module importing itself), by Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph.get(v, ()):
                components.append(component)

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return [_cycle_in(graph, set(c)) for c in components]


def _cycle_in(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """A shortest cycle through the component's first module (breadth-first)."""
    start = min(component)
    previous: dict[str, str] = {}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & component):
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [start, *reversed(path[:-1]), start] if v != start else [start, start]
            if w not in previous:
                previous[w] = v
                queue.append(w)
    return sorted(component)


def test_toolkit_has_no_import_cycle() -> None:
    cycles = find_cycles(import_graph())
    assert not cycles, "import cycles in toolkit/: " + "; ".join(" -> ".join(c) for c in cycles)


def test_a_cycle_is_found_and_named() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert sorted(find_cycles(graph)) == [["a", "b", "c", "a"], ["e", "e"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_package_inits_and_skips_type_checking_and_function_imports(tmp_path: Path) -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from toolkit.exchange.refi.model import RefiCode\n"
        "if TYPE_CHECKING:\n    from toolkit.codings import Coding\n"
        "def f():\n    from toolkit.nlp import sentence_units\n"
    )
    tree = ast.parse(source)
    known = {"toolkit.exchange", "toolkit.exchange.refi", "toolkit.exchange.refi.model", "toolkit.codings"}
    found: set[str] = set()
    for node in _module_level_imports(tree):
        found |= _targets("toolkit.search", False, node, known)
    assert found == {"toolkit.exchange", "toolkit.exchange.refi", "toolkit.exchange.refi.model"}


def _function_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports that run only when a function is called (inside a ``def``, at any depth)."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found += [n for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
    return found


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = {start}, [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def cycle_dodges(graph: dict[str, set[str]], late: dict[str, set[str]]) -> list[str]:
    """``module -> target`` for each import inside a function (``late``) that would close a cycle
    at module level: the target already imports the module, directly or through others. Such an
    import hides a cycle instead of breaking it; a late import of a heavy library never closes one."""
    return sorted(
        f"{module} -> {target}"
        for module, targets in late.items()
        for target in targets
        if target != module and _reaches(graph, target, module)
    )


def late_imports() -> dict[str, set[str]]:
    """toolkit module -> the toolkit modules its imports inside functions load."""
    paths = {_module_name(p): p for p in sorted((ROOT / PACKAGE).rglob("*.py"))}
    known = set(paths)
    late: dict[str, set[str]] = {}
    for module, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in _function_level_imports(tree):
            late.setdefault(module, set()).update(_targets(module, path.name == "__init__.py", node, known))
    return late


def test_no_import_inside_a_function_dodges_a_cycle() -> None:
    dodges = cycle_dodges(import_graph(), late_imports())
    assert not dodges, "imports inside functions that hide a cycle (layer the modules instead): " + "; ".join(
        dodges
    )


def test_a_late_import_closing_a_cycle_is_named() -> None:
    graph = {"codes": {"store"}, "memos": {"codes"}, "store": set(), "nlp": set()}
    late = {"codes": {"memos", "nlp"}, "memos": {"nlp"}}
    assert cycle_dodges(graph, late) == ["codes -> memos"]
