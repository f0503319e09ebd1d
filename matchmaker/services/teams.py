"""Use case: suggest a team for an idea, a call, a Task-and-Finish remit or free text.

Steps: resolve the target; take the skills asked for, else those confirmed on the idea
(services.skill_confirmation), else its required skills, or derive them from the text
(services.skills); score pre-selected candidates for the text and each skill with the one
affinity rule (services.scoring), mapped to [0, 1] as score / (1 + lexical_weight); adjust
relevance with the feedback history, read alongside the profiles (matching.feedback: a
small capped boost per invitation accepted elsewhere; anyone whose latest answer for this
target was a decline is not suggested again); solve with the core (matching.team:
constraints, objective, greedy plus local search, or CP-SAT); explain with evidence, shared
groups and paths to the proposer. Members who opted out of matching are never read as
candidates unless a member of staff asks (then they show up in "why not" as consent). The
same graph and request give the same answer: the core breaks every tie by id. Synchronous:
call it from a worker thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import replace
from datetime import UTC, datetime

from embeddings import Embedder
from matchmaker.adapters.candidates import CandidateProfile
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.match_index import MatchIndex
from matchmaker.adapters.targets import declined_for, feedback_history, paths_to
from matchmaker.adapters.vocabulary import read_vocabulary
from matchmaker.auth.accounts import STAFF_ACCOUNTS
from matchmaker.domain.privacy import (
    Looker,
    PoolFacts,
    capacity_required,
    decision_scope,
    in_team_pool,
)
from matchmaker.matching.affinity import AffinityParams
from matchmaker.matching.feedback import FeedbackEvent, Outcome, apply_feedback
from matchmaker.matching.problem import TeamProblem, TeamSpec
from matchmaker.matching.team import Infeasible
from matchmaker.matching.team import suggest_team as solve
from matchmaker.matching.vocabulary import Vocabulary
from matchmaker.services.audience import Who, base_filter, checked, may_see
from matchmaker.services.evidence import read_texts
from matchmaker.services.scoring import DEFAULT_PARAMS, Reach, Scored, score_candidates, to_unit
from matchmaker.services.skill_confirmation import confirmed_names
from matchmaker.services.skills import skills_for
from matchmaker.services.team_report import (
    EVIDENCE_PER_SKILL,
    Context,
    TeamInfeasible,
    TeamResult,
    counted,
    left_out,
    team_result,
)
from matchmaker.services.team_request import TeamRequest, resolve_target, validate

TEAM_REACH = Reach(k=40, limit=150)


def _pool_facts(profile: CandidateProfile, proposer: CandidateProfile | None) -> PoolFacts:
    conflicted = proposer is not None and (
        profile.id in proposer.conflicts or proposer.id in profile.conflicts
    )
    return PoolFacts(profile.id, profile.consent, conflicted, profile.has_capacity)


def _split(
    scored: Scored, proposer_id: str | None, looker: Looker, request: TeamRequest
) -> tuple[list[int], CandidateProfile | None]:
    """The columns the solver may consider, and the proposer's profile. Whom the privacy
    policy keeps out (privacy.in_team_pool) is left out like an unknown id, locked or not:
    saying why would tell the asker someone else's consent, conflicts or capacity. A locked
    member who opted out is left out for staff too, so no answer names them."""
    proposer = next((p for p in scored.profiles if p.id == proposer_id), None)
    locked = set(request.must_include)
    columns = [
        c
        for c, p in enumerate(scored.profiles)
        if p.id != proposer_id
        and may_see(p, looker, "team")
        and in_team_pool(looker, _pool_facts(p, proposer), request.require_capacity)
        and not (p.id in locked and not p.open_to_matching)
    ]
    return columns, proposer


class _History:
    """The feedback history of the candidates, read alongside their profiles."""

    def __init__(self, graph: Graph, scope: Sequence[str]) -> None:
        self._graph = graph
        self._scope = scope
        self._read: Future[list[tuple[str, str, str]]] | None = None

    def start(self, ids: Sequence[str]) -> None:
        self._read = self._graph.submit(feedback_history, self._graph, list(ids), self._scope)

    def events(self) -> list[FeedbackEvent]:
        rows = self._read.result() if self._read is not None else []
        return [FeedbackEvent(c, target, Outcome(decision)) for c, target, decision in rows]


def _spec(
    request: TeamRequest, proposer: CandidateProfile | None, declined: frozenset[str]
) -> TeamSpec:
    return TeamSpec(
        size=request.size,
        proposer_id=proposer.id if proposer else None,
        proposer_conflicts=proposer.conflicts if proposer else frozenset(),
        must_include=frozenset(request.must_include),
        exclude=frozenset(request.exclude),
        declined=declined,
        max_per_org=request.max_per_org,
        required_sectors=dict(request.required_sectors),
        min_distinct_sigs=request.min_distinct_sigs,
        min_distinct_disciplines=request.min_distinct_disciplines,
        min_early_career=request.min_early_career,
        min_regions=request.min_regions,
        require_capacity=request.require_capacity,
        weights=request.weights,
        cover_threshold=request.cover_threshold,
    )


def suggest_team(
    graph: Graph,
    embedder: Embedder,
    request: TeamRequest,
    audience: Who = "member",
    params: AffinityParams = DEFAULT_PARAMS,
    now: datetime | None = None,
    index: MatchIndex | None = None,
) -> TeamResult | TeamInfeasible:
    """A team for the request, or which constraints cannot hold together.

    `index`: the service's in-memory matching index, when it has one.
    Raises InvalidInput (a field out of range, unknown audience), PermissionDenied (not
    signed in), NotFound (an unknown idea, call or task group), Neo4jUnavailable, and
    whatever the embedder raises.
    """
    validate(request)
    looker = checked(audience)
    request = replace(request, require_capacity=capacity_required(looker, request.require_capacity))
    target = resolve_target(graph, request)
    given = request.skills or confirmed_names(graph, target) or target.skills
    vocabulary = Vocabulary() if given else read_vocabulary(graph)
    skills, derived = skills_for(embedder, target.text, given, vocabulary)
    scope = decision_scope(looker, (a.id for a in STAFF_ACCOUNTS))
    earlier = graph.submit(declined_for, graph, target.id, scope)  # needs nothing computed below
    locked = set(request.must_include)
    include = [*locked, *([target.proposer_id] if target.proposer_id else [])]
    history = _History(graph, scope)
    scored = score_candidates(
        graph, embedder, [target.text, *skills], base_filter(looker, "team"), params,
        now or datetime.now(UTC), TEAM_REACH, include=include, index=index,
        on_candidates=history.start, target=target.id,
    )  # fmt: skip
    columns, proposer = _split(scored, target.proposer_id, looker, request)
    ids = [scored.profiles[c].id for c in columns]
    unit = to_unit(scored.matrix.scores[:, columns], params)
    adjusted = apply_feedback(ids, unit[0], target.id, history.events())
    declined = adjusted.declined | earlier.result()
    problem = TeamProblem(
        candidates=tuple(
            scored.profiles[c].candidate(proposer.organisation_id if proposer else None)
            for c in columns
        ),
        skills=skills,
        skill_scores=unit[1:].T.reshape(len(columns), len(skills)),
        relevance=adjusted.relevance,
        spec=_spec(request, proposer, declined),
        names={scored.profiles[c].id: scored.profiles[c].name for c in columns},
    )
    answer = solve(problem, solver=request.solver)
    ctx = Context(
        target, skills, derived, scored,
        dict(zip(ids, adjusted.relevance.tolist(), strict=True)), adjusted.boosts, proposer,
        {}, {},
    )  # fmt: skip
    if isinstance(answer, Infeasible):
        return counted(
            TeamInfeasible(
                target, skills, derived, answer.binding, answer.message,
                left_out(ctx, answer.screened),
            )
        )  # fmt: skip
    team_columns = [scored.column(i) for i in answer.member_ids]
    paths = (
        graph.submit(
            paths_to, graph, proposer.id, answer.member_ids, looker.audience == "member",
        )
        if proposer
        else None
    )  # fmt: skip
    texts = read_texts(graph, scored, range(len(skills) + 1), team_columns, EVIDENCE_PER_SKILL)
    ctx = Context(
        target, skills, derived, scored, ctx.relevance, ctx.boosts, proposer,
        paths.result() if paths else {}, texts,
    )  # fmt: skip
    return counted(team_result(ctx, answer))
