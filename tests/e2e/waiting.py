"""Waiting for what another process delivers in its own time: an e-mail, a search hit."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def eventually(
    read: Callable[[], T | None], timeout_s: float = 30.0, what: str = "the e-mail"
) -> T:
    """The first answer of `read` that is not None, polled until `timeout_s`; fails naming
    `what` did not come."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = read()
        if found is not None:
            return found
        time.sleep(0.2)
    raise AssertionError(f"{what} did not come in {timeout_s} s")
