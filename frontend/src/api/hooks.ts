/** React state around GraphQL requests: loading, data, error, and "not offered by the API". */
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, isAvailable, request, type DataOf, type OperationName, type VariablesArgs, type VariablesOf } from "./client";
import type { Operations } from "./generated";

export type { DataOf, OperationName, VariablesOf };
export type QueryName = { [N in OperationName]: Operations[N]["kind"] extends "query" ? N : never }[OperationName];
export type MutationName = { [N in OperationName]: Operations[N]["kind"] extends "mutation" ? N : never }[OperationName];

/** The variables (as for a request) and whether to hold the query back. */
type QueryArgs<V> = {} extends V ? [variables?: V, skip?: boolean] : [variables: V, skip?: boolean];

export type QueryState<T> =
  | { status: "unavailable"; data?: undefined; error?: undefined }
  | { status: "loading"; data?: T; error?: undefined }
  | { status: "error"; data?: T; error: ApiError }
  | { status: "ok"; data: T; error?: undefined };

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError("Something went wrong. Try again.", "server");
}

export type QueryHandle<T> = QueryState<T> & { reload: () => void };

/**
 * Runs the named query when mounted and whenever `variables` change (compared as JSON);
 * `skip` holds it back until its inputs are ready. Its result and variables are the generated
 * types of the named operation, so a change to the schema or the document shows at build time.
 */
export function useQuery<N extends QueryName>(name: N, ...[variables, skip = false]: QueryArgs<VariablesOf<N>>): QueryHandle<DataOf<N>> {
  const key = JSON.stringify(variables ?? {});
  const available = isAvailable(name);
  const [state, setState] = useState<QueryState<DataOf<N>>>(available ? { status: "loading" } : { status: "unavailable" });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!available || skip) return;
    let live = true;
    setState((s) => ({ status: "loading", data: s.data }));
    // The variables as they were when `key` was taken: the same value, read back from its JSON.
    request(name, JSON.parse(key) as VariablesOf<N>).then(
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

export type MutationHandle<T, V> = MutationState<T> & {
  run: (...variables: VariablesArgs<V>) => Promise<T | undefined>;
  reset: () => void;
  available: boolean;
};

/** A mutation run on demand; `run` resolves to the data, or undefined when it failed. */
export function useMutation<N extends MutationName>(name: N): MutationHandle<DataOf<N>, VariablesOf<N>> {
  const [state, setState] = useState<MutationState<DataOf<N>>>({ running: false });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const run = useCallback(
    async (...variables: VariablesArgs<VariablesOf<N>>): Promise<DataOf<N> | undefined> => {
      setState({ running: true });
      try {
        const data = await request(name, ...variables);
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
