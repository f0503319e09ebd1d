"""The skills benchmark chooses its parameters on other folds than the one it scores."""

from __future__ import annotations

import numpy as np
import pytest

from bench.bench_skills import Prepared, best_on, cross_validate, score_at

# Two texts alike to the model, tagged differently: one wants the second skill too (a low
# threshold), the other does not (a high one).
WANTS_BOTH = Prepared(frozenset(), np.array([0.9, 0.62]), frozenset({0, 1}))
WANTS_ONE = Prepared(frozenset(), np.array([0.9, 0.62]), frozenset({0}))
GRID = ((0.6, 2), (0.7, 2))


def test_each_fold_is_scored_with_parameters_chosen_without_it() -> None:
    cv = cross_validate([WANTS_BOTH, WANTS_ONE], folds=2, grid=GRID)
    assert cv.picks == [(0.7, 2), (0.6, 2)]
    # fold 1 derives one right skill of two tagged; fold 2 two skills, one of them tagged.
    assert cv.scores.precision == pytest.approx(2 / 3)
    assert cv.scores.recall == pytest.approx(2 / 3)
    assert cv.scores.derived == 3


def test_in_sample_the_same_cases_score_higher_than_cross_validated() -> None:
    both = [WANTS_BOTH, WANTS_ONE]
    assert best_on(both, GRID) == (0.6, 2)
    in_sample = score_at(both, (0.6, 2))
    assert (in_sample.precision, in_sample.recall) == (pytest.approx(0.75), pytest.approx(1.0))


def test_a_tie_goes_to_the_stricter_parameters() -> None:
    same = Prepared(frozenset(), np.array([0.9, 0.1]), frozenset({0}))
    assert best_on([same], ((0.6, 2), (0.7, 2), (0.7, 1))) == (0.7, 1)
