/** KTP triads for a topic in plain language: business, knowledge base and supervisor. */
import { useState, type FormEvent } from "react";
import { useQuery } from "../api/hooks";
import { Empty, ErrorState, Progress, Unavailable } from "../components/States";
import { Triads } from "./Triads";

function Results({ text }: { text: string }) {
  const ktp = useQuery("SuggestKtp", { input: { text, first: 10 } }, text === "");
  if (ktp.status === "unavailable") return <Unavailable what="KTP suggestions" operation="SuggestKtp" />;
  if (text === "") return <Empty>Describe what the partnership would work on and press “Find triads”.</Empty>;
  if (ktp.status === "error") return <ErrorState error={ktp.error} retry={ktp.reload} />;
  if (!ktp.data) return <Progress label="Finding KTP triads" detail="Ranking businesses and universities, checking the funding rule, matching supervisors." />;
  const r = ktp.data.suggestKtp;
  if (r.__typename !== "KtpSuggestions") {
    return (
      <div className="state state-unavailable" role="alert" data-testid="ktp-refused">
        {r.message}
      </div>
    );
  }
  return <Triads result={r} />;
}

export function KtpPage() {
  const [text, setText] = useState("");
  const [asked, setAsked] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    setAsked(text.trim());
  }
  return (
    <>
      <h1 tabIndex={-1}>KTP triads</h1>
      <p className="lede">
        A Knowledge Transfer Partnership joins a business, a knowledge-base partner such as a university, and an academic
        supervisor; a graduate associate then works in the business for 12 to 36 months.
      </p>
      <form className="panel" onSubmit={submit} aria-label="Find KTP triads">
        <div className="field">
          <label htmlFor="ktp-text">What would the partnership work on?</label>
          <textarea id="ktp-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder="For example: AI quality assurance for radiotherapy contouring software" />
        </div>
        <button type="submit" disabled={!text.trim()}>
          Find triads
        </button>
      </form>
      <Results key={asked} text={asked} />
    </>
  );
}
