"""An import killed outright in the middle of writing leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.service import REPO, free_port
from matchmaker.adapters.graph import Graph, open_driver
from matchmaker.adapters.neo4j_local import LocalNeo4j, stop_detached
from matchmaker.config import Settings

TRANSACTIONS = "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery AS query"


@pytest.fixture
def detached(tmp_path: Path) -> Iterator[tuple[Settings, Graph]]:
    env = {"MATCHMAKER_NEO4J_DATA": str(tmp_path / "neo4j"),
           "MATCHMAKER_NEO4J_PORT": str(free_port()), "MATCHMAKER_NEO4J_HEAP": "1g"}  # fmt: skip
    settings = Settings.from_env(env)
    server = LocalNeo4j(settings.neo4j).start(detached=True)
    graph = Graph(open_driver(server.uri, settings.neo4j), settings.neo4j.database)
    yield settings, graph
    graph.close()
    stop_detached(settings.neo4j)


def _cli(settings: Settings, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "MATCHMAKER_NEO4J_DATA": str(settings.neo4j.data_dir),
           "HF_HUB_OFFLINE": "1"}  # fmt: skip
    env.pop("NEO4J_URI", None)
    command = [sys.executable, "-m", "matchmaker", *args]
    return subprocess.Popen(command, cwd=REPO, env=env, stderr=subprocess.PIPE, text=True)


def _kill_once_writing(
    process: subprocess.Popen[str], graph: Graph, timeout_s: float = 300
) -> None:
    """Wait until the import's write transaction has run for a while, then SIGKILL it."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and process.poll() is None:
        if any(_writing_members(r) for r in graph.read(TRANSACTIONS)):
            time.sleep(0.5)  # some batches in, well before the import could finish them all
            assert process.poll() is None, "the import finished before it could be killed"
            process.send_signal(signal.SIGKILL)
            process.wait()
            return
        time.sleep(0.1)
    raise AssertionError("the import never got to writing members")


def _writing_members(row: dict[str, object]) -> bool:
    query = str(row.get("query") or "")
    return "UNWIND" in query and ":Member" in query


def test_import_killed_midway_writes_nothing(
    tmp_path: Path, detached: tuple[Settings, Graph]
) -> None:
    settings, graph = detached
    data = tmp_path / "synthetic"
    generate = _cli(settings, "demo-data", "--members", "8000", "--seed", "5", "--out", str(data))
    assert generate.wait(timeout=300) == 0
    organisations = next(data.glob("organisations.*"))
    assert _cli(settings, "import", "organisations", str(organisations)).wait(timeout=300) == 0
    before = graph.read("MATCH (n) RETURN count(n) AS n")[0]["n"]

    members = next(data.glob("members.*"))
    _kill_once_writing(_cli(settings, "import", "members", str(members)), graph)

    assert graph.read("MATCH (m:Member) RETURN count(m) AS n")[0]["n"] == 0
    assert graph.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == before
