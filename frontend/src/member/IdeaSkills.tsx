/**
 * The skills an idea needs, as chips: proposed from the skills vocabulary, then confirmed (or
 * edited) by the proposer before they invite anyone. The suggested team follows the confirmed skills.
 */
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "../api/hooks";
import { refusalOf, RefusalView, Saved } from "../components/Outcome";
import { ErrorState, Progress, Unavailable } from "../components/States";
import { labelsOf, resolveSkill, sameSkills, withSkill, type VocabularyEntry } from "./skillChips";

const MAX_SKILLS = 10;

function Chips({ names, onRemove }: { names: string[]; onRemove?: (name: string) => void }) {
  return (
    <ul className="tags" data-testid="idea-skills" aria-label="The idea's skills">
      {names.map((n) => (
        <li key={n} className="tag" data-testid="idea-skill">
          {n}
          {onRemove && (
            <button type="button" className="quiet small" aria-label={`Remove ${n}`} onClick={() => onRemove(n)}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function AddBox({ vocabulary, onAdd }: { vocabulary: VocabularyEntry[]; onAdd: (name: string) => void }) {
  const id = useId();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);

  function add(event: FormEvent) {
    event.preventDefault();
    const skill = resolveSkill(typed, vocabulary);
    if (!skill) {
      setError(typed.trim() ? `“${typed.trim()}” is not in the skills vocabulary; choose one of the suggestions.` : "Type a skill first.");
      return;
    }
    onAdd(skill.name);
    setTyped("");
    setError(null);
  }

  return (
    <form className="row" onSubmit={add} noValidate>
      <label htmlFor={id}>Add a skill</label>
      <input id={id} list={`${id}-labels`} value={typed} onChange={(e) => setTyped(e.target.value)} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} autoComplete="off" />
      <datalist id={`${id}-labels`}>
        {labelsOf(vocabulary).map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
      <button type="submit" className="secondary small">
        Add
      </button>
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

function Editor({ ideaId, start, confirmed, onConfirmed, onCancel }: { ideaId: string; start: string[]; confirmed: boolean; onConfirmed: () => void; onCancel?: () => void }) {
  const vocabulary = useQuery("SkillVocabulary");
  const confirm = useMutation("ConfirmIdeaSkills");
  const [chips, setChips] = useState(start);
  const refusal = refusalOf(confirm.data?.confirmIdeaSkills, ["IdeaSkillList"]);

  async function save() {
    const data = await confirm.run({ ideaId, skills: chips });
    if (data?.confirmIdeaSkills.__typename === "IdeaSkillList") onConfirmed();
  }

  return (
    <>
      <p className="hint">
        {confirmed ? "Change the skills, then confirm again." : "Proposed from your idea. Remove what does not fit, add what is missing, then confirm: the suggested team follows the confirmed skills."}
      </p>
      <Chips names={chips} onRemove={(n) => setChips(chips.filter((c) => c !== n))} />
      {chips.length === 0 && <p className="hint">No skills yet: add at least one.</p>}
      {vocabulary.status === "ok" && chips.length < MAX_SKILLS && <AddBox vocabulary={vocabulary.data.skillVocabulary} onAdd={(n) => setChips(withSkill(chips, n))} />}
      {vocabulary.status === "error" && <ErrorState error={vocabulary.error} retry={vocabulary.reload} />}
      <div className="row">
        <button type="button" disabled={confirm.running || chips.length === 0 || (confirmed && sameSkills(chips, start))} onClick={save}>
          {confirm.running ? "Confirming…" : "Confirm these skills"}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {refusal && <RefusalView refusal={refusal} />}
      {confirm.error && <ErrorState error={confirm.error} />}
    </>
  );
}

/** The idea's skills; its proposer (`canEdit`) confirms or changes them, then `onConfirmed` runs. */
export function IdeaSkills({ ideaId, canEdit, onConfirmed }: { ideaId: string; canEdit: boolean; onConfirmed: () => void }) {
  const skills = useQuery("IdeaSkills", { ideaId });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (skills.status === "unavailable") return <Unavailable what="The idea's skills" operation="IdeaSkills" />;
  if (skills.status === "error") return <ErrorState error={skills.error} retry={skills.reload} />;
  if (!skills.data) {
    // The panel keeps its heading while loading, so what is below it moves less when it arrives.
    return (
      <section className="panel" aria-labelledby="skills-heading" aria-busy="true">
        <h2 id="skills-heading">Skills the team needs</h2>
        <Progress label="Reading the skills the idea needs" />
      </section>
    );
  }
  const r = skills.data.ideaSkills;
  if (r.__typename !== "IdeaSkillList") return <RefusalView refusal={r} />;
  const names = r.skills.map((s) => s.name);

  function confirmed() {
    setEditing(false);
    setSaved(true);
    skills.reload();
    onConfirmed();
  }

  return (
    <section className="panel" aria-labelledby="skills-heading">
      <div className="spread">
        <h2 id="skills-heading">Skills the team needs</h2>
        <span className={`badge ${r.confirmed ? "ok" : "warn"}`} data-testid="skills-state">
          {r.confirmed ? "Confirmed" : "Not confirmed yet"}
        </span>
      </div>
      {canEdit && (editing || !r.confirmed) ? (
        <Editor key={names.join("|")} ideaId={ideaId} start={names} confirmed={r.confirmed} onConfirmed={confirmed} onCancel={r.confirmed ? () => setEditing(false) : undefined} />
      ) : (
        <>
          {!r.confirmed && <p className="hint">Read from the idea; its proposer has not confirmed them yet.</p>}
          <Chips names={names} />
          {canEdit && (
            <button type="button" className="secondary small" onClick={() => setEditing(true)}>
              Change the skills
            </button>
          )}
        </>
      )}
      {saved && !editing && <Saved>The skills are confirmed; the team below follows them.</Saved>}
    </section>
  );
}
