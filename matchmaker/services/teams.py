"""Use case: suggest a team for an idea, a call, a Task-and-Finish remit or free text.

Steps: check the asker may ask (task groups are staff's; an idea must be one the asker may
see); resolve the target; take its required skills, or derive them from the text; score
pre-selected candidates for the text and each skill with the one affinity rule
(services.scoring), mapped to [0, 1] as score / (1 + lexical_weight); adjust relevance with
the feedback history (matching.feedback: a small capped boost per invitation accepted
elsewhere; anyone whose latest answer for this target was a decline is not suggested
again); solve with the core (matching.team); explain with evidence, shared groups and paths
to the proposer. Members who opted out of matching are never read as candidates unless a
member of staff asks (then they show up in "why not" as consent). The same sources and
request give the same answer: the core breaks every tie by id.

The world comes in through ports (services.team_ports); `suggest` is the use case, and
`suggest_team` runs it on the graph (services.team_graph). Synchronous: call it from a
worker thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import numpy as np

from embeddings import Embedder
from matchmaker.adapters.candidates import CandidateProfile
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.match_index import MatchIndex
from matchmaker.adapters.targets import GraphPath, Target
from matchmaker.auth.accounts import STAFF_ACCOUNTS
from matchmaker.domain.privacy import (
    Looker,
    PoolFacts,
    capacity_required,
    decision_scope,
    in_team_pool,
)
from matchmaker.errors import PermissionDenied
from matchmaker.matching.affinity import AffinityParams
from matchmaker.matching.feedback import FeedbackAdjustment, apply_feedback
from matchmaker.matching.problem import TeamProblem, TeamSpec
from matchmaker.matching.team import Infeasible, TeamSuggestion
from matchmaker.matching.team import suggest_team as solve
from matchmaker.services.audience import Who, base_filter, checked, may_see
from matchmaker.services.scoring import DEFAULT_PARAMS, Reach, Scored, to_unit
from matchmaker.services.team_graph import graph_ports
from matchmaker.services.team_ports import Ask, TeamPorts
from matchmaker.services.team_report import (
    EVIDENCE_PER_SKILL,
    Context,
    TeamInfeasible,
    TeamResult,
    counted,
    left_out,
    team_result,
)
from matchmaker.services.team_request import TeamRequest, validate

TEAM_REACH = Reach(k=40, limit=150)


def _pool_facts(profile: CandidateProfile, proposer: CandidateProfile | None) -> PoolFacts:
    conflicted = proposer is not None and (
        profile.id in proposer.conflicts or proposer.id in profile.conflicts
    )
    return PoolFacts(profile.id, profile.consent, conflicted, profile.has_capacity)


def _split(
    scored: Scored, proposer_id: str | None, looker: Looker, spec: TeamSpec
) -> tuple[list[int], CandidateProfile | None]:
    """The columns the solver may consider, and the proposer's profile. Whom the privacy
    policy keeps out (privacy.in_team_pool) is left out like an unknown id, locked or not:
    saying why would tell the asker someone else's consent, conflicts or capacity. A locked
    member who opted out is left out for staff too, so no answer names them."""
    proposer = next((p for p in scored.profiles if p.id == proposer_id), None)
    columns = [
        c
        for c, p in enumerate(scored.profiles)
        if p.id != proposer_id
        and may_see(p, looker, "team")
        and in_team_pool(looker, _pool_facts(p, proposer), spec.require_capacity)
        and not (p.id in spec.must_include and not p.open_to_matching)
    ]
    return columns, proposer


def may_ask(request: TeamRequest, looker: Looker) -> None:
    """Raise PermissionDenied when the looker may not ask for this target."""
    if request.task_group_id and not looker.is_staff:
        raise PermissionDenied("Only STERIC staff suggest teams for task groups.")


@dataclass(frozen=True)
class _Found:
    """What the solver's answer is explained with."""

    target: Target
    skills: tuple[str, ...]
    derived: bool
    scored: Scored
    columns: list[int]
    proposer: CandidateProfile | None
    adjusted: FeedbackAdjustment
    spec: TeamSpec  # the request's constraints with the policy's capacity rule applied


def _find(ports: TeamPorts, request: TeamRequest, looker: Looker, ask: Ask) -> _Found:
    target = ports.targets.target(request, looker)
    skills, derived = ports.targets.skills(target, request.skills or target.skills)
    include = (*request.constraints.must_include, *filter(None, [target.proposer_id]))
    texts = (target.text, *skills)
    scope = tuple(decision_scope(looker, (a.id for a in STAFF_ACCOUNTS)))
    asked = replace(ask, texts=texts, include=include, target=target.id, decided_by=scope)
    scored = ports.candidates.score(asked)
    capacity = capacity_required(looker, request.constraints.require_capacity)
    spec = replace(request.constraints, require_capacity=capacity)
    columns, proposer = _split(scored, target.proposer_id, looker, spec)
    ids = [scored.profiles[c].id for c in columns]
    kept = set(ids)
    history = [e for e in scored.decided.history if e.candidate_id in kept]
    relevance = to_unit(scored.matrix.scores[0, columns], scored.params)
    adjusted = apply_feedback(ids, relevance, target.id, history)
    adjusted = replace(adjusted, declined=adjusted.declined | scored.decided.declined)
    return _Found(target, skills, derived, scored, columns, proposer, adjusted, spec)


def _problem(found: _Found) -> TeamProblem:
    """The core's problem: the request's constraints as given, with what the graph told."""
    scored, columns, proposer = found.scored, found.columns, found.proposer
    unit = to_unit(scored.matrix.scores[:, columns], scored.params)
    return TeamProblem(
        candidates=tuple(
            scored.profiles[c].candidate(proposer.organisation_id if proposer else None)
            for c in columns
        ),
        skills=found.skills,
        skill_scores=unit[1:].T.reshape(len(columns), len(found.skills)),
        relevance=np.asarray(found.adjusted.relevance, dtype=np.float64),
        spec=replace(
            found.spec,
            proposer_id=proposer.id if proposer else None,
            proposer_conflicts=proposer.conflicts if proposer else frozenset(),
            declined=found.adjusted.declined,
        ),
        names={scored.profiles[c].id: scored.profiles[c].name for c in columns},
    )


def _context(found: _Found, paths: Mapping[str, GraphPath], texts: Mapping[str, str]) -> Context:
    ids = [found.scored.profiles[c].id for c in found.columns]
    relevance = dict(zip(ids, found.adjusted.relevance.tolist(), strict=True))
    return Context(
        found.target, found.skills, found.derived, found.scored, relevance,
        found.adjusted.boosts, found.proposer, paths, texts,
    )  # fmt: skip


def _explained(
    found: _Found, ports: TeamPorts, looker: Looker, answer: TeamSuggestion
) -> TeamResult:
    proposer, members = found.proposer, answer.member_ids
    members_only = looker.audience == "member"
    paths = ports.profiles.paths(proposer.id, members, members_only) if proposer else {}
    team = [found.scored.column(i) for i in members]
    queries = range(len(found.skills) + 1)
    texts = ports.candidates.texts(found.scored, queries, team, EVIDENCE_PER_SKILL)
    return team_result(_context(found, paths, texts), answer)


def suggest(
    ports: TeamPorts,
    request: TeamRequest,
    who: Who = "member",
    params: AffinityParams = DEFAULT_PARAMS,
    now: datetime | None = None,
) -> TeamResult | TeamInfeasible:
    """A team for the request, or which constraints cannot hold together.

    Raises InvalidInput (a field out of range, unknown audience), PermissionDenied (not
    signed in, or a task group asked by someone who is not staff), NotFound (an unknown
    idea, call or task group, or an idea the asker may not see), and whatever the ports
    raise (Neo4jUnavailable and the embedder's errors on the graph)."""
    validate(request)
    looker = checked(who)
    may_ask(request, looker)
    where = base_filter(looker, "team")
    ask = Ask((), where, params, now or datetime.now(UTC), TEAM_REACH, (), "")
    found = _find(ports, request, looker, ask)
    answer = solve(_problem(found), solver=request.solver)
    if isinstance(answer, Infeasible):
        return counted(
            TeamInfeasible(
                found.target, found.skills, found.derived, answer.binding, answer.message,
                left_out(_context(found, {}, {}), answer.screened),
            )
        )  # fmt: skip
    return counted(_explained(found, ports, looker, answer))


def suggest_team(
    graph: Graph,
    embedder: Embedder,
    request: TeamRequest,
    audience: Who = "member",
    params: AffinityParams = DEFAULT_PARAMS,
    now: datetime | None = None,
    index: MatchIndex | None = None,
) -> TeamResult | TeamInfeasible:
    """`suggest` on the graph, the model and, when given, the in-memory matching index."""
    return suggest(graph_ports(graph, embedder, index), request, audience, params, now)
