/** The fixed vocabularies of the domain, as the API spells them. */

export const CAREER_STAGES = ["TRAINEE", "EARLY", "MID", "SENIOR", "CONSULTANT"] as const;

export const SECTORS = ["NHS", "ACADEMIA", "INDUSTRY", "CHARITY", "GOVERNMENT"] as const;

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
