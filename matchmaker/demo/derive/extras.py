"""Ideas submitted to the calls, past KTPs and declared conflicts of interest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from random import Random

from matchmaker.demo.content.partners import (
    KTP_SPECS,
    MEMBER_CONFLICT_REASONS,
    PARTNER_CONFLICT_REASONS,
)
from matchmaker.demo.derive.handwritten import IdeaSpec
from matchmaker.demo.derive.members import Profile
from matchmaker.demo.derive.relevance import Relevance
from matchmaker.demo.derive.words import words_of
from matchmaker.domain.model import (
    Call,
    Conflict,
    Idea,
    Ktp,
    Output,
    Partner,
    PartnerKind,
    Sector,
)

COAUTHOR_CONFLICTS = 12
COLLEAGUE_CONFLICTS = 6
PARTNER_CONFLICTS = 12


def build_ideas(
    specs: Sequence[IdeaSpec], profiles: Sequence[Profile], calls: Sequence[Call], rng: Random
) -> list[Idea]:
    """Each idea submitted by a different open member of its discipline, the one whose
    texts share most words with the idea."""
    by_id = {c.id: c for c in calls}
    relevance = Relevance(profiles)
    used: set[str] = set()
    ideas = []
    for number, spec in enumerate(specs, start=1):
        author = _submitter(spec, profiles, used, relevance, rng)
        used.add(author.member.id)
        ideas.append(
            Idea(
                id=f"idea-{number:03d}",
                title=spec.title,
                summary=spec.summary,
                submitted_by=author.member.id,
                call_id=spec.call,
                themes=spec.themes,
                required_skills=spec.skills,
                status=spec.status,
                created=_created(by_id.get(spec.call), rng),
            )
        )
    return ideas


def supervisors(profiles: Sequence[Profile], rng: Random) -> list[Profile]:
    """One academic supervisor per past KTP, in the discipline the KTP needs."""
    chosen: list[Profile] = []
    for spec in KTP_SPECS:
        academics = [p for p in profiles if p.sector is Sector.ACADEMIA and p not in chosen]
        fits = [p for p in academics if p.member.discipline == spec.supervisor_discipline]
        chosen.append(rng.choice(fits or academics))
    return chosen


def build_ktps(
    chosen: Sequence[Profile],
    companies: Sequence[Partner],
    universities: Sequence[Partner],
    domains: dict[str, tuple[str, ...]],
    org_names: dict[str, str],
    rng: Random,
) -> list[Ktp]:
    """Past KTPs: an eligible company in the right clinical domain, the supervisor's
    university as knowledge base."""
    uni_by_name = {u.name: u for u in universities}
    ktps = []
    for number, (spec, supervisor) in enumerate(zip(KTP_SPECS, chosen, strict=True), start=1):
        fits = [c for c in companies if c.fte >= 2 and spec.business_domain in domains[c.id]]
        business = rng.choice(fits)
        university = uni_by_name[org_names[supervisor.member.organisation_id]]
        ktps.append(
            Ktp(
                f"ktp-{number:02d}",
                spec.title,
                business.id,
                university.id,
                supervisor.member.id,
                spec.start_year,
                spec.status,
            )
        )
    return ktps


def build_conflicts(
    profiles: Sequence[Profile], outputs: Sequence[Output], partners: Sequence[Partner], rng: Random
) -> list[Conflict]:
    """Member-member conflicts between co-authors and between colleagues, and member-partner
    conflicts between industry or academic members and companies."""
    found = _coauthor_conflicts(outputs, rng) + _colleague_conflicts(profiles, rng)
    companies = [p for p in partners if p.kind is PartnerKind.COMPANY]
    advisers = [p for p in profiles if p.sector in (Sector.INDUSTRY, Sector.ACADEMIA)]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < PARTNER_CONFLICTS:
        pairs.add((rng.choice(advisers).member.id, rng.choice(companies).id))
    found += [Conflict(m, p, rng.choice(PARTNER_CONFLICT_REASONS)) for m, p in sorted(pairs)]
    return found


def _coauthor_conflicts(outputs: Sequence[Output], rng: Random) -> list[Conflict]:
    pairs = sorted({o.authors[:2] for o in outputs if len(o.authors) >= 2})
    reasons = MEMBER_CONFLICT_REASONS[2:5]
    return [Conflict(a, b, rng.choice(reasons)) for a, b in rng.sample(pairs, COAUTHOR_CONFLICTS)]


def _colleague_conflicts(profiles: Sequence[Profile], rng: Random) -> list[Conflict]:
    by_org: dict[str, list[str]] = {}
    for p in profiles:
        by_org.setdefault(p.member.organisation_id, []).append(p.member.id)
    crowded = sorted(org for org, ids in by_org.items() if len(ids) >= 2)
    reasons = (*MEMBER_CONFLICT_REASONS[:2], MEMBER_CONFLICT_REASONS[5])
    conflicts = []
    for org in rng.sample(crowded, COLLEAGUE_CONFLICTS):
        a, b = rng.sample(by_org[org], 2)
        conflicts.append(Conflict(a, b, rng.choice(reasons)))
    return conflicts


def _submitter(
    spec: IdeaSpec, profiles: Sequence[Profile], used: set[str], relevance: Relevance, rng: Random
) -> Profile:
    words = words_of(f"{spec.title} {spec.summary}")
    pool = [
        p
        for p in profiles
        if p.member.discipline == spec.discipline
        and p.member.open_to_matching
        and p.member.visible_to_members
        and p.member.id not in used
    ]
    return max(pool, key=lambda p: relevance.score(words, p) + rng.random())


def _created(call: Call | None, rng: Random) -> str:
    start = dt.date.fromisoformat(call.opens) if call else dt.date(2025, 5, 1)
    end = dt.date.fromisoformat(call.closes) if call else dt.date(2025, 9, 30)
    end = min(end, dt.date(2025, 11, 20))
    return (start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))).isoformat()
