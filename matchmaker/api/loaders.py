"""DataLoaders: every node-by-id and relationship hop a request makes is batched per label.

One loader per label and one per hop, created on first use and living for one request, so a
nested request costs one query per level, however many parents it has.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from strawberry.dataloader import DataLoader

from graph_schema.queries.api_related import Hop
from matchmaker.adapters import introductions, reads
from matchmaker.adapters.loop_reads import Reader
from matchmaker.adapters.records import Linked
from matchmaker.auth.roles import Viewer


class Loaders:
    """The request's loaders, all reading as `viewer` through `reader`."""

    def __init__(self, reader: Reader, viewer: Viewer) -> None:
        self.reader = reader
        self.viewer = viewer
        self._nodes: dict[str, DataLoader[str, Any | None]] = {}
        self._hops: dict[Hop, DataLoader[str, list[Linked]]] = {}
        self._introduced: DataLoader[str, bool] | None = None

    def node(self, label: str) -> DataLoader[str, Any | None]:
        """Nodes of `label` by id; None where the node is hidden or does not exist."""
        if label not in self._nodes:
            self._nodes[label] = DataLoader(load_fn=partial(self._load_nodes, label))
        return self._nodes[label]

    def hop(self, step: Hop) -> DataLoader[str, list[Linked]]:
        """The visible far ends of `step` from each source id."""
        if step not in self._hops:
            self._hops[step] = DataLoader(load_fn=partial(self._load_hop, step))
        return self._hops[step]

    def introduced(self) -> DataLoader[str, bool]:
        """Whether the viewer (a member or partner) and each member id were introduced."""
        if self._introduced is None:
            self._introduced = DataLoader(load_fn=self._load_introduced)
        return self._introduced

    def remember(self, label: str, records: list[Any]) -> None:
        """Prime the node loader with records a page has already read."""
        loader = self.node(label)
        for record in records:
            loader.prime(record.id, record)

    async def _load_nodes(self, label: str, ids: list[str]) -> list[Any | None]:
        found = await reads.run_async(self.reader, reads.by_ids_read(label, ids, self.viewer))
        return [found.get(i) for i in ids]

    async def _load_hop(self, step: Hop, ids: list[str]) -> list[list[Linked]]:
        found = await reads.run_async(self.reader, reads.hop_read(step, ids, self.viewer))
        return [found[i] for i in ids]

    async def _load_introduced(self, ids: list[str]) -> list[bool]:
        kind = self.viewer.audience
        read = introductions.introduced_read(kind, self.viewer.id, ids)
        found = await reads.run_async(self.reader, read)
        return [i in found for i in ids]
