"""The skills vocabulary in the graph: read it as domain objects, merge skills into it."""

from __future__ import annotations

from collections.abc import Sequence

from graph_schema.queries import skills as q
from matchmaker.adapters.graph import Graph
from matchmaker.matching.vocabulary import Vocabulary, VocabularySkill


def read_vocabulary(graph: Graph) -> Vocabulary:
    """The graph's Skill nodes that have a name, by id; raises Neo4jUnavailable."""
    rows = graph.read(q.READ_SKILLS)
    return Vocabulary(tuple(
        VocabularySkill(str(r["id"]), str(r["name"]), tuple(map(str, r["synonyms"])),
                        str(r["kind"]))
        for r in rows
    ))  # fmt: skip


def merge_skills(graph: Graph, skills: Sequence[VocabularySkill]) -> int:
    """Write `skills`, merged on id (names, synonyms and kinds replaced); how many.
    Raises Neo4jUnavailable."""
    rows = [{"id": s.id, "name": s.name, "synonyms": list(s.synonyms), "kind": s.kind}
            for s in skills]  # fmt: skip
    graph.write(q.MERGE_SKILLS, skills=rows)
    return len(rows)
