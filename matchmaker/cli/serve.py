"""`matchmaker serve`: the API and the web app under uvicorn, in one or several processes.

With several workers (MATCHMAKER_WORKERS), this process opens the graph once (starting the
local Neo4j when there is no NEO4J_URI, and loading the demo when asked), then uvicorn's
supervisor (SpreadWorkers) spawns the workers, which connect to that same Neo4j, each with a
listening socket of its own on the same port. Each worker loads the model and builds its own
in-memory matching index; the supervisor forwards SIGTERM and SIGINT, and the local Neo4j
stops with this process.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
from typing import Any

import uvicorn
from uvicorn.supervisors.multiprocess import Multiprocess

from matchmaker.app import create_app
from matchmaker.config import Settings

log = logging.getLogger("uvicorn.error")
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
        app = create_app(settings, on_ready=_demo_loader(demo), settle=True)
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
        config = uvicorn.Config(
            "matchmaker.app:app_from_env", factory=True, workers=workers, **options
        )
        SpreadWorkers(config, sockets=[]).run()
    finally:
        handle.close()
    return 0


class SpreadWorkers(Multiprocess):
    """uvicorn's supervisor, but each worker listens on a socket of its own, all bound to the
    same address with SO_REUSEPORT, so the kernel spreads new connections evenly over them.

    With one shared socket, the worker that wakes first accepts every connection waiting
    (asyncio accepts up to the backlog at once): under a burst of keep-alive clients one
    worker took 3 in 4 of them, or all, while the other idled. Each worker's socket is
    created as the supervisor starts it, and the supervisor closes its own copy once the
    worker holds one, so a worker that dies takes its socket with it."""

    def __init__(self, config: uvicorn.Config, sockets: list[socket.socket]) -> None:
        self._handed: list[socket.socket] = []
        super().__init__(config, sockets)

    @property  # type: ignore[override]
    def sockets(self) -> list[socket.socket]:
        """A new listening socket, each time the supervisor starts a worker with it."""
        sock = listening_socket(self.config.host, self.config.port, self.config.backlog)
        self._handed.append(sock)
        return [sock]

    @sockets.setter
    def sockets(self, given: list[socket.socket]) -> None:
        for sock in given:
            sock.close()

    def init_processes(self) -> None:
        super().init_processes()
        self._close_handed()
        log.info("Uvicorn running on http://%s:%d with %d workers", *self._address())

    def keep_subprocess_alive(self) -> None:
        super().keep_subprocess_alive()
        self._close_handed()

    def restart_all(self) -> None:
        super().restart_all()
        self._close_handed()

    def _close_handed(self) -> None:
        """The workers started hold their sockets (inherited at spawn); close this copy."""
        while self._handed:
            self._handed.pop().close()

    def _address(self) -> tuple[str, int, int]:
        return self.config.host, self.config.port, self.processes_num


def listening_socket(host: str, port: int, backlog: int) -> socket.socket:
    """A TCP socket listening on host:port that other sockets of this user may share."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        sock.listen(backlog)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _demo_loader(enabled: bool) -> Any:
    if not enabled:
        return None
    from matchmaker.services.demo import ensure_demo_loaded

    return ensure_demo_loaded
