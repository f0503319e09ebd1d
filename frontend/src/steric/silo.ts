/** The silo map as a square table: how often each pair of categories works together. */

export interface Pair {
  a: string;
  b: string;
  together: number;
}

export interface SiloTable {
  categories: string[];
  cell: (a: string, b: string) => number;
  /** Pairs of distinct categories that never work together, each pair once. */
  silos: [string, string][];
}

export function siloTable(categories: string[], pairs: Pair[]): SiloTable {
  const counts = new Map<string, number>();
  const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (const p of pairs) counts.set(key(p.a, p.b), (counts.get(key(p.a, p.b)) ?? 0) + p.together);
  const cell = (a: string, b: string) => counts.get(key(a, b)) ?? 0;
  const silos: [string, string][] = [];
  categories.forEach((a, i) => categories.slice(i + 1).forEach((b) => cell(a, b) === 0 && silos.push([a, b])));
  return { categories, cell, silos };
}
