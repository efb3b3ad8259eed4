import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeCsv, encodeCsv, neutraliseCell } from '../../app/interchange/csv';
import { DEFAULT_PARSE_LIMITS } from '../../app/interchange/graph';
import { parseJsonText } from '../../app/interchange/jsonText';
import { decodeMispGalaxy } from '../../app/interchange/misp';
import { createCaseFile, openCaseFile, type CaseStore } from '../../db/caseFile';
import { listCitations } from '../../db/citations';
import { listEntities } from '../../db/entities';
import { exportCaseDocument } from '../../db/exportCase';
import { listLinks } from '../../db/links';
import { listNotes } from '../../db/notes';
import { createSampleCase } from '../../db/samples';
import { listSources } from '../../db/sources';
import { tempFolder } from '../../db/testing/tempCase';
import { ImportSessions } from './importService';
import { useBuiltInterchangeWorker } from './testing/workerBundle';

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
beforeAll(() => {
  useBuiltInterchangeWorker();
});
beforeEach(() => {
  tmp = tempFolder('awb-csv-');
  store = createCaseFile(tmp.file('c.awcase'), { name: 'CSV' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const I2_ROWS = `Entity,Type,Link,Entity,Type,Date,Grade,Reporting
Ansar al-Din,Armed group,founding faction of,JNIM,Armed group,2017-03-02,B2,ISS Africa
al-Murabitoon,armed group,founding faction of,JNIM,Armed group,2017-03,B3,
Iyad ag Ghali,Person,leads,JNIM,Armed group,2017,C1,
JNIM,Armed group,operates in,Mali,State,last year,F6,
Mali,State,,,,,,
`;

async function importFile(path: string, options: Parameters<ImportSessions['preview']>[2] = {}) {
  const sessions = new ImportSessions();
  const preview = await sessions.preview(store, path, options);
  return { preview, report: sessions.commit(store, preview.previewId) };
}

describe('CSV import (i2-style rows)', () => {
  it('reads entity, type, link, entity, type, date, grade; grades become sources and credibility', async () => {
    const path = tmp.file('rows.csv');
    writeFileSync(path, I2_ROWS);
    const { preview, report } = await importFile(path);
    expect(preview.plan.warnings.join(' ')).toMatch(/Line 5: the date "last year" is not a date/);
    expect(report.created.entities).toBe(5);
    expect(report.created.links).toBe(4);
    const links = listLinks(store.db);
    expect(links.map((l) => l.type).sort()).toEqual(['founding_faction_of', 'founding_faction_of', 'leads', 'operates_in']);
    expect(links.map((l) => l.startDate).sort()).toEqual(['2017', '2017-03', '2017-03-02', null]);
    expect(links.find((l) => l.startDate === '2017-03-02')?.attributes).toEqual({ Reporting: 'ISS Africa' });
    const entities = listEntities(store.db);
    expect(entities.find((e) => e.label === 'al-Murabitoon')?.type).toBe('armed_group');
    expect(entities.find((e) => e.label === 'Mali')?.type).toBe('state');
    const sources = listSources(store.db);
    expect(sources.map((s) => [s.title, s.reliability]).sort()).toEqual([
      ['rows.csv (rows graded B)', 'B'],
      ['rows.csv (rows graded C)', 'C'],
      ['rows.csv (rows graded F)', 'F'],
      ['rows.csv', 'F'],
    ]);
    const graded = sources.find((s) => s.reliability === 'B');
    expect(listCitations(store.db).filter((c) => c.sourceId === graded?.id).map((c) => c.credibility).sort()).toEqual([2, 2, 2, 3, 3]);
  });

  it('takes a column mapping by header names', () => {
    const text = 'who;kind;whom;when;rel\nA;person;B;2020-01-05;knows\n';
    const g = decodeCsv(text, 'm.csv', DEFAULT_PARSE_LIMITS, {
      delimiter: ';',
      from: { label: 'who', type: 'kind' },
      to: { label: 'whom', fixedType: 'organisation' },
      link: { type: 'rel', startDate: 'when', directed: false },
    });
    expect(g.entities.map((e) => [e.label, e.type])).toEqual([
      ['A', 'person'],
      ['B', 'organisation'],
    ]);
    expect(g.links[0]).toMatchObject({ type: 'knows', startDate: '2020-01-05', directed: false, attributes: {} });
    expect(() => decodeCsv(text, 'm.csv', DEFAULT_PARSE_LIMITS, { delimiter: ';', from: { label: 'nobody' }, to: { label: 'whom' } })).toThrow(/"nobody" .* not in the file’s header/);
  });

  it('names the line of a malformed row', () => {
    expect(() => decodeCsv('a,b,c\nx,"unclosed,y\n', 'bad.csv', DEFAULT_PARSE_LIMITS)).toThrow(/malformed.*line 2/);
  });
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx', '\nx', 'plain', ''].map(neutraliseCell)).toEqual([
      "'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "'\tx", "'\rx", "'\nx", 'plain', '',
    ]);
    const { entities } = encodeCsv({ ...emptyDoc(), entities: [entity('=HYPERLINK("http://evil")', { note: '@SUM(1)' })] });
    expect(entities).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(entities).toContain("'@SUM(1)");
  });

  it('writes entities and links tables; the links table reads back with the default mapping', async () => {
    const jnim = tmp.file('j.awcase');
    createSampleCase(jnim, 'jnim');
    const source = openCaseFile(jnim, { readonly: true });
    const doc = exportCaseDocument(source.db);
    source.close();
    const { entities, links } = encodeCsv(doc);
    expect(entities.split('\r\n').filter((l) => l)).toHaveLength(doc.entities.length + 1);
    const path = tmp.file('jnim-links.csv');
    writeFileSync(path, links);
    const { report } = await importFile(path);
    expect(report.created.links).toBe(doc.links.length);
    const linked = new Set(doc.links.flatMap((l) => [l.sourceId, l.targetId]));
    expect(report.created.entities).toBe(linked.size);
  });
});

describe('MISP galaxy clusters', () => {
  it('values become entities with synonyms as aliases, descriptions as notes, related as links, refs as sources', async () => {
    const { report } = await importFile('main/interchange/testdata/terrorist-groups-excerpt.json');
    expect(report.created.entities).toBe(2);
    const entities = listEntities(store.db);
    const jnim = entities.find((e) => e.aliases.includes('JNIM'));
    expect(jnim).toMatchObject({ type: 'armed_group', id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', attributes: { country: 'ML', misp_galaxy: 'terrorist-groups' } });
    const notes = listNotes(store.db);
    expect(notes).toHaveLength(2);
    expect(notes.find((n) => n.target.kind === 'entity' && n.target.id === jnim?.id)?.body).toMatch(/^Coalition of Sahelian jihadist groups formed in March 2017\.\n\n— Terrorist Groups \(test excerpt\), MISP galaxy cluster file terrorist-groups-excerpt\.json$/);
    const links = listLinks(store.db);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ type: 'successor_of', sourceId: jnim?.id });
    expect(listSources(store.db).map((s) => s.reference).sort()).toEqual([
      'https://example.org/jnim-profile',
      'https://example.org/sahel-overview',
      expect.stringMatching(/^sha256:/),
    ]);
  });

  it('offers "Ansar Dine" from a galaxy for merge with the case’s "Ansar al-Din"', async () => {
    store.db.prepare("INSERT INTO entities (id, type, label, attributes, created_at, updated_at) VALUES ('e1', 'armed_group', 'Ansar al-Din', '{}', 'now', 'now')").run();
    const sessions = new ImportSessions();
    const preview = await sessions.preview(store, 'main/interchange/testdata/terrorist-groups-excerpt.json');
    expect(preview.plan.entities.find((e) => e.label === 'Ansar Dine')).toMatchObject({ action: 'merge', into: { id: 'e1' } });
  });

  it('refuses the galaxy definition and the schema in the fixtures with a clear message', () => {
    const read = (name: string) => parseJsonText(readFileSync(`../shared/fixtures/misp/${name}`, 'utf8'), DEFAULT_PARSE_LIMITS);
    expect(() => decodeMispGalaxy(read('galaxy_terrorist-groups.json'), 'g.json')).toThrow(/galaxy definition .* not a galaxy cluster file/);
    expect(() => decodeMispGalaxy(read('schema_clusters.json'), 's.json')).toThrow(/JSON schema, not a MISP galaxy cluster file/);
  });
});

function emptyDoc() {
  return { format: 'analyst-workbench-case' as const, formatVersion: 1 as const, name: 'x', exportedAt: '2025-01-01T00:00:00.000Z', entities: [], links: [], sources: [], citations: [], notes: [], charts: [], annotations: [], mergeRecords: [] };
}

function entity(label: string, attributes: Record<string, string>) {
  return { id: 'e', type: 'person', label, aliases: [], description: null, startDate: null, endDate: null, attributes, color: null, location: null, createdAt: '', updatedAt: '' };
}
