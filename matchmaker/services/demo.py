"""Use cases for demo data: load it on first start, load a folder of it, write a synthetic one.

Demo files go through the same import path as any other file, in dependency order, so the
demo is checked and written exactly as a real import would be.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from matchmaker.adapters.import_store import GraphImportStore
from matchmaker.demo.dataset import DEMO_DIR
from matchmaker.errors import MatchmakerError
from matchmaker.importing.kinds import IMPORT_ORDER, KINDS
from matchmaker.importing.lines import Format
from matchmaker.importing.problems import ImportRejected
from matchmaker.importing.vocabulary import read_vocabulary_file
from matchmaker.importing.writers import open_output, write_records
from matchmaker.matching.vocabulary import VocabularySkill
from matchmaker.services.importing import ImportReport, ImportStore, Source, import_files
from matchmaker.services.skills import VOCABULARY_FILE

if TYPE_CHECKING:
    from matchmaker.bootstrap import Runtime

log = logging.getLogger(__name__)

# KTP eligibility is data, not code: the rule changed between funding rounds.
KTP_RULES: tuple[dict[str, Any], ...] = (
    {"id": "ktp-rule-2023", "round": "2023", "min_business_fte": 2,
     "public_sector_business_allowed": False, "business_kinds": ["company"]},
    {"id": "ktp-rule-2025", "round": "2025", "min_business_fte": 2,
     "public_sector_business_allowed": True,
     "business_kinds": ["company", "nhs_trust", "government", "charity"]},
)  # fmt: skip
SUFFIXES = (".jsonl.gz", ".jsonl", ".csv.gz", ".csv")


class DemoDataMissing(MatchmakerError):
    """A demo folder lacks the file of one kind."""


class DemoStore(ImportStore, Protocol):
    def count_members(self) -> int: ...
    def merge_ktp_rules(self, rules: Sequence[dict[str, Any]]) -> None: ...
    def merge_skills(self, skills: Sequence[VocabularySkill]) -> int: ...


def demo_sources(directory: Path) -> list[Source]:
    """One file a kind (`<kind>.jsonl.gz`, .jsonl, .csv.gz or .csv), in dependency order.

    Raises DemoDataMissing naming the first kind without a file."""
    sources = []
    for kind in IMPORT_ORDER:
        found = [directory / f"{kind}{s}" for s in SUFFIXES if (directory / f"{kind}{s}").is_file()]
        if not found:
            raise DemoDataMissing(f"{directory}: no file for {kind} ({kind}.jsonl.gz or .csv)")
        sources.append(Source(kind, found[0]))
    return sources


def load_demo(
    store: DemoStore, directory: Path, progress: bool = False, one_transaction: bool = True
) -> ImportReport:
    """Import every kind in `directory`, then the KTP rules; all or nothing when
    `one_transaction`, else file by file, then the skills vocabulary. Raises DemoDataMissing,
    ImportRejected (with the problems), ImportWriteError and VocabularyRejected."""
    sources = demo_sources(directory)
    report = import_files(store, sources, progress=progress, one_transaction=one_transaction)
    if not report.ok:
        raise ImportRejected(report.errors)
    store.merge_ktp_rules(KTP_RULES)
    store.merge_skills(read_vocabulary_file(VOCABULARY_FILE))
    return report


def ensure_demo_loaded(runtime: Runtime) -> None:
    """Load the committed demo, embed it and link members to their skills when the graph has
    no members; else do nothing.

    Raises what load_demo and embed_stale raise."""
    from matchmaker.services.embedding import embed_stale  # the heavier part, only when needed
    from matchmaker.services.skill_links import link_member_skills

    store = GraphImportStore(runtime.graph)
    if store.count_members() > 0:
        log.info("the graph already holds members; the demo is not loaded again")
        return
    report = load_demo(store, DEMO_DIR, progress=True)
    log.info("demo loaded: %d records from %d files", report.total("rows"), len(report.files))
    embed_stale(
        runtime.graph,
        runtime.embedder,
        progress=True,
        batch_size=runtime.settings.embed_batch_size,
    )
    linked = link_member_skills(runtime.graph, runtime.embedder)
    log.info(
        "skills: %d links for %d members in %.1f s", linked.links, linked.linked, linked.seconds
    )


def write_synthetic(members: int, seed: int, directory: Path, fmt: Format) -> dict[str, int]:
    """Write a synthetic dataset of `members` members as import files; returns rows a kind.

    Raises matchmaker.demo.synthetic.GeneratorError for an unsupported size."""
    from matchmaker.demo.synthetic import generate

    dataset = generate(members, seed)
    directory.mkdir(parents=True, exist_ok=True)
    suffix = ".csv.gz" if fmt is Format.CSV else ".jsonl.gz"
    written = {}
    for kind in IMPORT_ORDER:
        with open_output(directory / f"{kind}{suffix}") as out:
            written[kind] = write_records(KINDS[kind], getattr(dataset, kind), out, fmt)
    return written
