/**
 * Where each node of the network view goes: rings by distance from the centre, as many rings a
 * distance as its nodes need, packed so that no two labels cover each other.
 *
 * A label is at most about 92 by 14 pixels under its node, so the rings are circles in units of
 * 100 pixels across and 32 down: two nodes 1.1 units apart or more never have overlapping labels,
 * and the drawing comes out about three times as wide as tall, like the box it is drawn in.
 */

export interface Position {
  x: number;
  y: number;
}

const ACROSS = 100; // pixels a unit, left to right: a label's width and a margin
const DOWN = 32; // pixels a unit, top to bottom: a node's label and a margin
const GAP = 1.1; // units between neighbours on a ring, and between rings
const FIRST = 1.5; // units from the centre to the first ring: the centre node is the largest

/** Steps from the centre to every node it reaches (breadth first, edges taken both ways). */
export function distances(
  nodes: { id: string }[],
  edges: { source: string; target: string }[],
  centre: string,
): Map<string, number> {
  const next = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    next.get(e.source)?.push(e.target);
    next.get(e.target)?.push(e.source);
  }
  const seen = new Map([[centre, 0]]);
  const queue = [centre];
  for (let i = 0; i < queue.length; i++) {
    for (const n of next.get(queue[i]) ?? []) {
      if (!seen.has(n)) {
        seen.set(n, seen.get(queue[i])! + 1);
        queue.push(n);
      }
    }
  }
  return seen;
}

/** The nodes a step further out, in the order of the node that reached each (fewer crossings). */
function bands(ids: string[], steps: Map<string, number>): string[][] {
  const far = Math.max(0, ...steps.values()) + 1;
  const out: string[][] = Array.from({ length: far + 1 }, () => []);
  for (const id of ids) out[steps.get(id) ?? far].push(id);
  return out.filter((band) => band.length > 0);
}

/** Rings of radius FIRST, FIRST + GAP, ... each holding as many nodes as fit GAP apart. */
function ringsFor(count: number, start: number): { radius: number; size: number }[] {
  const rings = [];
  for (let r = start, left = count; left > 0; r += GAP) {
    const fits = Math.max(1, Math.floor((2 * Math.PI * r) / GAP));
    rings.push({ radius: r, size: Math.min(fits, left) });
    left -= fits;
  }
  return rings;
}

/** Each node's position: the centre at the origin, each distance on rings of its own. */
export function ringLayout(
  nodes: { id: string }[],
  edges: { source: string; target: string }[],
  centre: string,
): Map<string, Position> {
  const steps = distances(nodes, edges, centre);
  const ids = nodes.map((n) => n.id);
  const at = new Map<string, Position>([[centre, { x: 0, y: 0 }]]);
  const turn = new Map<string, number>([[centre, 0]]);
  let radius = FIRST;
  let rings = 0;
  for (const band of bands(ids.filter((id) => id !== centre), steps)) {
    const order = band
      .map((id, i) => ({ id, key: parentTurn(id, edges, steps, turn) ?? i / band.length }))
      .sort((a, b) => a.key - b.key);
    let placed = 0;
    for (const ring of ringsFor(order.length, radius)) {
      for (let k = 0; k < ring.size; k++) {
        // Every other ring turned half a place, so neighbours across rings do not line up.
        const angle = -Math.PI / 2 + (2 * Math.PI * (k + 0.5 * (rings % 2))) / ring.size;
        const id = order[placed + k].id;
        at.set(id, { x: ACROSS * ring.radius * Math.cos(angle), y: DOWN * ring.radius * Math.sin(angle) });
        turn.set(id, ((angle + Math.PI / 2) / (2 * Math.PI)) % 1);
      }
      placed += ring.size;
      rings += 1;
      radius = ring.radius + GAP;
    }
  }
  return at;
}

/** How far round (0 to 1) the first already placed neighbour one step nearer the centre sits. */
function parentTurn(
  id: string,
  edges: { source: string; target: string }[],
  steps: Map<string, number>,
  turn: Map<string, number>,
): number | undefined {
  const step = steps.get(id);
  for (const e of edges) {
    const other = e.source === id ? e.target : e.target === id ? e.source : undefined;
    if (other !== undefined && step !== undefined && steps.get(other) === step - 1 && turn.has(other)) return turn.get(other);
  }
  return undefined;
}
