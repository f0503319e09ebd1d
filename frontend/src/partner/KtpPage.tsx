/** Partner journey: suggested Knowledge Transfer Partnership triads. */
import { useQuery } from "../api/hooks";
import { Empty, Progress, QueryView } from "../components/States";
import { label, percent } from "../format";
import { Link } from "../router";
import { useUser } from "../session";

interface Triad {
  score: number;
  reasons: string[];
  business: { id: string; name: string; kind: string; fte: number };
  knowledgeBase: { id: string; name: string; kind: string };
  supervisor: { id: string; name: string; discipline: string } | null;
}

type Result = { __typename: "KtpSuggestions"; triads: Triad[]; rule: string | null } | { __typename: "NotFound"; message: string };

export function KtpPage() {
  const user = useUser();
  const partnerId = user.role === "partner" ? user.subjectId : null;
  const ktp = useQuery<{ suggestKtp: Result }>("SuggestKtp", { partnerId });
  return (
    <>
      <h1 tabIndex={-1}>KTP triads</h1>
      <p className="lede">
        A Knowledge Transfer Partnership joins a business, a knowledge-base partner such as a university, and an academic
        supervisor; a graduate associate then works in the business for 12 to 36 months.
      </p>
      {ktp.status === "loading" && !ktp.data ? (
        <Progress label="Finding KTP triads" detail="Checking eligibility and matching supervisors." />
      ) : (
        <QueryView state={ktp} what="KTP suggestions" operation="SuggestKtp">
          {(data) => {
            const r = data.suggestKtp;
            if (r.__typename !== "KtpSuggestions") return <div className="state state-error" role="alert">{r.message}</div>;
            return (
              <>
                {r.rule && <p className="meta">Eligibility: {r.rule}</p>}
                {r.triads.length === 0 ? (
                  <Empty>No eligible triad was found.</Empty>
                ) : (
                  <ol className="grid plain-grid" data-testid="triads" aria-live="polite">
                    {r.triads.map((t, i) => (
                      <li className="card" key={i} data-testid="triad">
                        <h2 style={{ fontSize: "1.05rem", marginTop: 0 }}>
                          Triad {i + 1} <span className="badge">match {percent(t.score)}</span>
                        </h2>
                        <dl className="facts">
                          <dt>Business</dt>
                          <dd>
                            {t.business.name} <span className="meta">({label(t.business.kind)}, {t.business.fte} staff)</span>
                          </dd>
                          <dt>Knowledge base</dt>
                          <dd>{t.knowledgeBase.name}</dd>
                          <dt>Supervisor</dt>
                          <dd>
                            {t.supervisor ? (
                              <>
                                <Link to={`/members/${encodeURIComponent(t.supervisor.id)}`}>{t.supervisor.name}</Link>{" "}
                                <span className="meta">{t.supervisor.discipline}</span>
                              </>
                            ) : (
                              "To be found"
                            )}
                          </dd>
                        </dl>
                        <ul className="reasons">
                          {t.reasons.map((reason, j) => (
                            <li key={j}>{reason}</li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ol>
                )}
              </>
            );
          }}
        </QueryView>
      )}
    </>
  );
}
