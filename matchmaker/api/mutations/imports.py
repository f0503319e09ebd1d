"""importData: STERIC staff send a CSV or JSON Lines file of one kind of record."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry

from matchmaker.api.context import AppInfo
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.mutations.outcome import attempt
from matchmaker.api.permissions import StaffOnly, only
from matchmaker.services import uploads
from matchmaker.services.importing import ImportReport


@strawberry.enum(description="The kinds of record the importer knows (its KINDS), in import order.")
class ImportKind(Enum):
    THEMES = "themes"
    ORGANISATIONS = "organisations"
    MEMBERS = "members"
    GROUPS = "groups"
    MEMBERSHIPS = "memberships"
    NETWORKS = "networks"
    PARTNERS = "partners"
    CALLS = "calls"
    IDEAS = "ideas"
    OUTPUTS = "outputs"
    CONFLICTS = "conflicts"
    KTPS = "ktps"


@strawberry.enum
class ImportFormat(Enum):
    CSV = "csv"
    JSONL = "jsonl"


@strawberry.type(description="The import was checked and written in one transaction.")
class ImportSucceeded:
    kind: str
    rows: int
    created: int
    updated: int
    unchanged: int


@strawberry.type(description="The file has problems, listed here; nothing was written.")
class ImportRejected:
    message: str
    problems: list[str]


ImportResult = Annotated[
    ImportSucceeded | ImportRejected | ValidationErrors | NotFound | NotAllowed,
    strawberry.union("ImportResult"),
]


def _result(kind: str, report: ImportReport) -> ImportSucceeded | ImportRejected:
    if not report.ok:
        count = len(report.errors)
        message = f"Nothing was imported: the file has {count} problem{'s' * (count != 1)}."
        return ImportRejected(message=message, problems=report.errors[:200])
    return ImportSucceeded(
        kind=kind,
        rows=report.total("rows"),
        created=report.total("created"),
        updated=report.total("updated"),
        unchanged=report.total("unchanged"),
    )


@strawberry.type
class ImportMutations:
    @strawberry.mutation(
        extensions=only(StaffOnly()), description="Import records (all or nothing)."
    )
    async def import_data(
        self, info: AppInfo, kind: ImportKind, content: str, format: ImportFormat = ImportFormat.CSV
    ) -> ImportResult:
        ctx = info.context
        runtime = ctx.runtime
        args = (runtime.graph, runtime.embedder, ctx.viewer, kind.value, format.value, content)
        found = await attempt(uploads.import_upload, *args)
        return _result(kind.value, found) if isinstance(found, ImportReport) else found
