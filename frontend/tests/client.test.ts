import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, REQUEST_TIMEOUT_MS, request } from "../src/api/client";

/** A fetch that never answers, as a stalled service does, but honours its abort signal. */
function stalledFetch(init?: RequestInit): Promise<Response> {
  return new Promise((_, reject) => {
    init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
  });
}

describe("request", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("gives up on a stalled service after about 15 seconds with a readable error", async () => {
    vi.stubGlobal("fetch", vi.fn((_url: string, init?: RequestInit) => stalledFetch(init)));
    const outcome = request("OpenCalls").catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1);
    let settled = false;
    void outcome.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe("timeout");
    expect((error as ApiError).message).toMatch(/did not answer within 15 seconds/);
  });

  it("gives up when the answer's body stalls after its headers arrived", async () => {
    const body = new ReadableStream({ start() {} });
    vi.stubGlobal("fetch", vi.fn(() => Promise.resolve(new Response(body, { status: 200 }))));
    const outcome = request("OpenCalls").catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    const error = await outcome;
    expect((error as ApiError).kind).toBe("timeout");
  });

  it("still returns the data of a prompt answer", async () => {
    const answer = { data: { calls: { totalCount: 0, nodes: [] } } };
    vi.stubGlobal("fetch", vi.fn(() => Promise.resolve(new Response(JSON.stringify(answer), { status: 200 }))));
    await expect(request("OpenCalls")).resolves.toEqual(answer.data);
  });
});
