"""Fixtures that run `matchmaker serve` as a real process on loopback."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.service import REPO, Service, free_port, start_service
from tests.mailbox import Mailbox, running_mailbox

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
def demo_mailbox() -> Iterator[Mailbox]:
    """The SMTP server on loopback the demo service sends its e-mail notices to."""
    with running_mailbox() as (mailbox, port):
        mailbox.port = port
        yield mailbox


@pytest.fixture(scope="session")
def demo_service(
    tmp_path_factory: pytest.TempPathFactory, demo_mailbox: Mailbox
) -> Iterator[Service]:
    """One service on the demo data for the whole session (loading and embedding it is slow),
    sending its e-mail notices to `demo_mailbox`."""
    smtp = {
        "MATCHMAKER_SMTP_HOST": "127.0.0.1",
        "MATCHMAKER_SMTP_PORT": str(demo_mailbox.port),
        "MATCHMAKER_NOTICE_POLL_S": "0.5",
    }
    data = tmp_path_factory.mktemp("demo") / "neo4j"
    service = start_service(data, "--demo", timeout_s=1200, env=smtp)
    yield service
    service.process.terminate()
    try:
        service.process.wait(timeout=90)
    except subprocess.TimeoutExpired:
        service.process.kill()
