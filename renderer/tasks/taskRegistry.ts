/**
 * One model for every long operation (import, layout, analysis, image export, case export,
 * backup): the status-bar task list reads this registry and nothing else, so progress shows in
 * one place whatever part of the app does the work.
 */

export type TaskKind = 'import' | 'layout' | 'analysis' | 'image-export' | 'case-export' | 'backup';

export type TaskOutcome =
  | { status: 'running' }
  | { status: 'done' }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

export interface TaskSnapshot {
  id: string;
  kind: TaskKind;
  label: string;
  /** 0..1, or null while the work cannot say how far it is (indeterminate). */
  progress: number | null;
  /** What the progress counts, e.g. "rows 1,200 of 40,000" — honest units, never a timer. */
  detail: string;
  cancellable: boolean;
  outcome: TaskOutcome;
}

export interface TaskHandle {
  readonly id: string;
  /** Reports honest progress: `done` units of `total` (total 0 or less means indeterminate). */
  progress: (done: number, total: number, unit?: string) => void;
  finish: () => void;
  fail: (message: string) => void;
  /** Marks the task cancelled once the work has actually stopped. */
  cancelled: () => void;
  /** Removes a task that turned out to be no work at all (the analyst closed the file dialog): not kept in the list. */
  discard: () => void;
}

export interface StartOptions {
  kind: TaskKind;
  label: string;
  /** Asks the work to stop; absent when the work cannot be stopped. */
  cancel?: () => void;
}

export interface TaskRegistry {
  start: (options: StartOptions) => TaskHandle;
  /** Requests cancellation; false when the task is unknown, finished or not cancellable. */
  cancel: (id: string) => boolean;
  /** Running tasks first (oldest first), then the recently finished (newest first). */
  list: () => readonly TaskSnapshot[];
  subscribe: (listener: () => void) => () => void;
}

/** How many finished tasks the list keeps, so the history does not grow without end. */
export const FINISHED_KEPT = 20;

export function createTaskRegistry(options: { newId?: () => string } = {}): TaskRegistry {
  let counter = 0;
  const newId = options.newId ?? (() => `task-${++counter}`);
  const running = new Map<string, TaskSnapshot>();
  const cancels = new Map<string, () => void>();
  let finished: TaskSnapshot[] = [];
  const listeners = new Set<() => void>();
  // A stable array between changes, so React's useSyncExternalStore does not loop.
  let cached: readonly TaskSnapshot[] | null = null;

  const changed = () => {
    cached = null;
    for (const listener of [...listeners]) listener();
  };

  const update = (id: string, patch: Partial<TaskSnapshot>) => {
    const task = running.get(id);
    if (!task) return;
    running.set(id, { ...task, ...patch });
    changed();
  };

  const end = (id: string, outcome: TaskOutcome) => {
    const task = running.get(id);
    if (!task) return; // Ended already: the first outcome stands.
    running.delete(id);
    cancels.delete(id);
    const progress = outcome.status === 'done' ? 1 : task.progress;
    finished = [{ ...task, progress, cancellable: false, outcome }, ...finished].slice(0, FINISHED_KEPT);
    changed();
  };

  return {
    start: ({ kind, label, cancel }) => {
      const id = newId();
      running.set(id, { id, kind, label, progress: null, detail: '', cancellable: cancel !== undefined, outcome: { status: 'running' } });
      if (cancel) cancels.set(id, cancel);
      changed();
      return {
        id,
        progress: (done, total, unit) => {
          if (total <= 0) {
            update(id, { progress: null, detail: unit ? `${done.toLocaleString('en')} ${unit}` : '' });
            return;
          }
          const fraction = Math.min(1, Math.max(0, done / total));
          const detail = unit ? `${unit} ${done.toLocaleString('en')} of ${total.toLocaleString('en')}` : '';
          update(id, { progress: fraction, detail });
        },
        finish: () => end(id, { status: 'done' }),
        fail: (message) => end(id, { status: 'failed', message }),
        cancelled: () => end(id, { status: 'cancelled' }),
        discard: () => {
          if (!running.delete(id)) return;
          cancels.delete(id);
          changed();
        },
      };
    },
    cancel: (id) => {
      const cancel = cancels.get(id);
      if (!cancel) return false;
      // Asked once: the work reports `cancelled()` when it has really stopped.
      cancels.delete(id);
      update(id, { cancellable: false, detail: 'Cancelling…' });
      cancel();
      return true;
    },
    list: () => {
      cached ??= [...running.values(), ...finished];
      return cached;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
