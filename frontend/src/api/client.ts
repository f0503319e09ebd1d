/** The one way the app talks to the server: POST /graphql with the signed-in user's token. */
import operations from "virtual:operations";

export type Variables = Record<string, unknown>;

/** A failure a person can read: the network, the server, or the API's own error messages. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: "network" | "server" | "graphql" | "unavailable" | "auth" | "forbidden",
  ) {
    super(message);
  }
}

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

async function post(body: string): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch("/graphql", { method: "POST", headers, body });
  } catch {
    throw new ApiError("The server could not be reached. Check your connection and try again.", "network");
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
  const response = await post(JSON.stringify({ query: op.text, variables, operationName: name }));
  let payload: GraphQLResponse<T>;
  try {
    payload = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`The server answered ${response.status} without a readable body. Try again shortly.`, "server");
  }
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
