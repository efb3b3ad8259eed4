/** The first-layout Web Worker: lays out a chart with no stored positions, off the UI thread. */
import { computeFirstLayout, type FirstLayoutWorkerReply, type FirstLayoutWorkerRequest } from './firstLayoutTasks';

interface WorkerScope {
  postMessage(message: FirstLayoutWorkerReply, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FirstLayoutWorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const request = event.data;
  // One computation at a time, in one task: a cancel cannot arrive during it (the page stops the
  // worker instead, firstLayout.ts) and one arriving after is for a job already answered.
  if (request.type === 'cancel') return;
  computeFirstLayout(request.layout, () => performance.now()).then(
    (answer) => scope.postMessage({ type: 'done', id: request.id, answer }, 'xy' in answer ? [answer.xy.buffer] : []),
    (error: unknown) => scope.postMessage({ type: 'failed', id: request.id, cancelled: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
