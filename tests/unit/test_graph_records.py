"""Reads decode records as the driver's Record.data() does, without its per-value type tests."""

from __future__ import annotations

from typing import Any

from neo4j import Record as DriverRecord
from neo4j.time import DateTime

from matchmaker.adapters.graph import records


def _driver_data(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    return DriverRecord(pairs).data()  # type: ignore[no-untyped-call, no-any-return]


def test_records_equal_what_the_driver_would_give() -> None:
    at = DateTime(2026, 12, 7, 14, 0, 0)
    pairs = [
        ("rows", [{"id": "m-1", "sigs": [["sig-rt", "Radiotherapy"]], "hours": 2.5, "x": None}]),
        ("total", 7),
        ("at", at),
        ("flags", [True, False]),
        ("blob", b"\x00\x01"),
    ]
    decoded = records([DriverRecord(pairs)])  # type: ignore[no-untyped-call]
    assert decoded == [_driver_data(pairs)]
    assert decoded[0]["at"] is at
    assert type(decoded[0]["rows"]) is list
    assert type(decoded[0]["rows"][0]) is dict
