/** Member journey: edit my profile, my expertise statement and what I consent to. */
import { useState, type FormEvent } from "react";
import type { MyProfileQuery } from "../api/generated";
import { useMutation, useQuery } from "../api/hooks";
import { Field } from "../components/Field";
import { fieldErrors, refusalOf, RefusalView, Saved } from "../components/Outcome";
import { ErrorState, QueryView } from "../components/States";
import { label } from "../format";
import { Link } from "../router";
import { NoticeSettings } from "./NoticeSettings";
import { Requests } from "./Requests";

type Profile = NonNullable<MyProfileQuery["me"]["member"]>;

export function ProfilePage() {
  const me = useQuery("MyProfile");
  return (
    <>
      <h1 tabIndex={-1}>My profile</h1>
      <p className="lede">
        What you write here is how the matchmaker finds you: your discipline, your expertise in your own words,
        and how much time you can give. You decide who can see you.
      </p>
      <QueryView state={me} what="Your profile" operation="MyProfile">
        {(data) =>
          data.me.member ? (
            <div className="split">
              <ConsentForm profile={data.me.member} onSaved={me.reload} />
              <ProfileForm profile={data.me.member} onSaved={me.reload} />
            </div>
          ) : (
            <div className="state state-empty">Your account has no member profile.</div>
          )
        }
      </QueryView>
      <Requests /> <NoticeSettings />
    </>
  );
}

function ProfileForm({ profile, onSaved }: { profile: Profile; onSaved: () => void }) {
  const [form, setForm] = useState({
    name: profile.name,
    discipline: profile.discipline,
    availabilityHours: String(profile.availabilityHours ?? 0),
    maxGroups: String(profile.maxGroups ?? 0),
    expertiseStatement: profile.expertiseStatement ?? "",
  });
  const update = useMutation("UpdateProfile");
  const [saved, setSaved] = useState(false);
  const refusal = refusalOf(update.data?.updateMyProfile, ["ProfileSaved"]);
  const errors = fieldErrors(refusal);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm({ ...form, [key]: e.target.value });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      ...form,
      availabilityHours: Number(form.availabilityHours),
      maxGroups: Number(form.maxGroups),
    };
    const data = await update.run({ input });
    if (data?.updateMyProfile.__typename === "ProfileSaved") {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="profile-heading" noValidate>
      <h2 id="profile-heading">Profile and expertise</h2>
      {refusal && <RefusalView refusal={refusal} />}
      {update.error && <ErrorState error={update.error} />}
      <Field label="Name" error={errors.name}>
        {(a) => <input id={a.id} value={form.name} onChange={set("name")} aria-describedby={a.describedBy} aria-invalid={a.invalid} autoComplete="name" required />}
      </Field>
      <Field label="Discipline" hint="For example: radiotherapy physics, clinical engineering" error={errors.discipline}>
        {(a) => <input id={a.id} value={form.discipline} onChange={set("discipline")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
      </Field>
      <div className="fields-2">
        <Field label="Hours a month" hint="Time you can give to groups and ideas" error={errors.availabilityHours}>
          {(a) => <input id={a.id} type="number" min={0} max={160} value={form.availabilityHours} onChange={set("availabilityHours")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
        </Field>
        <Field label="Groups at once" hint="The most active groups you can sit on" error={errors.maxGroups}>
          {(a) => <input id={a.id} type="number" min={0} max={10} value={form.maxGroups} onChange={set("maxGroups")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
        </Field>
      </div>
      <Field
        label="Expertise statement"
        hint="In plain language: what you know, what you have done, what you would like to work on."
        error={errors.expertiseStatement}
      >
        {(a) => <textarea id={a.id} rows={7} value={form.expertiseStatement} onChange={set("expertiseStatement")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
      </Field>
      <div className="row">
        <button type="submit" disabled={update.running || !update.available}>
          {update.running ? "Saving…" : "Save profile"}
        </button>
        {!update.available && <span className="hint">Saving a profile is not available yet.</span>}
        <Link to={`/graph/Member/${profile.id}`}>See my network</Link>
      </div>
      {saved && <Saved>Your profile is saved.</Saved>}
    </form>
  );
}

const CONSENTS = [
  ["openToMatching", "Open to matching", "The matchmaker may suggest you to members and staff for ideas and groups."],
  ["visibleToMembers", "Visible to members", "Other members can find your profile (never your contact details without consent)."],
  ["visibleToPartners", "Visible to external partners", "Companies, universities and trusts can find your profile; never your contact details."],
] as const;

function ConsentForm({ profile, onSaved }: { profile: Profile; onSaved: () => void }) {
  const [consent, setConsent] = useState(
    profile.consent ?? { openToMatching: false, visibleToMembers: false, visibleToPartners: false },
  );
  const save = useMutation("SetConsent");
  const [saved, setSaved] = useState(false);
  const refusal = refusalOf(save.data?.setMyConsent, ["ProfileSaved"]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const data = await save.run({ input: consent });
    if (data?.setMyConsent.__typename === "ProfileSaved") {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="consent-heading">
      <h2 id="consent-heading">Your details and consent</h2>
      <dl className="facts">
        <dt>Organisation</dt>
        <dd>{profile.organisation ? `${profile.organisation.name} (${label(profile.organisation.sector)})` : "—"}</dd>
        <dt>Career stage</dt>
        <dd>{label(profile.careerStage)}</dd>
        <dt>Region</dt>
        <dd>{profile.region}</dd>
        <dt>Email</dt>
        <dd>{profile.email ?? "—"}</dd>
      </dl>
      <fieldset>
        <legend>Who may find me</legend>
        {CONSENTS.map(([key, title, hint]) => (
          <label className="check" key={key}>
            <input
              type="checkbox"
              checked={consent[key]}
              onChange={(e) => {
                setSaved(false);
                setConsent({ ...consent, [key]: e.target.checked });
              }}
            />
            <span>
              {title}
              <br />
              <span className="hint">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {refusal && <RefusalView refusal={refusal} />}
      {save.error && <ErrorState error={save.error} />}
      <button type="submit" disabled={save.running || !save.available}>
        {save.running ? "Saving…" : "Save consent"}
      </button>
      {!save.available && <p className="hint">Changing consent is not available yet.</p>}
      {saved && <Saved>Your consent choices are saved.</Saved>}
    </form>
  );
}
