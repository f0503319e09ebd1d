"""The base of embedders that wrap another one: same model name and dimension, other behaviour
around `encode` (a table of recent vectors, a stopwatch, a record of the calls)."""

from __future__ import annotations

from collections.abc import Sequence

from embeddings.protocol import Embedder, Vectors


class EmbedderWrapper:
    """Passes everything to `inner`; subclasses override `encode` and call it through super()."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def encode(self, texts: Sequence[str]) -> Vectors:
        return self.inner.encode(texts)
