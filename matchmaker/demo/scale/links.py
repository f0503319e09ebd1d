"""Synthetic partners, calls, ideas, conflicts and KTPs, scaled with the membership."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from random import Random

from matchmaker.demo.content.partners import MEMBER_CONFLICT_REASONS, PARTNER_CONFLICT_REASONS
from matchmaker.demo.dataset import DemoDataset
from matchmaker.domain.model import (
    Call,
    Conflict,
    Idea,
    Ktp,
    Member,
    Partner,
    PartnerKind,
)

MEMBERS_PER_PARTNER = 10
MEMBERS_PER_CALL = 2000
MEMBERS_PER_IDEA = 25
MEMBERS_PER_CONFLICT = 50
MEMBERS_PER_KTP = 250
_PLACES = ("Ashby", "Brackley", "Carnforth", "Dunmore", "Elmswell", "Fairlie", "Harwood", "Ilkley")
_FIELDS = ("Imaging", "Diagnostics", "Dosimetry", "Sensors", "Analytics", "Robotics", "Photonics")


def partners_for(base: DemoDataset, members: int, rng: Random) -> list[Partner]:
    """The demo's partners, plus invented companies modelled on its company profiles."""
    companies = [p for p in base.partners if p.kind is PartnerKind.COMPANY]
    extra = max(0, members // MEMBERS_PER_PARTNER - len(base.partners))
    found = list(base.partners)
    for k in range(1, extra + 1):
        model = rng.choice(companies)
        name = f"{rng.choice(_PLACES)} {rng.choice(_FIELDS)} Ltd"
        fte = rng.choice((1, 3, 8, 20, 60, 150, 400))
        found.append(replace(model, id=f"p-syn-{k:05d}", name=name, fte=fte))
    return found


def calls_for(base: DemoDataset, members: int) -> list[Call]:
    """The demo's calls, repeated in later rounds for a larger membership."""
    rounds = max(1, members // (MEMBERS_PER_CALL * len(base.calls)) + 1)
    found = list(base.calls)
    for r in range(1, rounds):
        found += [
            replace(c, id=f"{c.id}-r{r}", title=f"{c.title} (round {r + 1})") for c in base.calls
        ]
    return found


def ideas_for(
    base: DemoDataset, members: Sequence[Member], calls: Sequence[Call], rng: Random
) -> list[Idea]:
    """Ideas modelled on the demo's, each from an open member, answering a call on its themes."""
    authors = [m for m in members if m.open_to_matching and m.visible_to_members]
    count = max(len(base.ideas), len(members) // MEMBERS_PER_IDEA)
    found = []
    for k in range(1, count + 1):
        model = rng.choice(base.ideas)
        fitting = [c.id for c in calls if set(c.themes) & set(model.themes)]
        found.append(
            replace(
                model,
                id=f"idea-syn-{k:06d}",
                submitted_by=rng.choice(authors).id,
                call_id=rng.choice(fitting) if fitting and rng.random() < 0.9 else "",
            )
        )
    return found


def conflicts_for(
    members: Sequence[Member], partners: Sequence[Partner], rng: Random
) -> list[Conflict]:
    """Declared conflicts with other members and with companies."""
    companies = [p for p in partners if p.kind is PartnerKind.COMPANY]
    found: dict[tuple[str, str], Conflict] = {}
    for _ in range(max(2, len(members) // MEMBERS_PER_CONFLICT)):
        a = rng.choice(members).id
        if rng.random() < 0.6:
            other, reason = rng.choice(members).id, rng.choice(MEMBER_CONFLICT_REASONS)
        else:
            other, reason = rng.choice(companies).id, rng.choice(PARTNER_CONFLICT_REASONS)
        if other != a:
            found[(a, other)] = Conflict(a, other, reason)
    return list(found.values())


def ktps_for(
    members: Sequence[Member], partners: Sequence[Partner], academic: set[str], rng: Random
) -> list[Ktp]:
    """KTPs between eligible companies and universities, supervised by academic members."""
    businesses = [p for p in partners if p.kind is PartnerKind.COMPANY and p.fte >= 2]
    universities = [p for p in partners if p.kind is PartnerKind.UNIVERSITY]
    supervisors = [m for m in members if m.organisation_id in academic]
    found = []
    for k in range(1, max(1, len(members) // MEMBERS_PER_KTP) + 1):
        business, university = rng.choice(businesses), rng.choice(universities)
        found.append(
            Ktp(
                id=f"ktp-syn-{k:05d}",
                title=f"Knowledge transfer with {business.name}",
                business_partner_id=business.id,
                knowledge_base_partner_id=university.id,
                supervisor_id=rng.choice(supervisors).id,
                start_year=rng.randint(2015, 2025),
                status=rng.choice(("completed", "completed", "active", "proposed")),
            )
        )
    return found
