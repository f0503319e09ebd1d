"""The committed demo dataset: big enough, consistent, believable, and free of real names."""

from __future__ import annotations

import dataclasses
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import pytest

from matchmaker.demo import integrity
from matchmaker.demo.dataset import DEMO_DIR, KINDS, DemoDataset, kind_path, load_dataset
from matchmaker.domain.model import (
    REGIONS,
    CareerStage,
    GroupKind,
    PartnerKind,
    Sector,
    ThemeKind,
)

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
MINIMUMS = {"members": 1000, "partners": 150, "groups": 30, "calls": 3, "ideas": 50}


@pytest.fixture(scope="module")
def demo() -> DemoDataset:
    return load_dataset(DEMO_DIR)


def test_the_dataset_lives_in_the_repository() -> None:
    assert DEMO_DIR == REPO / "data" / "demo"
    assert (DEMO_DIR / "NOTICE.md").is_file()


@pytest.mark.parametrize(("kind", "minimum"), sorted(MINIMUMS.items()))
def test_sizes_reach_the_minimums(demo: DemoDataset, kind: str, minimum: int) -> None:
    assert len(getattr(demo, kind)) >= minimum


def test_every_kind_is_present(demo: DemoDataset) -> None:
    assert all(count > 0 for count in demo.sizes().values())


def test_files_are_compact() -> None:
    total = sum(kind_path(DEMO_DIR, kind).stat().st_size for kind in KINDS)
    assert total < 4 * 1024 * 1024


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_lines_have_exactly_the_field_names(kind: str) -> None:
    fields = [f.name for f in dataclasses.fields(KINDS[kind])]
    with gzip.open(kind_path(DEMO_DIR, kind), "rt", encoding="utf-8") as lines:
        keys = {tuple(json.loads(line)) for line in lines}
    assert keys == {tuple(fields)}


def test_references_resolve_and_ids_are_unique(demo: DemoDataset) -> None:
    assert integrity.problems(demo) == []


def test_members_point_at_known_organisations_and_groups(demo: DemoDataset) -> None:
    organisations = {o.id for o in demo.organisations}
    members = {m.id for m in demo.members}
    assert {m.organisation_id for m in demo.members} <= organisations
    assert {m.member_id for m in demo.memberships} <= members
    assert {m.group_id for m in demo.memberships} <= {g.id for g in demo.groups}
    assert {a for o in demo.outputs for a in o.authors} <= members
    assert {i.submitted_by for i in demo.ideas} <= members
    assert {i.call_id for i in demo.ideas} - {""} <= {c.id for c in demo.calls}


def test_conflicts_and_ktps_resolve(demo: DemoDataset) -> None:
    members, partners = {m.id for m in demo.members}, {p.id for p in demo.partners}
    assert {c.member_id for c in demo.conflicts} <= members
    assert {c.other_id for c in demo.conflicts} <= members | partners
    assert len(demo.conflicts) >= 25
    assert any(c.other_id in partners for c in demo.conflicts)
    for ktp in demo.ktps:
        assert ktp.business_partner_id in partners
        assert ktp.knowledge_base_partner_id in partners
        assert ktp.supervisor_id in members


ENUM_FIELDS: dict[str, dict[str, type[Enum]]] = {
    "members": {"career_stage": CareerStage},
    "organisations": {"sector": Sector},
    "groups": {"kind": GroupKind},
    "partners": {"kind": PartnerKind, "sector": Sector},
    "themes": {"kind": ThemeKind},
}


@pytest.mark.parametrize("kind", sorted(ENUM_FIELDS))
def test_enum_fields_hold_valid_values(kind: str) -> None:
    with gzip.open(kind_path(DEMO_DIR, kind), "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    for field, enum in ENUM_FIELDS[kind].items():
        assert {row[field] for row in rows} <= {e.value for e in enum}, field


def test_every_region_and_career_stage_is_present(demo: DemoDataset) -> None:
    assert {m.region for m in demo.members} == set(REGIONS)
    assert {m.career_stage for m in demo.members} == set(CareerStage)
    assert {o.region for o in demo.organisations} <= set(REGIONS)
    assert {p.region for p in demo.partners} <= set(REGIONS)


def _shares(sectors: Iterator[Sector]) -> dict[Sector, float]:
    counts = Counter(sectors)
    total = sum(counts.values())
    return {s: counts[s] / total for s in (Sector.NHS, Sector.ACADEMIA, Sector.INDUSTRY)}


def test_sector_shares_are_about_55_35_10(demo: DemoDataset) -> None:
    sector = {o.id: o.sector for o in demo.organisations}
    for shares in (
        _shares(sector[m.organisation_id] for m in demo.members),
        _shares(o.sector for o in demo.organisations),
    ):
        assert shares[Sector.NHS] == pytest.approx(0.55, abs=0.06)
        assert shares[Sector.ACADEMIA] == pytest.approx(0.35, abs=0.06)
        assert shares[Sector.INDUSTRY] == pytest.approx(0.10, abs=0.04)


def test_members_are_in_the_region_of_their_employer(demo: DemoDataset) -> None:
    region = {o.id: o.region for o in demo.organisations}
    assert all(m.region == region[m.organisation_id] for m in demo.members)


def test_consent_flags_are_mixed(demo: DemoDataset) -> None:
    n = len(demo.members)
    closed = sum(not m.open_to_matching for m in demo.members) / n
    to_partners = sum(m.visible_to_partners for m in demo.members) / n
    hidden = sum(not m.visible_to_members for m in demo.members)
    assert 0.05 <= closed <= 0.11
    assert 0.33 <= to_partners <= 0.47
    assert 3 <= hidden <= 0.05 * n


def test_every_member_has_a_statement_evidence_and_an_email(demo: DemoDataset) -> None:
    authors = {a for o in demo.outputs for a in o.authors}
    emails = [m.email for m in demo.members]
    assert all(m.expertise_statement and m.discipline for m in demo.members)
    assert all(m.id in authors for m in demo.members)
    assert len(set(emails)) == len(emails)
    assert all(e.endswith("@example.org") for e in emails)
    assert all(re.fullmatch(r"m\d{4}", m.id) for m in demo.members)


def test_outputs_keep_their_provenance(demo: DemoDataset) -> None:
    papers = [o for o in demo.outputs if o.kind == "paper"]
    assert all(re.match(r"(midl20\d\d|arxiv|openalex)-", o.id) for o in papers)
    assert all(o.source and o.licence and o.title and o.year for o in demo.outputs)
    assert any(len(o.authors) >= 2 for o in papers), "co-authorship gives collaboration edges"
    assert any(not o.abstract for o in papers), "PMB titles come without abstracts"


def test_specialists_have_hand_written_reports_and_projects(demo: DemoDataset) -> None:
    written = [o for o in demo.outputs if o.kind in ("report", "project")]
    authors = {a for o in written for a in o.authors}
    disciplines = Counter(m.discipline for m in demo.members if m.id in authors)
    assert len(authors) >= 30
    assert disciplines["Rehabilitation engineering"] >= 8
    assert disciplines["Clinical engineering"] >= 8


def test_groups_cover_sigs_cois_steric_and_task_groups(demo: DemoDataset) -> None:
    kinds = Counter(g.kind for g in demo.groups)
    assert kinds[GroupKind.SIG] >= 11
    assert kinds[GroupKind.COI] >= 3
    assert kinds[GroupKind.TASK_GROUP] >= 3
    assert [g.id for g in demo.groups if g.kind is GroupKind.COMMITTEE] == ["steric"]
    sizes = Counter(m.group_id for m in demo.memberships)
    assert 10 <= sizes["steric"] <= 14


def test_task_groups_have_four_to_eight_members_and_a_chair(demo: DemoDataset) -> None:
    for group in (g for g in demo.groups if g.kind is GroupKind.TASK_GROUP):
        roles = [m.role for m in demo.memberships if m.group_id == group.id]
        assert 4 <= len(roles) <= 8, group.id
        assert roles.count("chair") == 1, group.id


def test_a_few_members_are_overloaded(demo: DemoDataset) -> None:
    load = Counter(m.member_id for m in demo.memberships)
    overloaded = [m for m in demo.members if load[m.id] >= m.max_groups]
    assert 3 <= len(overloaded) <= 0.05 * len(demo.members)


def test_partners_include_every_kind_and_some_small_companies(demo: DemoDataset) -> None:
    kinds = Counter(p.kind for p in demo.partners)
    assert kinds[PartnerKind.COMPANY] >= 120
    assert kinds[PartnerKind.UNIVERSITY] >= 5
    assert kinds[PartnerKind.NHS_TRUST] >= 5
    assert kinds[PartnerKind.CHARITY] >= 3
    assert any(p.fte < 2 for p in demo.partners if p.kind is PartnerKind.COMPANY)
    assert all(p.networks for p in demo.partners if p.kind is PartnerKind.COMPANY)


def test_themes_calls_and_ideas_tell_the_strategy(demo: DemoDataset) -> None:
    assert {t.id for t in demo.themes} == {
        "climate", "workforce", "safety", "alignment", "digitisation", "personalised"
    }  # fmt: skip
    challenges = {"climate", "workforce", "safety"}
    assert challenges <= {t for c in demo.calls for t in c.themes}
    for idea in demo.ideas:
        assert 3 <= len(idea.required_skills) <= 5
        assert idea.themes
        assert idea.title
        assert idea.summary


# Real names: every author in the corpus, compared with whole member names and with every run of
# words in every text field of the dataset.

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _corpus_names() -> set[str]:
    if not CORPUS.is_dir():
        pytest.skip(f"the source corpus is not at {CORPUS}; the real-name check needs it")
    names: set[str] = set()
    for file in ("papers.jsonl", "pmb_titles.jsonl"):
        with (CORPUS / file).open(encoding="utf-8") as lines:
            names.update(_key(a) for line in lines for a in json.loads(line)["authors"])
    return names


def _texts(demo: DemoDataset) -> Iterator[tuple[str, str]]:
    for kind in KINDS:
        for record in getattr(demo, kind):
            for field in dataclasses.fields(record):
                value = getattr(record, field.name)
                values = value if isinstance(value, tuple) else (value,)
                yield from ((kind, v) for v in values if isinstance(v, str))


def test_no_member_has_a_real_name(demo: DemoDataset) -> None:
    real = _corpus_names()
    assert [m.name for m in demo.members if _key(m.name) in real] == []


def test_no_real_full_name_appears_in_any_text(demo: DemoDataset) -> None:
    real = {n for n in _corpus_names() if len(n.split()) >= 2}
    lengths = sorted({len(n.split()) for n in real})
    leaks = []
    for kind, text in _texts(demo):
        words = _key(text).split()
        for size in lengths:
            grams = {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}
            leaks += [(kind, name) for name in grams & real]
    assert leaks == []
