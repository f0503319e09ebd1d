from __future__ import annotations

import importlib
import pkgutil

import pytest

from embeddings import Embedder
from graph_schema import migrations as mg
from graph_schema import model as m
from graph_schema import queries
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.schema import applied_versions, check_vector_dimension, migrate
from matchmaker.errors import SchemaMismatch


def test_every_id_label_has_a_uniqueness_constraint(graph: Graph) -> None:
    rows = graph.read(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties "
        "WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties"
    )
    constrained = {r["label"] for r in rows if r["properties"] == ["id"]}
    assert set(m.ID_LABELS) <= constrained


def test_vector_indexes_are_cosine_with_the_model_dimension(
    graph: Graph, embedder: Embedder
) -> None:
    rows = graph.read(
        "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, options, state "
        "WHERE type = 'VECTOR' RETURN name, labelsOrTypes[0] AS label, properties, "
        "options.indexConfig AS config, state"
    )
    by_label = {r["label"]: r for r in rows}
    assert set(by_label) == set(m.VECTOR_INDEXES)
    for row in by_label.values():
        assert row["properties"] == [m.EMBEDDING]
        assert row["config"]["vector.dimensions"] == embedder.dimension
        assert row["config"]["vector.similarity_function"].lower() == "cosine"
        assert row["state"] == "ONLINE"


def test_fulltext_indexes_exist(graph: Graph) -> None:
    rows = graph.read("SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN name")
    assert set(m.FULLTEXT_INDEXES) <= {r["name"] for r in rows}


def _query_texts() -> str:
    """Every string constant of the modules in graph_schema.queries (the Cypher they hold)."""
    texts = []
    for info in pkgutil.iter_modules(queries.__path__):
        module = importlib.import_module(f"{queries.__name__}.{info.name}")
        texts += [v for v in vars(module).values() if isinstance(v, str)]
        texts += [
            x for v in vars(module).values() if isinstance(v, dict) for x in v.values()
            if isinstance(x, str)
        ]  # fmt: skip
    return "\n".join(texts)


def test_each_index_kept_is_read_by_a_query_and_the_retired_ones_are_gone(graph: Graph) -> None:
    names = {r["name"] for r in graph.read("SHOW INDEXES YIELD name RETURN name")}
    assert not names & set(m.RETIRED_INDEXES)
    cypher = _query_texts()
    for index in (*m.VECTOR_INDEXES.values(), *m.FULLTEXT_INDEXES):
        assert f"queryNodes('{index}'" in cypher, index
    for index in m.RETIRED_INDEXES:
        assert f"'{index}'" not in cypher, index


def test_migrations_are_idempotent(graph: Graph, embedder: Embedder) -> None:
    before = graph.read("SHOW INDEXES YIELD name RETURN count(*) AS n")[0]["n"]
    assert migrate(graph, embedder.dimension) == []
    assert applied_versions(graph) == [mig.version for mig in mg.MIGRATIONS]
    assert graph.read("SHOW INDEXES YIELD name RETURN count(*) AS n")[0]["n"] == before


def test_a_vector_index_of_another_dimension_is_refused(graph: Graph, embedder: Embedder) -> None:
    with pytest.raises(SchemaMismatch, match=r"output_embedding has 384"):
        check_vector_dimension(graph, embedder.dimension + 1)


def test_the_unique_constraint_rejects_a_duplicate_member(graph: Graph) -> None:
    graph.write("CREATE (:Member {id: 'dup'})")
    with pytest.raises(Exception, match="already exists"):
        graph.write("CREATE (:Member {id: 'dup'})")
