"""Reads for STERIC's analytics: who works together, activity per theme, members' load.

A "work item" is an idea (its submitter, invitees and interested members) or an active-or-
closed task group or committee (its members). Two categories (SIGs, disciplines or sectors)
work together when some work item involves members from both.
"""

from __future__ import annotations

from graph_schema import model as m
from graph_schema.queries.matching import active_load

# Each dimension: the categories of member `x`, and every category that exists.
CATEGORIES_OF: dict[str, str] = {
    "sig": f"[(x)-[:{m.MEMBER_OF}]->(s:{m.SIG}) | s.name]",
    "discipline": "[x.discipline]",
    "sector": f"[(x)-[:{m.WORKS_AT}]->(o:{m.ORGANISATION}) | o.sector]",
}
ALL_CATEGORIES: dict[str, str] = {
    "sig": f"MATCH (s:{m.SIG}) RETURN DISTINCT s.name AS category",
    "discipline": f"MATCH (x:{m.MEMBER}) RETURN DISTINCT x.discipline AS category",
    "sector": f"MATCH (o:{m.ORGANISATION}) RETURN DISTINCT o.sector AS category",
}

_INVOLVED = (
    f"CALL {{ MATCH (w:{m.IDEA})-[:{m.SUBMITTED_BY}]->(x:{m.MEMBER}) RETURN w, x "
    f"UNION MATCH (x:{m.MEMBER})-[:{m.INVITED_TO}|{m.INTERESTED_IN}]->(w:{m.IDEA}) RETURN w, x "
    f"UNION MATCH (x:{m.MEMBER})-[:{m.MEMBER_OF}]->(w:{m.TASK_GROUP}) RETURN w, x "
    f"UNION MATCH (x:{m.MEMBER})-[:{m.MEMBER_OF}]->(w:{m.COMMITTEE}) RETURN w, x }} "
)


def work_items(dimension: str) -> str:
    """Rows {categories}: the distinct categories of each work item that has two or more."""
    return (
        f"{_INVOLVED} WITH w, x UNWIND {CATEGORIES_OF[dimension]} AS c "
        "WITH w, collect(DISTINCT c) AS categories WHERE size(categories) > 1 "
        "RETURN categories"
    )


def cell_links(dimension: str) -> str:
    """Rows {id, is_idea, from_a, from_b}: each work item involving members of both categories
    $a and $b, with how many of its members belong to each (a member of both counts for both),
    most involved first."""
    return (
        f"{_INVOLVED} WITH w, x, {CATEGORIES_OF[dimension]} AS cs "
        "WITH w, sum(CASE WHEN $a IN cs THEN 1 ELSE 0 END) AS from_a, "
        "sum(CASE WHEN $b IN cs THEN 1 ELSE 0 END) AS from_b "
        "WHERE from_a > 0 AND from_b > 0 "
        f"RETURN w.id AS id, w:{m.IDEA} AS is_idea, from_a, from_b "
        "ORDER BY from_a + from_b DESC, id"
    )


THEME_ACTIVITY = (
    f"MATCH (t:{m.THEME}) RETURN t.id AS id, "
    f"COUNT {{ (:{m.IDEA})-[:{m.ADDRESSES}]->(t) }} AS ideas, "
    f"COUNT {{ (:{m.GROUP})-[:{m.ADDRESSES}]->(t) }} AS groups, "
    f"COUNT {{ (g:{m.GROUP})-[:{m.ADDRESSES}]->(t) WHERE (g:{m.TASK_GROUP} OR g:{m.COMMITTEE}) "
    "AND coalesce(g.status, 'active') = 'active' } AS active_task_groups, "
    f"COUNT {{ (:{m.CALL})-[:{m.ADDRESSES}]->(t) }} AS calls "
    "ORDER BY ideas + groups DESC, t.id"
)

_OVERLOADED = (
    f"MATCH (x:{m.MEMBER}) WITH x, {active_load('x')} AS load "
    "WHERE load > coalesce(x.max_groups, 2)"
)
OVERLOADED_PAGE = (
    f"{_OVERLOADED} WITH x, load ORDER BY load DESC, x.id SKIP $skip LIMIT $limit "
    "RETURN x.id AS id, load"
)
OVERLOADED_COUNT = f"{_OVERLOADED} RETURN count(x) AS total"

_UNINVOLVED = (
    f"MATCH (x:{m.MEMBER}) WHERE NOT EXISTS {{ (x)-[:{m.MEMBER_OF}]->(g:{m.GROUP}) "
    f"WHERE g:{m.TASK_GROUP} OR g:{m.COMMITTEE} }} "
    f"AND NOT EXISTS {{ (:{m.IDEA})-[:{m.SUBMITTED_BY}]->(x) }} "
    f"AND NOT EXISTS {{ (x)-[:{m.INVITED_TO}|{m.INTERESTED_IN}]->(:{m.IDEA}) }}"
)
UNINVOLVED_PAGE = (
    f"{_UNINVOLVED} WITH x ORDER BY x.name, x.id SKIP $skip LIMIT $limit "
    "RETURN x.id AS id, 0 AS load"
)
UNINVOLVED_COUNT = f"{_UNINVOLVED} RETURN count(x) AS total"
