/** The fields of an idea, shared by writing a new one and editing a draft. */
import { useState, type FormEvent } from "react";
import { useQuery } from "../api/hooks";
import { Field } from "../components/Field";
import { fieldErrors, RefusalView, type Refusal } from "../components/Outcome";
import { label } from "../format";
import { isOpen } from "./callStatus";

export interface IdeaDraft {
  title: string;
  summary: string;
  callId: string;
  themeIds: string[];
  requiredSkills: string[];
}

interface Props {
  initial: IdeaDraft;
  busy: boolean;
  refusal: Refusal | null;
  submitLabel: string;
  onSubmit: (draft: IdeaDraft) => void;
}

function splitSkills(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean))];
}

export function IdeaForm({ initial, busy, refusal, submitLabel, onSubmit }: Props) {
  const calls = useQuery("OpenCalls");
  const themes = useQuery("Themes");
  const [draft, setDraft] = useState(initial);
  const [skills, setSkills] = useState(initial.requiredSkills.join(", "));
  const errors = fieldErrors(refusal);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ ...draft, requiredSkills: splitSkills(skills) });
  }

  const toggleTheme = (id: string, on: boolean) =>
    setDraft({ ...draft, themeIds: on ? [...draft.themeIds, id] : draft.themeIds.filter((t) => t !== id) });

  return (
    <form className="panel" onSubmit={submit} noValidate>
      {refusal && <RefusalView refusal={refusal} />}
      <Field label="Call" hint="The Invitation to Innovate call this idea answers" error={errors.callId}>
        {(a) => (
          <select id={a.id} value={draft.callId} onChange={(e) => setDraft({ ...draft, callId: e.target.value })} aria-describedby={a.describedBy}>
            <option value="">No call yet</option>
            {(calls.data?.calls.nodes ?? []).filter((c) => isOpen(c) || c.id === draft.callId).map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Title" hint="A short name for the idea (up to 200 characters)" error={errors.title}>
        {(a) => <input id={a.id} value={draft.title} maxLength={200} onChange={(e) => setDraft({ ...draft, title: e.target.value })} aria-describedby={a.describedBy} aria-invalid={a.invalid} required />}
      </Field>
      <Field label="The idea in plain language" hint="What problem it tackles, what you would build or study, and who it helps." error={errors.summary}>
        {(a) => <textarea id={a.id} rows={8} value={draft.summary} onChange={(e) => setDraft({ ...draft, summary: e.target.value })} aria-describedby={a.describedBy} aria-invalid={a.invalid} required />}
      </Field>
      <Field label="Skills the team needs" hint="Separate with commas, for example: MRI physics, machine learning, clinical trials" error={errors.requiredSkills}>
        {(a) => <input id={a.id} value={skills} onChange={(e) => setSkills(e.target.value)} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
      </Field>
      <fieldset>
        <legend>Themes</legend>
        {themes.status === "unavailable" && <p className="hint">The list of themes is not available yet.</p>}
        {themes.status === "loading" && <p className="hint">Loading themes…</p>}
        <div className="fields-2">
          {(themes.data?.themes.nodes ?? []).map((t) => (
            <label className="check" key={t.id}>
              <input type="checkbox" checked={draft.themeIds.includes(t.id)} onChange={(e) => toggleTheme(t.id, e.target.checked)} />
              <span>
                {t.name} <span className="hint">{label(t.kind)}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.themeIds && <p className="field-error">{errors.themeIds}</p>}
      </fieldset>
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
