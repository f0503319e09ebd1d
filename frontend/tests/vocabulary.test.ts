import { describe, expect, it } from "vitest";
import { sectorOf } from "../src/vocabulary";

describe("a sector read from the API's text", () => {
  it("is the schema's sector, whatever its case", () => {
    expect(sectorOf("nhs")).toBe("NHS");
    expect(sectorOf("Academia")).toBe("ACADEMIA");
  });

  // A member with no organisation has the sector "": sent as a Sector, the server refuses the
  // whole request (partner and KTP suggestions then fail for that team).
  it("is none for an empty or unknown name", () => {
    expect(sectorOf("")).toBeNull();
    expect(sectorOf("bank")).toBeNull();
  });
});
