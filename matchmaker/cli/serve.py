"""`matchmaker serve`: the API and the web app under uvicorn, in one or several processes.

With several workers (MATCHMAKER_WORKERS), this process opens the graph once (starting the
local Neo4j when there is no NEO4J_URI, and loading the demo when asked), then uvicorn's
supervisor spawns the workers, which connect to that same Neo4j. Each worker loads the model
and builds its own in-memory matching index; the supervisor forwards SIGTERM and SIGINT, and
the local Neo4j stops with this process.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

import uvicorn

from matchmaker.app import create_app
from matchmaker.config import Settings

GRACEFUL_SHUTDOWN_S = 5  # in-flight requests get this long after SIGTERM, then are cancelled


def register(commands: Any) -> None:
    parser = commands.add_parser("serve", help="run the service (GraphQL, web app, /healthz)")
    parser.add_argument("--host", help="bind address (default MATCHMAKER_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default MATCHMAKER_PORT or 8000)")
    parser.add_argument(
        "--workers",
        type=int,
        help="server processes (default MATCHMAKER_WORKERS or 1; 0: a core each)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="demo mode: load the demo dataset into an empty graph and allow the demo sign-in",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.demo:  # demo mode, in the environment so that worker processes see it too
        os.environ["MATCHMAKER_LOAD_DEMO"] = "true"
    settings = Settings.from_env()
    settings.check_secret()
    host = args.host or settings.host
    port = args.port or settings.port
    demo = settings.load_demo
    workers = settings.workers if args.workers is None else args.workers
    workers = workers or os.cpu_count() or 1
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": settings.log_level,
        # A log line for every request costs the workers CPU under load; debug keeps it.
        "access_log": settings.log_level == "debug",
        "lifespan": "on",
        "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN_S,
    }
    if workers == 1:
        app = create_app(settings, on_ready=_demo_loader(demo))
        uvicorn.run(app, **options)
        return 0
    return _run_workers(settings, workers, demo, options)


def _run_workers(settings: Settings, workers: int, demo: bool, options: dict[str, Any]) -> int:
    from matchmaker.bootstrap import open_graph, prepare_graph

    handle = open_graph(settings)
    try:
        prepare_graph(settings, handle, _demo_loader(demo))
        # The workers read their settings from the environment: point them at this graph.
        os.environ["NEO4J_URI"] = handle.uri
        uvicorn.run("matchmaker.app:app_from_env", factory=True, workers=workers, **options)
    finally:
        handle.close()
    return 0


def _demo_loader(enabled: bool) -> Any:
    if not enabled:
        return None
    from matchmaker.services.demo import ensure_demo_loaded

    return ensure_demo_loaded
