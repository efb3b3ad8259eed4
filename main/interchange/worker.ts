import { parentPort } from 'node:worker_threads';
import { runParseJob, type ParseJob } from './parseJob';
import { encodeXlsx, readWorkbook } from './xlsx';
import type { CaseDocument } from '../../app/domain';

/** A workbook to write instead of a file to read (Excel export runs here: the library lives in this bundle). */
export interface EncodeXlsxJob {
  kind: 'encodeXlsx';
  doc: CaseDocument;
}

export type EncodeXlsxResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

function runJob(job: ParseJob | EncodeXlsxJob): Promise<unknown> {
  if ('kind' in job && job.kind === 'encodeXlsx') {
    return encodeXlsx(job.doc).then(
      (bytes): EncodeXlsxResult => ({ ok: true, bytes }),
      (error: unknown): EncodeXlsxResult => ({ ok: false, message: (error as Error).message }),
    );
  }
  return runParseJob(job as ParseJob, { readWorkbook });
}

/**
 * The import worker: parses one untrusted file off the main thread, under the memory, stack and
 * time limits its host sets. Two ways in: a worker thread (the app: one message in, one out) or a
 * child process (the CLI, which is synchronous: a job as JSON on stdin, the result on stdout).
 */

if (parentPort) {
  const port = parentPort;
  port.once('message', (job: ParseJob | EncodeXlsxJob) => {
    void runJob(job).then((result) => port.postMessage(result));
  });
} else if (process.argv.includes('--stdio')) {
  const chunks: Buffer[] = [];
  process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
  process.stdin.on('end', () => {
    const job = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ParseJob;
    void runParseJob(job, { readWorkbook }).then((result) => process.stdout.write(JSON.stringify(result)));
  });
}
