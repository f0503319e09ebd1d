"""Text to vectors: the Embedder protocol and its implementations."""

from embeddings.protocol import Embedder, Vectors

__all__ = ["Embedder", "Vectors"]
