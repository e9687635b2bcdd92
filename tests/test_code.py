"""Checks over the project's own source that ruff does not make."""

import ast
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "conflictgraph"


def _top_level_names(tree: ast.Module) -> Counter:
    names: Counter = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return names


def test_no_module_binds_a_top_level_name_twice() -> None:
    # a second lexicon under the same name silently replaces the first for every function that reads it
    twice = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        names = _top_level_names(ast.parse(path.read_text(encoding="utf-8")))
        repeated = sorted(name for name, count in names.items() if count > 1)
        if repeated:
            twice[str(path.relative_to(PACKAGE))] = repeated
    assert not twice, twice


def test_no_function_is_longer_than_forty_lines() -> None:
    # STYLE.md: small functions; a long one is where rules pile up unnamed
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 40:
                long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert not long, long
