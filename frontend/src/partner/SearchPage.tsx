/** Partner journey (and anyone's): search expertise in plain language, with filters. */
import { useState, type FormEvent } from "react";
import { useQuery } from "../api/hooks";
import { PersonRow, type PersonSummary } from "../components/Person";
import { Empty, Progress, QueryView } from "../components/States";
import { label, percent, plural } from "../format";
import { Link, navigate } from "../router";
import { useUser } from "../session";
import { CAREER_STAGES, REGIONS, SECTORS } from "../vocabulary";

interface Hits {
  members: { score: number; reasons: string[]; member: PersonSummary }[];
  groups: { score: number; group: { id: string; name: string; kind: string; description: string } }[];
  ideas: { score: number; idea: { id: string; title: string; status: string } }[];
}

type Result = ({ __typename: "SearchResults" } & Hits) | { __typename: "ValidationErrors"; message: string };

interface Filters {
  sectors: string[];
  careerStages: string[];
  regions: string[];
}

const NO_FILTERS: Filters = { sectors: [], careerStages: [], regions: [] };

function Results({ text, filters }: { text: string; filters: Filters }) {
  const search = useQuery<{ search: Result }>("SearchExpertise", { text, filters }, text === "");
  if (text === "") return <Empty>Describe the expertise you are looking for and press Search.</Empty>;
  if (search.status === "loading") return <Progress label="Searching" detail="Reading profiles, outputs and groups." />;
  return (
    <QueryView state={search} what="Search" operation="SearchExpertise">
      {(data) => {
        const r = data.search;
        if (r.__typename !== "SearchResults") return <div className="state state-error" role="alert">{r.message}</div>;
        const total = r.members.length + r.groups.length + r.ideas.length;
        return (
          <div>
            <p className="meta" data-testid="result-summary">
              {plural(r.members.length, "person", "people")}, {plural(r.groups.length, "group")} and {plural(r.ideas.length, "idea")} for “{text}”.
            </p>
            {total === 0 && <Empty>Nothing matches. Try broader words or fewer filters.</Empty>}
            {r.members.length > 0 && (
              <section className="panel" aria-labelledby="people-heading">
                <h2 id="people-heading">People</h2>
                <ul className="plain" data-testid="people-hits">
                  {r.members.map((h) => (
                    <PersonRow key={h.member.id} person={h.member} score={h.score} reasons={h.reasons} testId="person-hit" />
                  ))}
                </ul>
              </section>
            )}
            {r.groups.length > 0 && (
              <section className="panel" aria-labelledby="groups-heading">
                <h2 id="groups-heading">Groups working on this</h2>
                <ul className="plain" data-testid="group-hits">
                  {r.groups.map((h) => (
                    <li key={h.group.id}>
                      <Link to={`/groups/${encodeURIComponent(h.group.id)}`}>{h.group.name}</Link>{" "}
                      <span className="badge">{label(h.group.kind)}</span> <span className="badge">match {percent(h.score)}</span>
                      <p className="meta">{h.group.description}</p>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {r.ideas.length > 0 && (
              <section className="panel" aria-labelledby="ideas-heading">
                <h2 id="ideas-heading">Ideas</h2>
                <ul className="plain">
                  {r.ideas.map((h) => (
                    <li key={h.idea.id}>
                      <Link to={`/ideas/${encodeURIComponent(h.idea.id)}`}>{h.idea.title}</Link> <span className="badge">{label(h.idea.status)}</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        );
      }}
    </QueryView>
  );
}

function FilterGroup({ legend, options, chosen, onChange }: { legend: string; options: readonly string[]; chosen: string[]; onChange: (v: string[]) => void }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label className="check" key={o}>
          <input type="checkbox" checked={chosen.includes(o)} onChange={(e) => onChange(e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o))} />
          <span>{label(o)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function SearchPage({ initial }: { initial: string }) {
  const user = useUser();
  const [text, setText] = useState(initial);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [asked, setAsked] = useState({ text: initial, filters: NO_FILTERS });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAsked({ text: text.trim(), filters });
    navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  }

  return (
    <>
      <h1 tabIndex={-1}>Find expertise</h1>
      <p className="lede">
        Describe what you need in your own words. {user.role === "partner" ? "You see only members who agreed to be visible to partners, and never their contact details." : "Only members who agreed to be found appear."}
      </p>
      <div className="split">
        <form className="panel" role="search" onSubmit={submit} aria-label="Search expertise">
          <div className="field">
            <label htmlFor="search-text">What expertise are you looking for?</label>
            <textarea id="search-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder="For example: MRI safety for implanted devices, or AI to plan radiotherapy" />
          </div>
          <details>
            <summary>Filters</summary>
            <FilterGroup legend="Sector" options={SECTORS} chosen={filters.sectors} onChange={(sectors) => setFilters({ ...filters, sectors })} />
            <FilterGroup legend="Career stage" options={CAREER_STAGES} chosen={filters.careerStages} onChange={(careerStages) => setFilters({ ...filters, careerStages })} />
            <div className="field">
              <label htmlFor="search-region">Region</label>
              <select id="search-region" value={filters.regions[0] ?? ""} onChange={(e) => setFilters({ ...filters, regions: e.target.value ? [e.target.value] : [] })}>
                <option value="">Anywhere in the UK</option>
                {REGIONS.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </div>
          </details>
          <button type="submit" disabled={!text.trim()}>
            Search
          </button>
        </form>
        <div aria-live="polite">
          <Results text={asked.text} filters={asked.filters} />
        </div>
      </div>
    </>
  );
}
