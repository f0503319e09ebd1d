"""Expertise search on the real Neo4j with the real model: ranking, privacy, filters, pages."""

from __future__ import annotations

from typing import Any

import pytest

from embeddings import Embedder
from matchmaker.adapters.graph import Graph
from matchmaker.errors import InvalidInput, PermissionDenied
from matchmaker.matching.bands import GOOD
from matchmaker.services.search import SearchFilters, search_members
from tests.integration.builders import MEMBERS, ORGANISATIONS, SIG_MEMBERS, build_graph

SECTOR = {org: sector for org, _, sector, _ in ORGANISATIONS}
MEMBER = {row[0]: row for row in MEMBERS}


@pytest.fixture
def small(graph: Graph, embedder: Embedder) -> Graph:
    build_graph(graph, embedder)
    return graph


def ids(graph: Graph, embedder: Embedder, text: str, audience: str, **filters: Any) -> list[str]:
    page = search_members(
        graph,
        embedder,
        text,
        audience,
        SearchFilters(**filters),
        limit=50,
    )
    return [hit.member_id for hit in page.hits]


def test_opted_out_members_appear_to_nobody(small: Graph, embedder: Embedder) -> None:
    # the strongest MRI-safety expert opted out: search names them to no one, staff included
    text = "MRI safety of implanted devices"
    for audience in ("staff", "member", "partner"):
        found = ids(small, embedder, text, audience)
        assert "m-mri-uni" in found
        assert "m-mri-optout" not in found


def test_partners_see_only_members_visible_to_partners(small: Graph, embedder: Embedder) -> None:
    assert "m-ml-hidden" in ids(small, embedder, "machine learning", "member")
    assert "m-ml-hidden" not in ids(small, embedder, "machine learning", "partner")


def test_best_expert_first_with_evidence(small: Graph, embedder: Embedder) -> None:
    page = search_members(small, embedder, "medical device cybersecurity", "member", limit=3)
    top = page.hits[0]
    assert top.member_id in {"m-cyber-ind", "m-cyber-conflict"}
    assert top.evidence
    assert "ybersecurity" in top.evidence[0].title
    assert top.evidence[0].snippet
    assert 0 < top.evidence[0].score <= 1
    assert all(0 <= hit.score <= 1 for hit in page.hits)
    assert [h.score for h in page.hits] == sorted((h.score for h in page.hits), reverse=True)


def test_filters_restrict_every_hit(small: Graph, embedder: Embedder) -> None:
    text = "machine learning for MRI"
    academia = ids(small, embedder, text, "member", sectors=("academia",))
    assert academia
    assert all(SECTOR[MEMBER[m][1]] == "academia" for m in academia)
    wales = ids(small, embedder, text, "member", regions=("Wales",))
    assert wales
    assert all(MEMBER[m][4] == "Wales" for m in wales)
    early = ids(small, embedder, text, "member", career_stages=("early", "trainee"))
    assert early
    assert all(MEMBER[m][3] in {"early", "trainee"} for m in early)
    ai = ids(small, embedder, text, "member", sigs=("AI",))
    assert ai
    assert set(ai) <= set(SIG_MEMBERS["sig-ai"])
    # availability and capacity are staff's filters (docs/privacy.md)
    assert "m-mri-busy" in ids(small, embedder, "MRI implant heating", "staff")
    assert "m-mri-busy" not in ids(
        small, embedder, "MRI implant heating", "staff", with_capacity=True
    )
    assert ids(small, embedder, text, "staff", min_hours=6)
    assert ids(small, embedder, text, "staff", min_hours=10) == []
    for audience in ("member", "partner"):
        with pytest.raises(PermissionDenied):
            ids(small, embedder, text, audience, with_capacity=True)
        with pytest.raises(PermissionDenied):
            ids(small, embedder, text, audience, min_hours=1)


def test_pages_are_stable_and_cursor_continues(small: Graph, embedder: Embedder) -> None:
    text = "imaging physics"
    whole = search_members(small, embedder, text, "member", limit=50)
    assert whole.total == len(whole.hits) >= 3
    first = search_members(small, embedder, text, "member", limit=1)
    second = search_members(small, embedder, text, "member", limit=1, cursor=first.next_cursor)
    rest = search_members(small, embedder, text, "member", offset=2, limit=50)
    paged = [h.member_id for page in (first, second, rest) for h in page.hits]
    assert paged == [h.member_id for h in whole.hits]
    assert first.total == whole.total
    assert second.offset == 1
    assert rest.next_cursor is None


def test_user_text_cannot_break_the_full_text_query(small: Graph, embedder: Embedder) -> None:
    page = search_members(small, embedder, 'MRI "safety" (implants) AND: *? OR \\ -x', "member")
    assert page.hits


def test_bad_requests_are_refused(small: Graph, embedder: Embedder) -> None:
    with pytest.raises(PermissionDenied):
        search_members(small, embedder, "MRI", "anonymous")
    with pytest.raises(InvalidInput):
        search_members(small, embedder, "   ", "member")
    with pytest.raises(InvalidInput):
        search_members(small, embedder, "MRI", "member", cursor="not-a-cursor")


def test_a_result_is_at_least_a_good_match(small: Graph, embedder: Embedder) -> None:
    # Matches below the "good" band are neither listed nor counted: before, every pre-selected
    # member with any evidence was, so a niche text counted most of the graph.
    niche = search_members(small, embedder, "medical device cybersecurity", "member", limit=50)
    assert niche.hits
    assert all(hit.score >= GOOD for hit in niche.hits)
    assert {"m-cyber-ind", "m-cyber-conflict"} <= {hit.member_id for hit in niche.hits}
    assert niche.total == len(niche.hits) <= len(MEMBERS) / 4
    off_topic = search_members(small, embedder, "sourdough starters and cake icing", "member")
    assert (off_topic.total, off_topic.hits) == (0, ())
