"""Propose skills from key phrases mined in members' evidence, for staff to accept or reject.

Every member's embedded evidence (outputs' titles and abstracts, expertise statements) is read
a page of members at a time; each document is read once however many members wrote it. Key
phrases come from KeyBERT on the project's embedder (adapters.keyphrases), among candidates
that already pass matching.keyphrases' filter, so places, bodies, people's names, verbs and
phrases holding a vocabulary label (the committed file's while the graph holds none) are
never encoded. A phrase found in at least `min_members` members' evidence is written as a
Skill with source "mined" and status "proposed": it is not part of the vocabulary, so
matching never reads it, until staff accept it (services.skill_vocabulary.accept_proposed).
Running it again refreshes the proposals' member counts and leaves decided skills alone.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from embeddings import Embedder
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.keyphrases import key_phrases
from matchmaker.adapters.vectors import member_evidence
from matchmaker.adapters.vocabulary import (
    ProposedSkill,
    all_labels,
    member_id_page,
    proper_names,
    propose_mined,
)
from matchmaker.matching.keyphrases import MinedPhrase, Names, new_phrase, select
from matchmaker.services.skill_links import PAGE_SIZE, document_text
from matchmaker.services.skills import committed_vocabulary

MIN_MEMBERS = 3
LIMIT = 50
PHRASES_PER_DOCUMENT = 5


@dataclass(frozen=True)
class MineReport:
    documents: int
    members: int
    mined: tuple[MinedPhrase, ...]
    seconds: float


@dataclass
class _Corpus:
    texts: dict[str, str] = field(default_factory=dict)  # document id -> text
    vectors: dict[str, list[float]] = field(default_factory=dict)
    holders: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    members: int = 0


def _read_corpus(graph: Graph, page_size: int) -> _Corpus:
    corpus = _Corpus()
    after = ""
    while ids := member_id_page(graph, after, page_size):
        for member_id, evidence in member_evidence(graph, ids).items():
            corpus.members += 1
            for e in evidence:
                corpus.texts[e.output_id] = document_text(e)
                corpus.vectors[e.output_id] = list(e.vector)
                corpus.holders[e.output_id].add(member_id)
        after = ids[-1]
    return corpus


def mined_id(name: str) -> str:
    """The id of a mined skill: apart from staff-added ids, so the two never collide."""
    return "mined-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "phrase")


def _names(graph: Graph) -> Names:
    found = proper_names(graph)
    return Names(tuple(found["person"]), tuple(found["body"]), tuple(found["region"]))


def mine_skills(
    graph: Graph,
    embedder: Embedder,
    min_members: int = MIN_MEMBERS,
    limit: int = LIMIT,
    page_size: int = PAGE_SIZE,
    write: bool = True,
) -> MineReport:
    """Mine members' evidence and write the phrases as proposed skills (see module doc);
    with `write` False, only report them. Raises Neo4jUnavailable and what the embedder
    raises."""
    started = time.perf_counter()
    corpus = _read_corpus(graph, page_size)
    labels = [label for _, _, ls in all_labels(graph) for label in ls]
    labels = labels or list(committed_vocabulary().labels)  # what the graph will be given
    names = _names(graph)
    ids = list(corpus.texts)
    texts = [corpus.texts[i] for i in ids]
    vectors = np.asarray([corpus.vectors[i] for i in ids], dtype=np.float32)
    keep = new_phrase(labels, names)
    phrases = key_phrases(embedder, texts, vectors, keep, top_n=PHRASES_PER_DOCUMENT)
    per_member: dict[str, set[str]] = defaultdict(set)
    for doc_id, found in zip(ids, phrases, strict=True):
        for member_id in corpus.holders[doc_id]:
            per_member[member_id].update(found)
    mined = select(per_member, labels, names, min_members, limit)
    if write:
        propose_mined(graph, [ProposedSkill(mined_id(p.name), p.name, p.members) for p in mined])
    return MineReport(len(ids), corpus.members, tuple(mined), time.perf_counter() - started)
