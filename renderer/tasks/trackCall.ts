import type { Result } from '../../app/result';
import type { TaskKind, TaskRegistry } from './taskRegistry';

export interface TrackCallOptions {
  kind: TaskKind;
  label: string;
  /** Asks main to stop the work registered under this task id (`task.cancel`); absent when it cannot stop. */
  cancel?: (taskId: string) => void;
}

/**
 * Shows one call to main as a task in the status-bar list while it runs: done when it answers,
 * failed with main's message, cancelled when the analyst cancelled it. A call answered
 * "cancelled" without a cancel from the list (the analyst closed the file dialog) was no work at
 * all and leaves no entry.
 */
export async function trackCall<T>(registry: TaskRegistry, options: TrackCallOptions, call: (taskId: string) => Promise<Result<T>>): Promise<Result<T>> {
  let asked = false;
  let taskId = '';
  const { cancel } = options;
  const task = registry.start({
    kind: options.kind,
    label: options.label,
    ...(cancel
      ? {
          cancel: () => {
            asked = true;
            cancel(taskId);
          },
        }
      : {}),
  });
  taskId = task.id;
  try {
    const result = await call(task.id);
    if (result.ok) task.finish();
    else if (result.error.code === 'cancelled') {
      if (asked) task.cancelled();
      else task.discard();
    } else task.fail(result.error.message);
    return result;
  } catch (error) {
    task.fail(error instanceof Error ? error.message : String(error));
    throw error;
  }
}
