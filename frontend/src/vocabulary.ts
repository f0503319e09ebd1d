/** The fixed vocabularies of the domain, as the API spells them. */
import type { CareerStage, Sector } from "./api/generated";

export const CAREER_STAGES = ["TRAINEE", "EARLY", "MID", "SENIOR", "CONSULTANT"] as const satisfies readonly CareerStage[];

export const SECTORS = ["NHS", "ACADEMIA", "INDUSTRY", "CHARITY", "GOVERNMENT"] as const satisfies readonly Sector[];

/** The schema's sector for a name in any case ("nhs", "NHS"), or null for one it does not know. */
export function sectorOf(name: string): Sector | null {
  const upper = name.toUpperCase();
  return SECTORS.find((s) => s === upper) ?? null;
}

/** The UK nations and the nine English regions. */
export const REGIONS = [
  "North East",
  "North West",
  "Yorkshire and the Humber",
  "East Midlands",
  "West Midlands",
  "East of England",
  "London",
  "South East",
  "South West",
  "Scotland",
  "Wales",
  "Northern Ireland",
] as const;
