"""Team-suggestion latency at growing membership, warm, measured server side.

For each size: a synthetic dataset (matchmaker.demo.synthetic, seeded) is imported through
the importer into an empty local Neo4j and embedded with the real model (embed_stale; its
time is reported too); then matchmaker.services.teams.suggest_team runs for `--queries`
varied idea texts from that dataset (title + summary as free text, with the idea's
required skills, team size 4), after `--warmup` untimed calls. The time is the service
function's wall time: encoding the texts with the model, every Neo4j read and the solver,
not HTTP. p50 and p95 over the timed calls. Target: p95 under 150 ms at 10,000 members.

Embedding dominates the set-up: about 2.8 texts per member (outputs and statements). Sizes
whose embedding would not finish in time are best left out with --sizes.

    python -m bench.bench_team_latency [--sizes 1000,10000,50000] [--queries 30]
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.machine import describe
from embeddings import Embedder
from matchmaker.adapters.graph import Graph, open_driver
from matchmaker.adapters.import_store import GraphImportStore
from matchmaker.adapters.neo4j_local import LocalNeo4j
from matchmaker.adapters.schema import migrate
from matchmaker.bootstrap import load_embedder
from matchmaker.config import REPO_ROOT, Settings
from matchmaker.demo.synthetic import generate
from matchmaker.importing.lines import Format
from matchmaker.services.demo import load_demo, write_synthetic
from matchmaker.services.embedding import embed_stale
from matchmaker.services.team_report import TeamResult
from matchmaker.services.team_request import TeamRequest
from matchmaker.services.teams import suggest_team

RESULTS = REPO_ROOT / "bench" / "results" / "team_latency.md"
WIPE = "MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS"
SEED = 11
TARGET_MS = 150.0


@contextmanager
def local_graph(settings: Settings, dimension: int) -> Iterator[Graph]:
    """A fresh local Neo4j in a temporary folder, migrated; stopped afterwards."""
    with tempfile.TemporaryDirectory(prefix="team-latency-") as folder:
        local = settings.with_neo4j(data_dir=Path(folder) / "data", port=0, heap="2g")
        server = LocalNeo4j(local.neo4j)
        running = server.start()
        graph = Graph(open_driver(running.uri, local.neo4j), local.neo4j.database)
        try:
            migrate(graph, dimension)
            yield graph
        finally:
            graph.close()
            server.stop()


def load_size(graph: Graph, embedder: Embedder, members: int) -> dict[str, float]:
    """Empty the graph, import a synthetic dataset of `members`, embed it; timings."""
    with graph.session() as session:
        session.run(WIPE).consume()
    with tempfile.TemporaryDirectory(prefix="synthetic-") as folder:
        started = time.perf_counter()
        write_synthetic(members, SEED, Path(folder), Format.JSONL)
        load_demo(GraphImportStore(graph), Path(folder), one_transaction=False)
        imported = time.perf_counter()
    report = embed_stale(graph, embedder)
    return {
        "import_s": imported - started,
        "embed_s": time.perf_counter() - imported,
        "texts": float(report.embedded),
    }


def requests_for(members: int, count: int) -> list[TeamRequest]:
    """`count` varied idea texts (with their skills) from the dataset of this size."""
    ideas = generate(members, SEED).ideas
    step = max(1, len(ideas) // count)
    chosen = [ideas[i] for i in range(0, len(ideas), step)][:count]
    return [
        TeamRequest(text=f"{i.title}. {i.summary}", skills=i.required_skills, size=4)
        for i in chosen
    ]


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (share in 0..1) of the values."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def time_requests(
    graph: Graph, embedder: Embedder, requests: Sequence[TeamRequest], warmup: int
) -> dict[str, float]:
    for request in requests[:warmup]:
        suggest_team(graph, embedder, request)
    times, teams = [], 0
    for request in requests:
        started = time.perf_counter()
        result = suggest_team(graph, embedder, request)
        times.append((time.perf_counter() - started) * 1000)
        teams += isinstance(result, TeamResult)
    return {
        "p50_ms": statistics.median(times),
        "p95_ms": percentile(times, 0.95),
        "max_ms": max(times),
        "calls": float(len(times)),
        "teams": float(teams),
    }


def run(
    sizes: Sequence[int], queries: int = 30, warmup: int = 3, out: Path | None = None
) -> dict[int, dict[str, float]]:
    """Latency figures by membership size (see the module doc); the report is rewritten to
    `out` after each size, so a run stopped early keeps what it measured."""
    settings = Settings.from_env()
    embedder = load_embedder(settings)
    results: dict[int, dict[str, float]] = {}
    with local_graph(settings, embedder.dimension) as graph:
        for members in sizes:
            setup = load_size(graph, embedder, members)
            timing = time_requests(graph, embedder, requests_for(members, queries), warmup)
            results[members] = {**setup, **timing, "load_1m": os.getloadavg()[0]}
            print(f"{members} members: {results[members]}", file=sys.stderr, flush=True)
            if out is not None:
                save(out, report(results, sizes))
    return results


def save(out: Path, text: str) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n")


def markdown(results: dict[int, dict[str, float]]) -> str:
    lines = [
        "| members | p50 ms | p95 ms | max ms | calls | feasible | import s | embed s "
        "| texts embedded | load avg |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for members, r in results.items():
        lines.append(
            f"| {members:,} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['max_ms']:.0f} "
            f"| {r['calls']:.0f} | {r['teams']:.0f} | {r['import_s']:.0f} | {r['embed_s']:.0f} "
            f"| {r['texts']:.0f} | {r['load_1m']:.1f} |"
        )
    return "\n".join(lines)


def report(results: dict[int, dict[str, float]], sizes: Sequence[int]) -> str:
    verdict = (
        f"p95 at 10,000 members: {results[10_000]['p95_ms']:.0f} ms "
        f"(target under {TARGET_MS:.0f} ms)"
        if 10_000 in results
        else "10,000 members not run"
    )
    return "\n\n".join(
        [
            "# Team-suggestion latency",
            describe(),
            f"Sizes asked for: {', '.join(f'{s:,}' for s in sizes)}; measured: "
            f"{', '.join(f'{s:,}' for s in results)}; warm; server side "
            "(suggest_team wall time: model encoding, Neo4j reads, solver); team size 4; "
            "idea texts with their required skills.",
            markdown(results),
            verdict,
        ]
    )


def main(argv: Sequence[str] | None = None) -> dict[int, dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated member counts")
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    results = run(sizes, args.queries, args.warmup, args.out)
    print(report(results, sizes))
    return results


def _entry() -> Any:
    return main()


if __name__ == "__main__":
    _entry()
