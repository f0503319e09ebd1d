/** "I am interested": a partner or member expresses interest in an idea. */
import { useState } from "react";
import { useMutation } from "../api/hooks";
import { refusalOf } from "../components/Outcome";
import { useFocusAfter } from "../components/focus";

export function InterestButton({ ideaId, title, already }: { ideaId: string; title: string; already: boolean }) {
  const interest = useMutation("ExpressInterest");
  const [done, setDone] = useState(already);
  const recorded = useFocusAfter<HTMLSpanElement>(); // the focus goes from the button to its outcome
  if (!interest.available) return null;
  if (done || already) {
    return (
      <span ref={recorded.ref} tabIndex={-1} className="badge ok" role="status">
        Interest recorded
      </span>
    );
  }
  const refusal = refusalOf(interest.data?.expressInterest, ["IdeaSaved"]);
  return (
    <span className="row">
      <button
        type="button"
        className="secondary small"
        disabled={interest.running}
        aria-label={`Express interest in ${title}`}
        onClick={async () => {
          const data = await interest.run({ ideaId });
          if (data?.expressInterest.__typename !== "IdeaSaved") return;
          recorded.moveFocus();
          setDone(true);
        }}
      >
        {interest.running ? "Sending…" : "Express interest"}
      </button>
      {(refusal || interest.error) && (
        <span className="field-error" role="alert">
          {refusal?.message ?? interest.error?.message}
        </span>
      )}
    </span>
  );
}
