"""An Embedder that remembers the vectors of the short requests it has seen.

Requests repeat: a search is paged, an idea is suggested for again after feedback, the same
set of skills is asked for by several people. Encoding a handful of texts costs tens of
milliseconds on a small CPU, a large share of a suggestion's time, so query-sized calls (at
most `max_call` texts) go through a least-recently-used table keyed by the whole call: the
normalised texts, in order. Bulk calls (embedding a whole label) pass straight through, so
they neither pay for the table nor push the queries out of it.

The key is the whole call, not each text, on purpose: a vector computed in a batch can differ
in its last bits with the batch's other texts (padding changes the arithmetic, by about 1e-7),
so a table of single texts would make an answer depend on which earlier request computed a
vector first. Keyed by call, the vectors are exactly those the model gives for that call,
and the same request always gets the same vectors.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from embeddings.pipeline import normalise
from embeddings.protocol import Embedder, Vectors
from embeddings.wrapper import EmbedderWrapper

DEFAULT_CAPACITY = 2048
DEFAULT_MAX_CALL = 64


class CachingEmbedder(EmbedderWrapper):
    """Wraps an Embedder with a thread-safe LRU table of vectors (see module doc)."""

    def __init__(
        self, inner: Embedder, capacity: int = DEFAULT_CAPACITY, max_call: int = DEFAULT_MAX_CALL
    ) -> None:
        if capacity < 1 or max_call < 1:
            raise ValueError(f"capacity and max_call must be at least 1: {capacity}, {max_call}")
        super().__init__(inner)
        self.capacity = capacity
        self.max_call = max_call
        self.hits = 0
        self.misses = 0
        self._table: OrderedDict[tuple[str, ...], Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> Vectors:
        if len(texts) > self.max_call:
            return self.inner.encode(texts)
        key = tuple(normalise(text) for text in texts)
        with self._lock:
            found = self._table.get(key)
            if found is not None:
                self._table.move_to_end(key)
                self.hits += 1
                return found.copy()
            self.misses += 1
        vectors = np.asarray(self.inner.encode(list(key)), dtype=np.float32)
        with self._lock:
            self._table[key] = vectors.copy()
            while len(self._table) > self.capacity:
                self._table.popitem(last=False)
        return vectors

    def __len__(self) -> int:
        return len(self._table)
