/**
 * The render benchmark's graphs: preferential attachment (each new node links to 2 or 3 earlier
 * ones chosen by degree, ~2.5 links a node), deterministic per size, with positions from a short
 * ForceAtlas2 run so the drawing looks like a link chart (hubs in the middle, leaves around).
 * The same nodes, links and positions go to the app (as a case file), to plain Cytoscape and to
 * sigma.js.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { createCaseFile } from '../../db/caseFile';
import { defaultChart, saveChartPositions } from '../../db/charts';
import { putOnChart } from '../../db/chartMembership';
import { insertEntity } from '../../db/entities';
import { insertLink } from '../../db/links';

export interface BenchNode {
  id: string;
  label: string;
  type: string;
  x: number;
  y: number;
}
export interface BenchEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}
export interface BenchGraph {
  nodes: BenchNode[];
  edges: BenchEdge[];
}

const ENTITY_TYPES = ['person', 'armed_group', 'organisation', 'place', 'event', 'document', 'state', 'group'];
const LINK_TYPES = ['member_of', 'leads', 'operates_in', 'related_to', 'funds', 'allied_with', 'attacked', 'rival_of'];

/** Deterministic pseudo-random numbers (mulberry32). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nodes and links without positions: the preferential-attachment structure only. */
export function preferentialAttachment(n: number, seed = 7): { ids: string[]; edges: BenchEdge[] } {
  const random = seeded(seed);
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  const edges: BenchEdge[] = [];
  // Every link end once: picking a uniform entry picks a node in proportion to its degree.
  const ends: number[] = [0, 1];
  edges.push({ id: 'l0', source: 'n1', target: 'n0', type: LINK_TYPES[0]! });
  for (let i = 2; i < n; i++) {
    const wanted = Math.min(i, i % 2 === 0 ? 2 : 3);
    const chosen = new Set<number>();
    while (chosen.size < wanted) chosen.add(ends[Math.floor(random() * ends.length)]!);
    for (const j of chosen) {
      edges.push({ id: `l${edges.length}`, source: `n${i}`, target: `n${j}`, type: LINK_TYPES[edges.length % LINK_TYPES.length]! });
      ends.push(i, j);
    }
  }
  return { ids, edges };
}

/** The graph with stored positions: a short ForceAtlas2 run, scaled to about 90 px a link. */
export function benchGraph(n: number): BenchGraph {
  const { ids, edges } = preferentialAttachment(n);
  const random = seeded(11);
  const graph = new Graph({ type: 'undirected', multi: true });
  const side = Math.sqrt(n) * 10;
  for (const id of ids) graph.addNode(id, { x: random() * side, y: random() * side });
  for (const e of edges) graph.addEdgeWithKey(e.id, e.source, e.target);
  forceAtlas2.assign(graph, {
    iterations: n > 5000 ? 60 : 120,
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 2000 },
  });
  const at = (id: string) => graph.getNodeAttributes(id) as { x: number; y: number };
  const lengths = edges.map((e) => Math.hypot(at(e.source).x - at(e.target).x, at(e.source).y - at(e.target).y)).sort((a, b) => a - b);
  const scale = 90 / Math.max(1e-9, lengths[Math.floor(lengths.length / 2)] ?? 1);
  const nodes = ids.map((id, i) => ({
    id,
    label: `Entity ${i}`,
    type: ENTITY_TYPES[i % ENTITY_TYPES.length]!,
    x: Math.round(at(id).x * scale),
    y: Math.round(at(id).y * scale),
  }));
  return { nodes, edges };
}

/**
 * Writes the graph as a case file, as an import would leave it: entities, links, one citation-free
 * chart with every position stored (or none when `placed` is false) and no saved viewport.
 * Returns the entity id of each bench node id.
 */
export function writeBenchCase(path: string, graph: BenchGraph, placed: boolean): Map<string, string> {
  const store = createCaseFile(path, { name: `bench ${graph.nodes.length}` });
  const idOf = new Map<string, string>();
  try {
    store.db.transaction(() => {
      for (const node of graph.nodes) idOf.set(node.id, insertEntity(store.db, { type: node.type, label: node.label }).id);
      for (const edge of graph.edges) {
        insertLink(store.db, { type: edge.type, sourceId: idOf.get(edge.source)!, targetId: idOf.get(edge.target)!, directed: edge.type === 'leads' });
      }
    })();
    const chartId = defaultChart(store.db).id;
    // On the chart either way (the chart is a view onto the case: entities written straight into the
    // store are off it); without positions the app lays them out on open.
    putOnChart(store.db, chartId, [...idOf.values()]);
    if (placed) {
      saveChartPositions(
        store.db,
        chartId,
        graph.nodes.map((node) => ({ entityId: idOf.get(node.id)!, x: node.x, y: node.y })),
      );
    }
  } finally {
    store.close();
  }
  return idOf;
}
