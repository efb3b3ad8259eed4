import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinaryStatus } from '../scripts/electronRuntime';

/**
 * The real app in the real Electron, where the binary exists (it cannot be downloaded offline).
 * Without it, this test is skipped and says so; the rest of the suite covers the same renderer and
 * handlers in Chromium, and main/electron/main.test.ts covers the main process against a fake module.
 */
const electronDir = resolve('node_modules/electron');
const status = electronBinaryStatus({
  electronDir,
  expectedVersion: (JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }).version,
  env: process.env,
  platform: process.platform,
  readText: (file) => (existsSync(file) ? readFileSync(file, 'utf8') : null),
  exists: existsSync,
});
const nativeBuild = resolve('build/electron-native/better_sqlite3.node');

test('the packaged window opens the JNIM case on first launch (real Electron)', async () => {
  const reason = !status.installed
    ? 'the Electron binary is not installed (no network to download it); run `npx install-electron` where there is one'
    : !existsSync(nativeBuild)
      ? 'better-sqlite3 for Electron is not built; `npm start` builds it once'
      : null;
  if (reason) console.log(`Electron e2e SKIPPED: ${reason}.`);
  test.skip(reason !== null, `SKIPPED: ${reason}.`);
  const userData = mkdtempSync(join(tmpdir(), 'awb-electron-'));
  try {
    const app = await electron.launch({
      executablePath: status.installed ? status.binaryPath : undefined,
      args: ['.', `--user-data-dir=${userData}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    });
    const window = await app.firstWindow();
    await window.locator('body[data-chart-ready="true"]').waitFor({ timeout: 60_000 });
    await expect(window.getByTestId('status-bar')).toContainText('74 entities');
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await app.close();
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
});
