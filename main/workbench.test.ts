import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDocument } from '../app/domain';
import { locateQuote } from '../app/samples/sampleCase';
import { tempFolder } from '../db/testing/tempCase';
import { runCaptured as run } from './cli/testing/runCaptured';

let tmp: ReturnType<typeof tempFolder>;
beforeAll(() => {
  tmp = tempFolder('awb-cli-');
});
afterAll(() => tmp.cleanup());


describe('workbench CLI', () => {
  it('documents every command in --help', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    for (const command of ['init', 'stats', 'export', '--sample', '--format json']) expect(stdout).toContain(command);
  });

  it('init --sample jnim, stats and export json describe the same case', () => {
    const path = tmp.file('j.sqlite');
    const init = run('init', path, '--sample', 'jnim');
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/Created .*JNIM/);

    const stats = run('stats', path, '--json');
    expect(stats.status).toBe(0);
    const report = JSON.parse(stats.stdout) as { integrity: string; counts: { entities: number; links: number; citations: number } };
    expect(report.integrity).toBe('ok');
    expect(report.counts.entities).toBeGreaterThan(30);

    const out = tmp.file('j.json');
    expect(run('export', path, '--format', 'json', '-o', out).status).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as CaseDocument;
    expect(doc.entities).toHaveLength(report.counts.entities);
    expect(doc.links).toHaveLength(report.counts.links);
    expect(doc.citations).toHaveLength(report.counts.citations);
    const ids = new Set(doc.entities.map((e) => e.id));
    for (const link of doc.links) {
      expect(ids.has(link.sourceId)).toBe(true);
      expect(ids.has(link.targetId)).toBe(true);
    }
    const jnim = doc.entities.find((e) => e.label.includes('JNIM') || e.aliases.includes('JNIM'));
    expect(jnim?.aliases.length).toBeGreaterThan(0);
    // Every quote in the export stands verbatim in the source document it cites (the article, or a gazetteer).
    const bodies = new Map(doc.sources.map((source) => [source.id, source.body ?? '']));
    for (const citation of doc.citations) expect(locateQuote(bodies.get(citation.sourceId) ?? '', citation.quote)).not.toBeNull();
  });

  it('the human-readable stats name the types and the integrity', () => {
    const path = tmp.file('j2.sqlite');
    run('init', path, '--sample', 'jnim');
    const { stdout } = run('stats', path);
    expect(stdout).toMatch(/Armed groups?|Armed group/);
    expect(stdout).toMatch(/Integrity: ok/);
  });

  it('errors go to stderr with a non-zero status and no stack trace', () => {
    const missing = run('stats', tmp.file('nope.sqlite'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no case file/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);

    const notCase = tmp.file('notes.txt');
    writeFileSync(notCase, 'hello');
    expect(run('export', notCase, '--format', 'json').stderr).toMatch(/not an Analyst Workbench case file/);
    expect(run('export', tmp.file('j.sqlite'), '--format', 'xml').status).toBe(2);
    expect(run('frobnicate').status).toBe(2);
    expect(run('init').status).toBe(2);
    expect(run('init', tmp.file('x.sqlite'), '--sample', 'nope').stderr).toMatch(/unknown sample/);

    const existing = tmp.file('j.sqlite');
    const before = readFileSync(existing);
    expect(run('init', existing, '--sample', 'jnim').stderr).toMatch(/already exists/);
    expect(readFileSync(existing).equals(before)).toBe(true);
  });

  it('runs as a bundled executable (what npx workbench runs)', () => {
    const bundle = join(tmp.dir, 'workbench.cjs');
    buildSync({
      entryPoints: [resolve('main/workbench.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: bundle,
      external: ['better-sqlite3', 'electron'],
      loader: { '.txt': 'text' },
      nodePaths: [resolve('node_modules')],
      logLevel: 'silent',
    });
    expect(existsSync(bundle)).toBe(true);
    const path = tmp.file('bin.sqlite');
    const env = { ...process.env, NODE_PATH: resolve('node_modules') };
    const init = spawnSync(process.execPath, [bundle, 'init', path, '--sample', 'jnim'], { encoding: 'utf8', env });
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const exported = spawnSync(process.execPath, [bundle, 'export', path, '--format', 'json'], { encoding: 'utf8', env });
    expect(exported.status).toBe(0);
    expect((JSON.parse(exported.stdout) as CaseDocument).format).toBe('analyst-workbench-case');
    const bad = spawnSync(process.execPath, [bundle, 'stats', tmp.file('missing.sqlite')], { encoding: 'utf8', env });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    // Builds the bundle and runs it three times: seconds on a shared machine, not a timing check.
  }, 60_000);
});
