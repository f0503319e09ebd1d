"""The pipeline's encode against bare SentenceTransformer.encode on the same model object.

Both encode the same texts with the same batch size in alternating rounds (the order flipped
each round); the result holds texts/s per round, the medians, their ratios, and the pipeline's
overheads measured directly (time outside the model, the fixed cost of an extra encode call).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from embeddings.pipeline import encode_texts
from embeddings.protocol import Vectors
from embeddings.sentence import SentenceTransformerEmbedder
from embeddings.wrapper import EmbedderWrapper


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def _timed_cpu(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall seconds, CPU seconds of this process (less sensitive to other processes), result."""
    cpu = time.process_time()
    wall, result = timed(work)
    return wall, time.process_time() - cpu, result


class TimedEmbedder(EmbedderWrapper):
    """The real embedder, adding up the seconds spent inside its encode (the model's work)."""

    def __init__(self, inner: SentenceTransformerEmbedder) -> None:
        super().__init__(inner)
        self.seconds = 0.0
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> Vectors:
        started = time.perf_counter()
        try:
            return super().encode(texts)
        finally:
            self.seconds += time.perf_counter() - started
            self.calls += 1


def bench_encode(
    embedder: SentenceTransformerEmbedder, texts: list[str], batch_size: int, repeats: int
) -> dict[str, Any]:
    """Alternate pipeline and bare encodes (order flipped each round); medians and ratios.

    The pipeline's time outside the model and the fixed cost of one SentenceTransformer.encode
    call are measured too: on a busy machine they bound the pipeline's overhead more tightly
    than the wall-clock ratio, whose noise is that of the other processes.
    """
    model = embedder.sentence_transformer
    instrumented = TimedEmbedder(embedder)
    methods: dict[str, Callable[[], Any]] = {
        "pipeline": lambda: encode_texts(instrumented, texts, batch_size),
        "bare": lambda: model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
        ),
    }
    encode_texts(embedder, texts[:batch_size], batch_size)  # warm-up
    wall: dict[str, list[float]] = {"pipeline": [], "bare": []}
    cpu: dict[str, list[float]] = {"pipeline": [], "bare": []}
    vectors: dict[str, Any] = {}
    for round_ in range(repeats):
        for name in ("pipeline", "bare") if round_ % 2 == 0 else ("bare", "pipeline"):
            seconds, cpu_seconds, vectors[name] = _timed_cpu(methods[name])
            wall[name].append(len(texts) / seconds)
            cpu[name].append(len(texts) / cpu_seconds)
            print(f"  {name}: {wall[name][-1]:.1f} texts/s", file=sys.stderr)
    result = _encode_result(texts, batch_size, repeats, wall, cpu, vectors)
    result.update(
        _overhead(instrumented, wall["pipeline"], len(texts), call_cost(model, batch_size))
    )
    return result


def _encode_result(
    texts: list[str],
    batch_size: int,
    repeats: int,
    wall: dict[str, list[float]],
    cpu: dict[str, list[float]],
    vectors: dict[str, Any],
) -> dict[str, Any]:
    median = statistics.median
    paired = [p / b for p, b in zip(wall["pipeline"], wall["bare"], strict=True)]
    return {
        "texts": len(texts),
        "batch_size": batch_size,
        "repeats": repeats,
        "pipeline_texts_per_s": wall["pipeline"],
        "bare_texts_per_s": wall["bare"],
        "pipeline_median": median(wall["pipeline"]),
        "bare_median": median(wall["bare"]),
        "ratio": median(paired),  # the headline: median over rounds of pipeline / bare
        "ratio_of_medians": median(wall["pipeline"]) / median(wall["bare"]),
        "cpu_ratio": median(cpu["pipeline"]) / median(cpu["bare"]),
        "max_abs_difference": float(
            np.max(np.abs(vectors["pipeline"] - np.asarray(vectors["bare"])))
        ),
    }


def call_cost(model: Any, batch_size: int, calls: int = 15) -> float:
    """The fastest of `calls` SentenceTransformer.encode calls on a one-word text: the fixed
    cost an extra call adds, as free of other processes' interference as timing allows."""

    def once() -> Any:
        return model.encode(
            ["x"], batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
        )

    return min(timed(once)[0] for _ in range(calls))


def _overhead(
    instrumented: TimedEmbedder, pipeline_rates: list[float], n: int, call_s: float
) -> dict[str, Any]:
    passes = len(pipeline_rates)
    total = sum(n / rate for rate in pipeline_rates) / passes
    inside = instrumented.seconds / passes
    calls = instrumented.calls / passes
    return {
        "pipeline_outside_model_s": total - inside,
        "model_calls_per_pass": calls,
        "call_cost_s": call_s,
        "overhead_ratio": (inside - (calls - 1) * call_s) / total,
    }
