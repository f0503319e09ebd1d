"""Texts in, vectors out, in the caller's order: content hashes and length-sorted batching.

`content_hash` fingerprints a text for one model, so a stored vector whose hash still matches
its node's current text is never computed again. `encode_texts` sorts texts by length before
batching (texts of similar length pad less), encodes each batch with any Embedder and puts the
rows back in the order the texts came in. Pure: no database here.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Sequence

import numpy as np
from tqdm import tqdm

from embeddings.protocol import Embedder, Vectors

DEFAULT_BATCH_SIZE = 64
_SPACE = re.compile(r"\s+")


class EmbeddingShapeError(ValueError):
    """An embedder returned another number of rows or columns than asked for."""


def normalise(text: str) -> str:
    """Unicode NFC with runs of white space made one space and the ends trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str, model_name: str) -> str:
    """sha256 (hex) of the model name and the normalised text: equal iff a vector can be reused."""
    payload = f"{model_name}\x00{normalise(text)}".encode()
    return hashlib.sha256(payload).hexdigest()


def length_sorted_batches(texts: Sequence[str], batch_size: int) -> list[list[int]]:
    """Indexes of `texts`, longest first, cut into batches of at most `batch_size`.

    Raises ValueError when batch_size is below 1.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]


def encode_texts(
    embedder: Embedder,
    texts: Sequence[str],
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = False,
    description: str = "embedding",
) -> Vectors:
    """Encode `texts` into an array of shape (len(texts), dimension), row i for texts[i].

    With `progress`, a tqdm bar on stderr shows the count done and the rate. Raises ValueError
    for a batch_size below 1, EmbeddingShapeError when the embedder returns a wrong shape, and
    whatever the embedder raises.
    """
    out = np.empty((len(texts), embedder.dimension), dtype=np.float32)
    batches = length_sorted_batches(texts, batch_size)
    with tqdm(
        total=len(texts), desc=description, unit="text", file=sys.stderr, disable=not progress
    ) as bar:
        for batch in batches:
            out[batch] = _encode_batch(embedder, [texts[i] for i in batch])
            bar.update(len(batch))
    return out


def _encode_batch(embedder: Embedder, texts: list[str]) -> Vectors:
    vectors = embedder.encode(texts)
    expected = (len(texts), embedder.dimension)
    if vectors.shape != expected:
        raise EmbeddingShapeError(
            f"{embedder.name} returned an array of shape {vectors.shape} for {len(texts)} "
            f"texts; expected {expected}"
        )
    return vectors
