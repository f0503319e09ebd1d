"""Which key phrases mined from members' evidence may be proposed as skills (pure).

Inputs: for each member, the key phrases a keyphrase extractor found in their documents (any
case, one to three words); the labels the vocabulary already has (every skill's name and
synonyms, proposals and rejected ones included, so nothing is proposed twice); and the names
read from the graph (`Names`: people's, bodies' and regions').

A phrase is kept when it is not a label already (as matchmaker.matching.vocabulary compares
words: case, hyphens and a plural "s" aside) and holds none as a run of its words (it would
add nothing to that skill), holds no word of a person's name or a region,
no place or body word and no verb or generic research word (STOP_WORDS), is not a body's
name, and occurs in the evidence of at least `min_members` members. A kept phrase that is
part of a longer kept one ("heating" of "radiofrequency heating") is dropped: the longer one
says what the skill is. Output: the kept phrases, most members first, then alphabetically;
at most `limit`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from matchmaker.matching.vocabulary import words

MAX_WORDS = 3
MIN_LETTERS = 3

# Places and bodies: a phrase naming one is an organisation or a location, not a skill.
_PLACES_AND_BODIES = """
    uk britain british england english scotland scottish wales welsh ireland irish northern
    london manchester birmingham leeds glasgow edinburgh cardiff belfast bristol liverpool
    newcastle sheffield nottingham leicester oxford cambridge southampton europe european
    nhs trust trusts foundation hospital hospitals university universities college institute
    ipem steric mhra nice nihr ukri epsrc mrc who iaea department council society centre centres
    ltd limited plc company companies network networks committee group groups sig coi ktp
"""
# Verbs, and words any paper uses whatever its topic.
_VERBS_AND_GENERIC = """
    use used using uses show shows shown showed demonstrate demonstrated demonstrates present
    presented presents propose proposed proposes investigate investigated investigates report
    reported reports describe described describes develop developed developing develops
    evaluate evaluated evaluating evaluates assess assessed assessing compare compared
    comparing found find finding findings based aim aims aimed improve improved improving
    provide provided provides reduce reduced reducing increase increased measured measure
    perform performed achieve achieved apply applied allow allows enable enables require
    required requires produce produced support supported include included including study
    studies paper work results result method methods approach approaches data
    patients patient clinical new novel current different significant high low year years
    time number use case cases set level levels range example review overall total first
    second three two one using within across including various several large small good
    best better practice service services team teams project projects programme
    device devices system systems model models tool tools technique techniques performance
    quality safety measurement measurements test testing tests machine machines
    scientist scientists researcher researchers postdoctoral professor lecturer consultant
    senior trainee head section working works covers cover particular recent focus focuses
    advise advises lead leads interest interests role member members end non phd scientific
    technical
"""
# Spelt as `words` spells a text's words ("focus" -> "focu"), so that they are compared alike.
STOP_WORDS = frozenset(words(_PLACES_AND_BODIES + _VERBS_AND_GENERIC))


@dataclass(frozen=True)
class MinedPhrase:
    name: str  # as most members' evidence spells it, lower-cased
    members: int  # how many members' evidence holds it


@dataclass(frozen=True)
class Names:
    people: tuple[str, ...] = ()  # every word of a person's name is blocked
    bodies: tuple[str, ...] = ()  # a phrase that is a body's whole name is blocked
    regions: tuple[str, ...] = ()  # every word of a region is blocked

    def blocked_words(self) -> frozenset[str]:
        return frozenset(w for n in (*self.people, *self.regions) for w in words(n))


def acceptable(phrase: str, blocked: frozenset[str]) -> bool:
    """Whether a phrase may be a skill at all: 1-3 words of letters, none blocked or a stop word."""
    found = words(phrase)
    if not 1 <= len(found) <= MAX_WORDS:
        return False
    return all(
        w.isalpha() and len(w) >= MIN_LETTERS and w not in STOP_WORDS and w not in blocked
        for w in found
    )


def _runs(key: tuple[str, ...]) -> set[tuple[str, ...]]:
    return {key[i:j] for i in range(len(key)) for j in range(i + 1, len(key) + 1)}


def new_phrase(labels: Iterable[str], names: Names) -> Callable[[str], bool]:
    """The test a phrase must pass before it is counted: acceptable, no label within it,
    not a body's whole name."""
    known = {words(label) for label in labels}
    bodies = {words(n) for n in names.bodies}
    blocked = names.blocked_words()

    def test(phrase: str) -> bool:
        key = words(phrase)
        return acceptable(phrase, blocked) and key not in bodies and not _runs(key) & known

    return test


def select(
    per_member: Mapping[str, Iterable[str]],
    labels: Iterable[str],
    names: Names,
    min_members: int,
    limit: int,
) -> list[MinedPhrase]:
    """The phrases to propose (see module doc)."""
    passes = new_phrase(labels, names)
    counts: Counter[tuple[str, ...]] = Counter()
    spelling: dict[tuple[str, ...], Counter[str]] = {}
    for phrases in per_member.values():
        keys: set[tuple[str, ...]] = set()
        for phrase in filter(passes, phrases):
            key = words(phrase)
            keys.add(key)
            spelling.setdefault(key, Counter())[" ".join(phrase.lower().split())] += 1
        counts.update(keys)
    frequent = {k for k, n in counts.items() if n >= min_members}
    inside = {r for longer in frequent for r in _runs(longer) if len(r) < len(longer)}
    kept = [(spelling[k].most_common(1)[0][0], counts[k]) for k in frequent - inside]
    kept.sort(key=lambda x: (-x[1], x[0]))
    return [MinedPhrase(name, n) for name, n in kept[:limit]]
