/** Which e-mail notices you get: one switch per kind. */
import { useEffect, useState, type FormEvent } from "react";
import type { NoticePreferencesQuery } from "../api/generated";
import { useMutation, useQuery } from "../api/hooks";
import { refusalOf, RefusalView, Saved } from "../components/Outcome";
import { ErrorState, QueryView } from "../components/States";
import { useUser } from "../session";

type Preferences = NoticePreferencesQuery["noticePreferences"];

const KINDS = [
  ["ideaInvitation", "Invitations to ideas"],
  ["introductionRequest", "Requests for an introduction"],
  ["groupProposal", "Proposals to join a group"],
] as const;

function NoticeForm({ initial }: { initial: Preferences }) {
  const [chosen, setChosen] = useState(initial);
  useEffect(() => setChosen(initial), [initial]);
  const save = useMutation("SetNoticePreferences");
  const [saved, setSaved] = useState(false);
  const refusal = refusalOf(save.data?.setNoticePreferences, ["NoticePreferencesSaved"]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const data = await save.run({ input: chosen });
    if (data?.setNoticePreferences.__typename === "NoticePreferencesSaved") setSaved(true);
  }

  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>E-mail me about</legend>
        {KINDS.map(([key, title]) => (
          <label className="check" key={key}>
            <input
              type="checkbox"
              checked={chosen[key]}
              onChange={(e) => {
                setSaved(false);
                setChosen({ ...chosen, [key]: e.target.checked });
              }}
            />
            <span>{title}</span>
          </label>
        ))}
      </fieldset>
      {refusal && <RefusalView refusal={refusal} />}
      {save.error && <ErrorState error={save.error} />}
      <button type="submit" disabled={save.running || !save.available}>
        {save.running ? "Saving…" : "Save notices"}
      </button>
      {saved && <Saved>Your notice choices are saved.</Saved>}
    </form>
  );
}

export function NoticeSettings() {
  return useUser().role === "member" ? <NoticePanel /> : null;
}

function NoticePanel() {
  const prefs = useQuery("NoticePreferences");
  if (prefs.status === "unavailable") return null;
  return (
    <section className="panel" aria-labelledby="notices-heading">
      <h2 id="notices-heading">E-mail notices</h2>
      <QueryView state={prefs} what="Your notice settings" operation="NoticePreferences">
        {(data) => <NoticeForm initial={data.noticePreferences} />}
      </QueryView>
    </section>
  );
}
