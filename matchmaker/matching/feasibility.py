"""Why no team can meet the constraints: counting checks first, then a CP-SAT search for a
smallest set of constraint kinds that cannot hold together.

Input: a problem sorted by id, the eligible rows and the screened-out candidates; output:
Binding records naming each constraint that cannot hold and the numbers behind it, e.g.
"required sector industry: 1 needed, 0 eligible candidates".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations

from matchmaker.matching.constraints import Binding, Kind
from matchmaker.matching.exact import feasible_team
from matchmaker.matching.pool import Pool
from matchmaker.matching.problem import Candidate, TeamProblem, TeamSpec
from matchmaker.matching.screening import WhyNot


def _unavailable_locks(problem: TeamProblem, screened: dict[str, WhyNot]) -> list[Binding]:
    spec, known = problem.spec, {c.id for c in problem.candidates}
    found = [
        Binding(Kind.MUST_INCLUDE, f"{i} is locked but {screened[i].detail}")
        for i in sorted(spec.must_include & screened.keys())
    ]
    found += [
        Binding(Kind.MUST_INCLUDE, f"{i} is locked but is not a candidate")
        for i in sorted(spec.must_include - known)
    ]
    if len(spec.must_include) > spec.size:
        detail = f"{len(spec.must_include)} members locked for a team of {spec.size}"
        found.append(Binding(Kind.MUST_INCLUDE, detail))
    return found


def _clashing_locks(spec: TeamSpec, locked: Sequence[Candidate]) -> list[Binding]:
    found = [
        Binding(Kind.MEMBER_CONFLICTS, f"locked members {a.id} and {b.id} declared a conflict")
        for a, b in combinations(locked, 2)
        if b.id in a.conflicts or a.id in b.conflicts
    ]
    cap = spec.max_per_org
    per_org = Counter(c.organisation_id for c in locked)
    found += [
        Binding(Kind.MAX_PER_ORG, f"{n} locked members from {org}; at most {cap} per organisation")
        for org, n in sorted(per_org.items())
        if cap is not None and n > cap
    ]
    return found


def _capped(candidates: Sequence[Candidate], cap: int | None) -> int:
    """How many of these candidates a team can hold when each organisation gives at most cap."""
    counts = Counter(c.organisation_id for c in candidates)
    return sum(counts.values()) if cap is None else sum(min(cap, n) for n in counts.values())


def _count_bindings(
    spec: TeamSpec, eligible: Sequence[Candidate], kind: Kind, wanted: Mapping[str, int]
) -> list[Binding]:
    """Minimum counts per sector, region or discipline that the eligible cannot reach."""
    field, what = _COUNTED[kind]
    cap_note = "" if spec.max_per_org is None else f" (at most {spec.max_per_org} per organisation)"
    found = []
    for value, needed in sorted(wanted.items()):
        available = _capped([c for c in eligible if getattr(c, field) == value], spec.max_per_org)
        if available < needed:
            detail = f"required {what} {value}: {needed} needed, {available} eligible candidates"
            found.append(Binding(kind, detail + cap_note))
    total = sum(wanted.values())
    if total > spec.size:
        detail = f"team size {spec.size} is too small for the required {what}s ({total} members)"
        found.append(Binding(kind, detail))
    return found


_COUNTED = {
    Kind.REQUIRED_SECTOR: ("sector", "sector"),
    Kind.REQUIRED_REGION: ("region", "region"),
    Kind.REQUIRED_DISCIPLINE: ("discipline", "discipline"),
}


def _named_bindings(spec: TeamSpec, eligible: Sequence[Candidate]) -> list[Binding]:
    return [
        *_count_bindings(spec, eligible, Kind.REQUIRED_SECTOR, spec.required_sectors),
        *_count_bindings(spec, eligible, Kind.REQUIRED_REGION, spec.required_regions),
        *_count_bindings(spec, eligible, Kind.REQUIRED_DISCIPLINE, spec.required_disciplines),
    ]


def _sector_cap_bindings(spec: TeamSpec, eligible: Sequence[Candidate]) -> list[Binding]:
    """Sector maximums below the sector's own minimum, or too low to fill the team."""
    caps = spec.max_per_sector
    found = [
        Binding(
            Kind.MAX_PER_SECTOR,
            f"sector {sector}: at least {spec.required_sectors[sector]} required "
            f"but at most {cap} allowed",
        )
        for sector, cap in sorted(caps.items())
        if spec.required_sectors.get(sector, 0) > cap
    ]
    by_sector: dict[str, list[Candidate]] = {}
    for c in eligible:
        by_sector.setdefault(c.sector, []).append(c)
    reachable = sum(
        min(caps.get(sector, spec.size), _capped(members, spec.max_per_org))
        for sector, members in by_sector.items()
    )
    if caps and len(eligible) >= spec.size > reachable:
        limits = ", ".join(f"{n} from {s}" for s, n in sorted(caps.items()))
        detail = f"at most {limits} allows {reachable} members; team size {spec.size}"
        found.append(Binding(Kind.MAX_PER_SECTOR, detail))
    return found


def _size_bindings(spec: TeamSpec, eligible: Sequence[Candidate]) -> list[Binding]:
    reachable = _capped(eligible, spec.max_per_org)
    if len(eligible) < spec.size:
        detail = f"team size {spec.size}: only {len(eligible)} eligible candidates"
        return [Binding(Kind.SIZE, detail)]
    if reachable < spec.size:
        detail = (
            f"at most {spec.max_per_org} per organisation allows {reachable} members; "
            f"team size {spec.size}"
        )
        return [Binding(Kind.MAX_PER_ORG, detail)]
    return []


def _early_bindings(spec: TeamSpec, eligible: Sequence[Candidate]) -> list[Binding]:
    early = _capped([c for c in eligible if c.early_career], spec.max_per_org)
    if spec.min_early_career <= min(early, spec.size):
        return []
    detail = (
        f"{spec.min_early_career} early-career members needed, "
        f"{early} eligible (team size {spec.size})"
    )
    return [Binding(Kind.EARLY_CAREER, detail)]


def _distinct(kind: Kind, needed: int, available: int, size: int, what: str) -> list[Binding]:
    if needed > size and kind is not Kind.DISTINCT_SIGS:
        return [Binding(kind, f"team size {size} is too small for {needed} distinct {what}")]
    if available < needed:
        detail = f"{needed} distinct {what} needed, {available} among eligible candidates"
        return [Binding(kind, detail)]
    return []


def _distinct_bindings(spec: TeamSpec, eligible: Sequence[Candidate]) -> list[Binding]:
    sigs = set().union(*(c.sigs for c in eligible)) if eligible else set()
    checks = [
        (
            Kind.DISTINCT_DISCIPLINES,
            spec.min_distinct_disciplines,
            {c.discipline for c in eligible},
        ),
        (Kind.REGIONS, spec.min_regions, {c.region for c in eligible}),
        (Kind.DISTINCT_SIGS, spec.min_distinct_sigs, sigs),
    ]
    words = {Kind.DISTINCT_DISCIPLINES: "disciplines", Kind.REGIONS: "regions"}
    return [
        binding
        for kind, needed, present in checks
        for binding in _distinct(kind, needed, len(present), spec.size, words.get(kind, "SIGs"))
    ]


def diagnose(
    problem: TeamProblem, rows: Sequence[int], screened: dict[str, WhyNot]
) -> list[Binding]:
    """Constraints that counting alone shows cannot hold (empty when none does)."""
    eligible = [problem.candidates[r] for r in rows]
    spec = problem.spec
    locked = [c for c in eligible if c.id in spec.must_include]
    return [
        *_unavailable_locks(problem, screened),
        *_clashing_locks(spec, locked),
        *_named_bindings(spec, eligible),
        *_sector_cap_bindings(spec, eligible),
        *_size_bindings(spec, eligible),
        *_early_bindings(spec, eligible),
        *_distinct_bindings(spec, eligible),
    ]


def active_kinds(spec: TeamSpec, pool: Pool) -> list[Kind]:
    """The constraint kinds this spec actually sets, in a fixed order."""
    flags = {
        Kind.SIZE: True,
        Kind.MUST_INCLUDE: pool.locked.size > 0,
        Kind.MAX_PER_ORG: spec.max_per_org is not None,
        Kind.REQUIRED_SECTOR: any(n > 0 for n in spec.required_sectors.values()),
        Kind.MAX_PER_SECTOR: bool(spec.max_per_sector),
        Kind.REQUIRED_REGION: any(n > 0 for n in spec.required_regions.values()),
        Kind.REQUIRED_DISCIPLINE: any(n > 0 for n in spec.required_disciplines.values()),
        Kind.DISTINCT_SIGS: spec.min_distinct_sigs > 0,
        Kind.DISTINCT_DISCIPLINES: spec.min_distinct_disciplines > 0,
        Kind.EARLY_CAREER: spec.min_early_career > 0,
        Kind.REGIONS: spec.min_regions > 0,
        Kind.MEMBER_CONFLICTS: any(c.size for c in pool.conflicts),
    }
    return [kind for kind in Kind if flags[kind]]


SECTOR_WORDS = {"nhs": "the NHS", "charity": "charities"}  # other sector codes read as words


def _counts(bound: str, place: str, counts: Mapping[str, int], sector: bool = False) -> str:
    """ "at least 1 from the NHS and at least 2 from industry": counts per name, in words."""
    return " and ".join(
        f"{bound} {n} {place} {SECTOR_WORDS.get(s, s) if sector else s}"
        for s, n in sorted(counts.items())
        if n > 0 or bound == "at most"
    )


def describe(kind: Kind, spec: TeamSpec) -> str:
    """The requirement a kind sets, in words."""
    sectors = _counts("at least", "from", spec.required_sectors, sector=True)
    words = {
        Kind.SIZE: f"team size {spec.size}",
        Kind.MUST_INCLUDE: f"the {len(spec.must_include)} members asked for by name",
        Kind.MAX_PER_ORG: f"at most {spec.max_per_org} per organisation",
        Kind.REQUIRED_SECTOR: f"required sectors: {sectors}",
        Kind.MAX_PER_SECTOR: "sector limits: "
        + _counts("at most", "from", spec.max_per_sector, sector=True),
        Kind.REQUIRED_REGION: "required regions: "
        + _counts("at least", "from", spec.required_regions),
        Kind.REQUIRED_DISCIPLINE: "required disciplines: "
        + _counts("at least", "in", spec.required_disciplines),
        Kind.DISTINCT_SIGS: f"at least {spec.min_distinct_sigs} distinct SIGs",
        Kind.DISTINCT_DISCIPLINES: f"at least {spec.min_distinct_disciplines} distinct disciplines",
        Kind.EARLY_CAREER: f"at least {spec.min_early_career} early-career members",
        Kind.REGIONS: f"at least {spec.min_regions} distinct regions",
        Kind.MEMBER_CONFLICTS: "no two members in declared conflict",
    }
    return words[kind]


def minimal_binding(pool: Pool, time_limit_s: float = 5.0) -> list[Binding]:
    """A smallest set of constraint kinds that cannot hold together (deletion filter)."""
    kept = active_kinds(pool.spec, pool)
    for kind in list(kept):
        trial = [k for k in kept if k is not kind]
        outcome = feasible_team(pool, trial, time_limit_s)
        if outcome.team is None and outcome.proven:
            kept = trial
    return [Binding(k, _clash(k, kept, pool.spec)) for k in kept]


def _clash(kind: Kind, kinds: Sequence[Kind], spec: TeamSpec) -> str:
    others = [describe(k, spec) for k in kinds if k is not kind]
    if not others:
        return f"{describe(kind, spec)}: no eligible candidates can meet it"
    return f"{describe(kind, spec)}: cannot hold together with {'; '.join(others)}"
