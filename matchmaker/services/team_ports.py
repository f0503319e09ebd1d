"""What the team use case (services.teams) needs from the world, as ports.

Each port is a Protocol; services.team_graph implements them all on Neo4j, the model and the
matching index, and tests implement them in memory. An implementation may overlap its own
reads as it likes; the use case only calls and waits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from matchmaker.adapters.candidates import CandidateFilter
from matchmaker.adapters.targets import GraphPath, Target
from matchmaker.domain.privacy import Looker
from matchmaker.matching.affinity import AffinityParams
from matchmaker.matching.feedback import FeedbackEvent
from matchmaker.services.scoring import Reach, Scored
from matchmaker.services.team_request import TeamRequest


class Targets(Protocol):
    def target(self, request: TeamRequest, looker: Looker) -> Target:
        """What the request names, as the looker may see it; raises NotFound for an idea,
        call or task group that does not exist or that the looker may not see."""
        ...

    def skills(self, target: Target, given: Sequence[str]) -> tuple[tuple[str, ...], bool]:
        """The required skills: those given (cleaned), else derived from the target's text;
        (skills, derived)."""
        ...


@dataclass(frozen=True)
class Ask:
    """Whom to score for which texts: `where` (the looker's consent rule) and `reach`
    narrow the pool; `include` ids are always read (locked members, the proposer);
    `target` is the id whose own suggestions do not count towards exposure. With
    `decided_by` (ids), the answer also carries the decisions those ids recorded about the
    scored candidates (Decisions.decisions for them and `target`); without, none."""

    texts: tuple[str, ...]
    where: CandidateFilter
    params: AffinityParams
    now: datetime
    reach: Reach
    include: tuple[str, ...]
    target: str
    decided_by: tuple[str, ...] = ()


class Candidates(Protocol):
    def score(self, ask: Ask) -> Scored:
        """The candidates' profiles and evidence, scored for every text of `ask`, with the
        decisions `ask.decided_by` recorded about them (read alongside, where it can)."""
        ...

    def texts(
        self, scored: Scored, queries: Sequence[int], people: Sequence[int], per: int
    ) -> Mapping[str, str]:
        """The texts of the evidence shown for these queries and people, by source id."""
        ...


class Profiles(Protocol):
    def paths(
        self, proposer_id: str, member_ids: Iterable[str], members_only: bool
    ) -> Mapping[str, GraphPath]:
        """The shortest path from the proposer to each member that has one."""
        ...


class Decisions(Protocol):
    """How an implementation of Candidates reads recorded decisions; both implementations keep
    the contract of tests/unit/team_contract."""

    def decisions(
        self, candidate_ids: Sequence[str], target_id: str, scope: Sequence[str]
    ) -> tuple[list[FeedbackEvent], frozenset[str]]:
        """The candidates' latest decision per target, and who declined this target, among
        the decisions recorded by `scope` (ids)."""
        ...


@dataclass(frozen=True)
class TeamPorts:
    targets: Targets
    candidates: Candidates
    profiles: Profiles
