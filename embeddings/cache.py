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

Short phrases (required skills) can also come from a vocabulary (`use_vocabulary`: the
graph's skill names), each encoded once, alone, ahead of requests, by `phrase_encoder`: the
model as bulk work runs it, where request-time calls run it on fewer CPU threads
(matchmaker.bootstrap.query_embedder_for), since the thread count can change a vector's last
bits; so a vocabulary vector is the one the model gives for that phrase alone. A refresh, not
a request, pays for it. `encode_phrases` takes a phrase's vector from there when the
vocabulary has it and encodes the others together as a call of their own (through the table
above). So a phrase's vector depends on the vocabulary, which the graph decides, and on the
request, never on which requests came before.
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
        self,
        inner: Embedder,
        capacity: int = DEFAULT_CAPACITY,
        max_call: int = DEFAULT_MAX_CALL,
        phrase_encoder: Embedder | None = None,
    ) -> None:
        if capacity < 1 or max_call < 1:
            raise ValueError(f"capacity and max_call must be at least 1: {capacity}, {max_call}")
        super().__init__(inner)
        self.capacity = capacity
        self.max_call = max_call
        self.hits = 0
        self.misses = 0
        self._table: OrderedDict[tuple[str, ...], Vectors] = OrderedDict()
        self._vocabulary: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self._phrase_encoder = inner if phrase_encoder is None else phrase_encoder

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

    def encode_phrases(self, texts: Sequence[str]) -> Vectors:
        """(n, d): the vocabulary's vector for each text it has, the others encoded in one
        call (see module doc)."""
        keys = [normalise(text) for text in texts]
        vocabulary = self._vocabulary
        missing = list(dict.fromkeys(k for k in keys if k not in vocabulary))
        with self._lock:
            self.hits += len(keys) - len(missing)
        fresh = dict(zip(missing, self.encode(missing), strict=True)) if missing else {}
        out = np.empty((len(keys), self.dimension), dtype=np.float32)
        for i, key in enumerate(keys):
            out[i] = vocabulary[key] if key in vocabulary else fresh[key]
        return out

    @property
    def vocabulary(self) -> frozenset[str]:
        """The phrases the vocabulary holds (normalised)."""
        return frozenset(self._vocabulary)

    def use_vocabulary(self, phrases: Sequence[str]) -> int:
        """Make `phrases` the vocabulary: each encoded alone by the phrase encoder, those
        already in the vocabulary kept as they are; how many had to be encoded."""
        keys = list(dict.fromkeys(normalise(p) for p in phrases))
        held = self._vocabulary
        encode = self._phrase_encoder.encode
        made = {k: np.asarray(encode([k]), dtype=np.float32)[0]
                for k in keys if k not in held}  # fmt: skip
        self._vocabulary = {k: held[k] if k in held else made[k] for k in keys}
        return len(made)

    def __len__(self) -> int:
        return len(self._table)


def encode_phrases(embedder: Embedder, texts: Sequence[str]) -> Vectors:
    """(n, d): the vectors of short phrases; through the vocabulary of the CachingEmbedder
    that `embedder` is or wraps (see module doc), else in one call to `embedder`."""
    inner: object = embedder
    while isinstance(inner, EmbedderWrapper):
        if isinstance(inner, CachingEmbedder):
            return inner.encode_phrases(texts)
        inner = inner.inner
    return embedder.encode(texts)
