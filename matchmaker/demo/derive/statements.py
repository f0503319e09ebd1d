"""Composing an expertise statement from a member's role and the topics of their outputs."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from random import Random

from matchmaker.demo.content import disciplines as d
from matchmaker.domain.model import CareerStage, Sector

# (pattern, topic phrase), most specific first; a document counts once per phrase.
_TOPICS: tuple[tuple[str, str], ...] = (
    (r"proton|carbon.ion|particle therap", "proton and particle therapy"),
    (r"\bflash\b", "FLASH radiotherapy"),
    (r"brachytherap", "brachytherapy"),
    (r"\bimrt\b|\bvmat\b|intensity.modulated", "intensity-modulated radiotherapy"),
    (r"adaptive radiotherap|adaptive therap|\bmr.linac|\bmr.guided", "adaptive radiotherapy"),
    (r"treatment plan", "treatment planning"),
    (r"monte carlo", "Monte Carlo simulation"),
    (r"dosimet|dose calculation|dose distribution", "dosimetry"),
    (r"shield", "shielding design"),
    (r"\bradon\b|occupational exposure|staff dose", "occupational radiation exposure"),
    (r"electromagnetic|\bsar\b|radiofrequency|\brf\b exposure", "RF and EMF exposure"),
    (r"\bpet\b|positron", "PET imaging"),
    (r"\bspect\b|gamma camera|scintigraph", "SPECT and gamma camera imaging"),
    (r"radionuclide|radiopharmac|tracer kinetic", "radionuclide imaging and therapy"),
    (r"mammogra|breast imaging|tomosynthesis", "breast imaging"),
    (r"cone.beam|\bcbct\b", "cone-beam CT"),
    (r"\bct\b|computed tomography", "CT imaging"),
    (r"x.ray|radiograph", "X-ray imaging"),
    (r"diffusion.weighted|diffusion mri|\bdti\b|tractograph", "diffusion MRI"),
    (r"\bfmri\b|functional mri|functional connectiv", "functional MRI"),
    (r"k.space|undersampl|compressed sensing|accelerated mri", "accelerated MRI reconstruction"),
    (r"\bmri\b|magnetic resonance", "MRI"),
    (r"spectroscop", "spectroscopy"),
    (r"elastograph", "elastography"),
    (r"photoacoustic|optoacoustic", "photoacoustic imaging"),
    (r"ultrasound|sonograph|echocardiog", "ultrasound imaging"),
    (r"optical coherence|\boct\b|fundus|retina", "retinal and optical imaging"),
    (r"endoscop", "endoscopic imaging"),
    (r"histopath|whole.slide|patholog", "computational pathology"),
    (r"\becg\b|electrocardiog", "ECG analysis"),
    (r"\bemg\b|electromyog", "EMG"),
    (r"laser doppler|blood flow|haemodynamic|hemodynamic|perfusion", "blood flow measurement"),
    (r"oximet|oxygen saturation|near.infrared", "tissue oxygenation"),
    (r"stimulat", "electrical and magnetic stimulation"),
    (r"respirat|breathing|spirometr", "respiratory measurement"),
    (r"temperature|thermometr|thermograph", "thermometry"),
    (r"\beeg\b|electroencephal", "EEG"),
    (r"impedance", "bioimpedance"),
    (r"hyperthermia|thermal therap|ablation", "thermal therapy"),
    (r"reconstruct", "image reconstruction"),
    (r"registration", "image registration"),
    (r"segment", "image segmentation"),
    (r"radiomic", "radiomics"),
    (r"federated", "federated learning"),
    (r"self.supervised|contrastive", "self-supervised learning"),
    (r"weakly.supervised|semi.supervised|few.shot|active learning", "learning from few labels"),
    (r"uncertaint|calibrat", "uncertainty estimation"),
    (r"domain adaptation|domain shift|harmoni[sz]", "robustness to domain shift"),
    (r"generative|diffusion model|\bgan\b|synthesi", "generative models"),
    (r"explainab|interpretab|saliency", "explainable AI"),
    (r"anomal|out.of.distribution", "anomaly detection"),
    (r"language model|vision.language|report generation", "vision-language models"),
    (r"foundation model", "foundation models"),
    (r"survival|prognos|outcome predict", "outcome prediction"),
    (r"detect", "lesion detection"),
    (r"classif", "image classification"),
    (r"brain|neuro", "brain and neurology"),
    (r"cardiac|heart|myocard|coronar", "heart and circulation"),
    (r"lung|pulmonar|thorac|chest", "lung and chest"),
    (r"prostat", "prostate cancer"),
    (r"tumou?r|cancer|oncolog", "oncology"),
    (r"image quality|phantom", "image quality and phantoms"),
    (r"detector|scintillat", "radiation detectors"),
    (r"quality assurance|\bqa\b|quality control", "quality assurance"),
)
_COMPILED = tuple((re.compile(p), phrase) for p, phrase in _TOPICS)

_ROLES: dict[Sector, dict[CareerStage, str]] = {
    Sector.NHS: {
        CareerStage.TRAINEE: "Trainee clinical scientist",
        CareerStage.EARLY: "Clinical scientist",
        CareerStage.MID: "Principal clinical scientist",
        CareerStage.SENIOR: "Head of section",
        CareerStage.CONSULTANT: "Consultant clinical scientist",
    },
    Sector.ACADEMIA: {
        CareerStage.TRAINEE: "PhD researcher",
        CareerStage.EARLY: "Postdoctoral researcher",
        CareerStage.MID: "Lecturer",
        CareerStage.SENIOR: "Professor",
        CareerStage.CONSULTANT: "Professor",
    },
    Sector.INDUSTRY: {
        CareerStage.TRAINEE: "Graduate engineer",
        CareerStage.EARLY: "Research scientist",
        CareerStage.MID: "Senior scientist",
        CareerStage.SENIOR: "Technical lead",
        CareerStage.CONSULTANT: "Chief scientist",
    },
}

# Four topics a discipline's members can speak to when their outputs name none.
_DEFAULT_TOPICS: dict[str, tuple[str, ...]] = {
    d.RADIOTHERAPY: ("treatment planning", "dosimetry", "quality assurance", "linac commissioning"),
    d.DIAGNOSTIC: ("X-ray imaging", "patient dose", "image quality and phantoms", "CT protocols"),
    d.NUCLEAR: ("SPECT and gamma camera imaging", "PET imaging", "dosimetry", "radiopharmacy"),
    d.MRI: ("MRI", "quality assurance", "MR safety", "sequence optimisation"),
    d.ULTRASOUND: ("ultrasound imaging", "quality assurance", "optical radiation", "laser safety"),
    d.PROTECTION: ("dosimetry", "shielding design", "radiation safety", "risk assessment"),
    d.COMPUTING: ("image segmentation", "clinical software", "machine learning", "data pipelines"),
    d.PHYSIOLOGICAL: ("physiological signals", "sensors", "clinical measurement", "cardiology"),
}
_ANY = ("measurement", "quality assurance", "clinical translation", "teaching")

_TEMPLATES: tuple[str, ...] = (
    "{role} in {discipline}. My work covers {topics}.",
    "{role} working in {discipline}, with particular interest in {topics}.",
    "{role} ({discipline}). Recent work: {topics}.",
    "{role} in {discipline}; I focus on {topics} and am happy to advise on {extra}.",
)


def topics_of(texts: Iterable[str], limit: int = 4) -> list[str]:
    """The topic phrases found most often in the texts, most frequent first."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_phrases(text))
    order = {phrase: i for i, (_, phrase) in enumerate(_TOPICS)}
    ranked = sorted(counts, key=lambda p: (-counts[p], order[p]))
    return ranked[:limit]


def compose(
    discipline: str, stage: CareerStage, sector: Sector, topics: list[str], rng: Random
) -> str:
    """A short first-person statement of a member's role and topics."""
    defaults = _DEFAULT_TOPICS.get(discipline, _ANY)
    chosen = topics[:3] or list(defaults[:3])
    extra = topics[3] if len(topics) > 3 else next(t for t in (*defaults, *_ANY) if t not in chosen)
    template = rng.choice(_TEMPLATES)
    return template.format(
        role=_ROLES.get(sector, _ROLES[Sector.NHS])[stage],
        discipline=d.in_text(discipline),
        topics=_join(chosen),
        extra=extra,
    )


@cache
def _phrases(text: str) -> frozenset[str]:
    lowered = text.lower()
    return frozenset(phrase for pattern, phrase in _COMPILED if pattern.search(lowered))


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
