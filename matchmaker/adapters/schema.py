"""Applies graph_schema migrations and checks the schema against the running code."""

from __future__ import annotations

from graph_schema import migrations as mg
from matchmaker.adapters.graph import Graph
from matchmaker.errors import SchemaMismatch


def applied_versions(graph: Graph) -> list[int]:
    return [int(r["version"]) for r in graph.read(mg.APPLIED_VERSIONS)]


def migrate(graph: Graph, dimension: int) -> list[int]:
    """Apply the migrations not yet recorded; return the versions applied now.

    Raises SchemaMismatch when existing vector indexes have another dimension than the embedder.
    """
    done = set(applied_versions(graph))
    applied = []
    for migration in mg.MIGRATIONS:
        if migration.version in done:
            continue
        for statement in migration.statements(dimension):
            graph.write(statement)
        graph.write(mg.RECORD_MIGRATION, version=migration.version, name=migration.name)
        applied.append(migration.version)
    graph.write(mg.AWAIT_INDEXES)
    check_vector_dimension(graph, dimension)
    return applied


def schema_version(graph: Graph) -> int:
    rows = graph.read(mg.SCHEMA_VERSION)
    version = rows[0]["version"] if rows else None
    return int(version) if version is not None else 0


def check_vector_dimension(graph: Graph, dimension: int) -> None:
    """Raise SchemaMismatch naming every vector index whose dimension differs from `dimension`."""
    wrong = [
        f"{r['name']} has {r['dimension']}"
        for r in graph.read(mg.VECTOR_INDEX_DIMENSIONS)
        if int(r["dimension"]) != dimension
    ]
    if wrong:
        raise SchemaMismatch(
            f"the embedding model makes {dimension}-dimensional vectors but "
            f"{', '.join(wrong)}; re-create those indexes or configure the matching model"
        )
