/** STERIC journey: which SIGs, disciplines or sectors never work together on ideas or groups. */
import { useState } from "react";
import { useQuery } from "../api/hooks";
import type { SiloDimension } from "../api/generated";
import { Empty, QueryView } from "../components/States";
import { DownloadCsv } from "../export/DownloadCsv";
import { label, plural } from "../format";
import { siloRows, siloTable, type Pair, type SiloTable } from "./silo";
import { SiloCellDetail } from "./SiloCellDetail";
import { Legend, SiloHeat, type Chosen } from "./SiloHeat";

const FACETS: [SiloDimension, string, string][] = [
  ["SIG", "Special Interest Groups", "SIG"],
  ["DISCIPLINE", "Disciplines", "Discipline"],
  ["SECTOR", "Sectors", "Sector"],
];

const WEAKEST_SHOWN = 8;

function PairList({ pairs, onChoose, testId }: { pairs: Pair[]; onChoose: (c: Chosen) => void; testId: string }) {
  return (
    <ol className="pair-list" data-testid={testId}>
      {pairs.map((p) => (
        <li key={`${p.a}|${p.b}`}>
          <button type="button" className="quiet" onClick={() => onChoose({ a: p.a, b: p.b })}>
            {label(p.a)} and {label(p.b)}
          </button>{" "}
          <span className="meta">{p.together === 0 ? "never" : plural(p.together, "link")}</span>
        </li>
      ))}
    </ol>
  );
}

function Lists({ table, onChoose }: { table: SiloTable; onChoose: (c: Chosen) => void }) {
  const silos = table.silos.map(([a, b]) => ({ a, b, together: 0 }));
  return (
    <aside className="silo-aside" aria-label="Weakest links">
      <h2>Weakest links</h2>
      {table.weakest.length === 0 ? (
        <p className="meta">No pair works together yet.</p>
      ) : (
        <PairList pairs={table.weakest.slice(0, WEAKEST_SHOWN)} onChoose={onChoose} testId="silo-weakest" />
      )}
      {silos.length > 0 && (
        <details>
          <summary>Never together ({silos.length})</summary>
          <PairList pairs={silos} onChoose={onChoose} testId="silo-list" />
        </details>
      )}
    </aside>
  );
}

function Heat({ facet, categories, pairs }: { facet: (typeof FACETS)[number]; categories: string[]; pairs: Pair[] }) {
  const t = siloTable(categories, pairs);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [dimension, , noun] = facet;
  return (
    <>
      <div className="spread">
        <p aria-live="polite" data-testid="silo-summary">
          {plural(t.silos.length, "pair")} of {plural(categories.length, "category", "categories")} never work together.
        </p>
        <DownloadCsv
          title={`Silo map: ${facet[1]}`}
          what="the silo map"
          header={[`${noun} A`, `${noun} B`, "Ideas and groups together"]}
          rows={() => siloRows(t)}
        />
      </div>
      <Legend max={t.max} />
      <div className="silo-layout">
        <SiloHeat table={t} chosen={chosen} onChoose={setChosen} />
        <Lists table={t} onChoose={setChosen} />
      </div>
      {chosen && <SiloCellDetail key={`${chosen.a}|${chosen.b}`} dimension={dimension} a={chosen.a} b={chosen.b} />}
    </>
  );
}

export function SiloMapPage() {
  const [facet, setFacet] = useState<SiloDimension>("SIG");
  const map = useQuery("SiloMap", { dimension: facet });
  const current = FACETS.find(([value]) => value === facet) ?? FACETS[0];
  return (
    <>
      <h1 tabIndex={-1}>Silo map</h1>
      <p className="lede">
        How often each pair has worked together on ideas and groups: the darker the cell, the more they share. Hatched cells are pairs that never
        have, places to build bridges. Choose a cell to see the ideas and groups behind it.
      </p>
      <fieldset className="row">
        <legend>Compare</legend>
        {FACETS.map(([value, text]) => (
          <label className="check" key={value}>
            <input type="radio" name="facet" value={value} checked={facet === value} onChange={() => setFacet(value)} />
            <span>{text}</span>
          </label>
        ))}
      </fieldset>
      <section className="panel" aria-label="Silo map">
        <QueryView state={map} what="The silo map" operation="SiloMap">
          {({ analytics: { siloMap } }) =>
            siloMap.categories.length < 2 ? (
              <Empty>Not enough data to compare.</Empty>
            ) : (
              <Heat key={facet} facet={current} categories={siloMap.categories} pairs={siloMap.pairs} />
            )
          }
        </QueryView>
      </section>
    </>
  );
}
