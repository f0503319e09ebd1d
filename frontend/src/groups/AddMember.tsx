/** Staff find a member by name and propose them for the group. */
import { useState } from "react";
import { useQuery } from "../api/hooks";
import { PersonRow } from "../components/Person";
import { Empty, ErrorState } from "../components/States";
import { useGroupChange } from "./useGroupChange";

export function AddMember({ groupId, onChanged }: { groupId: string; onChanged: () => void }) {
  const [text, setText] = useState("");
  const [asked, setAsked] = useState("");
  const found = useQuery("GroupMembersNamed", { text: asked }, asked.length < 2);
  const add = useGroupChange("GroupAddMember", onChanged);
  const people = asked.length >= 2 ? found.data?.membersNamed : undefined;
  return (
    <section className="panel" aria-labelledby="add-heading">
      <h2 id="add-heading">Add a member</h2>
      <form
        className="row"
        role="search"
        aria-label="Find a member to add"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(text.trim());
        }}
      >
        <label htmlFor="add-name">Member's name</label>
        <input id="add-name" value={text} onChange={(e) => setText(e.target.value)} minLength={2} />
        <button type="submit" className="secondary" disabled={text.trim().length < 2}>
          Find
        </button>
      </form>
      {found.status === "error" && asked && <ErrorState error={found.error} retry={found.reload} />}
      {people && people.length === 0 && <Empty>Nobody by that name.</Empty>}
      {people && people.length > 0 && (
        <ul className="plain" aria-label="Members found">
          {people.map((p) => (
            <PersonRow
              key={p.id}
              person={p}
              actions={
                <button type="button" className="secondary small" disabled={add.running} aria-label={`Add ${p.name}`}
                  onClick={() => void add.run({ groupId, memberId: p.id }, () => `Proposed ${p.name}.`)}>
                  Add
                </button>
              }
            />
          ))}
        </ul>
      )}
      {add.done && <p className="notice" role="status">{add.done}</p>}
      {add.refusal && <p className="state state-error" role="alert">{add.refusal.message}</p>}
      {add.error && <ErrorState error={add.error} />}
    </section>
  );
}
