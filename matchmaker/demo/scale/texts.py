"""Text for synthetic records, recombined from the demo dataset's own statements and outputs."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from random import Random

from matchmaker.demo.dataset import DemoDataset
from matchmaker.domain.model import Output

_SENTENCE_END = re.compile(r"(?<=[.;])\s+")
ABSTRACT_LIMIT = 700


@dataclass(frozen=True)
class Evidence:
    """A demo output split into sentences once, so recombining it is cheap."""

    output: Output
    head: str  # title before any colon
    tail: str  # title after the colon, or ""
    sentences: tuple[str, ...]


class TextPool:
    """Statements and outputs of the demo dataset, grouped by discipline."""

    def __init__(self, base: DemoDataset) -> None:
        discipline = {m.id: m.discipline for m in base.members}
        self.statements: dict[str, list[str]] = defaultdict(list)
        for member in base.members:
            self.statements[member.discipline].append(member.expertise_statement)
        self.evidence: dict[str, list[Evidence]] = defaultdict(list)
        for output in base.outputs:
            if output.authors:
                self.evidence[discipline[output.authors[0]]].append(_evidence(output))
        self.disciplines = tuple(sorted(self.evidence))

    def statement(self, discipline: str, rng: Random) -> str:
        """The opening of one member's statement and the close of another's."""
        first, second = (
            rng.choice(self.statements[discipline]),
            rng.choice(self.statements[discipline]),
        )
        opening = _SENTENCE_END.split(first, maxsplit=1)[0]
        rest = _SENTENCE_END.split(second, maxsplit=1)
        return f"{opening} {rest[1]}" if len(rest) > 1 else first

    def output_text(self, discipline: str, rng: Random) -> tuple[Evidence, Evidence, str, str]:
        """Two source outputs and a title and abstract recombined from them."""
        pool = self.evidence.get(discipline) or self.evidence[rng.choice(self.disciplines)]
        a, b = rng.choice(pool), rng.choice(pool)
        title = f"{a.head}: {b.tail}" if b.tail and rng.random() < 0.5 else a.output.title
        if not a.sentences or rng.random() < 0.4:
            return a, a, title, a.output.abstract  # shared string: no new memory
        abstract = " ".join((*a.sentences[:2], *b.sentences[-1:]))[:ABSTRACT_LIMIT]
        return a, b, title, abstract


def _evidence(output: Output) -> Evidence:
    head, _, tail = output.title.partition(": ")
    sentences = tuple(_SENTENCE_END.split(output.abstract)) if output.abstract else ()
    return Evidence(output, head, tail, sentences)


def licence_of(sources: Sequence[Output]) -> str:
    """The licences of the outputs a text was drawn from."""
    return "; ".join(dict.fromkeys(o.licence for o in sources))
