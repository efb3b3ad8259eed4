import { describe, expect, it } from 'vitest';
import type { ChartChange } from '../../app/chartCache';
import type { WorkbenchApi } from '../../app/bridge';
import type { EntityDetail } from '../../app/contract';
import { emptyDelta, type CaseEdit } from '../../app/editing/types';
import { testEntity, testLink } from '../../app/testing/rows';
import { caseQuery } from './caseHooks';

const api = {} as WorkbenchApi;

const link = (id: string, sourceId: string, targetId: string) => testLink({ id, sourceId, targetId, type: 'communicates_with' });

/** A hub linked to `n` entities, of which none is on the chart. */
function hubDetail(n: number): EntityDetail {
  const links = Array.from({ length: n }, (_, i) => link(`l${i}`, 'hub', `e${i}`));
  return {
    entity: testEntity({ id: 'hub', label: 'Relay' }),
    citations: [],
    notes: [],
    links,
    linkEnds: links.map((l) => ({ id: l.targetId, label: `Person ${l.targetId}`, type: 'person' })),
    merges: [],
  };
}

const change = (over: Partial<ChartChange> = {}): ChartChange => ({ nodes: [], edges: [], removed: [], moved: [], annotations: false, ...over });
const edit = (entitiesUpdated: string[] = []): CaseEdit => {
  const delta = emptyDelta();
  delta.entities.updated = entitiesUpdated;
  return {
    action: 'do',
    label: 'Edit',
    changed: { entities: entitiesUpdated, links: [], sources: [], citations: [], notes: [], annotations: [], mergeRecords: [] },
    delta,
    reset: false,
    version: 2,
    positionsChanged: false,
    history: { canUndo: true, canRedo: false, undoLabel: 'Edit', redoLabel: null, entries: [] },
  };
};

describe('caseQuery.entity staleOn', () => {
  const spec = caseQuery.entity(api, 'hub');
  const detail = hubDetail(5_000);

  it('is stale when the entity, one of its links or a link end on the chart changed', () => {
    expect(spec.staleOn(edit(), change({ nodes: ['hub'] }), detail)).toBe(true);
    expect(spec.staleOn(edit(), change({ edges: ['l4321'] }), detail)).toBe(true);
    expect(spec.staleOn(edit(), change({ removed: ['e17'] }), detail)).toBe(true);
  });

  it('is stale when an end off the chart was renamed, which the chart change does not name', () => {
    expect(spec.staleOn(edit(['e4999']), change(), detail)).toBe(true);
  });

  it('stays fresh when the change is elsewhere, however large', () => {
    const elsewhere = Array.from({ length: 10_000 }, (_, i) => `x${i}`);
    expect(spec.staleOn(edit(['x1']), change({ nodes: elsewhere, edges: elsewhere, removed: elsewhere }), detail)).toBe(false);
  });
});

describe('caseQuery.link staleOn', () => {
  it('is stale when the link or one of its ends changed, and only then', () => {
    const spec = caseQuery.link(api, 'l1');
    const detail = { link: link('l1', 'a', 'b') } as Parameters<typeof spec.staleOn>[2];
    expect(spec.staleOn(edit(), change({ edges: ['l1'] }), detail)).toBe(true);
    expect(spec.staleOn(edit(), change({ nodes: ['b'] }), detail)).toBe(true);
    expect(spec.staleOn(edit(), change({ nodes: ['c'], edges: ['l2'] }), detail)).toBe(false);
  });
});
