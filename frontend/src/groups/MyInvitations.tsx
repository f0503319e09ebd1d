/** On a member's own page: their invitations to Task-and-Finish groups, to accept or decline. */
import { useState } from "react";
import type { GroupInvitationsQuery } from "../api/generated";
import { useMutation, useQuery } from "../api/hooks";
import { RefusalView, Saved, type Refusal } from "../components/Outcome";
import { ErrorState } from "../components/States";
import { useSession } from "../session";
import { INVITATION_TEXT } from "./types";
import "./groups.css";

type Invitation = GroupInvitationsQuery["myGroupInvitations"][number];

function Open({ invite, onAnswered }: { invite: Invitation; onAnswered: (text: string) => void }) {
  const answer = useMutation("GroupAnswerInvitation");
  const [declining, setDeclining] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const send = async (accept: boolean) => {
    const result = (await answer.run({ groupId: invite.groupId, accept }))?.answerGroupInvitation;
    if (!result) return;
    if (result.__typename === "InvitationAnswered") onAnswered(accept ? `You accepted the invitation to “${invite.name}”.` : `You declined the invitation to “${invite.name}”.`);
    else setRefusal({ __typename: result.__typename, message: result.message ?? "That did not work." });
  };
  return (
    <>
      {!declining ? (
        <div className="row">
          <button type="button" disabled={answer.running} onClick={() => void send(true)} aria-label={`Accept the invitation to ${invite.name}`}>
            Accept
          </button>
          <button type="button" className="secondary" disabled={answer.running} onClick={() => setDeclining(true)} aria-label={`Decline the invitation to ${invite.name}`}>
            Decline
          </button>
        </div>
      ) : (
        <div className="row confirm" role="group" aria-label="Confirm declining">
          <span>A decline is final: you will not be asked to join this group again. Nobody else is told why.</span>
          <button type="button" className="danger" disabled={answer.running} onClick={() => void send(false)}>
            Yes, decline
          </button>
          <button type="button" className="quiet" onClick={() => setDeclining(false)}>
            Cancel
          </button>
        </div>
      )}
      {refusal && <RefusalView refusal={refusal} />}
      {answer.error && <ErrorState error={answer.error} />}
    </>
  );
}

function Invitations() {
  const invitations = useQuery("GroupInvitations");
  const [answered, setAnswered] = useState<string | null>(null);
  const list = invitations.data?.myGroupInvitations ?? [];
  if (list.length === 0 && !answered) return null;
  return (
    <section className="panel" aria-labelledby="invitations-heading" data-testid="group-invitations">
      <h2 id="invitations-heading">Invitations to Task-and-Finish groups</h2>
      {answered && <Saved>{answered}</Saved>}
      {invitations.status === "error" && <ErrorState error={invitations.error} retry={invitations.reload} />}
      {list.map((invite) => (
        <div className="invitation" key={invite.groupId} data-testid="group-invitation">
          <h3>{invite.name}</h3>
          <p className="meta">
            {invite.role === "chair" ? "Invited as chair" : "Invited as a member"} · <span className="badge">{INVITATION_TEXT[invite.invitation]}</span>
          </p>
          <p className="remit">{invite.remit}</p>
          {invite.invitation === "INVITED" && (
            <Open
              invite={invite}
              onAnswered={(text) => {
                setAnswered(text);
                invitations.reload();
              }}
            />
          )}
        </div>
      ))}
    </section>
  );
}

/** Shown only on the signed-in member's own page. */
export function MyInvitations({ memberId }: { memberId: string }) {
  const { user } = useSession();
  const own = user?.role === "member" && (user.subjectId ?? user.id) === memberId;
  return own ? <Invitations /> : null;
}
