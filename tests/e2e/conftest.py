"""Fixtures that run `matchmaker serve` as a real process on loopback."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.service import REPO, Service, free_port, start_service

__all__ = ["REPO", "Service", "free_port", "start_service"]


@pytest.fixture
def service_factory(tmp_path: Path) -> Iterator[list[Service]]:
    started: list[Service] = []
    yield started
    for service in started:
        if service.process.poll() is None:
            service.process.kill()
            service.process.wait()


@pytest.fixture(scope="session")
def demo_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    """One service on the demo data for the whole session (loading and embedding it is slow)."""
    service = start_service(tmp_path_factory.mktemp("demo") / "neo4j", "--demo", timeout_s=1200)
    yield service
    service.process.terminate()
    try:
        service.process.wait(timeout=90)
    except subprocess.TimeoutExpired:
        service.process.kill()
