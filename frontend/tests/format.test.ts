import { describe, expect, it } from "vitest";
import { date, label, percent, plural } from "../src/format";

describe("display text", () => {
  it("turns enum names into words", () => {
    expect(label("EARLY")).toBe("Early");
    expect(label("NHS")).toBe("NHS");
    expect(label("nhs_trust")).toBe("NHS trust");
    expect(label("GRAND_CHALLENGE")).toBe("Grand challenge");
    expect(label(null)).toBe("");
    expect(label("MRI SIG")).toBe("MRI SIG");
    expect(label("North West")).toBe("North West");
  });

  it("clamps and rounds scores", () => {
    expect(percent(0.456)).toBe("46%");
    expect(percent(1.4)).toBe("100%");
    expect(percent(undefined)).toBe("–");
  });

  it("counts in words and reads dates", () => {
    expect(plural(1, "member")).toBe("1 member");
    expect(plural(3, "member")).toBe("3 members");
    expect(date("2025-03-03")).toBe("3 Mar 2025");
    expect(date("soon")).toBe("soon");
  });
});
