import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFolderFor, listBackups } from '../../db/backup';
import { openCaseFile } from '../../db/caseFile';
import { caseCounts } from '../../db/caseMeta';
import { insertEntity } from '../../db/entities';
import { damageTablePages } from '../../db/testing/damage';
import { tempFolder } from '../../db/testing/tempCase';
import { runCli } from '../workbench';

/** `workbench check`, `backup` and `restore`, as an analyst would run them. */

let tmp: ReturnType<typeof tempFolder>;
beforeEach(() => {
  tmp = tempFolder('awb-cli-backup-');
});
afterEach(() => tmp.cleanup());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function entityCount(path: string): number {
  const store = openCaseFile(path, { readonly: true });
  try {
    return caseCounts(store.db).entities;
  } finally {
    store.close();
  }
}

describe('workbench check', () => {
  it('passes a healthy case and fails a damaged one, without changing either', async () => {
    const path = tmp.file('JNIM.awcase');
    expect((await run('init', path, '--sample', 'jnim')).status).toBe(0);
    const ok = await run('check', path);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^OK /);
    expect(ok.stdout).toMatch(/healthy \(case format \d+\)/);

    damageTablePages(path, 'citations', 1);
    const bytes = sha256(path);
    const files = readdirSync(tmp.dir).sort();
    const damaged = await run('check', path);
    expect(damaged.status).toBe(1);
    expect(damaged.stdout).toMatch(/^DAMAGED /);
    expect(damaged.stdout).toMatch(/damaged: \d+ problem/);
    expect(sha256(path)).toBe(bytes);
    expect(readdirSync(tmp.dir).sort()).toEqual(files);

    const json = await run('check', path, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ health: 'damaged', isSqlite: true, backups: [] });
  });

  it('fails a file that is not a case, and a missing one', async () => {
    const text = tmp.file('notes.awcase');
    writeFileSync(text, 'notes');
    expect((await run('check', text)).status).toBe(1);
    expect((await run('check', tmp.file('missing.awcase'))).stdout).toMatch(/^MISSING/);
    expect((await run('check')).status).toBe(2);
  });
});

describe('workbench backup and restore', () => {
  it('backs up beside the case, restores it, and keeps the replaced file', async () => {
    const path = tmp.file('Case.awcase');
    expect((await run('init', path, '--sample', 'jnim')).status).toBe(0);
    const backedUp = await run('backup', path);
    expect(backedUp.status).toBe(0);
    expect(backedUp.stdout).toMatch(/integrity checked/);
    const [backup] = listBackups(path);
    expect(backup?.path.startsWith(backupFolderFor(path))).toBe(true);

    // Work after the backup, then the analyst wants the backup back.
    const store = openCaseFile(path);
    insertEntity(store.db, { type: 'person', label: 'Added later' });
    store.close();
    const later = sha256(path);

    const restored = await run('restore', path, backup?.path ?? '');
    expect(restored.status).toBe(0);
    const aside = /kept as (.+)\.$/m.exec(restored.stdout)?.[1] ?? '';
    expect(aside).toMatch(/Case\.awcase\.before-restore-\d{4}-/);
    expect(sha256(aside)).toBe(later);
    expect(entityCount(path)).toBe(74);
    expect(entityCount(aside)).toBe(75);
    expect((await run('check', path)).status).toBe(0);
  });

  it('writes to -o, and never over an existing file', async () => {
    const path = tmp.file('Case.awcase');
    await run('init', path, '--name', 'Small');
    const output = tmp.file('copy.awcase');
    expect((await run('backup', path, '-o', output)).status).toBe(0);
    expect(existsSync(output)).toBe(true);
    const again = await run('backup', path, '-o', output);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(listBackups(path)).toEqual([]);
  });

  it('refuses to back up a damaged case or restore a damaged backup', async () => {
    const path = tmp.file('Case.awcase');
    await run('init', path, '--sample', 'jnim');
    const copy = tmp.file('copy.awcase');
    await run('backup', path, '-o', copy);
    damageTablePages(copy, 'citations', 1);
    const bytes = sha256(path);

    const restore = await run('restore', path, copy);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(/cannot be restored: The case file is damaged/);
    expect(sha256(path)).toBe(bytes);

    const backup = await run('backup', copy);
    expect(backup.status).toBe(1);
    expect(backup.stderr).toMatch(/was not backed up/);
    expect(existsSync(backupFolderFor(copy))).toBe(false);
    expect((await run('restore', path)).status).toBe(2);
  });
});
