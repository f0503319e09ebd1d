import { describe, expect, it } from "vitest";
import { callStatus, isOpen } from "../src/member/callStatus";

const call = { status: "open", opens: "2025-10-01", closes: "2026-01-31" };
const at = (day: string, time = "12:00") => new Date(`${day}T${time}:00`);

describe("a call's status from its dates", () => {
  it("is open from its opening date to the end of its closing date", () => {
    expect(callStatus(call, at("2025-10-01", "00:01"))).toBe("open");
    expect(callStatus(call, at("2026-01-31", "23:59"))).toBe("open");
  });

  it("is closed after its closing date even when the record still says open", () => {
    expect(callStatus(call, at("2026-02-01", "00:01"))).toBe("closed");
    expect(isOpen(call, at("2026-12-06"))).toBe(false);
  });

  it("is not open before its opening date", () => {
    expect(callStatus(call, at("2025-09-30"))).toBe("upcoming");
  });

  it("stays closed when the record says closed, and open without dates", () => {
    expect(callStatus({ ...call, status: "closed" }, at("2025-12-01"))).toBe("closed");
    expect(callStatus({ status: "OPEN", opens: null, closes: null }, at("2030-01-01"))).toBe("open");
  });
});
