/**
 * A search as an address: `#/search?q=MRI+safety&sector=NHS&stage=EARLY&region=Scotland`, so a
 * search can be shared, and Back and Forward step through the searches made.
 */
import { CAREER_STAGES, REGIONS, SECTORS } from "../vocabulary";

export interface Filters {
  sectors: string[];
  careerStages: string[];
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

/** The search an address holds; values outside the vocabularies are dropped, in its order. */
export function readSearch(query: URLSearchParams): Search {
  const filters = { ...NO_FILTERS };
  for (const [key, param, allowed] of PARAMS) {
    const wanted = new Set(query.getAll(param));
    filters[key] = allowed.filter((v) => wanted.has(v));
  }
  return { text: (query.get("q") ?? "").trim(), filters };
}

/** The path of a search, to navigate to. */
export function searchPath(search: Search): string {
  const query = new URLSearchParams();
  if (search.text.trim()) query.set("q", search.text.trim());
  for (const [key, param, allowed] of PARAMS) {
    for (const v of allowed) if (search.filters[key].includes(v)) query.append(param, v);
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
