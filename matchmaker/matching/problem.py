"""The inputs of team suggestion: candidates, the team specification and the score arrays.

Shapes and units
- candidates: n Candidate records (any order; the solver sorts them by id for determinism).
- skill_scores: (n, m) affinity of each candidate to each required skill, in [0, 1].
- relevance: (n,) affinity of each candidate to the whole text (idea or remit), in [0, 1].
- skills: the m required skill names, the columns of skill_scores.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from matchmaker.domain.model import REGIONS

FloatArray = npt.NDArray[np.float64]

EARLY_CAREER = frozenset({"trainee", "early"})
SECTORS = frozenset({"nhs", "academia", "industry", "charity", "government"})
MAX_SIZE = 12
MAX_NAME = 100  # characters of a discipline asked for
COVER_THRESHOLD = 0.3  # a skill scored below this by every member is a gap


@dataclass(frozen=True)
class Candidate:
    id: str
    organisation_id: str
    sector: str  # nhs | academia | industry | charity | government
    region: str
    career_stage: str  # trainee | early | mid | senior | consultant
    discipline: str
    sigs: frozenset[str] = frozenset()
    current_groups: int = 0
    max_groups: int = 2
    availability_hours: int = 4  # hours a month
    open_to_matching: bool = True
    collaborators: frozenset[str] = frozenset()  # ids of members already worked with
    exposure: int = 0  # times suggested recently
    conflicts: frozenset[str] = frozenset()  # ids the candidate declared a conflict with
    is_proposer_org: bool = False  # works at the proposer's organisation

    @property
    def early_career(self) -> bool:
        return self.career_stage in EARLY_CAREER

    @property
    def has_capacity(self) -> bool:
        return self.current_groups < self.max_groups and self.availability_hours > 0


@dataclass(frozen=True)
class TeamWeights:
    """Weights of the objective's terms; each term is scaled to about 0..1 first."""

    coverage: float = 1.0  # mean over skills of the best member's score
    relevance: float = 0.5  # mean relevance of members to the whole text
    diversity: float = 0.3  # distinct disciplines and sectors, per member
    bridging: float = 0.2  # share of member pairs (and links to the proposer) that are new
    exposure: float = 0.2  # penalty: members suggested often recently


@dataclass(frozen=True)
class TeamSpec:
    """Everything a team must satisfy, as one value from the asker to the solver.

    The API's TeamInput and the CLI's arguments build it once; services pass it on and only
    fill in what they learn from the graph (the proposer, their conflicts, the declines) and
    what the privacy policy imposes (`require_capacity` for members). A new constraint is a
    field here, a field of the API's input, and the solver's use of it."""

    size: int = 4
    proposer_id: str | None = None
    proposer_conflicts: frozenset[str] = frozenset()  # ids the proposer declared a conflict with
    must_include: frozenset[str] = frozenset()  # locked by the user
    exclude: frozenset[str] = frozenset()  # removed by the user
    declined: frozenset[str] = frozenset()  # declined an invitation for this idea
    max_per_org: int | None = None
    required_sectors: Mapping[str, int] = field(default_factory=dict)  # sector -> min count
    max_per_sector: Mapping[str, int] = field(default_factory=dict)  # sector -> max count
    required_regions: Mapping[str, int] = field(default_factory=dict)  # region -> min count
    required_disciplines: Mapping[str, int] = field(default_factory=dict)  # discipline -> min
    min_distinct_sigs: int = 0
    min_distinct_disciplines: int = 0
    min_early_career: int = 0  # trainee or early-career members
    min_regions: int = 0
    require_capacity: bool = True
    weights: TeamWeights = field(default_factory=TeamWeights)
    cover_threshold: float = COVER_THRESHOLD

    def problems(self) -> list[tuple[str, str]]:
        """(field, reason) for each value out of range, in field order; empty when valid."""
        found = []
        if not 1 <= self.size <= MAX_SIZE:
            found.append(("size", f"must be between 1 and {MAX_SIZE}, got {self.size}"))
        for name, value in self._minimums().items():
            if value < 0:
                found.append((name, f"must not be negative, got {value}"))
        found += self._unknown_names()
        if self.max_per_org is not None and self.max_per_org < 1:
            found.append(("max_per_org", f"must be at least 1, got {self.max_per_org}"))
        return found

    def _unknown_names(self) -> list[tuple[str, str]]:
        """Sectors and regions outside their vocabularies; blank or overlong disciplines.

        Disciplines are free text in the graph (each member names their own), so a
        discipline nobody eligible holds is reported by the solver, not refused here."""
        found = []
        for name, given, known, what in (
            ("required_sectors", self.required_sectors, SECTORS, "sectors"),
            ("max_per_sector", self.max_per_sector, SECTORS, "sectors"),
            ("required_regions", self.required_regions, frozenset(REGIONS), "regions"),
        ):
            unknown = sorted(set(given) - known)
            if unknown:
                found.append((name, f"unknown {what} {unknown}"))
        if any(not d.strip() for d in self.required_disciplines):
            found.append(("required_disciplines", "a discipline must be named"))
        if any(len(d) > MAX_NAME for d in self.required_disciplines):
            found.append(
                ("required_disciplines", f"a discipline has at most {MAX_NAME} characters")
            )
        return found

    def _minimums(self) -> dict[str, int]:
        return {
            "min_distinct_sigs": self.min_distinct_sigs,
            "min_distinct_disciplines": self.min_distinct_disciplines,
            "min_early_career": self.min_early_career,
            "min_regions": self.min_regions,
            **{f"required_sectors.{k}": v for k, v in self.required_sectors.items()},
            **{f"max_per_sector.{k}": v for k, v in self.max_per_sector.items()},
            **{f"required_regions.{k}": v for k, v in self.required_regions.items()},
            **{f"required_disciplines.{k}": v for k, v in self.required_disciplines.items()},
        }


@dataclass(frozen=True, eq=False)
class TeamProblem:
    candidates: tuple[Candidate, ...]
    skills: tuple[str, ...]
    skill_scores: FloatArray  # (n, m) in [0, 1]
    relevance: FloatArray  # (n,) in [0, 1]
    spec: TeamSpec
    names: Mapping[str, str] = field(default_factory=dict)  # id -> display name, for reasons

    def __post_init__(self) -> None:
        n, m = len(self.candidates), len(self.skills)
        if np.shape(self.skill_scores) != (n, m) or np.shape(self.relevance) != (n,):
            raise ValueError(f"skill_scores must be ({n}, {m}) and relevance ({n},)")
        if self.spec.size < 1:
            raise ValueError("team size must be at least 1")
        if len({c.id for c in self.candidates}) != n:
            raise ValueError("candidate ids must be unique")


def sorted_problem(problem: TeamProblem) -> TeamProblem:
    """The same problem with candidates in id order: ties everywhere then break by id."""
    order = sorted(range(len(problem.candidates)), key=lambda i: problem.candidates[i].id)
    return TeamProblem(
        candidates=tuple(problem.candidates[i] for i in order),
        skills=problem.skills,
        skill_scores=np.asarray(problem.skill_scores, dtype=np.float64)[order].reshape(
            len(order), len(problem.skills)
        ),
        relevance=np.asarray(problem.relevance, dtype=np.float64)[order],
        spec=problem.spec,
        names=problem.names,
    )
