import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseFile } from '../../db/caseFile';
import { insertEntity } from '../../db/entities';
import { tempFolder } from '../../db/testing/tempCase';
import { caseContentHash } from '../interchange/testing/caseHash';
import { useBuiltInterchangeWorker } from '../interchange/testing/workerBundle';
import { runCli } from '../workbench';

let tmp: ReturnType<typeof tempFolder>;
beforeAll(() => {
  useBuiltInterchangeWorker();
  tmp = tempFolder('awb-cli-import-');
});
afterAll(() => tmp.cleanup());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

function caseWithAnsar(name: string): string {
  const path = tmp.file(name);
  const store = createCaseFile(path, { name: 'CLI' });
  insertEntity(store.db, { type: 'armed_group', label: 'Ansar al-Din' });
  store.close();
  return path;
}

describe('workbench import', () => {
  it('--dry-run prints the preview and writes nothing', async () => {
    const path = caseWithAnsar('dry.awcase');
    const before = caseContentHash(path);
    const csv = tmp.file('rows.csv');
    writeFileSync(csv, 'Entity,Type,Link,Entity,Type,Date,Grade\nAnsar Dine,Armed group,founding faction of,JNIM,Armed group,2017-03-02,B2\n');
    const { status, stdout } = await run('import', path, csv, '--dry-run');
    expect(status).toBe(0);
    expect(stdout).toMatch(/rows\.csv \(CSV, .* sha256 [0-9a-f]{12}…\)/);
    expect(stdout).toMatch(/Entities: 1 to create, 1 to merge, 0 to skip/);
    expect(stdout).toMatch(/"Ansar Dine" → "Ansar al-Din"/);
    expect(stdout).toMatch(/Dry run: nothing was written\./);
    expect(caseContentHash(path)).toBe(before);
  });

  it('imports, merging by name, and reports what it did', async () => {
    const path = caseWithAnsar('real.awcase');
    const csv = tmp.file('rows2.csv');
    writeFileSync(csv, 'Entity,Type,Link,Entity,Type,Date,Grade\nAnsar Dine,Armed group,founding faction of,JNIM,Armed group,2017-03-02,B2\n');
    const { status, stdout } = await run('import', path, csv, '--reliability', 'B');
    expect(status).toBe(0);
    expect(stdout).toMatch(/Imported: 1 entities, 1 links, 2 sources, .* 1 entities and 0 links merged/);
    const stats = JSON.parse((await run('stats', path, '--json')).stdout) as { counts: { entities: number; links: number } };
    expect(stats.counts).toMatchObject({ entities: 2, links: 1 });
  });

  it('a failed parse exits 1 with the line and column, and the case is unchanged', async () => {
    const path = caseWithAnsar('fail.awcase');
    const before = caseContentHash(path);
    const bad = tmp.file('bad.graphml');
    writeFileSync(bad, '<graphml>\n<graph>\n<node id="a">\n</graph>\n</graphml>\n');
    const { status, stderr } = await run('import', path, bad);
    expect(status).toBe(1);
    expect(stderr).toMatch(/bad\.graphml could not be imported: .*line 4, column \d+.*Nothing was imported/);
    expect(caseContentHash(path)).toBe(before);
  });

  it('takes a saved CSV column mapping', async () => {
    const path = caseWithAnsar('mapped.awcase');
    const csv = tmp.file('m.csv');
    writeFileSync(csv, 'who;whom\nA;B\n');
    const mapping = tmp.file('mapping.json');
    writeFileSync(mapping, JSON.stringify({ delimiter: ';', from: { label: 'who', fixedType: 'person' }, to: { label: 'whom', fixedType: 'person' }, link: { fixedType: 'allied_with' } }));
    const { status, stdout } = await run('import', path, csv, '--mapping', mapping, '--json');
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as { report: { created: { links: number } } }).report.created.links).toBe(1);
  });

  it('rejects a wrong command line with status 2', async () => {
    expect((await run('import', 'only-one')).status).toBe(2);
    expect((await run('import', 'a', 'b', '--format', 'docx')).status).toBe(2);
    expect((await run('import', 'a', 'b', '--reliability', 'Z')).status).toBe(2);
  });
});

describe('workbench export --format', () => {
  it('writes every format; CSV as two tables', async () => {
    const path = tmp.file('j.awcase');
    expect((await run('init', path, '--sample', 'jnim')).status).toBe(0);
    for (const format of ['stix', 'graphml', 'gexf', 'anx', 'json']) {
      const out = tmp.file(`j.${format}`);
      const result = await run('export', path, '--format', format, '-o', out);
      expect(result.status, result.stderr).toBe(0);
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(1000);
    }
    expect((await run('export', path, '--format', 'csv', '-o', tmp.file('j.csv'))).stderr).toMatch(/j-entities\.csv, .*j-links\.csv/);
    expect(existsSync(tmp.file('j-links.csv'))).toBe(true);
    const stix = await run('export', path, '--format', 'stix', '--stix-relationships', 'custom');
    expect((JSON.parse(stix.stdout) as { type: string }).type).toBe('bundle');
    expect(stix.stdout).toContain('"relationship_type": "pledged-allegiance-to"');
    expect((await run('export', path, '--format', 'pdf')).status).toBe(2);
  });
});
