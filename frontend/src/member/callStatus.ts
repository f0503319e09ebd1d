/**
 * A call's status as of today, from its dates: the stored status says "open" until someone
 * changes it, but a call closes at the end of its closing date whatever the record says.
 */

export type CallStatus = "open" | "closed" | "upcoming";

interface Dated {
  status: string;
  opens: string | null;
  closes: string | null;
}

/** Today's date in the viewer's time zone, as YYYY-MM-DD (what the API's dates hold). */
export function isoDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function callStatus(call: Dated, now: Date = new Date()): CallStatus {
  if (call.status.toLowerCase() !== "open") return "closed";
  const today = isoDay(now);
  if (call.closes && call.closes.slice(0, 10) < today) return "closed";
  if (call.opens && call.opens.slice(0, 10) > today) return "upcoming";
  return "open";
}

export function isOpen(call: Dated, now: Date = new Date()): boolean {
  return callStatus(call, now) === "open";
}
