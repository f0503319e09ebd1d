"""An Embedder that remembers the vectors of the texts of short requests.

Requests repeat: a search is paged, an idea is suggested for again after feedback, and
skill phrases come from a small vocabulary that many ideas and calls share. Encoding costs
tens of milliseconds on a small CPU, a large share of a suggestion's time, so query-sized
calls (at most `max_call` texts) go through a least-recently-used table keyed by each
normalised text. Bulk calls (embedding a whole label) pass straight through, so they
neither pay for the table nor push the queries out of it.

Every text the table does not hold is encoded on its own, in a batch of one. A vector
computed in a batch can differ in its last bits with the batch's other texts (padding changes
the arithmetic, by about 1e-7); encoded alone, a text's vector is the same whichever request
asked for it first and whatever else that request held, so the same request always gets the
same vectors. Alone is also no slower for query-sized calls: a batch is padded to its
longest text, so a short phrase batched with a paragraph costs as much as the paragraph.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from embeddings.pipeline import normalise
from embeddings.protocol import Embedder, Vectors
from embeddings.wrapper import EmbedderWrapper

DEFAULT_CAPACITY = 4096
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
        self._table: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> Vectors:
        if len(texts) > self.max_call:
            return self.inner.encode(texts)
        keys = [normalise(text) for text in texts]
        found = self._look_up(keys)
        for key in dict.fromkeys(k for k in keys if k not in found):
            found[key] = np.asarray(self.inner.encode([key]), dtype=np.float32)[0]
            self._keep(key, found[key])
        if not keys:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([found[key] for key in keys]).astype(np.float32)

    def _look_up(self, keys: Sequence[str]) -> dict[str, Vectors]:
        found: dict[str, Vectors] = {}
        with self._lock:
            for key in keys:
                vector = self._table.get(key)
                if vector is None:
                    continue
                self._table.move_to_end(key)
                self.hits += 1
                found[key] = vector
        return found

    def _keep(self, key: str, vector: Vectors) -> None:
        with self._lock:
            self.misses += 1
            self._table[key] = vector.copy()
            while len(self._table) > self.capacity:
                self._table.popitem(last=False)

    def __len__(self) -> int:
        return len(self._table)
