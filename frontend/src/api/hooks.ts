/** React state around GraphQL requests: loading, data, error, and "not offered by the API". */
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, isAvailable, request, type Variables } from "./client";

export type QueryState<T> =
  | { status: "unavailable"; data?: undefined; error?: undefined }
  | { status: "loading"; data?: T; error?: undefined }
  | { status: "error"; data?: T; error: ApiError }
  | { status: "ok"; data: T; error?: undefined };

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError("Something went wrong. Try again.", "server");
}

/**
 * Runs the named query when mounted and whenever `variables` change (compared as JSON);
 * `skip` holds it back until its inputs are ready.
 */
export function useQuery<T>(name: string, variables: Variables = {}, skip = false) {
  const key = JSON.stringify(variables);
  const available = isAvailable(name);
  const [state, setState] = useState<QueryState<T>>(available ? { status: "loading" } : { status: "unavailable" });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!available || skip) return;
    let live = true;
    setState((s) => ({ status: "loading", data: s.data }));
    request<T>(name, JSON.parse(key) as Variables).then(
      (data) => live && setState({ status: "ok", data }),
      (e: unknown) => live && setState((s) => ({ status: "error", data: s.data, error: asApiError(e) })),
    );
    return () => {
      live = false;
    };
  }, [name, key, tick, available, skip]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export type MutationState<T> = {
  running: boolean;
  data?: T;
  error?: ApiError;
};

/** A mutation run on demand; `run` resolves to the data, or undefined when it failed. */
export function useMutation<T>(name: string) {
  const [state, setState] = useState<MutationState<T>>({ running: false });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const run = useCallback(
    async (variables: Variables = {}): Promise<T | undefined> => {
      setState({ running: true });
      try {
        const data = await request<T>(name, variables);
        if (live.current) setState({ running: false, data });
        return data;
      } catch (e) {
        if (live.current) setState({ running: false, error: asApiError(e) });
        return undefined;
      }
    },
    [name],
  );
  const reset = useCallback(() => setState({ running: false }), []);
  return { ...state, run, reset, available: isAvailable(name) };
}
