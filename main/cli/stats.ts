import { statSync } from 'node:fs';
import { entityTypeDefinition } from '../../app/entityTypes';
import { linkTypeDefinition } from '../../app/linkTypes';
import { openCaseFile } from '../../db/caseFile';
import { caseCounts, caseName, schemaVersion } from '../../db/caseMeta';
import { countEntitiesByType } from '../../db/entities';
import { countLinksByType } from '../../db/links';
import { onePositional, parseCommandLine, type CliCommand, type Io } from './command';

export const statsCommand: CliCommand = {
  name: 'stats',
  usage: `  workbench stats <case> [--json]
      Counts of entities and links by type, sources, citations and notes, the
      case format version and an integrity check. Read-only.`,
  run: stats,
};

function stats(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean' } });
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
