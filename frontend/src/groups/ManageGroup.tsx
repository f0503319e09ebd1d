/** STERIC staff's page for a Task-and-Finish group: edit it while it forms, invite, activate, close, export. */
import { useState, type ReactNode } from "react";
import { useFocusAfter } from "../components/focus";
import { useQuery } from "../api/hooks";
import { RefusalView, Saved, type Refusal } from "../components/Outcome";
import { useGroupChange } from "./useGroupChange";
import { PersonRow } from "../components/Person";
import { Empty, ErrorState, QueryView } from "../components/States";
import { DownloadCsv } from "../export/DownloadCsv";
import { plural } from "../format";
import { Link } from "../router";
import { ThemeTags } from "../member/CallsPage";
import { AddMember } from "./AddMember";
import { GROUP_HEADER, groupRows } from "./exportRows";
import { canChair, canRemove, EDITABLE, INVITATION_TEXT, seatOrder, standing, STATE_TEXT, type Lifecycle, type Seat } from "./types";
import "./groups.css";

function Messages({ refusal, done, error }: { refusal: Refusal | null; done: string | null; error?: Parameters<typeof ErrorState>[0]["error"] }) {
  return (
    <>
      {done && <Saved>{done}</Saved>}
      {refusal && <RefusalView refusal={refusal} />}
      {error && <ErrorState error={error} />}
    </>
  );
}

function DetailsForm({ group, onChanged }: { group: Lifecycle; onChanged: () => void }) {
  const [name, setName] = useState(group.name);
  const [remit, setRemit] = useState(group.remit);
  const [minimum, setMinimum] = useState(String(group.minimumAccepted));
  const change = useGroupChange("GroupUpdate", onChanged);
  const input = { name, remit, minimumAccepted: Number(minimum) };
  return (
    <form
      className="group-details"
      onSubmit={(e) => {
        e.preventDefault();
        void change.run({ groupId: group.id, input }, () => "Saved the group's details.");
      }}
    >
      <label htmlFor="group-name">Name of the group</label>
      <input id="group-name" value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="group-remit">Remit</label>
      <textarea id="group-remit" rows={4} value={remit} onChange={(e) => setRemit(e.target.value)} />
      <label htmlFor="group-minimum">Acceptances needed to activate</label>
      <input id="group-minimum" type="number" min={1} max={30} inputMode="numeric" value={minimum} onChange={(e) => setMinimum(e.target.value)} />
      <div className="row">
        <button type="submit" disabled={change.running}>
          {change.running ? "Saving…" : "Save changes"}
        </button>
      </div>
      <Messages refusal={change.refusal} done={change.done} error={change.error} />
    </form>
  );
}

function invitationBadge(seat: Seat): ReactNode {
  const tone = { ACCEPTED: "ok", INVITED: "warn", PROPOSED: "", DECLINED: "bad" }[seat.invitation];
  return (
    <>
      {seat.role === "chair" && <span className="badge ok">Chair</span>}{" "}
      <span className={`badge ${tone}`} data-testid="invitation">
        {INVITATION_TEXT[seat.invitation]}
      </span>
    </>
  );
}

function Seats({ group, onChanged }: { group: Lifecycle; onChanged: () => void }) {
  const chair = useGroupChange("GroupSetChair", onChanged);
  const remove = useGroupChange("GroupRemoveMember", onChanged);
  const busy = chair.running || remove.running;
  const seats = seatOrder(group.seats);
  const nameOf = (s: Seat) => s.member?.name ?? "a member you may not see";
  return (
    <section className="panel" aria-labelledby="seats-heading">
      <h2 id="seats-heading">{plural(seats.length, "person", "people")} proposed</h2>
      <Messages refusal={chair.refusal ?? remove.refusal} done={chair.done ?? remove.done} error={chair.error ?? remove.error} />
      {seats.length === 0 ? (
        <Empty>Nobody is proposed yet: add members below.</Empty>
      ) : (
        <ul className="plain">
          {seats.map((s) => (
            <PersonRow
              key={s.memberId}
              testId="group-seat"
              person={s.member ?? { id: s.memberId, name: "A member you may not see" }}
              badges={invitationBadge(s)}
              actions={
                EDITABLE.includes(group.state) && (
                  <>
                    {canChair(group, s) && (
                      <button type="button" className="secondary small" disabled={busy} aria-label={`Make chair: ${nameOf(s)}`}
                        onClick={() => void chair.run({ groupId: group.id, memberId: s.memberId }, () => `${nameOf(s)} is the chair.`)}>
                        Make chair
                      </button>
                    )}
                    {canRemove(group, s) && (
                      <button type="button" className="quiet small" disabled={busy} aria-label={`Remove ${nameOf(s)}`}
                        onClick={() => void remove.run({ groupId: group.id, memberId: s.memberId }, () => `Removed ${nameOf(s)}.`)}>
                        Remove
                      </button>
                    )}
                  </>
                )
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function StateActions({ group, onChanged }: { group: Lifecycle; onChanged: () => void }) {
  const send = useGroupChange("GroupSendInvitations", onChanged);
  const activate = useGroupChange("GroupActivate", onChanged);
  const close = useGroupChange("GroupClose", onChanged);
  const [closing, setClosing] = useState(false);
  // The focus follows the question: to its "Yes", back to "Close the group" when kept open,
  // and to the group's standing once closed (the button it was on is gone).
  const yes = useFocusAfter<HTMLButtonElement>();
  const ask = useFocusAfter<HTMLButtonElement>();
  const standingFocus = useFocusAfter<HTMLParagraphElement>();
  const busy = send.running || activate.running || close.running;
  const proposed = group.seats.filter((s) => s.invitation === "PROPOSED").length;
  // The outcome shown is the last action's: a refused activation after invitations went out.
  const [latest, setLatest] = useState<"send" | "activate" | "close" | null>(null);
  const last = latest && { send, activate, close }[latest];
  const act = (which: "send" | "activate" | "close", run: () => Promise<void>) => {
    setLatest(which);
    void run();
  };
  return (
    <section className="panel" aria-labelledby="state-heading">
      <h2 id="state-heading">Invitations and state</h2>
      <p data-testid="group-standing" ref={standingFocus.ref} tabIndex={-1}>
        {standing(group)}
      </p>
      {group.state === "INVITATIONS_SENT" && group.activationBlocker && <p className="hint">Not ready to activate: {group.activationBlocker}</p>}
      <div className="row">
        {EDITABLE.includes(group.state) && (
          <button type="button" disabled={busy || proposed === 0}
            onClick={() => act("send", () => send.run({ groupId: group.id }, (o) => `Invitations sent to ${plural(o.invited?.length ?? 0, "member")}.`))}>
            {proposed > 0 ? `Send invitations (${proposed})` : "Send invitations"}
          </button>
        )}
        {group.state === "INVITATIONS_SENT" && (
          <button type="button" className="secondary" disabled={busy} onClick={() => act("activate", () => activate.run({ groupId: group.id }, () => "The group is active."))}>
            Activate the group
          </button>
        )}
        {group.state !== "CLOSED" && !closing && (
          <button
            type="button"
            ref={ask.ref}
            className="danger"
            disabled={busy}
            onClick={() => {
              yes.moveFocus();
              setClosing(true);
            }}
          >
            Close the group
          </button>
        )}
      </div>
      {closing && (
        <div className="row confirm" role="group" aria-label="Confirm closing">
          <span>Close “{group.name}”? Open invitations end and the group can no longer change.</span>
          <button type="button" ref={yes.ref} className="danger" disabled={busy}
            onClick={() => act("close", () => close.run({ groupId: group.id }, () => "The group is closed.").then(() => {
              standingFocus.moveFocus();
              setClosing(false);
            }))}>
            Yes, close it
          </button>
          <button
            type="button"
            className="quiet"
            onClick={() => {
              ask.moveFocus();
              setClosing(false);
            }}
          >
            Keep it open
          </button>
        </div>
      )}
      {last && <Messages refusal={last.refusal} done={last.done} error={last.error} />}
    </section>
  );
}

function Export({ group }: { group: Lifecycle }) {
  return (
    <section className="panel no-print" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <div className="row">
        <DownloadCsv title={group.name} header={GROUP_HEADER} rows={() => groupRows(group)} what="the group" />
        <Link className="button secondary small" to={`/groups/${encodeURIComponent(group.id)}/print`}>
          Printable page
        </Link>
      </div>
    </section>
  );
}

function Manage({ group, reload }: { group: Lifecycle; reload: () => void }) {
  const editable = EDITABLE.includes(group.state);
  return (
    <div className="task-group">
      <h1 tabIndex={-1}>{group.name}</h1>
      <p className="meta">
        <span className="badge">Task-and-Finish group</span>{" "}
        <span className="badge" data-testid="group-state">
          {STATE_TEXT[group.state]}
        </span>
      </p>
      <ThemeTags themes={group.themes} />
      <p className="lede" style={{ whiteSpace: "pre-wrap" }}>
        {group.remit}
      </p>
      <div className="split">
        <div>
          <Seats group={group} onChanged={reload} />
          {editable && <AddMember groupId={group.id} onChanged={reload} />}
        </div>
        <div>
          <StateActions group={group} onChanged={reload} />
          {editable && (
            <section className="panel" aria-labelledby="details-heading">
              <h2 id="details-heading">Details</h2>
              <DetailsForm key={group.id} group={group} onChanged={reload} />
            </section>
          )}
          <Export group={group} />
        </div>
      </div>
      <p>
        <Link to={`/graph/TaskGroup/${encodeURIComponent(group.id)}`}>See the group's network</Link>
      </p>
    </div>
  );
}

/** The lifecycle page for a task group; `fallback` (the plain group page) for any other group. */
export function ManageGroup({ id, fallback }: { id: string; fallback: ReactNode }) {
  const lifecycle = useQuery("GroupLifecycle", { id });
  if (lifecycle.status === "unavailable") return <>{fallback}</>;
  return (
    <QueryView state={lifecycle} what="This group" operation="GroupLifecycle">
      {(data) => (data.taskGroupLifecycle ? <Manage group={data.taskGroupLifecycle} reload={lifecycle.reload} /> : <>{fallback}</>)}
    </QueryView>
  );
}
