"""The import kinds: for each, its record type, its fields' rules and the ids it refers to.

Field shapes, defaults and enums come from the dataclasses in matchmaker.domain.model; the
checks and references are added here. `IMPORT_ORDER` is the order that lets every reference
point at something imported before it.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from matchmaker.domain import model as d
from matchmaker.importing import checks as c
from matchmaker.importing.fields import FieldSpec, Shape

RowCheck = Callable[[Any], tuple[str, str] | None]  # record -> (field, reason) or None
Key = tuple[str, ...]


@dataclass(frozen=True)
class KindSpec:
    name: str  # e.g. "members"; also the file name stem
    record: type
    fields: tuple[FieldSpec, ...]
    key: tuple[str, ...] = ("id",)  # the fields that identify a record
    row_check: RowCheck | None = None

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def has_id(self) -> bool:
        return self.key == ("id",)

    def key_of(self, record: Any) -> Key:
        return tuple(str(getattr(record, name)) for name in self.key)


def _rule(
    check: c.Check | None = None,
    refs: tuple[str, ...] = (),
    number: Callable[[int], str | None] | None = None,
    ordered: bool = True,
) -> dict[str, Any]:
    return {"check": check, "refs": refs, "number": number, "ordered": ordered}


ID = _rule(c.safe_id)
NAME = _rule(c.length(c.NAME_MAX))
TITLE = _rule(c.length(c.TITLE_MAX))
NOTE = _rule(c.length(c.NOTE_MAX))
TEXT = _rule(c.length(c.TEXT_MAX))
REGION = _rule(c.region)
DATE = _rule(c.iso_date)
YEAR = _rule(number=c.year)


def ref(*kinds: str) -> dict[str, Any]:
    return _rule(c.safe_id, refs=kinds)


def refs(kind: str, ordered: bool = False) -> dict[str, Any]:
    return _rule(c.safe_id, refs=(kind,), ordered=ordered)


def choice(*values: str) -> dict[str, Any]:
    return _rule(c.one_of(values))


def _field(f: dataclasses.Field[Any], hint: Any, rule: Mapping[str, Any]) -> FieldSpec:
    has_default = f.default is not dataclasses.MISSING
    enum = hint if isinstance(hint, type) and issubclass(hint, StrEnum) else None
    shape = {int: Shape.INT, bool: Shape.BOOL}.get(hint, Shape.TEXT)
    if typing.get_origin(hint) is tuple:
        shape = Shape.LIST
    options = dict(rule)
    if enum is not None:
        options["check"] = c.one_of(e.value for e in enum)
    if shape in (Shape.TEXT, Shape.LIST) and options.get("check") is None:
        raise TypeError(f"{f.name}: every text field needs a check")
    default = f.default if has_default else None
    return FieldSpec(f.name, shape, not has_default, default, enum=enum, **options)


def kind(
    name: str,
    record: type,
    rules: Mapping[str, Mapping[str, Any]],
    key: tuple[str, ...] = ("id",),
    row_check: RowCheck | None = None,
) -> KindSpec:
    """A KindSpec from a dataclass and the rules of its fields (enums need none)."""
    hints = typing.get_type_hints(record)
    fields = tuple(
        _field(f, hints[f.name], rules.get(f.name, {})) for f in dataclasses.fields(record)
    )
    return KindSpec(name, record, fields, key, row_check)


def _dates_in_order(call: d.Call) -> tuple[str, str] | None:
    if call.opens and call.closes and call.closes < call.opens:
        return "closes", f"{call.closes} is before opens ({call.opens})"
    return None


def _not_self(conflict: d.Conflict) -> tuple[str, str] | None:
    if conflict.member_id == conflict.other_id:
        return "other_id", "a member cannot declare a conflict with themself"
    return None


def _two_partners(ktp: d.Ktp) -> tuple[str, str] | None:
    if ktp.business_partner_id == ktp.knowledge_base_partner_id:
        return "knowledge_base_partner_id", "must differ from business_partner_id"
    return None


KINDS: dict[str, KindSpec] = {
    spec.name: spec
    for spec in (
        kind("themes", d.Theme, {"id": ID, "name": NAME, "description": TEXT}),
        kind("organisations", d.Organisation, {"id": ID, "name": NAME, "region": REGION,
                                               "town": NAME}),
        kind("members", d.Member, {
            "id": ID, "name": NAME, "email": _rule(c.email), "discipline": NAME,
            "region": REGION, "organisation_id": ref("organisations"),
            "availability_hours": _rule(number=c.count(744)),
            "max_groups": _rule(number=c.count(100)), "expertise_statement": TEXT}),
        kind("groups", d.Group, {"id": ID, "name": NAME, "description": TEXT,
                                 "themes": refs("themes"), "status": choice("active", "closed")}),
        kind("memberships", d.Membership, {
            "member_id": ref("members"), "group_id": ref("groups"),
            "role": choice("member", "chair", "secretary", "lead")},
            key=("member_id", "group_id")),
        kind("networks", d.Network, {"id": ID, "name": NAME, "description": TEXT}),
        kind("partners", d.Partner, {
            "id": ID, "name": NAME, "region": REGION, "description": TEXT,
            "fte": _rule(number=c.count(10_000_000)), "networks": refs("networks")}),
        kind("calls", d.Call, {
            "id": ID, "title": TITLE, "description": TEXT, "themes": refs("themes"),
            "opens": DATE, "closes": DATE, "status": choice("open", "closed")},
            row_check=_dates_in_order),
        kind("ideas", d.Idea, {
            "id": ID, "title": TITLE, "summary": TEXT, "submitted_by": ref("members"),
            "call_id": ref("calls"), "themes": refs("themes"), "required_skills": NAME,
            "status": choice("draft", "submitted"), "created": DATE}),
        kind("outputs", d.Output, {
            "id": ID, "title": TITLE, "abstract": TEXT, "year": YEAR,
            "kind": choice("paper", "report", "project", "statement"),
            "authors": refs("members", ordered=True), "source": NOTE, "licence": NAME}),
        kind("conflicts", d.Conflict, {
            "member_id": ref("members"), "other_id": ref("members", "partners"), "reason": TEXT},
            key=("member_id", "other_id"), row_check=_not_self),
        kind("ktps", d.Ktp, {
            "id": ID, "title": TITLE, "business_partner_id": ref("partners"),
            "knowledge_base_partner_id": ref("partners"), "supervisor_id": ref("members"),
            "start_year": YEAR, "status": choice("proposed", "active", "completed")},
            row_check=_two_partners),
    )
}  # fmt: skip

IMPORT_ORDER: tuple[str, ...] = tuple(KINDS)
