"""`make bench`: run the benchmark suite and write bench/results/report.md with PNG plots.

Each section runs one benchmark module and records the command that reproduces it alone.
Sections: the expertise benchmark (needs ../shared), the embedding pipeline, heuristic against
CP-SAT, GraphQL throughput by concurrency with the memory of the service and of Neo4j, and
(longest, last) ingestion, search and team-suggestion latency and memory by membership size.

    python -m bench.run [--sizes 1000,10000,50000] [--only NAME[,NAME]]
"""

from __future__ import annotations

import argparse
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.machine import describe
from matchmaker.config import REPO_ROOT

RESULTS = REPO_ROOT / "bench" / "results"
SHARED_BENCH = REPO_ROOT.parent / "shared" / "benchmarks" / "expertise-dev"


@dataclass
class Section:
    name: str
    title: str
    command: str
    body: str = ""
    seconds: float = 0.0


def expertise(_: argparse.Namespace) -> str:
    if not SHARED_BENCH.exists():
        return f"Skipped: {SHARED_BENCH} is not present on this machine."
    from matchmaker.bootstrap import load_embedder
    from matchmaker.config import Settings
    from matchmaker.expertise_bench import format_report, run_benchmark

    return format_report(run_benchmark(SHARED_BENCH, load_embedder(Settings.from_env())))


def embedding(_: argparse.Namespace) -> str:
    from bench import bench_embedding

    return str(bench_embedding.format_report(bench_embedding.run()))


def team_quality(_: argparse.Namespace) -> str:
    from bench import bench_team_quality

    return bench_team_quality.format_result(bench_team_quality.run())


def team_latency(args: argparse.Namespace) -> str:
    from bench import bench_team_latency

    sizes = [int(s) for s in args.sizes.split(",")]
    results = bench_team_latency.run(sizes, out=RESULTS / "team_latency.md")
    _plot_latency(results)
    return (
        bench_team_latency.markdown(results)
        + "\n\n![latency and memory by size](latency_by_size.png)"
    )


def api(_: argparse.Namespace) -> str:
    from bench import bench_api

    figures = bench_api.run()
    _plot_throughput(figures["levels"])
    memory = figures["memory"]
    return (
        f"{figures['table']}\n\nResident memory after the run on the demo graph: service "
        f"{memory['service_rss_mib']:.0f} MiB, Neo4j {memory['neo4j_rss_mib']:.0f} MiB.\n\n"
        "![throughput by concurrency](throughput.png)"
    )


def throughput(_: argparse.Namespace) -> str:
    from bench import bench_throughput

    clients, seconds, workers = 16, 10.0, 2
    results, memory = bench_throughput.run(clients, seconds, workers)
    text = bench_throughput.format_report(results, memory, clients, seconds, workers)
    (RESULTS / "throughput.md").write_text(text)
    return text.split("\n", 3)[3]  # the section has its own title and machine line


def _plot_latency(results: dict[int, dict[str, float]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(results)
    figure, (latency, memory) = plt.subplots(1, 2, figsize=(11, 4))
    for key, label in (
        ("p50_ms", "team p50"), ("p95_ms", "team p95"),
        ("search_p50_ms", "search p50"), ("search_p95_ms", "search p95"),
    ):  # fmt: skip
        latency.plot(sizes, [results[s][key] for s in sizes], marker="o", label=label)
    latency.set(xscale="log", xlabel="members", ylabel="ms", title="Latency, warm, server side")
    latency.legend()
    for key, label in (("self_rss_mib", "service"), ("neo4j_rss_mib", "Neo4j")):
        memory.plot(sizes, [results[s][key] for s in sizes], marker="o", label=label)
    memory.set(xscale="log", xlabel="members", ylabel="MiB", title="Resident memory")
    memory.legend()
    figure.tight_layout()
    figure.savefig(RESULTS / "latency_by_size.png", dpi=120)
    plt.close(figure)


def _plot_throughput(levels: list[Any]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    clients = [lv.clients for lv in levels]
    figure, left = plt.subplots(figsize=(6, 4))
    left.plot(clients, [lv.requests_per_s for lv in levels], marker="o", label="requests/s")
    left.set(xscale="log", xlabel="concurrent clients", ylabel="requests/s", title="GraphQL")
    right = left.twinx()
    right.plot(clients, [lv.p95_ms for lv in levels], marker="s", color="tab:red", label="p95")
    right.set(ylabel="p95 ms")
    figure.tight_layout()
    figure.savefig(RESULTS / "throughput.png", dpi=120)
    plt.close(figure)


SECTIONS: dict[str, tuple[str, str, Callable[[argparse.Namespace], str]]] = {
    "expertise": (
        "Expertise affinity (benchmark with real judgements)",
        "matchmaker bench expertise ../shared/benchmarks/expertise-dev",
        expertise,
    ),
    "embedding": ("Embedding pipeline", "python -m bench.bench_embedding", embedding),
    "team_quality": (
        "Team heuristic against the CP-SAT optimum",
        "python -m bench.bench_team_quality",
        team_quality,
    ),
    "throughput": (
        "GraphQL throughput as a share of the HTTP floor",
        "python -m bench.bench_throughput --clients 16 --seconds 10 --workers 2 --warm-up 30",
        throughput,
    ),
    "api": ("GraphQL throughput and memory", "python -m bench.bench_api", api),
    "team_latency": (
        "Ingestion, search and team-suggestion latency, and memory, by size",
        "python -m bench.bench_team_latency --sizes SIZES",
        team_latency,
    ),
}


def run_section(name: str, args: argparse.Namespace) -> Section:
    title, command, body = SECTIONS[name]
    section = Section(name, title, command.replace("SIZES", args.sizes))
    started = time.perf_counter()
    try:
        section.body = body(args)
    except Exception:
        section.body = "Failed:\n\n```\n" + traceback.format_exc()[-3000:] + "\n```"
    section.seconds = time.perf_counter() - started
    return section


def render(sections: list[Section]) -> str:
    parts = ["# Benchmark report", "", describe(), "", "Command: `make bench`.", ""]
    for s in sections:
        parts += [f"## {s.title}", "", f"Command: `{s.command}` ({s.seconds:.0f} s)", ""]
        parts += [s.body, ""]
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--only", default=",".join(SECTIONS))
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    sections: list[Section] = []
    for name in args.only.split(","):  # the report is rewritten after each section, so a
        sections.append(run_section(name, args))  # run stopped early keeps what it measured
        Path(RESULTS / "report.md").write_text(render(sections))
    print(render(sections))


if __name__ == "__main__":
    main()
