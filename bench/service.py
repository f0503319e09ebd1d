"""Runs `matchmaker serve` as a real process on loopback, for end-to-end tests and benchmarks."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Service:
    process: subprocess.Popen[bytes]
    url: str
    data_dir: Path
    log: Path

    def pid_file(self) -> Path:
        return self.data_dir / "matchmaker-neo4j.pid"


def start_service(
    data_dir: Path, *args: str, timeout_s: float = 300.0, env: dict[str, str] | None = None
) -> Service:
    """Start `matchmaker serve` with its own local Neo4j and wait for /healthz to say 200;
    `env` adds to (or overrides) the environment it inherits."""
    port = free_port()
    env = {
        **os.environ,
        "MATCHMAKER_PUBLIC_URL": f"http://127.0.0.1:{port}",  # links in its e-mail notices
        **(env or {}),
        "MATCHMAKER_NEO4J_DATA": str(data_dir),
        "MATCHMAKER_NEO4J_PORT": str(free_port()),
        "MATCHMAKER_NEO4J_HEAP": "1g",
        "HF_HUB_OFFLINE": "1",
    }
    # Outside --demo the service refuses a short or built-in token secret: give it a real one.
    env.setdefault("MATCHMAKER_JWT_SECRET", secrets.token_urlsafe(48))
    env.pop("NEO4J_URI", None)
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir.parent / f"serve-{port}.log"
    command = [sys.executable, "-m", "matchmaker", "serve", "--port", str(port), *args]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    service = Service(process, f"http://127.0.0.1:{port}", data_dir, log)
    try:
        _wait_healthy(service, timeout_s)
    except BaseException:
        # Also when the wait itself is interrupted (a test's time limit, Ctrl-C): a service
        # left starting would outlive its caller with its Neo4j.
        stop(service)
        raise
    return service


def stop(service: Service, grace_s: float = 30.0) -> None:
    """SIGTERM the service (it stops its own Neo4j), then SIGKILL it after `grace_s`."""
    if service.process.poll() is not None:
        return
    service.process.terminate()
    try:
        service.process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        service.process.kill()
        service.process.wait()


def _wait_healthy(service: Service, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if service.process.poll() is not None:
            raise AssertionError(f"service exited early:\n{service.log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{service.url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"service not healthy in {timeout_s}s:\n{service.log.read_text()[-3000:]}")


BENCH_ROOT = REPO / "var" / "bench-demo"
PRISTINE = BENCH_ROOT / "pristine"


def fresh_demo(name: str) -> Path:
    """A Neo4j data folder holding the demo graph as loaded, for one run that writes to it.

    The load and soak runs add hundreds of ideas and interests; run on one kept folder they
    would leave each later run a larger graph than the last (the ideas list counts them all),
    so figures drifted from run to run. The demo is loaded once into `pristine`, with its
    Neo4j stopped, and each run gets its own copy of that."""
    if not (PRISTINE / ".complete").exists():
        shutil.rmtree(PRISTINE, ignore_errors=True)
        stop(start_service(PRISTINE / "neo4j", "--demo", timeout_s=1800))
        (PRISTINE / ".complete").touch()
    target = BENCH_ROOT / name
    shutil.rmtree(target, ignore_errors=True)
    ignore = shutil.ignore_patterns("*.pid", "logs")
    shutil.copytree(PRISTINE / "neo4j", target / "neo4j", ignore=ignore)
    return target / "neo4j"
