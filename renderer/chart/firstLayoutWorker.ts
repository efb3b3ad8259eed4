/** The first-layout Web Worker: lays out a chart with no stored positions, off the UI thread. */
import { computeFirstLayout, type FirstLayoutWorkerReply, type FirstLayoutWorkerRequest } from './firstLayoutTasks';

interface WorkerScope {
  postMessage(message: FirstLayoutWorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FirstLayoutWorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const request = event.data;
  // One computation at a time: a cancel arriving meanwhile is answered by the page dropping the result.
  if (request.type === 'cancel') return;
  computeFirstLayout(request.layout, () => performance.now()).then(
    (answer) => scope.postMessage({ type: 'done', id: request.id, answer }),
    (error: unknown) => scope.postMessage({ type: 'failed', id: request.id, cancelled: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
