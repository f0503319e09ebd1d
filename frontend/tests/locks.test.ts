import { describe, expect, it } from "vitest";
import { FIRST_ASK, locksAfterSwap, suggestAsk, swapAsk, toggle } from "../src/steric/locks";

const team = ["a", "b", "c", "d", "e"];

describe("locks and swaps", () => {
  it("keeps the rest of the team for a swap, and excludes the one swapped out", () => {
    const ask = swapAsk(suggestAsk(FIRST_ASK, ["a"]), team, "b");
    expect(ask.mustInclude).toEqual(["a", "c", "d", "e"]);
    expect(ask.excluded).toEqual(["b"]);
  });

  it("locks only the newcomer after a swap, besides the staff's own locks", () => {
    const ask = swapAsk(suggestAsk(FIRST_ASK, ["a"]), team, "b");
    expect(locksAfterSwap(["a"], ask.kept!, ["a", "c", "d", "e", "f"])).toEqual(["a", "f"]);
  });

  it("asks a later suggestion to keep only the locked, so a smaller group can be had", () => {
    const swapped = swapAsk(suggestAsk(FIRST_ASK, []), team, "b");
    const locked = locksAfterSwap([], swapped.kept!, ["a", "c", "d", "e", "f"]);
    const again = suggestAsk(swapped, locked);
    expect(again.mustInclude).toEqual(["f"]);
    expect(again.excluded).toEqual(["b"]);
    expect(again.kept).toBeNull();
    expect(again.seq).toBeGreaterThan(swapped.seq);
  });

  it("toggles one lock", () => {
    expect(toggle(["a"], "b")).toEqual(["a", "b"]);
    expect(toggle(["a", "b"], "a")).toEqual(["b"]);
  });
});
