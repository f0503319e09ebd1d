/** The shapes of a suggested team, from the generated types of SuggestTeam.graphql. */
import type { SuggestTeamQuery } from "../api/generated";

export type TeamResult = SuggestTeamQuery["suggestTeam"];
export type TeamSuggestion = Extract<TeamResult, { __typename: "TeamSuggestion" }>;
export type Infeasible = Extract<TeamResult, { __typename: "InfeasibleConstraints" }>;
export type SuggestedMember = TeamSuggestion["members"][number];
export type LeftOut = TeamSuggestion["whyNot"][number];
export type Evidence = SuggestedMember["evidence"][number];
