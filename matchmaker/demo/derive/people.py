"""Choosing which corpus authors become demo members, and giving each a pseudonym.

A person is identified by the key of their real name (matchmaker.demo.privacy.name_key); the
real name itself never leaves this module's records. Pseudonyms come from a hash of the key,
so the same person always gets the same pseudonym, and a pseudonym is never a real name.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from matchmaker.demo.content.names import FIRST_NAMES, LAST_NAMES
from matchmaker.demo.derive.corpus import Corpus, Doc
from matchmaker.demo.privacy import NameIndex, name_key

PMB_FROM_YEAR = 2000  # older PMB titles make implausible evidence for today's members
PMB_PER_PERSON = 6
# How the PMB authors spread over their main subdomain, so that every specialty is staffed.
PMB_SHARES: dict[str, float] = {
    "radiotherapy": 0.2,
    "ct_xray": 0.14,
    "dosimetry_radiation_protection": 0.14,
    "pet_spect_nuclear": 0.13,
    "physiological_measurement_eng": 0.12,
    "mri": 0.1,
    "ultrasound": 0.1,
    "optics_other_imaging": 0.04,
    "clinical_computing_ai": 0.03,
}
_NOT_PEOPLE = frozenset(
    {"ai", "association", "consortium", "group", "institute", "laboratory", "society", "team"}
)


@dataclass(frozen=True)
class Person:
    """A corpus author chosen as a member, with the documents that evidence their expertise."""

    key: str
    papers: tuple[Doc, ...]
    pmb: tuple[Doc, ...]

    @property
    def docs(self) -> tuple[Doc, ...]:
        return self.papers + self.pmb

    @property
    def first_year(self) -> int:
        return min(doc.year for doc in self.docs)


def usable_docs(docs: Iterable[Doc], index: NameIndex) -> list[Doc]:
    """Documents whose title and abstract mention no real person by full name."""
    return [d for d in docs if d.authors and not index.mentions(f"{d.title} {d.abstract}")]


def select_people(corpus: Corpus, index: NameIndex, n_paper: int, n_pmb: int) -> list[Person]:
    """The most prolific paper authors, then the most prolific recent PMB first authors."""
    papers = _by_author(usable_docs(corpus.papers, index))
    recent = [d for d in corpus.pmb if d.year >= PMB_FROM_YEAR and d.subdomains]
    pmb = _by_author(usable_docs(recent, index))
    chosen = _most_prolific(papers, n_paper, minimum=2)
    chosen += _spread({k: v for k, v in pmb.items() if k not in chosen}, n_pmb)
    return [Person(k, tuple(papers.get(k, ())), _latest(pmb.get(k, []))) for k in sorted(chosen)]


def pseudonym(key: str, taken: set[str], index: NameIndex) -> str:
    """A UK name picked by a hash of the real name's key, unused and containing no real name."""
    for attempt in itertools.count():
        digest = hashlib.sha256(f"ipem-demo-pseudonym:{attempt}:{key}".encode()).digest()
        first = FIRST_NAMES[int.from_bytes(digest[:4], "big") % len(FIRST_NAMES)]
        last = LAST_NAMES[int.from_bytes(digest[4:8], "big") % len(LAST_NAMES)]
        name = f"{first} {last}"
        if name not in taken and not index.mentions(name):
            taken.add(name)
            return name
    raise AssertionError("unreachable")


def stable_order(key: str) -> str:
    """A sort key that mixes members from every source, the same on every run."""
    return hashlib.sha256(f"ipem-demo-order:{key}".encode()).hexdigest()


def _by_author(docs: Iterable[Doc]) -> dict[str, list[Doc]]:
    found: dict[str, list[Doc]] = defaultdict(list)
    for doc in docs:
        for author in doc.authors:
            key = name_key(author)
            if _is_person(key):
                found[key].append(doc)
    return found


def _is_person(key: str) -> bool:
    words = key.split()
    return len(words) >= 2 and not _NOT_PEOPLE.intersection(words)


def _most_prolific(docs: dict[str, list[Doc]], n: int, minimum: int) -> list[str]:
    keys = [k for k, v in docs.items() if len(v) >= minimum]
    keys.sort(key=lambda k: (-len(docs[k]), stable_order(k)))
    return keys[:n]


def _spread(docs: dict[str, list[Doc]], n: int) -> list[str]:
    by_main: dict[str, dict[str, list[Doc]]] = defaultdict(dict)
    for key, found in docs.items():
        main = Counter(s for doc in found for s in doc.subdomains).most_common(1)[0][0]
        by_main[main][key] = found
    chosen = [
        k
        for sub, share in PMB_SHARES.items()
        for k in _most_prolific(by_main[sub], round(n * share), 1)
    ]
    rest = _most_prolific(
        {k: v for k, v in docs.items() if k not in set(chosen)}, n - len(chosen), 2
    )
    return chosen + rest


def _latest(docs: list[Doc]) -> tuple[Doc, ...]:
    return tuple(sorted(docs, key=lambda d: (-d.year, d.id))[:PMB_PER_PERSON])
