/** The one way the app talks to the server: POST /graphql with the signed-in user's token. */
import operations from "virtual:operations";

export type Variables = Record<string, unknown>;

/** A failure a person can read: the network, the server, or the API's own error messages. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: "network" | "timeout" | "server" | "graphql" | "unavailable" | "auth" | "forbidden",
  ) {
    super(message);
  }
}

/**
 * Sent with every request. The server trusts its session cookie (a sign-in through the
 * organisation's provider) only on requests that carry this header, which a page on another
 * site cannot add: a forged request arrives signed in as nobody.
 */
export const CSRF_HEADER = { name: "X-Requested-With", value: "matchmaker" } as const;

let token: string | null = null;
let onUnauthorised: () => void = () => {};

export function setToken(value: string | null): void {
  token = value;
}

export function whenUnauthorised(handler: () => void): void {
  onUnauthorised = handler;
}

/** Whether the API offers every root field the named operation needs. */
export function isAvailable(name: string): boolean {
  const op = operations[name];
  return op !== undefined && op.missing.length === 0;
}

export function missingFields(name: string): string[] {
  return operations[name]?.missing ?? ["(unknown operation)"];
}

/** How long one request may take, reading its answer included, before the app gives up on it. */
export const REQUEST_TIMEOUT_MS = 15_000;

const TIMED_OUT = `The server did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds. It may be busy: try again in a moment.`;

function post(body: string, signal: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json", [CSRF_HEADER.name]: CSRF_HEADER.value };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch("/graphql", { method: "POST", headers, body, signal, credentials: "same-origin" }).catch(() => {
    if (signal.aborted) throw new ApiError(TIMED_OUT, "timeout");
    throw new ApiError("The server could not be reached. Check your connection and try again.", "network");
  });
}

/** The promise's value, or a rejection as soon as the signal aborts (a stalled body never settles). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    signal.addEventListener("abort", () => reject(new ApiError(TIMED_OUT, "timeout")));
    promise.then(resolve, reject);
  });
}

/** Sends the body and reads the answer as JSON, both within REQUEST_TIMEOUT_MS. */
async function exchange<T>(body: string): Promise<{ response: Response; payload: GraphQLResponse<T> }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await post(body, abort.signal);
    try {
      return { response, payload: (await untilAborted(response.json(), abort.signal)) as GraphQLResponse<T> };
    } catch (e) {
      if (e instanceof ApiError || abort.signal.aborted) throw new ApiError(TIMED_OUT, "timeout");
      throw new ApiError(`The server answered ${response.status} without a readable body. Try again shortly.`, "server");
    }
  } finally {
    clearTimeout(timer);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

function hasCode(errors: GraphQLResponse<unknown>["errors"], code: string): boolean {
  return (errors ?? []).some((e) => e.extensions?.code === code);
}

/** Runs one of the bundled operations by name and returns its data, or throws ApiError. */
export async function request<T>(name: string, variables: Variables = {}): Promise<T> {
  const op = operations[name];
  if (!op || op.missing.length > 0) {
    throw new ApiError(`This is not available yet: the API does not offer ${missingFields(name).join(", ")}.`, "unavailable");
  }
  const { response, payload } = await exchange<T>(JSON.stringify({ query: op.text, variables, operationName: name }));
  if (response.status === 401 || hasCode(payload.errors, "UNAUTHENTICATED")) {
    onUnauthorised();
    throw new ApiError("Your session has ended. Please sign in again.", "auth");
  }
  if (hasCode(payload.errors, "FORBIDDEN")) {
    throw new ApiError(payload.errors!.map((e) => e.message).join(" "), "forbidden");
  }
  if (payload.errors?.length) {
    throw new ApiError(payload.errors.map((e) => e.message).join(" "), "graphql");
  }
  if (!response.ok || payload.data == null) {
    throw new ApiError(`The server answered ${response.status}. Try again shortly.`, "server");
  }
  return payload.data;
}
