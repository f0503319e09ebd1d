"""Lazy references between the type modules, which point at each other."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

if TYPE_CHECKING:
    from matchmaker.api.types.bodies import Group, Ktp, Network, Organisation, Partner
    from matchmaker.api.types.people import Member, Membership, Skill
    from matchmaker.api.types.work import Call, Idea, Output, Theme

PEOPLE = "matchmaker.api.types.people"
BODIES = "matchmaker.api.types.bodies"
WORK = "matchmaker.api.types.work"

MemberRef = Annotated["Member", strawberry.lazy(PEOPLE)]
SkillRef = Annotated["Skill", strawberry.lazy(PEOPLE)]
OrganisationRef = Annotated["Organisation", strawberry.lazy(BODIES)]
GroupRef = Annotated["Group", strawberry.lazy(BODIES)]
PartnerRef = Annotated["Partner", strawberry.lazy(BODIES)]
NetworkRef = Annotated["Network", strawberry.lazy(BODIES)]
KtpRef = Annotated["Ktp", strawberry.lazy(BODIES)]
CallRef = Annotated["Call", strawberry.lazy(WORK)]
IdeaRef = Annotated["Idea", strawberry.lazy(WORK)]
ThemeRef = Annotated["Theme", strawberry.lazy(WORK)]
OutputRef = Annotated["Output", strawberry.lazy(WORK)]
MembershipRef = Annotated["Membership", strawberry.lazy(PEOPLE)]
