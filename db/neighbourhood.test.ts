import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseFile, type CaseStore } from './caseFile';
import { insertEntity } from './entities';
import { insertLink } from './links';
import { NATURAL_TWO_HOP_SQL, PINNED_NEIGHBOURHOOD_SQL, degrees, naturalNeighbourhood, neighbourhood, topByDegree } from './neighbourhood';
import { createRandom, testSeed } from './testing/random';
import { tempFolder } from './testing/tempCase';

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
beforeEach(() => {
  tmp = tempFolder();
  store = createCaseFile(tmp.file('n.awcase'), { name: 'Neighbourhood' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** A random graph with hubs, self-loops, parallel and both-way links: what the pinned plans must get right. */
function randomGraph(seed: number, nodes: number, links: number): string[] {
  const random = createRandom(seed);
  const ids: string[] = [];
  store.db.transaction(() => {
    for (let i = 0; i < nodes; i++) ids.push(insertEntity(store.db, { type: i % 3 === 0 ? 'person' : 'organization', label: `N${i}` }).id);
    for (let i = 0; i < links; i++) {
      // Preferential-ish: half the links go to the first few nodes, so some nodes are hubs.
      const a = ids[random.next() < 0.5 ? random.int(5) : random.int(nodes)] as string;
      const b = ids[random.int(nodes)] as string;
      insertLink(store.db, { type: 'associated_with', sourceId: a, targetId: b, directed: random.next() < 0.5 });
    }
  })();
  return ids;
}

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('neighbourhood queries', () => {
  it('the pinned plans give the same entities as the natural joins, at 1, 2 and 3 hops, from one or many seeds', () => {
    const seed = testSeed();
    const random = createRandom(seed);
    const ids = randomGraph(seed, 120, 260);
    for (let round = 0; round < 40; round++) {
      const seeds = Array.from({ length: round % 4 === 0 ? 3 : 1 }, () => ids[random.int(ids.length)] as string);
      for (const hops of [1, 2, 3]) {
        const pinned = neighbourhood(store.db, seeds, hops);
        expect(sorted(pinned), `seed ${seed}, round ${round}, ${hops} hops`).toEqual(sorted(naturalNeighbourhood(store.db, seeds, hops)));
        expect(new Set(pinned).size).toBe(pinned.length);
        for (const s of seeds) expect(pinned).not.toContain(s);
      }
      const one = seeds[0] as string;
      const natural = (store.db.prepare(NATURAL_TWO_HOP_SQL).pluck().all({ a: one }) as string[]).filter((id) => id !== one);
      expect(sorted(neighbourhood(store.db, [one], 2))).toEqual(sorted(natural));
    }
  });

  it('finds a neighbour through an incoming link as well as an outgoing one, and nothing for an isolated entity', () => {
    const [a, b, c, lone] = ['A', 'B', 'C', 'Lone'].map((label) => insertEntity(store.db, { type: 'person', label }).id) as [string, string, string, string];
    insertLink(store.db, { type: 'knows', sourceId: a, targetId: b, directed: true });
    insertLink(store.db, { type: 'knows', sourceId: c, targetId: b, directed: true });
    expect(sorted(neighbourhood(store.db, [b], 1))).toEqual(sorted([a, c]));
    expect(neighbourhood(store.db, [a], 1)).toEqual([b]);
    expect(sorted(neighbourhood(store.db, [a], 2))).toEqual(sorted([b, c]));
    expect(neighbourhood(store.db, [lone], 3)).toEqual([]);
    expect(degrees(store.db, [a, b, lone])).toEqual(new Map([[a, 1], [b, 2], [lone, 0]]));
    expect(topByDegree(store.db, [a, b, c, lone], 1)).toEqual([b]);
  });

  it('the pinned statements search the covering indexes and never scan the links table', () => {
    randomGraph(7, 50, 100);
    for (const sql of Object.values(PINNED_NEIGHBOURHOOD_SQL)) {
      const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ a: '["x"]' }) as { detail: string }[]).map((r) => r.detail);
      const linkSteps = plan.filter((d) => /^(SEARCH|SCAN) (l|links)\b/.test(d));
      expect(linkSteps.length).toBeGreaterThanOrEqual(2);
      for (const step of linkSteps) expect(step).toMatch(/^SEARCH (l|links) USING COVERING INDEX links_(source_target \(source_id=\?\)|target_source \(target_id=\?\))$/);
    }
  });
});
