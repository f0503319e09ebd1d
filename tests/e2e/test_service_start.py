"""The tests' service launcher leaves nothing running when a service is not up in time."""

from __future__ import annotations

from pathlib import Path

import psutil
import pytest

from bench import service as launcher
from bench.service import start_service


def _services() -> list[psutil.Process]:
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            if "serve" in child.cmdline() and child.status() != psutil.STATUS_ZOMBIE:
                found.append(child)
        except psutil.NoSuchProcess:
            continue
    return found


def test_a_service_not_healthy_in_time_is_stopped_not_left_running(tmp_path: Path) -> None:
    before = {p.pid for p in _services()}
    with pytest.raises(AssertionError, match="not healthy in 1"):
        start_service(tmp_path / "neo4j", "--demo", timeout_s=1)
    assert [p for p in _services() if p.pid not in before] == []


class Interrupted(BaseException):
    """What a test's time limit or Ctrl-C raises in the middle of the wait."""


def test_a_service_whose_wait_is_interrupted_is_stopped_not_left_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(service: object, timeout_s: float) -> None:
        raise Interrupted

    monkeypatch.setattr(launcher, "_wait_healthy", interrupted)
    before = {p.pid for p in _services()}
    with pytest.raises(Interrupted):
        start_service(tmp_path / "neo4j", "--demo", timeout_s=600)
    assert [p for p in _services() if p.pid not in before] == []
