/** STERIC journey: calls, ideas and groups by theme; who is overloaded and who is never involved. */
import type { DashboardQuery } from "../api/generated";
import { useQuery } from "../api/hooks";
import { Empty, QueryView } from "../components/States";
import { label, plural } from "../format";
import { Link } from "../router";

type ThemeRow = DashboardQuery["themes"]["nodes"][number];

/** A page of members as MemberLoad lists them; a member you may not see is null. */
interface LoadPage<N> {
  totalCount: number;
  nodes: N[];
}

type Listed = { member: { id: string; name: string } | null };

function People<N extends Listed>({ page, empty, detail }: { page: LoadPage<N>; empty: string; detail?: (n: N) => string }) {
  const seen = page.nodes.flatMap((n) => (n.member ? [{ node: n, member: n.member }] : []));
  if (seen.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul>
      {seen.map(({ node, member }) => (
        <li key={member.id}>
          <Link to={`/members/${encodeURIComponent(member.id)}`}>{member.name}</Link> {detail && <span className="meta">{detail(node)}</span>}
        </li>
      ))}
      {page.totalCount > seen.length && <li className="meta">and {page.totalCount - seen.length} more</li>}
    </ul>
  );
}

function ThemeCard({ t }: { t: ThemeRow }) {
  const taskGroups = t.groups.filter((g) => g.kind === "TASK_GROUP");
  return (
    <li className="card" data-testid="theme-card">
      <h3>{t.name}</h3>
      <p className="meta">{label(t.kind)}</p>
      <dl className="facts">
        <dt>Calls</dt>
        <dd data-testid="theme-calls">{t.calls.length}</dd>
        <dt>Ideas</dt>
        <dd data-testid="theme-ideas">{t.ideas.length}</dd>
        <dt>Groups</dt>
        <dd data-testid="theme-groups">
          {t.groups.length} <span className="meta">({plural(taskGroups.length, "Task-and-Finish group")})</span>
        </dd>
      </dl>
      {t.ideas.length + t.groups.length > 0 && (
        <details>
          <summary>What is under this theme</summary>
          <ul>
            {t.ideas.map((i) => (
              <li key={i.id}>
                <Link to={`/ideas/${encodeURIComponent(i.id)}`}>{i.title}</Link> <span className="meta">idea, {label(i.status)}</span>
              </li>
            ))}
            {t.groups.map((g) => (
              <li key={g.id}>
                <Link to={`/groups/${encodeURIComponent(g.id)}`}>{g.name}</Link> <span className="meta">{label(g.kind)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function Totals({ themes }: { themes: ThemeRow[] }) {
  const unique = (key: "calls" | "ideas" | "groups") => new Set(themes.flatMap((t) => t[key].map((x) => x.id))).size;
  return (
    <div className="grid" role="group" aria-label="Totals">
      {(["calls", "ideas", "groups"] as const).map((k) => (
        <div className="card" key={k}>
          <p className="meta">{label(k)}</p>
          <p style={{ fontSize: "1.8rem", fontWeight: 700, margin: 0 }} data-testid={`total-${k}`}>
            {unique(k)}
          </p>
        </div>
      ))}
    </div>
  );
}

function MemberLoad() {
  const load = useQuery("MemberLoad");
  return (
    <section className="panel" aria-labelledby="load-heading">
      <h2 id="load-heading">Who is overloaded, who is never involved</h2>
      <QueryView state={load} what="Member load" operation="MemberLoad">
        {({ analytics }) => (
          <div className="grid">
            <div>
              <h3>Overloaded ({analytics.overloadedMembers.totalCount})</h3>
              <People
                page={analytics.overloadedMembers}
                empty="Nobody is over their capacity."
                detail={(n) => `${plural(n.activeGroups, "active group")}${n.member?.maxGroups != null ? `, allows ${n.member.maxGroups}` : ""}`}
              />
            </div>
            <div>
              <h3>Never involved ({analytics.uninvolvedMembers.totalCount})</h3>
              <People page={analytics.uninvolvedMembers} empty="Everyone is in a group or on an idea." />
            </div>
          </div>
        )}
      </QueryView>
    </section>
  );
}

export function DashboardPage() {
  const dashboard = useQuery("Dashboard");
  return (
    <>
      <h1 tabIndex={-1}>STERIC dashboard</h1>
      <p className="lede">Calls, ideas and groups by the strategy's themes: where the work is, and where it is missing.</p>
      <p>
        <Link className="button" to="/steric/assemble">
          Assemble a Task-and-Finish group
        </Link>{" "}
        <Link className="button secondary" to="/steric/silos">
          See the silo map
        </Link>
      </p>
      <QueryView state={dashboard} what="The dashboard" operation="Dashboard">
        {({ themes: { nodes: themes } }) =>
          themes.length === 0 ? (
            <Empty>No themes yet: import the strategy's themes first.</Empty>
          ) : (
            <>
              <Totals themes={themes} />
              {(["GRAND_CHALLENGE", "EMERGING_TREND"] as const).map((kind) => {
                const list = themes.filter((t) => t.kind === kind);
                return list.length === 0 ? null : (
                  <section key={kind} aria-labelledby={`kind-${kind}`}>
                    <h2 id={`kind-${kind}`}>{kind === "GRAND_CHALLENGE" ? "Grand challenges" : "Emerging trends"}</h2>
                    <ul className="grid plain-grid">
                      {list.map((t) => (
                        <ThemeCard key={t.id} t={t} />
                      ))}
                    </ul>
                  </section>
                );
              })}
            </>
          )
        }
      </QueryView>
      <MemberLoad />
    </>
  );
}
