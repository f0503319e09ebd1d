"""Link members to the vocabulary skills their own evidence shows: (Member)-[:HAS_SKILL]->(Skill).

Each member's documents (outputs' titles and abstracts, the expertise statement) are matched
against the graph's vocabulary (the committed one is merged while it holds none) as a free text
is, except that a document's stored vector stands for the text and its phrases: nothing is
encoded again but the vocabulary's labels. Levels and evidence come from
matchmaker.matching.skill_levels. Every member's links of source "evidence" are replaced on
each run, so running it twice leaves the same links and changed evidence gives new ones.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from embeddings import Embedder
from embeddings.cache import encode_phrases
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.vectors import STATEMENT_PREFIX, member_evidence
from matchmaker.adapters.vocabulary import (
    member_id_page,
    merge_skills,
    read_vocabulary,
    replace_member_skills,
)
from matchmaker.domain.model import Evidence
from matchmaker.matching.skill_levels import Document, SkillClaim, member_skills
from matchmaker.matching.vocabulary import Vocabulary, best_per_skill
from matchmaker.services.skills import committed_vocabulary

SOURCE = "evidence"
PAGE_SIZE = 300


@dataclass(frozen=True)
class LinkReport:
    members: int
    linked: int
    links: int
    seconds: float


def current_vocabulary(graph: Graph) -> Vocabulary:
    """The graph's vocabulary; a graph that holds none is given the committed one first, so
    that links always reach Skill nodes. Raises Neo4jUnavailable."""
    vocabulary = read_vocabulary(graph)
    if vocabulary.skills:
        return vocabulary
    merge_skills(graph, committed_vocabulary().skills)
    return read_vocabulary(graph)


def document_text(evidence: Evidence) -> str:
    """The text a piece of evidence stands for: an output's title and abstract, or a statement."""
    if evidence.output_id.startswith(STATEMENT_PREFIX):
        return evidence.text
    return f"{evidence.title}. {evidence.text}"


def _documents(
    evidence: list[Evidence], labels: np.ndarray, vocabulary: Vocabulary
) -> list[Document]:
    embedded = [e for e in evidence if e.vector]
    if not embedded:
        return []
    vectors = np.asarray([e.vector for e in embedded], dtype=np.float64)
    per_label = labels @ vectors.T  # (labels, documents)
    count = len(vocabulary.skills)
    return [
        Document(e.output_id, document_text(e),
                 best_per_skill(per_label[:, j], vocabulary.owners, count))
        for j, e in enumerate(embedded)
    ]  # fmt: skip


def _page_claims(
    graph: Graph, ids: list[str], labels: np.ndarray, vocabulary: Vocabulary
) -> dict[str, list[SkillClaim]]:
    evidence = member_evidence(graph, ids)
    return {
        member_id: member_skills(_documents(docs, labels, vocabulary), vocabulary)
        for member_id, docs in evidence.items()
    }


def link_member_skills(graph: Graph, embedder: Embedder, page_size: int = PAGE_SIZE) -> LinkReport:
    """Replace every member's evidence-derived skill links; members are read and written a
    page at a time. Raises Neo4jUnavailable and what the embedder raises."""
    started = time.perf_counter()
    vocabulary = current_vocabulary(graph)
    labels = np.asarray(encode_phrases(embedder, vocabulary.labels), dtype=np.float64)
    members = linked = links = 0
    after = ""
    while ids := member_id_page(graph, after, page_size):
        claims = _page_claims(graph, ids, labels, vocabulary) if vocabulary.skills else {}
        claims = {i: claims.get(i, []) for i in ids}
        replace_member_skills(graph, claims, SOURCE)
        members += len(ids)
        linked += sum(1 for cs in claims.values() if cs)
        links += sum(len(cs) for cs in claims.values())
        after = ids[-1]
    return LinkReport(members, linked, links, time.perf_counter() - started)
