import { restoreBackup } from '../../db/backup';
import { parseCommandLine, UsageError, type CliCommand, type Io } from './command';

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: `  workbench restore <case> <backup>
      Put a backup in the place of <case>. The backup is checked first; the
      current file is renamed to <case>.before-restore-<time>, never deleted.
      Close the case in the app first.`,
  run: restore,
};

async function restore(argv: string[], io: Io): Promise<number> {
  const { positionals } = parseCommandLine(argv, {});
  const [path, backupPath] = positionals;
  if (positionals.length !== 2 || !path || !backupPath) throw new UsageError('expected a case file path and a backup file path');
  const result = await restoreBackup(path, backupPath);
  io.out(`Restored ${path} from ${backupPath}.`);
  io.out(result.setAside ? `The file it replaced is kept as ${result.setAside}.` : 'There was no case file there before.');
  return 0;
}
