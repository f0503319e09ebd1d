"""The Neo4j model as code: labels, relationship types and the properties that carry meaning.

Node properties use the snake_case field names of matchmaker.domain.model, so records map
to nodes one to one.

Labels and relationship types used in Cypher come only from here, never from user input.
See docs/graph-model.md for the picture and the reasoning. The shape, in short:

    (Member)-[:WORKS_AT]->(Organisation)
    (Member)-[:MEMBER_OF {role}]->(Group:SIG|CoI|TaskGroup|Committee)-[:ADDRESSES]->(Theme)
    (Member)-[:AUTHORED {position}]->(Output)    position 0 = first author (set by imports)
    (Member)-[:COLLABORATED_WITH {count, since}]->(Member)   one edge per pair, lower id first,
                                                             derived from co-authored outputs
    (Member)-[:DECLARED_CONFLICT {reason}]->(Member|Partner)
    (Member)-[:INTERESTED_IN {at}]->(Idea)    (Member)-[:INVITED_TO {by, at, status}]->(Idea)
    (Member)-[:PROPOSED_FOR {invitation, role}]->(TaskGroup)   a seat not (yet) a membership
    (Idea)-[:SUBMITTED_BY]->(Member)   (Idea)-[:RESPONDS_TO]->(Call)
    (Idea|Call)-[:ADDRESSES]->(Theme)
    (Partner)-[:PART_OF]->(Network)    (Partner)-[:SAME_AS]->(Organisation)   derived: equal names
    (KTP)-[:BUSINESS]->(Partner)  (KTP)-[:KNOWLEDGE_BASE]->(Partner)  (KTP)-[:SUPERVISOR]->(Member)
    (KtpRule {id, round, min_business_fte, public_sector_business_allowed, business_kinds})
    (Suggestion {id, target_id, candidate_id, candidate_kind, decision, by, at})
        -[:FOR]->(Idea|Call|TaskGroup)   (Suggestion)-[:SUGGESTS]->(Member|Partner)
    (AuditEvent {id, actor, role, action, target_id, at, detail})
    (Notice {id, kind, status, subject, body, path, to_email, ...})-[:NOTIFIES]->(Member)
        -[:ATTEMPTED]->(NoticeAttempt {at, outcome, error})   the e-mail outbox
    (Introduction {id, status, topic, message, contact_email})-[:REQUESTED_BY]->(Member|Partner)
        (Introduction)-[:INTRODUCES]->(Member)   (Introduction)-[:ABOUT]->(Idea)

A member's expertise evidence is each authored Output's vector plus the vector of their own
expertise statement (kept on the Member node); they are never averaged into one vector.
"""

from __future__ import annotations

from typing import Final

# Node labels.
MEMBER: Final = "Member"
ORGANISATION: Final = "Organisation"
GROUP: Final = "Group"  # shared label of SIG, CoI, TaskGroup and Committee nodes
SIG: Final = "SIG"
COI: Final = "CoI"
TASK_GROUP: Final = "TaskGroup"
COMMITTEE: Final = "Committee"
PARTNER: Final = "Partner"
NETWORK: Final = "Network"
KTP: Final = "KTP"
KTP_RULE: Final = "KtpRule"
CALL: Final = "Call"
IDEA: Final = "Idea"
THEME: Final = "Theme"
SKILL: Final = "Skill"
OUTPUT: Final = "Output"
SUGGESTION: Final = "Suggestion"
SHOWN_KEY: Final = "shown_key"  # on a Suggestion marking a shown team: "<target id>|<member id>"
AUDIT: Final = "AuditEvent"
MIGRATION: Final = "SchemaMigration"
# One node a kind: the file last imported for it (digest, rows) and how many of that kind's
# records carried a fingerprint then; see matchmaker.services.importing.
IMPORT_FILE: Final = "ImportFile"
# The e-mail outbox (matchmaker.services.notices) and introductions between people.
NOTICE: Final = "Notice"
NOTICE_ATTEMPT: Final = "NoticeAttempt"
INTRODUCTION: Final = "Introduction"

# Every label whose nodes carry a unique `id`.
ID_LABELS: Final[tuple[str, ...]] = (
    MEMBER,
    ORGANISATION,
    GROUP,
    SIG,
    COI,
    TASK_GROUP,
    COMMITTEE,
    PARTNER,
    NETWORK,
    KTP,
    KTP_RULE,
    CALL,
    IDEA,
    THEME,
    SKILL,
    OUTPUT,
    SUGGESTION,
    AUDIT,
)

GROUP_KIND_LABELS: Final[tuple[str, ...]] = (SIG, COI, TASK_GROUP, COMMITTEE)

# Relationship types.
WORKS_AT: Final = "WORKS_AT"
MEMBER_OF: Final = "MEMBER_OF"
AUTHORED: Final = "AUTHORED"
COLLABORATED_WITH: Final = "COLLABORATED_WITH"
HAS_SKILL: Final = "HAS_SKILL"
NEEDS_SKILL: Final = "NEEDS_SKILL"  # (Idea)-[:NEEDS_SKILL {position}]->(Skill): confirmed
SUBMITTED_BY: Final = "SUBMITTED_BY"
RESPONDS_TO: Final = "RESPONDS_TO"
ADDRESSES: Final = "ADDRESSES"
PART_OF: Final = "PART_OF"
BUSINESS: Final = "BUSINESS"
KNOWLEDGE_BASE: Final = "KNOWLEDGE_BASE"
SUPERVISOR: Final = "SUPERVISOR"
INTERESTED_IN: Final = "INTERESTED_IN"
INVITED_TO: Final = "INVITED_TO"
# (Member)-[:PROPOSED_FOR {invitation, role, since, changed}]->(TaskGroup): a seat that is not
# (yet) a membership; see matchmaker.domain.group_lifecycle.
PROPOSED_FOR: Final = "PROPOSED_FOR"
DECLARED_CONFLICT: Final = "DECLARED_CONFLICT"
SUGGESTS: Final = "SUGGESTS"
FOR: Final = "FOR"
SAME_AS: Final = "SAME_AS"  # (Partner)-[:SAME_AS]->(Organisation) for one real-world body
NOTIFIES: Final = "NOTIFIES"
ATTEMPTED: Final = "ATTEMPTED"
REQUESTED_BY: Final = "REQUESTED_BY"
INTRODUCES: Final = "INTRODUCES"
ABOUT: Final = "ABOUT"

# Embedding properties. Each embedded node keeps its vector, the hash of the text it was made
# from and the model that made it, so unchanged text is never embedded twice.
EMBEDDING: Final = "embedding"
EMBEDDING_HASH: Final = "embedding_hash"
EMBEDDING_MODEL: Final = "embedding_model"
# The fingerprint of the import row a node or relationship was last written from; any other
# write to its imported fields removes it (matchmaker.importing.fingerprint).
IMPORT_FINGERPRINT: Final = "import_fingerprint"

# Labels whose text is embedded (a vector in `embedding`).
EMBEDDED_LABELS: Final[tuple[str, ...]] = (OUTPUT, MEMBER, PARTNER, IDEA, CALL, GROUP)

# Labels with a vector index on `embedding`, with the index name: those a query searches by
# vector (graph_schema.queries.matching and partner_matching). Neo4j updates an index on
# every write to its label, and an idea's vector and full-text entries cost it about 40 ms
# of CPU per new idea; the indexes no query read are dropped (migration 9).
VECTOR_INDEXES: Final[dict[str, str]] = {
    OUTPUT: "output_embedding",
    MEMBER: "member_embedding",
    PARTNER: "partner_embedding",
}

# Full-text indexes: name -> (label, properties).
FULLTEXT_INDEXES: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "member_text": (MEMBER, ("name", "discipline", "expertise_statement")),
    "output_text": (OUTPUT, ("title", "abstract")),
    "partner_text": (PARTNER, ("name", "description")),
}

# Indexes created by earlier versions that no query reads (dropped by migration 9).
RETIRED_INDEXES: Final[tuple[str, ...]] = (
    "idea_embedding", "call_embedding", "group_embedding",
    "idea_text", "call_text", "group_text", "organisation_name",
)  # fmt: skip

# The stored properties the API's records read, by label (matchmaker.adapters.records.RECORDS
# holds the fields; a unit test holds the two together). API reads project exactly these: a
# projection of every property also read each node's vector, 384 numbers nobody is shown,
# which cost a members page of 20 about a third of its time in Neo4j and the driver.
API_PROPERTIES: Final[dict[str, tuple[str, ...]]] = {
    MEMBER: (
        "id", "name", "email", "discipline", "career_stage", "region", "availability_hours",
        "max_groups", "open_to_matching", "visible_to_members", "visible_to_partners",
        "expertise_statement",
    ),
    ORGANISATION: ("id", "name", "sector", "region", "town"),
    GROUP: ("id", "name", "description", "status"),
    PARTNER: ("id", "name", "kind", "sector", "region", "description", "fte", "visible"),
    NETWORK: ("id", "name", "description"),
    KTP: ("id", "title", "start_year", "status"),
    CALL: ("id", "title", "description", "opens", "closes", "status"),
    IDEA: ("id", "title", "summary", "required_skills", "status", "created"),
    THEME: ("id", "name", "kind", "description"),
    SKILL: ("id", "name"),
    OUTPUT: ("id", "title", "abstract", "year", "kind", "source", "licence"),
}  # fmt: skip
