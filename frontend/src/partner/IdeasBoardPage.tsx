/** Partner journey: the ideas members are working on, to express interest in. */
import { useState } from "react";
import { useQuery } from "../api/hooks";
import { Empty, QueryView } from "../components/States";
import { label, plural } from "../format";
import { Link } from "../router";
import { ThemeTags } from "../member/CallsPage";
import { InterestButton } from "./InterestButton";

export function IdeasBoardPage() {
  const ideas = useQuery("IdeasBoard");
  const [filter, setFilter] = useState("");
  return (
    <>
      <h1 tabIndex={-1}>Ideas looking for partners</h1>
      <p className="lede">Members' ideas for Invitation to Innovate calls. Express interest and the member who wrote it will see it.</p>
      <QueryView state={ideas} what="The ideas" operation="IdeasBoard">
        {(data) => {
          const interested = new Set((data.me.partner?.interests ?? []).map((i) => i.id));
          const needle = filter.trim().toLowerCase();
          const shown = data.ideas.nodes.filter((i) => !needle || `${i.title} ${i.summary} ${i.themes.map((t) => t.name).join(" ")}`.toLowerCase().includes(needle));
          return (
            <>
              <div className="field">
                <label htmlFor="idea-filter">Filter ideas</label>
                <input id="idea-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="A word from the title, summary or theme" />
              </div>
              <p className="meta" aria-live="polite">
                Showing {plural(shown.length, "idea")} of {data.ideas.totalCount}
              </p>
              {shown.length === 0 ? (
                <Empty>No idea matches.</Empty>
              ) : (
                <ul className="grid plain-grid">
                  {shown.map((i) => (
                    <li key={i.id} className="card" data-testid="idea-card">
                      <h2 style={{ fontSize: "1.05rem", marginTop: 0 }}>
                        <Link to={`/ideas/${encodeURIComponent(i.id)}`}>{i.title}</Link>
                      </h2>
                      <p className="meta">
                        <span className="badge">{label(i.status)}</span> {i.call ? `for “${i.call.title}”` : ""}
                      </p>
                      <ThemeTags themes={i.themes} />
                      <p>{i.summary.length > 220 ? `${i.summary.slice(0, 217)}…` : i.summary}</p>
                      {!i.isMine && <InterestButton ideaId={i.id} title={i.title} already={interested.has(i.id)} />}
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </QueryView>
    </>
  );
}
