/** Invitations to an idea as its submitter reads them: who, and how each stands. */
import type { IdeaInvitationsQuery } from "../api/generated";

/**
 * The API's states: pending, accepted, not_available (a decline, as the submitter is told of
 * it: never as a decline) and, for staff only, declined.
 */
const STATUS_TEXT: Record<string, string> = {
  pending: "Invited",
  accepted: "Accepted",
  not_available: "Not available",
  declined: "Declined",
};

export interface InvitedPerson {
  memberId: string;
  name: string;
  status: string;
}

export function statusText(status: string): string {
  return STATUS_TEXT[status] ?? status;
}

export function statusBadge(status: string): string {
  if (status === "accepted") return "badge ok";
  return status === "pending" ? "badge" : "badge warn";
}

/** Only an unanswered invitation can be taken back. */
export function canWithdraw(status: string | null): boolean {
  return status === "pending";
}

/** Each invitation with the invitee's name, in the API's order; null when the viewer may not see them. */
export function invitedPeople(data: IdeaInvitationsQuery | undefined): InvitedPerson[] | null {
  const found = data?.ideaInvitations;
  if (!found) return null;
  const names = new Map((data.idea?.invited ?? []).map((m) => [m.id, m.name]));
  return found.map((x) => ({ memberId: x.memberId, name: names.get(x.memberId) ?? "A member", status: x.status }));
}

/** The state of each invited member's invitation, by member id. */
export function statusById(people: InvitedPerson[] | null): Record<string, string> | null {
  return people && Object.fromEntries(people.map((p) => [p.memberId, p.status]));
}
