"""The three ways the benchmark scores people against texts.

Every method answers one question: given query texts (q,) and a corpus of profile documents
(N rows owned by P people), score each person for each query, (q, P), ignoring the rows
that `exclude` (q, N) marks for that query (the leave-one-out task hides the query's own
document). Methods receive an embedder; none loads a model.

- ProjectMethod: the project's affinity (matchmaker.matching.affinity) with BM25 scores.
- TfidfMethod: cosine between the query and the person's documents concatenated (sklearn).
- BestDocumentMethod: the sentence model's best single-document cosine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

from matchmaker.expertise_bench.dataset import Profile
from matchmaker.matching.affinity import AffinityParams, affinities, background_of, evidence_set
from matchmaker.matching.bm25 import build_index

if TYPE_CHECKING:
    from embeddings.protocol import Embedder

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class Corpus:
    """Profile documents flattened: texts, ids and years (N,), owner (N,) person index."""

    person_ids: tuple[str, ...]
    texts: tuple[str, ...]
    document_ids: tuple[str, ...]
    years: npt.NDArray[np.int64]
    owner: npt.NDArray[np.int64]


def corpus_of(profiles: Sequence[Profile]) -> Corpus:
    documents = [(p, d) for p, profile in enumerate(profiles) for d in profile.documents]
    return Corpus(
        person_ids=tuple(profile.person_id for profile in profiles),
        texts=tuple(d.text for _, d in documents),
        document_ids=tuple(d.id for _, d in documents),
        years=np.array([d.year for _, d in documents], dtype=np.int64),
        owner=np.array([p for p, _ in documents], dtype=np.int64),
    )


class Method(Protocol):
    @property
    def name(self) -> str: ...

    def person_scores(
        self, corpus: Corpus, queries: Sequence[str], exclude: BoolArray
    ) -> FloatArray:
        """Scores (q, P) of every person for every query."""
        ...


@dataclass
class CachedEmbedder:
    """Encodes each distinct text once, so methods sharing an embedder share the work."""

    embedder: Embedder
    _cache: dict[str, npt.NDArray[np.float32]] = field(default_factory=dict)

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            self._cache.update(zip(missing, self.embedder.encode(missing), strict=True))
        return np.stack([self._cache[t] for t in texts]).astype(np.float32)


@dataclass(frozen=True)
class ProjectMethod:
    """Top-k documents of each person, semantic plus BM25; centred on the corpus mean when
    asked (the service does not centre, and neither does the default)."""

    embedder: CachedEmbedder
    params: AffinityParams = field(default_factory=AffinityParams)
    name: str = "project affinity"
    centred: bool = False

    def person_scores(
        self, corpus: Corpus, queries: Sequence[str], exclude: BoolArray
    ) -> FloatArray:
        vectors = self.embedder.encode(corpus.texts)
        background = background_of(vectors) if self.centred else None
        evidence = evidence_set(
            vectors, corpus.owner, corpus.years, len(corpus.person_ids), background
        )
        lexical = np.where(exclude, 0.0, build_index(corpus.texts).score_matrix(queries))
        result = affinities(self.embedder.encode(queries), evidence, self.params, lexical, exclude)
        return result.scores


@dataclass(frozen=True)
class BestDocumentMethod:
    """Cosine of the query to the person's single most similar document."""

    embedder: CachedEmbedder
    name: str = "MiniLM best document"

    def person_scores(
        self, corpus: Corpus, queries: Sequence[str], exclude: BoolArray
    ) -> FloatArray:
        params = AffinityParams(top_k=1, lexical_weight=0.0)
        evidence = evidence_set(
            self.embedder.encode(corpus.texts), corpus.owner, corpus.years, len(corpus.person_ids)
        )
        return affinities(self.embedder.encode(queries), evidence, params, None, exclude).scores


@dataclass(frozen=True)
class TfidfMethod:
    """Cosine between TF-IDF vectors of the query and of the person's documents joined."""

    name: str = "TF-IDF profile cosine"

    def person_scores(
        self, corpus: Corpus, queries: Sequence[str], exclude: BoolArray
    ) -> FloatArray:
        counter = CountVectorizer(stop_words="english")
        counts = counter.fit_transform(list(corpus.texts) + list(queries))
        weigher = TfidfTransformer(sublinear_tf=True).fit(counts)
        doc_counts = np.asarray(counts[: len(corpus.texts)].toarray(), dtype=np.float64)
        query_vectors = np.asarray(weigher.transform(counts[len(corpus.texts) :]).toarray())
        ownership = np.eye(len(corpus.person_ids))[:, corpus.owner]  # (P, N)
        totals = ownership @ doc_counts  # (P, V) term counts of each joined profile
        rows = [
            self._row(weigher, totals, corpus.owner, doc_counts, query_vectors[q], exclude[q])
            for q in range(len(queries))
        ]
        return np.vstack(rows) if rows else np.zeros((0, len(corpus.person_ids)))

    @staticmethod
    def _row(
        weigher: TfidfTransformer,
        totals: FloatArray,
        owner: npt.NDArray[np.int64],
        doc_counts: FloatArray,
        query_vector: FloatArray,
        exclude: BoolArray,
    ) -> FloatArray:
        kept = totals.copy()
        for row in np.flatnonzero(exclude):
            kept[owner[row]] -= doc_counts[row]
        person_vectors = np.asarray(weigher.transform(kept).toarray())
        return np.asarray(person_vectors @ query_vector, dtype=np.float64)
