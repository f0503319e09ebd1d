"""`matchmaker serve`: the API and the web app under uvicorn."""

from __future__ import annotations

import argparse
import os
from typing import Any

import uvicorn

from matchmaker.app import create_app
from matchmaker.config import Settings


def register(commands: Any) -> None:
    parser = commands.add_parser("serve", help="run the service (GraphQL, web app, /healthz)")
    parser.add_argument("--host", help="bind address (default MATCHMAKER_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default MATCHMAKER_PORT or 8000)")
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
    app = create_app(settings, on_ready=_demo_loader(args.demo or settings.load_demo))
    uvicorn.run(app, host=host, port=port, log_level=settings.log_level, lifespan="on")
    return 0


def _demo_loader(enabled: bool) -> Any:
    if not enabled:
        return None
    from matchmaker.services.demo import ensure_demo_loaded

    return ensure_demo_loaded
