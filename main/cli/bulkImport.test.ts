import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseFile, openCaseFile } from '../../db/caseFile';
import { tempFolder } from '../../db/testing/tempCase';
import { runCli } from '../workbench';

let tmp: ReturnType<typeof tempFolder>;
beforeAll(() => {
  tmp = tempFolder('awb-cli-bulk-');
});
afterAll(() => tmp.cleanup());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('workbench bulk-import', () => {
  it('loads the two tables into the case, and a bad row loads nothing and names its line', async () => {
    const path = tmp.file('bulk.awcase');
    createCaseFile(path, { name: 'Bulk' }).close();
    const entities = tmp.file('e.csv');
    const links = tmp.file('l.csv');
    writeFileSync(entities, 'id,type,label\na,person,Amadou\nb,person,Fatouma\n');
    writeFileSync(links, 'source,target,type\na,b,communicates_with\n');
    const ok = await run('bulk-import', path, '--entities', entities, '--links', links);
    expect(ok).toMatchObject({ status: 0, stdout: expect.stringMatching(/Imported 2 entities and 1 links/) as unknown });

    writeFileSync(links, 'source,target,type\na,zz,communicates_with\n');
    const bad = await run('bulk-import', path, '--entities', entities, '--links', links);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Nothing was imported: l\.csv, line 2: no entity has the id "zz"/);
    const store = openCaseFile(path, { readonly: true });
    expect(store.db.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(2);
    store.close();

    expect((await run('bulk-import', path, '--entities', entities)).status).toBe(2);
  });
});
