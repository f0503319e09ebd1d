"""Skills derived from free text are vocabulary entries, measured on a labelled set."""

from bench.bench_skills import load_cases, measure
from embeddings import Embedder
from embeddings.cache import CachingEmbedder
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.vocabulary import merge_skills, read_vocabulary
from matchmaker.services.skills import committed_vocabulary, derive_skills

# Measured 0.912 / 0.765 (bench/results/report.md); the floor leaves a margin for model noise.
PRECISION_FLOOR = 0.85
RECALL_FLOOR = 0.70


def test_extraction_precision_and_recall_hold_on_the_labelled_set(embedder: Embedder) -> None:
    vocabulary = committed_vocabulary()
    caching = CachingEmbedder(embedder)
    caching.use_vocabulary(vocabulary.labels)
    scores = measure(caching, load_cases(), vocabulary)
    assert scores.precision >= PRECISION_FLOOR
    assert scores.recall >= RECALL_FLOOR


def test_the_product_owners_example_gives_skills_not_fragments(embedder: Embedder) -> None:
    text = (
        "Use deep learning to auto-contour organs at risk for head and neck radiotherapy "
        "and audit the contours across NHS trusts"
    )
    derived = derive_skills(embedder, text, committed_vocabulary())
    assert {"AI and machine learning", "auto-contouring", "radiotherapy physics"} <= set(derived)
    assert not {"NHS trusts", "neck radiotherapy", "auto-contour organs"} & set(derived)


def test_the_vocabulary_loads_into_the_graph_idempotently(graph: Graph) -> None:
    skills = committed_vocabulary().skills
    merge_skills(graph, skills)
    merge_skills(graph, skills)
    assert read_vocabulary(graph).skills == tuple(sorted(skills, key=lambda s: s.id))
