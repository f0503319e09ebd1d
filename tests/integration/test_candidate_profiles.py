"""Candidate profiles as the matching path reads them: a member's SIGs, CoIs and load from
one walk of their memberships; the pool that reads them beside the decisions."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from graph_schema import model as m
from matchmaker.adapters.candidate_pool import DecisionRows, DecisionsAsked, read_pool
from matchmaker.adapters.candidates import ProfileRequest, candidate_profiles
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.targets import decisions
from matchmaker.services.feedback import record_feedback

SINCE = datetime(2020, 1, 1, tzinfo=UTC)
MEMBERS = ["m-a", "m-b", "m-c"]


def test_memberships_are_split_into_sigs_cois_and_load(graph: Graph) -> None:
    graph.write(
        f"CREATE (x:{m.MEMBER} {{id: 'm-x', name: 'X', max_groups: 3, availability_hours: 4}}) "
        f"CREATE (x)-[:{m.MEMBER_OF}]->(:{m.GROUP}:{m.SIG} {{id: 'sig-b', name: 'B'}}) "
        f"CREATE (x)-[:{m.MEMBER_OF}]->(:{m.GROUP}:{m.SIG} {{id: 'sig-a', name: 'A'}}) "
        f"CREATE (x)-[:{m.MEMBER_OF}]->(:{m.GROUP}:{m.COI} {{id: 'coi-a', name: 'C'}}) "
        f"CREATE (x)-[:{m.MEMBER_OF}]->(:{m.GROUP}:{m.TASK_GROUP} {{id: 'tg-open'}}) "
        f"CREATE (x)-[:{m.MEMBER_OF}]->(:{m.GROUP}:{m.TASK_GROUP} "
        "{id: 'tg-done', status: 'closed'}) "
        f"CREATE (x)-[:{m.MEMBER_OF}]->(:{m.GROUP}:{m.COMMITTEE} "
        "{id: 'cmt', status: 'active'})"
    )
    [profile] = candidate_profiles(graph, ProfileRequest(["m-x"], SINCE), np.zeros((1, 384)))
    assert [(g.id, g.name) for g in profile.sigs] == [("sig-a", "A"), ("sig-b", "B")]
    assert [(g.id, g.name) for g in profile.cois] == [("coi-a", "C")]
    assert profile.active_groups == 2  # the open task group and the committee
    assert profile.has_capacity


def test_the_pool_reads_profiles_and_decisions_as_the_single_reads_do(graph: Graph) -> None:
    graph.write(f"UNWIND $ids AS id CREATE (:{m.MEMBER} {{id: id, name: id}})", ids=MEMBERS)
    record_feedback(graph, "idea-1", "text", "m-b", "declined", "staff-1")
    record_feedback(graph, "idea-2", "text", "m-c", "accepted", "staff-1")
    record_feedback(graph, "idea-1", "text", "m-a", "declined", "someone-else")
    request = ProfileRequest(MEMBERS, SINCE)
    vectors = np.zeros((1, 384))

    pool = read_pool(graph, request, vectors, DecisionsAsked("idea-1", ("staff-1",)))

    assert pool.profiles == candidate_profiles(graph, request, vectors)
    latest, declined = decisions(graph, MEMBERS, "idea-1", ["staff-1"])
    assert pool.decisions == DecisionRows(tuple(latest), declined)
    assert declined == frozenset({"m-b"})  # m-a's decline was recorded by someone else
    assert ("m-c", "idea-2", "accepted") in pool.decisions.latest
    assert pool.evidence is None  # no index asked


def test_the_pool_without_decisions_asked_reads_none(graph: Graph) -> None:
    graph.write(f"UNWIND $ids AS id CREATE (:{m.MEMBER} {{id: id, name: id}})", ids=MEMBERS)
    record_feedback(graph, "idea-1", "text", "m-b", "declined", "staff-1")
    pool = read_pool(graph, ProfileRequest(MEMBERS, SINCE), np.zeros((1, 384)))
    assert [p.id for p in pool.profiles] == MEMBERS
    assert pool.decisions == DecisionRows()
