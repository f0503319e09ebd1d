"""Viewers confirmed against the graph in the last few seconds, so that a signed-in client's
every request does not read the graph again to learn that its member still exists.

A removed member's token therefore keeps working for at most `ttl_s` seconds more; the
token's own signature and expiry are still checked on every request.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from matchmaker.auth.roles import Role, Viewer

Key = tuple[str, Role]


class RecentViewers:
    def __init__(
        self, ttl_s: float = 10.0, size: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl_s = ttl_s
        self.size = size
        self._clock = clock
        self._seen: OrderedDict[Key, tuple[float, Viewer]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, subject: str, role: Role) -> Viewer | None:
        """The viewer confirmed for (subject, role) within `ttl_s`, else None."""
        with self._lock:
            found = self._seen.get((subject, role))
            if found is None:
                return None
            if self._clock() - found[0] > self.ttl_s:
                del self._seen[(subject, role)]
                return None
            return found[1]

    def put(self, viewer: Viewer) -> None:
        with self._lock:
            self._seen[(viewer.id, viewer.role)] = (self._clock(), viewer)
            self._seen.move_to_end((viewer.id, viewer.role))
            while len(self._seen) > self.size:
                self._seen.popitem(last=False)
