import { parentPort } from 'node:worker_threads';
import { runParseJob, type ParseJob } from './parseJob';

/**
 * The import worker: parses one untrusted file off the main thread, under the memory, stack and
 * time limits its host sets. Two ways in: a worker thread (the app: one message in, one out) or a
 * child process (the CLI, which is synchronous: a job as JSON on stdin, the result on stdout).
 */

if (parentPort) {
  const port = parentPort;
  port.once('message', (job: ParseJob) => {
    void runParseJob(job).then((result) => port.postMessage(result));
  });
} else if (process.argv.includes('--stdio')) {
  const chunks: Buffer[] = [];
  process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
  process.stdin.on('end', () => {
    const job = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ParseJob;
    void runParseJob(job).then((result) => process.stdout.write(JSON.stringify(result)));
  });
}
