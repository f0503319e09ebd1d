"""The strategy's themes, the Invitation to Innovate calls and the knowledge transfer networks."""

from __future__ import annotations

from matchmaker.domain.model import Call, Network, Theme, ThemeKind

GC = ThemeKind.GRAND_CHALLENGE
ET = ThemeKind.EMERGING_TREND

THEMES: tuple[Theme, ...] = (
    Theme(
        "climate",
        "Climate change and the environment",
        GC,
        "Cutting the carbon and waste of healthcare science: energy drawn by imaging and "
        "radiotherapy equipment, single-use devices and their repair or reuse, fragile supply "
        "chains, and services ready for heatwaves, floods and shifting patterns of disease.",
    ),
    Theme(
        "workforce",
        "Workforce and skills",
        GC,
        "Growing and keeping the people healthcare science needs: training routes and career "
        "paths, digital and AI literacy, leadership, short bite-sized learning, and moving "
        "between disciplines and between the NHS, universities and industry.",
    ),
    Theme(
        "safety",
        "Clinical safety and security",
        GC,
        "Keeping patients and systems safe as technology changes: cybersecurity of connected "
        "devices, scarce radioisotopes and critical materials, regulation of devices, software "
        "and AI, and the safe use of new kinds of patient data.",
    ),
    Theme(
        "alignment",
        "Alignment and collaboration",
        ET,
        "Working across disciplines and sectors: teams that mix physics, engineering, computing "
        "and clinical practice; moving research from universities and companies into the NHS; "
        "knowledge transfer partnerships; shared standards and interoperable systems.",
    ),
    Theme(
        "digitisation",
        "Smart digitisation",
        ET,
        "Data and computing in clinical science: machine learning, large linked datasets, "
        "digital twins, edge computing, augmented and virtual reality, and assuring the quality "
        "of AI tools once they are in routine use.",
    ),
    Theme(
        "personalised",
        "Personalised health",
        ET,
        "Care fitted to the individual: wearable sensors and remote monitoring, imaging "
        "biomarkers and radiogenomics, predictive and preventive medicine, community "
        "diagnostic centres, and radiation doses tailored to each patient.",
    ),
)

CALLS: tuple[Call, ...] = (
    Call(
        "call-2025-climate",
        "Invitation to Innovate: greener healthcare science",
        "Seed funding for projects that measurably cut the carbon, energy or waste of medical "
        "physics and clinical engineering services. We welcome audits that lead to change, "
        "device reuse and repair schemes, and tools that let departments track their footprint. "
        "Teams should span at least two disciplines, and an industry or NHS estates partner is "
        "encouraged.",
        ("climate", "alignment"),
        "2025-09-15",
        "2026-01-31",
        "open",
    ),
    Call(
        "call-2025-workforce",
        "Invitation to Innovate: skills for a changing workforce",
        "Projects that help the healthcare science workforce learn, stay and move: digital and "
        "AI skills for every career stage, short learning units that fit around clinical work, "
        "and routes between the NHS, academia and industry. Proposals led or co-led by "
        "early-career members are particularly welcome.",
        ("workforce", "digitisation"),
        "2025-10-01",
        "2026-02-28",
        "open",
    ),
    Call(
        "call-2025-safety",
        "Invitation to Innovate: safe and secure clinical technology",
        "Ideas that make devices, software and data safer: securing networked equipment, "
        "assuring AI after deployment, coping with shortages of isotopes and components, and "
        "preparing for changes in device regulation. Projects should say how they will be "
        "tested in a clinical setting.",
        ("safety", "digitisation"),
        "2025-10-01",
        "2026-03-31",
        "open",
    ),
    Call(
        "call-2025-personalised",
        "Invitation to Innovate: personalised and connected care",
        "Support for teams bringing measurement closer to the patient: wearables and home "
        "monitoring, patient-specific dosimetry, and imaging biomarkers that change treatment "
        "decisions. Partnerships with companies or community diagnostic centres are encouraged.",
        ("personalised", "alignment"),
        "2025-11-01",
        "2026-04-30",
        "open",
    ),
    Call(
        "call-2024-emerging",
        "Invitation to Innovate: emerging technologies into practice",
        "The first round of the scheme funded small projects that took a promising technology "
        "from a research setting towards routine clinical use, with a named NHS host.",
        ("digitisation", "personalised", "alignment"),
        "2024-03-01",
        "2024-07-31",
        "closed",
    ),
)

NETWORKS: tuple[Network, ...] = (
    Network(
        "ktn-medtech",
        "Medical Technologies and Diagnostics Network",
        "Connects device and diagnostics companies with clinical and academic groups, from "
        "early evaluation to adoption studies in the NHS.",
    ),
    Network(
        "ktn-digital-health",
        "Digital Health and AI Network",
        "Brings together developers of clinical software, AI and data platforms with the "
        "hospitals and researchers who validate and deploy them.",
    ),
    Network(
        "ktn-net-zero-health",
        "Net Zero Health and Care Network",
        "Links suppliers, estates teams and researchers working to cut the carbon and waste "
        "of health and care, including reuse and remanufacture of devices.",
    ),
    Network(
        "ktn-manufacturing",
        "Advanced Materials and Manufacturing Network",
        "For firms and labs in additive manufacturing, new materials and precision "
        "engineering, including bespoke implants, orthoses and phantoms.",
    ),
    Network(
        "ktn-cyber",
        "Cyber Resilience and Secure Systems Network",
        "Supports organisations securing connected products and infrastructure, with a strand "
        "on networked medical devices.",
    ),
    Network(
        "ktn-sensing",
        "Quantum, Sensing and Imaging Network",
        "Brings detector, sensor and imaging technology developers together with end users in "
        "health, security and industry.",
    ),
    Network(
        "ktn-healthy-ageing",
        "Assistive Technology and Healthy Ageing Network",
        "Connects makers of assistive, rehabilitation and home-care technology with users, "
        "clinicians and researchers.",
    ),
)
