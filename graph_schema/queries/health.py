"""The liveness probe: the smallest read a database answers."""

from __future__ import annotations

PING = "RETURN 1 AS ok"
