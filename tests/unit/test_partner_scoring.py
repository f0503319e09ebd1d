"""Partners are scored by the members' rule: their description's sentences are documents."""

from __future__ import annotations

import numpy as np

from embeddings.hashing import HashingEmbedder
from matchmaker.adapters.partner_candidates import PartnerProfile
from matchmaker.matching.affinity import affinities, evidence_set_of
from matchmaker.services.partner_scoring import partner_scores, passages
from matchmaker.services.scoring import DEFAULT_PARAMS, to_unit

DESCRIPTION = (
    "Maker of 1 AI device (radiology). Linac quality assurance phantoms for radiotherapy. "
    "Offices in Leeds; founded in 2001."
)


def profile(description: str) -> PartnerProfile:
    return PartnerProfile(
        "p", "P Ltd", "company", "industry", "Wales", 5, True, (), "", (), description
    )


def test_a_description_splits_into_its_sentences() -> None:
    assert passages(DESCRIPTION) == [
        "Maker of 1 AI device (radiology).",
        "Linac quality assurance phantoms for radiotherapy.",
        "Offices in Leeds; founded in 2001.",
    ]
    assert passages("") == []


def test_a_partner_scores_as_a_member_with_the_same_documents_would() -> None:
    embedder = HashingEmbedder()
    queries = embedder.encode(["radiotherapy quality assurance", "linac phantoms"])
    got = partner_scores(embedder, [profile(DESCRIPTION)], queries, [{}, {}], DEFAULT_PARAMS)
    documents = embedder.encode(passages(DESCRIPTION))
    member = affinities(queries, evidence_set_of([documents], [np.zeros(3)]), DEFAULT_PARAMS)
    np.testing.assert_allclose(got, to_unit(member.scores, DEFAULT_PARAMS), atol=1e-5)
    best_only = to_unit(
        np.max(np.asarray(queries) @ np.asarray(documents).T, axis=1), DEFAULT_PARAMS
    )
    assert (got[:, 0] <= best_only + 1e-9).all()  # pooled, not the single best sentence


def test_a_partner_without_a_description_scores_zero() -> None:
    queries = HashingEmbedder().encode(["radiotherapy"])
    got = partner_scores(HashingEmbedder(), [profile("")], queries, [{}], DEFAULT_PARAMS)
    assert got.tolist() == [[0.0]]
