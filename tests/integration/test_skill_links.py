"""Members linked to vocabulary skills from their own evidence, on the real graph and model."""

from __future__ import annotations

from pathlib import Path

import pytest

from embeddings import Embedder
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.vocabulary import member_skill_links
from matchmaker.bootstrap import Runtime
from matchmaker.cli import main
from matchmaker.services.embedding import embed_stale
from matchmaker.services.skill_links import SOURCE, current_vocabulary, link_member_skills
from tests.integration.builders import build_graph


def _links(graph: Graph, *member_ids: str) -> dict[str, list[dict[str, object]]]:
    return member_skill_links(graph, member_ids)


def test_members_are_linked_to_vocabulary_skills_with_levels_and_evidence(
    graph: Graph, embedder: Embedder
) -> None:
    build_graph(graph, embedder)
    report = link_member_skills(graph, embedder, page_size=7)
    assert report.members == 20
    assert report.linked >= 18
    links = _links(graph, "m-mri-optout")["m-mri-optout"]
    mri = next(x for x in links if x["skill_id"] == "skill-mri")
    assert (mri["level"], mri["source"]) == ("strong", SOURCE)
    assert mri["evidence"] == ["m-mri-optout-o0", "m-mri-optout-o1"]
    vocabulary_ids = {s.id for s in current_vocabulary(graph).skills}
    every = _links(graph, *[f"m-{x}" for x in ("proposer", "ml-uni", "mri-busy")])
    assert all(x["skill_id"] in vocabulary_ids for ls in every.values() for x in ls)


def test_linking_twice_leaves_the_same_links_and_changed_evidence_replaces_them(
    graph: Graph, embedder: Embedder
) -> None:
    build_graph(graph, embedder)
    link_member_skills(graph, embedder)
    first = _links(graph, "m-mri-busy", "m-ml-uni")
    link_member_skills(graph, embedder)
    assert _links(graph, "m-mri-busy", "m-ml-uni") == first
    graph.write(
        "MATCH (o:Output {id: 'm-mri-busy-o0'}) SET o.title = 'Proton therapy planning', "
        "o.abstract = 'Proton therapy range uncertainty in treatment planning.'"
    )
    embed_stale(graph, embedder)
    link_member_skills(graph, embedder)
    changed = {x["skill_id"] for x in _links(graph, "m-mri-busy")["m-mri-busy"]}
    assert "skill-proton-therapy" in changed
    assert "skill-mri" not in changed


def test_the_cli_imports_a_vocabulary_and_links_members(
    runtime: Runtime,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    build_graph(runtime.graph, runtime.embedder)
    monkeypatch.setenv("NEO4J_URI", runtime.settings.neo4j.uri)
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[skill]]\nid = "skill-phantoms"\nname = "phantom design"\nkind = "topic"\n'
        'synonyms = ["phantom study"]\n'
    )
    assert main(["skills-import", str(extra)]) == 0
    found = {s.id: s for s in current_vocabulary(runtime.graph).skills}
    assert found["skill-phantoms"].synonyms == ("phantom study",)
    assert main(["skills", "link"]) == 0
    assert "of 20 members" in capsys.readouterr().out
    busy = _links(runtime.graph, "m-mri-busy")["m-mri-busy"]
    assert "skill-phantoms" in {x["skill_id"] for x in busy}
    bad = tmp_path / "bad.toml"
    bad.write_text('[[skill]]\nid = "x y"\nname = "p"\n')
    assert main(["skills-import", str(bad)]) == 1
    assert "x y" in capsys.readouterr().err
