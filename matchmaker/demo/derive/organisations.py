"""Organisations that employ members: NHS bodies, universities and invented companies."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from random import Random

from matchmaker.demo.content import places
from matchmaker.demo.derive.corpus import Trust
from matchmaker.demo.derive.people import stable_order
from matchmaker.domain.model import Organisation, Sector

ENGLISH_TRUSTS = 88  # with the bodies in the devolved nations, about 55% of organisations
_SMALL_WORDS = ("And", "Of", "On", "For", "Upon", "Under")
_MAJOR = ("University", "Teaching", "Christie", "Clatterbridge", "Marsden", "Velindre")


def region_of_postcode(postcode: str) -> str:
    """The UK nation or English region of a postcode; raises KeyError for an unknown area."""
    district = postcode.split()[0].upper()
    if district in places.REGION_BY_POSTCODE_DISTRICT:
        return places.REGION_BY_POSTCODE_DISTRICT[district]
    area = re.match(r"[A-Z]+", district)
    return places.REGION_BY_POSTCODE_AREA[area.group() if area else district]


def tidy_trust_name(name: str) -> str:
    """ODS names are in title case throughout: "Guy'S And St Thomas'" -> "Guy's and St Thomas'"."""
    name = name.replace("'S ", "'s ").replace("'S,", "'s,")
    for word in _SMALL_WORDS:
        name = name.replace(f" {word} ", f" {word.lower()} ")
    return name


def build_organisations(trusts: Sequence[Trust]) -> tuple[Organisation, ...]:
    """Acute English trusts chosen across every region, the devolved NHS bodies,
    the universities and the invented companies."""
    nhs = [_trust_org(t) for t in _chosen_trusts(trusts)]
    nhs += [Organisation(_slug("org", n), n, Sector.NHS, r, t) for n, t, r in places.DEVOLVED_NHS]
    uni = [
        Organisation(_slug("org", n), n, Sector.ACADEMIA, r, t) for n, t, r in places.UNIVERSITIES
    ]
    com = [
        Organisation(_slug("org", n), n, Sector.INDUSTRY, r, t) for n, t, r, _ in places.COMPANIES
    ]
    return tuple(nhs + uni + com)


class OrganisationPicker:
    """Picks an employer for a sector, spreading members over regions by population; a
    company is picked among those that hire the member's discipline."""

    def __init__(self, organisations: Sequence[Organisation]) -> None:
        self._organisations = tuple(organisations)
        self._hires = {_slug("org", c[0]): c[3] for c in places.COMPANIES}

    def pick(self, sector: Sector, discipline: str, rng: Random, region: str = "") -> Organisation:
        """An organisation of the sector, in `region` when given; raises KeyError if none."""
        fits = [
            o for o in self._organisations if o.sector is sector and self._hires_for(o, discipline)
        ]
        fits = fits or [o for o in self._organisations if o.sector is sector]
        if region:
            fits = [o for o in fits if o.region == region] or [
                o for o in self._organisations if o.sector is sector and o.region == region
            ]
        if not fits:
            raise KeyError(f"no {sector} organisation in {region or 'any region'}")
        return rng.choices(fits, [self._weight(o, fits) for o in fits])[0]

    def _hires_for(self, org: Organisation, discipline: str) -> bool:
        return org.id not in self._hires or discipline in self._hires[org.id]

    def _weight(self, org: Organisation, fits: Sequence[Organisation]) -> float:
        # A region's share of members follows its population, whatever its count of employers.
        in_region = sum(_size(o) for o in fits if o.region == org.region)
        return places.REGION_WEIGHTS[org.region] * _size(org) / in_region


def _size(org: Organisation) -> float:
    return 3.0 if any(w in org.name for w in _MAJOR) else 1.0


def _chosen_trusts(trusts: Sequence[Trust]) -> list[Trust]:
    acute = [t for t in trusts if _is_acute(t)]
    by_region: dict[str, list[Trust]] = defaultdict(list)
    for trust in sorted(acute, key=lambda t: stable_order(t.ods_code)):
        by_region[region_of_postcode(trust.postcode)].append(trust)
    share = ENGLISH_TRUSTS / len(acute)
    chosen = [t for ts in by_region.values() for t in ts[: max(2, round(len(ts) * share))]]
    return sorted(chosen, key=lambda t: t.ods_code)


def _is_acute(trust: Trust) -> bool:
    return trust.ods_code not in places.NON_ACUTE_ODS and not any(
        word in trust.name for word in places.NON_ACUTE_WORDS
    )


def _trust_org(trust: Trust) -> Organisation:
    region = region_of_postcode(trust.postcode)
    town = trust.town.title() if trust.town else ""
    return Organisation(
        f"org-{trust.ods_code.lower()}", tidy_trust_name(trust.name), Sector.NHS, region, town
    )


def _slug(prefix: str, name: str) -> str:
    return prefix + "-" + "-".join(re.findall(r"[a-z0-9]+", name.lower()))
