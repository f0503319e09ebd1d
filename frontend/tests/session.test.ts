import { afterEach, describe, expect, it, vi } from "vitest";
import { CSRF_HEADER, request } from "../src/api/client";
import { loginUrl, userOf } from "../src/session";

describe("the session cookie's CSRF rule", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("sends the app's header and same-origin cookies with every request", async () => {
    const answer = { data: { calls: { totalCount: 0, nodes: [] } } };
    const fetch = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(new Response(JSON.stringify(answer))));
    vi.stubGlobal("fetch", fetch);
    await request("OpenCalls");
    const init = fetch.mock.calls[0][1] as RequestInit;
    expect((init.headers as Record<string, string>)[CSRF_HEADER.name]).toBe("matchmaker");
    expect(init.credentials).toBe("same-origin");
  });
});

describe("provider sign-in", () => {
  const options = { provider: { name: "IPEM", loginUrl: "/auth/login" }, demoSignIn: false };

  it("comes back to the page the person was on", () => {
    expect(loginUrl(options, "/#/ideas/i-1?tab=team")).toBe("/auth/login?next=%2F%23%2Fideas%2Fi-1%3Ftab%3Dteam");
    expect(loginUrl(options, "/")).toBe("/auth/login");
  });

  it("reads the server's viewer as a user", () => {
    expect(userOf({ id: "m1", name: "Ada", role: "MEMBER" })).toEqual({ id: "m1", name: "Ada", role: "member", subjectId: "m1" });
    expect(userOf({ id: "s@x", name: "Sam", role: "STAFF" }).subjectId).toBeNull();
  });
});
