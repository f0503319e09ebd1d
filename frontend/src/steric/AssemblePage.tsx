/** STERIC journey: remit and constraints in, a suggested Task-and-Finish group out; swap, lock, save. */
import { useState } from "react";
import { useMutation, useQuery } from "../api/hooks";
import { Diversity, SkillCoverage, type Count } from "../components/Coverage";
import { refusalOf, RefusalView, Saved, type Refusal } from "../components/Outcome";
import { PersonRow, type PersonSummary } from "../components/Person";
import { Empty, ErrorState, Progress, Unavailable } from "../components/States";
import { percent, plural } from "../format";
import { Link } from "../router";
import { ConstraintsForm, DEFAULT_CONSTRAINTS, type Constraints } from "./Constraints";

interface Seat {
  score: number;
  reasons: string[];
  skills: string[];
  member: PersonSummary;
}

interface Suggestion {
  __typename: "TeamSuggestion";
  members: Seat[];
  coverage: { score: number; covered: string[]; gaps: string[] };
  diversity: { sectors: Count[]; sigs: Count[]; careerStages: Count[]; regions: Count[] };
  warnings: string[];
}

type Result =
  | Suggestion
  | { __typename: "InfeasibleConstraints"; message: string; violated: string[] }
  | { __typename: "ValidationErrors"; message: string; errors: { field: string; message: string }[] };

interface Ask {
  constraints: Constraints;
  locked: string[];
  excluded: string[];
}

function requestOf(ask: Ask) {
  const { name: _name, ...rest } = ask.constraints;
  return { ...rest, lockedIds: ask.locked, excludedIds: ask.excluded };
}

function SaveGroup({ constraints, members }: { constraints: Constraints; members: Seat[] }) {
  const save = useMutation<{ createTaskGroup: { __typename: string; group?: { id: string; name: string }; message?: string } }>("CreateTaskGroup");
  const [name, setName] = useState(constraints.name);
  if (!save.available) return <Unavailable what="Saving a group" operation="CreateTaskGroup" />;
  const result = save.data?.createTaskGroup;
  const refusal = refusalOf(result, ["GroupSaved"]);
  if (result?.group) {
    return (
      <Saved>
        Saved “{result.group.name}” with {plural(members.length, "member")}.{" "}
        <Link to={`/groups/${encodeURIComponent(result.group.id)}`}>Open the group</Link>
      </Saved>
    );
  }
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run({ input: { name, remit: constraints.remit, memberIds: members.map((s) => s.member.id) } });
      }}
    >
      <label htmlFor="save-name">Name of the group</label>
      <input id="save-name" value={name} onChange={(e) => setName(e.target.value)} style={{ maxWidth: "22rem" }} />
      <button type="submit" disabled={save.running || !name.trim()}>
        {save.running ? "Saving…" : "Save the group"}
      </button>
      {refusal && <RefusalView refusal={refusal} />}
      {save.error && <ErrorState error={save.error} />}
    </form>
  );
}

function Team({ s, ask, onLock, onSwap, busy }: { s: Suggestion; ask: Ask; onLock: (id: string) => void; onSwap: (id: string) => void; busy: boolean }) {
  return (
    <>
      <section className="panel" aria-labelledby="team-heading">
        <div className="spread">
          <h2 id="team-heading">Suggested group</h2>
          <span className="meta" aria-live="polite" data-testid="team-summary">
            {plural(s.members.length, "person", "people")} · coverage {percent(s.coverage.score)} · {plural(s.coverage.gaps.length, "gap")}
          </span>
        </div>
        {s.warnings.length > 0 && (
          <ul className="state state-unavailable" aria-label="Warnings">
            {s.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        )}
        {s.members.length === 0 ? (
          <Empty>Nobody fits. Loosen the constraints.</Empty>
        ) : (
          <ul className="plain" data-testid="team">
            {s.members.map((seat) => {
              const locked = ask.locked.includes(seat.member.id);
              return (
                <PersonRow
                  key={seat.member.id}
                  person={seat.member}
                  score={seat.score}
                  reasons={seat.reasons}
                  className={locked ? "locked" : ""}
                  testId="team-member"
                  badges={locked ? <span className="badge ok">Locked</span> : null}
                  actions={
                    <>
                      <button type="button" className="secondary small" aria-pressed={locked} onClick={() => onLock(seat.member.id)} aria-label={`${locked ? "Unlock" : "Lock"} ${seat.member.name}`}>
                        {locked ? "Locked" : "Lock"}
                      </button>
                      <button type="button" className="quiet small" disabled={busy || locked} onClick={() => onSwap(seat.member.id)} aria-label={`Swap out ${seat.member.name}`}>
                        Swap
                      </button>
                    </>
                  }
                />
              );
            })}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">Coverage and gaps</h2>
        <SkillCoverage covered={s.coverage.covered} gaps={s.coverage.gaps} score={s.coverage.score} />
      </section>
      <section className="panel" aria-labelledby="diversity-heading">
        <h2 id="diversity-heading">Diversity</h2>
        <Diversity
          facets={[
            { name: "Sectors", counts: s.diversity.sectors },
            { name: "SIGs", counts: s.diversity.sigs },
            { name: "Career stages", counts: s.diversity.careerStages },
            { name: "Regions", counts: s.diversity.regions },
          ]}
        />
      </section>
    </>
  );
}

function Infeasible({ message, violated }: { message: string; violated: string[] }) {
  return (
    <div className="state state-unavailable" role="alert" data-testid="infeasible">
      <p>
        <strong>No group meets every constraint.</strong> {message}
      </p>
      {violated.length > 0 && (
        <ul>
          {violated.map((v) => (
            <li key={v}>{v}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function AssemblePage() {
  const [ask, setAsk] = useState<Ask | null>(null);
  const team = useQuery<{ suggestTeam: Result }>("SuggestGroup", ask ? { input: requestOf(ask) } : {}, ask === null);
  const result = team.data?.suggestTeam;
  const current = result?.__typename === "TeamSuggestion" ? result : null;
  const refusal: Refusal | null = result?.__typename === "ValidationErrors" ? result : null;
  const busy = team.status === "loading" && ask !== null;

  const lock = (id: string) =>
    ask && setAsk({ ...ask, locked: ask.locked.includes(id) ? ask.locked.filter((x) => x !== id) : [...ask.locked, id] });
  // Swapping keeps everyone else in place and asks for the best replacement of one person.
  const swap = (id: string) =>
    ask && current && setAsk({ ...ask, locked: current.members.map((s) => s.member.id).filter((x) => x !== id), excluded: [...ask.excluded, id] });

  return (
    <>
      <h1 tabIndex={-1}>Assemble a Task-and-Finish group</h1>
      <p className="lede">
        Write the remit and set the constraints; the matchmaker suggests a group with its coverage and gaps. Lock the people
        you want to keep, swap anyone out, then save.
      </p>
      {team.status === "unavailable" ? (
        <Unavailable what="Suggesting a group" operation="SuggestGroup" />
      ) : (
        <div className="split">
          <ConstraintsForm
            initial={ask?.constraints ?? DEFAULT_CONSTRAINTS}
            busy={busy}
            refusal={refusal}
            onSubmit={(constraints) => setAsk({ constraints, locked: ask?.locked ?? [], excluded: ask?.excluded ?? [] })}
          />
          <div aria-live="polite">
            {ask === null && <Empty>Write a remit and press “Suggest a group”.</Empty>}
            {busy && <Progress label={current ? "Updating the group" : "Assembling a group"} detail="Weighing expertise, coverage, diversity and capacity." />}
            {ask && team.status !== "loading" && team.error && <ErrorState error={team.error} retry={team.reload} />}
            {result?.__typename === "InfeasibleConstraints" && <Infeasible message={result.message} violated={result.violated} />}
            {refusal && <RefusalView refusal={refusal} />}
            {current && ask && (
              <>
                <Team s={current} ask={ask} onLock={lock} onSwap={swap} busy={busy} />
                <section className="panel" aria-labelledby="save-heading">
                  <h2 id="save-heading">Save</h2>
                  <SaveGroup constraints={ask.constraints} members={current.members} />
                </section>
              </>
            )}
          </div>
        </div>
      )}
    </>
  );
}
