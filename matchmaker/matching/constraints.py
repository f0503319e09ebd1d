"""The team constraints: what a complete team must satisfy, and which additions keep a
partial team completable.

Kinds: exact team size, locked members (must_include), at most max_per_org members per
organisation, minimum counts per required sector, minimum distinct SIGs, disciplines and
regions, minimum early-career (trainee or early) members, and no two members in declared
conflict. Partial teams are checked through deficits: how many more members of a kind the
team still needs, which must fit in the places left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from matchmaker.matching.pool import BoolArray, IntArray, Pool, not_among


class Kind(StrEnum):
    SIZE = "team size"
    MUST_INCLUDE = "must include"
    MAX_PER_ORG = "max per organisation"
    REQUIRED_SECTOR = "required sector"
    DISTINCT_SIGS = "distinct SIGs"
    DISTINCT_DISCIPLINES = "distinct disciplines"
    EARLY_CAREER = "early-career members"
    REGIONS = "distinct regions"
    MEMBER_CONFLICTS = "conflicts between members"


@dataclass(frozen=True)
class Binding:
    """A constraint that cannot hold, with the numbers that show why."""

    kind: Kind
    detail: str


@dataclass(frozen=True)
class Deficits:
    sectors: dict[int, int]  # sector code -> members still needed
    early: int
    disciplines: int
    regions: int
    sigs: int


def required_sector_codes(pool: Pool) -> dict[int, int]:
    """Required sectors present in the pool, by code, with their minimum counts."""
    code = {name: c for c, name in enumerate(pool.sector_names)}
    return {code[s]: n for s, n in pool.spec.required_sectors.items() if s in code and n > 0}


def deficits(pool: Pool, team: Sequence[int]) -> Deficits:
    members, spec = list(team), pool.spec
    sectors = pool.sector[members]
    sigs = set().union(*(pool.sigs[i] for i in members)) if members else set()
    return Deficits(
        sectors={
            c: max(0, n - int(np.sum(sectors == c))) for c, n in required_sector_codes(pool).items()
        },
        early=max(0, spec.min_early_career - int(pool.early[members].sum())),
        disciplines=max(
            0, spec.min_distinct_disciplines - len(set(pool.discipline[members].tolist()))
        ),
        regions=max(0, spec.min_regions - len(set(pool.region[members].tolist()))),
        sigs=max(0, spec.min_distinct_sigs - len(sigs)),
    )


def conflicting(pool: Pool, team: Sequence[int]) -> BoolArray:
    """(n,) True for candidates in declared conflict with any member of `team`."""
    mask = np.zeros(pool.size, dtype=bool)
    for member in team:
        mask[pool.conflicts[member]] = True
    return mask


def org_full(pool: Pool, team: Sequence[int]) -> BoolArray:
    """(n,) True for candidates whose organisation already has max_per_org members."""
    cap = pool.spec.max_per_org
    if cap is None:
        return np.zeros(pool.size, dtype=bool)
    counts = np.bincount(pool.org[list(team)], minlength=int(pool.org.max(initial=0)) + 1)
    return np.asarray(counts[pool.org] >= cap, dtype=bool)


def _new_sig_counts(pool: Pool, team: Sequence[int]) -> IntArray:
    present = set().union(*(pool.sigs[i] for i in team)) if team else set()
    return np.array([len(sigs - present) for sigs in pool.sigs], dtype=np.int64)


def _reduces(flags: BoolArray, deficit: int) -> IntArray:
    return np.asarray(flags & (deficit > 0), dtype=np.int64)


def _remaining_needs(pool: Pool, members: list[int]) -> list[IntArray]:
    """Per kind, (n,) how many more members the team needs after adding each candidate."""
    need = deficits(pool, members)
    sectors = np.full(pool.size, sum(need.sectors.values()), dtype=np.int64)
    for code, missing in need.sectors.items():
        sectors -= _reduces(pool.sector == code, missing)
    new_discipline = not_among(pool.discipline, members)
    new_region = not_among(pool.region, members)
    return [
        sectors,
        need.early - _reduces(pool.early, need.early),
        need.disciplines - _reduces(new_discipline, need.disciplines),
        need.regions - _reduces(new_region, need.regions),
    ]


def allowed_additions(pool: Pool, base: Sequence[int], places_after: int) -> BoolArray:
    """(n,) candidates that can join `base` so that the deficits still fit the places left.

    A necessary condition only: the deficits are checked one kind at a time.
    """
    members = list(base)
    mask = not_among(np.arange(pool.size), members)
    mask &= ~conflicting(pool, members) & ~org_full(pool, members)
    for remaining in _remaining_needs(pool, members):
        mask &= remaining <= places_after
    widest = max((len(s) for s in pool.sigs), default=0)
    sigs_left = np.maximum(deficits(pool, members).sigs - _new_sig_counts(pool, members), 0)
    return np.asarray(mask & (sigs_left <= places_after * widest), dtype=bool)


def violations(pool: Pool, team: Sequence[int]) -> list[Kind]:
    """The kinds of constraint a complete team breaks (empty when it is valid)."""
    members, spec = list(team), pool.spec
    broken: list[Kind] = []
    if len(set(members)) != spec.size:
        broken.append(Kind.SIZE)
    if not set(pool.locked.tolist()) <= set(members):
        broken.append(Kind.MUST_INCLUDE)
    if (
        spec.max_per_org is not None
        and np.bincount(pool.org[members]).max(initial=0) > spec.max_per_org
    ):
        broken.append(Kind.MAX_PER_ORG)
    if conflicting(pool, members)[members].any():
        broken.append(Kind.MEMBER_CONFLICTS)
    need = deficits(pool, members)
    absent = any(n > 0 and s not in pool.sector_names for s, n in spec.required_sectors.items())
    checks = [
        (absent or sum(need.sectors.values()) > 0, Kind.REQUIRED_SECTOR),
        (need.sigs > 0, Kind.DISTINCT_SIGS),
        (need.disciplines > 0, Kind.DISTINCT_DISCIPLINES),
        (need.early > 0, Kind.EARLY_CAREER),
        (need.regions > 0, Kind.REGIONS),
    ]
    return broken + [kind for failed, kind in checks if failed]
