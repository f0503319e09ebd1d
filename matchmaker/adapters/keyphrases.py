"""Key phrases of documents with KeyBERT (MIT licence) on the project's own embedder.

KeyBERT ranks a document's candidate n-grams by the cosine between the candidate's vector and
the document's. Candidates are the 1-3 word n-grams (English stop words aside) that occur in
at least `min_docs` documents and pass the caller's `keep` test, so only those are encoded;
documents bring their stored vectors, so no document is encoded again. Synchronous and
CPU-bound: run it from a command or a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from keybert import KeyBERT  # type: ignore[import-untyped]
from keybert.backend import BaseEmbedder  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import CountVectorizer

from embeddings import Embedder
from embeddings.cache import encode_phrases

NGRAMS = (1, 3)


class _Backend(BaseEmbedder):  # type: ignore[misc]
    """KeyBERT's view of the project's embedder."""

    def __init__(self, embedder: Embedder) -> None:
        super().__init__()
        self._embedder = embedder

    def embed(self, documents: list[str], verbose: bool = False) -> np.ndarray:
        return np.asarray(encode_phrases(self._embedder, list(documents)), dtype=np.float32)


def candidates(texts: Sequence[str], min_docs: int, keep: Callable[[str], bool]) -> list[str]:
    """The n-grams of `texts` found in at least `min_docs` of them that `keep` accepts."""
    try:
        counted = CountVectorizer(ngram_range=NGRAMS, stop_words="english", min_df=min_docs)
        found = counted.fit(texts).get_feature_names_out()
    except ValueError:  # no n-gram in enough documents
        return []
    return [str(c) for c in found if keep(str(c))]


def key_phrases(
    embedder: Embedder,
    texts: Sequence[str],
    vectors: np.ndarray,
    keep: Callable[[str], bool],
    min_docs: int = 2,
    top_n: int = 5,
) -> list[list[str]]:
    """For each text, its `top_n` key phrases, best first (see module doc). `vectors` is
    (texts, dimension): each text's own embedding. Raises what the embedder raises."""
    words = candidates(texts, min_docs, keep)
    if not words or not texts:
        return [[] for _ in texts]
    model = KeyBERT(model=_Backend(embedder))
    found: Any = model.extract_keywords(
        list(texts), candidates=words, keyphrase_ngram_range=NGRAMS, stop_words="english",
        top_n=top_n, doc_embeddings=vectors,
        word_embeddings=model.model.embed(words),
    )  # fmt: skip
    per_text = found if len(texts) > 1 else [found]
    return [[str(phrase) for phrase, _ in ranked] for ranked in per_text]
