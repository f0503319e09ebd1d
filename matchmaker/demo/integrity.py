"""Checks that a dataset hangs together: unique ids, and every reference resolves."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from matchmaker.demo.dataset import DemoDataset
from matchmaker.domain.model import REGIONS


def problems(data: DemoDataset) -> list[str]:
    """Every broken reference, duplicate id or unknown region, as readable lines."""
    return list(_duplicates(data)) + list(_references(data)) + list(_regions(data))


def _duplicates(data: DemoDataset) -> Iterator[str]:
    kinds = ("themes", "organisations", "members", "groups", "networks", "partners", "calls")
    for kind in (*kinds, "ideas", "outputs", "ktps"):
        counts = Counter(r.id for r in getattr(data, kind))
        yield from (f"{kind}: duplicate id {i}" for i, n in counts.items() if n > 1)
    pairs = Counter((m.member_id, m.group_id) for m in data.memberships)
    yield from (f"memberships: duplicate {p}" for p, n in pairs.items() if n > 1)


def _references(data: DemoDataset) -> Iterator[str]:
    members = {m.id for m in data.members}
    themes = {t.id for t in data.themes}
    partners = {p.id for p in data.partners}
    yield from _missing(
        "member organisation",
        (m.organisation_id for m in data.members),
        {o.id for o in data.organisations},
    )
    yield from _missing("membership member", (m.member_id for m in data.memberships), members)
    yield from _missing(
        "membership group", (m.group_id for m in data.memberships), {g.id for g in data.groups}
    )
    yield from _missing("idea author", (i.submitted_by for i in data.ideas), members)
    yield from _missing(
        "idea call", (i.call_id for i in data.ideas if i.call_id), {c.id for c in data.calls}
    )
    yield from _missing("output author", (a for o in data.outputs for a in o.authors), members)
    yield from _missing("conflict member", (c.member_id for c in data.conflicts), members)
    yield from _missing("conflict other", (c.other_id for c in data.conflicts), members | partners)
    yield from _missing(
        "ktp partner",
        (x for k in data.ktps for x in (k.business_partner_id, k.knowledge_base_partner_id)),
        partners,
    )
    yield from _missing("ktp supervisor", (k.supervisor_id for k in data.ktps), members)
    yield from _missing(
        "partner network",
        (n for p in data.partners for n in p.networks),
        {n.id for n in data.networks},
    )
    tagged = [r.themes for r in data.groups] + [r.themes for r in data.calls]
    tagged += [r.themes for r in data.ideas]
    yield from _missing("theme", (t for ts in tagged for t in ts), themes)


def _regions(data: DemoDataset) -> Iterator[str]:
    placed = [r.region for r in data.organisations] + [r.region for r in data.members]
    placed += [r.region for r in data.partners]
    yield from _missing("region", placed, set(REGIONS))


def _missing(what: str, ids: Iterable[str], known: set[str]) -> Iterator[str]:
    for missing in sorted(set(ids) - known):
        yield f"{what}: unknown id {missing!r}"
