"""What a GraphQL document would cost, measured in one pass before any resolver runs.

Inputs: a parsed document, the schema, the request's variables. Output: a `Cost` with

- `depth`: the deepest field path once fragments are expanded;
- `aliases`, `fields`, `spreads`, `directives`: counts over the expanded document, so a
  fragment spread twice counts twice;
- `objects`: the estimated number of objects (not scalars) the answer could hold: along each
  path, the product of each list's size (a paginated field's `first`, else `Budget.list_hop`).
  A list of scalars counts as one value: its resolver bounds it, and it holds no fields.

Each fragment is measured once and its cost reused at every spread, so the work is linear in
the document's size even when the expanded document is exponentially large (fragments that
spread the previous one twice). Expanded counts are therefore numbers, never walks: a document
whose expansion is astronomically large is refused in microseconds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLList,
    GraphQLNamedType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
)

from matchmaker.api.pagination import DEFAULT_PAGE, MAX_PAGE


@dataclass(frozen=True)
class Budget:
    """The caps a document must stay within (see docs/architecture.md, request limits)."""

    max_depth: int = 10
    max_aliases: int = 30
    max_fields: int = 600
    max_spreads: int = 60
    max_directives: int = 60
    max_objects: int = 20_000
    list_hop: int = 20  # items assumed for a list of objects that takes no `first`
    variable_depth: int = 8  # nesting of lists and objects inside the variables
    variable_items: int = 2_000  # values inside the variables, all levels together
    document_chars: int = 20_000  # the web app's largest document is about 2,500
    string_chars: int = 10_000  # one string in the variables (file contents excepted)


@dataclass(frozen=True)
class Cost:
    depth: int = 0
    aliases: int = 0
    fields: int = 0
    spreads: int = 0
    directives: int = 0
    objects: float = 0.0

    def __add__(self, other: Cost) -> Cost:
        return Cost(
            depth=max(self.depth, other.depth),
            aliases=self.aliases + other.aliases,
            fields=self.fields + other.fields,
            spreads=self.spreads + other.spreads,
            directives=self.directives + other.directives,
            objects=self.objects + other.objects,
        )


class OverBudget(ValueError):
    """The document or its variables pass one of the caps; the message names it."""


def check(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Mapping[str, Any] | None,
    budget: Budget,
) -> Cost:
    """The document's cost; raises OverBudget naming the first cap it passes."""
    check_variables(variables, budget, long_strings=_sends_files(document))
    cost = measure(schema, document, variables or {}, budget)
    _enforce(cost, budget)
    return cost


FILE_FIELDS = frozenset({"importData"})  # fields whose arguments carry whole files


def _sends_files(document: DocumentNode) -> bool:
    """Whether a root field of the document takes file contents."""
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            for selection in definition.selection_set.selections:
                if isinstance(selection, FieldNode) and selection.name.value in FILE_FIELDS:
                    return True
    return False


def check_text(text: str, budget: Budget) -> None:
    """Refuse a document text longer than the budget, before anything parses it."""
    if len(text) > budget.document_chars:
        raise OverBudget(
            f"The query text has {len(text):,} characters; the limit is "
            f"{budget.document_chars:,}: send long values as variables."
        )


def measure(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Mapping[str, Any],
    budget: Budget,
) -> Cost:
    """The cost of every operation in the document together (each is validated)."""
    walk = _Walk(schema, document, variables, budget)
    total = Cost()
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            root = schema.get_root_type(definition.operation)
            total += walk.selections(definition.selection_set, root)
    return total


_CAPS = (
    ("depth", "max_depth", "nests fields {value} deep; the limit is {cap}"),
    ("aliases", "max_aliases", "uses {value} aliases; the limit is {cap}"),
    (
        "fields",
        "max_fields",
        "selects {value} fields once fragments are expanded; the limit is {cap}",
    ),
    ("spreads", "max_spreads", "spreads fragments {value} times; the limit is {cap}"),
    ("directives", "max_directives", "uses {value} directives; the limit is {cap}"),
    (
        "objects",
        "max_objects",
        "could return about {value} objects; the limit is {cap}: ask for fewer items with "
        "`first` or nest fewer lists",
    ),
)


def _enforce(cost: Cost, budget: Budget) -> None:
    for attribute, cap_name, template in _CAPS:
        value = getattr(cost, attribute)
        cap = getattr(budget, cap_name)
        if value > cap:
            shown = f"{value:,.0f}" if value < 1e15 else f"{value:.1e}"
            raise OverBudget("The query " + template.format(value=shown, cap=f"{cap:,}") + ".")


def check_variables(
    variables: Mapping[str, Any] | None, budget: Budget, long_strings: bool = False
) -> None:
    """Refuse variables nested deeper than the budget, holding too many values, or (unless
    `long_strings`: a document that sends file contents) a string over the budget."""
    if not variables:
        return
    stack: list[tuple[Any, int]] = [(variables, 0)]
    items = 0
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str) and len(value) > budget.string_chars and not long_strings:
            raise OverBudget(
                f"A string in the variables has {len(value):,} characters; "
                f"the limit is {budget.string_chars:,}."
            )
        if depth > budget.variable_depth:
            raise OverBudget(
                f"The variables are nested more than {budget.variable_depth} levels deep."
            )
        if not isinstance(value, (dict, list)):
            continue
        items += len(value)
        if items > budget.variable_items:
            raise OverBudget(f"The variables hold more than {budget.variable_items:,} values.")
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children)


class _Walk:
    """One pass over a document, with each fragment's cost kept once it is known."""

    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        variables: Mapping[str, Any],
        budget: Budget,
    ) -> None:
        self.schema = schema
        self.variables = variables
        self.budget = budget
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.known: dict[str, Cost] = {}
        self.open: set[str] = set()

    def selections(self, node: SelectionSetNode | None, parent: GraphQLNamedType | None) -> Cost:
        total = Cost()
        for selection in node.selections if node else ():
            directives = Cost(directives=len(selection.directives or ()))
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent) + directives
            elif isinstance(selection, InlineFragmentNode):
                inner = self._type(selection.type_condition, parent)
                total += self.selections(selection.selection_set, inner) + directives
            elif isinstance(selection, FragmentSpreadNode):
                total += self.spread(selection.name.value) + directives
        return total

    def field(self, node: FieldNode, parent: GraphQLNamedType | None) -> Cost:
        definition = _field_of(parent, node.name.value)
        child_type = get_named_type(definition.type) if definition else None
        inner = self.selections(node.selection_set, child_type)
        size = self._size(node, definition, parent) if node.selection_set else 0.0
        return Cost(
            depth=inner.depth + 1,
            aliases=inner.aliases + (1 if node.alias else 0),
            fields=inner.fields + 1,
            spreads=inner.spreads,
            directives=inner.directives,
            objects=size * (1 + inner.objects),
        )

    def spread(self, name: str) -> Cost:
        if name in self.known:
            return self._spread_of(self.known[name])
        fragment = self.fragments.get(name)
        if fragment is None or name in self.open:
            # Unknown or self-spreading fragments: the standard rules name the fault.
            return Cost(spreads=1)
        self.open.add(name)
        parent = self.schema.get_type(fragment.type_condition.name.value)
        self.known[name] = self.selections(fragment.selection_set, parent)
        self.open.discard(name)
        return self._spread_of(self.known[name])

    @staticmethod
    def _spread_of(cost: Cost) -> Cost:
        return Cost(
            depth=cost.depth,
            aliases=cost.aliases,
            fields=cost.fields,
            spreads=cost.spreads + 1,
            directives=cost.directives,
            objects=cost.objects,
        )

    def _type(self, condition: Any, parent: GraphQLNamedType | None) -> GraphQLNamedType | None:
        if condition is None:
            return parent
        return self.schema.get_type(condition.name.value)

    def _size(
        self, node: FieldNode, definition: GraphQLField | None, parent: GraphQLNamedType | None
    ) -> float:
        """How many items the field can give for one parent."""
        if definition is None:
            return 1.0
        if "first" in definition.args:
            default = definition.args["first"].default_value
            return float(self._first(node, default if isinstance(default, int) else DEFAULT_PAGE))
        if not isinstance(get_nullable_type(definition.type), GraphQLList):
            return 1.0
        # A connection's edges and nodes hold the page its `first` already counted.
        if parent is not None and parent.name.endswith("Connection"):
            return 1.0
        return float(self.budget.list_hop)

    def _first(self, node: FieldNode, default: int) -> int:
        for argument in node.arguments or ():
            if argument.name.value != "first":
                continue
            value = argument.value
            if isinstance(value, IntValueNode):
                return _page(int(value.value))
            if isinstance(value, VariableNode):
                given = self.variables.get(value.name.value)
                return _page(given) if isinstance(given, int) else MAX_PAGE
            return MAX_PAGE
        return default


def _page(size: int) -> int:
    # A page outside 1..MAX_PAGE is refused by the resolver with its own message.
    return min(max(size, 0), MAX_PAGE)


def _field_of(parent: GraphQLNamedType | None, name: str) -> GraphQLField | None:
    fields = getattr(parent, "fields", None)
    if not fields:
        return None
    found: GraphQLField | None = fields.get(name)
    return found
