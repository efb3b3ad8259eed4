import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDocument } from '../../app/domain';
import { DEFAULT_PARSE_LIMITS, type InterchangeGraph } from '../../app/interchange/graph';
import { encodeCase, type TextExportFormat } from '../../app/interchange/encode';
import { parseInterchange } from '../../app/interchange/parse';
import { createCaseFile, openCaseFile } from '../../db/caseFile';
import { listEntities } from '../../db/entities';
import { exportCaseDocument } from '../../db/exportCase';
import type { CutValue } from '../../app/interchange/plan';
import { planImport, runImport } from '../../db/importCase';
import { createSampleCase } from '../../db/samples';
import { listSources } from '../../db/sources';
import { tempFolder } from '../../db/testing/tempCase';
import { decodeAs, decodeUtf8 } from './parseJob';
import { encodeXlsx, readWorkbook } from './xlsx';

/**
 * A value longer than the case holds (an entity label past 1,000 characters, a source title past
 * 2,000) is cut when it is written. Every codec passes the whole value on, so that the preview and
 * the report can say which item lost what; a codec that cut it itself hid the cut from both.
 */

const LONG_LABEL = `Iyad ag Ghali ${'and his many names '.repeat(450)}`.trim();
const LONG_TITLE = `A very long report title ${'on the Sahel '.repeat(300)}`.trim();

let tmp: ReturnType<typeof tempFolder>;
let doc: CaseDocument;
let longId: string;

beforeAll(() => {
  tmp = tempFolder('awb-cuts-');
  const path = tmp.file('jnim.awcase');
  createSampleCase(path, 'jnim');
  const store = openCaseFile(path, { readonly: true });
  const original = exportCaseDocument(store.db);
  store.close();
  const target = original.entities.find((e) => e.label === 'Iyad ag Ghali');
  if (!target) throw new Error('the JNIM sample has no "Iyad ag Ghali"');
  longId = target.id;
  doc = {
    ...original,
    entities: original.entities.map((e) => (e.id === longId ? { ...e, label: LONG_LABEL } : e)),
    sources: original.sources.map((s, i) => (i === 0 ? { ...s, title: LONG_TITLE } : s)),
  };
});
afterAll(() => tmp.cleanup());

const FILE = (name: string) => ({ name, sha256: `sha-${name}`, bytes: 1 });

function read(bytes: Uint8Array, fileName: string, workbook?: Awaited<ReturnType<typeof readWorkbook>>): InterchangeGraph {
  return parseInterchange(bytes, { fileName, format: 'auto', limits: DEFAULT_PARSE_LIMITS, decodeText: decodeUtf8, decodeAs, ...(workbook ? { workbook } : {}) });
}

/** Plans and runs the import into a new case; returns the plan, the report and what the case then holds. */
function importInto(graph: InterchangeGraph, fileName: string) {
  const store = createCaseFile(tmp.file(`into-${fileName}-${Math.random().toString(36).slice(2)}.awcase`), { name: 'Cuts' });
  try {
    const plan = planImport(store.db, graph, FILE(fileName));
    const { report } = runImport(store.db, graph, FILE(fileName));
    return { plan, report, labels: listEntities(store.db).map((e) => e.label), titles: listSources(store.db).map((s) => s.title) };
  } finally {
    store.close();
  }
}

const labelCut = { what: 'entity "Iyad ag Ghali and his many names', field: 'label', length: LONG_LABEL.length, kept: 1000 };
const titleCut = { what: 'source "A very long report title on the ', field: 'title', length: LONG_TITLE.length, kept: 2000 };

/** The cuts with the item named by its first 40 characters (the rest of the name is the long value's start). */
const cutsOf = (cuts: readonly CutValue[]) => cuts.map((c) => ({ ...c, what: c.what.slice(0, 40) }));

describe('a label cut to fit is said in the preview and the report, whatever the format', () => {
  const formats: { format: TextExportFormat; file: string; title: boolean }[] = [
    { format: 'json', file: 'case.json', title: true },
    { format: 'graphml', file: 'case.graphml', title: true },
    { format: 'gexf', file: 'case.gexf', title: true },
    { format: 'stix', file: 'case.json', title: true },
    { format: 'anx', file: 'case.anx', title: true },
    { format: 'mtgx', file: 'case.mtgx', title: false },
    { format: 'misp-event', file: 'case.json', title: false },
  ];
  for (const { format, file, title } of formats) {
    it(`${format}: the long label reaches the plan whole, is listed as cut, and is stored as its first 1,000 characters`, () => {
      const [encoded] = encodeCase(doc, format);
      if (!encoded) throw new Error('nothing encoded');
      const bytes = typeof encoded.content === 'string' ? new TextEncoder().encode(encoded.content) : encoded.content;
      const graph = read(bytes, file);
      expect(graph.entities.some((e) => e.label === LONG_LABEL)).toBe(true);
      const { plan, report, labels, titles } = importInto(graph, file);
      expect(cutsOf(plan.cut)).toContainEqual(labelCut);
      expect(report.cut).toEqual(plan.cut);
      expect(labels).toContain(LONG_LABEL.slice(0, 1000));
      if (title) {
        // The formats that carry the case's sources carry the long title whole too.
        expect(cutsOf(plan.cut)).toContainEqual(titleCut);
        expect(titles).toContain(LONG_TITLE.slice(0, 2000));
      }
    });
  }

  it('csv: a headerless edge list with an over-long name is listed as cut', () => {
    const text = `"${LONG_LABEL}",Amadou Koufa\nAmadou Koufa,Iyad ag Ghali\n`;
    const graph = read(new TextEncoder().encode(text), 'edges.csv');
    expect(graph.entities.map((e) => e.label)).toContain(LONG_LABEL);
    const { plan, labels } = importInto(graph, 'edges.csv');
    expect(cutsOf(plan.cut)).toContainEqual(labelCut);
    expect(labels).toContain(LONG_LABEL.slice(0, 1000));
  });

  it('xlsx: the workbook export read back lists the long label as cut', async () => {
    const bytes = await encodeXlsx(doc);
    const workbook = await readWorkbook(bytes, DEFAULT_PARSE_LIMITS);
    const graph = read(bytes, 'case.xlsx', workbook);
    const { plan } = importInto(graph, 'case.xlsx');
    expect(cutsOf(plan.cut)).toContainEqual(labelCut);
  });
});
