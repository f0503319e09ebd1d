/** Expected refusals from the API (validation, not allowed, not found) shown as people read them. */
import { useEffect, useRef, type ReactNode } from "react";

export interface Refusal {
  __typename: string;
  message: string;
  errors?: { field: string; message: string }[];
}

/** The refusal inside a union result, or null when the result is the success type. */
export function refusalOf(result: Partial<Refusal> & { __typename: string } | null | undefined, success: string[]): Refusal | null {
  if (!result) return null;
  if (success.includes(result.__typename)) return null;
  return { __typename: result.__typename, message: result.message ?? "That did not work.", errors: result.errors };
}

function camel(field: string): string {
  return field.replace(/[._]([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Field name → its message, so a form shows each next to its input. Keys come both as the API
 * names the field and in camelCase ("max_per_org" is also "maxPerOrg").
 */
export function fieldErrors(refusal: Refusal | null): Record<string, string> {
  const errors = refusal?.errors ?? [];
  return Object.fromEntries(errors.flatMap((e) => [[e.field, e.message], [camel(e.field), e.message]]));
}

export function RefusalView({ refusal }: { refusal: Refusal }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [refusal]);
  return (
    <div className="state state-error" role="alert" tabIndex={-1} ref={box}>
      <p>{refusal.message}</p>
      {refusal.errors && refusal.errors.length > 0 && (
        <ul>
          {refusal.errors.map((e) => (
            <li key={e.field}>
              <strong>{e.field}</strong>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Saved({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <span className="field-error" id={id}>
      {message}
    </span>
  );
}
