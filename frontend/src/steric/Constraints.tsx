/** The remit and constraints of a Task-and-Finish group, as a form. */
import { useState, type FormEvent } from "react";
import type { Sector, TeamInput } from "../api/generated";
import { useQuery } from "../api/hooks";
import { Field } from "../components/Field";
import { fieldErrors, type Refusal } from "../components/Outcome";
import { label } from "../format";
import { SECTORS } from "../vocabulary";
import { NamedCountFields, NO_NAMED_COUNTS, namedCountsInput, sectorEntries, type NamedCounts } from "./CountFields";

export interface Constraints extends NamedCounts {
  name: string;
  remit: string;
  requiredSkills: string[];
  themeIds: string[];
  size: number;
  /** Sector → the least number of members from it. */
  requiredSectors: Partial<Record<Sector, number>>;
  atLeastOneEarlyCareer: boolean;
  maxPerOrganisation: number;
  minRegions: number;
  minSigs: number;
  minDisciplines: number;
  respectCapacity: boolean;
}

export const DEFAULT_CONSTRAINTS: Constraints = {
  name: "",
  remit: "",
  requiredSkills: [],
  themeIds: [],
  size: 6,
  requiredSectors: { NHS: 1, ACADEMIA: 1, INDUSTRY: 1 },
  atLeastOneEarlyCareer: true,
  maxPerOrganisation: 1,
  minRegions: 3,
  minSigs: 2,
  minDisciplines: 2,
  respectCapacity: true,
  ...NO_NAMED_COUNTS,
};

/** The constraints as the API's TeamInput. */
export function teamInput(c: Constraints, locked: string[], excluded: string[]): TeamInput {
  return {
    text: c.remit,
    skills: c.requiredSkills,
    size: c.size,
    mustInclude: locked,
    exclude: excluded,
    maxPerOrganisation: c.maxPerOrganisation,
    requiredSectors: sectorEntries(c.requiredSectors)
      .filter(([, count]) => count > 0)
      .map(([sector, count]) => ({ sector, count })),
    minDistinctSigs: c.minSigs,
    minDistinctDisciplines: c.minDisciplines,
    minEarlyCareer: c.atLeastOneEarlyCareer ? 1 : 0,
    minRegions: c.minRegions,
    requireCapacity: c.respectCapacity,
    ...namedCountsInput(c),
  };
}

function numberField(value: string, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && value.trim() !== "" ? n : fallback;
}

interface Props {
  initial: Constraints;
  busy: boolean;
  refusal: Refusal | null;
  onSubmit: (c: Constraints) => void;
}

export function ConstraintsForm({ initial, busy, refusal, onSubmit }: Props) {
  const [c, setC] = useState(initial);
  const [skills, setSkills] = useState(initial.requiredSkills.join(", "));
  const themes = useQuery("Themes");
  const errors = fieldErrors(refusal);
  const num = (key: "size" | "maxPerOrganisation" | "minRegions" | "minSigs" | "minDisciplines") => (e: { target: { value: string } }) =>
    setC({ ...c, [key]: numberField(e.target.value, c[key]) });

  function submit(event: FormEvent) {
    event.preventDefault();
    const requiredSkills = [...new Set(skills.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean))];
    onSubmit({ ...c, requiredSkills });
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="remit-heading" noValidate>
      <h2 id="remit-heading">Remit and constraints</h2>
      <Field label="Group name" hint="Used when you save the group" error={errors.name}>
        {(a) => <input id={a.id} value={c.name} onChange={(e) => setC({ ...c, name: e.target.value })} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
      </Field>
      <Field label="Remit" hint="What the group is for and what it should produce: a report, guidance, a position statement." error={errors.text ?? errors.remit}>
        {(a) => <textarea id={a.id} rows={5} value={c.remit} onChange={(e) => setC({ ...c, remit: e.target.value })} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
      </Field>
      <Field label="Skills or disciplines that must be present" hint="Separate with commas; up to 10. Left empty, they are read from the remit." error={errors.skills}>
        {(a) => <input id={a.id} value={skills} onChange={(e) => setSkills(e.target.value)} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
      </Field>
      <div className="fields-2">
        <Field label="Group size" error={errors.size}>
          {(a) => <input id={a.id} type="number" min={2} max={20} value={c.size} onChange={num("size")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
        </Field>
        <Field label="Most from one organisation" error={errors.maxPerOrganisation ?? errors.maxPerOrg}>
          {(a) => <input id={a.id} type="number" min={1} max={20} value={c.maxPerOrganisation} onChange={num("maxPerOrganisation")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
        </Field>
        <Field label="Fewest distinct regions" hint="Regional spread" error={errors.minRegions}>
          {(a) => <input id={a.id} type="number" min={0} max={12} value={c.minRegions} onChange={num("minRegions")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
        </Field>
        <Field label="Fewest distinct SIGs" error={errors.minDistinctSigs}>
          {(a) => <input id={a.id} type="number" min={0} max={12} value={c.minSigs} onChange={num("minSigs")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
        </Field>
        <Field label="Fewest distinct disciplines" error={errors.minDistinctDisciplines}>
          {(a) => <input id={a.id} type="number" min={0} max={12} value={c.minDisciplines} onChange={num("minDisciplines")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
        </Field>
      </div>
      <fieldset>
        <legend>Sector mix: the least number from each</legend>
        <div className="fields-2">
          {SECTORS.map((s) => (
            <div className="field" key={s}>
              <label htmlFor={`sector-${s}`}>{label(s)}</label>
              <input
                id={`sector-${s}`}
                type="number"
                min={0}
                max={12}
                value={c.requiredSectors[s] ?? 0}
                onChange={(e) => setC({ ...c, requiredSectors: { ...c.requiredSectors, [s]: numberField(e.target.value, 0) } })}
              />
            </div>
          ))}
        </div>
        {errors.requiredSectors && <p className="field-error">{errors.requiredSectors}</p>}
      </fieldset>
      <NamedCountFields value={c} errors={errors} onChange={(counts) => setC({ ...c, ...counts })} />
      {themes.data && themes.data.themes.nodes.length > 0 && (
        <fieldset>
          <legend>Themes the group addresses</legend>
          <div className="fields-2">
            {themes.data.themes.nodes.map((t) => (
              <label className="check" key={t.id}>
                <input
                  type="checkbox"
                  checked={c.themeIds.includes(t.id)}
                  onChange={(e) => setC({ ...c, themeIds: e.target.checked ? [...c.themeIds, t.id] : c.themeIds.filter((x) => x !== t.id) })}
                />
                <span>{t.name}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <label className="check">
        <input type="checkbox" checked={c.atLeastOneEarlyCareer} onChange={(e) => setC({ ...c, atLeastOneEarlyCareer: e.target.checked })} />
        <span>At least one early-career member (trainee or early career)</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={c.respectCapacity} onChange={(e) => setC({ ...c, respectCapacity: e.target.checked })} />
        <span>Only members with room for another group (leave out anyone already at capacity)</span>
      </label>
      <button type="submit" disabled={busy || !c.remit.trim()}>
        {busy ? "Suggesting…" : "Suggest a group"}
      </button>
    </form>
  );
}
