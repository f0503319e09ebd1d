"""The team constraints: what a complete team must satisfy, and which additions keep a
partial team completable.

Kinds: exact team size, locked members (must_include), at most max_per_org members per
organisation, minimum counts per required sector, region and discipline, maximum counts per
sector, minimum distinct SIGs, disciplines and regions, minimum early-career (trainee or
early) members, and no two members in declared conflict. Partial teams are checked through
deficits: how many more members of a kind the team still needs, which must fit in the places
left.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from matchmaker.matching.pool import BoolArray, IntArray, Pool, not_among


class Kind(StrEnum):
    SIZE = "team size"
    MUST_INCLUDE = "must include"
    MAX_PER_ORG = "max per organisation"
    REQUIRED_SECTOR = "required sector"
    MAX_PER_SECTOR = "max per sector"
    REQUIRED_REGION = "required region"
    REQUIRED_DISCIPLINE = "required discipline"
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
class Required:
    """Minimum counts of one categorical field (sector, region or discipline)."""

    kind: Kind
    codes: IntArray  # (n,) each candidate's code
    minimums: dict[int, int]  # code present in the pool -> least members from it
    absent: tuple[str, ...]  # names asked for that no candidate in the pool has


@dataclass(frozen=True)
class Deficits:
    named: dict[Kind, dict[int, int]]  # per Required kind: code -> members still needed
    early: int
    disciplines: int
    regions: int
    sigs: int


def _required(
    kind: Kind, codes: IntArray, names: Sequence[str], wanted: Mapping[str, int]
) -> Required:
    code = {name: c for c, name in enumerate(names)}
    minimums = {code[s]: n for s, n in wanted.items() if s in code and n > 0}
    absent = tuple(sorted(s for s, n in wanted.items() if n > 0 and s not in code))
    return Required(kind, codes, minimums, absent)


def required(pool: Pool) -> list[Required]:
    """The minimum counts the spec sets per sector, region and discipline, as pool codes."""
    spec = pool.spec
    return [
        _required(Kind.REQUIRED_SECTOR, pool.sector, pool.sector_names, spec.required_sectors),
        _required(Kind.REQUIRED_REGION, pool.region, pool.region_names, spec.required_regions),
        _required(
            Kind.REQUIRED_DISCIPLINE,
            pool.discipline,
            pool.discipline_names,
            spec.required_disciplines,
        ),
    ]


def sector_caps(pool: Pool) -> dict[int, int]:
    """Sector code present in the pool -> the most members the team may have from it."""
    code = {name: c for c, name in enumerate(pool.sector_names)}
    return {code[s]: n for s, n in pool.spec.max_per_sector.items() if s in code}


def deficits(pool: Pool, team: Sequence[int]) -> Deficits:
    members, spec = list(team), pool.spec
    sigs = set().union(*(pool.sigs[i] for i in members)) if members else set()
    return Deficits(
        named={
            rule.kind: {
                c: max(0, n - int(np.sum(rule.codes[members] == c)))
                for c, n in rule.minimums.items()
            }
            for rule in required(pool)
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


def sector_full(pool: Pool, team: Sequence[int]) -> BoolArray:
    """(n,) True for candidates whose sector already has its max_per_sector members."""
    caps = sector_caps(pool)
    counts = np.bincount(pool.sector[list(team)], minlength=len(pool.sector_names))
    limit = np.array(
        [caps.get(c, pool.size + 1) for c in range(len(pool.sector_names))], dtype=np.int64
    )
    return np.asarray((counts >= limit)[pool.sector], dtype=bool)


def _new_sig_counts(pool: Pool, team: Sequence[int]) -> IntArray:
    present = set().union(*(pool.sigs[i] for i in team)) if team else set()
    return np.array([len(sigs - present) for sigs in pool.sigs], dtype=np.int64)


def _reduces(flags: BoolArray, deficit: int) -> IntArray:
    return np.asarray(flags & (deficit > 0), dtype=np.int64)


def _remaining_needs(pool: Pool, members: list[int]) -> list[IntArray]:
    """Per kind, (n,) how many more members the team needs after adding each candidate."""
    need = deficits(pool, members)
    named = []
    for rule in required(pool):
        missing = need.named[rule.kind]
        remaining = np.full(pool.size, sum(missing.values()), dtype=np.int64)
        for code, short in missing.items():
            remaining -= _reduces(rule.codes == code, short)
        named.append(remaining)
    new_discipline = not_among(pool.discipline, members)
    new_region = not_among(pool.region, members)
    return [
        *named,
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
    mask &= ~conflicting(pool, members) & ~org_full(pool, members) & ~sector_full(pool, members)
    for remaining in _remaining_needs(pool, members):
        mask &= remaining <= places_after
    widest = max((len(s) for s in pool.sigs), default=0)
    sigs_left = np.maximum(deficits(pool, members).sigs - _new_sig_counts(pool, members), 0)
    return np.asarray(mask & (sigs_left <= places_after * widest), dtype=bool)


def _over_sector_caps(pool: Pool, members: list[int]) -> bool:
    counts = np.bincount(pool.sector[members], minlength=len(pool.sector_names))
    return any(int(counts[code]) > cap for code, cap in sector_caps(pool).items())


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
    if _over_sector_caps(pool, members):
        broken.append(Kind.MAX_PER_SECTOR)
    if conflicting(pool, members)[members].any():
        broken.append(Kind.MEMBER_CONFLICTS)
    need = deficits(pool, members)
    checks = [
        *((bool(r.absent) or sum(need.named[r.kind].values()) > 0, r.kind) for r in required(pool)),
        (need.sigs > 0, Kind.DISTINCT_SIGS),
        (need.disciplines > 0, Kind.DISTINCT_DISCIPLINES),
        (need.early > 0, Kind.EARLY_CAREER),
        (need.regions > 0, Kind.REGIONS),
    ]
    return broken + [kind for failed, kind in checks if failed]
