/**
 * The silo map's heat table: one button per pair, its count written in it and its colour from
 * a colour-blind safe scale. Arrow keys move between cells (one tab stop for the whole map),
 * Enter or a click chooses a cell; a tooltip names the pair on hover and focus.
 */
import { useRef, useState, type KeyboardEvent } from "react";
import { label, plural } from "../format";
import { binOf, binText, heatScale, type Bin, type SiloTable } from "./silo";

export interface Chosen {
  a: string;
  b: string;
}

interface Tip {
  text: string;
  x: number;
  y: number;
}

export function describePair(a: string, b: string, n: number): string {
  // The name starts from the number the cell shows, as its visible text must be part of it.
  const count = n === 0 ? "0, never on the same idea or group" : `${plural(n, "idea or group", "ideas or groups")} together`;
  return `${label(a)} and ${label(b)}: ${count}`;
}

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The next cell from (row, col) along (dr, dc), stepping over the diagonal; null at an edge. */
function step(size: number, [row, col]: [number, number], [dr, dc]: [number, number]): [number, number] | null {
  let [r, c] = [row + dr, col + dc];
  if (r === c) [r, c] = [r + dr, c + dc];
  return r < 0 || c < 0 || r >= size || c >= size ? null : [r, c];
}

export function Legend({ max }: { max: number }) {
  const scale = heatScale(max);
  return (
    <div className="heat-legend" data-testid="silo-legend">
      <span className="label">Ideas and groups in common</span>
      <ul>
        <li>
          <span className="heat-swatch zero" aria-hidden="true" /> 0, never together
        </li>
        {scale.map((bin) => (
          <li key={bin.from}>
            <span className="heat-swatch" style={{ background: bin.colour }} aria-hidden="true" /> {binText(bin)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function cellStyle(bin: Bin | null) {
  return bin ? { background: bin.colour, color: bin.ink } : undefined;
}

export function SiloHeat({ table, chosen, onChoose }: { table: SiloTable; chosen: Chosen | null; onChoose: (c: Chosen) => void }) {
  const { categories, cell } = table;
  const scale = heatScale(table.max);
  const [at, setAt] = useState<[number, number]>([0, 1]);
  const [tip, setTip] = useState<Tip | null>(null);
  const grid = useRef<HTMLTableElement>(null);

  const show = (el: HTMLElement, text: string) => {
    const box = el.getBoundingClientRect();
    setTip({ text, x: box.left + box.width / 2, y: box.top });
  };
  const move = (to: [number, number]) => {
    setAt(to);
    grid.current?.querySelector<HTMLButtonElement>(`[data-cell="${to[0]}-${to[1]}"]`)?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, here: [number, number]) => {
    if (e.key === "Escape") return setTip(null);
    const last = categories.length - 1;
    const edge: Record<string, [number, number]> = { Home: [here[0], here[0] === 0 ? 1 : 0], End: [here[0], here[0] === last ? last - 1 : last] };
    const to = e.key in MOVES ? step(categories.length, here, MOVES[e.key]) : edge[e.key];
    if (!to) return;
    e.preventDefault();
    move(to);
  };

  return (
    <div className="table-wrap heat-wrap" onScroll={() => setTip(null)}>
      <table className="heat" ref={grid} onMouseLeave={() => setTip(null)}>
        <caption className="visually-hidden">
          Ideas and groups each pair has in common; a pair with none is a silo. Use the arrow keys to move between cells, and Enter to see what links a pair.
        </caption>
        <thead>
          <tr>
            <td className="corner" />
            {categories.map((c) => (
              <th scope="col" key={c} className="col-name">
                <span title={label(c)}>{label(c)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((a, i) => (
            <tr key={a}>
              <th scope="row" className="row-name">
                {label(a)}
              </th>
              {categories.map((b, j) => {
                if (i === j)
                  return (
                    <td key={b} className="cell self">
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">same {label(a)}</span>
                    </td>
                  );
                const n = cell(a, b);
                const text = describePair(a, b, n);
                const isChosen = chosen !== null && ((chosen.a === a && chosen.b === b) || (chosen.a === b && chosen.b === a));
                return (
                  <td key={b} className={`cell${n === 0 ? " zero" : ""}`} style={cellStyle(binOf(scale, n))}>
                    <button
                      type="button"
                      data-cell={`${i}-${j}`}
                      tabIndex={at[0] === i && at[1] === j ? 0 : -1}
                      aria-label={text}
                      aria-pressed={isChosen}
                      onClick={() => onChoose({ a, b })}
                      onFocus={(e) => {
                        setAt([i, j]);
                        show(e.currentTarget, text);
                      }}
                      onBlur={() => setTip(null)}
                      onMouseEnter={(e) => show(e.currentTarget, text)}
                      onKeyDown={(e) => onKey(e, [i, j])}
                    >
                      {n}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {tip && (
        <div className="heat-tip" aria-hidden="true" data-testid="silo-tooltip" style={{ left: tip.x, top: tip.y }}>
          {tip.text}
        </div>
      )}
    </div>
  );
}
