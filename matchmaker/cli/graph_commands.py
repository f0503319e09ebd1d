"""`matchmaker migrate`, `matchmaker stats` and `matchmaker neo4j start|stop|status`."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from matchmaker.adapters.neo4j_local import (
    LocalNeo4j,
    ensure_installed,
    find_running,
    stop_detached,
)
from matchmaker.adapters.schema import migrate
from matchmaker.adapters.stats import read_stats
from matchmaker.bootstrap import load_embedder, open_graph
from matchmaker.config import Settings


def register(commands: Any) -> None:
    commands.add_parser("migrate", help="apply the schema migrations").set_defaults(
        handler=run_migrate
    )
    stats = commands.add_parser("stats", help="counts by label and embedding coverage")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=run_stats)
    neo4j = commands.add_parser("neo4j", help="the project's own local Neo4j")
    neo4j.add_argument("action", choices=["install", "start", "stop", "status"])
    neo4j.set_defaults(handler=run_neo4j)


def run_migrate(_: argparse.Namespace) -> int:
    settings = Settings.from_env()
    dimension = load_embedder(settings).dimension
    handle = open_graph(settings)
    try:
        applied = migrate(handle.graph, dimension)
    finally:
        handle.close()
    print(f"applied migrations: {applied or 'none (up to date)'}")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    handle = open_graph(Settings.from_env())
    try:
        stats = read_stats(handle.graph)
    finally:
        handle.close()
    if args.json:
        print(json.dumps(asdict(stats), indent=2))
        return 0
    for label, count in stats.nodes.items():
        embedded = stats.embedded.get(label)
        extra = f"  ({embedded[0]} embedded)" if embedded else ""
        print(f"{label:<14}{count:>9}{extra}")
    print(f"{'relationships':<14}{stats.relationships:>9}")
    return 0


def run_neo4j(args: argparse.Namespace) -> int:
    settings = Settings.from_env().neo4j
    if args.action == "install":
        print(f"Neo4j jars and launcher ready in {ensure_installed(settings)}")
    elif args.action == "start":
        started = find_running(settings) or LocalNeo4j(settings).start(detached=True)
        print(f"local Neo4j running at {started.uri} (pid {started.pid}, data {settings.data_dir})")
    elif args.action == "stop":
        stopped = stop_detached(settings)
        print("local Neo4j stopped" if stopped else "no local Neo4j was running")
    else:
        running = find_running(settings)
        print(f"running at {running.uri} (pid {running.pid})" if running else "not running")
        return 0 if running else 3
    return 0
