import { bundledWorker } from '../../../db/testing/workerBundle';
import { setInterchangeWorkerScript } from '../parseHost';

/** Builds the import worker once per test process (as scripts/build-node.mjs does) and points the host at it. */
export function useBuiltInterchangeWorker(): string {
  const built = bundledWorker('main/interchange/worker.ts', 'interchange-worker.cjs');
  setInterchangeWorkerScript(built);
  return built;
}
