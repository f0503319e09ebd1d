"""What a team suggestion is asked for, checked, and the target it resolves to.

A request names one target: an idea (its proposer is the idea's submitter), a call, a
Task-and-Finish group (its remit), or free text. Text given with a node id replaces the
node's own text (a remit being drafted).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from matchmaker.adapters.graph import Graph
from matchmaker.adapters.targets import Target, read_target
from matchmaker.errors import InvalidInput
from matchmaker.matching.problem import TeamWeights

MAX_SIZE = 12
MAX_SKILLS = 10
MAX_TEXT = 5000
SECTORS = frozenset({"nhs", "academia", "industry", "charity", "government"})
Solver = Literal["heuristic", "exact"]


@dataclass(frozen=True)
class TeamRequest:
    idea_id: str | None = None
    call_id: str | None = None
    task_group_id: str | None = None
    text: str = ""  # free text (a remit); replaces a node's text when both are given
    skills: tuple[str, ...] = ()  # required skills; derived from the text when empty
    size: int = 4
    must_include: tuple[str, ...] = ()  # member ids locked into the team
    exclude: tuple[str, ...] = ()  # member ids removed by the user
    max_per_org: int | None = None
    required_sectors: Mapping[str, int] = field(default_factory=dict)  # sector -> minimum
    min_distinct_sigs: int = 0
    min_distinct_disciplines: int = 0
    min_early_career: int = 0
    min_regions: int = 0
    require_capacity: bool = True
    weights: TeamWeights = field(default_factory=TeamWeights)
    cover_threshold: float = 0.35
    solver: Solver = "heuristic"


def text_target_id(text: str) -> str:
    """A stable id for a free-text target, so feedback on it can be found again."""
    digest = hashlib.sha256(" ".join(text.lower().split()).encode()).hexdigest()
    return f"text:{digest[:16]}"


def _minimums(request: TeamRequest) -> dict[str, int]:
    return {
        "size": request.size,
        "min_distinct_sigs": request.min_distinct_sigs,
        "min_distinct_disciplines": request.min_distinct_disciplines,
        "min_early_career": request.min_early_career,
        "min_regions": request.min_regions,
        **{f"required_sectors.{k}": v for k, v in request.required_sectors.items()},
    }


def validate(request: TeamRequest) -> None:
    """Raise InvalidInput naming the first field that is out of range."""
    named = [x for x in (request.idea_id, request.call_id, request.task_group_id) if x]
    if len(named) > 1:
        raise InvalidInput("target", "name at most one of idea_id, call_id, task_group_id")
    if not named and not request.text.strip():
        raise InvalidInput("text", "give an idea, a call, a task group or some text")
    if len(request.text) > MAX_TEXT:
        raise InvalidInput("text", f"at most {MAX_TEXT} characters")
    if not 1 <= request.size <= MAX_SIZE:
        raise InvalidInput("size", f"must be between 1 and {MAX_SIZE}, got {request.size}")
    if len(request.skills) > MAX_SKILLS:
        raise InvalidInput("skills", f"at most {MAX_SKILLS} skills, got {len(request.skills)}")
    for name, value in _minimums(request).items():
        if value < 0:
            raise InvalidInput(name, f"must not be negative, got {value}")
    unknown = sorted(set(request.required_sectors) - SECTORS)
    if unknown:
        raise InvalidInput("required_sectors", f"unknown sectors {unknown}")
    if request.max_per_org is not None and request.max_per_org < 1:
        raise InvalidInput("max_per_org", f"must be at least 1, got {request.max_per_org}")
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
