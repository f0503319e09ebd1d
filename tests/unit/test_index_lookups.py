"""The matching index's per-request lookups: the best full-text rows of a query, and the
filter test whose answers a snapshot keeps."""

from __future__ import annotations

import numpy as np
import pytest

from matchmaker.adapters import match_index
from matchmaker.adapters.candidates import CandidateFilter
from matchmaker.adapters.indexed_evidence import _best
from matchmaker.adapters.match_index import IndexSnapshot, MemberFacts, passes
from matchmaker.domain.privacy import Consent
from matchmaker.matching.bm25 import build_index
from matchmaker.matching.evidence_table import Document, build_table


def _definition(scores: np.ndarray, rows: np.ndarray, k: int) -> list[int]:
    """Every row with a positive score, best first, ties by row; the first k."""
    positive = [int(r) for r in rows if scores[r] > 0]
    return sorted(positive, key=lambda r: (-scores[r], r))[:k]


@pytest.mark.parametrize("consecutive", [True, False])
def test_best_rows_are_the_positive_ones_best_first_ties_by_row(consecutive: bool) -> None:
    rng = np.random.default_rng(4)
    for _ in range(40):
        n = int(rng.integers(0, 60))
        scores = rng.integers(-2, 5, size=n + 10).astype(np.float64)  # many ties, some <= 0
        rows = np.arange(5, 5 + n) if consecutive else np.sort(rng.choice(n + 10, n, False))
        for k in (1, 3, 10, 100):
            assert _best(scores, rows.astype(np.int64), k) == _definition(scores, rows, k)


def _snapshot(facts: dict[str, MemberFacts]) -> IndexSnapshot:
    vector = np.array([1.0, 0.0], dtype=np.float32)
    documents = [Document(f"statement:{m}", "", 0, True, (m,), vector) for m in facts]
    return IndexSnapshot(build_table(documents, 2), facts, {}, (), build_index([]), {}, ())


def _facts(open_to_matching: bool, region: str) -> MemberFacts:
    return MemberFacts(Consent(open_to_matching), region, None, 0, True, frozenset(), frozenset())


def test_a_snapshot_answers_each_filter_as_the_filter_does() -> None:
    facts = {f"m{i}": _facts(i % 3 != 0, "north" if i % 2 else "south") for i in range(12)}
    snapshot = _snapshot(facts)
    people = snapshot.table.people
    for where in (CandidateFilter(), CandidateFilter(regions=("north",)), CandidateFilter(False)):
        for _ in range(2):  # asked again: from what the snapshot kept
            allowed = snapshot.allowed(where)
            assert [allowed(p) for p in range(len(people))] == [
                passes(m, facts[m], where) for m in people
            ]


def test_a_snapshot_keeps_the_answers_of_its_last_filters_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(match_index, "FILTERS_KEPT", 2)
    snapshot = _snapshot({"m0": _facts(True, "north")})
    first = snapshot.answers.of(CandidateFilter(regions=("a",)), 1)
    assert snapshot.answers.of(CandidateFilter(regions=("a",)), 1) is first
    snapshot.answers.of(CandidateFilter(regions=("b",)), 1)
    snapshot.answers.of(CandidateFilter(regions=("c",)), 1)  # "a" is now the oldest: dropped
    assert snapshot.answers.of(CandidateFilter(regions=("a",)), 1) is not first
