import { describe, expect, it } from "vitest";
import { fieldErrors, refusalOf } from "../src/components/Outcome";

describe("refusals from union results", () => {
  it("is null for the success type", () => {
    expect(refusalOf({ __typename: "IdeaSaved" }, ["IdeaSaved"])).toBeNull();
    expect(refusalOf(undefined, ["IdeaSaved"])).toBeNull();
  });

  it("keeps the message and the field errors, under both spellings", () => {
    const r = refusalOf({ __typename: "ValidationErrors", message: "Please correct: max_per_org.", errors: [{ field: "max_per_org", message: "at least 1" }] } as { __typename: string }, ["TeamSuggestion"]);
    expect(r?.message).toBe("Please correct: max_per_org.");
    expect(fieldErrors(r)).toEqual({ max_per_org: "at least 1", maxPerOrg: "at least 1" });
  });
});
