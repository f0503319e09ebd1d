/** Accept or decline one suggestion; the decision is recorded so later suggestions learn from it. */
import { useState } from "react";
import { useMutation } from "../api/hooks";
import { refusalOf } from "../components/Outcome";

type Result = { __typename: string; decision?: string; message?: string };

export function FeedbackButtons({ suggestionId, name }: { suggestionId: string | null; name: string }) {
  const feedback = useMutation<{ recordFeedback: Result }>("RecordFeedback");
  const [decision, setDecision] = useState<string | null>(null);
  if (!suggestionId || !feedback.available) return null;
  const refusal = refusalOf(feedback.data?.recordFeedback, ["Feedback"]);

  async function decide(value: "ACCEPTED" | "DECLINED") {
    const data = await feedback.run({ suggestionId, decision: value });
    if (data?.recordFeedback.__typename === "Feedback") setDecision(value);
  }

  if (decision) {
    return (
      <span className={`badge ${decision === "ACCEPTED" ? "ok" : "bad"}`} role="status">
        {decision === "ACCEPTED" ? "Accepted" : "Declined"}
      </span>
    );
  }
  return (
    <>
      <button type="button" className="secondary small" disabled={feedback.running} onClick={() => decide("ACCEPTED")} aria-label={`Accept suggestion: ${name}`}>
        Accept
      </button>
      <button type="button" className="quiet small" disabled={feedback.running} onClick={() => decide("DECLINED")} aria-label={`Decline suggestion: ${name}`}>
        Decline
      </button>
      {(refusal || feedback.error) && (
        <span className="field-error" role="alert">
          {refusal?.message ?? feedback.error?.message}
        </span>
      )}
    </>
  );
}
