/** Partner journey (and anyone's): search expertise in plain language, with filters. */
import { useEffect, useState, type FormEvent } from "react";
import type { SearchExpertiseQuery } from "../api/generated";
import { useQuery } from "../api/hooks";
import { BandNote, PersonRow } from "../components/Person";
import { Empty, ErrorState, Progress, Unavailable } from "../components/States";
import { label, plural } from "../format";
import { navigate } from "../router";
import { useUser } from "../session";
import { CAREER_STAGES, REGIONS, SECTORS } from "../vocabulary";
import { DownloadCsv } from "../export/DownloadCsv";
import { SEARCH_HEADER, searchRows } from "../export/tables";
import { AskIntroduction } from "./AskIntroduction";
import { MyIntroductions } from "./MyIntroductions";
import { describeFilters, hasFilters, readSearch, searchPath, type Filters } from "./searchUrl";

type Hit = Extract<SearchExpertiseQuery["search"], { __typename: "MemberSearch" }>["results"]["nodes"][number];

const PAGE = 10;

function clip(text: string, size = 160): string {
  return text.length > size ? `${text.slice(0, size - 1).trimEnd()}…` : text;
}

function reasons(h: Hit): string[] {
  const why: string[] = [];
  const top = h.evidence[0];
  if (top) {
    const source = top.kind.toLowerCase() === "statement" ? "Their expertise statement" : `“${top.title}”${top.year ? ` (${top.year})` : ""}`;
    why.push(top.snippet ? `${source}: ${clip(top.snippet)}` : source);
  }
  if (h.evidence.length > 1) why.push(`${plural(h.evidence.length - 1, "more piece")} of evidence`);
  const groups = [...h.sigs, ...h.cois];
  if (groups.length) why.push(`In ${groups.join(", ")}`);
  return why;
}

/** The groups the people found belong to, busiest first: where the topic is worked on. */
export function groupsOf(hits: Hit[]): { name: string; people: number }[] {
  const counts = new Map<string, number>();
  for (const h of hits) for (const g of new Set([...h.sigs, ...h.cois])) counts.set(g, (counts.get(g) ?? 0) + 1);
  return [...counts.entries()].map(([name, people]) => ({ name, people })).sort((a, b) => b.people - a.people || a.name.localeCompare(b.name));
}

function Hits({ text, filters, hits, total, more }: { text: string; filters: Filters; hits: Hit[]; total: number; more: (() => void) | null }) {
  const groups = groupsOf(hits);
  const only = describeFilters(filters, label);
  return (
    <div>
      <p className="meta" data-testid="result-summary">
        {plural(total, "person", "people")} with a good or strong match for “{text}”{only ? ` (${only})` : ""}{total > hits.length ? `; the best ${hits.length} are shown` : ""}.
      </p>
      {hits.length === 0 ? (
        <Empty>Nobody matches. Try broader words or fewer filters.</Empty>
      ) : (
        <>
          {groups.length > 0 && (
            <section className="panel" aria-labelledby="groups-heading">
              <h2 id="groups-heading">Groups working on this</h2>
              <ul className="tags" data-testid="group-hits">
                {groups.map((g) => (
                  <li key={g.name} className="tag">
                    {g.name} · {plural(g.people, "person", "people")}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="panel" aria-labelledby="people-heading">
            <h2 id="people-heading">People</h2>
            <BandNote />
            <ul className="plain" data-testid="people-hits">
              {hits.map((h) => (
                <PersonRow
                  key={h.memberId}
                  person={{ id: h.memberId, name: h.name, discipline: h.discipline, careerStage: h.careerStage, region: h.region, organisation: { name: h.organisation, sector: h.sector } }}
                  band={h.band}
                  reasons={reasons(h)}
                  testId="person-hit"
                  actions={<AskIntroduction memberId={h.memberId} name={h.name} topic={text} />}
                />
              ))}
            </ul>
            <div className="row">
              {more && (
                <button type="button" className="secondary" onClick={more}>
                  Show {PAGE} more
                </button>
              )}
              <DownloadCsv title={`People for ${text}`} header={SEARCH_HEADER} rows={() => searchRows(hits)} what={`these ${plural(hits.length, "person", "people")}`} />
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function Results({ text, filters }: { text: string; filters: Filters }) {
  const [shown, setShown] = useState(PAGE);
  const search = useQuery("SearchExpertise", { text, filter: filters, first: shown }, text === "");
  if (search.status === "unavailable") return <Unavailable what="Search" operation="SearchExpertise" />;
  if (text === "") return <Empty>Describe the expertise you are looking for and press Search.</Empty>;
  if (search.status === "error") return <ErrorState error={search.error} retry={search.reload} />;
  if (!search.data) return <Progress label="Searching" detail="Reading profiles, outputs and statements." />;
  const r = search.data.search;
  if (r.__typename !== "MemberSearch") {
    return (
      <div className="state state-error" role="alert">
        {r.message}
      </div>
    );
  }
  const more = r.results.totalCount > r.results.nodes.length && shown < 100 ? () => setShown(shown + PAGE) : null;
  return (
    <>
      {search.status === "loading" && <Progress label="Loading more" />}
      <Hits text={r.text} filters={filters} hits={r.results.nodes} total={r.results.totalCount} more={more} />
    </>
  );
}

function FilterGroup<T extends string>({ legend, options, chosen, onChange }: { legend: string; options: readonly T[]; chosen: T[]; onChange: (v: T[]) => void }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="fields-2">
        {options.map((o) => (
          <label className="check" key={o}>
            <input type="checkbox" checked={chosen.includes(o)} onChange={(e) => onChange(e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o))} />
            <span>{label(o)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The search lives in the address: a filter applies at once, and Back steps to the last search. */
export function SearchPage({ query }: { query: URLSearchParams }) {
  const user = useUser();
  const asked = readSearch(query);
  const [text, setText] = useState(asked.text);
  const [showFilters, setShowFilters] = useState(hasFilters(asked.filters));
  useEffect(() => setText(asked.text), [asked.text]); // Back, Forward or a shared link
  const filters = asked.filters;
  const setFilters = (next: Filters) => navigate(searchPath({ text, filters: next }));

  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(searchPath({ text, filters }));
  }

  return (
    <>
      <h1 tabIndex={-1}>Find expertise</h1>
      <p className="lede">
        Describe what you need in your own words.{" "}
        {user.role === "partner"
          ? "You see only members who agreed to be visible to partners, and their contact details only when they accept an introduction."
          : "Only members who agreed to be found appear."}
      </p>
      <div className="split">
        <form className="panel" role="search" onSubmit={submit} aria-label="Search expertise">
          <div className="field">
            <label htmlFor="search-text">What expertise are you looking for?</label>
            <textarea id="search-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder="For example: MRI safety for implanted devices, or AI to plan radiotherapy" />
          </div>
          <details open={showFilters} onToggle={(e) => setShowFilters(e.currentTarget.open)}>
            <summary>Filters{hasFilters(filters) ? " (in use)" : ""}</summary>
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
        <div aria-live="polite" data-testid="search-results">
          <Results key={JSON.stringify(asked)} text={asked.text} filters={asked.filters} />
        </div>
        {user.role !== "staff" && user.role !== "admin" && <MyIntroductions />}
      </div>
    </>
  );
}
