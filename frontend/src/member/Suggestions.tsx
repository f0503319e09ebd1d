/** Member journey: suggested collaborators and partners for an idea, with reasons, coverage and gaps. */
import { useState } from "react";
import { useMutation, useQuery } from "../api/hooks";
import { Empty, ErrorState, Progress, Unavailable } from "../components/States";
import { label, percent } from "../format";
import { InfeasibleView, TeamView } from "../team/TeamView";
import type { SuggestedMember, TeamResult } from "../team/types";
import { FeedbackButtons } from "./Feedback";

interface SuggestedPartner {
  score: number;
  reasons: string[];
  routes: string[];
  partner: { id: string; name: string; kind: string; sector: string; region: string };
}

type PartnerResult = { __typename: "PartnerSuggestions"; partners: SuggestedPartner[] } | { __typename: string; message: string };

function InviteButton({ ideaId, member, invited }: { ideaId: string; member: SuggestedMember; invited: boolean }) {
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
          const data = await invite.run({ ideaId, memberId: member.memberId });
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

const TEAM_SIZE = 4;

export function Collaborators({ ideaId, invitedIds, canInvite }: { ideaId: string; invitedIds: string[]; canInvite: boolean }) {
  const team = useQuery<{ suggestTeam: TeamResult }>("SuggestTeam", { input: { ideaId, size: TEAM_SIZE } });
  if (team.status === "unavailable") return <Unavailable what="Suggesting collaborators" operation="SuggestTeam" />;
  if (team.status === "error") return <ErrorState error={team.error} retry={team.reload} />;
  if (!team.data) {
    return (
      <section className="panel" aria-labelledby="collab-heading" aria-busy="true">
        <h2 id="collab-heading">Suggested collaborators</h2>
        <Progress label="Finding collaborators" detail="Reading expertise across the membership; this can take a few seconds." />
      </section>
    );
  }
  const r = team.data.suggestTeam;
  if (r.__typename === "InfeasibleConstraints") return <InfeasibleView result={r} />;
  if (r.__typename !== "TeamSuggestion") {
    return (
      <div className="state state-error" role="alert">
        {r.message}
      </div>
    );
  }
  return (
    <div aria-live="polite">
      <TeamView
        team={r}
        heading="Suggested collaborators"
        showDiversity={false}
        actions={(m) =>
          canInvite && (
            <>
              <InviteButton ideaId={ideaId} member={m} invited={invitedIds.includes(m.memberId)} />
              <FeedbackButtons subject={{ targetId: ideaId, targetKind: "IDEA", candidateId: m.memberId, candidateKind: "MEMBER", name: m.name }} />
            </>
          )
        }
      />
    </div>
  );
}

export function Partners({ ideaId, canDecide }: { ideaId: string; canDecide: boolean }) {
  const partners = useQuery<{ suggestPartners: PartnerResult }>("SuggestPartners", { ideaId });
  return (
    <section className="panel" aria-labelledby="partners-heading">
      <h2 id="partners-heading">Suggested partners and routes</h2>
      {partners.status === "unavailable" && <Unavailable what="Suggesting partners" operation="SuggestPartners" />}
      {partners.status === "error" && <ErrorState error={partners.error} retry={partners.reload} />}
      {partners.status === "loading" && <Progress label="Finding partners" detail="Comparing the idea with companies, universities, trusts and networks." />}
      {partners.status === "ok" && <PartnerList result={partners.data.suggestPartners} ideaId={ideaId} canDecide={canDecide} />}
    </section>
  );
}

function PartnerList({ result, ideaId, canDecide }: { result: PartnerResult; ideaId: string; canDecide: boolean }) {
  if (result.__typename !== "PartnerSuggestions" || !("partners" in result)) {
    return (
      <div className="state state-error" role="alert">
        {"message" in result ? result.message : "No partners."}
      </div>
    );
  }
  if (result.partners.length === 0) return <Empty>No external partner fits this idea yet.</Empty>;
  return (
    <ul className="plain" data-testid="partners" aria-live="polite">
      {result.partners.map((s) => (
        <li key={s.partner.id} className="person" data-testid="partner">
          <div className="who-line">
            <strong>{s.partner.name}</strong> <span className="badge">match {percent(s.score)}</span>
            <div className="meta">{[label(s.partner.kind), label(s.partner.sector), s.partner.region].filter(Boolean).join(" · ")}</div>
            {s.routes.length > 0 && (
              <ul className="tags" aria-label="Routes">
                {s.routes.map((route) => (
                  <li key={route} className="tag">
                    {route}
                  </li>
                ))}
              </ul>
            )}
            <ul className="reasons" aria-label={`Why ${s.partner.name}`}>
              {s.reasons.map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
            </ul>
          </div>
          {canDecide && (
            <div className="actions">
              <FeedbackButtons subject={{ targetId: ideaId, targetKind: "IDEA", candidateId: s.partner.id, candidateKind: "PARTNER", name: s.partner.name }} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
