"""Cross-validation over people: choices made without the held-out people, and the default."""

from __future__ import annotations

from matchmaker.expertise_bench.crossval import (
    Family,
    FamilyResult,
    PersonParts,
    Setting,
    choose,
    choose_default,
    criterion,
    cross_validate,
    families,
    folds_of,
    held_out,
)
from matchmaker.expertise_bench.metrics import Part
from matchmaker.matching.affinity import AffinityParams

PEOPLE = ["ann", "bob", "cat", "dan"]


def parts(losses: dict[str, float], mrr: float = 1.0) -> PersonParts:
    """Each person: one unit of loss weight with the given penalty, and the given MRR."""
    return PersonParts(
        loss={p: Part(v, 1.0) for p, v in losses.items()},
        mrr={p: Part(mrr, 1.0) for p in losses},
        recall={p: Part(1.0, 1.0) for p in losses},
    )


def test_criterion_adds_loss_and_missed_reciprocal_rank() -> None:
    assert criterion(parts({"ann": 0.2, "bob": 0.4}, mrr=0.75), ["ann", "bob"]) == 0.3 + 0.25


def test_choose_takes_the_lowest_criterion_and_the_earliest_on_a_tie() -> None:
    table = [parts({"ann": 0.3}), parts({"ann": 0.1}), parts({"ann": 0.1})]
    assert choose(table, ["ann"]) == 1


def test_one_person_a_fold_by_default() -> None:
    assert folds_of(["bob", "ann", "cat"], None) == [["ann"], ["bob"], ["cat"]]
    assert [len(fold) for fold in folds_of(PEOPLE, 2)] == [2, 2]


def test_held_out_people_are_scored_with_a_setting_chosen_without_them() -> None:
    # Setting 0 fits ann alone; setting 1 fits everyone else. Held out, ann gets setting 1.
    overfit = parts({"ann": 0.0, "bob": 0.5, "cat": 0.5, "dan": 0.5})
    general = parts({"ann": 0.2, "bob": 0.2, "cat": 0.2, "dan": 0.2})
    result = held_out([overfit, general], folds_of(PEOPLE, None))
    assert result.parts.loss["ann"] == Part(0.2, 1.0)
    assert result.choices == (1, 1, 1, 1)


def test_cross_validated_loss_exceeds_in_sample_when_a_setting_fits_one_person() -> None:
    settings = (Setting(AffinityParams(top_k=1)), Setting(AffinityParams(top_k=2)))
    table = [
        parts({"ann": 0.0, "bob": 0.6, "cat": 0.2, "dan": 0.2}),
        parts({"ann": 0.6, "bob": 0.0, "cat": 0.2, "dan": 0.2}),
    ]
    result = cross_validate(Family("f", ("top_k",), settings), table, folds_of(PEOPLE, None))
    in_sample, _, _ = result.estimates(cross_validated=False)
    held, _, _ = result.estimates(cross_validated=True)
    assert in_sample.value == 0.25
    assert held.value > in_sample.value


def family_result(name: str, knobs: tuple[str, ...], losses: dict[str, float]) -> FamilyResult:
    family = Family(name, knobs, (Setting(AffinityParams()),))
    return cross_validate(family, [parts(losses)], folds_of(PEOPLE, None))


def test_fewer_knobs_are_preferred_within_the_interval() -> None:
    simple = family_result("simple", (), {"ann": 0.2, "bob": 0.3, "cat": 0.1, "dan": 0.3})
    rich = family_result("rich", ("a", "b"), {"ann": 0.3, "bob": 0.1, "cat": 0.2, "dan": 0.2})
    choice = choose_default([rich, simple], PEOPLE)
    assert choice.winner.family.name == "rich"
    assert choice.chosen.family.name == "simple"
    assert choice.gap.low <= 0.0 <= choice.gap.high


def test_the_winner_is_kept_when_it_is_clearly_better() -> None:
    simple = family_result("simple", (), dict.fromkeys(PEOPLE, 0.5))
    rich = family_result("rich", ("a",), dict.fromkeys(PEOPLE, 0.1))
    choice = choose_default([simple, rich], PEOPLE)
    assert choice.chosen.family.name == "rich"


def test_every_family_lists_its_knobs_and_the_baseline_has_none() -> None:
    forms = families()
    assert forms[0].knobs == ()
    assert len(forms[0].settings) == 1
    assert all(len(f.settings) > 1 for f in forms[1:])
