import { join } from 'node:path';
import type { CaseDocument } from '../app/domain';
import { countInFile, FIXTURE_CASES, FIXTURES_DIR, listFixtureFiles, readBackCase, roundTripDifferences, runFixture } from '../main/interchange/testing/fixtures';
import { useBuiltInterchangeWorker } from '../main/interchange/testing/workerBundle';

/**
 * Prints the table of #12's note: every file in ../shared/fixtures, imported as the app imports it
 * (the import worker, preview, commit into an empty case), exported to its format and read back.
 * Every number is computed here: "in the file" by a plain count of its elements or objects,
 * "imported" and "round trip" by running the import and the export. Exits 1 when a row differs
 * from what the tool shows (main/interchange/fixtures.test.ts says where).
 *
 *   npx tsx scripts/fixture-report.ts
 */

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const pair = (doc: Pick<CaseDocument, 'entities' | 'links'>) => `${doc.entities.length} / ${doc.links.length}`;

async function main(): Promise<number> {
  useBuiltInterchangeWorker();
  const files = listFixtureFiles();
  const rows: string[] = [];
  let failures = 0;
  const unlisted = files.filter((f) => !(f in FIXTURE_CASES));
  for (const name of files) {
    const fixture = FIXTURE_CASES[name];
    if (!fixture) continue;
    const counted = countInFile(join(FIXTURES_DIR, name));
    const run = await runFixture(name, fixture);
    const expected = fixture.expected;
    let expectedCell: string;
    let importedCell: string;
    let roundTripCell: string;
    if ('refused' in expected) {
      const ok = run.refusal !== null && expected.refused.test(run.refusal);
      if (!ok) failures++;
      expectedCell = `refused (${expected.how})`;
      importedCell = run.refusal === null ? `✗ imported ${pair(run.doc as CaseDocument)}` : `${ok ? '✓' : '✗'} refused: “${run.refusal.replace(/^.*? could not be imported: /, '').replace(/ Nothing was imported\.$/, '')}”`;
      roundTripCell = '—';
    } else {
      const left = fixture.leftOut;
      const inFile = counted ? `${counted.entities} / ${counted.links}` : '?';
      expectedCell = `${expected.entities} / ${expected.links}${left ? ` (file: ${inFile}; ${left.reason})` : ''}`;
      const doc = run.doc;
      const ok = doc !== null && doc.entities.length === expected.entities && doc.links.length === expected.links;
      if (!ok) failures++;
      importedCell = doc === null ? `✗ refused: ${run.refusal ?? '?'}` : `${pair(doc)} ${ok ? '✓' : '✗'}`;
      if (run.skipped > 0) importedCell += ` (${run.skipped} listed as left out)`;
      const format = fixture.roundTrip.format;
      if (fixture.roundTrip.format === null) roundTripCell = `— (${fixture.roundTrip.reason})`;
      else if (format === null || run.backDoc === null) {
        failures++;
        roundTripCell = `✗ ${format}: not read back`;
      } else {
        const differences = roundTripDifferences(run, format);
        if (differences.length > 0) failures++;
        const note = 'note' in fixture.roundTrip && fixture.roundTrip.note ? ` (${fixture.roundTrip.note}; the event itself comes back as one more entity)` : '';
        roundTripCell = `${format}: ${pair(readBackCase(run, format))} ${differences.length === 0 ? `✓ same labels, links, aliases${format === 'graphml' || format === 'gexf' ? ', positions, colours' : ''}` : `✗ ${differences.join('; ')}`}${note}`;
      }
    }
    rows.push(`| ${[fixture.format, name, fixture.writtenBy, expectedCell, importedCell, roundTripCell].map(cell).join(' | ')} |`);
  }
  const out = [
    '| format | file | written by | entities / links expected | imported | round trip |',
    '|---|---|---|---|---|---|',
    ...rows,
    ...unlisted.map((name) => `| ? | ${cell(name)} | ? | no entry in main/interchange/testing/fixtures.ts | — | — |`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return failures + unlisted.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);
