/** One idea: what it is, who could complete its team, which partners fit; edit, invite, submit or withdraw. */
import { useState, type ReactNode } from "react";
import type { IdeaQuery } from "../api/generated";
import { useMutation, useQuery } from "../api/hooks";
import { refusalOf, RefusalView, Saved } from "../components/Outcome";
import { ErrorState, QueryView } from "../components/States";
import { useFocusAfter } from "../components/focus";
import { date, label } from "../format";
import { Link } from "../router";
import { isStaff, useUser } from "../session";
import { ThemeTags } from "./CallsPage";
import { IdeaForm, type IdeaDraft } from "./IdeaForm";
import { InterestButton } from "../partner/InterestButton";
import { IdeaSkills } from "./IdeaSkills";
import { Collaborators, Partners, useTeamFor } from "./Suggestions";
import { InvitationList, useInvitations, type InvitationsState } from "./Invitations";
import { statusById } from "./invitationStatus";

/** The interested members and partners are null unless you wrote the idea (or are staff). */
type IdeaDetail = NonNullable<IdeaQuery["idea"]>;

function names(list: { name: string }[] | null): string {
  return list && list.length ? list.map((x) => x.name).join(", ") : "Nobody yet.";
}

/** Whether you said you are interested: a partner sees its own interests; the idea's owner sees everyone's. */
function interestedIn(me: IdeaQuery["me"], idea: IdeaDetail, you: string | null): boolean {
  if ((me.partner?.interests ?? []).some((i) => i.id === idea.id)) return true;
  return [...(idea.interestedMembers ?? []), ...(idea.interestedPartners ?? [])].some((m) => m.id === you);
}

function isDraft(idea: IdeaDetail): boolean {
  return idea.status.toLowerCase() === "draft";
}

/**
 * The idea's facts; `listedSkills`: show the skills as written (where the confirmed ones are not
 * shown); `invitations`: who was invited, for those who may see it.
 */
function Details({ idea, listedSkills, invitations }: { idea: IdeaDetail; listedSkills: boolean; invitations?: ReactNode }) {
  return (
    <section className="panel" aria-labelledby="about-heading">
      <h2 id="about-heading">About the idea</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`badge ${isDraft(idea) ? "warn" : "ok"}`} data-testid="idea-status">
            {label(idea.status)}
          </span>
        </dd>
        <dt>Call</dt>
        <dd>{idea.call ? idea.call.title : "None yet"}</dd>
        <dt>By</dt>
        <dd>{idea.submittedBy?.name ?? "—"}</dd>
        {idea.created && (
          <>
            <dt>Written</dt>
            <dd>{date(idea.created)}</dd>
          </>
        )}
      </dl>
      <ThemeTags themes={idea.themes} />
      <p style={{ whiteSpace: "pre-wrap" }}>{idea.summary}</p>
      {listedSkills && (
        <>
          <h3>Skills the team needs</h3>
          {idea.requiredSkills.length > 0 ? (
            <ul className="tags">
              {idea.requiredSkills.map((s) => (
                <li key={s} className="tag">
                  {s}
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">None listed; the matchmaker reads them from the text.</p>
          )}
        </>
      )}
      {invitations}
      {idea.interestedMembers && (
        <>
          <h3>Interested members</h3>
          <p>{names(idea.interestedMembers)}</p>
          <h3>Interested partners</h3>
          <p>{names(idea.interestedPartners)}</p>
        </>
      )}
      <Link to={`/graph/Idea/${encodeURIComponent(idea.id)}`}>See the idea's network</Link>
    </section>
  );
}

function Editor({ idea, onSaved }: { idea: IdeaDetail; onSaved: () => void }) {
  const update = useMutation("UpdateIdea");
  const [open, setOpen] = useState(false);
  const refusal = refusalOf(update.data?.updateIdea, ["IdeaSaved"]);
  if (!update.available) return null;

  async function save(draft: IdeaDraft) {
    const data = await update.run({ id: idea.id, input: draft });
    if (data?.updateIdea.__typename === "IdeaSaved") {
      setOpen(false);
      onSaved();
    }
  }

  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading" className="visually-hidden">
        Edit the idea
      </h2>
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "Close the editor" : "Edit the idea"}
      </button>
      {update.error && <ErrorState error={update.error} />}
      {open && (
        <IdeaForm
          initial={{
            title: idea.title,
            summary: idea.summary,
            callId: idea.call?.id ?? "",
            themeIds: idea.themes.map((t) => t.id),
            requiredSkills: idea.requiredSkills,
          }}
          busy={update.running}
          refusal={refusal}
          submitLabel="Save changes"
          onSubmit={save}
        />
      )}
    </section>
  );
}

/** Submitting cannot be undone (a submitted idea is no longer editable), so it asks first. */
interface StatusChange {
  to: "submitted" | "draft";
  ask: string;
  question: (idea: IdeaDetail) => string;
  yes: string;
  running: string;
}

const SUBMIT: StatusChange = {
  to: "submitted",
  ask: "Submit the idea",
  question: (idea) => `Submit “${idea.title}”${idea.call ? ` to “${idea.call.title}”` : ""}? You cannot edit it while it is submitted.`,
  yes: "Yes, submit",
  running: "Submitting…",
};

const WITHDRAW: StatusChange = {
  to: "draft",
  ask: "Withdraw the submission",
  question: (idea) => `Withdraw “${idea.title}”? It goes back to a draft, seen only by you and the people you invited, to edit and submit again.`,
  yes: "Yes, withdraw",
  running: "Withdrawing…",
};

/** Submit a draft, or withdraw a submitted idea back to a draft; either asks first. The focus
 * follows: to the question's answer, back to the button, and (`takeFocus`) to the button that
 * replaced it once the idea changed. */
function StatusButton({ idea, change, onChanged, takeFocus }: { idea: IdeaDetail; change: StatusChange; onChanged: () => void; takeFocus: boolean }) {
  const update = useMutation("UpdateIdea");
  const [asking, setAsking] = useState(false);
  const yes = useFocusAfter<HTMLButtonElement>();
  const ask = useFocusAfter<HTMLButtonElement>(takeFocus);
  const refusal = refusalOf(update.data?.updateIdea, ["IdeaSaved"]);
  if (!update.available) return <p className="hint">Changing the idea is not available yet.</p>;

  async function confirm() {
    const data = await update.run({ id: idea.id, input: { status: change.to } });
    ask.moveFocus();
    setAsking(false);
    if (data?.updateIdea.__typename === "IdeaSaved") onChanged();
  }

  const questionId = `confirm-${change.to}`;
  return (
    <div>
      {asking ? (
        <div className="confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId}>{change.question(idea)}</p>
          <div className="row">
            <button type="button" ref={yes.ref} disabled={update.running} onClick={confirm}>
              {update.running ? change.running : change.yes}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={update.running}
              onClick={() => {
                ask.moveFocus();
                setAsking(false);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          ref={ask.ref}
          className={change.to === "draft" ? "secondary" : undefined}
          onClick={() => {
            yes.moveFocus();
            setAsking(true);
          }}
        >
          {change.ask}
        </button>
      )}
      {refusal && <RefusalView refusal={refusal} />}
      {update.error && <ErrorState error={update.error} />}
    </div>
  );
}

/**
 * What the suggestions are asked from. Saving an edit that changes it remounts them, so the
 * skills, the team, its gaps and the partners and KTP routes for those gaps are asked again.
 */
function suggestionsKey(idea: IdeaDetail): string {
  return JSON.stringify([idea.title, idea.summary, idea.requiredSkills, idea.call?.id ?? null, idea.themes.map((t) => t.id)]);
}

function Suggestions({ idea, canEditSkills, invitations }: { idea: IdeaDetail; canEditSkills: boolean; invitations: InvitationsState }) {
  const team = useTeamFor(idea.id);
  return (
    <>
      <IdeaSkills ideaId={idea.id} canEdit={canEditSkills} onConfirmed={team.reload} />
      <Collaborators team={team} ideaId={idea.id} invitations={statusById(invitations.people)} canInvite={idea.isMine} onInvited={invitations.reload} />
      <Partners ideaId={idea.id} team={team} canDecide={idea.isMine} />
    </>
  );
}

/** Under the heading: the idea's facts and, beside them for members and staff, its suggestions. */
function IdeaBody({ idea }: { idea: IdeaDetail }) {
  const user = useUser();
  const seesInvitations = idea.isMine || isStaff(user);
  const invitations = useInvitations(idea.id, !seesInvitations);
  if (user.role === "partner") return <Details idea={idea} listedSkills />;
  const list = seesInvitations && <InvitationList ideaId={idea.id} invitations={invitations} mayWithdraw={idea.isMine} />;
  return (
    <div className="split suggestions-first">
      <Details idea={idea} listedSkills={false} invitations={list} />
      <div>
        <Suggestions key={suggestionsKey(idea)} idea={idea} canEditSkills={seesInvitations} invitations={invitations} />
      </div>
    </div>
  );
}

export function IdeaPage({ id }: { id: string }) {
  const user = useUser();
  const idea = useQuery("Idea", { id });
  const [changed, setChanged] = useState<StatusChange["to"] | null>(null);
  return (
    <QueryView state={idea} what="This idea" operation="Idea">
      {(data) => {
        const r = data.idea;
        if (!r) {
          return (
            <>
              <h1 tabIndex={-1}>Idea not found</h1>
              <p>There is no idea with this id, or you may not see it.</p>
              <Link to="/calls">Back to calls and ideas</Link>
            </>
          );
        }
        const mine = r.isMine;
        return (
          <>
            <p className="meta">
              <Link to={user.role === "member" ? "/calls" : "/ideas"}>← Back</Link>
            </p>
            <h1 tabIndex={-1}>{r.title}</h1>
            <div className="row">
              {mine && isDraft(r) && <Editor idea={r} onSaved={idea.reload} />}
              {mine && (
                <StatusButton
                  key={r.status}
                  idea={r}
                  change={isDraft(r) ? SUBMIT : WITHDRAW}
                  takeFocus={changed !== null}
                  onChanged={() => {
                    setChanged(isDraft(r) ? "submitted" : "draft");
                    idea.reload();
                  }}
                />
              )}
              {!mine && <InterestButton ideaId={r.id} title={r.title} already={interestedIn(data.me, r, user.subjectId)} />}
            </div>
            {changed === "submitted" && <Saved>Your idea is submitted. STERIC will be in touch.</Saved>}
            {changed === "draft" && <Saved>Your idea is withdrawn: it is a draft again.</Saved>}
            <IdeaBody idea={r} />
          </>
        );
      }}
    </QueryView>
  );
}
