/** Requests to you: introductions people asked for and invitations to ideas, to accept or decline. */
import { useMutation, useQuery } from "../api/hooks";
import { refusalOf } from "../components/Outcome";
import { Empty, ErrorState, QueryView } from "../components/States";
import { label } from "../format";
import { Link } from "../router";
import { useUser } from "../session";

interface IntroductionRequest {
  id: string;
  status: string;
  topic: string | null;
  ideaTitle: string | null;
  message: string;
  requesterName: string;
  requesterKind: string;
  contactEmail: string | null;
}

interface IdeaInvitation {
  ideaId: string;
  ideaTitle: string;
  invitedBy: string;
  status: string;
}

type Result = { __typename: string; message?: string };

function Answer({ operation, variables, what, onDone }: { operation: string; variables: Record<string, string>; what: string; onDone: () => void }) {
  const answer = useMutation<Record<string, Result>>(operation);
  const result = answer.data ? Object.values(answer.data)[0] : undefined;
  const refusal = refusalOf(result, ["IntroductionAnswered", "IdeaInvitationAnswered"]);
  async function run(accept: boolean) {
    const data = await answer.run({ ...variables, accept });
    const done = data && Object.values(data)[0];
    if (done && !refusalOf(done, ["IntroductionAnswered", "IdeaInvitationAnswered"])) onDone();
  }
  return (
    <div className="row">
      <button type="button" className="small" disabled={answer.running} aria-label={`Accept ${what}`} onClick={() => run(true)}>
        Accept
      </button>
      <button type="button" className="secondary small" disabled={answer.running} aria-label={`Decline ${what}`} onClick={() => run(false)}>
        Decline
      </button>
      {refusal && (
        <span className="field-error" role="alert">
          {refusal.message}
        </span>
      )}
      {answer.error && <ErrorState error={answer.error} />}
    </div>
  );
}

function IntroductionItem({ x, reload }: { x: IntroductionRequest; reload: () => void }) {
  const who = `${x.requesterName} (${label(x.requesterKind)})`;
  return (
    <li data-testid="introduction-request">
      <strong>{who}</strong> asks to be introduced about <em>{x.ideaTitle ?? x.topic}</em>
      <blockquote className="meta">{x.message}</blockquote>
      {x.status === "pending" ? (
        <Answer operation="AnswerIntroduction" variables={{ id: x.id }} what={`the introduction to ${x.requesterName}`} onDone={reload} />
      ) : (
        <p>
          <span className="badge">{label(x.status)}</span>{" "}
          {x.contactEmail && <a href={`mailto:${x.contactEmail}`}>{x.contactEmail}</a>}
        </p>
      )}
    </li>
  );
}

function InvitationItem({ x, reload }: { x: IdeaInvitation; reload: () => void }) {
  return (
    <li data-testid="idea-invitation">
      <strong>{x.invitedBy || "A member"}</strong> invited you to the idea{" "}
      <Link to={`/ideas/${encodeURIComponent(x.ideaId)}`}>{x.ideaTitle}</Link>
      {x.status === "pending" ? (
        <Answer operation="AnswerIdeaInvitation" variables={{ ideaId: x.ideaId }} what={`the invitation to ${x.ideaTitle}`} onDone={reload} />
      ) : (
        <p>
          <span className="badge">{label(x.status)}</span>
        </p>
      )}
    </li>
  );
}

export function Requests() {
  return useUser().role === "member" ? <RequestsPanel /> : null;
}

function RequestsPanel() {
  const requests = useQuery<{ introductionRequests: IntroductionRequest[]; myIdeaInvitations: IdeaInvitation[] }>("IntroductionRequests");
  if (requests.status === "unavailable") return null;
  return (
    <section className="panel" aria-labelledby="requests-heading" data-testid="requests">
      <h2 id="requests-heading">Invitations and introductions</h2>
      <p className="hint">Your e-mail address is shared only with people whose introduction you accept. A decline is never explained to them.</p>
      <QueryView state={requests} what="Your invitations and introduction requests" operation="IntroductionRequests">
        {(data) =>
          data.introductionRequests.length + data.myIdeaInvitations.length === 0 ? (
            <Empty>Nobody has invited you or asked for an introduction yet.</Empty>
          ) : (
            <ul className="plain">
              {data.myIdeaInvitations.map((x) => (
                <InvitationItem key={x.ideaId} x={x} reload={requests.reload} />
              ))}
              {data.introductionRequests.map((x) => (
                <IntroductionItem key={x.id} x={x} reload={requests.reload} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
