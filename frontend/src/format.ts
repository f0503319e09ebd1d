/** Display text for the API's values: enum names, sectors, scores and dates. */

const SPECIAL: Record<string, string> = {
  nhs: "NHS",
  nhs_trust: "NHS trust",
  sig: "SIG",
  coi: "CoI",
  ktp: "KTP",
  ktn: "KTN",
  taskgroup: "Task-and-Finish group",
  task_group: "Task-and-Finish group",
  grand_challenge: "Grand challenge",
  emerging_trend: "Emerging trend",
};

/**
 * "EARLY" → "Early", "nhs_trust" → "NHS trust", "TaskGroup" → "Task-and-Finish group";
 * names that are already words ("MRI SIG", "North West") are left as they are.
 */
export function label(value: string | null | undefined): string {
  if (!value) return "";
  if (!/^[A-Z0-9_]+$/.test(value) && !/^[a-z0-9_]+$/.test(value) && value !== "TaskGroup") return value;
  const key = value.toLowerCase();
  if (SPECIAL[key]) return SPECIAL[key];
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A 0..1 score as a whole percentage. */
export function percent(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return "–";
  return `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** An ISO date or datetime as "3 Mar 2025"; anything unparseable as given. */
export function date(value: string | null | undefined): string {
  if (!value) return "";
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}
