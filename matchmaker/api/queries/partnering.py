"""suggestPartners and suggestKtp: external partners and KTP routes for an idea or a text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import strawberry

from graph_schema import model as m
from matchmaker.adapters import reads
from matchmaker.api.context import AppInfo, Context
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.mutations.outcome import attempt
from matchmaker.api.permissions import MemberOrStaff, SignedIn, only
from matchmaker.api.types.enums import Sector
from matchmaker.api.types.partnering import KtpSuggestions, PartnerFit, PartnerSuggestions
from matchmaker.errors import NotFound as NotFoundError
from matchmaker.services import partners
from matchmaker.services.validation import Checks


@strawberry.input(description="An idea you may see, or plain text; with the gaps to fill.")
class PartnerInput:
    idea_id: strawberry.ID | None = None
    text: str = ""
    gaps: list[str] = strawberry.field(default_factory=list, description="Skills the team lacks.")
    team_sectors: list[Sector] = strawberry.field(default_factory=list)
    region: str | None = None
    first: int = 10


PartnerResult = Annotated[
    PartnerSuggestions | ValidationErrors | NotFound | NotAllowed,
    strawberry.union("PartnerResult"),
]
KtpResult = Annotated[
    KtpSuggestions | ValidationErrors | NotFound | NotAllowed, strawberry.union("KtpResult")
]


@dataclass(frozen=True)
class _Ask:
    text: str
    target_id: str
    members: tuple[str, ...]


def _ask(ctx: Context, i: PartnerInput) -> _Ask:
    """The text to match, checked; an idea's title and summary when an idea is named."""
    checks = Checks()
    if (i.idea_id is None) == (not i.text.strip()):
        checks.fail("input", "give either ideaId or text")
    checks.text("text", i.text or None, 3, 5000)
    checks.number("first", i.first, 1, 50)
    checks.number("gaps", len(i.gaps), 0, 20)
    checks.done()
    if i.idea_id is None:
        return _Ask(i.text, "", ())
    idea = reads.one(ctx.runtime.graph, m.IDEA, str(i.idea_id), ctx.viewer)
    if idea is None:
        raise NotFoundError("idea", str(i.idea_id))
    return _Ask(f"{idea.title}. {idea.summary}", idea.id, (idea.submitted_by,))


def _suggest(ctx: Context, i: PartnerInput, with_ktp: bool) -> partners.PartnerResult:
    ask = _ask(ctx, i)
    return partners.suggest_partners(
        ctx.runtime.graph,
        ctx.runtime.query_embedder,
        ask.text,
        tuple(i.gaps),
        team_sectors=[s.value for s in i.team_sectors],
        region=i.region,
        audience=ctx.viewer.looker,
        target_id=ask.target_id,
        members=ask.members,
        limit=i.first,
        with_ktp=with_ktp,
    )


@strawberry.type
class PartneringQueries:
    @strawberry.field(extensions=only(MemberOrStaff()), description="Partners for an idea's gaps.")
    async def suggest_partners(self, info: AppInfo, input: PartnerInput) -> PartnerResult:
        found = await attempt(_suggest, info.context, input, False)
        if isinstance(found, partners.PartnerResult):
            fits = [PartnerFit.from_domain(p) for p in found.partners]
            return PartnerSuggestions(gaps=list(found.gaps), partners=fits)
        return found

    @strawberry.field(
        extensions=only(SignedIn()),
        description="KTP triads for an idea or a topic; partners see only consenting supervisors.",
    )
    async def suggest_ktp(self, info: AppInfo, input: PartnerInput) -> KtpResult:
        found = await attempt(_suggest, info.context, input, True)
        if isinstance(found, partners.PartnerResult):
            return KtpSuggestions.from_domain(found)
        return found
