import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { entityTypeDefinition } from '../app/entityTypes';
import { linkTypeDefinition } from '../app/linkTypes';
import { SAMPLE_CASES } from '../app/samples/index';
import { CaseFileError, createCaseFile, openCaseFile } from '../db/caseFile';
import { caseCounts, caseName, schemaVersion } from '../db/caseMeta';
import { countEntitiesByType } from '../db/entities';
import { exportCaseDocument } from '../db/exportCase';
import { countLinksByType } from '../db/links';
import { createSampleCase } from '../db/samples';

/** `workbench`: the command-line tool over case files (no Electron needed). */

const HELP = `workbench — Analyst Workbench case files from the command line

Usage:
  workbench init <case> [--sample <name>] [--name <case name>]
      Create a new case file. With --sample, fill it with a shipped sample case
      (samples: ${Object.keys(SAMPLE_CASES).join(', ')}). Refuses to overwrite an existing file.
  workbench stats <case> [--json]
      Counts of entities and links by type, sources, citations and notes, the
      case format version and an integrity check. Read-only.
  workbench export <case> --format json [-o <file>]
      Write the whole case (entities, links, sources, citations, notes, charts)
      as JSON to <file>, or to standard output. Read-only.
  workbench --help | --version

Exit status: 0 on success, 1 when the command failed (the reason is on stderr),
2 when the command line was wrong.`;

export class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const VERSION = '0.1.0';

/** Runs one command line; returns the exit status. Exported for tests. */
export function runCli(argv: string[], io: Io): number {
  try {
    return runCommand(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`workbench: ${error.message}\nRun "workbench --help" for usage.`);
      return 2;
    }
    if (error instanceof CaseFileError) {
      io.err(`workbench: ${error.message}`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`workbench: ${message}`);
    return 1;
  }
}

function parse(argv: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError(`expected exactly one ${what}`);
  return positionals[0];
}

function runCommand(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(VERSION);
    return 0;
  }
  switch (command) {
    case 'init':
      return init(rest, io);
    case 'stats':
      return stats(rest, io);
    case 'export':
      return exportCase(rest, io);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function init(argv: string[], io: Io): number {
  const { values, positionals } = parse(argv, { sample: { type: 'string' }, name: { type: 'string' } });
  const path = onePositional(positionals, 'case file path');
  const sample = values.sample as string | undefined;
  if (sample !== undefined) {
    if (!Object.prototype.hasOwnProperty.call(SAMPLE_CASES, sample)) {
      throw new UsageError(`unknown sample "${sample}" (samples: ${Object.keys(SAMPLE_CASES).join(', ')})`);
    }
    createSampleCase(path, sample);
  } else {
    createCaseFile(path, { name: (values.name as string | undefined) ?? 'Untitled case' }).close();
  }
  const store = openCaseFile(path, { readonly: true });
  try {
    const counts = caseCounts(store.db);
    io.out(`Created ${path}: "${caseName(store.db)}", ${counts.entities} entities, ${counts.links} links, ${counts.citations} citations.`);
  } finally {
    store.close();
  }
  return 0;
}

function stats(argv: string[], io: Io): number {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
  const path = onePositional(positionals, 'case file path');
  const store = openCaseFile(path, { readonly: true });
  try {
    const { db } = store;
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const report = {
      path,
      name: caseName(db),
      formatVersion: schemaVersion(db),
      bytes: statSync(path).size,
      counts: caseCounts(db),
      entitiesByType: countEntitiesByType(db),
      linksByType: countLinksByType(db),
      integrity: integrity.length === 1 && integrity[0] === 'ok' && foreignKeyProblems === 0 ? 'ok' : 'damaged',
      integrityDetails: [...integrity.filter((line) => line !== 'ok'), ...(foreignKeyProblems ? [`${foreignKeyProblems} broken references`] : [])],
    };
    if (values.json) {
      io.out(JSON.stringify(report, null, 2));
    } else {
      const lines = [
        `${report.name}  (${path}, ${(report.bytes / 1024).toFixed(0)} KiB, case format ${report.formatVersion})`,
        `Entities ${report.counts.entities} · Links ${report.counts.links} · Sources ${report.counts.sources} · Citations ${report.counts.citations} · Notes ${report.counts.notes}`,
        '',
        'Entities by type:',
        ...report.entitiesByType.map(({ type, count }) => `  ${String(count).padStart(5)}  ${entityTypeDefinition(type).id === type ? entityTypeDefinition(type).label : type}`),
        'Links by type:',
        ...report.linksByType.map(({ type, count }) => `  ${String(count).padStart(5)}  ${linkTypeDefinition(type).label}`),
        '',
        `Integrity: ${report.integrity}${report.integrityDetails.length ? ` (${report.integrityDetails.slice(0, 5).join('; ')})` : ''}`,
      ];
      io.out(lines.join('\n'));
    }
    return report.integrity === 'ok' ? 0 : 1;
  } finally {
    store.close();
  }
}

function exportCase(argv: string[], io: Io): number {
  const { values, positionals } = parse(argv, { format: { type: 'string' }, output: { type: 'string', short: 'o' } });
  const path = onePositional(positionals, 'case file path');
  const format = values.format as string | undefined;
  if (format === undefined) throw new UsageError('--format is required (supported: json)');
  if (format !== 'json') throw new UsageError(`unsupported format "${format}" (supported: json)`);
  const store = openCaseFile(path, { readonly: true });
  let text: string;
  try {
    text = `${JSON.stringify(exportCaseDocument(store.db), null, 2)}\n`;
  } finally {
    store.close();
  }
  const output = values.output as string | undefined;
  if (output === undefined) {
    io.out(text.trimEnd());
    return 0;
  }
  // Write beside the target, then rename: a reader never sees half a file.
  const temp = `${output}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, output);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new Error(`could not write ${output}: ${(error as Error).message}`);
  }
  io.err(`Wrote ${output}`);
  return 0;
}

const isEntryPoint = typeof require !== 'undefined' && require.main === module;
if (isEntryPoint) {
  const status = runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
  process.exitCode = status;
}
