/** The group as a spreadsheet reads it: one row a proposed member. */
import type { Cell } from "../export/csv";
import { label } from "../format";
import { INVITATION_TEXT, seatOrder, type Lifecycle } from "./types";

export const GROUP_HEADER = ["Name", "Role", "Invitation", "Organisation", "Sector", "Discipline", "Career stage", "Region", "Skills"];

export function groupRows(group: Lifecycle): Cell[][] {
  return seatOrder(group.seats).map((s) => {
    const m = s.member;
    return [
      m?.name ?? "A member you may not see",
      label(s.role),
      INVITATION_TEXT[s.invitation],
      m?.organisation?.name ?? "",
      label(m?.organisation?.sector),
      m?.discipline ?? "",
      label(m?.careerStage),
      m?.region ?? "",
      (m?.skills ?? []).map((k) => k.skill.name).join("; "),
    ];
  });
}
