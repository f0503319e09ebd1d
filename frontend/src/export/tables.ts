/** The rows of the two exports: search results and a suggested team, as a spreadsheet reads them. */
import { label } from "../format";
import type { TeamSuggestion } from "../team/types";
import type { Cell } from "./csv";

export interface SearchHit {
  name: string;
  discipline: string;
  careerStage: string;
  region: string;
  organisation: string;
  sector: string;
  sigs: string[];
  cois: string[];
  score: number;
  evidence: { title: string }[];
}

const score = (value: number) => Math.round(value * 100);

export const SEARCH_HEADER = ["Name", "Discipline", "Career stage", "Region", "Organisation", "Sector", "Groups", "Match (%)", "Best evidence"];

export function searchRows(hits: SearchHit[]): Cell[][] {
  return hits.map((h) => [
    h.name, h.discipline, label(h.careerStage), h.region, h.organisation, label(h.sector),
    [...h.sigs, ...h.cois].join("; "), score(h.score), h.evidence[0]?.title ?? "",
  ]);
}

export const TEAM_HEADER = ["Name", "Discipline", "Career stage", "Region", "Organisation", "Sector", "Skills covered", "Relevance (%)", "Groups"];

export function teamRows(team: TeamSuggestion): Cell[][] {
  return team.members.map((m) => [
    m.name, m.discipline, label(m.careerStage), m.region, m.organisation, label(m.sector),
    team.coverage.filter((c) => c.covered && c.memberId === m.memberId).map((c) => c.skill).join("; "),
    score(m.relevance), [...m.sigs, ...m.cois].join("; "),
  ]);
}

/** The team's gaps, as rows after the members, so the file says what the team still lacks. */
export function gapRows(team: TeamSuggestion): Cell[][] {
  return team.gaps.map((g) => [`Gap: ${g.skill}`, "", "", "", "", "", "", "", g.detail]);
}
