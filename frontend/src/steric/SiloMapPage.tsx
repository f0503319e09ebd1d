/** STERIC journey: which SIGs, disciplines or sectors never work together on ideas or groups. */
import { useState } from "react";
import { useQuery } from "../api/hooks";
import { Empty, QueryView } from "../components/States";
import { label, plural } from "../format";
import { siloTable, type Pair } from "./silo";

const FACETS = [
  ["SIG", "Special Interest Groups"],
  ["DISCIPLINE", "Disciplines"],
  ["SECTOR", "Sectors"],
] as const;

function Heat({ categories, pairs }: { categories: string[]; pairs: Pair[] }) {
  const t = siloTable(categories, pairs);
  return (
    <>
      <p aria-live="polite" data-testid="silo-summary">
        {plural(t.silos.length, "pair")} of {plural(categories.length, "category", "categories")} never work together.
      </p>
      <div className="table-wrap">
        <table className="heat">
          <caption className="visually-hidden">Times each pair worked together on ideas or groups; empty cells are silos</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Category</span>
              </th>
              {categories.map((c, i) => (
                <th scope="col" key={c} className="num">
                  <abbr title={label(c)} aria-hidden="true">
                    {i + 1}
                  </abbr>
                  <span className="visually-hidden">{label(c)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((a, i) => (
              <tr key={a}>
                <th scope="row">
                  <span className="meta" aria-hidden="true">
                    {i + 1}.
                  </span>{" "}
                  {label(a)}
                </th>
                {categories.map((b) => {
                  const n = a === b ? null : t.cell(a, b);
                  return (
                    <td key={b} className={`cell ${n === 0 ? "zero" : ""}`}>
                      {n === null ? "·" : n}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {t.silos.length > 0 && (
        <details>
          <summary>The silos as a list</summary>
          <ul data-testid="silo-list">
            {t.silos.map(([a, b]) => (
              <li key={`${a}|${b}`}>
                {label(a)} and {label(b)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

export function SiloMapPage() {
  const [facet, setFacet] = useState<string>("SIG");
  const map = useQuery<{ analytics: { siloMap: { categories: string[]; pairs: Pair[] } } }>("SiloMap", { dimension: facet });
  return (
    <>
      <h1 tabIndex={-1}>Silo map</h1>
      <p className="lede">How often each pair has worked together on ideas and groups. Red cells are pairs that never have: places to build bridges.</p>
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
            siloMap.categories.length < 2 ? <Empty>Not enough data to compare.</Empty> : <Heat categories={siloMap.categories} pairs={siloMap.pairs} />
          }
        </QueryView>
      </section>
    </>
  );
}
