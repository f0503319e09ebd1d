/** The silo map as a square table: how often each pair of categories works together. */
import type { SiloMapQuery } from "../api/generated";
import type { Cell } from "../export/csv";

export type Pair = SiloMapQuery["analytics"]["siloMap"]["pairs"][number];

export interface SiloTable {
  categories: string[];
  cell: (a: string, b: string) => number;
  /** The most any pair works together (0 when none do). */
  max: number;
  /** Pairs of distinct categories that never work together, each pair once. */
  silos: [string, string][];
  /** Pairs that do work together, fewest links first (then by name), each pair once. */
  weakest: Pair[];
}

export function siloTable(categories: string[], pairs: Pair[]): SiloTable {
  const counts = new Map<string, number>();
  const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (const p of pairs) counts.set(key(p.a, p.b), (counts.get(key(p.a, p.b)) ?? 0) + p.together);
  const cell = (a: string, b: string) => counts.get(key(a, b)) ?? 0;
  const all: Pair[] = categories.flatMap((a, i) => categories.slice(i + 1).map((b) => ({ a, b, together: cell(a, b) })));
  const silos = all.filter((p) => p.together === 0).map((p): [string, string] => [p.a, p.b]);
  const weakest = all.filter((p) => p.together > 0).sort((x, y) => x.together - y.together);
  const max = all.reduce((m, p) => Math.max(m, p.together), 0);
  return { categories, cell, max, silos, weakest };
}

/**
 * Colour-blind safe steps (ColorBrewer YlGnBu, light to dark) for counts of one or more; a
 * pair that never works together is white with hatching, so no step relies on hue alone.
 */
export const PALETTE = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];
const DARK_INK = "#000000";
const LIGHT_INK = "#ffffff";

export interface Bin {
  from: number;
  to: number;
  colour: string;
  /** The text colour with the better contrast on `colour`. */
  ink: string;
}

/** Up to five steps covering 1..max, each as even as whole numbers allow. */
export function heatScale(max: number): Bin[] {
  if (max < 1) return [];
  const n = Math.min(PALETTE.length, max);
  const pick = (i: number) => (n === 1 ? PALETTE[2] : PALETTE[Math.round((i * (PALETTE.length - 1)) / (n - 1))]);
  return Array.from({ length: n }, (_, i) => {
    const colour = pick(i);
    return { from: Math.ceil((i * max) / n) + 1, to: Math.ceil(((i + 1) * max) / n), colour, ink: inkFor(colour) };
  });
}

/** The step a count of one or more falls in; null for zero. */
export function binOf(scale: Bin[], count: number): Bin | null {
  return count < 1 ? null : (scale.find((b) => count >= b.from && count <= b.to) ?? scale[scale.length - 1] ?? null);
}

export function binText(bin: Bin): string {
  return bin.from === bin.to ? `${bin.from}` : `${bin.from}–${bin.to}`;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of two #rrggbb colours. */
export function contrast(x: string, y: string): number {
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}

function inkFor(colour: string): string {
  return contrast(colour, DARK_INK) >= contrast(colour, LIGHT_INK) ? DARK_INK : LIGHT_INK;
}

/** The map as spreadsheet rows: each pair once, in the map's order, with its count. */
export function siloRows(table: SiloTable): Cell[][] {
  const { categories, cell } = table;
  return categories.flatMap((a, i) => categories.slice(i + 1).map((b) => [a, b, cell(a, b)]));
}
