"""The team use case's ports (services.team_ports) on Neo4j, the model and the matching index.

Reads are the adapters'; those that can run side by side do so inside them
(adapters.candidate_pool: the profile, evidence and decision reads, the full-text hits while
the model encodes), so nothing here waits on more than one call at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from embeddings import Embedder
from graph_schema import model as m
from matchmaker.adapters import reads
from matchmaker.adapters.candidate_pool import DecisionRows
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.match_index import MatchIndex
from matchmaker.adapters.targets import GraphPath, Target, decisions, paths_to
from matchmaker.adapters.vocabulary import read_vocabulary
from matchmaker.auth.roles import Role, Viewer
from matchmaker.domain.privacy import Looker
from matchmaker.errors import NotFound
from matchmaker.matching.feedback import FeedbackEvent
from matchmaker.matching.vocabulary import Vocabulary
from matchmaker.services.evidence import read_texts
from matchmaker.services.scoring import Scored, decided_from, score_candidates
from matchmaker.services.skill_confirmation import confirmed_names
from matchmaker.services.skills import skills_for
from matchmaker.services.team_ports import Ask, TeamPorts
from matchmaker.services.team_request import TeamRequest, resolve_target


@dataclass(frozen=True)
class GraphTeamSources:
    """Every team port, on one graph and one query embedder."""

    graph: Graph
    embedder: Embedder
    index: MatchIndex | None = None

    def target(self, request: TeamRequest, looker: Looker) -> Target:
        if request.idea_id:
            viewer = Viewer(looker.id, Role(looker.audience))
            if reads.one(self.graph, m.IDEA, request.idea_id, viewer) is None:
                raise NotFound("idea", request.idea_id)
        target = resolve_target(self.graph, request)
        confirmed = confirmed_names(self.graph, target)  # the proposer's, over skills as typed
        return replace(target, skills=confirmed) if confirmed else target

    def skills(self, target: Target, given: Sequence[str]) -> tuple[tuple[str, ...], bool]:
        vocabulary = Vocabulary() if given else read_vocabulary(self.graph)
        return skills_for(self.embedder, target.text, given, vocabulary)

    def score(self, ask: Ask) -> Scored:
        return score_candidates(
            self.graph, self.embedder, ask.texts, ask.where, ask.params, ask.now, ask.reach,
            include=ask.include, index=self.index, target=ask.target, decided_by=ask.decided_by,
        )  # fmt: skip

    def texts(
        self, scored: Scored, queries: Sequence[int], people: Sequence[int], per: int
    ) -> Mapping[str, str]:
        return read_texts(self.graph, scored, queries, people, per)

    def paths(
        self, proposer_id: str, member_ids: Iterable[str], members_only: bool
    ) -> Mapping[str, GraphPath]:
        return paths_to(self.graph, proposer_id, member_ids, members_only)

    def decisions(
        self, candidate_ids: Sequence[str], target_id: str, scope: Sequence[str]
    ) -> tuple[list[FeedbackEvent], frozenset[str]]:
        rows, declined = decisions(self.graph, candidate_ids, target_id, scope)
        decided = decided_from(DecisionRows(tuple(rows), declined))
        return list(decided.history), decided.declined


def graph_ports(graph: Graph, embedder: Embedder, index: MatchIndex | None = None) -> TeamPorts:
    sources = GraphTeamSources(graph, embedder, index)
    return TeamPorts(sources, sources, sources)
