"""Ingestion, search and team-suggestion latency, and memory, at growing membership.

For each size: a synthetic dataset (matchmaker.demo.synthetic, seeded) is imported through
the importer into an empty local Neo4j (rows a second) and embedded with the real model
(embed_stale; texts a second); then, warm, matchmaker.services.teams.suggest_team runs for
`--queries` different idea texts from that dataset (title + summary as free text, with the
idea's required skills, team size 4) and matchmaker.services.search.search_members for the
same texts (first page of 20), after `--warmup` untimed calls (300: with 60, the first size
ran on a JVM still compiling the reads, 37 ms of Neo4j CPU a suggestion at 1,000 members and
team p50 / p95 70 / 130 ms, against 14 ms and 45 / 74 after 300). As in the service, the calls
use the in-memory matching index (matchmaker.adapters.match_index, built before the calls)
and the service's query embedder (matchmaker.bootstrap.query_embedder_for: one CPU thread
beside another encode and all of torch's when none runs, as in these sequential calls; a
table of recent query vectors filled only by the timed calls, so every timed idea text is
encoded; as in the service, building the index also gives that embedder the graph's skill
vocabulary, so a required skill the graph names is looked up, not encoded). The time is the
service function's wall time: encoding the texts, the index, every Neo4j read and the
solver, not HTTP, with one BLAS thread and the heap settled (matchmaker.app.settle_heap) as in
the service. p50 and p95 over the timed calls.
Memory: resident set of this process (the model and the service code, as the service holds
them) and of the Neo4j process, after the calls. Targets: team p95 at most 60 ms at 10,000
members and 100 ms at 50,000; search p95 at most 30 ms at 10,000. The bare model encoding
the same texts is timed in the same run, and each p95 is reported as a ratio to it.

Embedding dominates the set-up: about 2.8 texts per member (outputs and statements). Sizes
whose embedding would not finish in time are best left out with --sizes.

    python -m bench.bench_team_latency [--sizes 1000,10000,50000] [--queries 30]
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import psutil
from threadpoolctl import threadpool_limits

from bench.machine import describe
from embeddings import Embedder
from graph_schema.queries import maintenance
from matchmaker.adapters.graph import Graph, open_driver
from matchmaker.adapters.import_store import GraphImportStore
from matchmaker.adapters.match_index import MatchIndex
from matchmaker.adapters.neo4j_local import LocalNeo4j
from matchmaker.adapters.schema import migrate
from matchmaker.app import settle_heap
from matchmaker.bootstrap import load_embedder, query_embedder_for
from matchmaker.config import REPO_ROOT, Settings
from matchmaker.demo.synthetic import generate
from matchmaker.importing.lines import Format
from matchmaker.services.demo import load_demo, write_synthetic
from matchmaker.services.embedding import embed_stale
from matchmaker.services.search import search_members
from matchmaker.services.team_report import TeamResult
from matchmaker.services.team_request import TeamRequest, asked
from matchmaker.services.teams import suggest_team

RESULTS = REPO_ROOT / "bench" / "results" / "team_latency.md"
SEED = 11
TARGET_MS = 60.0  # team p95 at 10,000 members (100 ms at 50,000)
SEARCH_TARGET_MS = 30.0  # search p95 at 10,000 members


@contextmanager
def local_graph(settings: Settings, dimension: int) -> Iterator[tuple[Graph, int]]:
    """A fresh local Neo4j in a temporary folder, migrated, and its pid; stopped afterwards."""
    with tempfile.TemporaryDirectory(prefix="team-latency-") as folder:
        local = settings.with_neo4j(data_dir=Path(folder) / "data", port=0, heap="2g")
        server = LocalNeo4j(local.neo4j)
        running = server.start()
        graph = Graph(open_driver(running.uri, local.neo4j), local.neo4j.database)
        try:
            migrate(graph, dimension)
            yield graph, running.pid
        finally:
            graph.close()
            server.stop()


def load_size(graph: Graph, embedder: Embedder, members: int) -> dict[str, float]:
    """Empty the graph, import a synthetic dataset of `members`, embed it; timings."""
    with graph.session() as session:
        session.run(maintenance.WIPE).consume()
    with tempfile.TemporaryDirectory(prefix="synthetic-") as folder:
        write_synthetic(members, SEED, Path(folder), Format.JSONL)
        started = time.perf_counter()
        loaded = load_demo(GraphImportStore(graph), Path(folder), one_transaction=False)
        imported = time.perf_counter()
    report = embed_stale(graph, embedder)
    embed_s = time.perf_counter() - imported
    return {
        "import_s": imported - started,
        "rows": float(loaded.total("rows")),
        "rows_per_s": loaded.total("rows") / (imported - started),
        "embed_s": embed_s,
        "texts": float(report.embedded),
        "texts_per_s": report.embedded / embed_s if embed_s else 0.0,
    }


def requests_for(members: int, count: int) -> list[TeamRequest]:
    """`count` idea texts (with their skills) from the dataset of this size, no two alike."""
    ideas = generate(members, SEED).ideas
    unique = list({f"{i.title}. {i.summary}": i for i in ideas}.items())
    step = max(1, len(unique) // count)
    chosen = [unique[i] for i in range(0, len(unique), step)][:count]
    return [
        TeamRequest(text=text, skills=i.required_skills, constraints=asked(size=4))
        for text, i in chosen
    ]


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (share in 0..1) of the values."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def _timed(calls: Sequence[Callable[[], object]]) -> tuple[list[float], list[object]]:
    times, results = [], []
    for call in calls:
        started = time.perf_counter()
        results.append(call())
        times.append((time.perf_counter() - started) * 1000)
    return times, results


def _summary(prefix: str, times: list[float]) -> dict[str, float]:
    return {
        f"{prefix}p50_ms": statistics.median(times),
        f"{prefix}p95_ms": percentile(times, 0.95),
        f"{prefix}max_ms": max(times),
    }


def cpu_s(process: psutil.Process) -> float:
    """CPU seconds the process has used, every thread, user and system."""
    used = process.cpu_times()
    return float(used.user + used.system)


def time_requests(
    graph: Graph,
    embedder: Embedder,
    requests: Sequence[TeamRequest],
    warmup: int,
    neo4j: psutil.Process | None = None,
) -> dict[str, float]:
    """Build the service's in-memory matching index (timed), then `warmup` untimed rounds
    over the requests with the bare model (a fresh JVM compiles its hot code for a while and
    takes CPU from everything else), then each request timed once through the service's query
    embedder with a fresh table of query vectors, so every text is encoded in the timed call."""
    queries = query_embedder_for(embedder)
    index = MatchIndex(graph, embedder.dimension, vocabulary=queries.use_vocabulary)
    started = time.perf_counter()
    documents = index.refresh().table.size
    built = time.perf_counter() - started
    try:
        for i in range(warmup):
            request = requests[i % len(requests)]
            suggest_team(graph, embedder, request, index=index)
            search_members(graph, embedder, request.text, index=index)
        # As a worker does once started (matchmaker.app.settle_heap): the model, the index and
        # the rest of start-up left out of collections. Without it, the full collections that
        # walk them put single calls at 190-210 ms (10,000 members, max of 54 calls; 73-80
        # ms settled) and the tail follows where they fall.
        settle_heap()
        service, database = cpu_s(psutil.Process()), cpu_s(neo4j) if neo4j else 0.0
        team_times, teams = _timed(
            [partial(suggest_team, graph, queries, r, index=index) for r in requests]
        )
        service = (cpu_s(psutil.Process()) - service) * 1000 / len(requests)
        database = (cpu_s(neo4j) - database) * 1000 / len(requests) if neo4j else float("nan")
        plain = query_embedder_for(embedder)  # no vocabulary: the skills are encoded too
        encoded_times, _ = _timed(
            [partial(suggest_team, graph, plain, r, index=index) for r in requests]
        )
        search_times, _ = _timed(
            [partial(search_members, graph, queries, r.text, index=index) for r in requests]
        )
        # The floor: the bare model encoding the same idea texts, one at a time, in this run.
        encode_times, _ = _timed([partial(embedder.encode, [r.text]) for r in requests])
    finally:
        gc.unfreeze()
        index.close()
    return {
        **_summary("", team_times),
        **_summary("encoded_", encoded_times),
        **_summary("search_", search_times),
        **_summary("model_", encode_times),
        "service_cpu_ms": service,
        "neo4j_cpu_ms": database,
        "calls": float(len(team_times)),
        "teams": float(sum(isinstance(t, TeamResult) for t in teams)),
        "index_s": built,
        "documents": float(documents),
    }


def memory(neo4j_pid: int) -> dict[str, float]:
    """Resident memory (MiB) of this process and of the Neo4j process."""
    mib = 1024.0 * 1024.0
    return {
        "self_rss_mib": psutil.Process().memory_info().rss / mib,
        "neo4j_rss_mib": psutil.Process(neo4j_pid).memory_info().rss / mib,
    }


def run(
    sizes: Sequence[int], queries: int = 30, warmup: int = 300, out: Path | None = None
) -> dict[int, dict[str, float]]:
    """Latency figures by membership size (see the module doc); the report is rewritten to
    `out` after each size, so a run stopped early keeps what it measured."""
    settings = Settings.from_env()
    embedder = load_embedder(settings)
    # One BLAS thread, as the service sets at start (matchmaker.app): the request path's numpy
    # work is small, and a second thread only spins against the model and Neo4j for a core.
    threadpool_limits(1, user_api="blas")
    results: dict[int, dict[str, float]] = {}
    with local_graph(settings, embedder.dimension) as (graph, pid):
        for members in sizes:
            setup = load_size(graph, embedder, members)
            asked = requests_for(members, queries)
            timing = time_requests(graph, embedder, asked, warmup, psutil.Process(pid))
            results[members] = {
                **setup, **timing, **memory(pid), "load_1m": os.getloadavg()[0]
            }  # fmt: skip
            print(f"{members} members: {results[members]}", file=sys.stderr, flush=True)
            if out is not None:
                save(out, report(results, sizes))
    return results


def save(out: Path, text: str) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n")


def markdown(results: dict[int, dict[str, float]]) -> str:
    lines = [
        "| members | team p50 ms | team p95 ms | skills encoded p50 ms | skills encoded p95 ms "
        "| search p50 ms | search p95 ms | model encode p50 ms | model encode p95 ms "
        "| team p95 / encode p95 | search p95 / encode p95 "
        "| service CPU ms a team | Neo4j CPU ms a team | calls "
        "| feasible | import s | rows/s | embed s | texts/s | index s | documents "
        "| service RSS MiB | Neo4j RSS MiB | load avg |",
        "|" + "---:|" * 24,
    ]
    for members, r in results.items():
        lines.append(
            f"| {members:,} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} "
            f"| {r['encoded_p50_ms']:.0f} | {r['encoded_p95_ms']:.0f} | {r['search_p50_ms']:.0f} "
            f"| {r['search_p95_ms']:.0f} | {r['model_p50_ms']:.0f} | {r['model_p95_ms']:.0f} "
            f"| {r['p95_ms'] / r['model_p95_ms']:.1f} "
            f"| {r['search_p95_ms'] / r['model_p95_ms']:.1f} "
            f"| {r['service_cpu_ms']:.0f} | {r['neo4j_cpu_ms']:.0f} "
            f"| {r['calls']:.0f} | {r['teams']:.0f} "
            f"| {r['import_s']:.0f} | {r['rows_per_s']:,.0f} | {r['embed_s']:.0f} "
            f"| {r['texts_per_s']:.0f} | {r['index_s']:.1f} | {r['documents']:,.0f} "
            f"| {r['self_rss_mib']:,.0f} | {r['neo4j_rss_mib']:,.0f} "
            f"| {r['load_1m']:.1f} |"
        )
    return "\n".join(lines)


def report(results: dict[int, dict[str, float]], sizes: Sequence[int]) -> str:
    verdict = (
        f"p95 at 10,000 members: team {results[10_000]['p95_ms']:.0f} ms (target at most "
        f"{TARGET_MS:.0f} ms), search {results[10_000]['search_p95_ms']:.0f} ms (target at "
        f"most {SEARCH_TARGET_MS:.0f} ms); the model alone encodes the same texts in "
        f"{results[10_000]['model_p95_ms']:.0f} ms at p95"
        if 10_000 in results
        else "10,000 members not run"
    )
    return "\n\n".join(
        [
            "# Team-suggestion latency",
            describe(),
            f"Sizes asked for: {', '.join(f'{s:,}' for s in sizes)}; measured: "
            f"{', '.join(f'{s:,}' for s in results)}; warm; server side "
            "(service function wall time: model encoding, Neo4j reads, solver); team size 4; "
            "idea texts with their required skills; search: the same texts, first page of 20. "
            "With the service's in-memory matching index (index s: its first build, reading "
            "every vector; documents: outputs and statements it holds) and its query embedder "
            "(one CPU thread beside another encode, all of torch's alone; the graph's skill "
            "phrases looked up, idea texts encoded in the "
            "timed call; skills encoded: the same requests through a query embedder without "
            "the graph's skill vocabulary, as for skills typed outside it). Model encode: the bare "
            "model encoding each idea text alone in the same run, the floor the ratios divide "
            "by. CPU a team: CPU time the service's process (every thread, the model's "
            "included) and the Neo4j process used over the timed team calls, divided by "
            "their number: on two cores a suggestion's wall time follows the first. "
            "Service RSS: this "
            "process, which holds the model and the index as the service does.",
            markdown(results),
            verdict,
        ]
    )


def main(argv: Sequence[str] | None = None) -> dict[int, dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated member counts")
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=300)
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
