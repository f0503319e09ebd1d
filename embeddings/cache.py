"""An Embedder that remembers the vectors of the short requests it has seen.

Queries repeat: the same skill phrases ("machine learning", "dosimetry") come back in request
after request, a search is paged, an idea is suggested for again after feedback. Encoding a
handful of texts costs tens of milliseconds on a small CPU, most of a suggestion's time, so
query-sized calls (at most `max_call` texts) go through a least-recently-used table keyed by
the normalised text; only the texts not in it are encoded, in one call to the wrapped
embedder. Bulk calls (embedding a whole label) pass straight through, so they neither pay for
the table nor push the queries out of it. Each text not in the table is encoded on its own:
a vector computed in a batch can differ in its last bits with the batch's other texts
(padding changes the arithmetic), and a cached vector must not depend on which request
happened to compute it first. So the same text always gets the same vector, cached or not.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from embeddings.pipeline import normalise
from embeddings.protocol import Embedder, Vectors

DEFAULT_CAPACITY = 4096
DEFAULT_MAX_CALL = 64


class CachingEmbedder:
    """Wraps an Embedder with a thread-safe LRU table of vectors (see module doc)."""

    def __init__(
        self, inner: Embedder, capacity: int = DEFAULT_CAPACITY, max_call: int = DEFAULT_MAX_CALL
    ) -> None:
        if capacity < 1 or max_call < 1:
            raise ValueError(f"capacity and max_call must be at least 1: {capacity}, {max_call}")
        self.inner = inner
        self.capacity = capacity
        self.max_call = max_call
        self.hits = 0
        self.misses = 0
        self._table: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def encode(self, texts: Sequence[str]) -> Vectors:
        if len(texts) > self.max_call:
            return self.inner.encode(texts)
        keys = [normalise(text) for text in texts]
        found = self._lookup(keys)
        missing = list(dict.fromkeys(key for key in keys if key not in found))
        if missing:
            computed = {key: self.inner.encode([key])[0].copy() for key in missing}
            self._store(computed)
            found.update(computed)
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for i, key in enumerate(keys):
            out[i] = found[key]
        return out

    def _lookup(self, keys: list[str]) -> dict[str, Vectors]:
        found: dict[str, Vectors] = {}
        with self._lock:
            for key in keys:
                vector = self._table.get(key)
                if vector is None:
                    continue
                self._table.move_to_end(key)
                found[key] = vector
            self.hits += sum(key in found for key in keys)
            self.misses += sum(key not in found for key in keys)
        return found

    def _store(self, computed: dict[str, Vectors]) -> None:
        with self._lock:
            for key, vector in computed.items():
                self._table[key] = vector
                self._table.move_to_end(key)
            while len(self._table) > self.capacity:
                self._table.popitem(last=False)

    def __len__(self) -> int:
        return len(self._table)
