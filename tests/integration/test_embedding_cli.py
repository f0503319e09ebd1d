"""`matchmaker embed [--all]` against the session's Neo4j, with the configured model."""

from __future__ import annotations

import pytest

from graph_schema import model as m
from matchmaker.bootstrap import Runtime
from matchmaker.cli import main


def test_embed_embeds_what_is_stale_and_all_with_all(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    runtime.graph.write(
        f"CREATE (:{m.OUTPUT} {{id: 'o-1', title: 'Gel dosimetry', abstract: '3D dose.'}}) "
        f"CREATE (:{m.MEMBER} {{id: 'm-1', expertise_statement: ''}})"
    )
    monkeypatch.setenv("NEO4J_URI", runtime.settings.neo4j.uri)

    assert main(["embed", "--quiet"]) == 0
    first = capsys.readouterr().out
    assert main(["embed", "--all", "--quiet"]) == 0
    forced = capsys.readouterr().out

    assert "1 of 2 nodes embedded with all-MiniLM-L6-v2" in first
    assert "1 of 2 nodes embedded" in forced
    rows = runtime.graph.read(f"MATCH (o:{m.OUTPUT}) RETURN size(o.{m.EMBEDDING}) AS size")
    assert rows == [{"size": 384}]
