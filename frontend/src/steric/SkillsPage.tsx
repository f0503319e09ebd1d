/**
 * STERIC journey: curate the skills vocabulary that matching reads. Staff decide on the phrases
 * mined from members' evidence (`matchmaker skills mine`), add skills, give skills more
 * synonyms and say what each covers (its description, which skill derivation compares a whole
 * text with); the API's validation errors show beside the field they are about.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useMutation, useQuery } from "../api/hooks";
import { Field } from "../components/Field";
import { refusalOf, RefusalView, type Refusal } from "../components/Outcome";
import { Empty, ErrorState, QueryView } from "../components/States";
import { label, plural } from "../format";
import { byMembers, errorsByField, filterSkills, parseSynonyms, type Proposal, type VocabularySkill } from "./curation";
import { DescriptionField } from "./DescriptionField";

const KINDS = ["topic", "specialism"];
const SAVED = ["SkillSaved"];
const DESCRIPTION_HINT = "What the skill covers in practice: the work, equipment and tasks.";

type Say = (message: string) => void;

/** The refusal to show as a whole: one whose errors are not all about the form's own fields. */
function looseRefusal(refusal: Refusal | null, fields: string[]): Refusal | null {
  if (!refusal) return null;
  const errors = refusal.errors ?? [];
  return errors.length > 0 && errors.every((e) => fields.includes(e.field)) ? null : refusal;
}

function Proposals({ proposals, onDecided }: { proposals: Proposal[]; onDecided: (message: string) => void }) {
  const accept = useMutation("AcceptProposedSkill");
  const reject = useMutation("RejectProposedSkill");
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [decided, setDecided] = useState<{ id: string; index: number } | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const ordered = byMembers(proposals);
  const ids = ordered.map((p) => p.id).join("|");

  // The decided row leaves the list: focus moves to the one that took its place, so a keyboard
  // user carries on down the list (or to the heading once it is empty).
  useEffect(() => {
    if (decided === null || ids.split("|").includes(decided.id)) return;
    const rows = list.current?.querySelectorAll<HTMLButtonElement>("button[data-first]") ?? [];
    const next = rows[Math.min(decided.index, rows.length - 1)];
    (next ?? heading.current)?.focus();
    setDecided(null);
  }, [ids, decided]);

  async function decide(p: Proposal, index: number, verb: "accept" | "reject") {
    setBusy(p.id);
    setRefusal(null);
    accept.reset();
    reject.reset();
    const data = verb === "accept" ? (await accept.run({ skillId: p.id }))?.acceptProposedSkill : (await reject.run({ skillId: p.id }))?.rejectProposedSkill;
    setBusy(null);
    if (!data) return;
    const refused = refusalOf(data, SAVED);
    if (refused) {
      setRefusal({ ...refused, message: `“${p.name}” was not ${verb}ed: ${refused.message}` });
      return;
    }
    setDecided({ id: p.id, index });
    onDecided(verb === "accept" ? `Accepted “${p.name}”: it is in the vocabulary now.` : `Rejected “${p.name}”: it will not be proposed again.`);
  }

  const failed = accept.error ?? reject.error;
  return (
    <section className="panel" aria-labelledby="proposals-heading">
      <h2 id="proposals-heading" ref={heading} tabIndex={-1}>
        Proposed skills ({ordered.length})
      </h2>
      <p className="hint">Key phrases found in several members' evidence, most members first. Accept one to add it to the vocabulary; a rejected one is not proposed again.</p>
      {ordered.length === 0 ? (
        <Empty>No proposals wait for a decision. Mining members' evidence (matchmaker skills mine) proposes new ones.</Empty>
      ) : (
        <ul className="plain" data-testid="proposals" ref={list}>
          {ordered.map((p, i) => (
            <li key={p.id} className="person" data-testid="proposal">
              <span className="who-line">
                <strong>{p.name}</strong> <span className="meta">in the evidence of {plural(p.members, "member")}</span>
              </span>
              <span className="actions">
                <button type="button" className="small" data-first disabled={busy !== null} onClick={() => decide(p, i, "accept")}>
                  Accept<span className="visually-hidden"> {p.name}</span>
                </button>
                <button type="button" className="small danger" disabled={busy !== null} onClick={() => decide(p, i, "reject")}>
                  Reject<span className="visually-hidden"> {p.name}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {refusal && <RefusalView refusal={refusal} />}
      {failed && <ErrorState error={failed} />}
    </section>
  );
}

function AddSkillForm({ onAdded }: { onAdded: Say }) {
  const add = useMutation("AddSkill");
  const [name, setName] = useState("");
  const [kind, setKind] = useState("topic");
  const [synonyms, setSynonyms] = useState("");
  const [description, setDescription] = useState("");
  const form = useRef<HTMLFormElement>(null);
  const refusal = refusalOf(add.data?.addSkill, SAVED);
  const errors = errorsByField(refusal?.errors);

  // A refusal puts focus on the first field it is about, where its message is read out.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [add.data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const data = await add.run({ input: { name, kind, synonyms: parseSynonyms(synonyms), description } });
    const saved = data?.addSkill;
    if (saved?.__typename !== "SkillSaved") return;
    setName("");
    setSynonyms("");
    setDescription("");
    setKind("topic");
    const has = [saved.synonyms.length ? plural(saved.synonyms.length, "synonym") : "", saved.description ? "a description" : ""].filter(Boolean);
    onAdded(`Added “${saved.name}” to the vocabulary${has.length ? ` with ${has.join(" and ")}` : ""}.`);
  }

  const whole = looseRefusal(refusal, ["name", "kind", "synonyms", "description"]);
  return (
    <section className="panel" aria-labelledby="add-skill-heading">
      <h2 id="add-skill-heading">Add a skill</h2>
      <form ref={form} onSubmit={submit} noValidate data-testid="add-skill">
        <Field label="Skill name" hint="2 to 200 characters, not already a skill's name or synonym." error={errors.name}>
          {({ id, describedBy, invalid }) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} required autoComplete="off" />}
        </Field>
        <Field label="Kind" error={errors.kind}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={kind} onChange={(e) => setKind(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {label(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Synonyms" hint="Other names people use for it, separated by commas; at most 12." error={errors.synonyms}>
          {({ id, describedBy, invalid }) => <input id={id} value={synonyms} onChange={(e) => setSynonyms(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} autoComplete="off" />}
        </Field>
        <DescriptionField label="Description (optional)" hint={DESCRIPTION_HINT} value={description} onChange={setDescription} error={errors.description} />
        <button type="submit" disabled={add.running}>
          {add.running ? "Adding…" : "Add the skill"}
        </button>
      </form>
      {whole && <RefusalView refusal={whole} />}
      {add.error && <ErrorState error={add.error} />}
    </section>
  );
}

/** A row's editor's foot: save (busy while it runs), cancel, and what the service said. */
function EditorActions({ save, running, onCancel, refusal, error }: { save: string; running: boolean; onCancel: () => void; refusal: Refusal | null; error: Parameters<typeof ErrorState>[0]["error"] | undefined }) {
  return (
    <>
      <div className="row">
        <button type="submit" className="small" disabled={running}>
          {running ? "Saving…" : save}
        </button>
        <button type="button" className="small secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {refusal && <RefusalView refusal={refusal} />}
      {error && <ErrorState error={error} />}
    </>
  );
}

function SynonymForm({ skill, onSaved, onCancel }: { skill: VocabularySkill; onSaved: Say; onCancel: () => void }) {
  const add = useMutation("AddSkillSynonym");
  const [synonym, setSynonym] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const refusal = refusalOf(add.data?.addSkillSynonym, SAVED);
  const errors = errorsByField(refusal?.errors);

  useEffect(() => input.current?.focus(), [add.data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const data = await add.run({ skillId: skill.id, synonym });
    const saved = data?.addSkillSynonym;
    if (saved?.__typename === "SkillSaved") onSaved(`Added “${saved.synonyms[saved.synonyms.length - 1] ?? synonym}” as a synonym of “${saved.name}”.`);
  }

  function escape(event: KeyboardEvent) {
    if (event.key === "Escape") onCancel();
  }

  const whole = looseRefusal(refusal, ["synonym"]);
  return (
    <form className="synonym-form" onSubmit={submit} onKeyDown={escape} noValidate data-testid="add-synonym">
      <Field label={`New synonym for ${skill.name}`} error={errors.synonym}>
        {({ id, describedBy, invalid }) => <input id={id} ref={input} value={synonym} onChange={(e) => setSynonym(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} autoComplete="off" />}
      </Field>
      <EditorActions save="Save the synonym" running={add.running} onCancel={onCancel} refusal={whole} error={add.error} />
    </form>
  );
}

function DescriptionForm({ skill, onSaved, onCancel }: { skill: VocabularySkill; onSaved: Say; onCancel: () => void }) {
  const set = useMutation("SetSkillDescription");
  const [description, setDescription] = useState(skill.description);
  const input = useRef<HTMLTextAreaElement>(null);
  const refusal = refusalOf(set.data?.setSkillDescription, SAVED);
  const errors = errorsByField(refusal?.errors);

  useEffect(() => input.current?.focus(), [set.data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const data = await set.run({ skillId: skill.id, description });
    const saved = data?.setSkillDescription;
    if (saved?.__typename !== "SkillSaved") return;
    onSaved(saved.description ? `Saved the description of “${saved.name}”.` : `Cleared the description of “${saved.name}”: derived skills compare texts with its names only.`);
  }

  function escape(event: KeyboardEvent) {
    if (event.key === "Escape") onCancel();
  }

  const whole = looseRefusal(refusal, ["description"]);
  return (
    <form className="synonym-form" onSubmit={submit} onKeyDown={escape} noValidate data-testid="edit-description">
      <DescriptionField label={`Description of ${skill.name}`} hint={`${DESCRIPTION_HINT} Leave it empty to clear it.`} value={description} onChange={setDescription} error={errors.description} inputRef={input} />
      <EditorActions save="Save the description" running={set.running} onCancel={onCancel} refusal={whole} error={set.error} />
    </form>
  );
}

/** Which of a skill's forms is open: one at a time across the whole list. */
type Editing = "synonym" | "description";

function SkillRow({ skill, open, onOpen, onClose, onSaved }: { skill: VocabularySkill; open: Editing | null; onOpen: (what: Editing) => void; onClose: () => void; onSaved: Say }) {
  const toggles = { synonym: useRef<HTMLButtonElement>(null), description: useRef<HTMLButtonElement>(null) };
  // The form that is closing: its button gets focus back once it has gone.
  const closing = useRef<Editing | null>(null);
  useEffect(() => {
    if (open === null && closing.current) toggles[closing.current].current?.focus();
    closing.current = null;
  }, [open]);
  const close = (after?: () => void) => {
    closing.current = open;
    onClose();
    after?.();
  };
  const toggle = (what: Editing) => (open === what ? close() : onOpen(what));
  return (
    <li data-testid="vocabulary-skill">
      <div className="person">
        <div className="who-line">
          <strong>{skill.name}</strong> <span className="badge">{label(skill.kind)}</span>
          {skill.synonyms.length > 0 ? (
            <ul className="tags" aria-label={`Synonyms of ${skill.name}`}>
              {skill.synonyms.map((s) => (
                <li key={s} className="tag">
                  {s}
                </li>
              ))}
            </ul>
          ) : (
            <p className="meta">No synonyms yet.</p>
          )}
          {skill.description ? (
            <p data-testid="skill-description">{skill.description}</p>
          ) : (
            <p className="meta" data-testid="skill-description">
              No description yet: derived skills compare texts with its names only.
            </p>
          )}
        </div>
        <div className="actions">
          <button type="button" className="secondary small" ref={toggles.synonym} aria-expanded={open === "synonym"} onClick={() => toggle("synonym")}>
            Add a synonym<span className="visually-hidden"> to {skill.name}</span>
          </button>
          <button type="button" className="secondary small" ref={toggles.description} aria-expanded={open === "description"} onClick={() => toggle("description")}>
            Edit description<span className="visually-hidden"> of {skill.name}</span>
          </button>
        </div>
      </div>
      {open === "synonym" && <SynonymForm skill={skill} onCancel={() => close()} onSaved={(m) => close(() => onSaved(m))} />}
      {open === "description" && <DescriptionForm skill={skill} onCancel={() => close()} onSaved={(m) => close(() => onSaved(m))} />}
    </li>
  );
}

function Vocabulary({ skills, onSaved }: { skills: VocabularySkill[]; onSaved: Say }) {
  const filterId = useId();
  const [filter, setFilter] = useState("");
  const [editing, setEditing] = useState<{ id: string; what: Editing } | null>(null);
  const shown = filterSkills(skills, filter);
  return (
    <section className="panel" aria-labelledby="vocabulary-heading">
      <h2 id="vocabulary-heading">Vocabulary</h2>
      <p className="hint" data-testid="vocabulary-hint">
        Skills derived from an idea's text come from comparing that text with each skill's name and description, so say what a skill covers in practice.
      </p>
      <div className="field">
        <label htmlFor={filterId}>Filter the skills</label>
        <span className="hint" id={`${filterId}-hint`}>
          By name, kind or synonym.
        </span>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} aria-describedby={`${filterId}-hint`} autoComplete="off" />
      </div>
      <p className="meta" aria-live="polite" data-testid="vocabulary-count">
        {filter.trim() ? `${shown.length} of ${plural(skills.length, "skill")} match.` : `${plural(skills.length, "skill")}.`}
      </p>
      {shown.length === 0 ? (
        <Empty>No skill matches “{filter.trim()}”.</Empty>
      ) : (
        <ul className="plain" data-testid="vocabulary">
          {shown.map((s) => (
            <SkillRow key={s.id} skill={s} open={editing?.id === s.id ? editing.what : null} onOpen={(what) => setEditing({ id: s.id, what })} onClose={() => setEditing(null)} onSaved={onSaved} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function SkillsPage() {
  const curation = useQuery("SkillCuration");
  const [status, setStatus] = useState("");
  const { reload } = curation;
  const say = (message: string) => {
    setStatus(message);
    reload();
  };
  return (
    <>
      <h1 tabIndex={-1}>Skills vocabulary</h1>
      <p className="lede">
        The skills matching reads from members' evidence, ideas and remits. Decide on the phrases mined from members' evidence, add skills, give
        them the other names people use and say what each covers.
      </p>
      <p role="status" className={status ? "notice" : undefined} data-testid="curation-status">
        {status}
      </p>
      <QueryView state={curation} what="The skills vocabulary" operation="SkillCuration">
        {({ skillVocabulary, proposedSkills }) => (
          <div className="split">
            <div>
              <AddSkillForm onAdded={say} />
              <Proposals proposals={proposedSkills} onDecided={say} />
            </div>
            <Vocabulary skills={skillVocabulary} onSaved={say} />
          </div>
        )}
      </QueryView>
    </>
  );
}
