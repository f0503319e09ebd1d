"""Derive the committed demo dataset from the source corpus; run once by a developer:

    python -m matchmaker.demo.build --corpus ../shared/corpus --out data/demo

The result is deterministic: the same corpus gives byte-identical files.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path
from random import Random
from typing import Any

from matchmaker.demo import integrity
from matchmaker.demo.content.groups import COIS, SIGS, STERIC, TASK_GROUPS
from matchmaker.demo.content.strategy import CALLS, NETWORKS, THEMES
from matchmaker.demo.dataset import DemoDataset, write_dataset
from matchmaker.demo.derive import extras, memberships, partners
from matchmaker.demo.derive.corpus import Corpus, load_corpus
from matchmaker.demo.derive.handwritten import WrittenOutput, load_ideas, load_specialists
from matchmaker.demo.derive.members import (
    Profile,
    corpus_outputs,
    corpus_profile,
    member_ids,
    specialist_profile,
    written_outputs,
)
from matchmaker.demo.derive.notice import notice
from matchmaker.demo.derive.organisations import OrganisationPicker, build_organisations
from matchmaker.demo.derive.people import select_people
from matchmaker.demo.privacy import NameIndex, name_key
from matchmaker.domain.model import Organisation, Output, Sector

PAPER_AUTHORS = 660
PMB_AUTHORS = 800
UNIVERSITY_PARTNERS = 16
NHS_PARTNERS = 12


class BuildError(RuntimeError):
    """The derived dataset failed a check; nothing was written."""


def build(corpus: Corpus) -> DemoDataset:
    """The demo dataset for a corpus; raises BuildError when a check fails."""
    names = NameIndex(corpus.real_names())
    organisations = build_organisations(corpus.trusts)
    profiles, outputs = _people(corpus, names, organisations)
    groups = (*SIGS, *COIS, STERIC, *TASK_GROUPS)
    rng = Random("ipem-demo:groups")
    placed = memberships.standing_memberships(profiles, rng)
    placed += memberships.steric_memberships(profiles, rng)
    placed += memberships.task_group_memberships(TASK_GROUPS, profiles, rng)
    active = {g.id for g in groups if g.status == "active"}
    members = memberships.with_capacity([p.member for p in profiles], placed, active, rng)
    data = DemoDataset(
        themes=THEMES,
        organisations=organisations,
        members=tuple(members),
        groups=groups,
        memberships=tuple(placed),
        networks=NETWORKS,
        calls=CALLS,
        outputs=tuple(outputs),
        **_partnerships(corpus, names, profiles, organisations, outputs),
    )
    _check(data, corpus)
    return data


def _people(
    corpus: Corpus, names: NameIndex, organisations: Sequence[Organisation]
) -> tuple[list[Profile], list[Output]]:
    people = select_people(corpus, names, PAPER_AUTHORS, PMB_AUTHORS)
    specialists, written = load_specialists()
    ids = member_ids([p.key for p in people] + [s.key for s in specialists])
    picker, taken, rng = OrganisationPicker(organisations), set[str](), Random("ipem-demo:people")
    profiles = [corpus_profile(p, ids[p.key], picker, names, taken, rng) for p in people]
    evidence = {
        s.key: " ".join(w.title for w in written if s.key in w.authors) for s in specialists
    }
    profiles += [
        specialist_profile(s, evidence[s.key], ids[s.key], picker, names, taken, rng)
        for s in specialists
    ]
    profiles.sort(key=lambda p: p.member.id)
    return profiles, corpus_outputs(people, ids) + written_outputs(written, ids)


def _titles(written: Sequence[WrittenOutput], key: str) -> str:
    return " ".join(w.title for w in written if key in w.authors)


def _partnerships(
    corpus: Corpus,
    names: NameIndex,
    profiles: Sequence[Profile],
    organisations: Sequence[Organisation],
    outputs: Sequence[Output],
) -> dict[str, tuple[Any, ...]]:
    rng = Random("ipem-demo:partners")
    members = [p.member for p in profiles]
    supervisors = extras.supervisors(profiles, rng)
    companies = partners.company_partners(corpus.companies, names, rng)
    academic = [o for o in organisations if o.sector is Sector.ACADEMIA]
    nhs = [o for o in organisations if o.sector is Sector.NHS]
    wanted = {p.member.organisation_id for p in supervisors}
    unis = partners.body_partners(academic, members, wanted, UNIVERSITY_PARTNERS, rng)
    trusts = partners.body_partners(nhs, members, set(), NHS_PARTNERS, rng)
    everyone = [*companies, *unis, *trusts, *partners.other_partners()]
    domains = partners.company_domains(companies, corpus.companies)
    org_names = {o.id: o.name for o in organisations}
    return {
        "partners": tuple(everyone),
        "ktps": tuple(extras.build_ktps(supervisors, companies, unis, domains, org_names, rng)),
        "ideas": tuple(extras.build_ideas(load_ideas(), profiles, CALLS, rng)),
        "conflicts": tuple(extras.build_conflicts(profiles, outputs, everyone, rng)),
    }


def _check(data: DemoDataset, corpus: Corpus) -> None:
    found = integrity.problems(data) + list(_leaks(data, corpus))
    if found:
        raise BuildError("demo dataset failed its checks:\n" + "\n".join(found[:50]))


def _leaks(data: DemoDataset, corpus: Corpus) -> Iterator[str]:
    """Any real author name used as a member name, or written inside any text."""
    real = corpus.real_names()
    index, keys = NameIndex(real), {name_key(n) for n in real}
    for kind in data.sizes():
        for record in getattr(data, kind):
            for text in _texts(record):
                if index.mentions(text):
                    yield f"{kind}: real name in {text[:60]!r}"
    yield from (f"member {m.id} has a real name" for m in data.members if name_key(m.name) in keys)


def _texts(record: object) -> Iterator[str]:
    for field in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, field.name)
        if isinstance(value, str):
            yield value
        elif isinstance(value, tuple):
            yield from (v for v in value if isinstance(v, str))


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: read --corpus, write one file per kind and NOTICE.md into --out."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, required=True, help="the source corpus folder")
    parser.add_argument("--out", type=Path, required=True, help="where to write the dataset")
    args = parser.parse_args(argv)
    data = build(load_corpus(args.corpus))
    written = write_dataset(data, args.out)
    (args.out / "NOTICE.md").write_text(notice(data), encoding="utf-8")
    for kind, count in data.sizes().items():
        print(f"{kind:14} {count:6} records {written[kind] / 1024:8.1f} KiB")
    print(f"{'total':14} {'':6}         {sum(written.values()) / 1024:8.1f} KiB")


if __name__ == "__main__":
    main()
