/**
 * Locks and swaps while assembling a group. A lock is the staff's choice and lasts through later
 * suggestions; a swap keeps everyone else in place for that one request only, and locks just the
 * person who came in, so a later, smaller group is not refused for locks nobody chose.
 */

export interface Ask {
  /** Who the request must include: the locked, or for a swap everyone but the one swapped out. */
  mustInclude: string[];
  excluded: string[];
  /** For a swap: who was kept in place, so the newcomer can be told apart. */
  kept: string[] | null;
  /** Counts requests, so each answer to the form is brought into view once. */
  seq: number;
}

export const FIRST_ASK: Ask = { mustInclude: [], excluded: [], kept: null, seq: 0 };

/** A fresh suggestion from the form: only the locked people are kept. */
export function suggestAsk(previous: Ask, locked: string[]): Ask {
  return { mustInclude: [...locked], excluded: previous.excluded, kept: null, seq: previous.seq + 1 };
}

/** Swap one person out: the rest of the team stays for this request, and the person never returns. */
export function swapAsk(previous: Ask, team: string[], out: string): Ask {
  const kept = team.filter((id) => id !== out);
  return { mustInclude: kept, excluded: [...new Set([...previous.excluded, out])], kept, seq: previous.seq + 1 };
}

/** The locks after a swap was answered: the newcomers join the staff's own locks. */
export function locksAfterSwap(locked: string[], kept: string[], team: string[]): string[] {
  const newcomers = team.filter((id) => !kept.includes(id));
  return [...new Set([...locked, ...newcomers])];
}

export function toggle(locked: string[], id: string): string[] {
  return locked.includes(id) ? locked.filter((x) => x !== id) : [...locked, id];
}
