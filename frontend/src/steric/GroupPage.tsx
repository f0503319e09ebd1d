/**
 * A SIG, CoI, Task-and-Finish group or committee: its remit, themes and people. Staff get a
 * task group's lifecycle page instead (groups/ManageGroup), and /groups/<id>/print its sheet.
 */
import { useQuery } from "../api/hooks";
import { Diversity } from "../components/Coverage";
import { PersonRow, type PersonSummary } from "../components/Person";
import { Empty, QueryView } from "../components/States";
import { label, plural } from "../format";
import { Link, useRoute } from "../router";
import { isStaff, useSession } from "../session";
import { ManageGroup } from "../groups/ManageGroup";
import { PrintGroup } from "../groups/PrintGroup";
import { ThemeTags } from "../member/CallsPage";

function counted(values: string[]) {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

function facetsOf(people: PersonSummary[]) {
  return [
    { name: "Sectors", counts: counted(people.map((p) => p.organisation?.sector ?? "")) },
    { name: "Career stages", counts: counted(people.map((p) => p.careerStage ?? "")) },
    { name: "Regions", counts: counted(people.map((p) => p.region ?? "")) },
    { name: "Disciplines", counts: counted(people.map((p) => p.discipline ?? "")) },
  ];
}

export function GroupPage({ id }: { id: string }) {
  const { user } = useSession();
  const route = useRoute();
  if (!isStaff(user)) return <GroupView id={id} />;
  if (route.parts[2] === "print") return <PrintGroup id={id} />;
  return <ManageGroup id={id} fallback={<GroupView id={id} />} />;
}

function GroupView({ id }: { id: string }) {
  const group = useQuery("Group", { id });
  return (
    <QueryView state={group} what="This group" operation="Group">
      {(data) => {
        const g = data.group;
        if (!g) {
          return (
            <>
              <h1 tabIndex={-1}>Group not found</h1>
              <p>There is no group with this id, or you may not see it.</p>
            </>
          );
        }
        const seats = g.members.flatMap((s) => (s.member ? [{ role: s.role, member: s.member }] : []));
        return (
          <>
            <h1 tabIndex={-1}>{g.name}</h1>
            <p className="meta">
              <span className="badge">{label(g.kind)}</span> <span className="badge">{label(g.status)}</span>
            </p>
            <ThemeTags themes={g.themes} />
            <p className="lede" style={{ whiteSpace: "pre-wrap" }}>{g.description}</p>
            <p>
              <Link to={`/graph/${g.kind}/${encodeURIComponent(g.id)}`}>See the group's network</Link>
            </p>
            {seats.length > 0 && (
              <section className="panel" aria-labelledby="mix-heading">
                <h2 id="mix-heading">Mix</h2>
                <Diversity facets={facetsOf(seats.map((s) => s.member))} />
              </section>
            )}
            <section className="panel" aria-labelledby="people-heading">
              <h2 id="people-heading">{plural(seats.length, "member")}</h2>
              {seats.length === 0 ? (
                <Empty>Nobody you may see is in this group.</Empty>
              ) : (
                <ul className="plain">
                  {seats.map((s) => (
                    <PersonRow key={s.member.id} person={s.member} badges={s.role !== "member" ? <span className="badge">{label(s.role)}</span> : null} />
                  ))}
                </ul>
              )}
            </section>
          </>
        );
      }}
    </QueryView>
  );
}
