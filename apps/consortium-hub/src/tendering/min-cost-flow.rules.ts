/**
 * Minimum-cost maximum flow by successive shortest paths, with Dijkstra on reduced costs (Johnson
 * potentials). Exact: among all flows of the largest possible value it returns one of least cost.
 *
 * Costs are tuples compared lexicographically (e.g. [non-local, price]): tuples under componentwise
 * addition and lexicographic order form an ordered group, which is all the algorithm needs, so a
 * first criterion always outweighs a second without any "big M" weight that could overflow.
 *
 * Deterministic: the same graph (nodes and edges in the same order) always gives the same flow;
 * among equally cheap paths the one through lower-numbered nodes is taken.
 *
 * Size: with V nodes and E edges each search is O(V^2 + E); every augmentation saturates an edge or
 * ends the search, so a bid of 100 co-ops and 50 lots (152 nodes, ≤ 5,150 edges) takes milliseconds.
 *
 * Pure: no framework, no IO (the `.rules.ts` suffix makes dependency-cruiser hold it to that).
 */
export type Cost = readonly number[];

export interface FlowEdge {
  from: number;
  to: number;
  capacity: number;
  /** Per unit of flow; every component must be ≥ 0 and a safe integer. */
  cost: Cost;
}

export interface FlowResult {
  /** Total flow from source to sink: the most the graph can carry. */
  flow: number;
  /** Total cost of that flow, componentwise. */
  cost: number[];
  /** Flow on each input edge, in input order. */
  edgeFlows: number[];
}

interface Arc {
  to: number;
  capacity: number;
  cost: number[];
  /** Index of the reverse arc in `arcs`. */
  reverse: number;
}

export function minCostMaxFlow(nodeCount: number, edges: readonly FlowEdge[], source: number, sink: number): FlowResult {
  const dims = edges[0]?.cost.length ?? 1;
  checkInput(nodeCount, edges, source, sink, dims);
  const arcs: Arc[] = [];
  const out: number[][] = Array.from({ length: nodeCount }, () => []);
  const edgeArc: number[] = [];
  for (const e of edges) {
    edgeArc.push(arcs.length);
    out[e.from].push(arcs.length);
    arcs.push({ to: e.to, capacity: e.capacity, cost: [...e.cost], reverse: arcs.length + 1 });
    out[e.to].push(arcs.length);
    arcs.push({ to: e.from, capacity: 0, cost: e.cost.map((c) => -c), reverse: arcs.length - 1 });
  }
  const zero = () => new Array<number>(dims).fill(0);
  // All costs start non-negative, so zero potentials make every reduced cost non-negative.
  const potential: number[][] = Array.from({ length: nodeCount }, zero);
  let flow = 0;
  const cost = zero();
  for (;;) {
    const { dist, via } = shortestPaths(nodeCount, out, arcs, potential, source, dims);
    if (dist[sink] === null) break;
    for (let v = 0; v < nodeCount; v++) {
      const d = dist[v];
      if (d) potential[v] = add(potential[v], d);
    }
    let push = Infinity;
    for (let v = sink; v !== source; v = arcs[arcs[via[v]].reverse].to) push = Math.min(push, arcs[via[v]].capacity);
    for (let v = sink; v !== source; v = arcs[arcs[via[v]].reverse].to) {
      const arc = arcs[via[v]];
      arc.capacity -= push;
      arcs[arc.reverse].capacity += push;
      for (let k = 0; k < dims; k++) cost[k] += push * arc.cost[k];
    }
    flow += push;
  }
  return { flow, cost, edgeFlows: edgeArc.map((a, i) => edges[i].capacity - arcs[a].capacity) };
}

/** Dense Dijkstra on reduced costs: O(V^2 + E), with ties to the lowest-numbered node. */
function shortestPaths(n: number, out: number[][], arcs: Arc[], potential: number[][], source: number, dims: number) {
  const dist: (number[] | null)[] = new Array(n).fill(null);
  const via: number[] = new Array(n).fill(-1);
  const done: boolean[] = new Array(n).fill(false);
  dist[source] = new Array<number>(dims).fill(0);
  for (;;) {
    let u = -1;
    for (let v = 0; v < n; v++) {
      const d = dist[v];
      if (!done[v] && d && (u === -1 || compare(d, dist[u] as number[]) < 0)) u = v;
    }
    if (u === -1) break;
    done[u] = true;
    const du = dist[u] as number[];
    for (const a of out[u]) {
      const arc = arcs[a];
      if (arc.capacity <= 0 || done[arc.to]) continue;
      const reduced = new Array<number>(dims);
      for (let k = 0; k < dims; k++) reduced[k] = du[k] + arc.cost[k] + potential[u][k] - potential[arc.to][k];
      const current = dist[arc.to];
      if (!current || compare(reduced, current) < 0) {
        dist[arc.to] = reduced;
        via[arc.to] = a;
      }
    }
  }
  return { dist, via };
}

export function compare(a: Cost, b: Cost): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return 0;
}

function add(a: Cost, b: Cost): number[] {
  return a.map((x, k) => x + b[k]);
}

function checkInput(nodeCount: number, edges: readonly FlowEdge[], source: number, sink: number, dims: number): void {
  const node = (v: number) => Number.isInteger(v) && v >= 0 && v < nodeCount;
  if (!Number.isInteger(nodeCount) || nodeCount < 2) throw new RangeError('a flow network needs at least two nodes');
  if (!node(source) || !node(sink) || source === sink) throw new RangeError('source and sink must be two different nodes of the network');
  for (const [i, e] of edges.entries()) {
    if (!node(e.from) || !node(e.to)) throw new RangeError(`edge ${i} joins a node outside the network`);
    if (!Number.isSafeInteger(e.capacity) || e.capacity < 0)
      throw new RangeError(`edge ${i} has a capacity that is not a whole number ≥ 0`);
    if (e.cost.length !== dims || e.cost.some((c) => !Number.isSafeInteger(c) || c < 0))
      throw new RangeError(`edge ${i} has a cost that is not ${dims} whole numbers ≥ 0`);
  }
}
