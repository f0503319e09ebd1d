"""`matchmaker schema`: write the GraphQL SDL to schema.graphql (or check it is current)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from matchmaker.config import REPO_ROOT

DEFAULT_PATH = REPO_ROOT / "schema.graphql"


def register(commands: Any) -> None:
    parser = commands.add_parser("schema", help="export the GraphQL schema (SDL) to a file")
    parser.add_argument("--output", type=Path, default=DEFAULT_PATH, help="where to write it")
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from matchmaker.api.schema import sdl

    text = sdl()
    path: Path = args.output
    if args.check:
        current = path.read_text() if path.exists() else ""
        if current != text:
            print(f"{path} is out of date: run `matchmaker schema`", file=sys.stderr)
            return 1
        return 0
    path.write_text(text)
    print(f"wrote {path}")
    return 0
