"""A raw row to a domain record, or the problems that stop it becoming one."""

from __future__ import annotations

from typing import Any

from matchmaker.importing.fields import FieldSpec, ValueProblem
from matchmaker.importing.kinds import KindSpec
from matchmaker.importing.problems import Problem
from matchmaker.importing.readers import RawRow


def convert(spec: KindSpec, row: RawRow, source: str) -> tuple[Any | None, list[Problem]]:
    """(record, []) for a valid row, else (None, one problem per offending field)."""
    problems = [
        Problem(source, row.line, key, f"unknown field; the fields are {', '.join(spec.names)}")
        for key in row.values
        if key not in spec.names
    ]
    values: dict[str, Any] = {}
    for f in spec.fields:
        try:
            values[f.name] = _value(f, row)
        except ValueProblem as e:
            problems.append(Problem(source, row.line, f.name, str(e)))
    if problems:
        return None, problems
    record = spec.record(**values)
    found = spec.row_check(record) if spec.row_check else None
    if found:
        return None, [Problem(source, row.line, found[0], found[1])]
    return record, []


def _value(f: FieldSpec, row: RawRow) -> Any:
    raw = row.values.get(f.name)
    if raw is None or raw == "":
        if f.required:
            raise ValueProblem("is required" if raw is None else "is required but empty")
        return f.default
    if f.required and f.is_blank(raw):
        raise ValueProblem("is required but blank")
    return f.settle(f.from_text(raw) if row.textual else f.from_json(raw))
