"""IPEM's groups in the demo: SIGs, Communities of Interest, STERIC and Task-and-Finish groups.

Remits and descriptions are written for the demo.
"""

from __future__ import annotations

from matchmaker.domain.model import Group, GroupKind

SIG, COI, TF = GroupKind.SIG, GroupKind.COI, GroupKind.TASK_GROUP


def _g(gid: str, kind: GroupKind, name: str, text: str, themes: str, status: str = "") -> Group:
    return Group(gid, kind, name, text, tuple(themes.split()), status or "active")


SIGS: tuple[Group, ...] = (
    _g(
        "sig-clinical-engineering",
        SIG,
        "Clinical Engineering SIG",
        "Medical equipment management, maintenance, procurement, decontamination and the safe "
        "use of devices across their life.",
        "safety climate alignment",
    ),
    _g(
        "sig-ai",
        SIG,
        "Artificial Intelligence SIG",
        "Machine learning in medical physics and engineering: development, validation, "
        "commissioning and monitoring of AI tools.",
        "digitisation safety",
    ),
    _g(
        "sig-radiotherapy",
        SIG,
        "Radiotherapy Physics SIG",
        "Treatment planning, dosimetry, adaptive and particle therapy, and radiotherapy QA.",
        "personalised digitisation",
    ),
    _g(
        "sig-diagnostic-radiology",
        SIG,
        "Diagnostic Radiology and Radiation Safety SIG",
        "X-ray, CT, mammography and fluoroscopy physics, patient dose and image quality.",
        "safety personalised",
    ),
    _g(
        "sig-nuclear-medicine",
        SIG,
        "Nuclear Medicine SIG",
        "Gamma camera, SPECT and PET physics, molecular radiotherapy dosimetry and "
        "radiopharmaceutical supply.",
        "personalised safety",
    ),
    _g(
        "sig-mri",
        SIG,
        "MRI SIG",
        "MR physics, safety, quantitative imaging and scanner QA.",
        "digitisation safety",
    ),
    _g(
        "sig-ultrasound-nir",
        SIG,
        "Ultrasound and Non-Ionising Radiation SIG",
        "Diagnostic and therapeutic ultrasound, lasers, optical radiation and electromagnetic "
        "field exposure.",
        "safety personalised",
    ),
    _g(
        "sig-computing",
        SIG,
        "Clinical and Scientific Computing SIG",
        "Clinical software, data engineering, image processing and the regulation of in-house "
        "software.",
        "digitisation safety",
    ),
    _g(
        "sig-rehab-biomech",
        SIG,
        "Rehabilitation and Biomechanical Engineering SIG",
        "Wheelchair seating, prosthetics and orthotics, gait analysis, electronic assistive "
        "technology and functional electrical stimulation.",
        "personalised alignment",
    ),
    _g(
        "sig-physiological-measurement",
        SIG,
        "Physiological Measurement SIG",
        "Cardiac, respiratory, neurophysiological and vascular measurement, and wearable sensing.",
        "personalised digitisation",
    ),
    _g(
        "sig-radiation-protection",
        SIG,
        "Radiation Protection SIG",
        "Radiation protection advice, shielding, occupational dosimetry and regulatory compliance.",
        "safety",
    ),
)

COIS: tuple[Group, ...] = (
    _g(
        "coi-sustainability",
        COI,
        "Environmental Sustainability CoI",
        "Members sharing ways to cut energy use, carbon and waste in their services.",
        "climate",
    ),
    _g(
        "coi-early-career",
        COI,
        "Early-Career Members CoI",
        "Trainees and early-career scientists and engineers: training, networking and first "
        "leadership roles.",
        "workforce",
    ),
    _g(
        "coi-ai-healthcare",
        COI,
        "AI in Healthcare CoI",
        "An open forum on adopting AI safely in hospitals, from procurement to monitoring.",
        "digitisation safety",
    ),
    _g(
        "coi-mr-safety",
        COI,
        "MR Safety CoI",
        "MR safety experts and responsible persons comparing implant screening and site practice.",
        "safety",
    ),
    _g(
        "coi-particle-therapy",
        COI,
        "Particle Therapy CoI",
        "Proton and ion therapy physics, FLASH and range verification.",
        "personalised",
    ),
    _g(
        "coi-device-cybersecurity",
        COI,
        "Medical Device Cybersecurity CoI",
        "Securing networked equipment, patching and supplier assurance.",
        "safety",
    ),
    _g(
        "coi-wearables",
        COI,
        "Wearables and Remote Monitoring CoI",
        "Sensors, home monitoring and the evidence needed to use them clinically.",
        "personalised digitisation",
    ),
    _g(
        "coi-3d-printing",
        COI,
        "3D Printing in Healthcare CoI",
        "Point-of-care manufacture of phantoms, bolus, orthoses and surgical guides.",
        "alignment personalised",
    ),
    _g(
        "coi-education",
        COI,
        "Education and Training CoI",
        "Trainers, supervisors and course leads sharing teaching and assessment practice.",
        "workforce",
    ),
    _g(
        "coi-public-engagement",
        COI,
        "Public and Patient Engagement CoI",
        "Involving patients and the public in science and engineering in healthcare.",
        "alignment",
    ),
)

STERIC = _g(
    "steric",
    GroupKind.COMMITTEE,
    "STERIC: Science, Technology and Engineering Research and Innovation Council",
    "Leads IPEM's science leadership strategy, commissions Task-and-Finish groups and "
    "runs the Invitation to Innovate calls.",
    "climate workforce safety alignment digitisation personalised",
)

TASK_GROUPS: tuple[Group, ...] = (
    _g(
        "tf-mri-energy",
        TF,
        "T&F: Energy use of MRI services",
        "Measure the energy drawn by MRI scanners and their chillers across a sample of sites, "
        "and write guidance on standby modes, scheduling and helium-free systems.",
        "climate alignment",
    ),
    _g(
        "tf-single-use-reuse",
        TF,
        "T&F: Reprocessing of single-use devices",
        "Prepare a position statement on the regulated remanufacture of single-use devices, "
        "covering safety evidence, decontamination and carbon savings.",
        "climate safety",
    ),
    _g(
        "tf-ai-qa",
        TF,
        "T&F: Quality assurance of AI in imaging and radiotherapy",
        "Write guidance on commissioning, acceptance testing and ongoing monitoring of AI "
        "contouring and detection tools.",
        "safety digitisation",
    ),
    _g(
        "tf-device-cyber",
        TF,
        "T&F: Cybersecurity of networked medical devices",
        "Produce a checklist for procurement and a model process for patching and isolating "
        "connected equipment.",
        "safety digitisation",
    ),
    _g(
        "tf-isotope-supply",
        TF,
        "T&F: Resilience of radioisotope supply",
        "Review how departments coped with molybdenum-99 shortages and recommend contingency "
        "plans.",
        "safety",
        "closed",
    ),
    _g(
        "tf-microlearning",
        TF,
        "T&F: Microlearning for digital and AI skills",
        "Design a set of short learning units on data, coding and AI for scientists and "
        "engineers at every career stage.",
        "workforce digitisation",
    ),
    _g(
        "tf-career-routes",
        TF,
        "T&F: Career routes between sectors",
        "Map how staff move between the NHS, academia and industry and propose secondment and "
        "joint-post models.",
        "workforce alignment",
        "closed",
    ),
    _g(
        "tf-wearables-validation",
        TF,
        "T&F: Validating wearables for clinical use",
        "Set out the evidence a consumer or clinical wearable needs before its readings are "
        "used in care decisions.",
        "personalised digitisation",
    ),
    _g(
        "tf-radiotherapy-carbon",
        TF,
        "T&F: Carbon footprint of radiotherapy pathways",
        "Estimate the emissions of typical radiotherapy courses, including patient travel, "
        "and the savings from hypofractionation.",
        "climate personalised",
    ),
    _g(
        "tf-interoperability",
        TF,
        "T&F: Interoperability of equipment and data",
        "Recommend standards for connecting devices, records and analysis platforms.",
        "alignment digitisation",
        "closed",
    ),
    _g(
        "tf-mrt-dosimetry",
        TF,
        "T&F: Patient-specific dosimetry in molecular radiotherapy",
        "Write practical guidance on image-based dosimetry for radionuclide therapies.",
        "personalised safety",
    ),
)
