/**
 * Connected components: which entities can reach each other at all. The first question of any
 * imported network (is this one web, or several unrelated ones?), and the partition that every
 * path and closeness answer depends on.
 *
 * Undirected graphs: `networkx.connected_components`. Directed graphs: weakly connected
 * components (`networkx.weakly_connected_components`, direction ignored) by default, or strongly
 * connected ones (`networkx.strongly_connected_components`: each entity reaches every other of its
 * component following the links' direction).
 *
 * Both run in O(n + m) over the CSR arrays with explicit stacks, so a 20,000-entity chart or a
 * long chain never overflows the call stack.
 */
import type { FilterReport } from './filters';
import type { AnalysisGraph } from './graph';
import { partitionResult, type CommunityResult } from './communities';

export type ComponentKind = 'weak' | 'strong';

/**
 * A component label per node (0…c−1, in order of each component's first node), by union of
 * successors and predecessors: weak components, or plain components when the graph is undirected.
 */
export function weakComponentLabels(graph: AnalysisGraph): Int32Array {
  const n = graph.nodeCount;
  const label = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const { outStart, outNode, inStart, inNode } = graph;
  let next = 0;
  for (let root = 0; root < n; root++) {
    if (label[root] !== -1) continue;
    const c = next++;
    label[root] = c;
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const v = stack[--top]!;
      for (let a = outStart[v]!, end = outStart[v + 1]!; a < end; a++) {
        const w = outNode[a]!;
        if (label[w] === -1) {
          label[w] = c;
          stack[top++] = w;
        }
      }
      // Undirected graphs share the arrays, so this loop only repeats work there; directed ones need it.
      if (graph.directed) {
        for (let a = inStart[v]!, end = inStart[v + 1]!; a < end; a++) {
          const w = inNode[a]!;
          if (label[w] === -1) {
            label[w] = c;
            stack[top++] = w;
          }
        }
      }
    }
  }
  return label;
}

/**
 * Strongly connected components (Tarjan 1972, iterative): a label per node, numbered in the order
 * Tarjan completes them (a sink component first). On an undirected graph they are its components.
 */
export function strongComponentLabels(graph: AnalysisGraph): Int32Array {
  const n = graph.nodeCount;
  const { outStart, outNode } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const label = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const tarjanStack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callArc = new Int32Array(n);
  let tarjanTop = 0;
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callArc[0] = outStart[root]!;
    index[root] = low[root] = counter++;
    tarjanStack[tarjanTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const arc = callArc[depth]!;
      if (arc < outStart[v + 1]!) {
        callArc[depth] = arc + 1;
        const w = outNode[arc]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          tarjanStack[tarjanTop++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callArc[depth] = outStart[w]!;
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      // Every arc of v is done: close its component if v is its root, then return to the caller.
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = tarjanStack[--tarjanTop]!;
          onStack[w] = 0;
          label[w] = components;
        } while (w !== v);
        components++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return label;
}

/**
 * The components as a partition, in the same record as Louvain's communities (largest first), so
 * the chart colours, collapses and lists them the same way. Modularity is that of this partition.
 */
export function connectedComponents(graph: AnalysisGraph, kind: ComponentKind = 'weak', filters: FilterReport | null = null): CommunityResult {
  const strong = graph.directed && kind === 'strong';
  const labels = strong ? strongComponentLabels(graph) : weakComponentLabels(graph);
  const what = !graph.directed ? 'Connected components' : strong ? 'Strongly connected components' : 'Weakly connected components';
  const networkx = !graph.directed ? 'connected_components' : strong ? 'strongly_connected_components' : 'weakly_connected_components';
  return partitionResult(graph, labels, {
    algorithm: strong ? `${what}, Tarjan (1972), O(n + m); networkx ${networkx}` : `${what}, graph search, O(n + m); networkx ${networkx}`,
    parameters: { method: strong ? 'strong components' : graph.directed ? 'weak components' : 'components', directed: graph.directed, weighted: false },
    filters,
  });
}

/**
 * The network's entities grouped by their type (one group per type, the largest first, each named
 * by its type), so that a chart of thousands can be read as a handful of group nodes: the third
 * choice, beside adding all and adding the best-connected, when an addition would slow the chart.
 */
export function typeGroups(graph: AnalysisGraph, typeOf: ReadonlyMap<string, string>, filters: FilterReport | null = null): CommunityResult {
  const typeIndex = new Map<string, number>();
  const labels = new Int32Array(graph.nodeCount);
  graph.nodeIds.forEach((id, v) => {
    const type = typeOf.get(id) ?? '';
    let index = typeIndex.get(type);
    if (index === undefined) {
      index = typeIndex.size;
      typeIndex.set(type, index);
    }
    labels[v] = index;
  });
  const result = partitionResult(graph, labels, {
    algorithm: 'Grouped by entity type',
    parameters: { method: 'entity type', directed: graph.directed, weighted: false },
    filters,
  });
  for (const community of result.communities) community.name = typeOf.get(community.entityIds[0]!) ?? '';
  return result;
}
