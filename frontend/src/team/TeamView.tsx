/** A suggested team as people read it: who, why, what is covered, what is missing, who was left out. */
import type { ReactNode } from "react";
import { Diversity, Meter, SkillCoverage } from "../components/Coverage";
import { BandNote, PersonRow } from "../components/Person";
import { Empty } from "../components/States";
import { label, percent, plural } from "../format";
import { Link } from "../router";
import { diversityOf, reasonsFor } from "./reasons";
import type { Infeasible, LeftOut, SuggestedMember, TeamSuggestion } from "./types";

interface Props {
  team: TeamSuggestion;
  heading: string;
  actions?: (m: SuggestedMember) => ReactNode;
  badges?: (m: SuggestedMember) => ReactNode;
  rowClass?: (m: SuggestedMember) => string;
  showDiversity?: boolean;
}

export function teamSummary(team: TeamSuggestion): string {
  return `${plural(team.members.length, "person", "people")} · coverage ${percent(team.score.coverage)} · ${plural(team.gaps.length, "gap")}`;
}

function EvidenceList({ m }: { m: SuggestedMember }) {
  const items = [...m.evidence, ...m.skills.flatMap((s) => s.evidence)];
  const unique = items.filter((e, i) => items.findIndex((x) => x.sourceId === e.sourceId) === i).slice(0, 4);
  if (unique.length === 0) return null;
  return (
    <details className="evidence">
      <summary>Evidence ({unique.length})</summary>
      <ul>
        {unique.map((e) => (
          <li key={e.sourceId}>
            <strong>{e.title}</strong> <span className="meta">({[label(e.kind), e.year || null].filter(Boolean).join(", ")})</span>
            {e.snippet && <q className="snippet">{e.snippet}</q>}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Coverage({ team }: { team: TeamSuggestion }) {
  const names = new Map(team.members.map((m) => [m.memberId, m.name]));
  return (
    <>
      <SkillCoverage covered={team.coverage.filter((c) => c.covered).map((c) => c.skill)} gaps={team.gaps.map((g) => g.skill)} />
      {team.skillsDerived && <p className="hint">The skills were read from the text; name them yourself to steer the team.</p>}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">How well the team covers each required skill</caption>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Best in team</th>
              <th scope="col" className="num">
                Match
              </th>
            </tr>
          </thead>
          <tbody>
            {team.coverage.map((c) => (
              <tr key={c.skill}>
                <th scope="row">
                  {c.skill} {!c.covered && <span className="badge bad">gap</span>}
                </th>
                <td>{c.memberId ? names.get(c.memberId) ?? "—" : "—"}</td>
                <td className="num">{c.band}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {team.gaps.length > 0 && (
        <ul className="gaps" aria-label="Gaps">
          {team.gaps.map((g) => (
            <li key={g.skill}>
              <strong>{g.skill}</strong>: {g.detail}
              {g.bestAvailableName && (
                <>
                  {" "}
                  Closest outside the team:{" "}
                  {g.bestAvailableId ? <Link to={`/members/${encodeURIComponent(g.bestAvailableId)}`}>{g.bestAvailableName}</Link> : g.bestAvailableName} ({g.bestAvailableBand} match).
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function WhyNot({ people, title }: { people: LeftOut[]; title: string }) {
  if (people.length === 0) return null;
  return (
    <details>
      <summary>
        {title} ({people.length})
      </summary>
      <ul>
        {people.map((p) => (
          <li key={`${p.memberId}-${p.reason}`}>
            {p.name} <span className="badge">{label(p.reason)}</span> <span className="meta">{p.detail}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function TeamView({ team, heading, actions, badges, rowClass, showDiversity = true }: Props) {
  return (
    <>
      <section className="panel" aria-labelledby="team-heading">
        <div className="spread">
          <h2 id="team-heading" tabIndex={-1}>
            {heading}
          </h2>
          <span className="meta" data-testid="team-summary">
            {teamSummary(team)}
          </span>
        </div>
        {team.members.length === 0 ? (
          <Empty>Nobody fits yet. Add detail to the text or loosen the constraints.</Empty>
        ) : (
          <ul className="plain" data-testid="team">
            {team.members.map((m) => (
              <PersonRow
                key={m.memberId}
                person={{ id: m.memberId, name: m.name, discipline: m.discipline, careerStage: m.careerStage, region: m.region, organisation: { name: m.organisation, sector: m.sector } }}
                band={m.band}
                reasons={reasonsFor(m)}
                className={rowClass?.(m)}
                testId="team-member"
                badges={badges?.(m)}
                actions={actions?.(m)}
                extra={<EvidenceList m={m} />}
              />
            ))}
          </ul>
        )}
        {team.members.length > 0 && <BandNote />}
        <WhyNot people={team.whyNot} title="Who was left out, and why" />
      </section>
      <section className="panel" aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">Coverage and gaps</h2>
        <Coverage team={team} />
        <h3>How the team scores</h3>
        <Meter name="Coverage" value={team.score.coverage} />
        <Meter name="Relevance" value={team.score.relevance} />
        <Meter name="Diversity" value={team.score.diversity} />
        <Meter name="New connections" value={team.score.bridging} />
      </section>
      {showDiversity && (
        <section className="panel" aria-labelledby="diversity-heading">
          <h2 id="diversity-heading">Diversity</h2>
          <Diversity facets={diversityOf(team.members)} />
        </section>
      )}
    </>
  );
}

export function InfeasibleView({ result }: { result: Infeasible }) {
  return (
    <div className="state state-unavailable" role="alert" data-testid="infeasible" tabIndex={-1}>
      <p>
        <strong>No team meets every constraint.</strong> {result.message}
      </p>
      {result.constraints.length > 0 && (
        <ul>
          {result.constraints.map((c, i) => (
            <li key={i}>
              <strong>{label(c.kind)}</strong>: {c.detail}
            </li>
          ))}
        </ul>
      )}
      <WhyNot people={result.screenedOut} title="Who could not be considered" />
    </div>
  );
}
