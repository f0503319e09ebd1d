/** The idea's invitations for its submitter (and staff): each invitee's answer, and a way to take back an unanswered one. */
import { useMemo } from "react";
import { useMutation, useQuery } from "../api/hooks";
import { ErrorState } from "../components/States";
import { Link } from "../router";
import { canWithdraw, invitedPeople, statusBadge, statusText, type InvitedPerson } from "./invitationStatus";

export type InvitationsState = ReturnType<typeof useInvitations>;

/** The idea's invitations; `skip` for a viewer the API would not tell (neither submitter nor staff). */
export function useInvitations(ideaId: string, skip: boolean) {
  const query = useQuery("IdeaInvitations", { ideaId }, skip);
  const people = useMemo(() => invitedPeople(query.data), [query.data]);
  return { query, people, reload: query.reload };
}

/** Takes back an unanswered invitation; `onWithdrawn` after the API recorded it. */
export function WithdrawButton({ ideaId, person, onWithdrawn }: { ideaId: string; person: { memberId: string; name: string }; onWithdrawn: () => void }) {
  const withdraw = useMutation("WithdrawInvitation");
  if (!withdraw.available) return null;
  const answer = withdraw.data?.withdrawInvitation;
  const refused = answer && answer.__typename !== "IdeaSaved" ? answer.message : null;

  async function run() {
    const data = await withdraw.run({ ideaId, memberId: person.memberId });
    if (data?.withdrawInvitation.__typename === "IdeaSaved") onWithdrawn();
  }

  return (
    <>
      <button type="button" className="quiet small" disabled={withdraw.running} aria-label={`Withdraw the invitation of ${person.name}`} onClick={() => void run()}>
        {withdraw.running ? "Withdrawing…" : "Withdraw"}
      </button>
      {(refused || withdraw.error) && (
        <span className="field-error" role="alert">
          {refused ?? withdraw.error?.message}
        </span>
      )}
    </>
  );
}

function Invitation({ ideaId, person, mayWithdraw, onChanged }: { ideaId: string; person: InvitedPerson; mayWithdraw: boolean; onChanged: () => void }) {
  return (
    <li data-testid="invitation">
      <Link to={`/members/${encodeURIComponent(person.memberId)}`}>{person.name}</Link> <span className={statusBadge(person.status)}>{statusText(person.status)}</span>{" "}
      {mayWithdraw && canWithdraw(person.status) && <WithdrawButton ideaId={ideaId} person={person} onWithdrawn={onChanged} />}
    </li>
  );
}

/** Under "Invited": each invitee and their answer; `mayWithdraw` for the idea's submitter. */
export function InvitationList({ ideaId, invitations, mayWithdraw }: { ideaId: string; invitations: InvitationsState; mayWithdraw: boolean }) {
  const { query, people, reload } = invitations;
  if (query.status === "unavailable" || (query.status === "ok" && !people)) return null;
  return (
    <>
      <h3 id="invited-heading">Invited</h3>
      {query.status === "error" && <ErrorState error={query.error} retry={reload} />}
      <div data-testid="invited" aria-busy={query.status === "loading"}>
        {!people ? (
          query.status === "loading" && <p className="hint">Loading the invitations…</p>
        ) : people.length === 0 ? (
          <p>Nobody yet.</p>
        ) : (
          <ul className="plain" aria-labelledby="invited-heading">
            {people.map((p) => (
              <Invitation key={p.memberId} ideaId={ideaId} person={p} mayWithdraw={mayWithdraw} onChanged={reload} />
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
