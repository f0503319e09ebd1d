/** A cytoscape drawing of a neighbourhood, with the same connections listed as text. */
import { useEffect, useRef, useState } from "react";
import cytoscape from "cytoscape";
import { label } from "../format";
import { GraphControls, GraphLegend } from "./GraphControls";
import { ringLayout } from "./graphLayout";
import { lookOf, shownPart } from "./graphLook";

export { distances } from "./graphLayout";

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

function elements(nodes: GraphNode[], edges: GraphEdge[], centre: string) {
  const ids = new Set(nodes.map((n) => n.id));
  return [
    ...nodes.map((n) => ({
      data: { id: n.id, label: n.label, kind: n.kind, colour: lookOf(n.kind).colour, shape: lookOf(n.kind).shape, centre: n.id === centre ? 1 : 0 },
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
      shape: "data(shape)",
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
  const cyRef = useRef<cytoscape.Core | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const shown = shownPart(nodes, edges, hidden, centre);
  useEffect(() => {
    if (!box.current) return;
    // Rings by distance from the centre, spaced so that no two labels cover each other. 200
    // nodes are far wider than the box: the low minZoom lets the fit take them all in (at 0.2
    // it cut most of them off), and labels are drawn once zoomed in far enough to read.
    const at = Object.fromEntries(ringLayout(nodes, edges, centre));
    const cy = cytoscape({
      container: box.current,
      elements: elements(nodes, edges, centre),
      style: STYLE,
      layout: { name: "preset", positions: at, fit: true, padding: 24, animate: false },
      maxZoom: 3,
      minZoom: 0.05,
    });
    cyRef.current = cy;
    const container = box.current;
    const showZoom = () => (container.dataset.zoom = cy.zoom().toFixed(2));
    cy.on("zoom", showZoom);
    showZoom();
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
      cyRef.current = null;
      cy.destroy();
    };
  }, [nodes, edges, centre]);
  // Hiding a kind hides its nodes (and so their connections) without laying the drawing out again.
  useEffect(() => {
    cyRef.current?.nodes().forEach((n) => {
      n.style("display", n.id() !== centre && hidden.has(String(n.data("kind"))) ? "none" : "element");
    });
  }, [hidden, nodes, centre]);
  const names = new Map(nodes.map((n) => [n.id, n.label]));
  const kinds = [...new Set(nodes.map((n) => n.kind))].sort();
  const toggleKind = (kind: string) => {
    const next = new Set(hidden);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setHidden(next);
  };
  return (
    <figure className="graph">
      <div
        ref={box}
        className="graph-canvas"
        role="img"
        aria-label={`${title}: ${shown.nodes.length} nodes and ${shown.edges.length} connections. The list below gives the same connections as text.`}
        data-testid="graph-canvas"
        data-nodes={nodes.length}
        data-edges={edges.length}
        data-shown-nodes={shown.nodes.length}
      />
      <GraphControls cy={cyRef} />
      <figcaption>
        <GraphLegend kinds={kinds} hidden={hidden} onToggle={toggleKind} />
        {onSelect && (
          <details>
            <summary>Move the centre to… ({shown.nodes.length - 1})</summary>
            <ul className="tags" data-testid="graph-nodes">
              {shown.nodes
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
            Connections as a list ({shown.edges.length})
          </summary>
          <ul className="edge-list" tabIndex={0} aria-label="Connections">
            {shown.edges.map((e, i) => (
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
