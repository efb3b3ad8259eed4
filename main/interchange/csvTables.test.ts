import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CsvMapping } from '../../app/interchange/csvMapping';
import { DEFAULT_PARSE_LIMITS, type InterchangeGraph } from '../../app/interchange/graph';
import { parseInterchange } from '../../app/interchange/parse';
import { createCaseFile, type CaseStore } from '../../db/caseFile';
import { tempFolder } from '../../db/testing/tempCase';
import { ImportSessions } from './importService';
import { decodeAs, decodeUtf8, runParseJob } from './parseJob';
import { useBuiltInterchangeWorker } from './testing/workerBundle';
import { readWorkbook } from './xlsx';

let tmp: ReturnType<typeof tempFolder>;
beforeAll(() => {
  useBuiltInterchangeWorker();
});
beforeEach(() => {
  tmp = tempFolder('awb-tables-');
});
afterEach(() => tmp.cleanup());

/** Reads bytes as the import worker does (real TextDecoder), without starting a worker. */
function read(bytes: Uint8Array | string, fileName = 'table.csv', csvMapping?: CsvMapping): InterchangeGraph {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return parseInterchange(data, { fileName, format: 'auto', options: csvMapping ? { csvMapping } : {}, limits: DEFAULT_PARSE_LIMITS, decodeText: decodeUtf8, decodeAs });
}

const labels = (graph: InterchangeGraph) => graph.entities.map((e) => e.label);

/**
 * A 69-person network as UCINET writes an adjacency matrix to CSV (and Excel saves it "CSV UTF-8"):
 * a byte order mark, an empty corner cell, the 69 names across and down, 0/1 between. Each person
 * knows the next two round a ring (138 ties), plus a tie from every 10th person to the 35th after.
 */
function sixtyNinePeopleMatrix(): { bytes: Uint8Array; ties: number; names: string[] } {
  const n = 69;
  const names = Array.from({ length: n }, (_, i) => `Person ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) + 1}`);
  const tie = names.map(() => names.map(() => 0));
  const connect = (a: number, b: number) => {
    tie[a]![b] = 1;
    tie[b]![a] = 1;
  };
  for (let i = 0; i < n; i++) {
    connect(i, (i + 1) % n);
    connect(i, (i + 2) % n);
    if (i % 10 === 0) connect(i, (i + 35) % n);
  }
  let ties = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) ties += tie[i]![j]!;
  const lines = [['', ...names].join(','), ...names.map((name, i) => [name, ...tie[i]!].join(','))];
  const text = `${lines.join('\r\n')}\r\n`;
  return { bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), ties, names };
}

describe('CSV layouts are told apart, and the preview says what was understood', () => {
  it('reads a 69-person adjacency matrix with a byte order mark as 69 people, not 321 numbers', () => {
    const { bytes, ties, names } = sixtyNinePeopleMatrix();
    const graph = read(bytes, 'network.csv');
    expect(graph.table).toMatchObject({ layout: 'matrix', encoding: 'utf-8', bom: true, hasHeader: true });
    expect(graph.table?.layoutReason).toMatch(/same 69 entities/);
    expect(graph.entities).toHaveLength(69);
    expect(labels(graph)).toEqual(names);
    expect(graph.links).toHaveLength(ties);
    expect(graph.links.every((l) => !l.directed)).toBe(true);
    expect(graph.warnings.some((w) => /named only by a number/.test(w))).toBe(false);
    // The preview shows the first rows as what they become.
    expect(graph.table?.sample[0]?.reads).toMatch(/^Person A1: linked with Person B1, Person C1/);
  });

  it('warns when the same matrix is forced to be read as i2-style rows, and the names come out as numbers', () => {
    const { bytes } = sixtyNinePeopleMatrix();
    const graph = read(bytes, 'network.csv', { layout: 'rows', hasHeader: false, from: { label: 1 }, to: { label: 2 } });
    expect(labels(graph)).toEqual(expect.arrayContaining(['0', '1']));
    expect(graph.warnings.join('\n')).toMatch(/looks like an adjacency matrix/);
    expect(graph.warnings.join('\n')).toMatch(/named only by a number/);
  });

  it('reads a headerless edge list with a weight column, and warns when the names are numeric ids', () => {
    const named = read('Alice,Bob,3\nBob,Carol,1.5\nCarol,Alice,1\n', 'ties.csv');
    expect(named.table).toMatchObject({ layout: 'edgeList', hasHeader: false });
    expect(labels(named)).toEqual(['Alice', 'Bob', 'Carol']);
    expect(named.links.map((l) => l.attributes.weight)).toEqual([3, 1.5, 1]);
    expect(named.table?.sample.map((s) => s.reads)).toEqual(['Alice — Bob (weight 3)', 'Bob — Carol (weight 1.5)', 'Carol — Alice (weight 1)']);
    expect(named.warnings).toEqual([]);

    const numbered = read('1,2\n2,3\n3,4\n4,1\n', 'ids.csv');
    expect(numbered.table?.layout).toBe('edgeList');
    expect(numbered.entities).toHaveLength(4);
    expect(numbered.warnings[0]).toMatch(/4 of 4 entities are named only by a number \("1", "2", "3", …\)/);
  });

  it('takes a header over an edge list ("Source,Target,Weight") as a header', () => {
    const graph = read('Source,Target,Weight\nAlice,Bob,2\n', 'edges.csv');
    expect(graph.table).toMatchObject({ layout: 'edgeList', hasHeader: true, columns: ['Source', 'Target', 'Weight'] });
    expect(graph.links[0]?.attributes).toEqual({ Weight: 2 });
  });

  it('reads i2-style rows, and a row that names one entity keeps its columns as that entity’s attributes', () => {
    const graph = read(
      'Entity,Type,Link,Entity,Type,Date,Grade,Phone,Nationality\n' +
        'Iyad ag Ghali,Person,leads,JNIM,Armed group,2017-03-02,B2,,\n' +
        'Iyad ag Ghali,Person,,,,,,+223 555 0100,Malian\n',
      'rows.csv',
    );
    expect(graph.table).toMatchObject({ layout: 'rows', hasHeader: true });
    const iyad = graph.entities.find((e) => e.label === 'Iyad ag Ghali');
    expect(iyad?.attributes).toEqual({ Phone: '+223 555 0100', Nationality: 'Malian' });
    expect(graph.links).toHaveLength(1);
    expect(graph.table?.sample.map((s) => s.reads)).toEqual(['Iyad ag Ghali (person) → leads, 2017-03-02 → JNIM (armed_group)', 'entity Iyad ag Ghali (person) with 2 attributes, no link']);
  });
});

describe('encodings other than UTF-8 are detected, shown and can be overridden', () => {
  const rows = 'Entity,Type,Link,Entity,Type\r\nSociété Générale,Organisation,funds,Zoë Müller,Person\r\n';

  it('reads a Windows-1252 file (Excel "CSV" on Western Windows) with the detector', () => {
    // Windows-1252 bytes for the text: é = E9, ë = EB, ü = FC (all below U+0100, so one byte each).
    const bytes = Uint8Array.from([...rows].map((c) => c.charCodeAt(0)));
    const graph = read(bytes, 'latin.csv');
    expect(graph.table?.encoding).toBe('windows-1252');
    expect(graph.table?.encodingReason).toMatch(/chardet/);
    expect(labels(graph)).toEqual(['Société Générale', 'Zoë Müller']);
  });

  it('reads UTF-16 LE and BE with a byte order mark (Excel "Unicode text", tab-separated)', () => {
    const tabbed = rows.replace(/,/g, '\t');
    const le = [0xff, 0xfe, ...[...tabbed].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])];
    const be = [0xfe, 0xff, ...[...tabbed].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])];
    for (const [bytes, encoding] of [
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const graph = read(Uint8Array.from(bytes), 'unicode.txt', undefined);
      expect(graph.table).toMatchObject({ encoding, bom: true, delimiter: '\t' });
      expect(labels(graph)).toEqual(['Société Générale', 'Zoë Müller']);
    }
  });

  it('reads the file in the encoding chosen in the mapping instead', () => {
    // Valid UTF-8 that was meant as Windows-1252 ("Ã©" is what é's two UTF-8 bytes are in 1252).
    const graph = read(new TextEncoder().encode(rows), 'x.csv', { encoding: 'windows-1252' });
    expect(graph.table).toMatchObject({ encoding: 'windows-1252', encodingReason: 'chosen in the mapping' });
    expect(labels(graph)[0]).toBe('SociÃ©tÃ© GÃ©nÃ©rale');
  });
});

describe('dates in ISO, D/M/Y and M/D/Y', () => {
  const file = (dates: string[]) => `Entity,Type,Link,Entity,Type,Date\n${dates.map((d, i) => `A${i},Person,knows,B${i},Person,${d}`).join('\n')}\n`;

  it('never guesses an ambiguous date: it is left out and the preview asks for the order', () => {
    const graph = read(file(['03/04/2020', '2021-06']), 'd.csv');
    expect(graph.links.map((l) => l.startDate)).toEqual([null, '2021-06']);
    expect(graph.table?.dateOrder).toBeNull();
    expect(graph.warnings.join('\n')).toMatch(/Dates were left out: 1 dates .* choose the date order/);
  });

  it('reads them in the order chosen in the mapping', () => {
    const mapping = (dateOrder: 'dmy' | 'mdy'): CsvMapping => ({ dateOrder, from: { label: 0, type: 1 }, to: { label: 3, type: 4 }, link: { type: 2, startDate: 5 } });
    expect(read(file(['03/04/2020']), 'd.csv', mapping('dmy')).links[0]?.startDate).toBe('2020-04-03');
    expect(read(file(['03/04/2020']), 'd.csv', mapping('mdy')).links[0]?.startDate).toBe('2020-03-04');
  });

  it('takes the order from a date that can only be read one way, and says which', () => {
    const dmy = read(file(['03/04/2020', '13/05/2020']), 'd.csv');
    expect(dmy.links.map((l) => l.startDate)).toEqual(['2020-04-03', '2020-05-13']);
    expect(dmy.table?.dateOrderReason).toMatch(/"13\/05\/2020" on line 3/);
    const mdy = read(file(['03/04/2020', '05/13/2020']), 'd.csv');
    expect(mdy.links.map((l) => l.startDate)).toEqual(['2020-03-04', '2020-05-13']);
    const both = read(file(['13/05/2020', '05/13/2020']), 'd.csv');
    expect(both.links.map((l) => l.startDate)).toEqual([null, null]);
    expect(both.table?.dateOrderReason).toMatch(/disagree/);
  });
});

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('Excel workbooks', () => {
  let store: CaseStore;
  beforeEach(() => {
    store = createCaseFile(tmp.file('c.awcase'), { name: 'Excel' });
  });
  afterEach(() => store.close());

  it('are told from Maltego files by their contents, and one sheet of rows is read like CSV (dates as dates)', async () => {
    const bytes = await workbookBytes((wb) => {
      const sheet = wb.addWorksheet('Ties');
      sheet.addRow(['Entity', 'Type', 'Link', 'Entity', 'Type', 'Date', 'Grade']);
      sheet.addRow(['Ansar al-Din', 'Armed group', 'founding faction of', 'JNIM', 'Armed group', new Date(Date.UTC(2017, 2, 2)), 'B2']);
      sheet.addRow(['Mali', 'State', null, null, null, null, null, 'capital Bamako']);
    });
    // Named .mtgx on purpose: the contents decide.
    const path = tmp.file('ties.mtgx');
    writeFileSync(path, bytes);
    const preview = await new ImportSessions().preview(store, path);
    expect(preview.file.format).toBe('xlsx');
    expect(preview.table).toMatchObject({ layout: 'rows', sheet: 'Ties', hasHeader: true });
    expect(preview.plan.counts.entities.create).toBe(3);
    expect(preview.plan.counts.links.create).toBe(1);
    const result = await runParseJob({ path, format: 'auto', options: {}, limits: DEFAULT_PARSE_LIMITS, maxFileBytes: 1e8 }, { readWorkbook });
    expect(result.ok && result.graph.links[0]?.startDate).toBe('2017-03-02');
  });

  it('refuse a workbook that unpacks to far more than it weighs (a zip bomb), with a clear error, before the workbook library sees it', async () => {
    // A real workbook whose sheet is swapped for 20 MB of identical rows, deflated at level 9:
    // a few tens of kB on disk, hundreds of times that unpacked.
    const small = await workbookBytes((wb) => wb.addWorksheet('Bomb').addRow(['x']));
    const entries = unzipSync(small);
    const row = '<row>' + '<c t="inlineStr"><is><t>x</t></is></c>'.repeat(10) + '</row>';
    const sheetXml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(Math.ceil(20_000_000 / row.length))}</sheetData></worksheet>`;
    entries['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(sheetXml);
    const bomb = zipSync(entries, { level: 9 });
    expect(bomb.length * 100).toBeLessThan(sheetXml.length);
    const path = tmp.file('bomb.xlsx');
    writeFileSync(path, bomb);
    const result = await runParseJob({ path, format: 'auto', options: {}, limits: DEFAULT_PARSE_LIMITS, maxFileBytes: 1e8 }, { readWorkbook });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/sheet1\.xml" unpacks to more than 100 times its packed size/) as unknown });
  });
});
