"""Partner and KTP suggestion on the real Neo4j with the real model."""

from __future__ import annotations

import pytest

from embeddings import Embedder
from matchmaker.adapters.graph import Graph
from matchmaker.domain.privacy import Looker
from matchmaker.errors import PermissionDenied
from matchmaker.services.audience import Who
from matchmaker.services.feedback import record_feedback
from matchmaker.services.partners import PartnerResult, partners_for_team, search_partners
from matchmaker.services.team_report import TeamResult
from matchmaker.services.team_request import TeamRequest, asked
from matchmaker.services.teams import suggest_team
from tests.integration.builders import GraphSpec, build_graph

SKILLS = ("MRI safety", "machine learning", "medical device cybersecurity")
RULE = {"id": "ktp-2025", "round": "2025", "min_business_fte": 20,
        "public_sector_business_allowed": True}  # fmt: skip


def partners(graph: Graph, embedder: Embedder, size: int = 2, who: Who = "member") -> PartnerResult:
    team = suggest_team(
        graph, embedder, TeamRequest(idea_id="idea-1", skills=SKILLS, constraints=asked(size=size))
    )
    assert isinstance(team, TeamResult)
    return partners_for_team(graph, embedder, team, who)


def test_partners_fill_the_gaps_without_conflicts_or_hidden_ones(
    graph: Graph, embedder: Embedder
) -> None:
    build_graph(graph, embedder)
    result = partners(graph, embedder)
    assert result.gaps
    ranked = [p.partner_id for p in result.partners]
    assert ranked
    assert "p-tiny" not in ranked  # the proposer declared a conflict with it
    assert "p-hidden" not in ranked
    assert result.partners[0].reasons
    assert [p.score for p in result.partners] == sorted(
        (p.score for p in result.partners), reverse=True
    )


def test_ktp_rule_defaults_when_the_graph_has_none(graph: Graph, embedder: Embedder) -> None:
    build_graph(graph, embedder)
    result = partners(graph, embedder)
    assert result.ktp_rule.min_business_fte == 2
    assert not result.ktp_rule.public_sector_business_allowed
    for triad in result.ktp:
        assert triad.eligible
        assert triad.knowledge_base[0] == "p-uni-man"
    assert any(t.business[0] == "p-imaging" for t in result.ktp)


def test_ktp_rule_is_read_from_the_graph(graph: Graph, embedder: Embedder) -> None:
    build_graph(graph, embedder, GraphSpec(ktp_rule=RULE))
    result = partners(graph, embedder)
    assert result.ktp_rule.round_id == "2025"
    assert result.ktp_rule.min_business_fte == 20
    assert all(t.business[0] != "p-imaging" for t in result.ktp)  # 12 FTE < 20
    reasons = [r for t in result.ktp_ineligible for r in t.reasons]
    assert any("needs a business with at least 20" in r for r in reasons), reasons


def test_a_declined_partner_does_not_come_back(graph: Graph, embedder: Embedder) -> None:
    build_graph(graph, embedder)
    proposer = Looker("member", "m-proposer")  # a decision counts for whoever made it
    first = partners(graph, embedder, who=proposer).partners[0].partner_id
    record_feedback(graph, "idea-1", "idea", first, "declined", "m-proposer", "partner")
    assert first not in [p.partner_id for p in partners(graph, embedder, who=proposer).partners]
    assert first in [p.partner_id for p in partners(graph, embedder).partners]  # not for others


def test_partner_search_ranks_by_description(graph: Graph, embedder: Embedder) -> None:
    build_graph(graph, embedder)
    found = search_partners(graph, embedder, "cybersecurity testing of connected devices")
    assert found[0].partner_id == "p-secure"
    assert "p-hidden" not in [p.partner_id for p in found]


def test_partner_search_needs_a_sign_in(graph: Graph, embedder: Embedder) -> None:
    with pytest.raises(PermissionDenied):
        search_partners(graph, embedder, "cybersecurity", audience="anonymous")
