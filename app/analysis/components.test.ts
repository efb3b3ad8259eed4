import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectedComponents, strongComponentLabels, typeGroups, weakComponentLabels } from './components';
import { graphFromEdges } from './graph';

/** Reachability by transitive closure (Warshall): an oracle that shares no code with the searches. */
function reachability(n: number, arcs: readonly [number, number][]): boolean[][] {
  const r = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j));
  for (const [u, v] of arcs) r[u]![v] = true;
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) if (r[i]![k]) for (let j = 0; j < n; j++) if (r[k]![j]) r[i]![j] = true;
  return r;
}

const graphs = fc
  .integer({ min: 1, max: 14 })
  .chain((n) => fc.record({ n: fc.constant(n), arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }) }));

function build(n: number, arcs: readonly [number, number][], directed: boolean) {
  return graphFromEdges(
    Array.from({ length: n }, (_, i) => ({ id: `e${i}` })),
    arcs.map(([u, v]) => ({ source: `e${u}`, target: `e${v}` })),
    { directed },
  );
}

describe('connected components', () => {
  it('weak components join exactly the entities linked in either direction', () => {
    fc.assert(
      fc.property(graphs, fc.boolean(), ({ n, arcs }, directed) => {
        const graph = build(n, arcs, directed);
        const labels = weakComponentLabels(graph);
        const both = reachability(n, arcs.flatMap(([u, v]) => [[u, v] as [number, number], [v, u] as [number, number]]));
        for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) expect(labels[u] === labels[v]).toBe(both[u]![v]);
      }),
    );
  });

  it('strong components join exactly the entities that reach each other along the links', () => {
    fc.assert(
      fc.property(graphs, ({ n, arcs }) => {
        const graph = build(n, arcs, true);
        const labels = strongComponentLabels(graph);
        const r = reachability(n, arcs);
        for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) expect(labels[u] === labels[v]).toBe(r[u]![v]! && r[v]![u]!);
      }),
    );
  });

  it('survives a 100,000-entity chain without overflowing the stack', () => {
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: String(i) }));
    const chain = Array.from({ length: n - 1 }, (_, i) => ({ source: String(i), target: String(i + 1) }));
    const cycle = [...chain, { source: String(n - 1), target: '0' }];
    expect(new Set(weakComponentLabels(graphFromEdges(nodes, chain)))).toEqual(new Set([0]));
    expect(new Set(strongComponentLabels(graphFromEdges(nodes, cycle, { directed: true })))).toEqual(new Set([0]));
    expect(new Set(strongComponentLabels(graphFromEdges(nodes, chain, { directed: true }))).size).toBe(n);
  });

  it('reports the components largest first, as networkx counts them', () => {
    // Two triangles joined one way (a→d), and a lone entity: 2 weak components, 3 strong ones.
    const graph = build(
      7,
      [
        [0, 1],
        [1, 2],
        [2, 0],
        [3, 4],
        [4, 5],
        [5, 3],
        [0, 3],
      ],
      true,
    );
    const weak = connectedComponents(graph);
    expect(weak.communities.map((c) => c.entityIds.length)).toEqual([6, 1]);
    expect(weak.parameters.method).toBe('weak components');
    expect(weak.algorithm).toContain('weakly_connected_components');
    const strong = connectedComponents(graph, 'strong');
    expect(strong.communities.map((c) => c.entityIds.length)).toEqual([3, 3, 1]);
    expect(strong.communities[0]!.entityIds).toEqual(['e0', 'e1', 'e2']);
    expect(strong.membership.e6).toBe(2);
  });
});

describe('grouping by entity type', () => {
  it('puts every entity in the group of its type, names each group by its type, the largest first', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('person', 'organization', 'location', 'event'), { minLength: 1, maxLength: 30 }), (types) => {
        const graph = build(types.length, [], false);
        const typeOf = new Map(types.map((t, i) => [`e${i}`, t]));
        const result = typeGroups(graph, typeOf);
        const expected = new Map<string, number>();
        for (const t of types) expected.set(t, (expected.get(t) ?? 0) + 1);
        expect(result.communities).toHaveLength(expected.size);
        for (const c of result.communities) {
          expect(c.entityIds.length).toBe(expected.get(c.name!));
          for (const id of c.entityIds) {
            expect(typeOf.get(id)).toBe(c.name);
            expect(result.membership[id]).toBe(c.index);
          }
        }
        const sizes = result.communities.map((c) => c.entityIds.length);
        expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
        expect(result.parameters.method).toBe('entity type');
      }),
    );
  });

  it('groups only the entities of the network given (the filters have already left some out)', () => {
    const graph = build(3, [[0, 1]], false);
    const typeOf = new Map([
      ['e0', 'person'],
      ['e1', 'person'],
      ['e2', 'location'],
      ['e9', 'location'],
    ]);
    const result = typeGroups(graph, typeOf);
    expect(result.communities.map((c) => [c.name, c.entityIds])).toEqual([
      ['person', ['e0', 'e1']],
      ['location', ['e2']],
    ]);
  });
});
