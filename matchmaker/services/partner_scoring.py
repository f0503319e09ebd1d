"""Partners on the members' scale: one scoring rule for both, so bands mean the same.

A member is scored on the best few of their documents (outputs, statement), pooled by
matchmaker.matching.affinity. A partner has one description, which used to count as one
document: its best document against a member's mean of five, so partners looked stronger
than members of the same fit. Here each sentence of a description is a document of its own
(a maker's description is a line about the body and a line per device or service), and the
same rule pools the best `top_k` of them, with the partner's full-text score on each, then
maps to [0, 1] by services.scoring.to_unit, exactly as for members.

Inputs: partner profiles (their descriptions), the query vectors (q, d) of the text and each
gap skill, the full-text scores per query ({partner id: score}, as preselect_partners gives).
Output: (q, n) scores in [0, 1], row 0 the whole text. Synchronous (may encode sentences).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from embeddings import Embedder
from embeddings.cache import encode_phrases
from embeddings.texts import sentences
from matchmaker.adapters.candidates import Vectors
from matchmaker.adapters.partner_candidates import PartnerProfile
from matchmaker.matching.affinity import AffinityParams, FloatArray, affinities, evidence_set
from matchmaker.services.scoring import to_unit


def passages(description: str) -> list[str]:
    """The sentences of a description, each a document; none for an empty one."""
    return sentences(description)


def partner_scores(
    embedder: Embedder,
    profiles: Sequence[PartnerProfile],
    vectors: Vectors,
    lexical: Sequence[Mapping[str, float]],
    params: AffinityParams,
) -> FloatArray:
    """(q, n) each partner's affinity to each query, pooled over its sentences, in [0, 1].
    Raises whatever the embedder raises."""
    queries = np.atleast_2d(np.asarray(vectors, dtype=np.float64))
    rows = [(i, text) for i, p in enumerate(profiles) for text in passages(p.description)]
    if not rows:
        return np.zeros((queries.shape[0], len(profiles)))
    owner = np.array([i for i, _ in rows], dtype=np.int64)
    # The sentences are in the query embedder's vocabulary (the matching index hands it
    # every partner's), so a request encodes only those of partners changed since.
    texts = [text for _, text in rows]
    documents = np.asarray(encode_phrases(embedder, texts), dtype=np.float64)
    # The evidence in the basis of the queries: row j holds its cosines to every query.
    evidence = evidence_set(documents @ queries.T, owner, np.zeros(len(rows)), len(profiles))
    ids = [profiles[i].id for i in owner]
    lexical_rows = np.array([[scores.get(pid, 0.0) for pid in ids] for scores in lexical])
    matrix = affinities(np.eye(queries.shape[0]), evidence, params, lexical_rows)
    return to_unit(matrix.scores, params)
