import { writeFileSync } from 'node:fs';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAnx } from '../../app/interchange/anx';
import { DEFAULT_PARSE_LIMITS } from '../../app/interchange/graph';
import { decodeMtgx } from '../../app/interchange/maltego';
import type { CaseDocument } from '../../app/domain';
import { childrenNamed, firstChild, readXml, type XmlElement } from '../../app/interchange/xml';
import { isUnsafeEntryName } from '../../app/interchange/zip';
import { openCaseFile } from '../../db/caseFile';
import { exportCaseDocument } from '../../db/exportCase';
import { createSampleCase } from '../../db/samples';
import { tempFolder } from '../../db/testing/tempCase';
import { decodeUtf8 } from './parseJob';
import { parseFileInWorker } from './parseHost';
import { MALTEGO_GRAPHML, mtgx } from './testing/maltegoSample';
import { useBuiltInterchangeWorker } from './testing/workerBundle';

let tmp: ReturnType<typeof tempFolder>;
beforeAll(() => {
  useBuiltInterchangeWorker();
  tmp = tempFolder('awb-anx-');
});
afterAll(() => tmp.cleanup());

describe('Maltego MTGX import', () => {
  it('reads entity types, main properties, other properties, positions and link labels', () => {
    const g = decodeMtgx(mtgx({ 'Graphs/Graph1.graphml': strToU8(MALTEGO_GRAPHML), 'Entities/maltego.Person.entity': strToU8('<x/>') }), DEFAULT_PARSE_LIMITS, decodeUtf8);
    expect(g.format).toBe('mtgx');
    expect(g.entities.map((e) => [e.type, e.label])).toEqual([
      ['person', 'Iyad ag Ghali'],
      ['organisation', 'Ansar Dine'],
    ]);
    expect(g.entities[0]?.attributes).toEqual({ maltego_type: 'maltego.Person', 'First Names': 'Iyad' });
    expect(g.entities[0]?.position).toEqual({ x: 120.5, y: -40 });
    expect(g.links).toMatchObject([{ label: 'leads', directed: true }]);
  });

  it('goes through the worker like any other file', async () => {
    const path = tmp.file('case.mtgx');
    writeFileSync(path, mtgx({ 'Graphs/Graph1.graphml': strToU8(MALTEGO_GRAPHML) }));
    const { graph } = await parseFileInWorker(path);
    expect(graph.entities).toHaveLength(2);
  });

  it('refuses an archive without a graph, and names unsafe paths', () => {
    expect(() => decodeMtgx(mtgx({ 'readme.txt': strToU8('hi') }), DEFAULT_PARSE_LIMITS, decodeUtf8)).toThrow(/holds no graph/);
    for (const name of ['../evil.graphml', '/etc/passwd', 'Graphs/../../x', 'C:\\Windows\\x', '..\\..\\x']) expect(isUnsafeEntryName(name)).toBe(true);
    for (const name of ['Graphs/Graph1.graphml', 'Entities/a..b.entity']) expect(isUnsafeEntryName(name)).toBe(false);
  });
});

describe('i2 ANX export', () => {
  it('writes the JNIM case with i2’s names: grades as GradeOne/Two/Three string collections, icon types from the entity-type table, unique identities, cards', () => {
    const casePath = tmp.file('j.awcase');
    createSampleCase(casePath, 'jnim');
    const store = openCaseFile(casePath, { readonly: true });
    const sample = exportCaseDocument(store.db);
    store.close();
    // Two entities with one label: i2 would take them for one unless their identities differ.
    const twin = { ...(sample.entities[0] as CaseDocument['entities'][number]), id: '00000000-0000-4000-8000-000000000001' };
    const doc: CaseDocument = { ...sample, entities: [...sample.entities, twin] };
    const chart = readXml(encodeAnx(doc), DEFAULT_PARSE_LIMITS);
    expect(chart.name).toBe('Chart');
    expect(chart.children.map((c) => c.name).slice(0, 3)).toEqual(['GradeOne', 'GradeTwo', 'GradeThree']);
    const grades = (axis: string) => childrenNamed(childrenNamed(firstChild(chart, axis) as XmlElement, 'StringCollection')[0] as XmlElement, 'String').map((s) => s.attributes.get('Text'));
    expect(grades('GradeOne')).toEqual(['A - Completely reliable', 'B - Usually reliable', 'C - Fairly reliable', 'D - Not usually reliable', 'E - Unreliable', 'F - Reliability cannot be judged']);
    expect(grades('GradeTwo')?.[0]).toBe('1 - Confirmed by other sources');
    expect(grades('GradeThree')).toHaveLength(1);
    const entityTypes = new Map(childrenNamed(firstChild(chart, 'EntityTypeCollection') as XmlElement, 'EntityType').map((t) => [t.attributes.get('Name'), t.attributes.get('IconFile')]));
    expect(entityTypes.get('Armed group')).toBe('Terrorist');
    expect(entityTypes.get('Person')).toBe('Person');
    const items = childrenNamed(firstChild(chart, 'ChartItemCollection') as XmlElement, 'ChartItem');
    const entities = items.filter((i) => firstChild(i, 'End'));
    const links = items.filter((i) => firstChild(i, 'Link'));
    expect(entities).toHaveLength(doc.entities.length);
    expect(links).toHaveLength(doc.links.length);
    const entityOf = (item: XmlElement) => firstChild(firstChild(item, 'End') as XmlElement, 'Entity') as XmlElement;
    // Every IconStyle Type names an entity type of the table, which gives the icon.
    for (const item of entities) expect(entityTypes.has(firstChild(firstChild(entityOf(item), 'Icon') as XmlElement, 'IconStyle')?.attributes.get('Type'))).toBe(true);
    const identities = entities.map((item) => entityOf(item).attributes.get('Identity'));
    expect(new Set(identities).size).toBe(identities.length);
    const jnim = entities.find((i) => i.attributes.get('Label') === 'JNIM') as XmlElement;
    expect(firstChild(firstChild(entityOf(jnim), 'Icon') as XmlElement, 'IconStyle')?.attributes.get('Type')).toBe('Armed group');
    expect(jnim.attributes.get('GradeOneIndex')).toBe(String(['A', 'B', 'C', 'D', 'E', 'F'].indexOf(doc.sources[0]?.reliability ?? 'F')));
    // Cards: one per citation, with its quote, source and grades.
    const jnimId = entityOf(jnim).attributes.get('EntityId');
    const cards = childrenNamed(firstChild(entityOf(jnim), 'CardCollection') as XmlElement, 'Card');
    const citations = doc.citations.filter((c) => c.entityId === jnimId);
    expect(cards.map((c) => c.attributes.get('Text'))).toEqual(citations.map((c) => c.quote));
    expect(cards.map((c) => c.attributes.get('SourceReference'))).toEqual(citations.map((c) => doc.sources.find((s) => s.id === c.sourceId)?.title));
    expect(cards.map((c) => c.attributes.get('GradeTwoIndex'))).toEqual(citations.map((c) => String(c.credibility - 1)));
    const styles = links.map((l) => firstChild(firstChild(l, 'Link') as XmlElement, 'LinkStyle')?.attributes);
    expect(new Set(styles.map((s) => s?.get('ArrowStyle')))).toEqual(new Set(['ArrowOnHead', 'ArrowNone']));
    expect(styles.every((s) => ['Confirmed', 'Unconfirmed', 'Tentative'].includes(s?.get('Strength') ?? ''))).toBe(true);
    const linkTypes = new Set(childrenNamed(firstChild(chart, 'LinkTypeCollection') as XmlElement, 'LinkType').map((t) => t.attributes.get('Name')));
    expect(styles.every((s) => linkTypes.has(s?.get('Type')))).toBe(true);
    const ends = new Set(entities.map((e) => entityOf(e).attributes.get('EntityId')));
    for (const l of links) {
      const link = firstChild(l, 'Link');
      expect(ends.has(link?.attributes.get('End1Id'))).toBe(true);
      expect(ends.has(link?.attributes.get('End2Id'))).toBe(true);
    }
  });
});

describe('i2 ANX import', () => {
  it('reads back what the ANX export writes: entities, types, aliases, dates, attributes, links, direction, and every citation with its source and grades', async () => {
    const path = tmp.file('j2.awcase');
    createSampleCase(path, 'jnim');
    const store = openCaseFile(path, { readonly: true });
    const sample = exportCaseDocument(store.db);
    store.close();
    // A user attribute named like one of the fields ANX keeps in attributes survives too.
    const doc: CaseDocument = { ...sample, entities: sample.entities.map((e, i) => (i === 0 ? { ...e, attributes: { ...e.attributes, Type: 'cell', 'attribute.x': 1 } } : e)) };
    const anx = tmp.file('jnim.anx');
    writeFileSync(anx, encodeAnx(doc));
    const { graph } = await parseFileInWorker(anx);
    expect(graph.format).toBe('anx');
    const entity = (e: { id?: string; key: string; type: string; label: string; aliases: string[]; description: string | null; startDate: string | null; endDate: string | null; attributes: object }) => ({
      id: e.id ?? e.key, type: e.type, label: e.label, aliases: e.aliases, description: e.description, startDate: e.startDate, endDate: e.endDate, attributes: e.attributes,
    });
    const sort = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
    expect(sort(graph.entities.map(entity))).toEqual(sort(doc.entities.map((e) => entity({ ...e, key: e.id }))));
    const link = (l: { type: string; sourceId: string; targetId: string; directed: boolean; description: string | null; startDate: string | null; endDate: string | null; attributes: object }) => [l.type, l.sourceId, l.targetId, l.directed, l.description, l.startDate, l.endDate, JSON.stringify(l.attributes)].join('|');
    expect(graph.links.map((l) => link({ ...l, sourceId: l.sourceKey, targetId: l.targetKey })).sort()).toEqual(doc.links.map(link).sort());
    // Citations: one per card, with quote, locator, credibility and the source's title and reliability.
    const sourceOf = new Map(graph.sources.map((s) => [s.key, s]));
    const linkEnds = new Map(graph.links.map((l) => [l.key, `${l.sourceKey}>${l.targetKey}`]));
    const docLinkEnds = new Map(doc.links.map((l) => [l.id, `${l.sourceId}>${l.targetId}`]));
    const cited = graph.citations.map((c) => [c.target.kind === 'entity' ? c.target.key : linkEnds.get(c.target.key), c.quote, c.locator, c.credibility, sourceOf.get(c.sourceKey)?.title, sourceOf.get(c.sourceKey)?.reliability].join('|'));
    const expected = doc.citations.map((c) => {
      const source = doc.sources.find((s) => s.id === c.sourceId);
      return [c.entityId ?? docLinkEnds.get(c.linkId ?? ''), c.quote, c.locator, c.credibility, source?.title, source?.reliability].join('|');
    });
    expect(cited.sort()).toEqual(expected.sort());
    expect(graph.citations.length).toBe(doc.citations.length);
    expect(graph.sources.every((s) => s.ofFile !== true)).toBe(true);
  });
});
