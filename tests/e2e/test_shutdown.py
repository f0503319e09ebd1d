"""Stopping the service never leaves the Neo4j JVM behind."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from pathlib import Path

import httpx
import psutil
import pytest

from tests.e2e.conftest import Service, start_service


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2]
    except (FileNotFoundError, IndexError):
        return "Z"


def _java_pid(service: Service) -> int:
    pid = int(service.pid_file().read_text().split()[0])
    assert "java" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    return pid


def _wait_gone(pid: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_no_java_process_is_left_behind(
    sig: signal.Signals, tmp_path: Path, service_factory: list[Service]
) -> None:
    service = start_service(tmp_path / "neo4j")
    service_factory.append(service)
    java = _java_pid(service)
    service.process.send_signal(sig)
    service.process.wait(timeout=90)
    # SIGKILL gives Python no chance to clean up: the JVM sees its stdin close and exits.
    assert _wait_gone(java, 90), f"java pid {java} still running after {sig.name}"


def _hammer(url: str, stop: threading.Event, answered: list[int]) -> None:
    query = {"query": "{ calls(first: 10) { nodes { id title } } themes { totalCount } }"}
    with httpx.Client(base_url=url, timeout=5) as client:
        while not stop.is_set():
            try:
                answered.append(client.post("/graphql", json=query).status_code)
            except httpx.HTTPError:
                answered.append(0)  # refused or cut off while shutting down


def _connections_per_worker(service: Service, opened: int) -> list[int]:
    """Open `opened` connections and count, for each worker, those it accepted."""
    port = int(service.url.rsplit(":", 1)[1])
    workers = [
        p for p in psutil.Process(service.process.pid).children(recursive=True)
        if "spawn_main" in " ".join(p.cmdline())
    ]  # fmt: skip
    held = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(opened)]
    try:
        counts: list[int] = []
        for _ in range(50):  # until every connection is accepted by some worker
            counts = [
                sum(c.laddr.port == port and c.status == "ESTABLISHED" for c in w.net_connections())
                for w in workers
            ]
            if sum(counts) >= opened:
                break
            time.sleep(0.1)
        return counts
    finally:
        for sock in held:
            sock.close()


def test_sigterm_stops_several_workers_under_load_within_ten_seconds(
    tmp_path: Path, service_factory: list[Service]
) -> None:
    service = start_service(tmp_path / "neo4j", "--workers", "2")
    service_factory.append(service)
    java = _java_pid(service)
    # A burst of new connections is spread over both workers (each listens on its own
    # socket), not taken by whichever woke first.
    per_worker = _connections_per_worker(service, 40)
    assert len(per_worker) == 2, per_worker
    assert sum(per_worker) == 40, per_worker
    assert min(per_worker) >= 8, f"connections per worker: {per_worker}"
    stop, answered = threading.Event(), []
    clients = [
        threading.Thread(target=_hammer, args=(service.url, stop, answered)) for _ in range(8)
    ]
    for client in clients:
        client.start()
    try:
        time.sleep(3)
        assert answered.count(200) > 10, f"the load did not get going: {answered[:20]}"
        started = time.monotonic()
        service.process.send_signal(signal.SIGTERM)
        service.process.wait(timeout=30)
        assert time.monotonic() - started < 10, "SIGTERM took 10 s or more under load"
    finally:
        stop.set()
        for client in clients:
            client.join(10)
    assert _wait_gone(java, 60), f"java pid {java} still running after SIGTERM"
    assert 500 not in answered
