"""What a team suggestion is asked for, checked, and the target it resolves to.

A request names one target: an idea (its proposer is the idea's submitter), a call, a
Task-and-Finish group (its remit), or free text. Text given with a node id replaces the
node's own text (a remit being drafted).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from matchmaker.adapters.graph import Graph
from matchmaker.adapters.targets import Target, read_target
from matchmaker.errors import InvalidInput
from matchmaker.matching.problem import TeamSpec

MAX_SKILLS = 10
MAX_TEXT = 5000
# Teams asked through the service count a skill as covered from this score up (the core's
# own default is matching.problem.COVER_THRESHOLD).
ASKED_COVER_THRESHOLD = 0.35
Solver = Literal["heuristic", "exact"]


def asked(**constraints: Any) -> TeamSpec:
    """The constraints of a team asked through the API or the CLI: `constraints` as given,
    with the service's cover threshold unless one is given."""
    return TeamSpec(**{"cover_threshold": ASKED_COVER_THRESHOLD, **constraints})


@dataclass(frozen=True)
class TeamRequest:
    """What a team is for (one target, or text), its skills, and its constraints, which
    pass through to the solver as they are (matching.problem.TeamSpec)."""

    idea_id: str | None = None
    call_id: str | None = None
    task_group_id: str | None = None
    text: str = ""  # free text (a remit); replaces a node's text when both are given
    skills: tuple[str, ...] = ()  # required skills; derived from the text when empty
    constraints: TeamSpec = field(default_factory=asked)
    solver: Solver = "heuristic"


def text_target_id(text: str) -> str:
    """A stable id for a free-text target, so feedback on it can be found again."""
    digest = hashlib.sha256(" ".join(text.lower().split()).encode()).hexdigest()
    return f"text:{digest[:16]}"


def validate(request: TeamRequest) -> None:
    """Raise InvalidInput naming the first field that is out of range."""
    named = [x for x in (request.idea_id, request.call_id, request.task_group_id) if x]
    if len(named) > 1:
        raise InvalidInput("target", "name at most one of idea_id, call_id, task_group_id")
    if not named and not request.text.strip():
        raise InvalidInput("text", "give an idea, a call, a task group or some text")
    if len(request.text) > MAX_TEXT:
        raise InvalidInput("text", f"at most {MAX_TEXT} characters")
    if len(request.skills) > MAX_SKILLS:
        raise InvalidInput("skills", f"at most {MAX_SKILLS} skills, got {len(request.skills)}")
    problems = request.constraints.problems()
    if problems:
        raise InvalidInput(*problems[0])
    if request.solver not in ("heuristic", "exact"):
        raise InvalidInput("solver", f"must be heuristic or exact, got {request.solver!r}")


def resolve_target(graph: Graph, request: TeamRequest) -> Target:
    """The target the request names; raises NotFound for an unknown id."""
    text = " ".join(request.text.split())
    for kind, target_id in (
        ("idea", request.idea_id),
        ("call", request.call_id),
        ("task_group", request.task_group_id),
    ):
        if target_id:
            target = read_target(graph, kind, target_id)
            return replace(target, text=text) if text else target
    return Target("text", text_target_id(text), text[:80], text)
