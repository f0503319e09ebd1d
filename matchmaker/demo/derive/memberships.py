"""Who sits in which group: SIGs by discipline, CoIs by affinity, STERIC and the
Task-and-Finish groups by seniority and fit to the remit; then each member's capacity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from random import Random

from matchmaker.demo.content import disciplines as d
from matchmaker.demo.content.affinity import (
    COI_AFFINITY,
    EARLY_CAREER_COI,
    TEAM_SPECS,
)
from matchmaker.demo.derive.members import Profile
from matchmaker.demo.derive.relevance import Relevance
from matchmaker.demo.derive.words import words_of
from matchmaker.domain.model import CareerStage, Group, Member, Membership, Sector

STERIC_SIZE = 12
OVERLOADED = 12
_EARLY = (CareerStage.TRAINEE, CareerStage.EARLY)
_SENIOR = (CareerStage.SENIOR, CareerStage.CONSULTANT)


def standing_memberships(profiles: Sequence[Profile], rng: Random) -> list[Membership]:
    """SIG and CoI memberships for every member."""
    found: list[Membership] = []
    for p in profiles:
        groups = _sigs(p, rng) + (list(p.cois) if p.origin == "specialist" else _cois(p, rng))
        found += [Membership(p.member.id, g) for g in dict.fromkeys(groups)]
    return found


def steric_memberships(profiles: Sequence[Profile], rng: Random) -> list[Membership]:
    """Twelve open, senior members across the disciplines, plus an early-career seat."""
    chosen: list[str] = []
    for discipline in d.DISCIPLINES:
        pool = [p for p in profiles if p.member.discipline == discipline and _senior_open(p)]
        chosen.append(rng.choice(pool).member.id)
    early = [p for p in profiles if p.member.career_stage in _EARLY and p.member.open_to_matching]
    industry = [p for p in profiles if _senior_open(p) and p.sector is Sector.INDUSTRY]
    chosen += [rng.choice(early).member.id, rng.choice(industry).member.id]
    chosen = list(dict.fromkeys(chosen))[:STERIC_SIZE]
    roles = ["chair", "secretary"] + ["member"] * (len(chosen) - 2)
    return [Membership(mid, "steric", role) for mid, role in zip(chosen, roles, strict=True)]


def task_group_memberships(
    groups: Sequence[Group], profiles: Sequence[Profile], rng: Random
) -> list[Membership]:
    """Each T&F group's team: the best fits to its remit in the disciplines it needs."""
    found: list[Membership] = []
    relevance = Relevance(profiles)
    for group in groups:
        spec = TEAM_SPECS[group.id]
        words = words_of(f"{group.name} {group.description}")
        team: list[Profile] = []
        for i in range(spec.size):
            discipline = spec.disciplines[i % len(spec.disciplines)]
            team.append(_best_fit(profiles, discipline, words, team, relevance, rng))
        team.sort(key=lambda p: p.member.career_stage not in _SENIOR)
        roles = ["chair"] + (["secretary"] if len(team) >= 6 else []) + ["member"] * len(team)
        found += [Membership(p.member.id, group.id, r) for p, r in zip(team, roles, strict=False)]
    return found


def with_capacity(
    members: Sequence[Member], memberships: Sequence[Membership], active: set[str], rng: Random
) -> list[Member]:
    """Members with max_groups set: room to spare for most, full or over for a few who sit
    on STERIC or a Task-and-Finish group."""
    load = Counter(m.member_id for m in memberships if m.group_id in active)
    busy = sorted(
        {m.member_id for m in memberships if m.group_id.startswith(("tf-", "steric"))}
        & {mid for mid, n in load.items() if n >= 2}
    )
    overloaded = set(rng.sample(busy, min(OVERLOADED, len(busy))))
    return [_capacity(m, load[m.id], m.id in overloaded, rng) for m in members]


def _capacity(member: Member, load: int, overloaded: bool, rng: Random) -> Member:
    if overloaded:
        return replace(member, max_groups=max(1, load - rng.choice((0, 0, 1))))
    return replace(member, max_groups=max(load + 1, rng.choice((2, 2, 3, 3, 4))))


def _sigs(p: Profile, rng: Random) -> list[str]:
    own = d.SIG_BY_DISCIPLINE[p.member.discipline]
    sigs = [own] if p.origin == "specialist" or rng.random() < 0.8 else []
    ai_share = p.subdomains.count("clinical_computing_ai") / max(1, len(p.subdomains))
    if ai_share > 0 and rng.random() < 0.25 + 0.35 * ai_share:
        sigs.append(d.AI_SIG)
    return sigs


def _cois(p: Profile, rng: Random) -> list[str]:
    cois = []
    if p.member.career_stage in _EARLY and rng.random() < 0.45:
        cois.append(EARLY_CAREER_COI)
    for coi, (disciplines, share) in COI_AFFINITY.items():
        if (not disciplines or p.member.discipline in disciplines) and rng.random() < share:
            cois.append(coi)
    return cois


def _senior_open(p: Profile) -> bool:
    return p.member.career_stage in _SENIOR and p.member.open_to_matching


def _best_fit(
    profiles: Sequence[Profile],
    discipline: str,
    words: set[str],
    team: list[Profile],
    relevance: Relevance,
    rng: Random,
) -> Profile:
    taken = {p.member.id for p in team}
    sectors = Counter(p.sector for p in team)
    pool = [
        p
        for p in profiles
        if p.member.discipline == discipline
        and p.member.open_to_matching
        and p.member.id not in taken
    ]
    return max(pool, key=lambda p: relevance.score(words, p) - 2 * sectors[p.sector] + rng.random())
