"""Plain-text rendering of search hits and team suggestions for the terminal."""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.adapters.targets import GraphPath
from matchmaker.services.evidence import EvidenceItem
from matchmaker.services.search import MemberPage
from matchmaker.services.team_report import SuggestedMember, TeamInfeasible, TeamResult


def _evidence(items: tuple[EvidenceItem, ...], indent: str) -> Iterator[str]:
    for item in items:
        year = f", {item.year}" if item.year else ""
        yield f"{indent}- {item.title}{year} [{item.score:.2f}]"
        if item.snippet:
            yield f"{indent}  “{item.snippet}”"


def render_page(page: MemberPage) -> str:
    lines = [
        f"{page.total} members found; showing {page.offset + 1}-{page.offset + len(page.hits)}"
    ]
    for rank, hit in enumerate(page.hits, start=page.offset + 1):
        lines.append(
            f"{rank:>3}. {hit.name} ({hit.member_id}) {hit.score:.3f}: {hit.discipline}, "
            f"{hit.career_stage}, {hit.organisation} [{hit.sector}], {hit.region}"
        )
        lines.extend(_evidence(hit.evidence, "       "))
    if page.next_cursor:
        lines.append(f"next page: --offset {page.offset + page.limit}")
    return "\n".join(lines)


def _path(path: GraphPath | None) -> str:
    if path is None:
        return "no link within 4 steps"
    steps = [path.nodes[0].name]
    for relationship, node in zip(path.relationships, path.nodes[1:], strict=True):
        steps.append(f"-{relationship}- {node.name}")
    return " ".join(steps)


def _member(member: SuggestedMember) -> Iterator[str]:
    flag = "  [same organisation as the proposer]" if member.same_organisation_as_proposer else ""
    yield (
        f"* {member.name} ({member.member_id}): {member.discipline}, {member.career_stage}, "
        f"{member.organisation} [{member.sector}], {member.region}; "
        f"relevance {member.relevance:.2f}{flag}"
    )
    for skill in member.skills:
        best = " (best in team)" if skill.best_in_team else ""
        yield f"    covers {skill.skill}: {skill.score:.2f}{best}"
        yield from _evidence(skill.evidence, "      ")
    if member.shared_with_proposer:
        yield f"    shares with the proposer: {', '.join(member.shared_with_proposer)}"
    yield f"    path to the proposer: {_path(member.path_to_proposer)}"


def render_team(result: TeamResult | TeamInfeasible) -> str:
    header = f"{result.target.kind} {result.target.id}: {result.target.title}"
    derived = " (derived from the text)" if result.skills_derived else ""
    lines = [header, f"skills: {', '.join(result.skills)}{derived}"]
    if isinstance(result, TeamInfeasible):
        lines.append("no team meets every constraint:")
        lines.extend(f"  - {b.detail}" for b in result.binding)
        return "\n".join(lines)
    lines.append(f"team ({result.method}, objective {result.objective.total:.3f}):")
    for member in result.members:
        lines.extend(_member(member))
    lines.append("coverage:")
    for cover in result.coverage:
        state = "covered" if cover.covered else "GAP"
        lines.append(f"  {cover.skill}: {cover.score:.2f} by {cover.member_id} ({state})")
    lines.extend(f"gap: {gap.detail}" for gap in result.gaps)
    lines.append("why not:")
    lines.extend(f"  {w.name} ({w.member_id}): {w.detail}" for w in result.why_not)
    return "\n".join(lines)
