import { runCli } from '../../workbench';

/** Runs one `workbench` command line in-process and captures what it printed (tests only). */
export function runCaptured(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}
