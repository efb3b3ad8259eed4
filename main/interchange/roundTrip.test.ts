import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS, type ExportFormat, type ImportFormat } from '../../app/interchange/graph';
import { parseInterchange } from '../../app/interchange/parse';
import { createCaseFile, openCaseFile } from '../../db/caseFile';
import { exportCaseDocument } from '../../db/exportCase';
import { createSampleCase } from '../../db/samples';
import { tempFolder } from '../../db/testing/tempCase';
import { exportCase } from './exportService';
import { ImportSessions } from './importService';
import { decodeUtf8 } from './parseJob';
import { encodeXlsx, readWorkbook } from './xlsx';
import { actual, expected } from '../../app/interchange/testing/randomCase';
import { comparableCase } from './testing/comparable';
import { useBuiltInterchangeWorker } from './testing/workerBundle';

let tmp: ReturnType<typeof tempFolder>;
let jnimPath: string;

beforeAll(() => {
  useBuiltInterchangeWorker();
  tmp = tempFolder('awb-roundtrip-');
  jnimPath = tmp.file('jnim.awcase');
  createSampleCase(jnimPath, 'jnim');
});
afterAll(() => tmp.cleanup());

async function roundTrip(format: ExportFormat & ImportFormat) {
  const extension = format === 'stix' ? 'json' : format;
  const source = openCaseFile(jnimPath, { readonly: true });
  const original = exportCaseDocument(source.db);
  const file = tmp.file(`jnim-${format}.${extension}`);
  await exportCase(source.db, format, file);
  source.close();

  const target = createCaseFile(tmp.file(`from-${format}.awcase`), { name: 'Round trip' });
  try {
    const sessions = new ImportSessions();
    const preview = await sessions.preview(target, file, { format });
    expect(preview.plan.counts.entities.create).toBe(original.entities.length);
    const report = sessions.commit(target, preview.previewId);
    const imported = exportCaseDocument(target.db);
    return { original, imported, report };
  } finally {
    target.close();
  }
}

describe('the JNIM case round-trips through every two-way format', () => {
  for (const format of ['json', 'graphml', 'gexf', 'stix'] as const) {
    it(`${format}: same entities, links, sources, citations and notes`, async () => {
      const { original, imported, report } = await roundTrip(format);
      expect(original.entities).toHaveLength(74);
      expect(original.links).toHaveLength(139);
      // The article's 296 citations and the gazetteers' 14 (one a located place).
      expect(original.citations).toHaveLength(310);
      const withoutLocations = format !== 'json';
      expect(comparableCase(imported, { ignoreSourceIds: [report.fileSourceId], withoutLocations })).toEqual(comparableCase(original, { withoutLocations }));
    });
  }
});

describe('the Excel workbook export reads back whole', () => {
  it('xlsx: same entities, links, sources, citations and notes (ids kept; the workbook holds no colour, link strength, position or location)', async () => {
    const { original, imported, report } = await roundTrip('xlsx');
    const comparable = (doc: typeof original, ignore: string[] = []) => {
      const c = comparableCase(doc, { ignoreSourceIds: ignore, withoutLocations: true });
      return { ...c, entities: c.entities.map(({ color: _c, ...rest }) => rest), links: c.links.map(({ strength: _s, ...rest }) => rest) };
    };
    expect(imported.citations.length).toBe(original.citations.length);
    expect(imported.notes.length).toBe(original.notes.length);
    expect(report.skipped.inFile).toBe(0);
    expect(comparable(imported, [report.fileSourceId])).toEqual(comparable(original));
  });

  it('xlsx: two entities of the same name and type stay two, and each link finds its own end by id', async () => {
    const source = openCaseFile(jnimPath, { readonly: true });
    const doc = exportCaseDocument(source.db);
    source.close();
    const iyad = doc.entities.find((e) => e.label === 'Iyad ag Ghali');
    const jnim = doc.entities.find((e) => e.label === 'JNIM');
    if (!iyad || !jnim) throw new Error('sample changed');
    const namesake = { ...iyad, id: '00000000-0000-4000-8000-000000000001', description: 'A namesake' };
    const link = { ...doc.links[0]!, id: '00000000-0000-4000-8000-000000000002', sourceId: namesake.id, targetId: jnim.id, type: 'associate_of', directed: false, label: 'met', description: null, attributes: {} };
    const withNamesake = { ...doc, entities: [...doc.entities, namesake], links: [...doc.links, link] };
    const bytes = await encodeXlsx(withNamesake);
    const graph = parseInterchange(bytes, { fileName: 'n.xlsx', format: 'auto', limits: DEFAULT_PARSE_LIMITS, decodeText: decodeUtf8, workbook: await readWorkbook(bytes, DEFAULT_PARSE_LIMITS) });
    expect(graph.entities).toHaveLength(doc.entities.length + 1);
    const keyOf = new Map(graph.entities.map((e) => [e.id, e.key]));
    const read = graph.links.find((l) => l.id === link.id);
    expect(read && { from: read.sourceKey, to: read.targetKey, directed: read.directed, label: read.label }).toEqual({ from: keyOf.get(namesake.id), to: keyOf.get(jnim.id), directed: false, label: 'met' });
    expect(keyOf.get(namesake.id)).not.toBe(keyOf.get(iyad.id));
  });

  it('xlsx: a case of 20,000 citations reads back with every source, citation and note equal', async () => {
    const source = openCaseFile(jnimPath, { readonly: true });
    const doc = exportCaseDocument(source.db);
    source.close();
    const quotes = ['Tuareg leader', 'ⵜⴰⵎⴰⵣⵉⵖⵜ', 'جماعة نصرة الإسلام والمسلمين', '“quoted” – dashes… & <angle> brackets', '漢字 𝄞 😀', 'a\nsecond line', '=1+1 (not a formula)'];
    const citations = [...doc.citations];
    for (let i = citations.length; i < 20_000; i++) {
      const onLink = i % 3 === 0;
      citations.push({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        sourceId: doc.sources[i % doc.sources.length]!.id,
        entityId: onLink ? null : doc.entities[i % doc.entities.length]!.id,
        linkId: onLink ? doc.links[i % doc.links.length]!.id : null,
        quote: `${quotes[i % quotes.length]!} ${i}`,
        locator: i % 2 === 0 ? null : `para. ${i}`,
        credibility: ([1, 2, 3, 4, 5, 6] as const)[i % 6]!,
        comment: i % 5 === 0 ? `comment ${i}` : null,
        createdAt: doc.exportedAt,
      });
    }
    const large = { ...doc, citations };
    const bytes = await encodeXlsx(large);
    const graph = parseInterchange(bytes, { fileName: 'large.xlsx', format: 'auto', limits: DEFAULT_PARSE_LIMITS, decodeText: decodeUtf8, workbook: await readWorkbook(bytes, DEFAULT_PARSE_LIMITS) });
    expect(graph.skipped).toEqual([]);
    const read = actual(graph, false);
    const want = expected(large, false);
    expect(read.citations).toHaveLength(20_000);
    expect({ sources: read.sources, citations: read.citations, notes: read.notes }).toEqual({ sources: want.sources, citations: want.citations, notes: want.notes });
    // The workbook holds no colour or link strength (its entity and link sheets are the CSV export's columns).
    expect(read.entities.map(({ color: _c, ...e }) => e)).toEqual(want.entities.map(({ color: _c, ...e }) => e));
    expect(read.links.map(({ strength: _s, ...l }) => l)).toEqual(want.links.map(({ strength: _s, ...l }) => l));
  }, 180_000);
});
