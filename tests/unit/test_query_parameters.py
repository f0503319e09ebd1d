"""Query parameters are named explicitly; a missing or unread one is an error naming it."""

from __future__ import annotations

from typing import Any

import pytest

from graph_schema import model as m
from graph_schema.queries import api_nodes, api_related
from graph_schema.queries.api_related import related
from matchmaker.adapters import reads
from matchmaker.adapters.parameters import ParameterMismatch, bind
from matchmaker.adapters.records import RECORDS
from matchmaker.auth.roles import Role, Viewer

STAFF = Viewer("s1", Role.STAFF)
MEMBER = Viewer("m1", Role.MEMBER)
PARTNER = Viewer("p1", Role.PARTNER)
HOPS = [v for v in vars(api_related).values() if isinstance(v, api_related.Hop)]


class RecordingGraph:
    """Answers every read with no rows (a page with a zero total) and keeps the parameters."""

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        self.sent.append(params)
        return [{"total": 0, "rows": [], "linked": []}] if "skip" in params else []


def test_bind_names_a_parameter_without_a_value_and_a_value_not_read() -> None:
    query = "MATCH (n) WHERE n.a = $a AND n.b = $b RETURN n LIMIT $limit"
    assert bind(query, {"a": 1, "b": None, "limit": 3}) == {"a": 1, "b": None, "limit": 3}
    with pytest.raises(ParameterMismatch, match=r"no value for \$b") as caught:
        bind(query, {"a": 1, "limit": 3})
    assert caught.value.missing == ["b"]
    with pytest.raises(ParameterMismatch, match="values the query does not read: regoin"):
        bind(query, {"a": 1, "b": 2, "limit": 3, "regoin": "Wales"})


@pytest.mark.parametrize("label", sorted(RECORDS))
def test_every_labels_reads_pass_exactly_the_parameters_their_queries_read(label: str) -> None:
    graph = RecordingGraph()
    for viewer in (STAFF, Viewer("m1", Role.MEMBER), Viewer("", Role.ANONYMOUS)):
        reads.page(graph, label, viewer, (0, 5))  # type: ignore[arg-type]
        reads.by_ids(graph, label, ["x"], viewer)  # type: ignore[arg-type]
    assert {"skip", "limit", "ids"} <= {name for sent in graph.sent for name in sent}


@pytest.mark.parametrize("hop", HOPS, ids=lambda h: f"{h.source}-{h.rel}-{h.target}")
def test_every_hop_passes_exactly_the_parameters_its_query_reads(hop: api_related.Hop) -> None:
    for viewer in (STAFF, MEMBER, PARTNER):
        graph = RecordingGraph()
        found = reads.hop(graph, hop, ["a", "b"], viewer)  # type: ignore[arg-type]
        assert found == {"a": [], "b": []}
        query = related(hop, viewer.audience)
        assert set(graph.sent[0]) == bind(query, graph.sent[0]).keys()


def test_a_mistyped_filter_is_refused_by_name_before_anything_is_sent() -> None:
    graph = RecordingGraph()
    with pytest.raises(ParameterMismatch, match="values the query does not read: regoin"):
        reads.page(graph, m.MEMBER, STAFF, (0, 5), {"regoin": "Wales"})  # type: ignore[arg-type]
    assert graph.sent == []


def test_only_the_filters_set_are_sent_and_the_viewer_where_the_rule_reads_it() -> None:
    graph = RecordingGraph()
    filters = {"region": "Wales", "discipline": None}
    reads.page(graph, m.MEMBER, STAFF, (10, 5), filters)  # type: ignore[arg-type]
    reads.page(graph, m.MEMBER, MEMBER, (10, 5), filters)  # type: ignore[arg-type]
    assert graph.sent == [
        {"region": "Wales", "skip": 10, "limit": 5},
        {"region": "Wales", "viewer": "m1", "skip": 10, "limit": 5},
    ]


def test_public_labels_are_read_without_the_viewer() -> None:
    graph = RecordingGraph()
    reads.by_ids(graph, m.CALL, ["c1"], STAFF)  # type: ignore[arg-type]
    assert graph.sent == [{"ids": ["c1"]}]
    assert set(api_nodes.FILTER_PARAMETERS) <= set(RECORDS)


class PageGraph(RecordingGraph):
    """Answers a page read with `found` nodes, whichever page query it is sent."""

    def __init__(self, found: int) -> None:
        super().__init__()
        self.found = found
        self.queries: list[str] = []

    def read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        self.sent.append(params)
        self.queries.append(query)
        rows = [{"id": f"c{i}", "title": f"C{i}", "description": ""} for i in range(self.found)]
        return [{"total": 7, "rows": rows, "linked": []}]


@pytest.mark.parametrize(("found", "more"), [(5, False), (6, True)])
def test_an_uncounted_page_asks_for_one_node_more_to_learn_whether_another_follows(
    found: int, more: bool
) -> None:
    graph = PageGraph(found)
    page = reads.page(graph, m.CALL, MEMBER, (10, 5), counted=False)  # type: ignore[arg-type]
    assert graph.sent == [{"skip": 10, "limit": 6}]
    assert "AS total" not in graph.queries[0]
    assert (len(page.items), page.total, page.more) == (5, None, more)
    counted = reads.page(graph, m.CALL, MEMBER, (0, 5))  # type: ignore[arg-type]
    assert graph.sent[-1] == {"skip": 0, "limit": 5}
    assert "AS total" in graph.queries[-1]
    assert (counted.total, counted.more) == (7, True)
