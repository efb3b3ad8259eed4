/**
 * `npm run lint:security`: Electronegativity over the Electron main process, the preload and the
 * renderer, offline. Fails on any finding of HIGH severity or any file it could not parse; prints
 * the rest as advice. The CSV report is kept in build/electronegativity.csv.
 *
 * Offline: the check that downloads Electron's release list is excluded
 * (AvailableSecurityFixesGlobalCheck; the Electron version is pinned in package.json and reviewed
 * with it), and the tool's start-up fetch of updated translations is refused by the same guard
 * the unit tests run under, so it falls back to its bundled English at once.
 */
import './test-no-network';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeFindings, parseElectronegativityCsv, type Finding, type Severity } from './electronegativityReport';

interface RunnerIssue {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number; column: number };
  sample?: string | null;
  description: string;
}

interface RunnerResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: RunnerIssue[];
}

type Run = (options: Record<string, unknown>, forCli: boolean) => Promise<RunnerResult>;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What ships: the main process, preload and renderer, and the shared code they bundle. */
const SCANNED = ['main', 'renderer', 'app'];
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Tests and test doubles do not ship (fakeElectron constructs nothing but is Electron-shaped). */
function ships(file: string): boolean {
  const name = path.basename(file);
  if (/\.test\.tsx?$/.test(name) || name === 'fakeElectron.ts') return false;
  return !file.split(path.sep).includes('testing');
}

function countFiles(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) count += countFiles(full);
    else if (/\.(tsx?|jsx?|html?)$/.test(entry)) count += 1;
  }
  return count;
}

function fromRunner(issue: RunnerIssue): Finding {
  return {
    check: issue.id,
    severity: issue.severity.name as Severity,
    confidence: issue.confidence.name,
    file: issue.file,
    location: `${issue.location.line}:${issue.location.column}`,
    sample: issue.sample ?? 'N/A',
    description: issue.description,
    url: `https://github.com/doyensec/electronegativity/wiki/${issue.id}`,
  };
}

/**
 * Electronegativity 1.10 writes its CSV with two unsynchronised asynchronous writes (header, then
 * rows), after `run` has returned. Wait until the file is whole, with one record per finding; if
 * it never is (the writes can interleave), judge by the findings `run` returned instead.
 */
async function readReport(csvPath: string, expected: number): Promise<{ findings: Finding[] | null; problem: string }> {
  let problem = 'the report was not written';
  for (let attempt = 0; attempt < 100; attempt++) {
    if (existsSync(csvPath)) {
      try {
        const findings = parseElectronegativityCsv(readFileSync(csvPath, 'utf8'));
        if (findings.length === expected) return { findings, problem: '' };
        problem = `the report has ${findings.length} of ${expected} findings`;
      } catch (error) {
        problem = (error as Error).message;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { findings: null, problem };
}

async function main(): Promise<number> {
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity') as Run;
  const electronVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
    .devDependencies.electron;
  if (!electronVersion) throw new Error('package.json names no Electron version');

  // One folder holding what ships, so the global checks (CSP, navigation limits, permission
  // handlers) see the main process and the renderer's page together.
  const stage = mkdtempSync(path.join(tmpdir(), 'awb-electronegativity-'));
  const outDir = path.join(root, 'build');
  const csvPath = path.join(outDir, 'electronegativity.csv');
  try {
    for (const folder of SCANNED) cpSync(path.join(root, folder), path.join(stage, folder), { recursive: true, filter: ships });
    mkdirSync(outDir, { recursive: true });
    rmSync(csvPath, { force: true });
    process.env.LANG = 'en-US';

    const result = await run(
      {
        input: stage,
        output: csvPath,
        isSarif: false,
        customScan: [],
        excludeFromScan: EXCLUDED_CHECKS,
        isRelative: true,
        isVerbose: false,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );

    const unparsed = result.errors.filter((e) => !e.tolerable);
    const report = await readReport(csvPath, result.issues.length);
    const findings = report.findings ?? result.issues.map(fromRunner);
    const verdict = judgeFindings(findings);

    console.log(
      `electronegativity: ${countFiles(stage)} files of ${SCANNED.join('/, ')}/ scanned offline with ` +
        `${result.atomicChecks} atomic and ${result.globalChecks} global checks (Electron ${electronVersion}; ` +
        `excluded: ${EXCLUDED_CHECKS.join(', ')}).`,
    );
    if (!report.findings) console.log(`electronegativity: its CSV was unusable (${report.problem}); judged by the findings it returned.`);
    for (const line of verdict.lines) console.log(`  ${line}`);
    for (const error of unparsed) console.log(`  FAIL     could not parse ${error.file}: ${error.message.split('\n')[0] ?? ''}`);
    console.log(
      `electronegativity: ${verdict.failing.length} high, ${verdict.advisory.length} advisory, ${unparsed.length} unparsed; ` +
        `report in ${path.relative(root, csvPath)}.`,
    );
    if (result.atomicChecks === 0) {
      console.log('electronegativity: no checks ran.');
      return 1;
    }
    return verdict.failing.length > 0 || unparsed.length > 0 ? 1 : 0;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(`electronegativity: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
