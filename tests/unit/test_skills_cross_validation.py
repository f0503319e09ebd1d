"""The skills benchmark chooses its parameters on other folds than the one it scores."""

from __future__ import annotations

import numpy as np
import pytest

from bench.bench_skills import Prepared, best_on, cross_validate, score_at

# Two texts alike to the model, tagged differently: one wants the second skill too (a low
# threshold), the other does not (a high one).
SIMILAR = np.array([0.9, 0.62])
WANTS_BOTH = Prepared(frozenset(), SIMILAR, SIMILAR, frozenset({0, 1}))
WANTS_ONE = Prepared(frozenset(), SIMILAR, SIMILAR, frozenset({0}))
GRID = ((0.0, 0.6, 2), (0.0, 0.7, 2))


def test_each_fold_is_scored_with_parameters_chosen_without_it() -> None:
    cv = cross_validate([WANTS_BOTH, WANTS_ONE], folds=2, grid=GRID)
    assert cv.picks == [(0.0, 0.7, 2), (0.0, 0.6, 2)]
    # fold 1 derives one right skill of two tagged; fold 2 two skills, one of them tagged.
    assert cv.scores.precision == pytest.approx(2 / 3)
    assert cv.scores.recall == pytest.approx(2 / 3)
    assert cv.scores.derived == 3


def test_in_sample_the_same_cases_score_higher_than_cross_validated() -> None:
    both = [WANTS_BOTH, WANTS_ONE]
    assert best_on(both, GRID) == (0.0, 0.6, 2)
    in_sample = score_at(both, (0.0, 0.6, 2))
    assert (in_sample.precision, in_sample.recall) == (pytest.approx(0.75), pytest.approx(1.0))


def test_a_tie_goes_to_the_stricter_parameters() -> None:
    similar = np.array([0.9, 0.1])
    same = Prepared(frozenset(), similar, similar, frozenset({0}))
    grid = ((0.0, 0.6, 2), (0.0, 0.7, 2), (0.0, 0.7, 1), (0.5, 0.7, 1))
    assert best_on([same], grid) == (0.0, 0.7, 1)


def test_the_document_weight_decides_between_a_named_and_a_described_skill() -> None:
    # Skill 0 is named in other words (a high label cosine); skill 1 only described.
    case = Prepared(frozenset(), np.array([0.8, 0.3]), np.array([0.3, 0.8]), frozenset({1}))
    grid = ((0.0, 0.5, 1), (1.0, 0.5, 1))
    assert score_at([case], (0.0, 0.5, 1)).recall == 0.0
    assert best_on([case], grid) == (1.0, 0.5, 1)
