import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { request } from "../src/api/client";
import { useMutation, useQuery } from "../src/api/hooks";
import { FRONTEND_DIR } from "../tools/operations";

const SRC = join(FRONTEND_DIR, "src");
const GENERATED = join(SRC, "api", "generated.ts");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && path !== GENERATED ? [path] : [];
  });
}

/**
 * A call that names its own result type: `useQuery<{ idea: ... }>("Idea")`, `request<T>(...)`.
 * The operation's name is what picks its generated types, so any type argument here is a
 * hand-typed copy that the schema can silently drift from. Declarations are not calls.
 */
const HAND_TYPED = /(?<!function\s+)\b(useQuery|useMutation|request)\s*</g;

/** Each hand-typed call in `text` as "path:line: the line". */
function handTypedCalls(path: string, text: string): string[] {
  return [...text.matchAll(HAND_TYPED)].map((m) => {
    const line = text.slice(0, m.index).split("\n").length;
    return `${path}:${line}: ${text.split("\n")[line - 1].trim()}`;
  });
}

describe("GraphQL operations in the app", () => {
  it("take their result and variables types from the operation's name, never a type argument", () => {
    const found = sources(SRC).flatMap((file) => handTypedCalls(relative(FRONTEND_DIR, file), readFileSync(file, "utf8")));
    expect(found, `hand-typed operations (use the operation's name alone; its types are in src/api/generated.ts):\n${found.join("\n")}`).toEqual([]);
  });

  it("are told apart from declarations and found across lines", () => {
    const text = ["export function useQuery<N extends QueryName>(name: N) {}", "const a = useQuery(\"Idea\", { id });", "const b = useMutation<{", "  signIn: Result;", "}>(\"SignIn\");"].join("\n");
    expect(handTypedCalls("x.tsx", text)).toEqual(["x.tsx:3: const b = useMutation<{"]);
  });

  it("refuse a hand-typed result or an unknown name when the app is type-checked", () => {
    // Never run: `tsc --noEmit` (the build) checks that each of these stays an error.
    const typeOnly = () => {
      // @ts-expect-error a type argument is not an operation's name
      useQuery<{ idea: { id: string } | null }>("Idea", { id: "i-1" });
      // @ts-expect-error a name without a document in src/graphql
      useQuery("NoSuchOperation");
      // @ts-expect-error a mutation is not a query
      useQuery("SignIn");
      // @ts-expect-error the variables are the operation's own
      useQuery("Idea", { ideaId: "i-1" });
      // @ts-expect-error an operation with a required variable cannot be asked without it
      useQuery("Idea");
      // @ts-expect-error nor run without it
      void useMutation("SignIn").run();
      // @ts-expect-error nor requested without it
      void request("Idea");
      // @ts-expect-error a type argument is not an operation's name
      useMutation<{ signIn: { token: string } }>("SignIn");
      // @ts-expect-error a request names its operation, and its type comes from that name
      void request<{ calls: unknown }>("OpenCalls");
      // Without required variables, they may be left out.
      useQuery("OpenCalls");
      useQuery("IdeaSkills", { ideaId: "i-1" }, true);
      void useMutation("RecordTeamShown").run({ shownToken: "t" });
      void request("OpenCalls");
    };
    expect(typeof typeOnly).toBe("function");
  });
});
