"""`matchmaker skills link|mine` and `matchmaker skills-import FILE`: the vocabulary's CLI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from matchmaker.adapters.vocabulary import merge_skills
from matchmaker.bootstrap import open_graph, open_runtime
from matchmaker.config import Settings
from matchmaker.importing.vocabulary import read_vocabulary_file
from matchmaker.services.skill_links import link_member_skills
from matchmaker.services.skill_mining import LIMIT, MIN_MEMBERS, mine_skills


def register(commands: Any) -> None:
    skills = commands.add_parser("skills", help="members' skills from their evidence")
    actions = skills.add_subparsers(dest="action", required=True, metavar="ACTION")
    link = actions.add_parser(
        "link", help="link every member to the vocabulary skills their evidence shows"
    )
    link.set_defaults(handler=run_link)
    mine = actions.add_parser(
        "mine", help="propose skills from key phrases in members' evidence, for staff to decide"
    )
    mine.add_argument(
        "--min-members",
        type=int,
        default=MIN_MEMBERS,
        help=f"members whose evidence must hold a phrase (default {MIN_MEMBERS})",
    )
    mine.add_argument("--limit", type=int, default=LIMIT,
                      help=f"the most phrases proposed (default {LIMIT})")  # fmt: skip
    mine.add_argument("--dry-run", action="store_true", help="list the phrases, write nothing")
    mine.set_defaults(handler=run_mine)
    vocabulary = commands.add_parser(
        "skills-import", help="merge a skills vocabulary file (TOML) into the graph"
    )
    vocabulary.add_argument("file", type=Path, help="[[skill]] tables: id, name, kind, synonyms")
    vocabulary.set_defaults(handler=run_import)


def run_link(_: argparse.Namespace) -> int:
    runtime = open_runtime(Settings.from_env())
    try:
        report = link_member_skills(runtime.graph, runtime.embedder)
    finally:
        runtime.close()
    print(
        f"{report.links} skill links for {report.linked} of {report.members} members "
        f"in {report.seconds:.1f} s"
    )
    return 0


def run_mine(args: argparse.Namespace) -> int:
    if args.min_members < 1 or args.limit < 1:
        print("--min-members and --limit must be at least 1", file=sys.stderr)
        return 2
    runtime = open_runtime(Settings.from_env())
    try:
        report = mine_skills(
            runtime.graph, runtime.embedder, args.min_members, args.limit, write=not args.dry_run
        )
    finally:
        runtime.close()
    verb = "found" if args.dry_run else "proposed"
    print(
        f"{len(report.mined)} phrases {verb} from {report.documents} documents of "
        f"{report.members} members in {report.seconds:.1f} s"
    )
    for phrase in report.mined:
        print(f"  {phrase.name} ({phrase.members} members)")
    return 0


def run_import(args: argparse.Namespace) -> int:
    skills = read_vocabulary_file(args.file)
    handle = open_graph(Settings.from_env())
    try:
        count = merge_skills(handle.graph, skills)
    finally:
        handle.close()
    print(f"{count} skills merged from {args.file}")
    return 0
