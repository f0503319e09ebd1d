"""The eligible candidates encoded as arrays, the form every solver works on.

Index i of every array is the i-th eligible candidate in id order. Categorical fields are
integer codes (org, sector, discipline, region); sets of ids become index arrays within
the pool (collaborators, conflicts, both made symmetric).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matchmaker.matching.problem import Candidate, TeamProblem, TeamSpec

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class Pool:
    ids: tuple[str, ...]
    source: IntArray  # row of each pool member in the (sorted) problem
    scores: FloatArray  # (n, m) skill scores
    relevance: FloatArray  # (n,)
    exposure: FloatArray  # (n,) penalty e / (1 + e), in [0, 1)
    org: IntArray
    sector: IntArray
    sector_names: tuple[str, ...]
    discipline: IntArray
    discipline_names: tuple[str, ...]
    region: IntArray
    region_names: tuple[str, ...]
    early: BoolArray
    outside: BoolArray  # not at the proposer's organisation
    sigs: tuple[frozenset[int], ...]
    collaborators: tuple[IntArray, ...]
    conflicts: tuple[IntArray, ...]
    locked: IntArray  # pool indices of must_include members present in the pool
    spec: TeamSpec

    @property
    def size(self) -> int:
        return len(self.ids)

    def team_ids(self, team: Sequence[int]) -> tuple[str, ...]:
        return tuple(sorted(self.ids[i] for i in team))


def not_among(codes: IntArray, members: Sequence[int]) -> BoolArray:
    """For each candidate, whether its code differs from every member's (np.isin, inverted,
    without its sorting: the solvers ask this for every step)."""
    seen = np.zeros(int(codes.max(initial=0)) + 1, dtype=bool)
    seen[codes[list(members)]] = True
    return np.asarray(~seen[codes], dtype=bool)


def _codes(values: Sequence[str]) -> tuple[IntArray, tuple[str, ...]]:
    names = tuple(sorted(set(values)))
    lookup = {name: code for code, name in enumerate(names)}
    return np.array([lookup[v] for v in values], dtype=np.int64), names


def _links(candidates: Sequence[Candidate], field: str) -> tuple[IntArray, ...]:
    """Symmetric neighbour lists within the pool for a set-of-ids field."""
    position = {c.id: i for i, c in enumerate(candidates)}
    neighbours: list[set[int]] = [set() for _ in candidates]
    for i, candidate in enumerate(candidates):
        for other in getattr(candidate, field):
            j = position.get(other)
            if j is not None and j != i:
                neighbours[i].add(j)
                neighbours[j].add(i)
    return tuple(np.array(sorted(n), dtype=np.int64) for n in neighbours)


def _sig_codes(candidates: Sequence[Candidate]) -> tuple[frozenset[int], ...]:
    names = sorted({sig for c in candidates for sig in c.sigs})
    lookup = {name: code for code, name in enumerate(names)}
    return tuple(frozenset(lookup[s] for s in c.sigs) for c in candidates)


def build_pool(problem: TeamProblem, rows: Sequence[int]) -> Pool:
    """Encode the candidates at `rows` of a problem sorted by id."""
    members = [problem.candidates[r] for r in rows]
    sector, sector_names = _codes([c.sector for c in members])
    discipline, discipline_names = _codes([c.discipline for c in members])
    region, region_names = _codes([c.region for c in members])
    exposure = np.array([c.exposure for c in members], dtype=np.float64)
    index = np.asarray(rows, dtype=np.int64)
    return Pool(
        ids=tuple(c.id for c in members),
        source=index,
        scores=np.asarray(problem.skill_scores, dtype=np.float64)[index].reshape(len(rows), -1),
        relevance=np.asarray(problem.relevance, dtype=np.float64)[index],
        exposure=exposure / (1.0 + exposure),
        org=_codes([c.organisation_id for c in members])[0],
        sector=sector,
        sector_names=sector_names,
        discipline=discipline,
        discipline_names=discipline_names,
        region=region,
        region_names=region_names,
        early=np.array([c.early_career for c in members], dtype=bool),
        outside=np.array([not c.is_proposer_org for c in members], dtype=bool),
        sigs=_sig_codes(members),
        collaborators=_links(members, "collaborators"),
        conflicts=_links(members, "conflicts"),
        locked=np.array(
            [i for i, c in enumerate(members) if c.id in problem.spec.must_include], dtype=np.int64
        ),
        spec=problem.spec,
    )
