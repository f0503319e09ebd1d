/**
 * Says whether one suggestion fits: the answer is recorded so later suggestions learn from it.
 * It answers no invitation and tells the person suggested nothing, and the labels say so.
 */
import { useState } from "react";
import type { CandidateKind, TargetKind } from "../api/generated";
import { useMutation } from "../api/hooks";
import { refusalOf } from "../components/Outcome";

export interface FeedbackSubject {
  targetId: string;
  targetKind: TargetKind;
  candidateId: string;
  candidateKind: CandidateKind;
  name: string;
}

export const FEEDBACK_HINT = "Tells the matchmaker whether this suggestion fits, so its later suggestions improve. Nobody is contacted.";

export function FeedbackButtons({ subject }: { subject: FeedbackSubject }) {
  const feedback = useMutation("RecordFeedback");
  const [decision, setDecision] = useState<string | null>(null);
  if (!feedback.available) return null;
  const refusal = refusalOf(feedback.data?.recordSuggestionFeedback, ["FeedbackRecorded"]);
  const { name, ...input } = subject;

  async function decide(value: "ACCEPTED" | "DECLINED") {
    const data = await feedback.run({ input: { ...input, decision: value } });
    if (data?.recordSuggestionFeedback.__typename === "FeedbackRecorded") setDecision(value);
  }

  if (decision) {
    return (
      <span className={`badge ${decision === "ACCEPTED" ? "ok" : "bad"}`} role="status">
        {decision === "ACCEPTED" ? "Marked a good suggestion" : "Marked not a fit"}
      </span>
    );
  }
  return (
    <>
      <button type="button" className="secondary small" disabled={feedback.running} onClick={() => decide("ACCEPTED")} aria-label={`Good suggestion: ${name}`} title={FEEDBACK_HINT}>
        Good suggestion
      </button>
      <button type="button" className="quiet small" disabled={feedback.running} onClick={() => decide("DECLINED")} aria-label={`Not a fit: ${name}`} title={FEEDBACK_HINT}>
        Not a fit
      </button>
      {(refusal || feedback.error) && (
        <span className="field-error" role="alert">
          {refusal?.message ?? feedback.error?.message}
        </span>
      )}
    </>
  );
}
