"""Which members each group draws on: Task-and-Finish team needs and CoI affinities."""

from __future__ import annotations

from dataclasses import dataclass

from matchmaker.demo.content import disciplines as d


@dataclass(frozen=True)
class TeamSpec:
    """Who a Task-and-Finish group draws on: disciplines in order of need, and its size."""

    disciplines: tuple[str, ...]
    size: int


TEAM_SPECS: dict[str, TeamSpec] = {
    "tf-mri-energy": TeamSpec((d.MRI, d.CLINICAL_ENGINEERING, d.MRI, d.DIAGNOSTIC), 6),
    "tf-single-use-reuse": TeamSpec((d.CLINICAL_ENGINEERING,) * 3 + (d.PHYSIOLOGICAL,), 5),
    "tf-ai-qa": TeamSpec((d.COMPUTING, d.RADIOTHERAPY, d.DIAGNOSTIC, d.COMPUTING), 8),
    "tf-device-cyber": TeamSpec((d.CLINICAL_ENGINEERING, d.COMPUTING, d.COMPUTING), 5),
    "tf-isotope-supply": TeamSpec((d.NUCLEAR, d.NUCLEAR, d.PROTECTION), 4),
    "tf-microlearning": TeamSpec((d.COMPUTING, d.DIAGNOSTIC, d.REHABILITATION), 6),
    "tf-career-routes": TeamSpec((d.RADIOTHERAPY, d.CLINICAL_ENGINEERING, d.COMPUTING), 5),
    "tf-wearables-validation": TeamSpec((d.PHYSIOLOGICAL, d.REHABILITATION, d.COMPUTING), 6),
    "tf-radiotherapy-carbon": TeamSpec((d.RADIOTHERAPY, d.RADIOTHERAPY, d.CLINICAL_ENGINEERING), 5),
    "tf-interoperability": TeamSpec((d.COMPUTING, d.CLINICAL_ENGINEERING), 4),
    "tf-mrt-dosimetry": TeamSpec((d.NUCLEAR, d.NUCLEAR, d.RADIOTHERAPY, d.COMPUTING), 7),
}

# CoI -> (disciplines it draws on (empty: any), share of those members who join).
COI_AFFINITY: dict[str, tuple[tuple[str, ...], float]] = {
    "coi-sustainability": ((), 0.025),
    "coi-ai-healthcare": ((d.COMPUTING, d.DIAGNOSTIC, d.RADIOTHERAPY), 0.12),
    "coi-mr-safety": ((d.MRI,), 0.2),
    "coi-particle-therapy": ((d.RADIOTHERAPY,), 0.2),
    "coi-device-cybersecurity": ((d.CLINICAL_ENGINEERING, d.COMPUTING), 0.06),
    "coi-wearables": ((d.PHYSIOLOGICAL, d.REHABILITATION), 0.3),
    "coi-3d-printing": ((d.REHABILITATION, d.RADIOTHERAPY, d.CLINICAL_ENGINEERING), 0.06),
    "coi-education": ((), 0.03),
    "coi-public-engagement": ((), 0.02),
}
EARLY_CAREER_COI = "coi-early-career"
SUSTAINABILITY_COI = "coi-sustainability"
