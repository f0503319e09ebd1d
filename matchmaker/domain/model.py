"""The records of the IPEM graph, as plain frozen dataclasses.

These are the shapes the importers read, the exporters write, the adapters return and the
matching core consumes. They import nothing from neo4j, strawberry or starlette.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Sector(StrEnum):
    NHS = "nhs"
    ACADEMIA = "academia"
    INDUSTRY = "industry"
    CHARITY = "charity"
    GOVERNMENT = "government"


class CareerStage(StrEnum):
    TRAINEE = "trainee"
    EARLY = "early"
    MID = "mid"
    SENIOR = "senior"
    CONSULTANT = "consultant"


class GroupKind(StrEnum):
    """Each kind is also the Neo4j label of the group node (besides the shared `Group`)."""

    SIG = "SIG"
    COI = "CoI"
    TASK_GROUP = "TaskGroup"
    COMMITTEE = "Committee"


class PartnerKind(StrEnum):
    COMPANY = "company"
    UNIVERSITY = "university"
    NHS_TRUST = "nhs_trust"
    CHARITY = "charity"
    GOVERNMENT = "government"


class ThemeKind(StrEnum):
    GRAND_CHALLENGE = "grand_challenge"
    EMERGING_TREND = "emerging_trend"


# The UK nations and the nine English regions.
REGIONS: tuple[str, ...] = (
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
    "Scotland",
    "Wales",
    "Northern Ireland",
)


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    kind: ThemeKind
    description: str = ""


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    sector: Sector
    region: str
    town: str = ""


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    email: str
    discipline: str
    career_stage: CareerStage
    region: str
    organisation_id: str
    availability_hours: int = 4  # hours a month the member can give to groups and ideas
    max_groups: int = 2  # how many active groups the member can sit on at once
    open_to_matching: bool = True
    visible_to_members: bool = True
    visible_to_partners: bool = False
    expertise_statement: str = ""


@dataclass(frozen=True)
class Group:
    """A SIG, CoI, Task-and-Finish group or committee (STERIC)."""

    id: str
    kind: GroupKind
    name: str
    description: str = ""
    themes: tuple[str, ...] = ()  # theme ids
    status: str = "active"  # active | closed


@dataclass(frozen=True)
class Membership:
    member_id: str
    group_id: str
    role: str = "member"  # member | chair | secretary | lead


@dataclass(frozen=True)
class Network:
    """A Knowledge Transfer Network."""

    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    kind: PartnerKind
    sector: Sector
    region: str
    description: str = ""
    fte: int = 0  # full-time staff; KTP business partners need at least 2
    networks: tuple[str, ...] = ()  # network ids
    visible: bool = True


@dataclass(frozen=True)
class Call:
    """An "Invitation to Innovate" call."""

    id: str
    title: str
    description: str
    themes: tuple[str, ...] = ()
    opens: str = ""  # ISO date
    closes: str = ""  # ISO date
    status: str = "open"  # open | closed


@dataclass(frozen=True)
class Idea:
    id: str
    title: str
    summary: str
    submitted_by: str  # member id
    call_id: str = ""
    themes: tuple[str, ...] = ()
    required_skills: tuple[str, ...] = ()
    status: str = "draft"  # draft | submitted
    created: str = ""  # ISO date


@dataclass(frozen=True)
class Output:
    """A paper, report or project that evidences its authors' expertise."""

    id: str
    title: str
    abstract: str = ""
    year: int = 0
    kind: str = "paper"  # paper | report | project | statement
    authors: tuple[str, ...] = ()  # member ids
    source: str = ""  # provenance: where the text comes from
    licence: str = ""


@dataclass(frozen=True)
class Conflict:
    """A declared conflict of interest between a member and a member or partner."""

    member_id: str
    other_id: str
    reason: str = ""


@dataclass(frozen=True)
class Ktp:
    """A Knowledge Transfer Partnership: business + knowledge base + academic supervisor."""

    id: str
    title: str
    business_partner_id: str
    knowledge_base_partner_id: str
    supervisor_id: str  # member id
    start_year: int = 0
    status: str = "completed"  # proposed | active | completed


@dataclass(frozen=True)
class Evidence:
    """One piece of a member's expertise evidence, with its vector when embedded."""

    member_id: str
    output_id: str
    title: str
    text: str
    year: int = 0
    vector: tuple[float, ...] = field(default=(), repr=False)
