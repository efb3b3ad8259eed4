/**
 * A promise-per-request client over a Web Worker that answers `{type: 'done' | 'failed' |
 * 'progress', id}` messages (the analysis and layout workers both do).
 */

export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export interface RunningJob<T> {
  promise: Promise<T>;
  cancel: () => void;
}

/** Thrown (as the promise's rejection) when a job was cancelled. */
export class JobCancelledError extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'JobCancelledError';
  }
}

export interface Progress {
  done: number;
  total: number;
  unit: string;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress: ((progress: Progress) => void) | undefined;
}

type Reply =
  | { type: 'progress'; id: number; done: number; total: number; unit: string }
  | { type: 'done'; id: number; answer: unknown }
  | { type: 'failed'; id: number; message: string; cancelled: boolean };

export interface WorkerClient<Req, Ans> {
  run: (request: Req, onProgress?: (progress: Progress) => void) => RunningJob<Ans>;
  /** Starts the worker now, if it is not running, so that a first request need not wait for it to load. */
  warm: () => void;
  dispose: () => void;
}

/**
 * Starts the worker on first use. A worker that fails to load (or crashes) rejects what is
 * pending and is started afresh next time.
 */
export function createWorkerClient<Req, Ans>(start: () => WorkerLike, requestKey: string): WorkerClient<Req, Ans> {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (message: string) => {
    for (const job of pending.values()) job.reject(new Error(message));
    pending.clear();
  };

  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const created = start();
    created.addEventListener('message', (event: MessageEvent) => {
      const reply = event.data as Reply;
      const job = pending.get(reply.id);
      if (!job) return;
      if (reply.type === 'progress') {
        job.onProgress?.({ done: reply.done, total: reply.total, unit: reply.unit });
        return;
      }
      pending.delete(reply.id);
      if (reply.type === 'done') job.resolve(reply.answer);
      else job.reject(reply.cancelled ? new JobCancelledError() : new Error(reply.message));
    });
    created.addEventListener('error', (event: ErrorEvent) => {
      created.terminate();
      if (worker === created) worker = null;
      failAll(`The background worker stopped: ${event.message || 'it could not be loaded'}.`);
    });
    worker = created;
    return created;
  };

  return {
    run(request, onProgress) {
      const id = nextId++;
      let settled = false;
      const promise = new Promise<Ans>((resolve, reject) => {
        pending.set(id, {
          resolve: (value) => {
            settled = true;
            resolve(value as Ans);
          },
          reject: (error) => {
            settled = true;
            reject(error);
          },
          onProgress,
        });
      });
      try {
        ensure().postMessage({ type: 'run', id, [requestKey]: request });
      } catch (error) {
        pending.get(id)?.reject(error instanceof Error ? error : new Error(String(error)));
        pending.delete(id);
      }
      return {
        promise,
        cancel() {
          if (settled) return;
          worker?.postMessage({ type: 'cancel', id });
        },
      };
    },
    warm() {
      try {
        ensure();
      } catch {
        // Started (and its failure reported) by the first request instead.
      }
    },
    dispose() {
      worker?.terminate();
      worker = null;
      failAll('Closed.');
    },
  };
}
