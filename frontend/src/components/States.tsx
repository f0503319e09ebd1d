/** The loading, empty, error and "not offered" states every view shares. */
import type { ReactNode } from "react";
import type { ApiError } from "../api/client";
import { missingFields } from "../api/client";

export function Loading({ label = "Loading" }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}

export function Progress({ label, detail }: { label: string; detail?: string }) {
  return (
    <div className="state state-progress" role="status" aria-live="polite">
      <div className="progress-bar" aria-hidden="true">
        <span />
      </div>
      <p>
        <strong>{label}…</strong> {detail}
      </p>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

export function ErrorState({ error, retry }: { error: ApiError; retry?: () => void }) {
  if (error.kind === "forbidden") {
    return (
      <div className="state state-unavailable" role="alert" data-testid="forbidden">
        <p>
          <strong>Not open to your role.</strong> {error.message}
        </p>
      </div>
    );
  }
  return (
    <div className="state state-error" role="alert">
      <p>{error.message}</p>
      {retry && error.kind !== "auth" && (
        <button type="button" className="secondary" onClick={retry}>
          Retry
        </button>
      )}
    </div>
  );
}

export function Unavailable({ what, operation }: { what: string; operation: string }) {
  return (
    <div className="state state-unavailable" role="note">
      <p>
        <strong>{what} is not available yet.</strong> The server's API does not offer{" "}
        <code>{missingFields(operation).join(", ")}</code> so far.
      </p>
    </div>
  );
}

interface StateProps<T> {
  state: { status: string; data?: T; error?: ApiError; reload?: () => void };
  what: string;
  operation: string;
  loading?: string;
  children: (data: T) => ReactNode;
}

/** Renders the right state for a query; children get the data once it is there. */
export function QueryView<T>({ state, what, operation, loading, children }: StateProps<T>) {
  if (state.status === "unavailable") return <Unavailable what={what} operation={operation} />;
  if (state.status === "error" && state.error) return <ErrorState error={state.error} retry={state.reload} />;
  if (state.data === undefined) return <Loading label={loading ?? `Loading ${what.toLowerCase()}`} />;
  return <>{children(state.data)}</>;
}
