import { describe, expect, it } from 'vitest';
import type { Entity, Link } from '../../app/domain';
import { chartElements, diffElements, hasAllPositions, type ChartElement, type ElementSnapshot } from './elements';
import { testEntity, testLink } from '../../app/testing/rows';

const stamp = '2024-01-01T00:00:00.000Z';
const entity = (id: string, type = 'person', label = id): Entity => testEntity({ id, type, label, createdAt: stamp, updatedAt: stamp });
const link = (id: string, sourceId: string, targetId: string, type = 'member_of', extra: Partial<Link> = {}): Link =>
  testLink({ id, sourceId, targetId, type, directed: true, createdAt: stamp, updatedAt: stamp, ...extra });

function snapshotOf(elements: readonly ChartElement[]): Map<string, ElementSnapshot> {
  return new Map(elements.map((e) => [e.data.id, { group: e.group, data: { ...e.data }, classes: e.classes }]));
}

describe('chartElements', () => {
  it('draws each entity as a node styled by its catalogue type, unknown types as "other"', () => {
    const elements = chartElements({
      entities: [entity('a', 'armed_group', 'JNIM'), entity('b', 'spaceship')],
      links: [],
      evidence: { a: { citations: 2, bestGrade: 'B2' } },
    });
    expect(elements).toEqual([
      { group: 'nodes', data: { id: 'a', label: 'JNIM', typeKey: 'armed_group', citations: 2, degree: 0 }, classes: '' },
      { group: 'nodes', data: { id: 'b', label: 'b', typeKey: 'other', citations: 0, degree: 0 }, classes: 'unsourced' },
    ]);
  });

  it('labels links by their type, or by their own label, with tone and direction as classes', () => {
    const [, , hostile, symmetric, labelled] = chartElements({
      entities: [entity('a'), entity('b')],
      links: [
        link('l1', 'a', 'b', 'fights'),
        link('l2', 'a', 'b', 'rival_of', { directed: false }),
        link('l3', 'b', 'a', 'member_of', { label: 'emir of' }),
      ],
      evidence: { l1: { citations: 1, bestGrade: 'C2' }, l2: { citations: 1, bestGrade: 'C2' }, l3: { citations: 1, bestGrade: 'C2' } },
    });
    expect(hostile).toMatchObject({ group: 'edges', data: { label: 'fights', tone: 'hostile' }, classes: 'tone-hostile directed' });
    expect(symmetric).toMatchObject({ data: { label: 'rival of', tone: 'hostile' }, classes: 'tone-hostile' });
    expect(labelled).toMatchObject({ data: { source: 'b', target: 'a', label: 'emir of', tone: 'affiliation' } });
  });

  it('counts the links drawn at each node', () => {
    const elements = chartElements({
      entities: [entity('a'), entity('b'), entity('c')],
      links: [link('l1', 'a', 'b'), link('l2', 'a', 'c'), link('l3', 'a', 'gone')],
      evidence: {},
    });
    expect(elements.filter((e) => e.group === 'nodes').map((e) => [e.data.id, e.data.degree])).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 1],
    ]);
  });

  it('carries note counts on entities and links that have notes, and only on those', () => {
    const elements = chartElements({
      entities: [entity('a'), entity('b')],
      links: [link('l1', 'a', 'b'), link('l2', 'b', 'a')],
      evidence: {},
      noteCounts: { a: 3, l2: 1, b: 0 },
    });
    expect(elements.map((e) => [e.data.id, e.data.notes])).toEqual([
      ['a', 3],
      ['b', undefined],
      ['l1', undefined],
      ['l2', 1],
    ]);
    expect('notes' in (elements[1] as ChartElement).data).toBe(false);
  });

  it('updates an element whose last note was deleted (the badge goes)', () => {
    const withNote = chartElements({ entities: [entity('a')], links: [], evidence: {}, noteCounts: { a: 1 } });
    const without = chartElements({ entities: [entity('a')], links: [], evidence: {}, noteCounts: {} });
    expect(diffElements(snapshotOf(withNote), without).update.map((e) => e.data.id)).toEqual(['a']);
    const two = chartElements({ entities: [entity('a')], links: [], evidence: {}, noteCounts: { a: 2 } });
    expect(diffElements(snapshotOf(withNote), two).update.map((e) => e.data.notes)).toEqual([2]);
  });

  it('leaves out a link whose end is not drawn', () => {
    const elements = chartElements({ entities: [entity('a')], links: [link('l1', 'a', 'gone')], evidence: {} });
    expect(elements.map((e) => e.data.id)).toEqual(['a']);
  });
});

describe('diffElements', () => {
  const before = chartElements({ entities: [entity('a'), entity('b'), entity('c')], links: [link('l1', 'a', 'b')], evidence: {} });

  it('changes nothing when nothing changed', () => {
    expect(diffElements(snapshotOf(before), before)).toEqual({ remove: [], add: [], update: [] });
  });

  it('adds new elements, removes missing ones and updates changed ones, by id', () => {
    const after = chartElements({
      entities: [entity('a', 'person', 'A renamed'), entity('b'), entity('d')],
      links: [link('l1', 'a', 'b'), link('l2', 'b', 'd')],
      evidence: {},
    });
    const diff = diffElements(snapshotOf(before), after);
    expect(diff.remove).toEqual(['c']);
    expect(diff.add.map((e) => e.data.id)).toEqual(['d', 'l2']);
    // a was renamed; b gained a link (its degree, hence its size, changed).
    expect(diff.update.map((e) => e.data.id)).toEqual(['a', 'b']);
  });

  it('re-adds an edge whose ends changed (Cytoscape edges cannot move)', () => {
    const after = chartElements({ entities: [entity('a'), entity('b'), entity('c')], links: [link('l1', 'a', 'c')], evidence: {} });
    const diff = diffElements(snapshotOf(before), after);
    expect(diff.remove).toEqual(['l1']);
    expect(diff.add.map((e) => e.data.id)).toEqual(['l1']);
  });

  it('updates an element whose classes changed, in any order of classes', () => {
    const snapshot = snapshotOf(before);
    snapshot.set('l1', { ...(snapshot.get('l1') as ElementSnapshot), classes: 'directed tone-affiliation unsourced' });
    expect(diffElements(snapshot, before).update).toEqual([]);
    const cited = chartElements({ entities: [entity('a'), entity('b'), entity('c')], links: [link('l1', 'a', 'b')], evidence: { l1: { citations: 1, bestGrade: 'A1' } } });
    expect(diffElements(snapshotOf(before), cited).update.map((e) => e.data.id)).toEqual(['l1']);
  });
});

describe('hasAllPositions', () => {
  it('is true only when every entity has a stored position', () => {
    expect(hasAllPositions(['a', 'b'], [{ entityId: 'a', x: 0, y: 0 }, { entityId: 'b', x: 1, y: 1 }])).toBe(true);
    expect(hasAllPositions(['a', 'b'], [{ entityId: 'a', x: 0, y: 0 }])).toBe(false);
    expect(hasAllPositions([], [])).toBe(true);
  });
});
