"""A small, hand-made IPEM graph for the matching tests, written with Cypher and embedded.

Every write MERGEs on ids, so a transaction the driver retries cannot duplicate anything.

Twenty members in six organisations across the three sectors, with outputs on distinct
topics so that who is expert in what is plain: MRI safety, radiotherapy dosimetry, machine
learning for imaging, medical device cybersecurity, sustainability, ultrasound, nuclear
medicine, rehabilitation engineering. Special cases the tests rely on:
- m-mri-optout: the strongest MRI-safety expert, not open to matching;
- m-mri-busy: an MRI-safety expert already at capacity (2 of 2 active task groups);
- m-cyber-conflict: a cybersecurity expert who declared a conflict with the proposer;
- m-ml-hidden: a machine-learning expert not visible to partners;
- m-proposer (at o-nhs-london) submitted idea-1; m-mri-same works at the same trust;
- partners: p-hidden is hidden, p-tiny has 1 FTE and a declared conflict with the proposer,
  p-trust is an NHS trust, p-uni-man is the same body as o-uni-man.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from embeddings import Embedder
from graph_schema import model as m
from matchmaker.adapters.graph import Graph
from matchmaker.services.embedding import embed_stale

ORGANISATIONS = (
    ("o-nhs-london", "St Thomas' NHS Trust", "nhs", "London"),
    ("o-nhs-scot", "NHS Lothian", "nhs", "Scotland"),
    ("o-uni-man", "University of Manchester", "academia", "North West"),
    ("o-uni-cardiff", "Cardiff University", "academia", "Wales"),
    ("o-ind-secure", "SecureMed Devices Ltd", "industry", "South East"),
    ("o-ind-imaging", "Imaging Analytics Ltd", "industry", "London"),
)

# id, organisation, discipline, career stage, region, outputs (title, abstract)
MEMBERS: tuple[tuple[str, str, str, str, str, tuple[tuple[str, str], ...]], ...] = (
    ("m-proposer", "o-nhs-london", "MRI physics", "senior", "London",
     (("Running an MRI service audit", "An audit of scanner uptime and booking."),)),
    ("m-mri-optout", "o-nhs-scot", "MRI physics", "consultant", "Scotland",
     (("MRI safety of active implanted medical devices",
       "Radiofrequency heating near pacemaker leads at 1.5 and 3 tesla was measured in "
       "phantoms; we propose MRI safety screening rules for implanted devices."),
      ("MRI safety screening of patients with implants",
       "A national survey of MRI safety screening practice for implanted devices."))),
    ("m-mri-busy", "o-nhs-scot", "MRI physics", "senior", "Scotland",
     (("Implant heating in MRI: a phantom study",
       "We measured radiofrequency heating of implanted devices in MRI safety tests."),)),
    ("m-mri-uni", "o-uni-man", "MRI physics", "mid", "North West",
     (("MRI safety and conditional implants",
       "MRI safety assessment of conditional implants and radiofrequency heating."),)),
    ("m-mri-same", "o-nhs-london", "MRI physics", "mid", "London",
     (("MRI safety training for radiographers",
       "A programme teaching MRI safety and implant screening to radiographers."),)),
    ("m-ml-uni", "o-uni-man", "Clinical scientific computing", "mid", "North West",
     (("Deep learning segmentation of MRI brain scans",
       "A convolutional neural network for machine learning segmentation of brain MRI."),
      ("Machine learning for image quality",
       "Machine learning predicts image quality from scanner logs."))),
    ("m-ml-hidden", "o-ind-imaging", "Clinical scientific computing", "senior", "London",
     (("Machine learning models for radiology triage",
       "Deep learning classifies chest radiographs; validation of machine learning."),)),
    ("m-ml-early", "o-uni-cardiff", "Clinical scientific computing", "early", "Wales",
     (("Neural networks for artefact detection in MRI",
       "Machine learning detects motion artefacts in MRI."),)),
    ("m-cyber-ind", "o-ind-secure", "Clinical engineering", "senior", "South East",
     (("Cybersecurity of networked medical devices",
       "Threat modelling and vulnerability management for connected medical devices and "
       "hospital IoT; medical device cybersecurity regulation."),)),
    ("m-cyber-conflict", "o-ind-secure", "Clinical engineering", "consultant", "South East",
     (("Medical device cybersecurity audits",
       "Penetration testing and cybersecurity audits of medical devices in hospitals."),)),
    ("m-cyber-nhs", "o-nhs-scot", "Clinical engineering", "early", "Scotland",
     (("Securing infusion pumps on hospital networks",
       "Cybersecurity of infusion pumps and medical device network segmentation."),)),
    ("m-rt-1", "o-nhs-london", "Radiotherapy physics", "consultant", "London",
     (("Proton therapy dosimetry", "Range uncertainty and dosimetry of proton beams."),)),
    ("m-rt-2", "o-uni-cardiff", "Radiotherapy physics", "trainee", "Wales",
     (("Radiotherapy dose verification", "In vivo dosimetry for radiotherapy treatments."),)),
    ("m-sus-1", "o-nhs-scot", "Clinical engineering", "mid", "Scotland",
     (("Reducing single-use disposables in theatres",
       "Carbon footprint of disposables and reuse of medical equipment; greener NHS."),)),
    ("m-sus-2", "o-uni-man", "Clinical engineering", "early", "North West",
     (("Energy use of imaging scanners",
       "Metering the energy use of MRI and CT scanners overnight to cut carbon."),)),
    ("m-us-1", "o-uni-cardiff", "Ultrasound physics", "senior", "Wales",
     (("Quality assurance of ultrasound probes", "Testing ultrasound transducer arrays."),)),
    ("m-nm-1", "o-nhs-london", "Nuclear medicine", "mid", "London",
     (("Supply of medical radioisotopes", "Technetium-99m shortages and generator supply."),)),
    ("m-rehab-1", "o-uni-man", "Rehabilitation engineering", "mid", "North West",
     (("Gait analysis with wearable sensors", "Wearable inertial sensors for gait."),)),
    ("m-ind-2", "o-ind-imaging", "Clinical scientific computing", "mid", "London",
     (("Cloud platforms for imaging AI", "Deploying AI models in hospital cloud systems."),)),
    ("m-nhs-2", "o-nhs-scot", "Physiological measurement", "early", "Scotland",
     (("Ambulatory blood pressure monitoring", "Validation of ambulatory monitors."),)),
)  # fmt: skip

SIGS = (("sig-mri", "MRI"), ("sig-ai", "AI"), ("sig-ce", "Clinical Engineering"),
        ("sig-rt", "Radiotherapy Physics"))  # fmt: skip
SIG_MEMBERS = {
    "sig-mri": ("m-proposer", "m-mri-optout", "m-mri-busy", "m-mri-uni", "m-mri-same"),
    "sig-ai": ("m-ml-uni", "m-ml-hidden", "m-ml-early", "m-ind-2"),
    "sig-ce": ("m-cyber-ind", "m-cyber-conflict", "m-cyber-nhs", "m-sus-1", "m-sus-2"),
    "sig-rt": ("m-rt-1", "m-rt-2"),
}
TASK_GROUPS = (("tg-1", "active"), ("tg-2", "active"), ("tg-old", "closed"))
TASK_GROUP_MEMBERS = {"tg-1": ("m-mri-busy",), "tg-2": ("m-mri-busy",), "tg-old": ("m-ml-uni",)}
COLLABORATIONS = (("m-mri-uni", "m-ml-uni"), ("m-proposer", "m-mri-same"))
CONFLICTS = (("m-cyber-conflict", "m-proposer"),)
PARTNER_CONFLICTS = (("m-proposer", "p-tiny"),)

IDEA = {
    "id": "idea-1",
    "title": "Safer MRI for patients with implanted devices",
    "summary": "Use machine learning to screen implanted medical devices before MRI, and make "
    "sure the connected screening system meets medical device cybersecurity rules.",
    "required_skills": ["MRI safety", "machine learning", "medical device cybersecurity"],
}

PARTNERS = (
    ("p-secure", "SecureMed Devices Ltd", "company", "industry", "South East",
     "Cybersecurity testing for connected medical devices.", 40, ("ktn-health",)),
    ("p-imaging", "Imaging Analytics Ltd", "company", "industry", "London",
     "Machine learning software for radiology.", 12, ()),
    ("p-tiny", "Two Founders Ltd", "company", "industry", "Wales",
     "Machine learning and cybersecurity consulting for medical devices.", 1, ()),
    ("p-trust", "St Thomas' NHS Trust", "nhs_trust", "nhs", "London",
     "A large teaching hospital with MRI and cybersecurity teams.", 5000, ()),
    ("p-uni-man", "University of Manchester", "university", "academia", "North West",
     "Research in MRI physics and machine learning.", 9000, ("ktn-health",)),
    ("p-hidden", "Stealth Devices Ltd", "company", "industry", "London",
     "Medical device cybersecurity.", 30, ()),
)  # fmt: skip


@dataclass(frozen=True)
class GraphSpec:
    """What to build; tests change parts with `replace` or `with_member`."""

    member_overrides: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    ktp_rule: Mapping[str, Any] | None = None

    def with_member(self, member_id: str, **props: Any) -> GraphSpec:
        merged = {
            **self.member_overrides,
            member_id: {**self.member_overrides.get(member_id, {}), **props},
        }
        return replace(self, member_overrides=merged)


def _member_rows(spec: GraphSpec) -> list[dict[str, Any]]:
    rows = []
    for member_id, org, discipline, stage, region, _ in MEMBERS:
        row: dict[str, Any] = {
            "id": member_id, "name": member_id.replace("-", " ").title(),
            "email": f"{member_id}@example.org", "discipline": discipline,
            "career_stage": stage, "region": region, "organisation_id": org,
            "availability_hours": 6, "max_groups": 2, "open_to_matching": True,
            "visible_to_members": True, "visible_to_partners": True,
            "expertise_statement": "",
        }  # fmt: skip
        row["open_to_matching"] = member_id != "m-mri-optout"
        row["visible_to_partners"] = member_id != "m-ml-hidden"
        row.update(spec.member_overrides.get(member_id, {}))
        rows.append(row)
    return rows


def _output_rows() -> list[dict[str, Any]]:
    return [
        {"id": f"{member_id}-o{n}", "title": title, "abstract": abstract, "year": 2020 + n,
         "author": member_id}
        for member_id, *_, outputs in MEMBERS
        for n, (title, abstract) in enumerate(outputs)
    ]  # fmt: skip


def _pairs(table: Mapping[str, Sequence[str]]) -> list[dict[str, str]]:
    return [{"member": member, "group": group} for group, ids in table.items() for member in ids]


def _write_people(graph: Graph, spec: GraphSpec) -> None:
    graph.write(
        f"UNWIND $rows AS r MERGE (o:{m.ORGANISATION} {{id: r[0]}}) "
        "SET o += {id: r[0], name: r[1], sector: r[2], region: r[3]}",
        rows=[list(o) for o in ORGANISATIONS],
    )
    graph.write(
        f"UNWIND $rows AS r MERGE (mem:{m.MEMBER} {{id: r.id}}) SET mem += r WITH mem, r "
        f"MATCH (o:{m.ORGANISATION} {{id: r.organisation_id}}) MERGE (mem)-[:{m.WORKS_AT}]->(o)",
        rows=_member_rows(spec),
    )
    graph.write(
        f"UNWIND $rows AS r MERGE (o:{m.OUTPUT} {{id: r.id}}) "
        "SET o.title = r.title, o.abstract = r.abstract, o.year = r.year WITH o, r "
        f"MATCH (mem:{m.MEMBER} {{id: r.author}}) MERGE (mem)-[:{m.AUTHORED}]->(o)",
        rows=_output_rows(),
    )


def _write_groups(graph: Graph) -> None:
    graph.write(
        f"UNWIND $rows AS r MERGE (g:{m.GROUP}:{m.SIG} {{id: r[0]}}) "
        "SET g.name = r[1], g.status = 'active'",
        rows=[list(s) for s in SIGS],
    )
    graph.write(
        f"UNWIND $rows AS r MERGE (g:{m.GROUP}:{m.TASK_GROUP} {{id: r[0]}}) "
        "SET g.name = r[0], g.status = r[1]",
        rows=[list(t) for t in TASK_GROUPS],
    )
    graph.write(
        f"UNWIND $rows AS r MATCH (mem:{m.MEMBER} {{id: r.member}}), (g:{m.GROUP} {{id: r.group}}) "
        f"MERGE (mem)-[:{m.MEMBER_OF} {{role: 'member'}}]->(g)",
        rows=_pairs(SIG_MEMBERS) + _pairs(TASK_GROUP_MEMBERS),
    )


def _write_links(graph: Graph) -> None:
    graph.write(
        f"UNWIND $rows AS r MATCH (a:{m.MEMBER} {{id: r[0]}}), (b:{m.MEMBER} {{id: r[1]}}) "
        f"MERGE (a)-[:{m.COLLABORATED_WITH} {{count: 1, since: 2021}}]->(b)",
        rows=[list(p) for p in COLLABORATIONS],
    )
    graph.write(
        f"UNWIND $rows AS r MATCH (a:{m.MEMBER} {{id: r[0]}}), (b:{m.MEMBER} {{id: r[1]}}) "
        f"MERGE (a)-[:{m.DECLARED_CONFLICT} {{reason: 'competing bid'}}]->(b)",
        rows=[list(p) for p in CONFLICTS],
    )
    graph.write(
        f"MERGE (i:{m.IDEA} {{id: $idea.id}}) SET i += $idea, i.status = 'submitted' WITH i "
        f"MATCH (p:{m.MEMBER} {{id: 'm-proposer'}}) MERGE (i)-[:{m.SUBMITTED_BY}]->(p)",
        idea=IDEA,
    )


def _write_partners(graph: Graph, spec: GraphSpec) -> None:
    rows = [
        {"id": p[0], "name": p[1], "kind": p[2], "sector": p[3], "region": p[4],
         "description": p[5], "fte": p[6], "networks": list(p[7]), "visible": p[0] != "p-hidden"}
        for p in PARTNERS
    ]  # fmt: skip
    graph.write(f"MERGE (k:{m.NETWORK} {{id: 'ktn-health'}}) SET k.name = 'Health KTN'")
    graph.write(
        f"UNWIND $rows AS r MERGE (p:{m.PARTNER} {{id: r.id}}) SET p += r WITH p, r "
        f"UNWIND r.networks AS n MATCH (k:{m.NETWORK} {{id: n}}) MERGE (p)-[:{m.PART_OF}]->(k)",
        rows=rows,
    )
    graph.write(
        f"MATCH (p:{m.PARTNER} {{id: 'p-uni-man'}}), (o:{m.ORGANISATION} {{id: 'o-uni-man'}}) "
        f"MERGE (p)-[:{m.SAME_AS}]->(o)"
    )
    graph.write(
        f"UNWIND $rows AS r MATCH (a:{m.MEMBER} {{id: r[0]}}), (b:{m.PARTNER} {{id: r[1]}}) "
        f"MERGE (a)-[:{m.DECLARED_CONFLICT} {{reason: 'adviser'}}]->(b)",
        rows=[list(p) for p in PARTNER_CONFLICTS],
    )
    if spec.ktp_rule is not None:
        graph.write(
            f"MERGE (r:{m.KTP_RULE} {{id: $rule.id}}) SET r += $rule", rule=dict(spec.ktp_rule)
        )


def build_graph(graph: Graph, embedder: Embedder, spec: GraphSpec = GraphSpec()) -> None:
    """Write the small graph and give every text its vector."""
    _write_people(graph, spec)
    _write_groups(graph)
    _write_links(graph)
    _write_partners(graph, spec)
    embed_stale(graph, embedder)
