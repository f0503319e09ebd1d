/** Why a member is suggested, in sentences; and the team's spread, counted. Pure functions. */
import type { SuggestedMember } from "./types";

function listed(names: string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The path from the proposer (first node) to the member (last node), in words. */
function pathSentence(m: SuggestedMember): string | null {
  const path = m.pathToProposer;
  if (!path || path.nodes.length < 2) return null;
  const between = path.nodes.slice(1, -1).map((n) => n.name);
  if (between.length === 0) {
    return path.relationships[0] === "COLLABORATED_WITH" ? "Has co-authored with the proposer" : "Directly linked to the proposer";
  }
  const steps = path.hops === 1 ? "1 step" : `${path.hops} steps`;
  return `Linked to the proposer through ${listed(between)} (${steps})`;
}

function evidenceSentence(m: SuggestedMember): string | null {
  const top = m.evidence[0];
  if (!top) return null;
  if (top.kind.toLowerCase() === "statement") return "Evidence: their own expertise statement";
  return `Evidence: “${top.title}”${top.year ? ` (${top.year})` : ""}`;
}

/** The reasons a person reads next to a suggested member, strongest first. */
export function reasonsFor(m: SuggestedMember): string[] {
  const reasons: string[] = [];
  const best = m.skills.filter((s) => s.bestInTeam).map((s) => s.skill);
  const other = m.skills.filter((s) => !s.bestInTeam).map((s) => s.skill);
  if (best.length) reasons.push(`Best in the team for ${best.join(", ")}`);
  if (other.length) reasons.push(`Also covers ${other.join(", ")}`);
  reasons.push(`A ${m.band} match for the text`);
  if (m.heldIn) reasons.push(`In the team: ${m.heldIn}`);
  const evidence = evidenceSentence(m);
  if (evidence) reasons.push(evidence);
  if (m.sharedWithProposer.length) reasons.push(`Shares ${m.sharedWithProposer.join(", ")} with the proposer`);
  const path = pathSentence(m);
  if (path) reasons.push(path);
  else if (!m.sameOrganisationAsProposer) reasons.push("A new connection: no existing link to the proposer");
  if (m.sameOrganisationAsProposer) reasons.push("Works at the proposer's organisation");
  if (m.feedbackBoost > 0) reasons.push("Accepted invitations before");
  return reasons;
}

export interface Count {
  key: string;
  count: number;
}

function countBy(values: string[]): Count[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Sectors, SIGs, career stages and regions of a team, with how many members each. */
export function diversityOf(members: SuggestedMember[]): { name: string; counts: Count[] }[] {
  return [
    { name: "Sectors", counts: countBy(members.map((m) => m.sector)) },
    { name: "SIGs", counts: countBy(members.flatMap((m) => m.sigs)) },
    { name: "Career stages", counts: countBy(members.map((m) => m.careerStage)) },
    { name: "Regions", counts: countBy(members.map((m) => m.region)) },
  ];
}
