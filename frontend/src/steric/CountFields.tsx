/**
 * The constraints that name values: at least N from a region, at least N in a discipline,
 * at most N from a sector. Each is a mapping from a name to a count, as the API's TeamInput
 * takes it (requiredRegions, requiredDisciplines, maxPerSector).
 */
import type { Sector, TeamInput } from "../api/generated";
import { label } from "../format";
import { REGIONS, SECTORS, sectorOf } from "../vocabulary";

export interface DisciplineCount {
  discipline: string;
  count: number;
}

export interface NamedCounts {
  /** Region → the least number of members from it. */
  requiredRegions: Record<string, number>;
  /** Discipline → the least number of members in it, in the order typed. */
  requiredDisciplines: DisciplineCount[];
  /** Sector → the most members from it; a sector left out has no limit. */
  maxPerSector: Partial<Record<Sector, number>>;
}

/** A record by sector as [sector, count] pairs, in the order its sectors were set. */
export function sectorEntries(record: Partial<Record<Sector, number>>): [Sector, number][] {
  return Object.keys(record).flatMap((key): [Sector, number][] => {
    const sector = sectorOf(key);
    const count = sector ? record[sector] : undefined;
    return sector && count !== undefined ? [[sector, count]] : [];
  });
}

export const NO_NAMED_COUNTS: NamedCounts = { requiredRegions: {}, requiredDisciplines: [], maxPerSector: {} };

/** The counts as the API's TeamInput fields: zero minimums and blank disciplines left out. */
export function namedCountsInput(c: NamedCounts): Pick<TeamInput, "requiredRegions" | "requiredDisciplines" | "maxPerSector"> {
  return {
    requiredRegions: Object.entries(c.requiredRegions)
      .filter(([, count]) => count > 0)
      .map(([region, count]) => ({ region, count })),
    requiredDisciplines: c.requiredDisciplines
      .map((d) => ({ discipline: d.discipline.trim(), count: d.count }))
      .filter((d) => d.discipline !== "" && d.count > 0),
    maxPerSector: sectorEntries(c.maxPerSector).map(([sector, count]) => ({ sector, count })),
  };
}

function count(value: string): number {
  const n = Number(value);
  return Number.isFinite(n) && value.trim() !== "" ? n : 0;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

/** The first refusal for a field or any of its entries ("requiredRegions.Scotland"). */
function within(errors: Record<string, string>, field: string): string | undefined {
  return Object.entries(errors).find(([key]) => key === field || key.startsWith(`${field}.`))?.[1];
}

interface Props {
  value: NamedCounts;
  errors: Record<string, string>;
  onChange: (next: NamedCounts) => void;
}

function Regions({ value, errors, onChange }: Props) {
  return (
    <fieldset>
      <legend>Regions that must be present: the least number from each</legend>
      <div className="fields-2">
        {REGIONS.map((r) => (
          <div className="field" key={r}>
            <label htmlFor={`region-${r}`}>{r}</label>
            <input
              id={`region-${r}`}
              type="number"
              min={0}
              max={12}
              value={value.requiredRegions[r] ?? 0}
              onChange={(e) => onChange({ ...value, requiredRegions: { ...value.requiredRegions, [r]: count(e.target.value) } })}
            />
          </div>
        ))}
      </div>
      {within(errors, "requiredRegions") && <p className="field-error">{within(errors, "requiredRegions")}</p>}
    </fieldset>
  );
}

function Disciplines({ value, errors, onChange }: Props) {
  const rows = value.requiredDisciplines;
  const set = (i: number, row: DisciplineCount) =>
    onChange({ ...value, requiredDisciplines: rows.map((old, j) => (j === i ? row : old)) });
  return (
    <fieldset>
      <legend>Disciplines that must be present</legend>
      {rows.map((row, i) => (
        <div className="fields-2" key={i}>
          <div className="field">
            <label htmlFor={`discipline-${i}`}>Discipline {i + 1}</label>
            <input id={`discipline-${i}`} value={row.discipline} placeholder="e.g. Clinical engineering" onChange={(e) => set(i, { ...row, discipline: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`discipline-count-${i}`}>At least how many in discipline {i + 1}</label>
            <input id={`discipline-count-${i}`} type="number" min={1} max={12} value={row.count} onChange={(e) => set(i, { ...row, count: count(e.target.value) })} />
          </div>
          <button type="button" className="secondary" onClick={() => onChange({ ...value, requiredDisciplines: rows.filter((_, j) => j !== i) })}>
            Remove discipline {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange({ ...value, requiredDisciplines: [...rows, { discipline: "", count: 1 }] })}>
        Add a discipline
      </button>
      {within(errors, "requiredDisciplines") && <p className="field-error">{within(errors, "requiredDisciplines")}</p>}
    </fieldset>
  );
}

function SectorLimits({ value, errors, onChange }: Props) {
  return (
    <fieldset>
      <legend>Sector limits: the most from each (empty: no limit)</legend>
      <div className="fields-2">
        {SECTORS.map((s) => (
          <div className="field" key={s}>
            <label htmlFor={`sector-max-${s}`}>At most from {label(s)}</label>
            <input
              id={`sector-max-${s}`}
              type="number"
              min={0}
              max={12}
              value={value.maxPerSector[s] ?? ""}
              onChange={(e) =>
                onChange({
                  ...value,
                  maxPerSector: e.target.value.trim() === "" ? without(value.maxPerSector, s) : { ...value.maxPerSector, [s]: count(e.target.value) },
                })
              }
            />
          </div>
        ))}
      </div>
      {within(errors, "maxPerSector") && <p className="field-error">{within(errors, "maxPerSector")}</p>}
    </fieldset>
  );
}

export function NamedCountFields(props: Props) {
  return (
    <>
      <SectorLimits {...props} />
      <Regions {...props} />
      <Disciplines {...props} />
    </>
  );
}
