/** KTP triads: a business, a knowledge-base partner and an academic supervisor. */
import type { SuggestKtpQuery, TriadFragment } from "../api/generated";
import { Empty } from "../components/States";
import { label, plural } from "../format";
import { Link } from "../router";

type Triad = TriadFragment;

type KtpSuggestions = Extract<SuggestKtpQuery["suggestKtp"], { __typename: "KtpSuggestions" }>;

function TriadCard({ t, n }: { t: Triad; n: number }) {
  return (
    <li className="card" data-testid="triad">
      <h3>
        Triad {n}{" "}
        {!t.eligible && <span className="badge warn">not eligible</span>}
      </h3>
      <dl className="facts">
        <dt>Business</dt>
        <dd>
          {t.business ? (
            <>
              {t.business.name} <span className="meta">({label(t.business.kind)}, {plural(t.business.fte, "full-time staff member", "full-time staff")})</span>
            </>
          ) : (
            "—"
          )}
        </dd>
        <dt>Knowledge base</dt>
        <dd>{t.knowledgeBase ? t.knowledgeBase.name : "—"}</dd>
        <dt>Supervisor</dt>
        <dd>
          {t.supervisor ? (
            <>
              <Link to={`/members/${encodeURIComponent(t.supervisor.id)}`}>{t.supervisor.name}</Link> <span className="meta">{t.supervisor.discipline}</span>
            </>
          ) : (
            "Not visible to you"
          )}
        </dd>
      </dl>
      {t.reasons.length > 0 && (
        <ul className="reasons" aria-label="Why it is not eligible">
          {t.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function Triads({ result }: { result: KtpSuggestions }) {
  const { rule } = result;
  return (
    <div aria-live="polite">
      <p className="meta" data-testid="ktp-rule">
        Rule in force ({rule.round}): the business needs at least {plural(rule.minBusinessFte, "full-time member of staff", "full-time staff")};{" "}
        {rule.publicSectorBusinessAllowed ? "a public-sector body may be the business partner" : "a public-sector body may not be the business partner"}.
      </p>
      {result.eligible.length === 0 ? (
        <>
          <Empty>No eligible triad was found for this.</Empty>
          {result.excludedBy.length > 0 && (
            <ul className="reasons" aria-label="Why no triad fits" data-testid="ktp-excluded-by">
              {result.excludedBy.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <ol className="grid plain-grid" data-testid="triads">
          {result.eligible.map((t, i) => (
            <TriadCard key={i} t={t} n={i + 1} />
          ))}
        </ol>
      )}
      {result.ineligible.length > 0 && (
        <details>
          <summary>Close, but not eligible ({result.ineligible.length})</summary>
          <ol className="grid plain-grid">
            {result.ineligible.map((t, i) => (
              <TriadCard key={i} t={t} n={i + 1} />
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
