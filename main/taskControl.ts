/**
 * Long work in main that the renderer can stop: each piece runs under an AbortSignal registered
 * by the renderer's task id (the status-bar task list's Cancel sends `task.cancel` with it).
 */
export interface TaskControl {
  /** Runs `work` with a signal that `cancel(taskId)` aborts; without a task id the work cannot be stopped. */
  run<T>(taskId: string | undefined, work: (signal: AbortSignal | undefined) => Promise<T>): Promise<T>;
  /** Aborts the running work of this task; false when none is running under that id. */
  cancel(taskId: string): boolean;
  /** Task ids with work running (for tests). */
  running(): string[];
}

export function createTaskControl(): TaskControl {
  const controllers = new Map<string, AbortController>();
  return {
    async run(taskId, work) {
      if (taskId === undefined) return work(undefined);
      if (controllers.has(taskId)) throw new Error(`A task with the id ${taskId} is already running`);
      const controller = new AbortController();
      controllers.set(taskId, controller);
      try {
        return await work(controller.signal);
      } finally {
        controllers.delete(taskId);
      }
    },
    cancel(taskId) {
      const controller = controllers.get(taskId);
      if (!controller) return false;
      controller.abort();
      return true;
    },
    running: () => [...controllers.keys()],
  };
}
