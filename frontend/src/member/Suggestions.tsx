/** Member journey: suggested collaborators and partners for an idea, with reasons, coverage and gaps. */
import { useState } from "react";
import { useMutation, useQuery } from "../api/hooks";
import { SkillCoverage } from "../components/Coverage";
import { PersonRow, type PersonSummary } from "../components/Person";
import { Empty, Progress, QueryView } from "../components/States";
import { label, percent, plural } from "../format";
import { FeedbackButtons } from "./Feedback";

interface SuggestedMember {
  suggestionId: string | null;
  score: number;
  reasons: string[];
  skills: string[];
  member: PersonSummary;
}

type TeamResult =
  | { __typename: "TeamSuggestion"; members: SuggestedMember[]; coverage: { score: number; covered: string[]; gaps: string[] } }
  | { __typename: "InfeasibleConstraints" | "NotFound"; message: string };

interface SuggestedPartner {
  suggestionId: string | null;
  score: number;
  reasons: string[];
  routes: string[];
  partner: { id: string; name: string; kind: string; sector: string; region: string };
}

type PartnerResult =
  | { __typename: "PartnerSuggestions"; partners: SuggestedPartner[] }
  | { __typename: "NotFound"; message: string };

function InviteButton({ ideaId, member, invited }: { ideaId: string; member: PersonSummary; invited: boolean }) {
  const invite = useMutation<{ inviteToIdea: { __typename: string; message?: string } }>("InviteToIdea");
  const [done, setDone] = useState(invited);
  if (!invite.available) return null;
  if (done) return <span className="badge ok">Invited</span>;
  const refused = invite.data && invite.data.inviteToIdea.__typename !== "IdeaSaved" ? invite.data.inviteToIdea.message : null;
  return (
    <>
      <button
        type="button"
        className="small"
        disabled={invite.running}
        aria-label={`Invite ${member.name}`}
        onClick={async () => {
          const data = await invite.run({ ideaId, memberId: member.id });
          if (data?.inviteToIdea.__typename === "IdeaSaved") setDone(true);
        }}
      >
        {invite.running ? "Inviting…" : "Invite"}
      </button>
      {(refused || invite.error) && (
        <span className="field-error" role="alert">
          {refused ?? invite.error?.message}
        </span>
      )}
    </>
  );
}

export function Collaborators({ ideaId, invitedIds, canInvite }: { ideaId: string; invitedIds: string[]; canInvite: boolean }) {
  const team = useQuery<{ suggestTeam: TeamResult }>("SuggestCollaborators", { ideaId });
  return (
    <section className="panel" aria-labelledby="collab-heading">
      <h2 id="collab-heading">Suggested collaborators</h2>
      {team.status === "loading" && !team.data ? (
        <Progress label="Finding collaborators" detail="Reading expertise across the membership; this can take a few seconds." />
      ) : (
        <QueryView state={team} what="Suggested collaborators" operation="SuggestCollaborators">
          {(data) => {
            const r = data.suggestTeam;
            if (r.__typename !== "TeamSuggestion") return <div className="state state-unavailable" role="alert">{r.message}</div>;
            return (
              <div aria-live="polite">
                <p className="meta">{plural(r.members.length, "suggested collaborator")}</p>
                <SkillCoverage covered={r.coverage.covered} gaps={r.coverage.gaps} score={r.coverage.score} />
                {r.members.length === 0 ? (
                  <Empty>Nobody in the membership matches yet. Add detail to the idea or the skills it needs.</Empty>
                ) : (
                  <ul className="plain" data-testid="collaborators">
                    {r.members.map((s) => (
                      <PersonRow
                        key={s.member.id}
                        person={s.member}
                        score={s.score}
                        reasons={s.reasons}
                        testId="collaborator"
                        badges={s.skills.map((k) => (
                          <span key={k} className="tag covered">
                            {k}
                          </span>
                        ))}
                        actions={
                          canInvite && (
                            <>
                              <InviteButton ideaId={ideaId} member={s.member} invited={invitedIds.includes(s.member.id)} />
                              <FeedbackButtons suggestionId={s.suggestionId} name={s.member.name} />
                            </>
                          )
                        }
                      />
                    ))}
                  </ul>
                )}
              </div>
            );
          }}
        </QueryView>
      )}
    </section>
  );
}

export function Partners({ ideaId, canDecide }: { ideaId: string; canDecide: boolean }) {
  const partners = useQuery<{ suggestPartners: PartnerResult }>("SuggestPartners", { ideaId });
  return (
    <section className="panel" aria-labelledby="partners-heading">
      <h2 id="partners-heading">Suggested partners and routes</h2>
      {partners.status === "loading" && !partners.data ? (
        <Progress label="Finding partners" detail="Comparing the idea with companies, universities, trusts and networks." />
      ) : (
        <QueryView state={partners} what="Suggested partners" operation="SuggestPartners">
          {(data) => {
            const r = data.suggestPartners;
            if (r.__typename !== "PartnerSuggestions") return <div className="state state-unavailable" role="alert">{r.message}</div>;
            if (r.partners.length === 0) return <Empty>No external partner fits this idea yet.</Empty>;
            return (
              <ul className="plain" data-testid="partners" aria-live="polite">
                {r.partners.map((s) => (
                  <li key={s.partner.id} className="person" data-testid="partner">
                    <div className="who-line">
                      <strong>{s.partner.name}</strong> <span className="badge">match {percent(s.score)}</span>
                      <div className="meta">
                        {[label(s.partner.kind), label(s.partner.sector), s.partner.region].filter(Boolean).join(" · ")}
                      </div>
                      {s.routes.length > 0 && (
                        <ul className="tags" aria-label="Routes">
                          {s.routes.map((route) => (
                            <li key={route} className="tag">
                              {route}
                            </li>
                          ))}
                        </ul>
                      )}
                      <ul className="reasons">
                        {s.reasons.map((reason, i) => (
                          <li key={i}>{reason}</li>
                        ))}
                      </ul>
                    </div>
                    {canDecide && (
                      <div className="actions">
                        <FeedbackButtons suggestionId={s.suggestionId} name={s.partner.name} />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            );
          }}
        </QueryView>
      )}
    </section>
  );
}
