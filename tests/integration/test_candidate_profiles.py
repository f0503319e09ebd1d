"""Candidate profiles as the matching path reads them: a member's SIGs, CoIs and load from
one walk of their memberships."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from graph_schema import model as m
from matchmaker.adapters.candidates import ProfileRequest, candidate_profiles
from matchmaker.adapters.graph import Graph

SINCE = datetime(2020, 1, 1, tzinfo=UTC)


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
