/** "Ask for an introduction": a short form under a person found by search. */
import { useState, type FormEvent } from "react";
import { useMutation } from "../api/hooks";
import { Field } from "../components/Field";
import { fieldErrors, refusalOf, RefusalView } from "../components/Outcome";
import { ErrorState } from "../components/States";
import { useUser } from "../session";

/** Told to the list of one's own requests (MyIntroductions) so that it reads them again. */
export const INTRODUCTIONS_CHANGED = "introductions-changed";

export function AskIntroduction({ memberId, name, topic }: { memberId: string; name: string; topic: string }) {
  const user = useUser();
  const ask = useMutation("RequestIntroduction");
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const [form, setForm] = useState({ topic, message: "", contactEmail: "" });
  if (!ask.available || (user.role !== "partner" && user.role !== "member") || user.id === memberId) return null;
  if (sent) {
    return (
      <span className="badge ok" role="status">
        Introduction requested
      </span>
    );
  }
  if (!open) {
    return (
      <button type="button" className="secondary small" aria-label={`Ask for an introduction to ${name}`} onClick={() => setOpen(true)}>
        Ask for an introduction
      </button>
    );
  }
  const refusal = refusalOf(ask.data?.requestIntroduction, ["IntroductionRequested"]);
  const errors = fieldErrors(refusal);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const contactEmail = user.role === "partner" ? form.contactEmail : null;
    const data = await ask.run({ memberId, topic: form.topic, message: form.message, contactEmail });
    if (data?.requestIntroduction.__typename === "IntroductionRequested") {
      setSent(true);
      window.dispatchEvent(new Event(INTRODUCTIONS_CHANGED));
    }
  }

  return (
    <form className="ask-introduction" onSubmit={submit} aria-label={`Introduction to ${name}`} noValidate>
      {refusal && <RefusalView refusal={refusal} />}
      {ask.error && <ErrorState error={ask.error} />}
      <Field label="About" hint="The topic you would like to discuss" error={errors.topic}>
        {(a) => <input id={a.id} value={form.topic} onChange={set("topic")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
      </Field>
      <Field label={`Message to ${name}`} hint="Who you are and why you would like to talk (10-2000 characters)" error={errors.message}>
        {(a) => <textarea id={a.id} rows={3} value={form.message} onChange={set("message")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
      </Field>
      {user.role === "partner" && (
        <Field label="Your e-mail" hint="Shared only if they accept" error={errors.contactEmail}>
          {(a) => <input id={a.id} type="email" autoComplete="email" value={form.contactEmail} onChange={set("contactEmail")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
        </Field>
      )}
      <div className="row">
        <button type="submit" className="small" disabled={ask.running}>
          {ask.running ? "Sending…" : "Send request"}
        </button>
        <button type="button" className="secondary small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
