/** STERIC journey: remit and constraints in, a suggested Task-and-Finish group out; swap, lock, save. */
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery } from "../api/hooks";
import { refusalOf, RefusalView, Saved, type Refusal } from "../components/Outcome";
import { Empty, ErrorState, Progress, Unavailable } from "../components/States";
import { plural } from "../format";
import { Link } from "../router";
import { InfeasibleView, TeamView } from "../team/TeamView";
import { useRecordShown } from "../team/shown";
import type { TeamResult, TeamSuggestion } from "../team/types";
import { ConstraintsForm, DEFAULT_CONSTRAINTS, teamInput, type Constraints } from "./Constraints";

interface Ask {
  constraints: Constraints;
  locked: string[];
  excluded: string[];
}

type SaveResult = { __typename: string; group?: { id: string; name: string }; message?: string };

function SaveGroup({ constraints, team }: { constraints: Constraints; team: TeamSuggestion }) {
  const save = useMutation<{ createTaskGroup: SaveResult }>("CreateTaskGroup");
  const [name, setName] = useState(constraints.name);
  if (!save.available) return <Unavailable what="Saving a group" operation="CreateTaskGroup" />;
  const result = save.data?.createTaskGroup;
  const refusal = refusalOf(result, ["GroupSaved"]);
  if (result?.group) {
    return (
      <Saved>
        Saved “{result.group.name}” with {plural(team.members.length, "member")}.{" "}
        <Link to={`/groups/${encodeURIComponent(result.group.id)}`}>Open the group</Link>
      </Saved>
    );
  }
  const input = { name, remit: constraints.remit, themeIds: constraints.themeIds, memberIds: team.members.map((m) => m.memberId) };
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run({ input });
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

function Result({ ask, result, busy, onLock, onSwap }: { ask: Ask; result: TeamResult; busy: boolean; onLock: (id: string) => void; onSwap: (id: string, team: TeamSuggestion) => void }) {
  if (result.__typename === "InfeasibleConstraints") return <InfeasibleView result={result} />;
  if (result.__typename === "ValidationErrors") return <RefusalView refusal={result} />;
  if (result.__typename !== "TeamSuggestion") {
    return (
      <div className="state state-error" role="alert">
        {result.message}
      </div>
    );
  }
  const team = result;
  return (
    <>
      <TeamView
        team={team}
        heading="Suggested group"
        rowClass={(m) => (ask.locked.includes(m.memberId) ? "locked" : "")}
        badges={(m) => (ask.locked.includes(m.memberId) ? <span className="badge ok">Locked</span> : null)}
        actions={(m) => {
          const locked = ask.locked.includes(m.memberId);
          return (
            <>
              <button type="button" className="secondary small" aria-pressed={locked} disabled={busy} onClick={() => onLock(m.memberId)} aria-label={`Lock ${m.name}`}>
                {locked ? "Locked" : "Lock"}
              </button>
              <button type="button" className="quiet small" disabled={busy || locked} onClick={() => onSwap(m.memberId, team)} aria-label={`Swap out ${m.name}`}>
                Swap
              </button>
            </>
          );
        }}
      />
      <section className="panel" aria-labelledby="save-heading">
        <h2 id="save-heading">Save</h2>
        <SaveGroup key={team.members.map((m) => m.memberId).join()} constraints={ask.constraints} team={team} />
      </section>
    </>
  );
}

/**
 * Moves focus to the result's heading when a request is answered after the form was sent,
 * so on a phone the answer comes into view; swaps and locks leave focus where it is.
 */
function useFocusOnFirstResult(kind: string | undefined) {
  const shown = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (kind && shown.current === undefined) {
      document.querySelector<HTMLElement>("#team-heading, [data-testid=infeasible], .state-error")?.focus();
    }
    shown.current = kind;
  }, [kind]);
}

export function AssemblePage() {
  const [ask, setAsk] = useState<Ask | null>(null);
  const variables = ask ? { input: teamInput(ask.constraints, ask.locked, ask.excluded) } : {};
  const team = useQuery<{ suggestTeam: TeamResult }>("SuggestTeam", variables, ask === null);
  const result = team.data?.suggestTeam;
  useRecordShown(result);
  const current = result?.__typename === "TeamSuggestion" ? result : null;
  const refusal: Refusal | null = result?.__typename === "ValidationErrors" ? result : null;
  const busy = ask !== null && team.status === "loading";
  useFocusOnFirstResult(result?.__typename);

  // Locking keeps a person through every later suggestion; it changes nobody now.
  const lock = (id: string) =>
    ask && setAsk({ ...ask, locked: ask.locked.includes(id) ? ask.locked.filter((x) => x !== id) : [...ask.locked, id] });
  // Swapping keeps everyone else in place and asks for the best replacement of one person.
  const swap = (id: string, shown: TeamSuggestion) =>
    ask && setAsk({ ...ask, locked: shown.members.map((m) => m.memberId).filter((x) => x !== id), excluded: [...ask.excluded, id] });

  return (
    <>
      <h1 tabIndex={-1}>Assemble a Task-and-Finish group</h1>
      <p className="lede">
        Write the remit and set the constraints; the matchmaker suggests a group with its coverage and gaps. Lock the people
        you want to keep, swap anyone out, then save.
      </p>
      {team.status === "unavailable" ? (
        <Unavailable what="Suggesting a group" operation="SuggestTeam" />
      ) : (
        <div className="split">
          <ConstraintsForm
            initial={ask?.constraints ?? DEFAULT_CONSTRAINTS}
            busy={busy}
            refusal={refusal}
            onSubmit={(constraints) => setAsk({ constraints, locked: ask?.locked ?? [], excluded: ask?.excluded ?? [] })}
          />
          <div aria-live="polite" aria-busy={busy}>
            {ask === null && <Empty>Write a remit and press “Suggest a group”.</Empty>}
            {busy && <Progress label={current ? "Updating the group" : "Assembling a group"} detail="Weighing expertise, coverage, diversity and capacity." />}
            {ask && team.status === "error" && <ErrorState error={team.error} retry={team.reload} />}
            {ask && result && <Result ask={ask} result={result} busy={busy} onLock={lock} onSwap={swap} />}
          </div>
        </div>
      )}
    </>
  );
}
