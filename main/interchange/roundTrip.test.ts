import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat, ImportFormat } from '../../app/interchange/graph';
import { createCaseFile, openCaseFile } from '../../db/caseFile';
import { exportCaseDocument } from '../../db/exportCase';
import { createSampleCase } from '../../db/samples';
import { tempFolder } from '../../db/testing/tempCase';
import { exportCase } from './exportService';
import { ImportSessions } from './importService';
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
  const source = openCaseFile(jnimPath, { readonly: true });
  const original = exportCaseDocument(source.db);
  const file = tmp.file(`jnim-${format}.${format === 'stix' ? 'json' : format}`);
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
      expect(original.citations).toHaveLength(296);
      expect(comparableCase(imported, { ignoreSourceIds: [report.fileSourceId] })).toEqual(comparableCase(original));
    });
  }
});
