"""Pure parts of the API: cursors, page windows, input checks, the silo count, visibility text."""

from __future__ import annotations

import base64
import dataclasses

import pytest

from graph_schema import model as m
from graph_schema.queries import api_nodes, api_related
from graph_schema.queries.api_visibility import AUDIENCES, hidden_from, visible, visible_to
from matchmaker.adapters.records import RECORDS
from matchmaker.api.errors import PublicError, ValidationErrors
from matchmaker.api.pagination import MAX_OFFSET, connection, decode_cursor, encode_cursor, window
from matchmaker.services.analytics import Pair, count_pairs
from matchmaker.services.validation import Checks, InvalidFields


def test_cursors_round_trip_and_foreign_ones_are_refused() -> None:
    assert decode_cursor(encode_cursor(41)) == 41
    assert window(None, None) == (0, 20)
    assert window(10, encode_cursor(9)) == (10, 10)
    for bad in ("nonsense", encode_cursor(1)[:-2] + "!!"):
        with pytest.raises(PublicError):
            decode_cursor(bad)
    with pytest.raises(PublicError, match="between 1 and 100"):
        window(101, None)


def _raw_cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    "offset",
    ["\u00b2", "\u0663", "\u0661\u0662", "\uff11", "-1", "+1", " 1", "1_0", "", str(2**64)],
)
def test_a_cursor_offset_that_is_not_plain_ascii_digits_is_refused(offset: str) -> None:
    with pytest.raises(PublicError, match="`after`"):
        window(10, _raw_cursor(f"offset:{offset}"))


def test_a_cursor_offset_past_the_bound_is_refused_and_the_bound_itself_is_served() -> None:
    assert decode_cursor(encode_cursor(MAX_OFFSET)) == MAX_OFFSET
    for absurd in (MAX_OFFSET + 1, 2**63, 10**30):
        with pytest.raises(PublicError, match="`after`"):
            window(10, encode_cursor(absurd))


def test_a_cursor_that_is_not_text_is_refused() -> None:
    for bad in ("\ud800", "\u00e9t\u00e9", base64.urlsafe_b64encode(b"offset:\xff").decode()):
        with pytest.raises(PublicError, match="`after`"):
            decode_cursor(bad)


def test_a_connection_knows_its_neighbours() -> None:
    page = connection(["b", "c"], total=5, skip=1, wrap=str.upper)
    assert [e.node for e in page.edges] == ["B", "C"]
    assert page.page_info.has_previous_page
    assert page.page_info.has_next_page
    assert decode_cursor(page.page_info.end_cursor or "") == 2


def test_checks_collect_every_problem_with_the_api_field_names() -> None:
    checks = Checks()
    checks.text("name", " ", 2, 10)
    checks.number("max_per_org", 0, 1, 5)
    checks.choice("status", "gone", ("draft", "submitted"))
    checks.ident("member_id", "bad id!")
    with pytest.raises(InvalidFields) as caught:
        checks.done()
    errors = ValidationErrors.of(caught.value.problems).errors
    assert [e.field for e in errors] == ["name", "maxPerOrg", "status", "memberId"]


def test_silo_pairs_count_shared_work_and_list_the_never() -> None:
    items = [frozenset({"nhs", "academia"}), frozenset({"nhs", "academia", "industry"})]
    pairs = count_pairs(["academia", "industry", "nhs", "charity"], items)
    assert Pair("academia", "nhs", 2) in pairs
    assert {(p.a, p.b) for p in pairs if p.together == 0} == {
        ("academia", "charity"),
        ("charity", "industry"),
        ("charity", "nhs"),
    }


@pytest.mark.parametrize("label", [m.MEMBER, m.IDEA, m.PARTNER, m.GROUP, m.ORGANISATION, m.OUTPUT])
def test_every_api_read_filters_by_audience(label: str) -> None:
    assert "$audience" in visible(label, "n")
    for query in (api_nodes.by_ids(label), api_nodes.page_with_total(label)):
        assert visible(label, "n") in query
    # The page and its total are counted under the same filter.
    assert api_nodes.page_with_total(label).count(visible(label, "n")) == 2
    assert api_nodes.page_only(label).count(visible(label, "n")) == 1
    assert "count(" not in api_nodes.page_only(label)
    assert "COUNT {" not in api_nodes.page_only(label)


def test_a_connection_without_a_total_takes_the_next_page_from_the_read() -> None:
    uncounted = connection(["a", "b"], None, 4, str, more=True)
    assert uncounted.page_info.has_next_page
    assert uncounted.page_info.has_previous_page
    assert not connection(["a", "b"], None, 0, str, more=False).page_info.has_next_page
    with pytest.raises(RuntimeError, match="not counted"):
        uncounted.total_count()
    assert connection(["a", "b"], 6, 4, str).total_count() == 6


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("label", api_nodes.PAGED_LABELS)
def test_a_read_built_for_an_audience_tests_only_its_rule_and_the_filters_set(
    label: str, audience: str
) -> None:
    rule = visible_to(label, "n", audience)
    given = frozenset(api_nodes.FILTER_PARAMETERS.get(label, ())[:1])
    query = api_nodes.page_with_total(label, audience, given)
    assert "$audience" not in query
    walks = query.count(f"WHERE n.{api_nodes.ORDER.get(label, 'name')} IS NOT NULL AND {rule}")
    # Counted without filters by the order key's index less the hidden nodes, or by a walk.
    assert walks == (1 if not given and hidden_from(label, "n", audience) is not None else 2)
    assert all(f"${name}" in query for name in given)
    unset = set(api_nodes.FILTER_PARAMETERS.get(label, ())) - given
    assert not [name for name in unset if f"${name}" in query]
    assert f"{rule}" in api_nodes.by_ids(label, audience)


def test_a_total_without_filters_counts_the_order_index_less_what_an_index_finds_hidden() -> None:
    keyed = "COUNT { MATCH (n:Member) WHERE n.name IS NOT NULL }"
    staff = api_nodes.page_with_total(m.MEMBER, "staff", frozenset())
    assert staff.endswith(f", {keyed} AS total")
    member = api_nodes.page_with_total(m.MEMBER, "member", frozenset())
    hidden = "n.visible_to_members = false AND n.id <> $viewer"
    assert member.endswith(f", {keyed} - COUNT {{ MATCH (n:Member) WHERE n.name IS NOT NULL "
                           f"AND {hidden} }} AS total")  # fmt: skip
    assert hidden_from(m.MEMBER, "n", "member") == hidden
    # A partner's rule reads two flags: no index finds its complement, so the total walks.
    assert hidden_from(m.MEMBER, "n", "partner") is None
    partner = api_nodes.page_with_total(m.MEMBER, "partner", frozenset())
    assert partner.count(visible_to(m.MEMBER, "n", "partner")) == 2
    # With a filter set, the total walks the nodes that pass it.
    filtered = api_nodes.page_with_total(m.MEMBER, "member", frozenset({"region"}))
    assert hidden not in filtered
    assert filtered.count("n.region = $region") == 2


def test_staff_see_every_node_and_the_anonymous_no_member() -> None:
    assert {visible_to(label, "n", "staff") for label in api_nodes.PAGED_LABELS} == {"true"}
    assert visible_to(m.MEMBER, "n", "anonymous") == "false"
    assert visible_to(m.CALL, "n", "anonymous") == "true"


def test_an_unknown_audience_is_refused_when_the_query_is_built() -> None:
    with pytest.raises(ValueError, match="unknown audience 'guest'"):
        api_nodes.page_with_total(m.MEMBER, "guest", frozenset())


def test_every_hop_filters_its_far_end() -> None:
    hops = [v for v in vars(api_related).values() if isinstance(v, api_related.Hop)]
    assert len(hops) > 20
    for hop in hops:
        assert visible(hop.target, "n") in api_related.related(hop)


@pytest.mark.parametrize("label", sorted(RECORDS))
def test_a_node_row_carries_exactly_the_fields_of_its_record_and_never_the_vector(
    label: str,
) -> None:
    fields = [f.name for f in dataclasses.fields(RECORDS[label])]
    assert sorted(api_nodes.record_fields(label)) == sorted(fields)
    projection = api_nodes.node(label)
    assert ".*" not in projection
    assert m.EMBEDDING not in projection
    assert all(f".{name}" in projection for name in m.API_PROPERTIES[label])
