/** The neighbourhood of a person, idea or team, drawn as a network. */
import { useState } from "react";
import type { NeighbourhoodQuery } from "../api/generated";
import { useQuery } from "../api/hooks";
import { GraphView, type GraphEdge, type GraphNode } from "../components/GraphView";
import { Empty, Progress, QueryView } from "../components/States";
import { label, plural } from "../format";
import { navigate } from "../router";

/** A node's label is its kind as the graph names it: Member, Organisation, SIG, Idea... */
type Neighbourhood = Extract<NeighbourhoodQuery["neighbourhood"], { __typename: "Neighbourhood" }>;

function drawable(r: Neighbourhood): { nodes: GraphNode[]; edges: GraphEdge[] } {
  return {
    nodes: r.nodes.map((n) => ({ id: n.id, label: n.name, kind: n.label })),
    edges: r.edges.map((e) => ({ source: e.source, target: e.target, kind: e.type })),
  };
}

// Node kinds as the API spells them ("TaskGroup" or "TASK_GROUP") → the page that shows one.
const ROUTES: Record<string, string> = { member: "members", idea: "ideas", taskgroup: "groups", sig: "groups", coi: "groups", committee: "groups", group: "groups" };

function routeOf(kind: string): string | undefined {
  return ROUTES[kind.toLowerCase().replace(/_/g, "")];
}

export function GraphPage({ kind, id }: { kind: string; id: string }) {
  const [depth, setDepth] = useState(1);
  const graph = useQuery("Neighbourhood", { id, depth });
  const found = graph.data?.neighbourhood;
  const title = found?.__typename === "Neighbourhood" ? `Network of ${found.centre.name}` : `Network of this ${label(kind).toLowerCase()}`;

  function open(node: GraphNode) {
    if (node.id !== id) navigate(`/graph/${node.kind}/${encodeURIComponent(node.id)}`);
  }

  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lede">
        Who is connected to whom, and through which SIG, group, organisation or collaboration. Select any node, or use the list
        below the drawing, to move the centre there.
      </p>
      <div className="row">
        <label htmlFor="depth">Depth</label>
        <select id="depth" value={depth} onChange={(e) => setDepth(Number(e.target.value))} style={{ width: "auto" }}>
          <option value={1}>1 step</option>
          <option value={2}>2 steps</option>
          <option value={3}>3 steps</option>
        </select>
        {routeOf(kind) && (
          <a className="button secondary" href={`#/${routeOf(kind)}/${encodeURIComponent(id)}`}>
            Open the {label(kind).toLowerCase()}'s page
          </a>
        )}
      </div>
      {graph.status === "loading" && !graph.data ? (
        <Progress label="Drawing the network" />
      ) : (
        <QueryView state={graph} what="The network view" operation="Neighbourhood">
          {(data) => {
            const r = data.neighbourhood;
            if (r.__typename !== "Neighbourhood") return <div className="state state-error" role="alert">{r.message}</div>;
            if (r.nodes.length <= 1) return <Empty>No connections to show yet.</Empty>;
            const { nodes, edges } = drawable(r);
            return (
              <section className="panel" aria-label="Network">
                <p className="meta" aria-live="polite" data-testid="graph-summary">
                  {plural(nodes.length, "node")} and {plural(edges.length, "connection")}
                  {r.truncated && " (cut at 200 nodes)"}
                </p>
                <GraphView nodes={nodes} edges={edges} centre={r.centre.id} title={title} onSelect={open} />
              </section>
            );
          }}
        </QueryView>
      )}
    </>
  );
}
