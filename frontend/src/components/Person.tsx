/** One person (or partner) in a list of suggestions: who they are and why they are here. */
import type { ReactNode } from "react";
import { label } from "../format";
import { Link } from "../router";

export interface PersonSummary {
  id: string;
  name: string;
  discipline?: string | null;
  careerStage?: string | null;
  region?: string | null;
  organisation?: { name: string; sector: string } | null;
}

export function personFacts(p: PersonSummary): string {
  const org = p.organisation ? `${p.organisation.name} (${label(p.organisation.sector)})` : "";
  return [p.discipline, label(p.careerStage), org, p.region].filter(Boolean).join(" · ");
}

interface Props {
  person: PersonSummary;
  /** strong, good, possible or weak: the one scale for members and partners (see BandNote). */
  band?: string;
  reasons?: string[];
  badges?: ReactNode;
  actions?: ReactNode;
  className?: string;
  testId?: string;
  extra?: ReactNode;
}

export function PersonRow({ person, band, reasons, badges, actions, className, testId, extra }: Props) {
  return (
    <li className={`person ${className ?? ""}`} data-testid={testId}>
      <div className="who-line">
        <strong>
          <Link to={`/members/${encodeURIComponent(person.id)}`}>{person.name}</Link>
        </strong>{" "}
        {band && (
          <span className="badge" title="Match band: strong, good, possible or weak" data-testid="match-band">
            {band} match
          </span>
        )}{" "}
        {badges}
        <div className="meta">{personFacts(person)}</div>
        {reasons && reasons.length > 0 && (
          <ul className="reasons" aria-label={`Why ${person.name}`}>
            {reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        )}
        {extra}
      </div>
      {actions && <div className="actions">{actions}</div>}
    </li>
  );
}

/** What the match bands mean, said once on a page that lists people or partners. */
export function BandNote() {
  return (
    <p className="hint" data-testid="band-note">
      Match bands compare someone's own work with the text: <strong>strong</strong>, closely on the topic; <strong>good</strong>, enough to cover a skill; <strong>possible</strong>, related work short of
      covering it; <strong>weak</strong>, little related work. Members and partners are on the same scale.
    </p>
  );
}
