/** Someone's public profile: what they know, where they sit, what they have written. */
import { useQuery } from "../api/hooks";
import { Empty, QueryView } from "../components/States";
import { label } from "../format";
import { personFacts } from "../components/Person";
import { Link } from "../router";
import { AskIntroduction } from "../partner/AskIntroduction";
import { MyInvitations } from "../groups/MyInvitations";

export function MemberPage({ id }: { id: string }) {
  const member = useQuery("Member", { id });
  return (
    <QueryView state={member} what="This profile" operation="Member">
      {(data) => {
        const m = data.member;
        if (!m) {
          return (
            <>
              <h1 tabIndex={-1}>Profile not found</h1>
              <p>There is no member with this id, or they have not agreed to be visible to you.</p>
            </>
          );
        }
        return (
          <>
            <h1 tabIndex={-1} data-testid="member-name">{m.name}</h1>
            <p className="meta">{personFacts(m)}</p>
            <MyInvitations memberId={m.id} />
            <div className="split">
              <section className="panel" aria-labelledby="expertise-heading">
                <h2 id="expertise-heading">Expertise</h2>
                {m.expertiseStatement ? <p style={{ whiteSpace: "pre-wrap" }}>{m.expertiseStatement}</p> : <Empty>No statement yet.</Empty>}
                {m.skills.length > 0 && (
                  <ul className="tags" aria-label="Skills">
                    {m.skills.map((s) => (
                      <li className="tag" key={s.skill.id}>
                        {s.skill.name}
                      </li>
                    ))}
                  </ul>
                )}
                {m.email && (
                  <p>
                    Contact: <a href={`mailto:${m.email}`}>{m.email}</a>
                  </p>
                )}
                {!m.email && <AskIntroduction memberId={m.id} name={m.name} topic="" />}
                <Link to={`/graph/Member/${encodeURIComponent(m.id)}`}>See {m.name}'s network</Link>
              </section>
              <div>
                <section className="panel" aria-labelledby="groups-heading">
                  <h2 id="groups-heading">Groups</h2>
                  {m.memberships.length === 0 ? (
                    <Empty>Not in any group.</Empty>
                  ) : (
                    <ul className="plain">
                      {m.memberships.map((g) => (
                        <li key={g.group.id}>
                          <Link to={`/groups/${encodeURIComponent(g.group.id)}`}>{g.group.name}</Link> <span className="badge">{label(g.group.kind)}</span>{" "}
                          {g.role !== "member" && <span className="meta">{label(g.role)}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                <section className="panel" aria-labelledby="outputs-heading">
                  <h2 id="outputs-heading">Outputs</h2>
                  {m.outputs.length === 0 ? (
                    <Empty>No outputs recorded.</Empty>
                  ) : (
                    <ul className="plain">
                      {m.outputs.map((o) => (
                        <li key={o.id}>
                          {o.title} <span className="meta">({label(o.kind)}, {o.year || "undated"})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </div>
            </div>
          </>
        );
      }}
    </QueryView>
  );
}
