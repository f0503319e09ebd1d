/** A Task-and-Finish group on one printable sheet: remit, state and every proposed member. */
import { useEffect } from "react";
import { useQuery } from "../api/hooks";
import { QueryView } from "../components/States";
import { date } from "../format";
import { Link } from "../router";
import { GROUP_HEADER, groupRows } from "./exportRows";
import { standing, STATE_TEXT, type Lifecycle } from "./types";
import "./groups.css";

/** While the sheet is shown, printing leaves out the app's header and navigation. */
function usePrintingClass() {
  useEffect(() => {
    document.body.classList.add("printing-group");
    return () => document.body.classList.remove("printing-group");
  }, []);
}

function Sheet({ group }: { group: Lifecycle }) {
  const rows = groupRows(group);
  return (
    <article className="print-sheet">
      <p className="row no-print">
        <Link to={`/groups/${encodeURIComponent(group.id)}`}>Back to the group</Link>
        <button type="button" className="secondary small" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <h1 tabIndex={-1}>{group.name}</h1>
      <p>
        Task-and-Finish group · {STATE_TEXT[group.state]}
        {group.created && ` · created ${date(group.created)}`}
      </p>
      {group.themes.length > 0 && <p>Themes: {group.themes.map((t) => t.name).join("; ")}</p>}
      <h2>Remit</h2>
      <p className="remit">{group.remit}</p>
      <h2>Members</h2>
      <p data-testid="group-standing">{standing(group)}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Members of the group">
        <table data-testid="print-table">
          <thead>
            <tr>
              {GROUP_HEADER.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}

export function PrintGroup({ id }: { id: string }) {
  usePrintingClass();
  const lifecycle = useQuery("GroupLifecycle", { id });
  return (
    <QueryView state={lifecycle} what="This group" operation="GroupLifecycle">
      {(data) =>
        data.taskGroupLifecycle ? (
          <Sheet group={data.taskGroupLifecycle} />
        ) : (
          <>
            <h1 tabIndex={-1}>Group not found</h1>
            <p>There is no Task-and-Finish group with this id.</p>
          </>
        )
      }
    </QueryView>
  );
}
