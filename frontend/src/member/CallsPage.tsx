/** Member journey: browse the open "Invitation to Innovate" calls and my ideas. */
import { useState } from "react";
import type { OpenCallsQuery } from "../api/generated";
import { useQuery } from "../api/hooks";
import { Empty, QueryView } from "../components/States";
import { date, label, plural } from "../format";
import { Link } from "../router";
import { callStatus } from "./callStatus";

interface Theme {
  id: string;
  name: string;
}

type CallSummary = OpenCallsQuery["calls"]["nodes"][number];

export function ThemeTags({ themes }: { themes: Theme[] }) {
  if (themes.length === 0) return null;
  return (
    <ul className="tags" aria-label="Themes">
      {themes.map((t) => (
        <li key={t.id} className="tag theme">
          {t.name}
        </li>
      ))}
    </ul>
  );
}

const WHEN: Record<string, string> = { open: "closes", closed: "closed", upcoming: "opens" };

function CallCard({ call }: { call: CallSummary }) {
  const status = callStatus(call);
  const day = status === "upcoming" ? call.opens : call.closes;
  return (
    <li className="card" data-testid={status === "open" ? "call" : "closed-call"}>
      <h3>{call.title}</h3>
      <p className="meta">
        <span className={`badge ${status === "open" ? "ok" : ""}`} data-testid="call-status">
          {status === "upcoming" ? "Not open yet" : label(status)}
        </span>{" "}
        {day && (
          <>
            {WHEN[status]} {date(day)}
          </>
        )}
      </p>
      <ThemeTags themes={call.themes} />
      <p>{call.description.length > 280 ? `${call.description.slice(0, 277)}…` : call.description}</p>
      {status === "open" && (
        <Link className="button" to={`/ideas/new?call=${encodeURIComponent(call.id)}`}>
          Write an idea for this call
        </Link>
      )}
    </li>
  );
}

function PastCalls({ calls }: { calls: CallSummary[] }) {
  if (calls.length === 0) return null;
  return (
    <details className="panel" data-testid="past-calls">
      <summary>{plural(calls.length, "call")} not open for ideas</summary>
      <ul className="grid plain-grid">
        {calls.map((c) => (
          <CallCard key={c.id} call={c} />
        ))}
      </ul>
    </details>
  );
}

function Calls() {
  const calls = useQuery("OpenCalls");
  const [filter, setFilter] = useState("");
  return (
    <section aria-labelledby="calls-heading">
      <h2 id="calls-heading">Open calls</h2>
      <QueryView state={calls} what="The list of calls" operation="OpenCalls">
        {(data) => {
          const open = data.calls.nodes.filter((c) => callStatus(c) === "open");
          const past = data.calls.nodes.filter((c) => callStatus(c) !== "open");
          const needle = filter.trim().toLowerCase();
          const shown = open.filter((c) => !needle || `${c.title} ${c.description} ${c.themes.map((t) => t.name).join(" ")}`.toLowerCase().includes(needle));
          return (
            <>
              <div className="field">
                <label htmlFor="call-filter">Filter calls</label>
                <input id="call-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="A word from the title, description or theme" />
              </div>
              <p aria-live="polite" className="meta">
                Showing {plural(shown.length, "open call")}
              </p>
              {shown.length === 0 ? (
                <Empty>{open.length === 0 ? "No call is open for ideas at the moment." : "No open call matches. Clear the filter to see them all."}</Empty>
              ) : (
                <ul className="grid plain-grid">
                  {shown.map((c) => (
                    <CallCard key={c.id} call={c} />
                  ))}
                </ul>
              )}
              <PastCalls calls={past} />
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

function MyIdeas() {
  const mine = useQuery("MyIdeas");
  return (
    <section aria-labelledby="mine-heading" className="panel">
      <div className="spread">
        <h2 id="mine-heading">My ideas</h2>
        <Link className="button secondary" to="/ideas/new">
          Write a new idea
        </Link>
      </div>
      <QueryView state={mine} what="Your ideas" operation="MyIdeas">
        {(data) =>
          !data.me.member || data.me.member.ideas.length === 0 ? (
            <Empty>You have not written an idea yet. Pick a call below and describe what you would like to do.</Empty>
          ) : (
            <ul className="plain" data-testid="my-ideas">
              {data.me.member.ideas.map((idea) => (
                <li key={idea.id} className="spread">
                  <span>
                    <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
                    <span className="meta"> {idea.call ? `for “${idea.call.title}”` : "no call yet"}</span>
                  </span>
                  <span className={`badge ${idea.status.toLowerCase() === "submitted" ? "ok" : "warn"}`}>{label(idea.status)}</span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

export function CallsPage() {
  return (
    <>
      <h1 tabIndex={-1}>Calls and ideas</h1>
      <p className="lede">
        Invitation to Innovate: pick an open call, describe your idea in plain language, and the matchmaker suggests who
        could complete your team and which partners fit.
      </p>
      <MyIdeas />
      <Calls />
    </>
  );
}
