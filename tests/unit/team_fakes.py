"""In-memory implementations of the team use case's ports (services.team_ports).

Candidates are scored with the real affinity rule (services.scoring.score_profiles) from
cosines of a deterministic embedder, so the use case runs as it does on the graph, with no
database and no model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from embeddings import Embedder
from matchmaker.adapters.candidates import CandidateProfile, EvidenceRow
from matchmaker.adapters.targets import GraphPath, Target
from matchmaker.domain.privacy import Looker, admits
from matchmaker.errors import NotFound
from matchmaker.matching.feedback import FeedbackEvent, Outcome
from matchmaker.services.scoring import Decided, Scored, score_profiles
from matchmaker.services.team_ports import Ask, TeamPorts
from matchmaker.services.team_request import TeamRequest, text_target_id


@dataclass(frozen=True)
class Document:
    source_id: str
    title: str
    text: str
    year: int = 2023


@dataclass(frozen=True)
class Decision:
    candidate_id: str
    target_id: str
    decision: str  # accepted | declined
    by: str


class InMemoryDecisions:
    """Decisions in the order recorded: the last one recorded is the latest."""

    def __init__(self) -> None:
        self.recorded: list[Decision] = []

    def record(self, candidate_id: str, target_id: str, decision: str, by: str) -> None:
        self.recorded.append(Decision(candidate_id, target_id, decision, by))

    def _latest(self, scope: Sequence[str]) -> dict[tuple[str, str], str]:
        latest: dict[tuple[str, str], str] = {}
        for d in self.recorded:
            if d.by in scope:
                latest[(d.candidate_id, d.target_id)] = d.decision
        return latest

    def decisions(
        self, candidate_ids: Sequence[str], target_id: str, scope: Sequence[str]
    ) -> tuple[list[FeedbackEvent], frozenset[str]]:
        latest = self._latest(scope)
        wanted = set(candidate_ids)
        history = [FeedbackEvent(c, t, Outcome(d)) for (c, t), d in latest.items() if c in wanted]
        declined = frozenset(
            c for (c, t), d in latest.items() if t == target_id and d == "declined"
        )
        return history, declined


@dataclass
class InMemoryTeamSources:
    """Every team port over people, documents, targets and decisions held in memory."""

    embedder: Embedder
    people: Sequence[CandidateProfile]
    documents: Mapping[str, Sequence[Document]]  # member id -> their documents
    targets: Mapping[str, Target] = field(default_factory=dict)  # by id
    hidden_ideas: frozenset[str] = frozenset()  # drafts: staff see them, members do not
    paths_by_member: Mapping[str, GraphPath] = field(default_factory=dict)
    decided: InMemoryDecisions = field(default_factory=InMemoryDecisions)
    asked: list[Ask] = field(default_factory=list)

    def target(self, request: TeamRequest, looker: Looker) -> Target:
        for kind, ident in (("idea", request.idea_id), ("call", request.call_id),
                            ("task_group", request.task_group_id)):  # fmt: skip
            if ident:
                hidden = ident in self.hidden_ideas and not looker.is_staff
                if hidden or ident not in self.targets:
                    raise NotFound(kind.replace("_", " "), ident)
                return self.targets[ident]
        text = " ".join(request.text.split())
        return Target("text", text_target_id(text), text[:80], text)

    def skills(self, target: Target, given: Sequence[str]) -> tuple[tuple[str, ...], bool]:
        return tuple(given), False

    def score(self, ask: Ask) -> Scored:
        self.asked.append(ask)
        queries = np.asarray(self.embedder.encode(list(ask.texts)), dtype=np.float64)
        chosen = [
            replace(p, evidence=self._evidence(p.id, queries))
            for p in sorted(self.people, key=lambda p: p.id)
            if p.id in ask.include or admits(ask.where.rule, p.id, p.consent)
        ]
        rows, matrix = score_profiles(chosen, len(ask.texts), ask.params)
        decided = Decided()
        if ask.decided_by:
            ids = [p.id for p in chosen]
            history, declined = self.decisions(ids, ask.target, ask.decided_by)
            decided = Decided(tuple(history), declined)
        return Scored(ask.texts, ask.params, tuple(chosen), rows, matrix, decided=decided)

    def _evidence(self, member_id: str, queries: np.ndarray) -> tuple[EvidenceRow, ...]:
        docs = self.documents.get(member_id, ())
        if not docs:
            return ()
        vectors = np.asarray(self.embedder.encode([d.text for d in docs]), dtype=np.float64)
        return tuple(
            EvidenceRow(member_id, d.source_id, d.title, d.year, tuple((queries @ v).tolist()))
            for d, v in zip(docs, vectors, strict=True)
        )

    def texts(
        self, scored: Scored, queries: Sequence[int], people: Sequence[int], per: int
    ) -> Mapping[str, str]:
        return {d.source_id: d.text for docs in self.documents.values() for d in docs}

    def paths(
        self, proposer_id: str, member_ids: Iterable[str], members_only: bool
    ) -> Mapping[str, GraphPath]:
        return {m: self.paths_by_member[m] for m in member_ids if m in self.paths_by_member}

    def decisions(
        self, candidate_ids: Sequence[str], target_id: str, scope: Sequence[str]
    ) -> tuple[list[FeedbackEvent], frozenset[str]]:
        return self.decided.decisions(candidate_ids, target_id, scope)

    def ports(self) -> TeamPorts:
        return TeamPorts(self, self, self)
