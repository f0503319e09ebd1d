"""Test embedders shared by the unit tests."""

from __future__ import annotations

from collections.abc import Sequence

from embeddings.hashing import HashingEmbedder
from embeddings.protocol import Vectors
from embeddings.wrapper import EmbedderWrapper


class RecordingEmbedder(EmbedderWrapper):
    """A HashingEmbedder (32 dimensions) that remembers the batches it was given."""

    def __init__(self) -> None:
        super().__init__(HashingEmbedder(32))
        self.batches: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.batches.append(list(texts))
        return super().encode(texts)
