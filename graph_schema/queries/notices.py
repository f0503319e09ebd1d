"""The e-mail outbox: notices written with the change that causes them, claimed by one sender
at a time under a lease, and each attempt recorded (matchmaker.adapters.outbox)."""

from __future__ import annotations

from graph_schema import model as m

# $notices: [{id, recipient_id, kind, subject, body, path}]. A member who switched the kind
# off (`notices_off`) or has no address gets none.
CREATE_NOTICES = (
    "UNWIND $notices AS x "
    f"MATCH (r:{m.MEMBER} {{id: x.recipient_id}}) "
    "WHERE NOT x.kind IN coalesce(r.notices_off, []) AND coalesce(r.email, '') <> '' "
    f"CREATE (n:{m.NOTICE} {{id: x.id, kind: x.kind, recipient_id: r.id, to_email: r.email, "
    "subject: x.subject, body: x.body, path: x.path, status: 'pending', attempts: 0, "
    f"created: datetime(), next_attempt_at: datetime()}})-[:{m.NOTIFIES}]->(r) "
    "RETURN n.id AS id"
)

DUE = (
    f"MATCH (n:{m.NOTICE} {{status: 'pending'}}) "
    "WHERE n.next_attempt_at <= datetime() "
    "AND (n.claimed_until IS NULL OR n.claimed_until < datetime()) "
    "RETURN n.id AS id ORDER BY n.next_attempt_at LIMIT $limit"
)

# Writing `claim_lock` first takes each notice's write lock; the state is read only after it,
# so of two senders claiming the same notice at once the second sees the first's claim.
CLAIM = (
    f"UNWIND $ids AS id MATCH (n:{m.NOTICE} {{id: id}}) "
    "SET n.claim_lock = true "
    "WITH n, n.status = 'pending' AND n.next_attempt_at <= datetime() "
    "AND (n.claimed_until IS NULL OR n.claimed_until < datetime()) AS free "
    "REMOVE n.claim_lock "
    "WITH n WHERE free "
    "SET n.claimed_by = $worker, "
    "n.claimed_until = datetime() + duration({milliseconds: $lease_ms}) "
    "RETURN n.id AS id, n.to_email AS to_email, n.subject AS subject, n.body AS body, "
    "n.path AS path, n.attempts AS attempts"
)

# $status: sent | pending (to retry after $delay_ms) | failed.
RECORD_ATTEMPT = (
    f"MATCH (n:{m.NOTICE} {{id: $id}}) WHERE n.claimed_by = $worker "
    f"CREATE (n)-[:{m.ATTEMPTED}]->(:{m.NOTICE_ATTEMPT} {{at: datetime(), outcome: $outcome, "
    "error: $error, number: n.attempts + 1}) "
    "SET n.attempts = n.attempts + 1, n.status = $status, n.last_error = $error, "
    "n.next_attempt_at = CASE WHEN $delay_ms IS NULL THEN n.next_attempt_at "
    "ELSE datetime() + duration({milliseconds: $delay_ms}) END, "
    "n.sent_at = CASE WHEN $status = 'sent' THEN datetime() ELSE n.sent_at END "
    "REMOVE n.claimed_by, n.claimed_until "
    "RETURN n.id AS id"
)

RECENT = (
    f"MATCH (n:{m.NOTICE}) WHERE $status IS NULL OR n.status = $status "
    "WITH n ORDER BY n.created DESC LIMIT $limit "
    f"OPTIONAL MATCH (n)-[:{m.ATTEMPTED}]->(a:{m.NOTICE_ATTEMPT}) "
    "WITH n, a ORDER BY a.number "
    "WITH n, collect(a {at: toString(a.at), .outcome, .error}) AS attempts "
    "RETURN n.id AS id, n.kind AS kind, n.recipient_id AS recipient_id, "
    "n.to_email AS to_email, n.subject AS subject, n.status AS status, "
    "toString(n.created) AS created, toString(n.next_attempt_at) AS next_attempt_at, attempts "
    "ORDER BY n.created DESC"
)

NOTICES_OFF = f"MATCH (r:{m.MEMBER} {{id: $id}}) RETURN coalesce(r.notices_off, []) AS off"

SET_NOTICES_OFF = (
    f"MATCH (r:{m.MEMBER} {{id: $id}}) SET r.notices_off = $off RETURN r.notices_off AS off"
)
