/** Skill coverage and gaps, and the diversity of a team, as a person reads them. */
import { label, percent } from "../format";

export function SkillCoverage({ covered, gaps, score }: { covered: string[]; gaps: string[]; score?: number | null }) {
  return (
    <section aria-label="Skill coverage" className="coverage">
      {score != null && <Meter name="Coverage" value={score} />}
      <h3 className="visually-hidden">Covered skills</h3>
      <p className="label">
        Covered <span className="badge ok" data-testid="covered-count">{covered.length}</span>
      </p>
      {covered.length > 0 ? (
        <ul className="tags" data-testid="covered">
          {covered.map((s) => (
            <li key={s} className="tag covered">
              {s}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No required skill is covered yet.</p>
      )}
      <p className="label">
        Gaps <span className={`badge ${gaps.length ? "bad" : "ok"}`} data-testid="gap-count">{gaps.length}</span>
      </p>
      {gaps.length > 0 ? (
        <ul className="tags" data-testid="gaps">
          {gaps.map((s) => (
            <li key={s} className="tag gap">
              {s}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No gaps: every required skill is covered.</p>
      )}
    </section>
  );
}

export function Meter({ name, value }: { name: string; value: number }) {
  return (
    <div className="meter">
      <span>{name}</span>
      <span className="bar" role="meter" aria-label={name} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value * 100)}>
        <span style={{ width: percent(value) }} />
      </span>
      <span className="score">{percent(value)}</span>
    </div>
  );
}

export interface Count {
  key: string;
  count: number;
}

/** Counts by sector, SIG, career stage and region, as one table per facet. */
export function Diversity({ facets }: { facets: { name: string; counts: Count[] }[] }) {
  return (
    <section aria-label="Diversity" className="diversity">
      <div className="grid">
        {facets.map((f) => (
          <div key={f.name}>
            <h3>
              {f.name} <span className="badge" data-testid={`distinct-${f.name.toLowerCase().replace(/\s+/g, "-")}`}>{f.counts.length} distinct</span>
            </h3>
            {f.counts.length === 0 ? (
              <p className="hint">None.</p>
            ) : (
              <ul className="tags">
                {f.counts.map((c) => (
                  <li className="tag" key={c.key}>
                    {label(c.key)} · {c.count}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
