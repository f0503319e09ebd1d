"""Search scores candidates from the index's arrays (indexed_rows, score_rows); the result
must be what scoring their EvidenceRow objects gives (indexed_evidence, score_profiles)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pytest

from matchmaker.adapters.candidate_pool import DecisionRows, Pool
from matchmaker.adapters.candidates import CandidateProfile, EvidenceRow, Preselection
from matchmaker.adapters.indexed_evidence import IndexedEvidence, indexed_evidence, indexed_rows
from matchmaker.matching.affinity import AffinityParams
from matchmaker.matching.evidence_table import Document, EvidenceTable, build_table, unit_rows
from matchmaker.services.scoring import Scored, _score_known, score_profiles, score_rows

DIMENSION = 8


def _pool(
    profiles: list[CandidateProfile],
    held: list[str] | None = None,
    evidence: IndexedEvidence | None = None,
) -> Pool:
    """What read_pool gives: the profiles, and the index's evidence made ready for `held`."""
    return Pool(profiles, DecisionRows(), held or [], evidence)


@dataclass(frozen=True)
class TableOnly:
    """What the two readers use of an IndexSnapshot: its table and who it knows."""

    table: EvidenceTable

    def knows(self, member_id: str) -> bool:
        return member_id.startswith("m")


def _table(rng: np.random.Generator) -> EvidenceTable:
    vectors = unit_rows(rng.normal(size=(40, DIMENSION)))
    people = [f"m{i}" for i in range(12)]
    documents = [
        Document(f"o{j}", f"Output {j}", int(rng.integers(2005, 2026)), False,
                 tuple(rng.choice(people, size=int(rng.integers(1, 3)), replace=False)),
                 vectors[j])
        for j in range(30)
    ] + [
        Document(f"statement:{m}", "", 0, True, (m,), vectors[30 + i])
        for i, m in enumerate(people[:10])
    ]  # fmt: skip
    return build_table(documents, DIMENSION)


def _profile(member_id: str) -> CandidateProfile:
    return CandidateProfile(
        id=member_id, name="", discipline="", career_stage="", region="", organisation_id="",
        organisation_name="", sector="", availability_hours=0, max_groups=0, active_groups=0,
        open_to_matching=True, visible_to_partners=True, visible_to_members=True,
    )  # fmt: skip


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("n_queries", [1, 3])
def test_scores_from_the_arrays_equal_scores_from_evidence_rows(seed: int, n_queries: int) -> None:
    rng = np.random.default_rng(seed)
    snapshot = TableOnly(_table(rng))
    vectors = unit_rows(rng.normal(size=(n_queries, DIMENSION))).astype(np.float64)
    # m10 and m11 wrote outputs but no statement; m12 has no document; x1 is unknown.
    ids = ["m3", "m11", "m0", "m12", "m7", "m10", "m5", "x1"]
    found = Preselection(
        priority={},
        output_lexical=tuple(
            {f"o{j}": float(j) for j in range(q, 30, 4)} for q in range(n_queries)
        ),
        member_lexical=tuple({"m3": 2.5 + q, "m10": 1.0} for q in range(n_queries)),
    )
    params = AffinityParams(top_k=3, lexical_weight=0.25)
    known = [m for m in ids if snapshot.knows(m)]

    evidence = indexed_evidence(snapshot, known, vectors)  # type: ignore[arg-type]
    profiles = [replace(_profile(m), evidence=evidence[m]) for m in known]
    rows, expected = score_profiles(profiles, n_queries, params, found)

    flat = indexed_rows(snapshot, known, vectors, found)  # type: ignore[arg-type]
    matrix = score_rows(flat, len(known), n_queries, params)

    assert len(flat.rows) == len(rows) > 0
    assert list(flat.rows) == list(rows)
    assert list(flat.rows[2:5]) == list(rows[2:5])
    np.testing.assert_array_equal(matrix.scores, expected.scores)
    np.testing.assert_array_equal(matrix.top_rows, expected.top_rows)
    assert (matrix.top_rows[:, known.index("m12"), 0] == -1).all()  # no evidence, no row


def _found(n_queries: int) -> Preselection:
    return Preselection(
        priority={},
        output_lexical=tuple({"o1": 3.0, "o5": 1.5} for _ in range(n_queries)),
        member_lexical=tuple({"m2": 2.0} for _ in range(n_queries)),
    )


def test_a_suggestion_scores_known_members_from_the_arrays() -> None:
    rng = np.random.default_rng(7)
    snapshot = TableOnly(_table(rng))
    vectors = unit_rows(rng.normal(size=(2, DIMENSION))).astype(np.float64)
    params = AffinityParams(top_k=3, lexical_weight=0.25)
    ids = ["m0", "m2", "m5", "m9", "m12"]
    profiles = [_profile(m) for m in ids]  # as read with known=dict.fromkeys(ids, ())

    rows, matrix = _score_known(snapshot, _pool(profiles), vectors, params, _found(2))  # type: ignore[arg-type]

    evidence = indexed_evidence(snapshot, ids, vectors)  # type: ignore[arg-type]
    with_rows = [replace(p, evidence=evidence[p.id]) for p in profiles]
    expected_rows, expected = score_profiles(with_rows, 2, params, _found(2))
    assert not isinstance(rows, tuple)  # the arrays' rows, made into objects only when read
    assert list(rows) == list(expected_rows)
    np.testing.assert_array_equal(matrix.scores, expected.scores)
    np.testing.assert_array_equal(matrix.top_rows, expected.top_rows)


def test_a_member_the_index_does_not_know_keeps_the_evidence_read_live() -> None:
    rng = np.random.default_rng(8)
    snapshot = TableOnly(_table(rng))
    vectors = unit_rows(rng.normal(size=(1, DIMENSION))).astype(np.float64)
    params = AffinityParams(top_k=3, lexical_weight=0.0)
    live = EvidenceRow("x1", "o-new", "New output", 2025, (0.9,))
    profiles = [_profile("m0"), replace(_profile("x1"), evidence=(live,)), _profile("m12")]

    rows, matrix = _score_known(snapshot, _pool(profiles), vectors, params, _found(1))  # type: ignore[arg-type]

    assert live in list(rows)
    assert [r.member_id for r in rows if r.member_id != "x1"] == ["m0"] * (len(rows) - 1)
    x1 = matrix.top_rows[0, 1, 0]
    assert rows[int(x1)] == live
    assert matrix.scores[0, 1] == pytest.approx(0.9)
    assert (matrix.top_rows[0, 2] == -1).all()  # m12: known, no document


def test_whether_a_scored_person_has_evidence() -> None:
    rng = np.random.default_rng(9)
    snapshot = TableOnly(_table(rng))
    vectors = unit_rows(rng.normal(size=(1, DIMENSION))).astype(np.float64)
    profiles = [_profile("m0"), _profile("m12")]
    params = AffinityParams()
    rows, matrix = _score_known(snapshot, _pool(profiles), vectors, params, _found(1))  # type: ignore[arg-type]
    scored = Scored(("q",), params, tuple(profiles), rows, matrix)
    assert scored.has_evidence(0)
    assert not scored.has_evidence(1)


def test_evidence_prepared_during_the_read_is_used_only_for_the_same_people() -> None:
    rng = np.random.default_rng(10)
    snapshot = TableOnly(_table(rng))
    vectors = unit_rows(rng.normal(size=(2, DIMENSION))).astype(np.float64)
    params = AffinityParams(top_k=3)
    asked = ["m0", "m2", "m5", "m9"]
    prepared = indexed_rows(snapshot, asked, vectors, _found(2))  # type: ignore[arg-type]

    same = [_profile(m) for m in asked]
    rows, _ = _score_known(snapshot, _pool(same, asked, prepared), vectors, params, _found(2))  # type: ignore[arg-type]
    assert rows is prepared.rows

    dropped = [_profile(m) for m in asked if m != "m5"]  # m5 failed the live check
    pool = _pool(dropped, asked, prepared)
    rows, matrix = _score_known(snapshot, pool, vectors, params, _found(2))  # type: ignore[arg-type]
    alone, expected = _score_known(snapshot, _pool(dropped), vectors, params, _found(2))  # type: ignore[arg-type]
    assert "m5" not in {r.member_id for r in rows}
    assert list(rows) == list(alone)
    np.testing.assert_array_equal(matrix.scores, expected.scores)
