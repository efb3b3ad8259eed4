import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { test as base, expect, type Page } from '@playwright/test';
import type { EventName, EventPayloads } from '../app/contract';
import { tempFolder } from '../db/testing/tempCase';
import { CaseSession } from '../main/caseSession';
import { dispatchToWire } from '../main/dispatch';
import { createFileDrops, type DropOutcome } from '../main/fileDrops';
import { createCaseOpener, createHandlers, type CaseDialogs } from '../main/handlers';
import type { InterchangeDialogs } from '../main/interchange/handlers';
import { setInterchangeWorkerScript } from '../main/interchange/parseHost';
import { RecentCases } from '../main/recentCases';
import { SettingsStore } from '../main/settingsStore';
import { APP_ORIGIN as APP_PROTOCOL_ORIGIN, APP_RESPONSE_HEADERS, contentTypeForAsset, resolveAppAssetPath } from '../main/security';

/** What Help › About reports here: the package's version (the harness is not Electron). */
const APP_VERSIONS = { app: (JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string }).version };

/** The origin the built renderer is served from in the e2e browser (never a real host). */
export const APP_ORIGIN = 'http://workbench.localhost';
/** The built renderer; WORKBENCH_RENDERER_DIR points elsewhere (e.g. a build of a work in progress). */
const RENDERER_DIR = resolve(process.env.WORKBENCH_RENDERER_DIR ?? 'dist/renderer');

let bridgeScript: string | null = null;
/** The bridge, bundled once per worker from the same app/bridge.ts the preload uses. */
function bridgeBundle(): string {
  bridgeScript ??= buildSync({
    entryPoints: [resolve('e2e/bridgeEntry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  }).outputFiles[0]!.text;
  return bridgeScript;
}

/** Scripted answers for the native dialogs: push a path before the action, or null to cancel. */
export class ScriptedDialogs implements CaseDialogs, InterchangeDialogs {
  readonly newPaths: (string | null)[] = [];
  readonly openPaths: (string | null)[] = [];
  chooseNewCasePath(): Promise<string | null> {
    return Promise.resolve(this.newPaths.shift() ?? null);
  }
  chooseCaseToOpen(): Promise<string | null> {
    return Promise.resolve(this.openPaths.shift() ?? null);
  }
  /** Answers for File › Export image's save dialog, and the file names it suggested. */
  readonly imagePaths: (string | null)[] = [];
  readonly suggestedImageNames: string[] = [];
  chooseImageExportPath(_format: string, suggestedName: string): Promise<string | null> {
    this.suggestedImageNames.push(suggestedName);
    return Promise.resolve(this.imagePaths.shift() ?? null);
  }
  /** Answers for File › Import's open dialog and File › Export's save dialog, and the names it suggested. */
  readonly importPaths: (string | null)[] = [];
  readonly exportPaths: (string | null)[] = [];
  readonly suggestedExportNames: string[] = [];
  chooseImportFile(): Promise<string | null> {
    return Promise.resolve(this.importPaths.shift() ?? null);
  }
  chooseExportPath(_format: string, suggestedName: string): Promise<string | null> {
    this.suggestedExportNames.push(suggestedName);
    return Promise.resolve(this.exportPaths.shift() ?? null);
  }
}

export interface Workbench {
  page: Page;
  /** The case file this test works on (a fresh temp copy of the JNIM sample unless `startEmpty`). */
  casePath: string;
  /** A path in this test's temp folder. */
  file(name: string): string;
  dialogs: ScriptedDialogs;
  /** Loads the app in the page, bound to the handlers of the current "main process". */
  launch(): Promise<void>;
  /** Simulates quitting and starting again: closes the store, opens the same file in a new session, reloads. */
  restart(): Promise<void>;
  /** Drops files on the window, as the analyst and then the preload do (see main/fileDrops.ts). */
  dropFiles(paths: string[]): Promise<DropOutcome>;
  /** Main's settings file for this test (the user-data folder's settings.json in the app). */
  settingsPath: string;
  /** Requests that tried to leave the machine (the test fails if there are any). */
  blockedRequests: string[];
  /** The calls the page made to main since the test began, by channel, in order. */
  calls: string[];
}

interface Options {
  startEmpty: boolean;
}

export const test = base.extend<Options & { workbench: Workbench }>({
  startEmpty: [false, { option: true }],
  workbench: async ({ page, startEmpty }, use) => {
    if (!existsSync(join(RENDERER_DIR, 'index.html')) || !existsSync(resolve('dist/main/workbench.cjs'))) {
      throw new Error('dist/ is missing: run "npm run build" before the e2e tests (npm run test:e2e does).');
    }
    const tmp = tempFolder('awb-e2e-');
    const casePath = tmp.file('JNIM.awcase');
    // The sample is made by the built CLI, as `npx workbench init --sample jnim` makes it.
    if (!startEmpty) execFileSync(process.execPath, [resolve('dist/main/workbench.cjs'), 'init', casePath, '--sample', 'jnim'], { stdio: 'pipe' });
    const dialogs = new ScriptedDialogs();
    const recent = new RecentCases(tmp.file('recent-cases.json'));
    const settingsPath = tmp.file('settings.json');
    const blockedRequests: string[] = [];
    const problems: string[] = [];

    const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => {
      page.evaluate(([e, p]) => (globalThis as unknown as { __workbenchEmit: (e: string, p: unknown) => void }).__workbenchEmit(e, p), [event, payload] as const).catch(() => {
        // The page may be navigating; it reloads its state from case.current on load anyway.
      });
    };

    // Main runs from source here: it is told where the built import worker is, as the app's bundle knows it.
    setInterchangeWorkerScript(resolve('dist/main/interchange-worker.cjs'));
    // The "main process": a session, the handlers, and what the preload reports of a drop (as main.ts wires them).
    const startMain = () => {
      const next = new CaseSession();
      const drops = createFileDrops({ opener: createCaseOpener({ session: next, recent, emit }), emit });
      // Read from the file at each start, as main.ts does: a restart finds what the last run saved.
      const settings = new SettingsStore(settingsPath);
      const channels = createHandlers({ session: next, dialogs, recent, emit, interchangeDialogs: drops.importDialogs(dialogs), app: { versions: APP_VERSIONS }, settings });
      return { session: next, handlers: channels, drops };
    };
    let { session, handlers, drops } = startMain();
    if (!startEmpty) {
      session.open(casePath);
      recent.add(casePath, session.current()?.name ?? 'JNIM');
    }

    const calls: string[] = [];
    await page.exposeBinding('__workbenchInvoke', (_source, channel: unknown, input: unknown) => {
      calls.push(String(channel));
      return dispatchToWire(handlers, channel, input, (name, error) => problems.push(`${name} failed in main: ${String(error)}`));
    });
    await page.addInitScript({ content: bridgeBundle() });

    // Every request is routed: the app is served from disk; anything else is a request leaving the machine.
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === APP_ORIGIN) {
        // Served exactly as main's app:// protocol serves it: the same resolver, types and headers (CSP included).
        const file = resolveAppAssetPath(RENDERER_DIR, APP_PROTOCOL_ORIGIN + route.request().url().slice(APP_ORIGIN.length));
        if (file === null || !existsSync(file)) {
          await route.fulfill({ status: 404, body: 'not found' });
          return;
        }
        await route.fulfill({
          status: 200,
          body: readFileSync(file),
          headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': contentTypeForAsset(file) },
        });
        return;
      }
      if (url.protocol === 'data:' || url.protocol === 'blob:') {
        await route.continue();
        return;
      }
      blockedRequests.push(url.href);
      await route.abort('blockedbyclient');
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });

    const launch = async () => {
      await page.goto(`${APP_ORIGIN}/index.html`);
    };

    const workbench: Workbench = {
      page,
      casePath,
      file: tmp.file,
      dialogs,
      settingsPath,
      blockedRequests,
      calls,
      launch,
      dropFiles: async (paths) => {
        // What the user does: files dragged over the window and dropped (the page sees a drag of files)…
        await page.evaluate((names) => {
          const transfer = new DataTransfer();
          for (const name of names) transfer.items.add(new File(['x'], name));
          for (const type of ['dragenter', 'dragover', 'drop']) {
            window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
          }
        }, paths.map((path) => path.split(/[\\/]/).pop() ?? path));
        // …and what the preload then does: it reads the paths from the drop (Electron's
        // webUtils.getPathForFile, which Chromium has not) and hands them to main.
        return drops.dropped(paths);
      },
      restart: async () => {
        session.close();
        ({ session, handlers, drops } = startMain());
        session.open(casePath);
        await page.goto('about:blank');
        await launch();
      },
    };

    try {
      await use(workbench);
      expect(blockedRequests, 'requests that tried to leave the machine').toEqual([]);
      expect(problems, 'errors in the page or in the handlers').toEqual([]);
    } finally {
      session.close();
      tmp.cleanup();
    }
  },
});

export { expect };

/** Waits until the chart has drawn its first frame with every element. */
export async function waitForChart(page: Page): Promise<void> {
  await page.locator('body[data-chart-ready="true"]').waitFor({ timeout: 30_000 });
}
