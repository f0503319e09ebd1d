/** Requests to you: introductions people asked for and invitations to ideas, to accept or decline. */
import type { ApiError } from "../api/client";
import type { IntroductionRequestsQuery } from "../api/generated";
import { useMutation, useQuery } from "../api/hooks";
import { refusalOf, type Refusal } from "../components/Outcome";
import { Empty, ErrorState, QueryView } from "../components/States";
import { label } from "../format";
import { Link } from "../router";
import { useUser } from "../session";

type IntroductionRequest = IntroductionRequestsQuery["introductionRequests"][number];
type IdeaInvitation = IntroductionRequestsQuery["myIdeaInvitations"][number];

interface AnswerProps {
  what: string;
  running: boolean;
  refusal: Refusal | null;
  error?: ApiError;
  onAnswer: (accept: boolean) => void;
}

function Answer({ what, running, refusal, error, onAnswer }: AnswerProps) {
  return (
    <div className="row">
      <button type="button" className="small" disabled={running} aria-label={`Accept ${what}`} onClick={() => onAnswer(true)}>
        Accept
      </button>
      <button type="button" className="secondary small" disabled={running} aria-label={`Decline ${what}`} onClick={() => onAnswer(false)}>
        Decline
      </button>
      {refusal && (
        <span className="field-error" role="alert">
          {refusal.message}
        </span>
      )}
      {error && <ErrorState error={error} />}
    </div>
  );
}

function AnswerIntroduction({ id, what, onDone }: { id: string; what: string; onDone: () => void }) {
  const answer = useMutation("AnswerIntroduction");
  async function run(accept: boolean) {
    const data = await answer.run({ id, accept });
    if (data?.answerIntroduction.__typename === "IntroductionAnswered") onDone();
  }
  const refusal = refusalOf(answer.data?.answerIntroduction, ["IntroductionAnswered"]);
  return <Answer what={what} running={answer.running} refusal={refusal} error={answer.error} onAnswer={run} />;
}

function AnswerIdeaInvitation({ ideaId, what, onDone }: { ideaId: string; what: string; onDone: () => void }) {
  const answer = useMutation("AnswerIdeaInvitation");
  async function run(accept: boolean) {
    const data = await answer.run({ ideaId, accept });
    if (data?.answerIdeaInvitation.__typename === "IdeaInvitationAnswered") onDone();
  }
  const refusal = refusalOf(answer.data?.answerIdeaInvitation, ["IdeaInvitationAnswered"]);
  return <Answer what={what} running={answer.running} refusal={refusal} error={answer.error} onAnswer={run} />;
}

function IntroductionItem({ x, reload }: { x: IntroductionRequest; reload: () => void }) {
  const who = `${x.requesterName} (${label(x.requesterKind)})`;
  return (
    <li data-testid="introduction-request">
      <strong>{who}</strong> asks to be introduced about <em>{x.ideaTitle ?? x.topic}</em>
      <blockquote className="meta">{x.message}</blockquote>
      {x.status === "pending" ? (
        <AnswerIntroduction id={x.id} what={`the introduction to ${x.requesterName}`} onDone={reload} />
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
        <AnswerIdeaInvitation ideaId={x.ideaId} what={`the invitation to ${x.ideaTitle}`} onDone={reload} />
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
  const requests = useQuery("IntroductionRequests");
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
