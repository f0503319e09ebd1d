"""The web app's GraphQL documents validate against the committed SDL, so a drift fails here.

A document that asks for a root field the SDL does not have yet is skipped with the field named
(the app shows "not available" for it); every other document must validate in full. The same
check runs in the frontend's own tests (`npm test`); this one needs no node.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLSchema,
    OperationDefinitionNode,
    build_schema,
    parse,
    validate,
)

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "schema.graphql"
DOCUMENTS = sorted((REPO / "frontend" / "src" / "graphql").glob("*.graphql"))


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    assert SCHEMA.exists(), "schema.graphql is missing: export the SDL first"
    return build_schema(SCHEMA.read_text())


def _operations(document: DocumentNode) -> list[OperationDefinitionNode]:
    return [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]


def _missing_roots(schema: GraphQLSchema, operation: OperationDefinitionNode) -> list[str]:
    root = schema.get_root_type(operation.operation)
    fields = root.fields if root else {}
    selections = operation.selection_set.selections
    names = [s.name.value for s in selections if isinstance(s, FieldNode)]
    return [n for n in names if not n.startswith("__") and n not in fields]


def test_there_are_documents() -> None:
    assert len(DOCUMENTS) >= 10


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_document_validates(path: Path, schema: GraphQLSchema) -> None:
    document = parse(path.read_text())
    operations = _operations(document)
    assert len(operations) == 1, f"{path.name} must hold exactly one operation"
    name = operations[0].name.value if operations[0].name else ""
    assert name == path.stem, f"{path.name}: the operation must be named after its file"
    missing = _missing_roots(schema, operations[0])
    if missing:
        pytest.skip(f"the API does not offer {', '.join(missing)} yet")
    errors = [error.message for error in validate(schema, document)]
    assert errors == [], f"{path.name} does not match schema.graphql"
