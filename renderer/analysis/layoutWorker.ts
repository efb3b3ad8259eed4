/** The layout Web Worker: computes a layout on a headless Cytoscape, off the UI thread. */
import { computeLayoutPositions, type LayoutWorkerReply, type LayoutWorkerRequest } from './layoutTasks';

interface WorkerScope {
  postMessage(message: LayoutWorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LayoutWorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const request = event.data;
  // A layout is one synchronous computation: a cancel arriving meanwhile is answered by the page dropping the result.
  if (request.type === 'cancel') return;
  try {
    scope.postMessage({ type: 'done', id: request.id, answer: computeLayoutPositions(request.layout) });
  } catch (error) {
    scope.postMessage({ type: 'failed', id: request.id, cancelled: false, message: error instanceof Error ? error.message : String(error) });
  }
});
