import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCaseFile, type CaseStore } from '../../db/caseFile';
import { insertEntity } from '../../db/entities';
import { exportCaseDocument } from '../../db/exportCase';
import { insertLink } from '../../db/links';
import { createSampleCase } from '../../db/samples';
import { tempFolder } from '../../db/testing/tempCase';
import { CaseSession } from '../caseSession';
import { runCli } from '../workbench';
import { createInterchangeHandlers, type InterchangeDialogs } from './handlers';
import { exportCase, exportCaseToFile, ExportWouldReplaceError, writeFileAtomically } from './exportService';
import { ImportSessions } from './importService';
import { useBuiltInterchangeWorker } from './testing/workerBundle';

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
beforeAll(() => {
  useBuiltInterchangeWorker();
});
beforeEach(() => {
  tmp = tempFolder('awb-export-');
  store = createCaseFile(tmp.file('c.awcase'), { name: 'Export' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** Two entities, one with an attribute named "constructor", the other without: the one a lookup by name would fill from Object.prototype. */
function caseWithConstructorKey(): void {
  const a = insertEntity(store.db, { type: 'person', label: 'Alpha', attributes: { constructor: 'builder', phone: '+1 555' } });
  const b = insertEntity(store.db, { type: 'person', label: 'Bravo', attributes: { toString: 'x' } });
  insertLink(store.db, { type: 'knows', sourceId: a.id, targetId: b.id, directed: false, attributes: { valueOf: 'y' } });
}

describe('case export writes only own attribute values', () => {
  it('CSV and ANX never write an inherited function for an attribute another item lacks', () => {
    caseWithConstructorKey();
    const csv = tmp.file('case.csv');
    exportCaseToFile(store.db, 'csv', csv);
    const anx = tmp.file('case.anx');
    exportCaseToFile(store.db, 'anx', anx);
    const written = [readFileSync(tmp.file('case-entities.csv'), 'utf8'), readFileSync(tmp.file('case-links.csv'), 'utf8'), readFileSync(anx, 'utf8')];
    for (const text of written) {
      expect(text).not.toMatch(/function|native code/);
    }
    // Bravo has no "constructor" attribute: its cell is empty; Alpha's holds its own value.
    const rows = written[0]!.trim().split('\r\n');
    expect(rows[0]).toBe('Id,Type,Label,Aliases,Description,Start date,End date,constructor,phone,toString');
    expect(rows.find((r) => r.includes(',Alpha,'))).toMatch(/,builder,'\+1 555,$/);
    expect(rows.find((r) => r.includes(',Bravo,'))).toMatch(/,,,x$/);
    expect(written[2]).toContain('builder');
  });
});

describe('export files are written safely', () => {
  it('writes through a fresh temporary file and leaves none behind', () => {
    const target = tmp.file('out.json');
    writeFileSync(target, 'old');
    writeFileAtomically(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('CSV export refuses to replace its -entities.csv / -links.csv files unless told to, and writes nothing then', async () => {
    caseWithConstructorKey();
    const path = tmp.file('case.csv');
    writeFileSync(tmp.file('case-links.csv'), 'analyst’s own file');
    expect(() => exportCaseToFile(store.db, 'csv', path)).toThrow(ExportWouldReplaceError);
    expect(readFileSync(tmp.file('case-links.csv'), 'utf8')).toBe('analyst’s own file');
    expect(existsSync(tmp.file('case-entities.csv'))).toBe(false);
    await exportCase(store.db, 'csv', path, { overwrite: true });
    expect(readFileSync(tmp.file('case-links.csv'), 'utf8')).toMatch(/^Entity,Type,Link/);
  });

  it('in the app, asks before replacing them; "Cancel" writes nothing, "Replace" replaces', async () => {
    caseWithConstructorKey();
    const target = tmp.file('case.csv');
    writeFileSync(tmp.file('case-entities.csv'), 'keep me');
    const asked: string[][] = [];
    let answer = false;
    const dialogs: InterchangeDialogs = {
      chooseImportFile: () => Promise.resolve(null),
      chooseExportPath: () => Promise.resolve(target),
      confirmReplace: (paths) => {
        asked.push(paths.map((p) => p.slice(tmp.dir.length + 1)));
        return Promise.resolve(answer);
      },
    };
    store.close();
    const session = new CaseSession();
    session.open(tmp.file('c.awcase'));
    const handlers = createInterchangeHandlers({ session, dialogs, onImported: () => undefined });
    const exportCsv = (input: { format: 'csv'; csvBom?: boolean }) => Promise.resolve(handlers['interchange.export'](input));
    try {
      await expect(exportCsv({ format: 'csv' })).rejects.toMatchObject({ code: 'cancelled' });
      expect(asked).toEqual([['case-entities.csv']]);
      expect(readFileSync(tmp.file('case-entities.csv'), 'utf8')).toBe('keep me');
      answer = true;
      await exportCsv({ format: 'csv', csvBom: true });
    } finally {
      session.close();
      store = createCaseFile(tmp.file('again.awcase'), { name: 'again' });
    }
    const bytes = readFileSync(tmp.file('case-entities.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toMatch(/^Id,Type,Label/);
  });

  it('in the CLI, refuses without --force (exit 1, nothing written) and replaces with it', async () => {
    caseWithConstructorKey();
    store.close();
    const casePath = tmp.file('c.awcase');
    const out = tmp.file('cli.csv');
    writeFileSync(tmp.file('cli-entities.csv'), 'keep me');
    const run = async (...argv: string[]) => {
      const err: string[] = [];
      const status = await runCli(argv, { out: () => undefined, err: (t) => err.push(t) });
      return { status, stderr: err.join('\n') };
    };
    const refused = await run('export', casePath, '--format', 'csv', '-o', out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/cli-entities\.csv exists already; nothing was written\. Add --force/);
    expect(readFileSync(tmp.file('cli-entities.csv'), 'utf8')).toBe('keep me');
    expect(existsSync(tmp.file('cli-links.csv'))).toBe(false);
    const forced = await run('export', casePath, '--format', 'csv', '-o', out, '--force', '--bom');
    expect(forced.status).toBe(0);
    expect(readFileSync(tmp.file('cli-entities.csv'), 'utf8')).toMatch(/^\uFEFFId,Type,Label/);
    store = createCaseFile(tmp.file('again.awcase'), { name: 'again' });
  });
});

describe('Excel workbook export', () => {
  it('writes Entities, Links, Sources, Citations and Notes sheets that Excel’s format holds, and reads back', async () => {
    const jnim = tmp.file('jnim.awcase');
    createSampleCase(jnim, 'jnim');
    const { openCaseFile } = await import('../../db/caseFile');
    const source = openCaseFile(jnim, { readonly: true });
    const doc = exportCaseDocument(source.db);
    const path = tmp.file('jnim.xlsx');
    await exportCase(source.db, 'xlsx', path);
    source.close();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Entities', 'Links', 'Sources', 'Citations', 'Notes']);
    expect(workbook.getWorksheet('Entities')?.rowCount).toBe(doc.entities.length + 1);
    expect(workbook.getWorksheet('Links')?.rowCount).toBe(doc.links.length + 1);
    expect(workbook.getWorksheet('Citations')?.rowCount).toBe(doc.citations.length + 1);
    expect(workbook.getWorksheet('Notes')?.rowCount).toBe(doc.notes.length + 1);

    const sessions = new ImportSessions();
    const preview = await sessions.preview(store, path);
    expect(preview.file.format).toBe('xlsx');
    expect(preview.plan.counts.entities.create).toBe(doc.entities.length);
    expect(preview.plan.counts.links.create).toBe(doc.links.length);
    sessions.commit(store, preview.previewId);
    const imported = exportCaseDocument(store.db);
    const byLabel = new Map(doc.entities.map((e) => [e.label, e]));
    for (const e of imported.entities) {
      const original = byLabel.get(e.label);
      expect(original && { type: original.type, aliases: original.aliases, attributes: original.attributes }).toEqual({ type: e.type, aliases: e.aliases, attributes: e.attributes });
    }
  }, 60_000);
});
