/**
 * A skill's description as staff type it: a labelled textarea with its hint, a running count of
 * the characters the API will count against its limit, and the API's error beside it. The count
 * is read with the field; a screen reader hears it again once typing pauses, not per key.
 */
import { useEffect, useId, useRef, useState, type Ref } from "react";
import { FieldError } from "../components/Outcome";
import { characterCount, DESCRIPTION_MAX } from "./curation";

const PAUSE_MS = 900;

interface Props {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  inputRef?: Ref<HTMLTextAreaElement>;
}

export function DescriptionField({ label, hint, value, onChange, error, inputRef }: Props) {
  const id = useId();
  const count = characterCount(value, DESCRIPTION_MAX);
  const [announced, setAnnounced] = useState("");
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) return;
    const timer = window.setTimeout(() => setAnnounced(count.text), PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [count.text]);

  const describedBy = [`${id}-hint`, `${id}-count`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={`${id}-hint`}>
        {hint}
      </span>
      <textarea
        id={id}
        ref={inputRef}
        value={value}
        rows={4}
        onChange={(e) => {
          typed.current = true;
          onChange(e.target.value);
        }}
        aria-describedby={describedBy}
        aria-invalid={Boolean(error)}
      />
      <span id={`${id}-count`} className={count.over > 0 ? "field-error" : "hint"} data-testid="description-count">
        {count.text}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {announced}
      </span>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
