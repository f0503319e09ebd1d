/**
 * How each kind of node looks in the network view: a colour and a shape, so kinds stay apart
 * in grey scale and for colour-blind readers too (an Output is an orange triangle, an
 * Organisation a grey square). The legend draws the same shapes as the drawing.
 */

export type Shape = "ellipse" | "rectangle" | "round-rectangle" | "diamond" | "triangle" | "hexagon" | "star" | "pentagon" | "vee" | "tag";

export interface Look {
  colour: string;
  shape: Shape;
}

const LOOKS: Record<string, Look> = {
  member: { colour: "#2b6cb0", shape: "ellipse" },
  organisation: { colour: "#4b5563", shape: "rectangle" },
  sig: { colour: "#0f766e", shape: "round-rectangle" },
  coi: { colour: "#0d9488", shape: "round-rectangle" },
  group: { colour: "#134e4a", shape: "round-rectangle" },
  taskgroup: { colour: "#92400e", shape: "hexagon" },
  committee: { colour: "#7c2d12", shape: "hexagon" },
  idea: { colour: "#7c3aed", shape: "star" },
  call: { colour: "#a21caf", shape: "pentagon" },
  partner: { colour: "#15803d", shape: "diamond" },
  network: { colour: "#4d7c0f", shape: "diamond" },
  ktp: { colour: "#be123c", shape: "pentagon" },
  theme: { colour: "#a16207", shape: "tag" },
  skill: { colour: "#0369a1", shape: "vee" },
  output: { colour: "#ea580c", shape: "triangle" },
};

const OTHER: Look = { colour: "#64748b", shape: "ellipse" };

/** The look of a kind, compared as lower case without underscores ("TASK_GROUP" is "taskgroup"). */
export function lookOf(kind: string): Look {
  return LOOKS[kind.toLowerCase().replace(/_/g, "")] ?? OTHER;
}

function regular(sides: number, inner = 0): [number, number][] {
  const points: [number, number][] = [];
  const count = inner ? sides * 2 : sides;
  for (let i = 0; i < count; i++) {
    const r = inner && i % 2 ? inner : 1;
    const a = -Math.PI / 2 + (i * 2 * Math.PI) / count;
    points.push([r * Math.cos(a), r * Math.sin(a)]);
  }
  return points;
}

const OUTLINES: Partial<Record<Shape, [number, number][]>> = {
  rectangle: [[-0.9, -0.9], [0.9, -0.9], [0.9, 0.9], [-0.9, 0.9]],
  diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]],
  triangle: [[0, -1], [1, 0.8], [-1, 0.8]],
  hexagon: regular(6),
  pentagon: regular(5),
  star: regular(5, 0.45),
  vee: [[-1, -1], [0, -0.3], [1, -1], [0, 1]],
  tag: [[-1, -0.8], [0.4, -0.8], [1, 0], [0.4, 0.8], [-1, 0.8]],
};

/** The outline of a shape as SVG polygon points in a 20 by 20 box; null for circles and rounded boxes. */
export function legendPoints(shape: Shape): string | null {
  const outline = OUTLINES[shape];
  if (!outline) return null;
  return outline.map(([x, y]) => `${(10 + 9 * x).toFixed(1)},${(10 + 9 * y).toFixed(1)}`).join(" ");
}

/** The nodes whose kind is shown, and the connections between them. */
export function shownPart<N extends { id: string; kind: string }, E extends { source: string; target: string }>(
  nodes: N[],
  edges: E[],
  hidden: ReadonlySet<string>,
  centre: string,
): { nodes: N[]; edges: E[] } {
  const kept = nodes.filter((n) => n.id === centre || !hidden.has(n.kind));
  const ids = new Set(kept.map((n) => n.id));
  return { nodes: kept, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}
