"""Embedding what a request wrote after the request has answered.

Saving an idea used to encode its text and write the vector before answering: two more
round trips and a model call on the request path, so under a call launch's load an idea's
save took about three times as long as a read at the median, and set the p99 of the soak.
No request reads an idea's vector (team suggestions encode the idea's text themselves), so
the save now answers once the idea is written, and a thread of the service's own embeds it
moments later. Once a node waits, the thread gathers what else arrives for GATHER_S, up to
BATCH, and embeds them in one read, one encode and one write. Taken as they came, under a
call launch's load the passes held one idea each: a read, an encode and a write transaction
an idea, a third of the workers' CPU and more of the database's in the soak.

What may be lost: a vector waiting when the process is killed. The node keeps no vector (or
a stale one, whose hash then differs from its text's) and `matchmaker embed` finds it, as it
finds every node written without one.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

BATCH = 32  # nodes a pass embeds at most
GATHER_S = 1.0  # how long a pass waits for more nodes after the first

Embed = Callable[[str, Sequence[str]], None]  # (label, node ids): embed them now


class EmbedBehind:
    """A thread that runs `embed` for the nodes handed to `later`, in batches, in order."""

    def __init__(
        self, embed: Embed, name: str = "embed-behind", gather_s: float = GATHER_S
    ) -> None:
        self._embed = embed
        self._gather_s = gather_s
        self._queue: queue.Queue[tuple[str, str] | None] = queue.Queue()
        self._settled = threading.Condition()
        self._pending = 0
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        self.embedded = 0  # nodes handed to `embed` without an error
        self.failed = 0  # nodes whose pass raised (logged; left for `matchmaker embed`)

    def later(self, label: str, ids: Sequence[str]) -> None:
        """Embed these nodes soon; returns at once (the signature of an embed-now port)."""
        with self._settled:
            self._pending += len(ids)
        for node_id in ids:
            self._queue.put((label, node_id))

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Whether every node handed over so far was embedded, or failed, within `timeout_s`."""
        with self._settled:
            return self._settled.wait_for(lambda: self._pending == 0, timeout_s)

    def close(self, timeout_s: float = 10.0) -> None:
        """Embed what already waits, then stop the thread (waiting at most `timeout_s`)."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout_s)

    def _run(self) -> None:
        stopping = False
        while not stopping:
            batch, stopping = self._take()
            if batch:
                self._pass(batch)
            with self._settled:
                self._pending -= len(batch)
                self._settled.notify_all()

    def _take(self) -> tuple[list[tuple[str, str]], bool]:
        """The next batch, and whether close() was asked: waits for one item, then takes
        what else arrives within the gathering time, up to BATCH."""
        batch: list[tuple[str, str]] = []
        item = self._queue.get()
        until = time.monotonic() + self._gather_s
        while item is not None:
            batch.append(item)
            if len(batch) >= BATCH:
                return batch, False
            try:
                item = self._queue.get(timeout=max(0.0, until - time.monotonic()))
            except queue.Empty:
                return batch, False
        return batch, True

    def _pass(self, batch: list[tuple[str, str]]) -> None:
        by_label: dict[str, list[str]] = {}
        for label, node_id in batch:
            ids = by_label.setdefault(label, [])
            if node_id not in ids:
                ids.append(node_id)
        for label, ids in by_label.items():
            try:
                self._embed(label, ids)
                self.embedded += len(ids)
            except Exception as e:  # the request answered long ago: log it, keep going
                self.failed += len(ids)
                log.warning("could not embed %d %s node(s) after a write: %s", len(ids), label, e)
