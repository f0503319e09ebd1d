"""Cypher around a suggestion: what it is for, the path to the proposer, and feedback.

A target is what a team is suggested for: an Idea, a Call or a TaskGroup (its remit), or
free text (no node; its id is made from the text). Feedback is stored as
    (Suggestion {id, target_id, target_kind, candidate_id, candidate_kind, decision, by, at})
        -[:FOR]->(Idea|Call|TaskGroup)   (Suggestion)-[:SUGGESTS]->(Member|Partner)
with `at` a Neo4j datetime; decision is accepted | declined | suggested.
"""

from __future__ import annotations

from graph_schema import model as m

# Target kind -> label. Free text has no node.
TARGET_LABELS: dict[str, str] = {"idea": m.IDEA, "call": m.CALL, "task_group": m.TASK_GROUP}
CANDIDATE_LABELS: dict[str, str] = {"member": m.MEMBER, "partner": m.PARTNER}

# -> id, title, text, skills, proposer_id, region (of the proposer), call_id
IDEA_TARGET = (
    f"MATCH (i:{m.IDEA} {{id: $id}}) "
    f"OPTIONAL MATCH (i)-[:{m.SUBMITTED_BY}]->(p:{m.MEMBER}) "
    f"OPTIONAL MATCH (i)-[:{m.RESPONDS_TO}]->(c:{m.CALL}) "
    "RETURN i.id AS id, i.title AS title, coalesce(i.summary, '') AS text, "
    "coalesce(i.required_skills, []) AS skills, coalesce(p.id, i.submitted_by) AS proposer_id, "
    "p.region AS region, coalesce(c.id, i.call_id, '') AS call_id"
)
CALL_TARGET = (
    f"MATCH (c:{m.CALL} {{id: $id}}) "
    "RETURN c.id AS id, c.title AS title, coalesce(c.description, '') AS text, "
    "[] AS skills, null AS proposer_id, null AS region, c.id AS call_id"
)
TASK_GROUP_TARGET = (
    f"MATCH (g:{m.TASK_GROUP} {{id: $id}}) "
    "RETURN g.id AS id, g.name AS title, coalesce(g.description, '') AS text, "
    "[] AS skills, null AS proposer_id, null AS region, '' AS call_id"
)
TARGETS: dict[str, str] = {
    "idea": IDEA_TARGET,
    "call": CALL_TARGET,
    "task_group": TASK_GROUP_TARGET,
}

# The shortest chain of collaborations, shared groups and employers from the proposer to
# each of $ids, at most 4 hops. A path never passes through a member who opted out of
# matching, nor, with $members_only, through one not visible to members.
# -> id, nodes [{id, name, labels}], rels [type]
_PATH_TYPES = f"{m.COLLABORATED_WITH}|{m.MEMBER_OF}|{m.WORKS_AT}"
PATHS_TO_PROPOSER = (
    f"MATCH (a:{m.MEMBER} {{id: $proposer}}) "
    f"UNWIND $ids AS id MATCH (b:{m.MEMBER} {{id: id}}) WHERE b <> a "
    f"OPTIONAL MATCH p = shortestPath((a)-[:{_PATH_TYPES}*..4]-(b)) "
    f"WHERE all(n IN nodes(p) WHERE NOT n:{m.MEMBER} OR (coalesce(n.open_to_matching, true) "
    "AND (NOT $members_only OR coalesce(n.visible_to_members, true)))) "
    "RETURN id, [n IN nodes(p) | {id: n.id, name: coalesce(n.name, n.id), labels: labels(n)}] "
    "AS nodes, [r IN relationships(p) | type(r)] AS rels"
)

# Feedback history of candidates, as decided by the ids in $by, latest decision first; and
# the candidates whose latest decision for $target is `declined` (as DECLINED_FOR). One read
# for both: a team suggestion asks for them together.
# -> history [[candidate_id, target_id, decision]], declined [id]
_DECIDED = "s.candidate_kind = $kind AND s.by IN $by AND s.decision IN ['accepted', 'declined']"
DECISIONS_ABOUT = (
    f"RETURN COLLECT {{ MATCH (s:{m.SUGGESTION}) WHERE s.candidate_id IN $ids AND {_DECIDED} "
    "WITH s ORDER BY s.at DESC, s.id DESC "
    "RETURN [s.candidate_id, s.target_id, s.decision] } AS history, "
    f"COLLECT {{ MATCH (s:{m.SUGGESTION} {{target_id: $target}}) WHERE {_DECIDED} "
    "WITH s.candidate_id AS id, s ORDER BY s.at DESC, s.id DESC "
    "WITH id, collect(s.decision)[0] AS latest WHERE latest = 'declined' "
    "RETURN id ORDER BY id } AS declined"
)
# Candidates whose latest decision for a target, by the ids in $by, is `declined`. -> id
DECLINED_FOR = (
    f"MATCH (s:{m.SUGGESTION} {{target_id: $target}}) WHERE {_DECIDED} "
    "WITH s.candidate_id AS id, s ORDER BY s.at DESC, s.id DESC "
    "WITH id, collect(s.decision)[0] AS latest WHERE latest = 'declined' "
    "RETURN id ORDER BY id"
)

# How many decisions (accepts, declines) $by recorded since $since. -> n
DECISIONS_BY_SINCE = (
    f"MATCH (s:{m.SUGGESTION} {{by: $by}}) WHERE s.decision IN ['accepted', 'declined'] "
    "AND s.at >= datetime($since) RETURN count(s) AS n"
)


def record_suggestion(target_label: str | None, candidate_label: str) -> str:
    """Create one Suggestion node, linked to its target (when a node) and its candidate.

    Parameters: $row {id, target_id, target_kind, candidate_id, candidate_kind, decision,
    by, at (ISO date-time)}. Returns the node's fields, or no row when the candidate (or a
    target node) does not exist. Labels come from TARGET_LABELS / CANDIDATE_LABELS only.
    """
    if candidate_label not in CANDIDATE_LABELS.values():
        raise ValueError(f"not a candidate label: {candidate_label!r}")
    if target_label is not None and target_label not in TARGET_LABELS.values():
        raise ValueError(f"not a target label: {target_label!r}")
    target = f"MATCH (t:{target_label} {{id: $row.target_id}}) " if target_label else ""
    link = f"CREATE (s)-[:{m.FOR}]->(t) " if target_label else ""
    return (
        f"MATCH (c:{candidate_label} {{id: $row.candidate_id}}) {target}"
        f"CREATE (s:{m.SUGGESTION}) SET s = $row, s.at = datetime($row.at) "
        f"CREATE (s)-[:{m.SUGGESTS}]->(c) {link}"
        "RETURN s.id AS id, s.target_id AS target_id, s.target_kind AS target_kind, "
        "s.candidate_id AS candidate_id, s.candidate_kind AS candidate_kind, "
        "s.decision AS decision, s.by AS by, toString(s.at) AS at"
    )


def record_shown(target_label: str | None) -> str:
    """Mark the members of a suggested team as shown for a target: one Suggestion (decision
    'suggested') per target and member, found by its shown_key (unique, so concurrent
    requests cannot make two), dated again each time it is shown, so asking for the same
    target again adds nothing. One transaction.

    Parameters: $target_id, $target_kind, $members (ids), $by, $at (ISO date-time). Members
    that do not exist are skipped. -> shown (how many Suggestions were written or dated)."""
    if target_label is not None and target_label not in TARGET_LABELS.values():
        raise ValueError(f"not a target label: {target_label!r}")
    target = (
        f"OPTIONAL MATCH (t:{target_label} {{id: $target_id}}) "
        if target_label
        else "WITH null AS t "
    )
    return (
        f"{target}UNWIND $members AS member_id MATCH (c:{m.MEMBER} {{id: member_id}}) "
        f"MERGE (s:{m.SUGGESTION} {{{m.SHOWN_KEY}: $target_id + '|' + member_id}}) "
        "ON CREATE SET s.id = randomUUID(), s.target_id = $target_id, "
        "s.target_kind = $target_kind, s.candidate_id = member_id, "
        "s.candidate_kind = 'member', s.decision = 'suggested' "
        "SET s.by = $by, s.at = datetime($at) "
        f"MERGE (s)-[:{m.SUGGESTS}]->(c) "
        f"FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (s)-[:{m.FOR}]->(t)) "
        "RETURN count(s) AS shown"
    )


# A target's feedback, newest first. -> the fields record_suggestion returns
FEEDBACK_FOR_TARGET = (
    f"MATCH (s:{m.SUGGESTION} {{target_id: $target}}) "
    "RETURN s.id AS id, s.target_id AS target_id, s.target_kind AS target_kind, "
    "s.candidate_id AS candidate_id, s.candidate_kind AS candidate_kind, "
    "s.decision AS decision, s.by AS by, toString(s.at) AS at "
    "ORDER BY s.at DESC, s.id DESC"
)
