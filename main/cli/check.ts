import { listBackups } from '../../db/backup';
import { checkCaseFile } from '../../db/caseCheck';
import { onePositional, parseCommandLine, type CliCommand, type Io } from './command';

export const checkCommand: CliCommand = {
  name: 'check',
  usage: `  workbench check <case> [--json]
      Full integrity check (SQLite integrity_check and foreign_key_check) and the
      case format version, and the backups beside the case. Read-only. Exit
      status 1 when the file is damaged, not a case, or from a newer version.`,
  run: check,
};

const MAX_LINES_SHOWN = 10;

function check(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean' } });
  const path = onePositional(positionals, 'case file path');
  const report = checkCaseFile(path);
  const backups = listBackups(path);
  if (values.json) {
    io.out(JSON.stringify({ ...report, backups }, null, 2));
  } else {
    const lines = [`${report.health === 'ok' ? 'OK' : report.health.toUpperCase().replace('_', ' ')}  ${path}`, `  ${report.summary}`];
    for (const problem of report.integrityProblems.slice(0, MAX_LINES_SHOWN)) lines.push(`  - ${problem}`);
    if (report.integrityProblems.length > MAX_LINES_SHOWN) {
      lines.push(`  … and ${report.integrityProblems.length - MAX_LINES_SHOWN} more (see --json)`);
    }
    if (backups.length > 0) {
      const newest = backups[0];
      lines.push(`  Backups: ${backups.length}, the newest taken ${newest?.takenAt ?? '?'}: ${newest?.path ?? ''}`);
      if (report.health !== 'ok') lines.push(`  To restore it: workbench restore "${path}" "${newest?.path ?? ''}"`);
    } else {
      lines.push('  Backups: none beside this case.');
    }
    io.out(lines.join('\n'));
  }
  return report.health === 'ok' ? 0 : 1;
}
