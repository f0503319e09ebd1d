"""A synthetic dataset of any size up to about 100,000 members, grown from the demo dataset.

`generate(members, seed)` is pure and deterministic for a seed: organisations, members,
outputs, groups, memberships, partners, calls, ideas, conflicts and KTPs are drawn with one
seeded generator; names are the demo's pseudonyms and all text is recombined from the
committed demo dataset, so no real name can appear. Counts scale with the membership (for
example one Task-and-Finish group per 150 members, one partner per 10); the demo's own themes
and networks are kept as they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from random import Random

from matchmaker.demo.dataset import DEMO_DIR, DemoDataset, load_dataset
from matchmaker.demo.scale import links
from matchmaker.demo.scale.groups import groups_for, memberships_for, with_capacity
from matchmaker.demo.scale.outputs import outputs_for
from matchmaker.demo.scale.texts import TextPool
from matchmaker.domain.model import Member, Organisation, Sector

MAX_MEMBERS = 100_000
MEMBERS_PER_ORGANISATION = 28
EMAIL_DOMAIN = "example.org"


class GeneratorError(ValueError):
    """The requested size is outside what the generator supports."""


def generate(members: int, seed: int, base: DemoDataset | None = None) -> DemoDataset:
    """A dataset of `members` members, the same for the same seed and base.

    `base` defaults to the committed demo dataset. Raises GeneratorError when `members` is
    not between 1 and MAX_MEMBERS."""
    if not 1 <= members <= MAX_MEMBERS:
        raise GeneratorError(f"members must be between 1 and {MAX_MEMBERS}, not {members}")
    base = base if base is not None else load_dataset(DEMO_DIR)
    rng, pool = Random(seed), TextPool(base)
    organisations = _organisations(base.organisations, members, rng)
    people = _members(base, organisations, members, pool, rng)
    groups = groups_for(base.groups, members, rng)
    placed = memberships_for(groups, people, rng)
    active = {g.id for g in groups if g.status == "active"}
    people = with_capacity(people, placed, active, rng)
    partners = links.partners_for(base, members, rng)
    calls = links.calls_for(base, members)
    academic = {o.id for o in organisations if o.sector is Sector.ACADEMIA}
    return DemoDataset(
        themes=base.themes,
        organisations=tuple(organisations),
        members=tuple(people),
        groups=tuple(groups),
        memberships=tuple(placed),
        networks=base.networks,
        partners=tuple(partners),
        calls=tuple(calls),
        ideas=tuple(links.ideas_for(base, people, calls, rng)),
        outputs=tuple(outputs_for(people, pool, rng)),
        conflicts=tuple(links.conflicts_for(people, partners, rng)),
        ktps=tuple(links.ktps_for(people, partners, academic, rng)),
    )


def _organisations(base: Sequence[Organisation], members: int, rng: Random) -> list[Organisation]:
    extra = max(0, members // MEMBERS_PER_ORGANISATION - len(base))
    found = list(base)
    for k in range(1, extra + 1):
        model = rng.choice(base)
        name = f"Synthetic {model.sector.value} organisation {k} ({model.town or model.region})"
        found.append(replace(model, id=f"org-syn-{k:05d}", name=name))
    return found


def _members(
    base: DemoDataset,
    organisations: Sequence[Organisation],
    count: int,
    pool: TextPool,
    rng: Random,
) -> list[Member]:
    """Members modelled on random demo members: same discipline, stage and sector, another
    demo pseudonym, an employer of that sector, fresh consent flags and a recombined statement."""
    by_sector: dict[Sector, list[Organisation]] = defaultdict(list)
    for org in organisations:
        by_sector[org.sector].append(org)
    sector_of = {o.id: o.sector for o in base.organisations}
    names = [m.name for m in base.members]
    found = []
    for i in range(1, count + 1):
        model = rng.choice(base.members)
        org = rng.choice(by_sector[sector_of[model.organisation_id]])
        name = rng.choice(names)
        hidden = rng.random() < 0.02
        found.append(
            replace(
                model,
                id=f"m{i:06d}",
                name=name,
                email=f"{_local(name)}.{i}@{EMAIL_DOMAIN}",
                region=org.region,
                organisation_id=org.id,
                availability_hours=rng.choice((2, 4, 4, 6, 8, 8, 10, 12, 16)),
                open_to_matching=rng.random() >= 0.08,
                visible_to_members=not hidden,
                visible_to_partners=not hidden and rng.random() < 0.41,
                expertise_statement=pool.statement(model.discipline, rng),
            )
        )
    return found


def _local(name: str) -> str:
    return ".".join("".join(c for c in part if c.isalpha()) for part in name.lower().split())
