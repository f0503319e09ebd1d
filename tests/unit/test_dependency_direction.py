"""The layers import only downwards: domain and matching know no database, model or web."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FORBIDDEN = {
    "matchmaker/domain": ("neo4j", "sentence_transformers", "strawberry", "starlette", "torch",
                          "matchmaker.adapters", "matchmaker.api", "matchmaker.services"),
    "matchmaker/matching": ("neo4j", "sentence_transformers", "strawberry", "starlette", "torch",
                            "matchmaker.adapters", "matchmaker.api", "matchmaker.services"),
    "matchmaker/services": ("strawberry", "starlette", "matchmaker.api"),
    "matchmaker/adapters": ("strawberry", "starlette", "matchmaker.api", "matchmaker.services"),
    "graph_schema": ("neo4j", "matchmaker", "strawberry", "starlette"),
}  # fmt: skip


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_layer_imports_nothing_above_it(folder: str) -> None:
    offenders = [
        f"{path.relative_to(REPO)} imports {name}"
        for path in sorted((REPO / folder).rglob("*.py"))
        for name in _imports(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[folder])
    ]
    assert offenders == []
