"""Problems found in an import file, and the log that keeps the first few of them.

A problem names the file, the line, the field and the reason, e.g.
`members.csv:17: career_stage: 'junior' is not one of trainee, early, mid, senior, consultant`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matchmaker.errors import MatchmakerError

ERROR_LIMIT = 50


@dataclass(frozen=True)
class Problem:
    source: str  # the file's name as the user gave it
    line: int | None  # 1-based; None for problems of the whole file
    field: str | None
    reason: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


@dataclass
class ProblemLog:
    """Keeps the first `limit` problems and counts the rest."""

    limit: int = ERROR_LIMIT
    kept: list[Problem] = field(default_factory=list)
    more: int = 0

    def add(self, problem: Problem) -> None:
        if len(self.kept) < self.limit:
            self.kept.append(problem)
        else:
            self.more += 1

    def __bool__(self) -> bool:
        return bool(self.kept)

    @property
    def total(self) -> int:
        return len(self.kept) + self.more

    def messages(self) -> list[str]:
        """Each kept problem as a line, then `and N more` when some were only counted."""
        lines = [str(p) for p in self.kept]
        if self.more:
            lines.append(f"and {self.more} more")
        return lines


class FileProblem(MatchmakerError):
    """A problem that stops reading a file at once (missing header, bad gzip, unknown format)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class ImportRejected(MatchmakerError):
    """An import found problems, so nothing was written; `messages` lists them."""

    def __init__(self, messages: list[str]) -> None:
        summary = "\n  ".join(messages)
        super().__init__(f"nothing imported, the input has problems:\n  {summary}")
        self.messages = messages
