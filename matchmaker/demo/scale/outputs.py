"""Synthetic outputs: each member authors one to five, many shared with colleagues in the
same discipline, so co-authorship gives the collaboration graph its shape."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from random import Random

from matchmaker.demo.scale.texts import TextPool, licence_of
from matchmaker.domain.model import Member, Output

CO_AUTHORS = (0, 1, 2, 3)
CO_AUTHOR_WEIGHTS = (0.35, 0.35, 0.2, 0.1)


def outputs_for(members: Sequence[Member], pool: TextPool, rng: Random) -> list[Output]:
    """Outputs until every member has authored their quota of one to five."""
    quota = [rng.randint(1, 5) for _ in members]
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, member in enumerate(members):
        buckets[member.discipline].append(i)
    order = list(range(len(members)))
    rng.shuffle(order)
    outputs: list[Output] = []
    for lead in order:
        while quota[lead] > 0:
            team = _team(lead, buckets[members[lead].discipline], quota, rng)
            for i in team:
                quota[i] -= 1
            authors = tuple(members[i].id for i in team)
            outputs.append(_output(len(outputs) + 1, authors, members[lead].discipline, pool, rng))
    return outputs


def _team(lead: int, bucket: list[int], quota: list[int], rng: Random) -> list[int]:
    wanted = rng.choices(CO_AUTHORS, CO_AUTHOR_WEIGHTS)[0]
    team = [lead]
    for _ in range(wanted * 3):
        if len(team) > wanted:
            break
        other = bucket[rng.randrange(len(bucket))]
        if quota[other] > 0 and other not in team:
            team.append(other)
    return team


def _output(
    number: int, authors: tuple[str, ...], discipline: str, pool: TextPool, rng: Random
) -> Output:
    a, b, title, abstract = pool.output_text(discipline, rng)
    sources = (a.output,) if a is b else (a.output, b.output)
    return Output(
        id=f"syn-{number:07d}",
        title=title,
        abstract=abstract,
        year=a.output.year,
        kind=a.output.kind,
        authors=authors,
        source="synthetic, recombined from " + " and ".join(o.id for o in sources),
        licence=licence_of(sources),
    )
