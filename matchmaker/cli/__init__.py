"""`matchmaker` command line: each sub-command lives in its own module and registers itself."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from matchmaker.cli import (
    data_commands,
    embed_commands,
    graph_commands,
    keycloak_command,
    matching_commands,
    schema_command,
    serve,
    skill_commands,
)
from matchmaker.errors import MatchmakerError

COMMAND_MODULES = (
    serve,
    graph_commands,
    embed_commands,
    schema_command,
    matching_commands,
    data_commands,
    skill_commands,
    keycloak_command,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="matchmaker", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        code: int = args.handler(args)
    except MatchmakerError as e:
        print(f"matchmaker: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return code
