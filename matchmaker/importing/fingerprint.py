"""Row fingerprints: how a re-import knows a row is unchanged without converting it again.

Each row written by an import leaves on its node (or relationship) the fingerprint of the raw
row it came from: a digest of the kind, whether the cells were text (CSV) or typed (JSON), and
every column with its value, in key order. Any other write to an imported node's fields
(a profile edit, an idea edit, a role change) removes the fingerprint (graph_schema's write
queries do it). So a stored fingerprint equal to a row's means the graph holds exactly what
that row would write, and the row can be counted as unchanged without being converted,
checked against the graph or compared field by field. A row whose key or fingerprint does not
match simply takes the full path; a fingerprint never decides that a row differs.

`file_digest` does the same for a whole file (its bytes), so a file imported before can be
recognised without being parsed (matchmaker.services.importing).

`VERSION` is part of both digests: raise it when the conversion of rows to records changes,
so rows written by the older rules are converted again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from matchmaker.importing.kinds import Key, KindSpec
from matchmaker.importing.readers import RawRow

VERSION = "1"


def fingerprint(spec: KindSpec, row: RawRow) -> str:
    """The digest of a raw row for `spec` (see module doc); 32 hex characters."""
    payload = json.dumps(
        [VERSION, spec.name, row.textual, row.values],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.blake2b(payload.encode(), digest_size=16).hexdigest()


def file_digest(kind: str, path: Path) -> str:
    """The digest of a file's bytes for `kind` (and `VERSION`); 32 hex characters."""
    digest = hashlib.blake2b(f"{VERSION}\x00{kind}\x00".encode(), digest_size=16)
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def raw_key(spec: KindSpec, row: RawRow) -> Key | None:
    """The row's key as written in the file, or None when a key cell is missing or not text."""
    values = [row.values.get(name) for name in spec.key]
    if not all(isinstance(v, str) and v for v in values):
        return None
    return tuple(str(v) for v in values)
