/**
 * The analysis Web Worker: runs one task at a time off the UI thread, in slices, so a "cancel"
 * message is heard while Brandes or a power iteration is under way.
 */
import { AnalysisCancelledError } from '../../app/analysis';
import { runAnalysisTask, type AnalysisWorkerReply, type AnalysisWorkerRequest } from './analysisTasks';

/** The parts of a dedicated worker's global scope used here (the renderer's TS lib is DOM's). */
interface WorkerScope {
  postMessage(message: AnalysisWorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<AnalysisWorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const running = new Map<number, { aborted: boolean }>();
const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function run(id: number, request: Extract<AnalysisWorkerRequest, { type: 'run' }>): Promise<void> {
  const signal = { aborted: false };
  running.set(id, signal);
  try {
    const answer = await runAnalysisTask(request.task, {
      signal,
      yieldToHost,
      onProgress: (p) => scope.postMessage({ type: 'progress', id, done: p.done, total: p.total, unit: p.unit }),
    });
    scope.postMessage({ type: 'done', id, answer });
  } catch (error) {
    const cancelled = error instanceof AnalysisCancelledError;
    scope.postMessage({ type: 'failed', id, cancelled, message: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(id);
  }
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'cancel') {
    const signal = running.get(request.id);
    if (signal) signal.aborted = true;
    return;
  }
  void run(request.id, request);
});
