"""The synthetic generator: sizes that scale, references that resolve, and determinism."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from matchmaker.demo import integrity
from matchmaker.demo.dataset import DEMO_DIR, DemoDataset, load_dataset
from matchmaker.demo.synthetic import GeneratorError, generate
from matchmaker.domain.model import REGIONS, CareerStage, GroupKind, Sector


@pytest.fixture(scope="module")
def base() -> DemoDataset:
    return load_dataset(DEMO_DIR)


@pytest.fixture(scope="module")
def synthetic(base: DemoDataset) -> DemoDataset:
    return generate(4000, seed=11, base=base)


def test_sizes_scale_with_the_membership(synthetic: DemoDataset) -> None:
    sizes = synthetic.sizes()
    assert sizes["members"] == 4000
    assert sizes["partners"] >= 400
    assert sizes["ideas"] >= 160
    assert sizes["conflicts"] >= 40
    assert sizes["ktps"] >= 10
    assert sizes["calls"] >= 3
    assert sizes["groups"] >= 30


def test_references_resolve_and_ids_are_unique(synthetic: DemoDataset) -> None:
    assert integrity.problems(synthetic) == []


def test_every_member_authors_one_to_five_outputs(synthetic: DemoDataset) -> None:
    authored = Counter(a for o in synthetic.outputs for a in o.authors)
    assert {m.id for m in synthetic.members} == set(authored)
    assert set(authored.values()) <= {1, 2, 3, 4, 5}
    assert any(len(o.authors) >= 2 for o in synthetic.outputs)


def test_text_is_drawn_from_the_demo_dataset(base: DemoDataset, synthetic: DemoDataset) -> None:
    ids = {o.id for o in base.outputs}
    for output in synthetic.outputs[:200]:
        assert output.title
        assert output.licence
        assert all(
            i in ids
            for i in output.source.removeprefix("synthetic, recombined from ").split(" and ")
        )
    assert all(m.expertise_statement for m in synthetic.members)


def test_names_are_the_demo_pseudonyms(base: DemoDataset, synthetic: DemoDataset) -> None:
    assert {m.name for m in synthetic.members} <= {m.name for m in base.members}
    assert len({m.email for m in synthetic.members}) == len(synthetic.members)


def test_members_cover_every_stage_and_region_with_the_usual_sectors(
    synthetic: DemoDataset,
) -> None:
    sector = {o.id: o.sector for o in synthetic.organisations}
    shares = Counter(sector[m.organisation_id] for m in synthetic.members)
    assert {m.career_stage for m in synthetic.members} == set(CareerStage)
    assert {m.region for m in synthetic.members} == set(REGIONS)
    assert shares[Sector.NHS] / 4000 == pytest.approx(0.55, abs=0.06)
    assert shares[Sector.ACADEMIA] / 4000 == pytest.approx(0.35, abs=0.06)


def test_task_groups_have_a_chair(synthetic: DemoDataset) -> None:
    task_groups = {g.id for g in synthetic.groups if g.kind is GroupKind.TASK_GROUP}
    chairs = Counter(m.group_id for m in synthetic.memberships if m.role == "chair")
    assert all(chairs[g] == 1 for g in task_groups)


def test_the_same_seed_gives_the_same_data(base: DemoDataset) -> None:
    assert generate(600, seed=3, base=base) == generate(600, seed=3, base=base)


def test_a_different_seed_gives_different_data(base: DemoDataset) -> None:
    first, second = generate(600, seed=3, base=base), generate(600, seed=4, base=base)
    assert first.members != second.members
    assert first.outputs != second.outputs


def test_it_defaults_to_the_committed_demo_dataset(base: DemoDataset) -> None:
    assert generate(50, seed=1) == generate(50, seed=1, base=base)


@pytest.mark.parametrize("members", [0, 100_001])
def test_sizes_outside_the_supported_range_are_refused(base: DemoDataset, members: int) -> None:
    with pytest.raises(GeneratorError):
        generate(members, seed=1, base=base)


def test_it_is_fast_enough_for_a_hundred_thousand_members(base: DemoDataset) -> None:
    # 20,000 members stand in for 100,000: the generator is linear in the membership.
    start = time.perf_counter()
    data = generate(20_000, seed=5, base=base)
    assert len(data.members) == 20_000
    assert time.perf_counter() - start < 12
