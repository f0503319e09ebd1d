"""`make soak`: 64 clients for 60 seconds of mixed traffic against the demo service.

Passes when no request got a 5xx and every acknowledged write is in the graph afterwards;
writes the figures to bench/results/soak.md.

    python -m bench.soak [--clients 64] [--seconds 60] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from bench.bench_api import DATA_DIR
from bench.load import LoadResult, format_summary, lost_writes, run_load
from bench.machine import describe
from bench.service import REPO, Service, start_service
from matchmaker.adapters.graph import Graph, open_driver
from matchmaker.adapters.neo4j_local import find_running
from matchmaker.config import Settings

REPORT = REPO / "bench" / "results" / "soak.md"


def _graph_of(service: Service) -> Graph:
    settings = Settings.from_env({"MATCHMAKER_NEO4J_DATA": str(service.data_dir)})
    running = find_running(settings.neo4j)
    if running is None:
        raise RuntimeError("the service's Neo4j is not running")
    return Graph(open_driver(running.uri, settings.neo4j), settings.neo4j.database)


def soak(clients: int, seconds: float, workers: int = 2) -> tuple[LoadResult, list[str]]:
    """Run the load on a fresh service process; return the result and the lost writes."""
    service = start_service(DATA_DIR, "--demo", "--workers", str(workers), timeout_s=1800)
    try:
        result = asyncio.run(run_load(service.url, clients, seconds, max_requests=1_000_000))
        graph = _graph_of(service)
        try:
            lost = lost_writes(graph, result)
        finally:
            graph.close()
    finally:
        service.process.terminate()
        service.process.wait(timeout=120)
    return result, lost


def report(
    result: LoadResult, lost: list[str], clients: int, seconds: float, workers: int = 2
) -> str:
    verdict = "PASS" if result.server_errors == 0 and not lost else "FAIL"
    return "\n".join(
        [
            "# Soak",
            "",
            describe(),
            "",
            f"Command: `make soak` (`python -m bench.soak --clients {clients} "
            f"--seconds {seconds:g} --workers {workers}`). Targets: at least 100 requests/s, "
            "p99 at most 1 s, no 5xx, no lost write.",
            "",
            format_summary(result),
            "",
            f"Lost writes: {len(lost)}. Client-side errors: {len(result.errors)}. {verdict}.",
            "",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    result, lost = soak(args.clients, args.seconds, args.workers)
    text = report(result, lost, args.clients, args.seconds, args.workers)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text)
    print(text)
    return 0 if result.server_errors == 0 and not lost else 1


if __name__ == "__main__":
    sys.exit(main())
