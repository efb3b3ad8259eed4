import { JobCancelledError, type Progress, type RunningJob } from '../analysis/workerClient';
import { type TaskKind, type TaskRegistry } from './taskRegistry';

/**
 * Feeds the task list from a worker job: the worker's own progress messages (layout iterations,
 * sources processed) become the task's progress, and the task's cancel button cancels the job.
 */
export function trackJob<T>(
  registry: TaskRegistry,
  kind: TaskKind,
  label: string,
  start: (onProgress: (progress: Progress) => void) => RunningJob<T>,
  /** False for work the worker cannot stop (a layout is one synchronous computation). */
  cancellable = true,
): RunningJob<T> {
  let job: RunningJob<T> | null = null;
  const task = registry.start({ kind, label, ...(cancellable ? { cancel: () => job?.cancel() } : {}) });
  job = start((progress) => task.progress(progress.done, progress.total, progress.unit));
  job.promise.then(
    () => task.finish(),
    (error: unknown) => {
      if (error instanceof JobCancelledError) task.cancelled();
      else task.fail(error instanceof Error ? error.message : String(error));
    },
  );
  return job;
}
