import { readFileSync } from 'node:fs';
import { RELIABILITY_GRADES, type Reliability } from '../../app/domain';
import { csvMappingSchema, type CsvMapping } from '../../app/interchange/csvMapping';
import { FORMAT_LABELS, IMPORT_FORMATS, type ImportFormat } from '../../app/interchange/graph';
import { describeCut, skippedTotal, type ImportPlan, type ImportReport } from '../../app/interchange/plan';
import { openCaseFile } from '../../db/caseFile';
import { commitImport, planImport } from '../../db/importCase';
import { importFileOf } from '../interchange/importService';
import { formatBytes } from '../interchange/parseJob';
import { parseFileInChildProcess } from '../interchange/parseHost';
import { parseCommandLine, UsageError, type CliCommand, type Io } from './command';

export const importCommand: CliCommand = {
  name: 'import',
  usage: `  workbench import <case> <file> [--format <format>] [--dry-run] [--mapping <mapping.json>]
                   [--reliability A-F] [--json]
      Import a file (${IMPORT_FORMATS.join(', ')}; by default the format is recognised)
      into the case, in one transaction. Entities whose names match the case's (ignoring
      case, accents, apostrophes and transliterations) are merged; the file is recorded as
      a source of what it created. --dry-run prints what would be created, merged and
      skipped, and writes nothing. --mapping names a JSON file of CSV column mappings;
      --reliability grades the file as a source (default F).`,
  run: importFile,
};

function describePlan(plan: ImportPlan, file: { name: string; bytes: number; sha256: string }): string {
  const lines = [
    `${file.name} (${FORMAT_LABELS[plan.format]}, ${formatBytes(file.bytes)}, sha256 ${file.sha256.slice(0, 12)}…)`,
    `  Entities: ${plan.counts.entities.create} to create, ${plan.counts.entities.merge} to merge, ${plan.counts.entities.skip} to skip`,
    `  Links: ${plan.counts.links.create} to create, ${plan.counts.links.merge} to merge, ${plan.counts.links.skip} to skip`,
    `  Sources: ${plan.counts.sources}, citations: ${plan.counts.citations}, notes: ${plan.counts.notes} to create (the file itself and its citation of each item included)`,
  ];
  if (!plan.undo.undoable && plan.undo.reason !== null) lines.push(`  ${plan.undo.reason}`);
  if (plan.cut.length > 0) lines.push('Cut to fit:', ...plan.cut.slice(0, 50).map((c) => `  ${describeCut(c)}`), ...(plan.cut.length > 50 ? [`  … and ${plan.cut.length - 50} more`] : []));
  const merges = plan.entities.filter((e) => e.action === 'merge');
  if (merges.length > 0) lines.push('Merges:', ...merges.map((e) => `  "${e.label}" → "${e.into?.label ?? '?'}": ${e.reason}`));
  const notMerged = plan.entities.filter((e) => e.action === 'create' && e.candidates.length > 0);
  if (notMerged.length > 0) lines.push('Not merged:', ...notMerged.map((e) => `  "${e.label}": ${e.reason}`));
  const linkMerges = plan.links.filter((l) => l.action === 'merge');
  if (linkMerges.length > 0) lines.push('Links already in the case:', ...linkMerges.slice(0, 50).map((l) => `  ${l.sourceLabel} —${l.type}→ ${l.targetLabel}: ${l.reason}`));
  if (plan.skipped.length > 0) lines.push('Skipped:', ...plan.skipped.slice(0, 50).map((s) => `  ${s.what}: ${s.reason}`), ...(plan.skipped.length > 50 ? [`  … and ${plan.skipped.length - 50} more`] : []));
  if (plan.warnings.length > 0) lines.push('Warnings:', ...plan.warnings.slice(0, 50).map((w) => `  ${w}`));
  return lines.join('\n');
}

function describeReport(report: ImportReport): string {
  const { created, merged, skipped } = report;
  return (
    `Imported: ${created.entities} entities, ${created.links} links, ${created.sources} sources, ${created.citations} citations and ${created.notes} notes created; ` +
    `${merged.entities} entities and ${merged.links} links merged; ${skippedTotal(report)} skipped ` +
    `(${skipped.entities} entities, ${skipped.links} links, ${skipped.citations} citations, ${skipped.notes} notes, ${skipped.inFile} parts of the file)` +
    `${report.cut.length > 0 ? `; ${report.cut.length} values cut to fit` : ''}.${report.undoable ? '' : ' It cannot be undone (too large for the undo history).'}`
  );
}

function readMapping(path: string): CsvMapping {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new UsageError(`could not read the mapping ${path}: ${(error as Error).message}`);
  }
  const parsed = csvMappingSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`the mapping ${path} is not valid: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

function importFile(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandLine(argv, {
    format: { type: 'string' },
    'dry-run': { type: 'boolean' },
    mapping: { type: 'string' },
    reliability: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 2) throw new UsageError('expected a case file path and the file to import');
  const [casePath, filePath] = positionals as [string, string];
  const format = (values.format as string | undefined) ?? 'auto';
  if (format !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unsupported format "${format}" (supported: ${IMPORT_FORMATS.join(', ')})`);
  }
  const reliability = values.reliability as string | undefined;
  if (reliability !== undefined && !(RELIABILITY_GRADES as readonly string[]).includes(reliability)) throw new UsageError('--reliability is a grade from A to F');
  const mappingPath = values.mapping as string | undefined;
  const csvMapping = mappingPath === undefined ? undefined : readMapping(mappingPath);

  // Parse before the case is opened: a file that fails leaves the case untouched.
  const { graph, file } = parseFileInChildProcess(filePath, { format: format as ImportFormat | 'auto', options: csvMapping ? { csvMapping } : {} });
  const dryRun = values['dry-run'] === true;
  const store = openCaseFile(casePath, { readonly: dryRun });
  try {
    if (dryRun) {
      const plan = planImport(store.db, graph, importFileOf(file));
      io.out(values.json ? JSON.stringify({ file, plan }, null, 2) : `${describePlan(plan, file)}\nDry run: nothing was written.`);
      return 0;
    }
    const plan = planImport(store.db, graph, importFileOf(file));
    const report = commitImport(store.db, graph, importFileOf(file), reliability ? { fileReliability: reliability as Reliability } : {});
    io.out(values.json ? JSON.stringify({ file, report }, null, 2) : `${describePlan(plan, file)}\n${describeReport(report)}`);
    return 0;
  } finally {
    store.close();
  }
}
