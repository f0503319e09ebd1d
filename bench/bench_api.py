"""GraphQL requests per second at increasing concurrency, against the running service.

Starts `matchmaker serve --demo` on loopback with its own local Neo4j (data kept in
var/bench-demo so later runs skip the demo load), then runs the load mix of bench.load for a
few seconds at each concurrency. Also reports the resident memory of the service and of Neo4j.

    python -m bench.bench_api [--seconds 10] [--levels 1,4,16,64]
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from bench.load import LoadResult, percentile, run_load
from bench.service import REPO, Service, start_service
from matchmaker.adapters.neo4j_local import find_running
from matchmaker.config import Settings

DATA_DIR = REPO / "var" / "bench-demo" / "neo4j"


@dataclass(frozen=True)
class Level:
    clients: int
    requests_per_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    server_errors: int


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children, in MiB."""
    process = psutil.Process(pid)
    total = process.memory_info().rss + sum(
        child.memory_info().rss for child in process.children(recursive=True)
    )
    return float(total) / 2**20


def neo4j_pid(data_dir: Path) -> int:
    running = find_running(Settings.from_env({"MATCHMAKER_NEO4J_DATA": str(data_dir)}).neo4j)
    if running is None:
        raise RuntimeError(f"no local Neo4j runs on {data_dir}")
    return running.pid


def _level(result: LoadResult) -> Level:
    values = [v for vs in result.latencies.values() for v in vs]
    return Level(
        clients=result.clients,
        requests_per_s=result.requests / result.seconds,
        p50_ms=percentile(values, 50),
        p95_ms=percentile(values, 95),
        p99_ms=percentile(values, 99),
        server_errors=result.server_errors,
    )


def measure(service: Service, levels: list[int], seconds: float) -> list[Level]:
    return [_level(asyncio.run(run_load(service.url, n, seconds))) for n in levels]


def format_levels(levels: list[Level]) -> str:
    lines = [
        "| clients | requests/s | p50 ms | p95 ms | p99 ms | 5xx |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for lv in levels:
        lines.append(
            f"| {lv.clients} | {lv.requests_per_s:.0f} | {lv.p50_ms:.1f} | {lv.p95_ms:.1f} | "
            f"{lv.p99_ms:.1f} | {lv.server_errors} |"
        )
    return "\n".join(lines)


def run(levels: list[int] | None = None, seconds: float = 10.0) -> dict[str, Any]:
    """Start the demo service, measure each level, stop it; return figures for the report."""
    service = start_service(DATA_DIR, "--demo", timeout_s=1800)
    try:
        measured = measure(service, levels or [1, 4, 16, 64], seconds)
        memory = {
            "service_rss_mib": rss_mib(service.process.pid),
            "neo4j_rss_mib": rss_mib(neo4j_pid(service.data_dir)),
        }
    finally:
        service.process.terminate()
        service.process.wait(timeout=120)
    return {"levels": measured, "memory": memory, "table": format_levels(measured)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--levels", default="1,4,16,64")
    args = parser.parse_args()
    figures = run([int(n) for n in args.levels.split(",")], args.seconds)
    print(figures["table"])
    print(figures["memory"])


if __name__ == "__main__":
    main()
