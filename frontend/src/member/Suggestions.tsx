/** Member journey: suggested collaborators and partners for an idea, with reasons, coverage and gaps. */
import { useState } from "react";
import type { PartnerInput, SuggestPartnersQuery } from "../api/generated";
import { useMutation, useQuery } from "../api/hooks";
import { Empty, ErrorState, Progress, Unavailable } from "../components/States";
import { useFocusAfter } from "../components/focus";
import { label } from "../format";
import { InfeasibleView, TeamView } from "../team/TeamView";
import { useRecordShown } from "../team/shown";
import type { SuggestedMember } from "../team/types";
import { Triads } from "../partner/Triads";
import { sectorOf } from "../vocabulary";
import { FeedbackButtons } from "./Feedback";
import { DownloadCsv } from "../export/DownloadCsv";
import { gapRows, TEAM_HEADER, teamRows } from "../export/tables";
import { WithdrawButton } from "./Invitations";
import { canWithdraw, statusBadge, statusText } from "./invitationStatus";

type PartnerResult = SuggestPartnersQuery["suggestPartners"];

/**
 * Invite a suggested person; while the invitation is unanswered, take it back. `status` is the
 * invitation's state from the idea's invitations (null: not invited), which reload after each change.
 */
function InviteButton({ ideaId, member, status, onChanged }: { ideaId: string; member: SuggestedMember; status: string | null; onChanged: () => void }) {
  const invite = useMutation("InviteToIdea");
  // What this page did, shown until the invitations reload with it.
  const [now, setNow] = useState<{ was: string | null; is: string | null } | null>(null);
  // The focus goes from "Invite" to the invitation's state, and back once it is withdrawn.
  const badge = useFocusAfter<HTMLSpanElement>();
  const button = useFocusAfter<HTMLButtonElement>();
  if (now && now.was !== status) setNow(null); // the invitations caught up
  if (!invite.available) return null;
  const shown = now && now.was === status ? now.is : status;
  const answer = invite.data?.inviteToIdea;
  const refused = shown === null && answer && answer.__typename !== "IdeaSaved" ? answer.message : null;

  function change(to: string | null) {
    (to === null ? button : badge).moveFocus();
    setNow({ was: status, is: to });
    onChanged();
  }

  async function run() {
    const data = await invite.run({ ideaId, memberId: member.memberId });
    if (data?.inviteToIdea.__typename === "IdeaSaved") change("pending");
  }

  if (shown !== null) {
    return (
      <>
        <span ref={badge.ref} tabIndex={-1} className={statusBadge(shown)}>
          {statusText(shown)}
        </span>
        {canWithdraw(shown) && <WithdrawButton ideaId={ideaId} person={member} onWithdrawn={() => change(null)} />}
      </>
    );
  }
  return (
    <>
      <button type="button" ref={button.ref} className="small" disabled={invite.running} aria-label={`Invite ${member.name}`} onClick={() => void run()}>
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

type TeamState = ReturnType<typeof useTeamFor>;

/** The suggested team for an idea; the partners and KTP routes are asked for its gaps. */
export function useTeamFor(ideaId: string) {
  const team = useQuery("SuggestTeam", { input: { ideaId, size: TEAM_SIZE } });
  useRecordShown(team.data?.suggestTeam);
  return team;
}

interface CollaboratorsProps {
  team: TeamState;
  ideaId: string;
  /** Each invited member's invitation state by id; null while unknown (no invite buttons then). */
  invitations: Record<string, string> | null;
  canInvite: boolean;
  /** Called after an invitation is sent or withdrawn, so the idea's invitations can follow. */
  onInvited: () => void;
}

export function Collaborators({ team, ideaId, invitations, canInvite, onInvited }: CollaboratorsProps) {
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
              {invitations && <InviteButton ideaId={ideaId} member={m} status={invitations[m.memberId] ?? null} onChanged={onInvited} />}
              <FeedbackButtons subject={{ targetId: ideaId, targetKind: "IDEA", candidateId: m.memberId, candidateKind: "MEMBER", name: m.name }} />
            </>
          )
        }
      />
      <DownloadCsv title={`Team for ${r.target.title}`} header={TEAM_HEADER} rows={() => [...teamRows(r), ...gapRows(r)]} what="the team" />
    </div>
  );
}

/** What partners are asked to fill: the team's gaps and the sectors it already has. */
export function partnerInput(ideaId: string, team: TeamState): PartnerInput {
  const r = team.data?.suggestTeam;
  const suggestion = r?.__typename === "TeamSuggestion" ? r : null;
  const sectors = (suggestion?.members ?? []).flatMap((m) => sectorOf(m.sector) ?? []);
  return {
    ideaId,
    gaps: suggestion ? suggestion.gaps.map((g) => g.skill) : [],
    teamSectors: [...new Set(sectors)],
    first: 6,
  };
}

function settled(team: TeamState): boolean {
  return team.status !== "loading";
}

export function Partners({ ideaId, team, canDecide }: { ideaId: string; team: TeamState; canDecide: boolean }) {
  const partners = useQuery("SuggestPartners", { input: partnerInput(ideaId, team) }, !settled(team));
  const ktp = useQuery("SuggestKtp", { input: partnerInput(ideaId, team) }, !settled(team));
  return (
    <section className="panel" aria-labelledby="partners-heading">
      <h2 id="partners-heading">Suggested partners and routes</h2>
      {partners.status === "unavailable" && <Unavailable what="Suggesting partners" operation="SuggestPartners" />}
      {partners.status === "error" && <ErrorState error={partners.error} retry={partners.reload} />}
      {partners.status === "loading" && <Progress label="Finding partners" detail="Comparing the idea's gaps with companies, universities, trusts and networks." />}
      {partners.status === "ok" && <PartnerList result={partners.data.suggestPartners} ideaId={ideaId} canDecide={canDecide} />}
      <h3>KTP triads</h3>
      {ktp.status === "unavailable" && <Unavailable what="KTP suggestions" operation="SuggestKtp" />}
      {ktp.status === "error" && <ErrorState error={ktp.error} retry={ktp.reload} />}
      {ktp.status === "loading" && <Progress label="Finding KTP triads" />}
      {ktp.status === "ok" &&
        (ktp.data.suggestKtp.__typename === "KtpSuggestions" ? (
          <Triads result={ktp.data.suggestKtp} />
        ) : (
          <div className="state state-unavailable" role="alert">
            {ktp.data.suggestKtp.message}
          </div>
        ))}
    </section>
  );
}

function PartnerList({ result, ideaId, canDecide }: { result: PartnerResult; ideaId: string; canDecide: boolean }) {
  if (result.__typename !== "PartnerSuggestions") {
    return (
      <div className="state state-error" role="alert">
        {result.message}
      </div>
    );
  }
  if (result.partners.length === 0) return <Empty>No external partner fits this idea yet.</Empty>;
  return (
    <>
      {result.gaps.length > 0 && <p className="meta">For the gaps: {result.gaps.join(", ")}.</p>}
      <ul className="plain" data-testid="partners" aria-live="polite">
        {result.partners.map((s) => (
          <li key={s.partnerId} className="person" data-testid="partner">
            <div className="who-line">
              <strong>{s.name}</strong> <span className="badge">{s.band} match</span>
              <div className="meta">{[label(s.kind), label(s.sector), s.region].filter(Boolean).join(" · ")}</div>
              {s.networks.length > 0 && (
                <ul className="tags" aria-label="Knowledge Transfer Networks">
                  {s.networks.map((n) => (
                    <li key={n} className="tag">
                      KTN: {n}
                    </li>
                  ))}
                </ul>
              )}
              <ul className="reasons" aria-label={`Why ${s.name}`}>
                {s.reasons.map((reason, i) => (
                  <li key={i}>{reason}</li>
                ))}
              </ul>
            </div>
            {canDecide && (
              <div className="actions">
                <FeedbackButtons subject={{ targetId: ideaId, targetKind: "IDEA", candidateId: s.partnerId, candidateKind: "PARTNER", name: s.name }} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
