"""Use case: STERIC staff import a file of records sent through the API, all or nothing.

The content goes through the importing service's two passes (check everything, then write
in one transaction); the AuditEvent is written in that same transaction.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from embeddings import Embedder
from matchmaker.adapters.audit import AuditedImportStore, AuditEntry
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.import_store import GraphImportStore
from matchmaker.auth.roles import Viewer
from matchmaker.errors import PermissionDenied
from matchmaker.importing.kinds import KINDS
from matchmaker.importing.problems import ImportRejected
from matchmaker.services.embedding import embed_stale
from matchmaker.services.importing import ImportReport, Source, import_files
from matchmaker.services.validation import Checks

FORMATS = ("csv", "jsonl")
MAX_CHARS = 5_000_000


def _check(kind: str, fmt: str, content: str) -> None:
    checks = Checks()
    checks.choice("kind", kind, tuple(KINDS))
    checks.choice("format", fmt, FORMATS)
    checks.text("content", content, 1, MAX_CHARS)
    checks.done()


def import_upload(
    graph: Graph, embedder: Embedder, viewer: Viewer, kind: str, fmt: str, content: str
) -> ImportReport:
    """Import `content` (CSV or JSON Lines) as records of `kind`, then embed what changed.

    Returns the report; its `errors` list the problems when nothing was written. Raises
    PermissionDenied (not staff), InvalidFields, ImportWriteError, Neo4jUnavailable.
    """
    if not viewer.is_staff:
        raise PermissionDenied("Only STERIC staff import data.")
    _check(kind, fmt, content)
    entry = AuditEntry(
        viewer.id, viewer.audience, "importData", kind, f"{fmt}, {len(content)} chars"
    )
    store = AuditedImportStore(GraphImportStore(graph), entry)
    with tempfile.TemporaryDirectory(prefix="matchmaker-import-") as folder:
        path = Path(folder) / f"upload.{fmt}"
        path.write_text(content, encoding="utf-8")
        try:
            report = import_files(store, [Source(kind, path)])
        except ImportRejected as e:
            return ImportReport(files=[], errors=e.messages)
    if report.ok:
        embed_stale(graph, embedder)
    return report
