"""Members and their outputs, from chosen corpus authors and the hand-written specialists.

Member ids follow a hash of each person's key, so sources are mixed through the id range.
Roles, employers, regions and career stages are invented; only pseudonyms are written out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from random import Random

from matchmaker.demo.content import disciplines as d
from matchmaker.demo.derive.corpus import Doc
from matchmaker.demo.derive.handwritten import Specialist, WrittenOutput
from matchmaker.demo.derive.organisations import OrganisationPicker
from matchmaker.demo.derive.people import Person, pseudonym, stable_order
from matchmaker.demo.derive.statements import compose, topics_of
from matchmaker.demo.derive.words import words_of
from matchmaker.demo.privacy import NameIndex, name_key
from matchmaker.domain.model import CareerStage, Member, Organisation, Output, Sector

THIS_YEAR = 2025
EMAIL_DOMAIN = "example.org"
WRITTEN_SOURCE = "Written for the IPEM matchmaker demo"
WRITTEN_LICENCE = "MIT (demo text)"
# Sector shares by where a person's evidence comes from; together about 55/35/10.
_PAPER_SECTORS = {Sector.ACADEMIA: 0.6, Sector.NHS: 0.28, Sector.INDUSTRY: 0.12}
_PMB_SECTORS = {Sector.NHS: 0.8, Sector.ACADEMIA: 0.12, Sector.INDUSTRY: 0.08}
_HOURS = (2, 4, 4, 6, 8, 8, 10, 12, 16)


@dataclass(frozen=True)
class Profile:
    """A member with what later steps need to place them: where their evidence came from,
    its corpus subdomains, the words of their texts, and any CoIs chosen by hand."""

    key: str
    member: Member
    origin: str  # "corpus" | "specialist"
    sector: Sector
    subdomains: tuple[str, ...]
    words: frozenset[str]
    cois: tuple[str, ...] = ()


def member_ids(keys: Sequence[str]) -> dict[str, str]:
    """Ids m0001, m0002, ... in a stable mixed order of the keys."""
    ordered = sorted(keys, key=stable_order)
    return {key: f"m{i:04d}" for i, key in enumerate(ordered, start=1)}


def corpus_profile(
    person: Person,
    mid: str,
    picker: OrganisationPicker,
    names: NameIndex,
    taken: set[str],
    rng: Random,
) -> Profile:
    """The member for a corpus author: discipline from their subdomains, sector by source."""
    subdomains = tuple(s for doc in person.docs for s in doc.subdomains)
    discipline = _discipline(subdomains)
    shares = _PAPER_SECTORS if person.papers else _PMB_SECTORS
    sector = rng.choices(list(shares), list(shares.values()))[0]
    org = picker.pick(sector, discipline, rng)
    stage = _stage(person.first_year, sector, rng)
    topics = topics_of(f"{doc.title} {doc.abstract}" for doc in person.docs)
    statement = compose(discipline, stage, sector, topics, rng)
    member = _member(
        mid, pseudonym(person.key, taken, names), discipline, stage, org, statement, rng
    )
    titles = " ".join(doc.title for doc in person.docs)
    words = _words(f"{statement} {titles}")
    return Profile(person.key, member, "corpus", sector, subdomains, words)


def specialist_profile(
    spec: Specialist,
    evidence: str,
    mid: str,
    picker: OrganisationPicker,
    names: NameIndex,
    taken: set[str],
    rng: Random,
) -> Profile:
    """The member for a hand-written specialist, always open to matching."""
    org = picker.pick(spec.sector, spec.discipline, rng, spec.region)
    name = pseudonym(f"specialist:{spec.key}", taken, names)
    member = _member(mid, name, spec.discipline, spec.stage, org, spec.statement, rng)
    member = replace(member, open_to_matching=True, visible_to_members=True)
    words = _words(f"{spec.statement} {evidence}")
    return Profile(spec.key, member, "specialist", spec.sector, (), words, spec.cois)


def corpus_outputs(people: Sequence[Person], ids: dict[str, str]) -> list[Output]:
    """One output per document that evidences a member, with every member among its authors."""
    docs = {doc.id: doc for person in people for doc in person.docs}
    return [_corpus_output(doc, ids) for doc in sorted(docs.values(), key=lambda d: d.id)]


def _corpus_output(doc: Doc, ids: dict[str, str]) -> Output:
    keys = (name_key(a) for a in doc.authors)
    authors = tuple(dict.fromkeys(ids[k] for k in keys if k in ids))
    source = f"{doc.source}; {doc.url}" if doc.url else doc.source
    return Output(
        doc.id, doc.title, doc.abstract, doc.year, "paper", authors, source, _licence(doc.id)
    )


def written_outputs(written: Sequence[WrittenOutput], ids: dict[str, str]) -> list[Output]:
    """The hand-written reports and projects, with their authors' member ids."""
    return [
        Output(
            w.id,
            w.title,
            w.abstract,
            w.year,
            w.kind,
            tuple(ids[a] for a in w.authors),
            WRITTEN_SOURCE,
            WRITTEN_LICENCE,
        )
        for w in written
    ]


def email_for(name: str) -> str:
    """first.last@example.org, from the pseudonym."""
    local = ".".join(re.sub(r"[^a-z]", "", part.lower()) for part in name.split())
    return f"{local}@{EMAIL_DOMAIN}"


def _member(
    mid: str,
    name: str,
    discipline: str,
    stage: CareerStage,
    org: Organisation,
    statement: str,
    rng: Random,
) -> Member:
    hidden = rng.random() < 0.02
    return Member(
        id=mid,
        name=name,
        email=email_for(name),
        discipline=discipline,
        career_stage=stage,
        region=org.region,
        organisation_id=org.id,
        availability_hours=rng.choice(_HOURS),
        max_groups=2,
        open_to_matching=rng.random() >= 0.08,
        visible_to_members=not hidden,
        visible_to_partners=not hidden and rng.random() < 0.41,
        expertise_statement=statement,
    )


def _discipline(subdomains: Sequence[str]) -> str:
    weights: dict[str, float] = defaultdict(float)
    for sub in subdomains:
        if sub in d.DISCIPLINE_BY_SUBDOMAIN:
            weights[d.DISCIPLINE_BY_SUBDOMAIN[sub]] += d.SUBDOMAIN_WEIGHTS.get(sub, 1.0)
    if not weights:
        return d.COMPUTING
    return max(d.DISCIPLINES, key=lambda disc: (weights[disc], -d.DISCIPLINES.index(disc)))


def _stage(first_year: int, sector: Sector, rng: Random) -> CareerStage:
    span = THIS_YEAR - first_year
    roll = rng.random()
    if span <= 1:
        stage = CareerStage.TRAINEE if roll < 0.55 else CareerStage.EARLY
    elif span <= 3:
        stage = CareerStage.EARLY if roll < 0.7 else CareerStage.TRAINEE
    elif span <= 8:
        stage = CareerStage.MID if roll < 0.65 else CareerStage.EARLY
    elif span <= 15:
        stage = CareerStage.SENIOR if roll < 0.5 else CareerStage.MID
    else:
        stage = CareerStage.SENIOR
    if stage is CareerStage.SENIOR and sector is Sector.NHS and rng.random() < 0.5:
        return CareerStage.CONSULTANT
    return stage


def _licence(doc_id: str) -> str:
    if doc_id.startswith("midl"):
        return "CC BY-SA 4.0 (MIDL; text by the paper's authors)"
    if doc_id.startswith("arxiv"):
        return "CC0 1.0 (arXiv metadata)"
    return "CC0 1.0 (OpenAlex)"


def _words(text: str) -> frozenset[str]:
    return frozenset(words_of(text))
