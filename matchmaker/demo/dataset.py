"""The demo dataset as records: one tuple per kind, read from gzipped JSON Lines files.

The committed files live in the repository's data/demo; the service loads them from there and
never needs the source corpus.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matchmaker.demo.records import read_jsonl_gz, write_jsonl_gz
from matchmaker.domain.model import (
    Call,
    Conflict,
    Group,
    Idea,
    Ktp,
    Member,
    Membership,
    Network,
    Organisation,
    Output,
    Partner,
    Theme,
)

DEMO_DIR = Path(__file__).resolve().parents[2] / "data" / "demo"

# Each kind's file is `<kind>.jsonl.gz`; the order is the order records are imported in.
KINDS: dict[str, type] = {
    "themes": Theme,
    "organisations": Organisation,
    "members": Member,
    "groups": Group,
    "memberships": Membership,
    "networks": Network,
    "partners": Partner,
    "calls": Call,
    "ideas": Idea,
    "outputs": Output,
    "conflicts": Conflict,
    "ktps": Ktp,
}


class DatasetError(FileNotFoundError):
    """A dataset directory lacks one of the kinds' files."""


@dataclass(frozen=True)
class DemoDataset:
    """Every record of a demo dataset, by kind."""

    themes: tuple[Theme, ...]
    organisations: tuple[Organisation, ...]
    members: tuple[Member, ...]
    groups: tuple[Group, ...]
    memberships: tuple[Membership, ...]
    networks: tuple[Network, ...]
    partners: tuple[Partner, ...]
    calls: tuple[Call, ...]
    ideas: tuple[Idea, ...]
    outputs: tuple[Output, ...]
    conflicts: tuple[Conflict, ...]
    ktps: tuple[Ktp, ...]

    def sizes(self) -> dict[str, int]:
        """How many records of each kind."""
        return {kind: len(getattr(self, kind)) for kind in KINDS}


def kind_path(directory: Path, kind: str) -> Path:
    """The file that holds one kind's records."""
    return directory / f"{kind}.jsonl.gz"


def load_dataset(directory: Path = DEMO_DIR) -> DemoDataset:
    """Read a dataset directory; raises DatasetError when a kind's file is missing and
    matchmaker.demo.records.RecordError when a line does not fit its record type."""
    loaded: dict[str, Any] = {}
    for kind, record_type in KINDS.items():
        path = kind_path(directory, kind)
        if not path.is_file():
            raise DatasetError(f"demo dataset file missing: {path}")
        loaded[kind] = tuple(read_jsonl_gz(path, record_type))
    return DemoDataset(**loaded)


def write_dataset(dataset: DemoDataset, directory: Path) -> dict[str, int]:
    """Write one gzipped JSON Lines file per kind; returns the bytes written per kind."""
    directory.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    for field in dataclasses.fields(dataset):
        path = kind_path(directory, field.name)
        write_jsonl_gz(path, getattr(dataset, field.name))
        written[field.name] = path.stat().st_size
    return written
