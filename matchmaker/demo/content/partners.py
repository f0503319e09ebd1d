"""Partners the corpus does not supply (charities and public bodies), past KTPs and the
reasons members give when they declare a conflict of interest.

Charity and public body names are public facts; the descriptions are written for the demo.
"""

from __future__ import annotations

from dataclasses import dataclass

from matchmaker.demo.content import disciplines as d
from matchmaker.domain.model import PartnerKind, Sector

# (name, kind, sector, region, description, networks)
OTHER_PARTNERS: tuple[tuple[str, PartnerKind, Sector, str, str, tuple[str, ...]], ...] = (
    (
        "British Heart Foundation",
        PartnerKind.CHARITY,
        Sector.CHARITY,
        "London",
        "Medical research charity funding research into heart and circulatory diseases, "
        "including imaging, devices and monitoring.",
        ("ktn-medtech",),
    ),
    (
        "Cancer Research UK",
        PartnerKind.CHARITY,
        Sector.CHARITY,
        "London",
        "Cancer research charity funding work on early detection, imaging and radiotherapy.",
        ("ktn-medtech", "ktn-digital-health"),
    ),
    (
        "Stroke Association",
        PartnerKind.CHARITY,
        Sector.CHARITY,
        "London",
        "Charity supporting stroke survivors and funding research on recovery and rehabilitation.",
        ("ktn-healthy-ageing",),
    ),
    (
        "Versus Arthritis",
        PartnerKind.CHARITY,
        Sector.CHARITY,
        "East Midlands",
        "Charity for people with arthritis, funding research on musculoskeletal conditions, "
        "mobility and assistive technology.",
        ("ktn-healthy-ageing",),
    ),
    (
        "Alzheimer's Society",
        PartnerKind.CHARITY,
        Sector.CHARITY,
        "London",
        "Dementia charity funding research on diagnosis, including imaging and digital "
        "biomarkers, and care.",
        ("ktn-digital-health",),
    ),
    (
        "Motor Neurone Disease Association",
        PartnerKind.CHARITY,
        Sector.CHARITY,
        "East Midlands",
        "Charity supporting people with motor neurone disease, including access to "
        "communication aids and assistive technology.",
        ("ktn-healthy-ageing",),
    ),
    (
        "Medicines and Healthcare products Regulatory Agency",
        PartnerKind.GOVERNMENT,
        Sector.GOVERNMENT,
        "London",
        "The UK regulator of medicines and medical devices, including software and AI as a "
        "medical device.",
        ("ktn-medtech", "ktn-digital-health"),
    ),
    (
        "UK Health Security Agency",
        PartnerKind.GOVERNMENT,
        Sector.GOVERNMENT,
        "London",
        "Public body protecting health from infectious disease and environmental hazards, "
        "including radiation.",
        ("ktn-sensing",),
    ),
)


@dataclass(frozen=True)
class KtpSpec:
    """A past KTP: title, the clinical domain of the business, and the supervisor's field."""

    title: str
    business_domain: str
    supervisor_discipline: str
    start_year: int
    status: str


KTP_SPECS: tuple[KtpSpec, ...] = (
    KtpSpec(
        "Automated quality control for AI chest radiograph triage",
        "radiology",
        d.COMPUTING,
        2021,
        "completed",
    ),
    KtpSpec(
        "Cardiac MRI analysis software for a regional imaging network",
        "cardiovascular",
        d.MRI,
        2020,
        "completed",
    ),
    KtpSpec(
        "Validating wearable ECG rhythm detection in NHS pathways",
        "cardiovascular",
        d.PHYSIOLOGICAL,
        2022,
        "completed",
    ),
    KtpSpec(
        "Reducing CT dose with learned reconstruction", "radiology", d.DIAGNOSTIC, 2023, "active"
    ),
    KtpSpec("Brain MRI volumetry for memory clinics", "neurology", d.MRI, 2019, "completed"),
    KtpSpec(
        "Dental radiograph analysis and radiation protection",
        "dental",
        d.PROTECTION,
        2024,
        "active",
    ),
)

MEMBER_CONFLICT_REASONS: tuple[str, ...] = (
    "Line manager",
    "Close family member",
    "Current co-applicant on a competing bid",
    "Doctoral supervisor within the last five years",
    "Joint grant holder",
    "Shares a business interest",
)

PARTNER_CONFLICT_REASONS: tuple[str, ...] = (
    "Paid consultancy for this organisation",
    "Holds shares in the company",
    "Partner or spouse employed by the organisation",
    "Honorary contract with the organisation",
    "Sits on the company's advisory board",
)
