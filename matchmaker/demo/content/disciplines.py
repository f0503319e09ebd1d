"""IPEM's specialties as member disciplines, and how the corpus's subdomains map onto them."""

from __future__ import annotations

RADIOTHERAPY = "Radiotherapy physics"
DIAGNOSTIC = "Diagnostic radiology physics"
NUCLEAR = "Nuclear medicine physics"
MRI = "MRI physics"
ULTRASOUND = "Ultrasound and non-ionising radiation"
PROTECTION = "Radiation protection"
COMPUTING = "Clinical and scientific computing"
CLINICAL_ENGINEERING = "Clinical engineering"
REHABILITATION = "Rehabilitation engineering"
PHYSIOLOGICAL = "Physiological measurement"

DISCIPLINES: tuple[str, ...] = (
    RADIOTHERAPY,
    DIAGNOSTIC,
    NUCLEAR,
    MRI,
    ULTRASOUND,
    PROTECTION,
    COMPUTING,
    CLINICAL_ENGINEERING,
    REHABILITATION,
    PHYSIOLOGICAL,
)

# Corpus subdomain -> discipline. The AI subdomain counts for less than a specialist one,
# because most imaging AI papers also carry the modality they work on.
DISCIPLINE_BY_SUBDOMAIN: dict[str, str] = {
    "clinical_computing_ai": COMPUTING,
    "digital_pathology": COMPUTING,
    "mri": MRI,
    "ct_xray": DIAGNOSTIC,
    "radiotherapy": RADIOTHERAPY,
    "optics_other_imaging": ULTRASOUND,
    "ultrasound": ULTRASOUND,
    "dosimetry_radiation_protection": PROTECTION,
    "pet_spect_nuclear": NUCLEAR,
    "physiological_measurement_eng": PHYSIOLOGICAL,
    "sustainability": CLINICAL_ENGINEERING,
}
SUBDOMAIN_WEIGHTS: dict[str, float] = {"clinical_computing_ai": 0.6, "digital_pathology": 0.8}

# The SIG each discipline belongs to first.
SIG_BY_DISCIPLINE: dict[str, str] = {
    RADIOTHERAPY: "sig-radiotherapy",
    DIAGNOSTIC: "sig-diagnostic-radiology",
    NUCLEAR: "sig-nuclear-medicine",
    MRI: "sig-mri",
    ULTRASOUND: "sig-ultrasound-nir",
    PROTECTION: "sig-radiation-protection",
    COMPUTING: "sig-computing",
    CLINICAL_ENGINEERING: "sig-clinical-engineering",
    REHABILITATION: "sig-rehab-biomech",
    PHYSIOLOGICAL: "sig-physiological-measurement",
}
AI_SIG = "sig-ai"


def in_text(discipline: str) -> str:
    """The discipline as written mid-sentence: lower case, acronyms kept."""
    return discipline.lower().replace("mri", "MRI")
