"""A file's physical lines, decoded as UTF-8 one at a time, numbered from 1.

Reading is streaming: one line in memory at a time, each at most MAX_LINE_BYTES. A line that is
not UTF-8 or too long becomes a Problem in `pending` (and an empty line in the stream), so the
readers can name the line and carry on to find more problems.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, cast

from matchmaker.importing.checks import TEXT_MAX
from matchmaker.importing.problems import FileProblem, Problem

MAX_LINE_BYTES = 1 << 20
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)
TOO_LONG = (
    f"the line is longer than {MAX_LINE_BYTES:,} bytes: a field is far too long "
    f"(texts hold at most {TEXT_MAX:,} characters)"
)


class Format(Enum):
    CSV = "csv"
    JSONL = "jsonl"


def format_of(path: Path) -> Format:
    """The format its extension names (.csv, .jsonl, either + .gz); raises FileProblem."""
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(".csv"):
        return Format.CSV
    if name.endswith((".jsonl", ".ndjson")):
        return Format.JSONL
    reason = "unknown format: the name must end in .csv, .jsonl, .csv.gz or .jsonl.gz"
    raise FileProblem(Problem(path.name, None, None, reason))


@contextmanager
def open_binary(path: Path) -> Iterator[IO[bytes]]:
    """The file's bytes, gunzipped when its name ends in .gz; raises FileProblem."""
    try:
        raw = path.open("rb")  # closed by the `with` below
    except OSError as e:
        raise FileProblem(Problem(path.name, None, None, f"cannot open: {e.strerror}")) from e
    with raw:
        if path.suffix != ".gz":
            yield raw
            return
        with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
            yield cast(IO[bytes], unzipped)


class Lines:
    """Iterates decoded lines (newline kept); `number` is the line last read."""

    def __init__(self, stream: IO[bytes], source: str) -> None:
        self.stream = stream
        self.source = source
        self.number = 0
        self.pending: list[Problem] = []

    def __iter__(self) -> Iterator[str]:
        while raw := self._read():
            self.number += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                self._skip_rest()
                yield self._note(TOO_LONG)
            else:
                yield self._decode(raw)

    def drain(self) -> list[Problem]:
        """The problems found since the last call."""
        found, self.pending = self.pending, []
        return found

    def _read(self, size: int = MAX_LINE_BYTES + 1) -> bytes:
        try:
            raw = self.stream.readline(size)
        except _GZIP_ERRORS as e:
            raise self._fatal(f"not a valid gzip file ({e})") from e
        if self.number == 0 and raw.startswith(_UTF16_BOMS):
            raise self._fatal("the file is UTF-16; save it as UTF-8")
        return raw

    def _skip_rest(self) -> None:
        while (chunk := self._read(MAX_LINE_BYTES)) and not chunk.endswith(b"\n"):
            pass

    def _decode(self, raw: bytes) -> str:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            column = len(raw[: e.start].decode("utf-8", "replace")) + 1
            bad = raw[e.start : e.start + 1].hex()
            return self._note(f"not valid UTF-8 (byte 0x{bad} at column {column}); save as UTF-8")
        return text.removeprefix("\ufeff") if self.number == 1 else text

    def _note(self, reason: str) -> str:
        self.pending.append(Problem(self.source, self.number, None, reason))
        return "\n"

    def _fatal(self, reason: str) -> FileProblem:
        line = self.number + 1 if self.number else None
        return FileProblem(Problem(self.source, line, None, reason))
