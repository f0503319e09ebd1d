"""External partners: FDA AI device companies, universities, NHS trusts, charities and public
bodies, each placed in the knowledge transfer networks that fit its work."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from random import Random

from matchmaker.demo.content import places
from matchmaker.demo.content.disciplines import in_text
from matchmaker.demo.content.partners import OTHER_PARTNERS
from matchmaker.demo.derive.corpus import Company
from matchmaker.demo.derive.people import stable_order
from matchmaker.demo.privacy import NameIndex
from matchmaker.domain.model import Member, Organisation, Partner, PartnerKind, Sector

LARGEST_COMPANIES = 55
OTHER_COMPANIES = 70
_SUFFIX = re.compile(
    r"\b(inc|incorporated|ltd|limited|llc|corp|corporation|gmbh|co|s\.?a|ag|ab|bv|plc|pte)\b\.?"
)
_NETWORKS_BY_DOMAIN: dict[str, tuple[str, ...]] = {
    "radiology": ("ktn-digital-health", "ktn-sensing"),
    "cardiovascular": ("ktn-medtech", "ktn-digital-health"),
    "neurology": ("ktn-digital-health", "ktn-healthy-ageing"),
    "orthopedic": ("ktn-manufacturing", "ktn-medtech"),
    "dental": ("ktn-medtech", "ktn-manufacturing"),
}


def company_partners(companies: Sequence[Company], names: NameIndex, rng: Random) -> list[Partner]:
    """The largest companies by device count, then a stable sample of the smaller ones."""
    unique = _unique(c for c in companies if _usable(c, names))
    unique.sort(key=lambda c: (-c.n_devices, c.name))
    large, rest = unique[:LARGEST_COMPANIES], unique[LARGEST_COMPANIES:]
    rest.sort(key=lambda c: stable_order(c.name))
    chosen = large + rest[:OTHER_COMPANIES]
    found = [_company_partner(c, rng) for c in sorted(chosen, key=lambda c: c.name)]
    ids = Counter(p.id for p in found)
    return [p if ids[p.id] == 1 else replace(p, id=f"{p.id}-{i}") for i, p in enumerate(found)]


def body_partners(
    organisations: Sequence[Organisation],
    members: Sequence[Member],
    wanted: set[str],
    count: int,
    rng: Random,
) -> list[Partner]:
    """Universities or NHS bodies as partners: the `wanted` organisations plus the ones with
    most members, up to `count`; each described by its members' disciplines."""
    staff = Counter(m.organisation_id for m in members)
    ranked = sorted(organisations, key=lambda o: (o.id not in wanted, -staff[o.id], o.id))
    return [_body_partner(o, members, rng) for o in ranked[:count]]


def company_domains(
    found: Sequence[Partner], companies: Sequence[Company]
) -> dict[str, tuple[str, ...]]:
    """Each company partner's clinical domains, by partner id."""
    by_name = {c.name: c.domains for c in companies}
    return {p.id: by_name[p.name] for p in found if p.name in by_name}


def other_partners() -> list[Partner]:
    """Charities and public bodies."""
    return [
        Partner(_pid(name), name, kind, sector, region, text, 0, networks)
        for name, kind, sector, region, text, networks in OTHER_PARTNERS
    ]


def _usable(company: Company, names: NameIndex) -> bool:
    return company.name != "Not stated" and not names.mentions(f"{company.name} {company.profile}")


def _unique(companies: Iterable[Company]) -> list[Company]:
    seen: dict[str, Company] = {}
    for company in companies:
        key = _SUFFIX.sub("", company.name.lower()).strip(" ,.")
        if key not in seen or company.n_devices > seen[key].n_devices:
            seen[key] = company
    return list(seen.values())


def _company_partner(company: Company, rng: Random) -> Partner:
    domains = ", ".join(x.replace("_", " ") for x in company.domains[:3])
    devices = "device" if company.n_devices == 1 else "devices"
    text = f"Maker of {company.n_devices} FDA-authorised AI {devices} ({domains}). "
    return Partner(
        id=_pid(company.name),
        name=company.name,
        kind=PartnerKind.COMPANY,
        sector=Sector.INDUSTRY,
        region=_uk_base(rng),
        description=text + _shorten(company.profile, 600),
        fte=_fte(company.n_devices, rng),
        networks=_networks(company.domains, rng),
        visible=rng.random() >= 0.05,
    )


def _body_partner(org: Organisation, members: Sequence[Member], rng: Random) -> Partner:
    fields = Counter(m.discipline for m in members if m.organisation_id == org.id)
    strengths = [in_text(f) for f, _ in fields.most_common(3)] or ["medical physics"]
    if org.sector is Sector.ACADEMIA:
        kind, what = PartnerKind.UNIVERSITY, f"University in {org.town} with research in"
    else:
        kind, what = PartnerKind.NHS_TRUST, f"NHS body in {org.town} whose scientists work in"
    return Partner(
        id=_pid(org.name),
        name=org.name,
        kind=kind,
        sector=org.sector,
        region=org.region,
        description=f"{what} {', '.join(strengths)}.",
        fte=rng.choice((2500, 4000, 6500, 9000, 14000)),
        networks=tuple(sorted(rng.sample(("ktn-medtech", "ktn-digital-health", "ktn-sensing"), 2))),
    )


def _uk_base(rng: Random) -> str:
    weights = {
        r: 3.0 if r in ("London", "South East", "East of England") else 1.0
        for r in places.REGION_WEIGHTS
    }
    return rng.choices(list(weights), list(weights.values()))[0]


def _fte(n_devices: int, rng: Random) -> int:
    if n_devices >= 5:
        return rng.choice((350, 800, 2400, 6000, 15000))
    if n_devices >= 2:
        return rng.randint(15, 400)
    return rng.choice((1, 1, 2, 3, 4, 6, 9, 14, 22, 35, 60, 120))


def _networks(domains: Sequence[str], rng: Random) -> tuple[str, ...]:
    found = [n for dom in domains[:2] for n in _NETWORKS_BY_DOMAIN.get(dom, ("ktn-medtech",))]
    if rng.random() < 0.12:
        found.append("ktn-cyber")
    if rng.random() < 0.08:
        found.append("ktn-net-zero-health")
    return tuple(dict.fromkeys(found[:3]))


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("; "))
    return cut[: end + 1] if end > limit // 3 else cut.rsplit(" ", 1)[0] + "…"


def _pid(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", name.lower())
    while len(words) > 1 and len("-".join(words)) > 48:
        words.pop()
    return "p-" + "-".join(words)
