"""Reads records back from Neo4j in their import shape, a page at a time, in key order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph_schema.queries import exports as qe
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.import_rows import link_record, node_record, shape_of
from matchmaker.importing.kinds import KindSpec

PAGE = 1_000
_LINK_PAGES = {"memberships": qe.MEMBERSHIP_PAGE, "conflicts": qe.CONFLICT_PAGE}


class GraphExportSource:
    """The export port on Neo4j; memory holds one page of records."""

    def __init__(self, graph: Graph, page: int = PAGE) -> None:
        self.graph = graph
        self.page = page

    def records(self, spec: KindSpec) -> Iterator[Any]:
        """Every record of `spec`'s kind in key order; raises Neo4jUnavailable."""
        shape = shape_of(spec)
        if shape is None:
            yield from self._links(spec)
            return
        query = qe.node_page(shape)
        after = ""
        while rows := self.graph.read(query, after=after, limit=self.page):
            yield from (node_record(shape, spec, row) for row in rows)
            after = rows[-1]["props"]["id"]

    def _links(self, spec: KindSpec) -> Iterator[Any]:
        query = _LINK_PAGES[spec.name]
        after = ""
        while pages := self.graph.read(query, after=after, limit=self.page):
            for page in pages:
                yield from (link_record(spec, row) for row in page["rows"])
            after = pages[-1]["owner"]
