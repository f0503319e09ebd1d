"""Use case: give every embedded node a vector of its current text, computing only what changed.

Nodes are read a page at a time (ordered by id), so a graph of 100,000 outputs never sits in
memory at once. For each node the text is rebuilt (embeddings.texts), hashed with the model's
name, and compared with the hash, model and dimension stored beside its vector: only missing or
stale vectors are encoded and written. A node whose text became empty loses its vector.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from tqdm import tqdm

from embeddings import Embedder
from embeddings.pipeline import DEFAULT_BATCH_SIZE, content_hash, encode_texts, normalise
from embeddings.texts import TEXT_PROPERTIES, node_text
from graph_schema import model as m
from matchmaker.adapters import vectors as store
from matchmaker.adapters.graph import Graph

log = logging.getLogger(__name__)

DEFAULT_PAGE_SIZE = 1000
EMBEDDED_LABELS: tuple[str, ...] = m.EMBEDDED_LABELS


@dataclass(frozen=True)
class LabelReport:
    """What one label's pass did. checked = embedded + unchanged + cleared + without_text."""

    label: str
    checked: int
    embedded: int
    unchanged: int  # the stored vector matches the current text: not computed again
    cleared: int  # the text became empty, so the vector was removed
    without_text: int  # no text and no vector (e.g. a member without a statement)
    seconds: float


@dataclass(frozen=True)
class EmbedReport:
    model: str
    labels: tuple[LabelReport, ...]
    seconds: float

    @property
    def checked(self) -> int:
        return sum(r.checked for r in self.labels)

    @property
    def embedded(self) -> int:
        return sum(r.embedded for r in self.labels)

    def of(self, label: str) -> LabelReport:
        """The report of one label; raises KeyError when that label was not processed."""
        for report in self.labels:
            if report.label == label:
                return report
        raise KeyError(label)


@dataclass(frozen=True)
class _Options:
    batch_size: int
    page_size: int
    force: bool
    progress: bool


@dataclass
class _Tally:
    checked: int = 0
    embedded: int = 0
    unchanged: int = 0
    cleared: int = 0
    without_text: int = 0


@dataclass
class _Plan:
    """One page sorted into what to encode, what to clear and what to leave."""

    stale: list[tuple[str, str, str]] = field(default_factory=list)  # (id, hash, text)
    clear: list[str] = field(default_factory=list)
    unchanged: int = 0
    without_text: int = 0


def embed_stale(
    graph: Graph,
    embedder: Embedder,
    progress: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    force: bool = False,
    page_size: int = DEFAULT_PAGE_SIZE,
    labels: Sequence[str] = EMBEDDED_LABELS,
) -> EmbedReport:
    """Embed every node of `labels` whose vector is missing or stale; `force` redoes them all.

    With `progress`, one tqdm bar a label on stderr shows nodes checked and their rate. Raises
    ValueError for a label without a vector index or a batch_size/page_size below 1,
    Neo4jUnavailable when the graph cannot be reached, and whatever the embedder raises.
    """
    if batch_size < 1 or page_size < 1:
        raise ValueError(f"batch_size and page_size must be at least 1: {batch_size}, {page_size}")
    options = _Options(batch_size, page_size, force, progress)
    started = time.perf_counter()
    reports = tuple(_embed_label(graph, embedder, label, options) for label in labels)
    return EmbedReport(embedder.name, reports, time.perf_counter() - started)


def embed_nodes(graph: Graph, embedder: Embedder, label: str, ids: Sequence[str]) -> None:
    """Embed the nodes of `label` among `ids` whose vector is missing or stale, in one read
    and one write: what a write of a few nodes needs, where embed_stale reads them all.
    Raises as embed_stale."""
    page = store.texts_of(graph, label, _properties(label), ids)
    options = _Options(DEFAULT_BATCH_SIZE, max(len(page), 1), False, False)
    _embed_page(graph, embedder, label, page, options, _Tally())


def _embed_label(graph: Graph, embedder: Embedder, label: str, options: _Options) -> LabelReport:
    started = time.perf_counter()
    tally = _Tally()
    properties = _properties(label)
    total = store.count_nodes(graph, label) if options.progress else None
    with tqdm(
        total=total, desc=label, unit="node", file=sys.stderr, disable=not options.progress
    ) as bar:
        for page in store.text_pages(graph, label, properties, options.page_size):
            _embed_page(graph, embedder, label, page, options, tally)
            bar.update(len(page))
            bar.set_postfix(embedded=tally.embedded, refresh=False)
    report = LabelReport(label, **vars(tally), seconds=time.perf_counter() - started)
    log.info(
        "%s: %d checked, %d embedded, %d unchanged, %d cleared",
        label, tally.checked, tally.embedded, tally.unchanged, tally.cleared,
    )  # fmt: skip
    return report


def _properties(label: str) -> tuple[str, ...]:
    try:
        return TEXT_PROPERTIES[label]
    except KeyError:
        raise ValueError(f"{label!r} is not embedded; embedded labels: {EMBEDDED_LABELS}") from None


def _embed_page(
    graph: Graph,
    embedder: Embedder,
    label: str,
    page: list[store.StoredText],
    options: _Options,
    tally: _Tally,
) -> None:
    plan = _plan(page, label, embedder, options.force)
    if plan.stale:
        texts = [text for _, _, text in plan.stale]
        vectors = encode_texts(embedder, texts, options.batch_size)
        rows = [store.NewVector(i, h, v) for (i, h, _), v in zip(plan.stale, vectors, strict=True)]
        store.write_vectors(graph, label, embedder.name, rows)
    store.clear_vectors(graph, label, plan.clear)
    tally.checked += len(page)
    tally.embedded += len(plan.stale)
    tally.unchanged += plan.unchanged
    tally.cleared += len(plan.clear)
    tally.without_text += plan.without_text


def _plan(page: list[store.StoredText], label: str, embedder: Embedder, force: bool) -> _Plan:
    plan = _Plan()
    for node in page:
        text = normalise(node_text(label, node.props))
        if not text:
            if node.dimension is None and node.hash is None:
                plan.without_text += 1
            else:
                plan.clear.append(node.id)
            continue
        digest = content_hash(text, embedder.name)
        if not force and _is_current(node, digest, embedder):
            plan.unchanged += 1
        else:
            plan.stale.append((node.id, digest, text))
    return plan


def _is_current(node: store.StoredText, digest: str, embedder: Embedder) -> bool:
    return (
        node.hash == digest and node.model == embedder.name and node.dimension == embedder.dimension
    )
