"""Faults: the database going away under load, and a model that cannot be loaded."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from matchmaker.adapters.neo4j_local import LocalNeo4j, find_running, stop_detached
from matchmaker.config import Settings
from tests.e2e.conftest import REPO, Service, free_port, start_service

QUERY = {"query": "{ health { neo4j schemaVersion } }"}


def _settings(data_dir: Path, port: int) -> Settings:
    env = {"MATCHMAKER_NEO4J_DATA": str(data_dir), "MATCHMAKER_NEO4J_PORT": str(port),
           "MATCHMAKER_NEO4J_HEAP": "1g"}  # fmt: skip
    return Settings.from_env(env)


def _hammer(url: str, seconds: float) -> list[int]:
    """Send GraphQL requests from 8 threads for `seconds`; return every status code seen."""
    deadline = time.monotonic() + seconds

    def worker() -> list[int]:
        codes = []
        with httpx.Client(timeout=30) as client:
            while time.monotonic() < deadline:
                try:
                    codes.append(client.post(f"{url}/graphql", json=QUERY).status_code)
                except httpx.HTTPError:
                    codes.append(-1)  # connection refused or reset: the service went away
        return codes

    with ThreadPoolExecutor(8) as pool:
        return [code for codes in pool.map(lambda _: worker(), range(8)) for code in codes]


def _wait_status(url: str, status: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if httpx.get(f"{url}/healthz", timeout=10).status_code == status:
            return True
        time.sleep(0.5)
    return False


def _crash(settings: Settings) -> None:
    """Kill the Neo4j JVM outright, as a crash or an out-of-memory kill would."""
    running = find_running(settings.neo4j)
    assert running is not None
    os.kill(running.pid, signal.SIGKILL)


def test_service_survives_neo4j_going_away_and_recovers(
    tmp_path: Path, service_factory: list[Service]
) -> None:
    data_dir = tmp_path / "neo4j"
    settings = _settings(data_dir, free_port())
    LocalNeo4j(settings.neo4j).start(detached=True)
    try:
        service = start_service(data_dir)
        service_factory.append(service)
        with ThreadPoolExecutor(1) as pool:
            load = pool.submit(_hammer, service.url, 10.0)
            time.sleep(3)
            _crash(settings)
            codes = load.result()
        assert -1 not in codes, "the service stopped answering while Neo4j was down"
        assert 500 not in codes
        assert _wait_status(service.url, 503, 30)
        down = httpx.post(f"{service.url}/graphql", json=QUERY, timeout=30)
        assert "Traceback" not in down.text
        LocalNeo4j(settings.neo4j).start(detached=True)
        assert _wait_status(service.url, 200, 60), "the service did not recover by itself"
        assert service.process.poll() is None
    finally:
        stop_detached(settings.neo4j)


def test_a_missing_model_stops_start_up_with_a_clear_error(tmp_path: Path) -> None:
    env = {**os.environ, "MATCHMAKER_MODEL": str(tmp_path / "no-such-model"),
           "MATCHMAKER_NEO4J_DATA": str(tmp_path / "neo4j"), "HF_HUB_OFFLINE": "1",
           "MATCHMAKER_JWT_SECRET": "x" * 40}  # fmt: skip
    command = [sys.executable, "-m", "matchmaker", "serve", "--port", str(free_port())]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "MATCHMAKER_MODEL=" in result.stderr
    assert "neither a packaged model" in result.stderr
    assert not (tmp_path / "neo4j" / "matchmaker-neo4j.pid").exists()
