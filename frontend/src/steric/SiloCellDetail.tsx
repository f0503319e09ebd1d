/** The drill-down of one silo-map cell: the ideas and groups that link its two categories. */
import { useEffect, useRef } from "react";
import { useQuery } from "../api/hooks";
import type { SiloCellQuery, SiloDimension } from "../api/generated";
import { Empty, QueryView } from "../components/States";
import { label, plural } from "../format";
import { Link } from "../router";

type Found = Extract<SiloCellQuery["analytics"]["siloCell"], { __typename: "SiloCell" }>;
type Linked = Found["links"][number];

function Counts({ link, a, b }: { link: Linked; a: string; b: string }) {
  return (
    <span className="meta">
      {" "}
      · {plural(link.fromA, "member")} from {label(a)}, {plural(link.fromB, "member")} from {label(b)}
    </span>
  );
}

function Links({ found }: { found: Found }) {
  const ideas = found.links.flatMap((l) => (l.idea ? [{ ...l, idea: l.idea }] : []));
  const groups = found.links.flatMap((l) => (l.group ? [{ ...l, group: l.group }] : []));
  if (found.together === 0)
    return <Empty>No idea or group involves members of both: a place to build a bridge.</Empty>;
  return (
    <>
      <p data-testid="silo-cell-count">{plural(found.together, "idea or group", "ideas and groups")} {found.together === 1 ? "involves" : "involve"} members of both.</p>
      {groups.length > 0 && (
        <>
          <h3>Groups</h3>
          <ul className="plain" data-testid="silo-cell-groups">
            {groups.map((l) => (
              <li key={l.group.id}>
                <Link to={`/groups/${encodeURIComponent(l.group.id)}`}>{l.group.name}</Link>{" "}
                <span className="badge">{label(l.group.kind)}</span>
                <Counts link={l} a={found.a} b={found.b} />
              </li>
            ))}
          </ul>
        </>
      )}
      {ideas.length > 0 && (
        <>
          <h3>Ideas</h3>
          <ul className="plain" data-testid="silo-cell-ideas">
            {ideas.map((l) => (
              <li key={l.idea.id}>
                <Link to={`/ideas/${encodeURIComponent(l.idea.id)}`}>{l.idea.title}</Link>{" "}
                <span className="badge">{label(l.idea.status)}</span>
                <Counts link={l} a={found.a} b={found.b} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function SiloCellDetail({ dimension, a, b }: { dimension: SiloDimension; a: string; b: string }) {
  const state = useQuery("SiloCell", { dimension, a, b });
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    // Braced: Chromium's scrollIntoView may return a promise, which React would call on unmount.
    panel.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <section className="panel" ref={panel} aria-labelledby="silo-cell-heading" aria-live="polite" data-testid="silo-cell">
      <h2 id="silo-cell-heading" tabIndex={-1}>
        What links {label(a)} and {label(b)}
      </h2>
      <QueryView state={state} what="What links the pair" operation="SiloCell">
        {({ analytics: { siloCell } }) =>
          siloCell.__typename === "SiloCell" ? <Links found={siloCell} /> : <p className="state state-error">{siloCell.message}</p>
        }
      </QueryView>
    </section>
  );
}
