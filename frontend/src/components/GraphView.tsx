/** A cytoscape drawing of a neighbourhood, with the same connections listed as text. */
import { useEffect, useRef } from "react";
import cytoscape from "cytoscape";
import { label } from "../format";

export interface GraphNode {
  id: string;
  label: string;
  kind: string;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: string;
}

// Calm, distinguishable colours by node kind (compared as lower case without underscores).
const COLOURS: Record<string, string> = {
  member: "#2b6cb0",
  organisation: "#6b7280",
  sig: "#0f766e",
  coi: "#14b8a6",
  taskgroup: "#b45309",
  committee: "#9a3412",
  group: "#0f766e",
  idea: "#7c3aed",
  call: "#a21caf",
  partner: "#15803d",
  network: "#4d7c0f",
  ktp: "#be123c",
  theme: "#ca8a04",
  skill: "#0369a1",
  output: "#475569",
};

export function colourOf(kind: string): string {
  return COLOURS[kind.toLowerCase().replace(/_/g, "")] ?? "#64748b";
}

/** Steps from the centre to every node it reaches (breadth first, edges taken both ways). */
export function distances(nodes: GraphNode[], edges: GraphEdge[], centre: string): Map<string, number> {
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

function elements(nodes: GraphNode[], edges: GraphEdge[], centre: string) {
  const ids = new Set(nodes.map((n) => n.id));
  return [
    ...nodes.map((n) => ({
      data: { id: n.id, label: n.label, colour: colourOf(n.kind), centre: n.id === centre ? 1 : 0 },
    })),
    ...edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, label: e.kind } })),
  ];
}

const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": "data(colour)",
      label: "data(label)",
      "font-size": 9,
      "min-zoomed-font-size": 7,
      color: "#1f2937",
      "text-wrap": "ellipsis",
      "text-max-width": "90px",
      "text-background-color": "#fbfcfd",
      "text-background-opacity": 0.8,
      "text-background-padding": "1px",
      "text-valign": "bottom",
      "text-margin-y": 4,
      width: 18,
      height: 18,
    },
  },
  { selector: "node[centre = 1]", style: { width: 30, height: 30, "border-width": 3, "border-color": "#111827" } },
  {
    selector: "edge",
    style: { width: 1.5, "line-color": "#cbd5e1", "curve-style": "bezier", label: "", "font-size": 8 },
  },
  { selector: "edge:selected, edge.hover", style: { label: "data(label)", "line-color": "#64748b" } },
] as cytoscape.StylesheetJson;

interface Props {
  nodes: GraphNode[];
  edges: GraphEdge[];
  centre: string;
  title: string;
  onSelect?: (node: GraphNode) => void;
}

export function GraphView({ nodes, edges, centre, title, onSelect }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    if (!box.current) return;
    // Rings by distance from the centre: the centre alone, then one step away, then two.
    const steps = distances(nodes, edges, centre);
    const far = Math.max(0, ...steps.values()) + 1;
    const cy = cytoscape({
      container: box.current,
      elements: elements(nodes, edges, centre),
      style: STYLE,
      layout: {
        name: "concentric",
        concentric: (node: cytoscape.NodeSingular) => far - (steps.get(node.id()) ?? far),
        levelWidth: () => 1,
        minNodeSpacing: 50,
        animate: false,
        padding: 24,
      },
      maxZoom: 1.4,
      minZoom: 0.2,
    });
    cy.on("tap", "node", (evt) => {
      const node = nodes.find((n) => n.id === evt.target.id());
      if (node) select.current?.(node);
    });
    cy.on("mouseover", "edge", (evt) => evt.target.addClass("hover"));
    cy.on("mouseout", "edge", (evt) => evt.target.removeClass("hover"));
    // Keep the drawing in view when the box changes size (a phone turned, a window resized).
    const refit = new ResizeObserver(() => {
      cy.resize();
      cy.fit(undefined, 24);
    });
    refit.observe(box.current);
    return () => {
      refit.disconnect();
      cy.destroy();
    };
  }, [nodes, edges, centre]);
  const names = new Map(nodes.map((n) => [n.id, n.label]));
  const kinds = [...new Set(nodes.map((n) => n.kind))].sort();
  return (
    <figure className="graph">
      <div
        ref={box}
        className="graph-canvas"
        role="img"
        aria-label={`${title}: ${nodes.length} nodes and ${edges.length} connections. The list below gives the same connections as text.`}
        data-testid="graph-canvas"
        data-nodes={nodes.length}
        data-edges={edges.length}
      />
      <figcaption>
        <ul className="legend" aria-label="Legend">
          {kinds.map((k) => (
            <li key={k}>
              <span className="swatch" style={{ background: colourOf(k) }} aria-hidden="true" />
              {label(k)}
            </li>
          ))}
        </ul>
        {onSelect && (
          <details>
            <summary>Move the centre to… ({nodes.length - 1})</summary>
            <ul className="tags" data-testid="graph-nodes">
              {nodes
                .filter((n) => n.id !== centre)
                .map((n) => (
                  <li key={n.id}>
                    <button type="button" className="quiet small" onClick={() => onSelect(n)}>
                      {n.label} <span className="meta">({label(n.kind)})</span>
                    </button>
                  </li>
                ))}
            </ul>
          </details>
        )}
        <details>
          <summary>
            Connections as a list ({edges.length})
          </summary>
          <ul className="edge-list">
            {edges.map((e, i) => (
              <li key={i}>
                {names.get(e.source) ?? e.source} — <em>{e.kind.toLowerCase().replace(/_/g, " ")}</em> —{" "}
                {names.get(e.target) ?? e.target}
              </li>
            ))}
          </ul>
        </details>
      </figcaption>
    </figure>
  );
}
