/** The network view's zoom and pan buttons, and its legend, which doubles as a filter by kind. */
import type { RefObject } from "react";
import type cytoscape from "cytoscape";
import { label } from "../format";
import { legendPoints, lookOf } from "./graphLook";

const STEP = 1.25;
const PAN = 80;

function zoomBy(cy: cytoscape.Core, factor: number): void {
  const middle = { x: cy.width() / 2, y: cy.height() / 2 };
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: middle });
}

/** Buttons for what a mouse does by wheel and drag, so keyboards and touch get the same. */
export function GraphControls({ cy }: { cy: RefObject<cytoscape.Core | null> }) {
  const act = (f: (c: cytoscape.Core) => void) => () => cy.current && f(cy.current);
  const buttons: [string, string, (c: cytoscape.Core) => void][] = [
    ["+", "Zoom in", (c) => zoomBy(c, STEP)],
    ["−", "Zoom out", (c) => zoomBy(c, 1 / STEP)],
    ["←", "Pan left", (c) => c.panBy({ x: PAN, y: 0 })],
    ["→", "Pan right", (c) => c.panBy({ x: -PAN, y: 0 })],
    ["↑", "Pan up", (c) => c.panBy({ x: 0, y: PAN })],
    ["↓", "Pan down", (c) => c.panBy({ x: 0, y: -PAN })],
    ["Fit", "Fit the drawing to the box", (c) => c.fit(undefined, 24)],
  ];
  return (
    <div className="graph-controls" role="toolbar" aria-label="Zoom and pan">
      {buttons.map(([text, name, f]) => (
        <button key={name} type="button" className="secondary small" aria-label={name} title={name} onClick={act(f)}>
          {text}
        </button>
      ))}
      <span className="meta">or drag to pan and scroll to zoom</span>
    </div>
  );
}

function Symbol({ kind }: { kind: string }) {
  const look = lookOf(kind);
  const points = legendPoints(look.shape);
  return (
    <svg className="symbol" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      {points ? (
        <polygon points={points} fill={look.colour} />
      ) : look.shape === "ellipse" ? (
        <circle cx="10" cy="10" r="9" fill={look.colour} />
      ) : (
        <rect x="1" y="1" width="18" height="18" rx="5" fill={look.colour} />
      )}
    </svg>
  );
}

/** One checkbox a kind, with its symbol: unticking one hides that kind from the drawing. */
export function GraphLegend({ kinds, hidden, onToggle }: { kinds: string[]; hidden: ReadonlySet<string>; onToggle: (kind: string) => void }) {
  return (
    <fieldset className="legend-filter">
      <legend>Legend: show or hide each kind</legend>
      <ul className="legend" data-testid="graph-legend">
        {kinds.map((k) => (
          <li key={k}>
            <label className="check">
              <input type="checkbox" checked={!hidden.has(k)} onChange={() => onToggle(k)} />
              <Symbol kind={k} />
              <span>{label(k)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
