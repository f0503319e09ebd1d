"""Scores for person-item pairs: what the `matchmaker affinity` command writes.

profiles and items are the benchmark's records; pairs (person_id, item_id) or None for
every person with every item; returns ScoreRow(person_id, item_id, score) in pair order,
scored with the project's affinity (semantic + BM25) as the service scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from matchmaker.expertise_bench.dataset import Item, Profile, ScoreRow
from matchmaker.expertise_bench.methods import CachedEmbedder, ProjectMethod, corpus_of
from matchmaker.matching.affinity import AffinityParams

if TYPE_CHECKING:
    from embeddings.protocol import Embedder


class UnknownIdError(KeyError):
    """A pair names a person or an item that the files do not hold."""


def score_pairs(
    profiles: Sequence[Profile],
    items: Sequence[Item],
    pairs: Sequence[tuple[str, str]] | None,
    embedder: Embedder,
    params: AffinityParams | None = None,
) -> list[ScoreRow]:
    """Affinity of each requested (person, item) pair; raises UnknownIdError on a bad id."""
    wanted = (
        pairs if pairs is not None else [(p.person_id, i.item_id) for p in profiles for i in items]
    )
    corpus = corpus_of(profiles)
    person_index = {person: p for p, person in enumerate(corpus.person_ids)}
    item_index = {item.item_id: i for i, item in enumerate(items)}
    _check_ids(wanted, person_index, item_index)
    method = ProjectMethod(CachedEmbedder(embedder), params or AffinityParams())
    exclude = np.zeros((len(items), len(corpus.texts)), dtype=bool)
    scores = method.person_scores(corpus, [item.text for item in items], exclude)
    return [ScoreRow(p, i, float(scores[item_index[i], person_index[p]])) for p, i in wanted]


def _check_ids(
    pairs: Sequence[tuple[str, str]], people: dict[str, int], items: dict[str, int]
) -> None:
    for person, item in pairs:
        if person not in people:
            raise UnknownIdError(f"person {person!r} is not in the profiles")
        if item not in items:
            raise UnknownIdError(f"item {item!r} is not in the items")
