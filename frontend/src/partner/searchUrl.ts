/**
 * A search as an address: `#/search?q=MRI+safety&sector=NHS&stage=EARLY&region=Scotland`, so a
 * search can be shared, and Back and Forward step through the searches made.
 */
import type { CareerStage, Sector } from "../api/generated";
import { CAREER_STAGES, REGIONS, SECTORS } from "../vocabulary";

/** What the search's filter takes; readSearch keeps only values in the vocabularies. */
export interface Filters {
  sectors: Sector[];
  careerStages: CareerStage[];
  regions: string[];
}

export interface Search {
  text: string;
  filters: Filters;
}

export const NO_FILTERS: Filters = { sectors: [], careerStages: [], regions: [] };

const PARAMS: [keyof Filters, string, readonly string[]][] = [
  ["sectors", "sector", SECTORS],
  ["careerStages", "stage", CAREER_STAGES],
  ["regions", "region", REGIONS],
];

/** The values of `param` that are in `allowed`, in its order. */
function chosen<T extends string>(query: URLSearchParams, param: string, allowed: readonly T[]): T[] {
  const wanted = new Set(query.getAll(param));
  return allowed.filter((v) => wanted.has(v));
}

/** The search an address holds; values outside the vocabularies are dropped, in its order. */
export function readSearch(query: URLSearchParams): Search {
  const filters: Filters = {
    sectors: chosen(query, "sector", SECTORS),
    careerStages: chosen(query, "stage", CAREER_STAGES),
    regions: chosen(query, "region", REGIONS),
  };
  return { text: (query.get("q") ?? "").trim(), filters };
}

/** The path of a search, to navigate to. */
export function searchPath(search: Search): string {
  const query = new URLSearchParams();
  if (search.text.trim()) query.set("q", search.text.trim());
  for (const [key, param, allowed] of PARAMS) {
    const values: readonly string[] = search.filters[key];
    for (const v of allowed) if (values.includes(v)) query.append(param, v);
  }
  const text = query.toString();
  return text ? `/search?${text}` : "/search";
}

export function hasFilters(filters: Filters): boolean {
  return PARAMS.some(([key]) => filters[key].length > 0);
}

/** The filters in words, for the result summary: "NHS, Industry · Early · Scotland". */
export function describeFilters(filters: Filters, word: (value: string) => string): string {
  return PARAMS.map(([key]) => filters[key].map(word).join(", ")).filter(Boolean).join(" · ");
}
