/** STERIC journey: remit and constraints in, a suggested Task-and-Finish group out; swap, lock, save. */
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery } from "../api/hooks";
import { refusalOf, RefusalView, Saved, type Refusal } from "../components/Outcome";
import { Empty, ErrorState, Progress, Unavailable } from "../components/States";
import { useFocusAfter } from "../components/focus";
import { plural } from "../format";
import { Link } from "../router";
import { InfeasibleView, TeamView } from "../team/TeamView";
import { useRecordShown } from "../team/shown";
import type { TeamResult, TeamSuggestion } from "../team/types";
import { ConstraintsForm, DEFAULT_CONSTRAINTS, teamInput, type Constraints } from "./Constraints";
import { DownloadCsv } from "../export/DownloadCsv";
import { gapRows, TEAM_HEADER, teamRows } from "../export/tables";
import { FIRST_ASK, locksAfterSwap, suggestAsk, swapAsk, toggle, type Ask as Request } from "./locks";

type Ask = Request & { constraints: Constraints };

function SaveGroup({ constraints, team }: { constraints: Constraints; team: TeamSuggestion }) {
  const save = useMutation("CreateTaskGroup");
  const [name, setName] = useState(constraints.name);
  const open = useFocusAfter<HTMLAnchorElement>(); // the form gives way to the link to the group
  if (!save.available) return <Unavailable what="Saving a group" operation="CreateTaskGroup" />;
  const result = save.data?.createTaskGroup;
  const refusal = refusalOf(result, ["GroupSaved"]);
  if (result?.__typename === "GroupSaved") {
    return (
      <Saved>
        Saved “{result.group.name}” as a draft with {plural(team.members.length, "proposed member")}: nobody is asked yet.{" "}
        <Link ref={open.ref} to={`/groups/${encodeURIComponent(result.group.id)}`}>
          Open the group
        </Link> to set a chair, edit it and send the invitations.
      </Saved>
    );
  }
  const input = { name, remit: constraints.remit, themeIds: constraints.themeIds, memberIds: team.members.map((m) => m.memberId) };
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        open.moveFocus();
        void save.run({ input });
      }}
    >
      <label htmlFor="save-name">Name of the group</label>
      <input id="save-name" value={name} onChange={(e) => setName(e.target.value)} style={{ maxWidth: "22rem" }} />
      <button type="submit" disabled={save.running || !name.trim()}>
        {save.running ? "Saving…" : "Save as a draft"}
      </button>
      {refusal && <RefusalView refusal={refusal} />}
      {save.error && <ErrorState error={save.error} />}
    </form>
  );
}

interface ResultProps {
  ask: Ask;
  locked: string[];
  result: TeamResult;
  busy: boolean;
  onLock: (id: string) => void;
  onSwap: (id: string, team: TeamSuggestion) => void;
}

function Result({ ask, locked: lockedIds, result, busy, onLock, onSwap }: ResultProps) {
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
        rowClass={(m) => (lockedIds.includes(m.memberId) ? "locked" : "")}
        badges={(m) => (lockedIds.includes(m.memberId) ? <span className="badge ok">Locked</span> : null)}
        actions={(m) => {
          const locked = lockedIds.includes(m.memberId);
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
        <p>
          <DownloadCsv title={ask.constraints.name || "Suggested group"} header={TEAM_HEADER} rows={() => [...teamRows(team), ...gapRows(team)]} what="the group" />
        </p>
        <SaveGroup key={team.members.map((m) => m.memberId).join()} constraints={ask.constraints} team={team} />
      </section>
    </>
  );
}

/**
 * Moves focus to the answer, and scrolls it into view, each time the form is answered (the
 * first suggestion and every re-suggestion), so on a phone the answer is seen; swaps and locks
 * leave focus where it is.
 */
function useFocusOnAnswer(ask: Ask | null, status: string) {
  const waiting = useRef(false);
  useEffect(() => {
    if (status === "loading") {
      waiting.current = true;
      return;
    }
    if (!waiting.current) return;
    waiting.current = false;
    if (ask?.kept !== null) return;
    const target = document.querySelector<HTMLElement>("#team-heading, [data-testid=infeasible], .state-error");
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: "start" });
  }, [ask, status]);
}

/** Once a swap is answered (not before: the team on screen is the old one), the newcomer is
 * locked. The swap button was disabled while asking and its row is gone, so the focus it had
 * goes to the newcomer's Lock button. */
function useLockNewcomers(ask: Ask | null, team: TeamSuggestion | null, status: string, setLocked: (f: (l: string[]) => string[]) => void) {
  const waiting = useRef(false);
  useEffect(() => {
    if (status === "loading") {
      waiting.current = true;
      return;
    }
    if (!waiting.current || status !== "ok") return;
    waiting.current = false;
    const kept = ask?.kept;
    if (!kept || !team) return;
    setLocked((locked) => locksAfterSwap(locked, kept, team.members.map((m) => m.memberId)));
    const newcomer = team.members.find((m) => !kept.includes(m.memberId));
    if (newcomer && (document.activeElement === null || document.activeElement === document.body)) {
      document.querySelector<HTMLButtonElement>(`button[aria-label="Lock ${CSS.escape(newcomer.name)}"]`)?.focus();
    }
  }, [ask, team, status, setLocked]);
}

function LockBar({ locked, busy, onUnlockAll }: { locked: string[]; busy: boolean; onUnlockAll: () => void }) {
  if (locked.length === 0) return null;
  return (
    <div className="row lock-bar" data-testid="lock-bar">
      <span className="meta">
        {plural(locked.length, "person", "people")} locked: kept in every new suggestion.
      </span>
      <button type="button" className="secondary small" disabled={busy} onClick={onUnlockAll}>
        Unlock all
      </button>
    </div>
  );
}

export function AssemblePage() {
  const [ask, setAsk] = useState<Ask | null>(null);
  const [locked, setLocked] = useState<string[]>([]);
  // Nothing is asked until the form is sent (the query is skipped while `ask` is null).
  const variables = { input: ask ? teamInput(ask.constraints, ask.mustInclude, ask.excluded) : {} };
  const team = useQuery("SuggestTeam", variables, ask === null);
  const result = team.data?.suggestTeam;
  useRecordShown(result);
  const current = result?.__typename === "TeamSuggestion" ? result : null;
  const refusal: Refusal | null = result?.__typename === "ValidationErrors" ? result : null;
  const busy = ask !== null && team.status === "loading";
  useFocusOnAnswer(ask, ask === null ? "idle" : team.status);
  useLockNewcomers(ask, current, ask === null ? "idle" : team.status, setLocked);

  // Locking keeps a person through every later suggestion; it changes nobody now.
  const lock = (id: string) => setLocked((l) => toggle(l, id));
  // Swapping keeps everyone else in place for this request and asks for the best replacement.
  const swap = (id: string, shown: TeamSuggestion) =>
    ask && setAsk({ ...swapAsk(ask, shown.members.map((m) => m.memberId), id), constraints: ask.constraints });

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
            onSubmit={(constraints) => {
              const next = { ...suggestAsk(ask ?? FIRST_ASK, locked), constraints };
              const same = ask !== null && JSON.stringify(teamInput(constraints, next.mustInclude, next.excluded)) === JSON.stringify(variables.input);
              setAsk(next);
              if (same) team.reload(); // the same question asked again is still answered afresh
            }}
          />
          <div aria-live="polite" aria-busy={busy}>
            <LockBar locked={locked} busy={busy} onUnlockAll={() => setLocked([])} />
            {ask === null && <Empty>Write a remit and press “Suggest a group”.</Empty>}
            {busy && <Progress label={current ? "Updating the group" : "Assembling a group"} detail="Weighing expertise, coverage, diversity and capacity." />}
            {ask && team.status === "error" && <ErrorState error={team.error} retry={team.reload} />}
            {ask && result && <Result ask={ask} locked={locked} result={result} busy={busy} onLock={lock} onSwap={swap} />}
          </div>
        </div>
      )}
    </>
  );
}
