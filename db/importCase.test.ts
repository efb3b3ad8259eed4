import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyGraph, type GraphEntity, type InterchangeGraph } from '../app/interchange/graph';
import { createCaseFile, type CaseStore } from './caseFile';
import { listCitations } from './citations';
import { insertEntity, listEntities } from './entities';
import { commitImport, ImportConflictError, planImport } from './importCase';
import { insertLink, listLinks } from './links';
import { tempFolder } from './testing/tempCase';

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
beforeEach(() => {
  tmp = tempFolder('awb-importcase-');
  store = createCaseFile(tmp.file('c.awcase'), { name: 'Import' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const FILE = { name: 'f.graphml', sha256: 'abc', bytes: 10 };
const entity = (key: string, label: string, type = 'armed_group', extra: Partial<GraphEntity> = {}): GraphEntity => ({
  key, type, label, aliases: [], description: null, startDate: null, endDate: null, attributes: {}, locator: `node ${key}`, ...extra,
});

function graphOf(entities: GraphEntity[], links: [string, string, string][] = []): InterchangeGraph {
  const graph = emptyGraph('graphml');
  graph.entities.push(...entities);
  links.forEach(([from, to, type], i) =>
    graph.links.push({ key: `l${i}`, type, sourceKey: from, targetKey: to, directed: true, label: null, description: null, startDate: null, endDate: null, attributes: {}, locator: `edge ${i}` }),
  );
  return graph;
}

describe('planImport and commitImport', () => {
  it('merges by alias across transliterations, but not across types; links already in the case are merged too', () => {
    const jnim = insertEntity(store.db, { type: 'armed_group', label: 'JNIM', aliases: ['Jama’at Nasr al-Islam wal Muslimin'] });
    const ansar = insertEntity(store.db, { type: 'armed_group', label: 'Ansar al-Din' });
    insertEntity(store.db, { type: 'place', label: 'Gao' });
    const existing = insertLink(store.db, { type: 'founding_faction_of', sourceId: ansar.id, targetId: jnim.id, directed: true });
    const graph = graphOf(
      [entity('a', 'Ansar Dine'), entity('j', "Jama'at Nasr al-Islam wal-Muslimin"), entity('g', 'Gao', 'person')],
      [['a', 'j', 'founding_faction_of'], ['a', 'j', 'rival_of']],
    );
    const plan = planImport(store.db, graph, FILE);
    expect(plan.entities.map((e) => [e.label, e.action, e.into?.label ?? null])).toEqual([
      ['Ansar Dine', 'merge', 'Ansar al-Din'],
      ["Jama'at Nasr al-Islam wal-Muslimin", 'merge', 'JNIM'],
      ['Gao', 'create', null],
    ]);
    expect(plan.entities[2]?.reason).toMatch(/the case has a place named "Gao", not merged because it is not a person/);
    expect(plan.links.map((l) => [l.action, l.into])).toEqual([
      ['merge', existing.id],
      ['create', null],
    ]);
    const report = commitImport(store.db, graph, FILE);
    expect(report).toMatchObject({ created: { entities: 1, links: 1 }, merged: { entities: 2, links: 1 } });
    expect(listLinks(store.db)).toHaveLength(2);
    // The merged link cites the file too: the provenance of the claim is kept.
    expect(listCitations(store.db).filter((c) => c.target.kind === 'link' && c.target.id === existing.id)).toHaveLength(1);
  });

  it('keeps incoming UUIDs the case does not have, and gives fresh ids to those it does', () => {
    const taken = insertEntity(store.db, { type: 'person', label: 'Someone' });
    const free = '0b0e6c1e-4c1d-4d2a-9d55-5a4fb7e1c001';
    const graph = graphOf([entity('x', 'Kept', 'person', { id: free }), entity('y', 'Fresh', 'person', { id: taken.id })]);
    const plan = planImport(store.db, graph, FILE);
    expect(plan.entities[1]).toMatchObject({ action: 'merge', reason: 'the case already has this entity (same id)' });
    commitImport(store.db, graph, FILE, { decisions: { y: { action: 'create' } } });
    const ids = listEntities(store.db).map((e) => [e.label, e.id]);
    expect(ids).toContainEqual(['Kept', free]);
    expect(ids.filter(([label]) => label === 'Fresh')[0]?.[1]).not.toBe(taken.id);
  });

  it('skips what the analyst skips, with the links that touch it', () => {
    const graph = graphOf([entity('a', 'A'), entity('b', 'B')], [['a', 'b', 'allied_with']]);
    const report = commitImport(store.db, graph, FILE, { decisions: { b: { action: 'skip' } } });
    expect(report).toMatchObject({ created: { entities: 1, links: 0 }, skipped: { entities: 1, links: 1 } });
  });

  it('refuses a merge into an entity that is no longer in the case', () => {
    expect(() => commitImport(store.db, graphOf([entity('a', 'A')]), FILE, { decisions: { a: { action: 'merge', into: 'gone' } } })).toThrow(ImportConflictError);
    expect(listEntities(store.db)).toHaveLength(0);
  });
});
