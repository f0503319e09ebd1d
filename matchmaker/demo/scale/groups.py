"""Synthetic groups and memberships: the demo's SIGs, CoIs and STERIC, with more
Task-and-Finish groups as the membership grows; then each member's capacity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from random import Random

from matchmaker.demo.content.disciplines import AI_SIG, SIG_BY_DISCIPLINE
from matchmaker.domain.model import CareerStage, Group, GroupKind, Member, Membership

MEMBERS_PER_TASK_GROUP = 150
STERIC_SIZE = 12
_EARLY = (CareerStage.TRAINEE, CareerStage.EARLY)
_SENIOR = (CareerStage.SENIOR, CareerStage.CONSULTANT)


def groups_for(base: Sequence[Group], members: int, rng: Random) -> list[Group]:
    """The demo's groups, plus Task-and-Finish groups modelled on the demo's ones."""
    task_groups = [g for g in base if g.kind is GroupKind.TASK_GROUP]
    extra = max(0, members // MEMBERS_PER_TASK_GROUP - len(task_groups))
    found = list(base)
    for k in range(1, extra + 1):
        model = rng.choice(task_groups)
        status = "closed" if rng.random() < 0.3 else "active"
        found.append(
            replace(model, id=f"tf-syn-{k:04d}", name=f"{model.name} ({k})", status=status)
        )
    return found


def memberships_for(
    groups: Sequence[Group], members: Sequence[Member], rng: Random
) -> list[Membership]:
    """Standing SIG and CoI memberships, STERIC, and a team for every T&F group."""
    cois = [g.id for g in groups if g.kind is GroupKind.COI]
    early_coi = next((c for c in cois if "early" in c), cois[0])
    found: list[Membership] = []
    for m in members:
        found += [Membership(m.id, g) for g in _standing(m, cois, early_coi, rng)]
    candidates = [m for m in members if m.open_to_matching]
    senior = [m for m in candidates if m.career_stage in _SENIOR]
    steric = next(g for g in groups if g.kind is GroupKind.COMMITTEE)
    found += _team(steric.id, rng.sample(senior, min(STERIC_SIZE, len(senior))))
    for group in groups:
        if group.kind is GroupKind.TASK_GROUP:
            team = rng.sample(candidates, min(rng.randint(4, 8), len(candidates)))
            found += _team(group.id, sorted(team, key=lambda m: m.career_stage not in _SENIOR))
    return found


def with_capacity(
    members: Sequence[Member], memberships: Sequence[Membership], active: set[str], rng: Random
) -> list[Member]:
    """max_groups with room to spare, except for about one member in a hundred."""
    load = Counter(m.member_id for m in memberships if m.group_id in active)
    return [
        replace(m, max_groups=max(1, load[m.id]))
        if load[m.id] >= 2 and rng.random() < 0.01
        else replace(m, max_groups=max(load[m.id] + 1, rng.choice((2, 2, 3, 3, 4))))
        for m in members
    ]


def _standing(member: Member, cois: list[str], early_coi: str, rng: Random) -> list[str]:
    found = []
    sig = SIG_BY_DISCIPLINE.get(member.discipline)
    if sig and rng.random() < 0.8:
        found.append(sig)
    if rng.random() < 0.15:
        found.append(AI_SIG)
    if member.career_stage in _EARLY and rng.random() < 0.4:
        found.append(early_coi)
    if rng.random() < 0.2:
        found.append(rng.choice(cois))
    return list(dict.fromkeys(found))


def _team(group_id: str, team: Sequence[Member]) -> list[Membership]:
    roles = ["chair"] + ["member"] * (len(team) - 1)
    return [Membership(m.id, group_id, r) for m, r in zip(team, roles, strict=True)]
