/** The remit and constraints of a Task-and-Finish group, as a form. */
import { useState, type FormEvent } from "react";
import { Field } from "../components/Field";
import { fieldErrors, type Refusal } from "../components/Outcome";
import { label } from "../format";
import { SECTORS } from "../vocabulary";

export interface Constraints {
  name: string;
  remit: string;
  requiredSkills: string[];
  size: number;
  requiredSectors: string[];
  atLeastOneEarlyCareer: boolean;
  maxPerOrganisation: number;
  minRegions: number;
  minSigs: number;
  respectCapacity: boolean;
}

export const DEFAULT_CONSTRAINTS: Constraints = {
  name: "",
  remit: "",
  requiredSkills: [],
  size: 6,
  requiredSectors: ["NHS", "ACADEMIA", "INDUSTRY"],
  atLeastOneEarlyCareer: true,
  maxPerOrganisation: 1,
  minRegions: 3,
  minSigs: 2,
  respectCapacity: true,
};

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
  const errors = fieldErrors(refusal);
  const num = (key: "size" | "maxPerOrganisation" | "minRegions" | "minSigs") => (e: { target: { value: string } }) =>
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
      <Field label="Remit" hint="What the group is for and what it should produce: a report, guidance, a position statement." error={errors.remit}>
        {(a) => <textarea id={a.id} rows={5} value={c.remit} onChange={(e) => setC({ ...c, remit: e.target.value })} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
      </Field>
      <Field label="Skills or disciplines that must be present" hint="Separate with commas" error={errors.requiredSkills}>
        {(a) => <input id={a.id} value={skills} onChange={(e) => setSkills(e.target.value)} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
      </Field>
      <div className="fields-2">
        <Field label="Group size" error={errors.size}>
          {(a) => <input id={a.id} type="number" min={2} max={20} value={c.size} onChange={num("size")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
        </Field>
        <Field label="Most from one organisation" error={errors.maxPerOrganisation}>
          {(a) => <input id={a.id} type="number" min={1} max={20} value={c.maxPerOrganisation} onChange={num("maxPerOrganisation")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
        </Field>
        <Field label="Fewest distinct regions" hint="Regional spread" error={errors.minRegions}>
          {(a) => <input id={a.id} type="number" min={0} max={12} value={c.minRegions} onChange={num("minRegions")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
        </Field>
        <Field label="Fewest distinct SIGs" error={errors.minSigs}>
          {(a) => <input id={a.id} type="number" min={0} max={12} value={c.minSigs} onChange={num("minSigs")} aria-describedby={a.describedBy} aria-invalid={a.invalid} />}
        </Field>
      </div>
      <fieldset>
        <legend>Sectors that must be present</legend>
        <div className="fields-2">
          {SECTORS.map((s) => (
            <label className="check" key={s}>
              <input
                type="checkbox"
                checked={c.requiredSectors.includes(s)}
                onChange={(e) => setC({ ...c, requiredSectors: e.target.checked ? [...c.requiredSectors, s] : c.requiredSectors.filter((x) => x !== s) })}
              />
              <span>{label(s)}</span>
            </label>
          ))}
        </div>
        {errors.requiredSectors && <p className="field-error">{errors.requiredSectors}</p>}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={c.atLeastOneEarlyCareer} onChange={(e) => setC({ ...c, atLeastOneEarlyCareer: e.target.checked })} />
        <span>At least one early-career member (trainee or early career)</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={c.respectCapacity} onChange={(e) => setC({ ...c, respectCapacity: e.target.checked })} />
        <span>Nobody already overloaded (respect each member's capacity)</span>
      </label>
      <button type="submit" disabled={busy || !c.remit.trim()}>
        {busy ? "Suggesting…" : "Suggest a group"}
      </button>
    </form>
  );
}
