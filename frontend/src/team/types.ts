/** The shapes of a suggested team as the API sends them (see SuggestTeam.graphql). */

export interface Evidence {
  sourceId: string;
  kind: string;
  title: string;
  snippet: string;
  score: number;
  year: number;
}

export interface SuggestedMember {
  memberId: string;
  name: string;
  discipline: string;
  careerStage: string;
  region: string;
  organisation: string;
  sector: string;
  relevance: number;
  band: string;
  heldIn: string;
  feedbackBoost: number;
  sigs: string[];
  cois: string[];
  sharedWithProposer: string[];
  sameOrganisationAsProposer: boolean;
  skills: { skill: string; score: number; band: string; bestInTeam: boolean; evidence: Evidence[] }[];
  evidence: Evidence[];
  pathToProposer: { hops: number; relationships: string[]; nodes: { id: string; kind: string; name: string }[] } | null;
}

export interface LeftOut {
  memberId: string;
  name: string;
  reason: string;
  detail: string;
}

export interface TeamSuggestion {
  __typename: "TeamSuggestion";
  target: { kind: string; id: string; title: string };
  skills: string[];
  skillsDerived: boolean;
  method: string;
  shownToken: string;
  notOpenToMatching: number;
  members: SuggestedMember[];
  coverage: { skill: string; score: number; covered: boolean; band: string; memberId: string | null }[];
  gaps: { skill: string; detail: string; bestAvailableId: string | null; bestAvailableName: string | null; bestAvailableScore: number; bestAvailableBand: string }[];
  whyNot: LeftOut[];
  score: { coverage: number; relevance: number; diversity: number; bridging: number; exposure: number; total: number };
}

export interface Infeasible {
  __typename: "InfeasibleConstraints";
  message: string;
  skills: string[];
  constraints: { kind: string; detail: string }[];
  screenedOut: LeftOut[];
}

export type TeamResult =
  | TeamSuggestion
  | Infeasible
  | { __typename: "ValidationErrors"; message: string; errors: { field: string; message: string }[] }
  | { __typename: "NotFound" | "NotAllowed"; message: string };
