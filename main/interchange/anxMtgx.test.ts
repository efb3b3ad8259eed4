import { writeFileSync } from 'node:fs';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAnx } from '../../app/interchange/anx';
import { DEFAULT_PARSE_LIMITS } from '../../app/interchange/graph';
import { decodeMtgx } from '../../app/interchange/maltego';
import { childrenNamed, readXml, type XmlElement } from '../../app/interchange/xml';
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
  it('writes the JNIM case as an i2 chart: icons, arrows, strengths, grades, attributes', () => {
    const path = tmp.file('j.awcase');
    createSampleCase(path, 'jnim');
    const store = openCaseFile(path, { readonly: true });
    const doc = exportCaseDocument(store.db);
    store.close();
    const chart = readXml(encodeAnx(doc), DEFAULT_PARSE_LIMITS);
    expect(chart.name).toBe('Chart');
    const items = childrenNamed(childrenNamed(chart, 'ChartItemCollection')[0] as XmlElement, 'ChartItem');
    const entities = items.filter((i) => childrenNamed(i, 'End').length > 0);
    const links = items.filter((i) => childrenNamed(i, 'Link').length > 0);
    expect(entities).toHaveLength(doc.entities.length);
    expect(links).toHaveLength(doc.links.length);
    const jnim = entities.find((i) => i.attributes.get('Label') === 'JNIM') as XmlElement;
    const icon = childrenNamed(childrenNamed(childrenNamed(childrenNamed(jnim, 'End')[0] as XmlElement, 'Entity')[0] as XmlElement, 'Icon')[0] as XmlElement, 'IconStyle')[0];
    expect(icon?.attributes.get('Type')).toBe('Terrorist');
    expect(jnim.attributes.get('GradeOneIndex')).toBe(String(['A', 'B', 'C', 'D', 'E', 'F'].indexOf(doc.sources[0]?.reliability ?? 'F')));
    const styles = links.map((l) => childrenNamed(childrenNamed(l, 'Link')[0] as XmlElement, 'LinkStyle')[0]?.attributes);
    expect(new Set(styles.map((s) => s?.get('ArrowStyle')))).toEqual(new Set(['ArrowOnHead', 'ArrowNone']));
    expect(styles.every((s) => ['Confirmed', 'Unconfirmed', 'Tentative'].includes(s?.get('Strength') ?? ''))).toBe(true);
    const ends = new Set(entities.map((e) => childrenNamed(childrenNamed(e, 'End')[0] as XmlElement, 'Entity')[0]?.attributes.get('EntityId')));
    for (const l of links) {
      const link = childrenNamed(l, 'Link')[0];
      expect(ends.has(link?.attributes.get('End1Id'))).toBe(true);
      expect(ends.has(link?.attributes.get('End2Id'))).toBe(true);
    }
  });
});

describe('i2 ANX import', () => {
  it('reads back what the ANX export writes: entities, types, aliases, dates, attributes, links, direction and grades', async () => {
    const path = tmp.file('j2.awcase');
    createSampleCase(path, 'jnim');
    const store = openCaseFile(path, { readonly: true });
    const doc = exportCaseDocument(store.db);
    store.close();
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
    expect(graph.sources.map((s) => s.reliability)).toEqual([doc.sources[0]?.reliability]);
    expect(graph.citations.length).toBe(graph.entities.length + graph.links.length - doc.entities.filter((e) => !doc.citations.some((c) => c.entityId === e.id)).length - doc.links.filter((l) => !doc.citations.some((c) => c.linkId === l.id)).length);
  });
});
