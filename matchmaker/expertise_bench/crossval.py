"""Choosing the affinity's parameters by cross-validation over people (leave-people-out).

A family is one form of the affinity with its knobs (pooled documents, lexical weight,
centring); its grid lists the values each knob may take. For every fold of people, the
family's setting is chosen on the other people only, by the selection criterion, and the
held-out people are scored with it. Every measure is a ratio of per-person sums, so the
held-out people's parts, gathered over the folds, give the cross-validated estimate, and
resampling people gives its interval. The in-sample figure is the setting chosen and scored
on all people: what a family looks like when tuned on the very people it is judged on.

Selection criterion (lower is better): loss + (1 - MRR), the ratings task and the
text-to-people task weighted equally, both on the scale 0..1. A family with fewer knobs is
preferred to the winner when the paired bootstrap interval of their difference holds 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matchmaker.expertise_bench.metrics import Estimate, Part, interval, ratio
from matchmaker.matching.affinity import AffinityParams, FloatArray

TOP_K = (1, 2, 3, 5, 8)
LEXICAL_WEIGHTS = (0.25, 0.5, 1.0)
RESAMPLES = 2000
SEED = 20240521


@dataclass(frozen=True)
class Setting:
    """One point of a family's grid: the affinity's parameters and whether it is centred."""

    params: AffinityParams
    centred: bool = False

    def describe(self) -> str:
        p = self.params
        parts = [f"top_k={p.top_k}", f"lexical_weight={p.lexical_weight}"]
        return ", ".join([*parts, "centred" if self.centred else "not centred"])


@dataclass(frozen=True)
class Family:
    name: str
    knobs: tuple[str, ...]  # the knobs its grid varies; fewer is simpler
    settings: tuple[Setting, ...]  # simplest first: ties on the criterion go to the earlier


def _grid(top_ks: Sequence[int], weights: Sequence[float], centred: bool) -> tuple[Setting, ...]:
    return tuple(
        Setting(AffinityParams(top_k=k, lexical_weight=w), centred) for k in top_ks for w in weights
    )


def families() -> tuple[Family, ...]:
    """The forms of the affinity the benchmark compares, from no knob to three."""
    return (
        Family("MiniLM best document", (), _grid((1,), (0.0,), False)),
        Family("best k documents", ("top_k",), _grid(TOP_K, (0.0,), False)),
        Family("best document + lexical", ("lexical_weight",), _grid((1,), LEXICAL_WEIGHTS, False)),
        Family("best k documents, centred", ("top_k", "centring"), _grid(TOP_K, (0.0,), True)),
        Family(
            "best k documents + lexical",
            ("top_k", "lexical_weight"),
            _grid(TOP_K, LEXICAL_WEIGHTS, False),
        ),
        Family(
            "best k + lexical, centred",
            ("top_k", "lexical_weight", "centring"),
            _grid(TOP_K, LEXICAL_WEIGHTS, True),
        ),
    )


@dataclass(frozen=True)
class PersonParts:
    """A setting's per-person parts on both tasks, keyed by person id."""

    loss: Mapping[str, Part]
    mrr: Mapping[str, Part]
    recall: Mapping[str, Part]


def criterion(parts: PersonParts, people: Sequence[str]) -> float:
    """loss + (1 - MRR) over `people` (lower is better)."""
    loss = ratio([parts.loss[p] for p in people if p in parts.loss])
    mrr = ratio([parts.mrr[p] for p in people if p in parts.mrr])
    return loss + (1.0 - mrr)


def choose(table: Sequence[PersonParts], people: Sequence[str]) -> int:
    """Index of the setting with the lowest criterion on `people`; the earliest on a tie."""
    values = [criterion(parts, people) for parts in table]
    return int(np.argmin(values))


def folds_of(people: Sequence[str], n_folds: int | None) -> list[list[str]]:
    """Contiguous folds of the sorted people; None = one person a fold."""
    ordered = sorted(people)
    count = len(ordered) if n_folds is None else min(n_folds, len(ordered))
    return [list(block) for block in np.array_split(np.array(ordered, dtype=object), count)]


@dataclass(frozen=True)
class HeldOut:
    """Each person's parts under the setting chosen without them, and the choices made."""

    parts: PersonParts
    choices: tuple[int, ...]  # setting index chosen in each fold


def held_out(table: Sequence[PersonParts], folds: Sequence[Sequence[str]]) -> HeldOut:
    loss: dict[str, Part] = {}
    mrr: dict[str, Part] = {}
    recall: dict[str, Part] = {}
    choices = []
    everyone = [p for fold in folds for p in fold]
    for fold in folds:
        training = [p for p in everyone if p not in set(fold)]
        chosen = table[choose(table, training)]
        choices.append(table.index(chosen))
        for person in fold:
            _copy(chosen.loss, loss, person)
            _copy(chosen.mrr, mrr, person)
            _copy(chosen.recall, recall, person)
    return HeldOut(PersonParts(loss, mrr, recall), tuple(choices))


def _copy(source: Mapping[str, Part], target: dict[str, Part], person: str) -> None:
    if person in source:
        target[person] = source[person]


@dataclass(frozen=True)
class FamilyResult:
    family: Family
    chosen: Setting  # chosen on all people: what the family would ship
    in_sample: PersonParts  # the chosen setting's parts on all people
    cross_validated: PersonParts  # held-out parts
    fold_choices: tuple[Setting, ...]

    def estimates(self, cross_validated: bool) -> tuple[Estimate, Estimate, Estimate]:
        """(loss, MRR, recall@5) with 95% intervals over people."""
        parts = self.cross_validated if cross_validated else self.in_sample
        return tuple(  # type: ignore[return-value]
            interval(list(p.values())) for p in (parts.loss, parts.mrr, parts.recall)
        )


def cross_validate(
    family: Family, table: Sequence[PersonParts], folds: Sequence[Sequence[str]]
) -> FamilyResult:
    """The family's in-sample and cross-validated parts; `table` is one entry a setting."""
    everyone = [p for fold in folds for p in fold]
    best = choose(table, everyone)
    out = held_out(table, folds)
    return FamilyResult(
        family=family,
        chosen=family.settings[best],
        in_sample=table[best],
        cross_validated=out.parts,
        fold_choices=tuple(family.settings[i] for i in out.choices),
    )


def _arrays(parts: PersonParts, people: Sequence[str]) -> tuple[FloatArray, ...]:
    def column(source: Mapping[str, Part], attribute: str) -> FloatArray:
        zero = Part(0.0, 0.0)
        return np.array([float(getattr(source.get(p, zero), attribute)) for p in people])

    return (
        column(parts.loss, "numerator"),
        column(parts.loss, "denominator"),
        column(parts.mrr, "numerator"),
        column(parts.mrr, "denominator"),
    )


def _resampled_criterion(
    parts: PersonParts, people: Sequence[str], picks: npt.NDArray[np.int64]
) -> FloatArray:
    loss_n, loss_d, mrr_n, mrr_d = _arrays(parts, people)
    loss = loss_n[picks].sum(axis=1) / np.maximum(loss_d[picks].sum(axis=1), 1e-12)
    mrr = mrr_n[picks].sum(axis=1) / np.maximum(mrr_d[picks].sum(axis=1), 1e-12)
    return np.asarray(loss + 1.0 - mrr, dtype=np.float64)


def difference(a: PersonParts, b: PersonParts, people: Sequence[str]) -> Estimate:
    """Cross-validated criterion of a minus that of b, with a paired 95% bootstrap interval."""
    picks = np.random.default_rng(SEED).integers(0, len(people), size=(RESAMPLES, len(people)))
    sampled = _resampled_criterion(a, people, picks) - _resampled_criterion(b, people, picks)
    low, high = np.percentile(sampled, [2.5, 97.5])
    return Estimate(criterion(a, people) - criterion(b, people), float(low), float(high))


@dataclass(frozen=True)
class Choice:
    """The family chosen as the default, the cross-validation winner, and the gap between."""

    chosen: FamilyResult
    winner: FamilyResult
    gap: Estimate  # chosen minus winner, cross-validated criterion


def choose_default(results: Sequence[FamilyResult], people: Sequence[str]) -> Choice:
    """The winner of cross-validation, or the family with the fewest knobs whose criterion
    is not distinguishable from the winner's (the paired interval of the difference holds 0)."""
    winner = min(results, key=lambda r: criterion(r.cross_validated, people))
    ties = []
    for result in results:
        gap = difference(result.cross_validated, winner.cross_validated, people)
        if len(result.family.knobs) <= len(winner.family.knobs) and gap.low <= 0.0:
            ties.append((len(result.family.knobs), gap.value, result, gap))
    _, _, chosen, gap = min(ties, key=lambda t: (t[0], t[1]))
    return Choice(chosen, winner, gap)
