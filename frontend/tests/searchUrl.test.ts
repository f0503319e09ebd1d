import { describe, expect, it } from "vitest";
import { describeFilters, hasFilters, NO_FILTERS, readSearch, searchPath, type Search } from "../src/partner/searchUrl";

const query = (path: string) => new URLSearchParams(path.split("?")[1] ?? "");

describe("a search as an address", () => {
  it("round-trips text and every kind of filter", () => {
    const search: Search = { text: "MRI safety & implants", filters: { sectors: ["NHS", "INDUSTRY"], careerStages: ["EARLY"], regions: ["Northern Ireland"] } };
    const path = searchPath(search);
    expect(path.startsWith("/search?q=MRI+safety+%26+implants")).toBe(true);
    expect(readSearch(query(path))).toEqual(search);
  });

  it("writes filters in the vocabulary's order, so one search has one address", () => {
    const a = searchPath({ text: "x", filters: { ...NO_FILTERS, sectors: ["INDUSTRY", "NHS"] } });
    const b = searchPath({ text: "x", filters: { ...NO_FILTERS, sectors: ["NHS", "INDUSTRY"] } });
    expect(a).toBe(b);
  });

  it("drops values outside the vocabularies and reads an empty address as no search", () => {
    expect(readSearch(query("/search?q=ai&sector=BANK&region=Atlantis&stage=MID")).filters).toEqual({ ...NO_FILTERS, careerStages: ["MID"] });
    expect(readSearch(new URLSearchParams())).toEqual({ text: "", filters: NO_FILTERS });
    expect(searchPath({ text: "  ", filters: NO_FILTERS })).toBe("/search");
  });

  it("says whether any filter is set", () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, regions: ["Wales"] })).toBe(true);
  });
});

describe("the filters in words", () => {
  it("joins each kind, in the vocabulary's order", () => {
    const words = describeFilters({ sectors: ["NHS", "INDUSTRY"], careerStages: [], regions: ["Wales"] }, (v) => v.toLowerCase());
    expect(words).toBe("nhs, industry · wales");
    expect(describeFilters(NO_FILTERS, (v) => v)).toBe("");
  });
});
