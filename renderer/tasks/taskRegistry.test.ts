import { describe, expect, it, vi } from 'vitest';
import { JobCancelledError, type RunningJob } from '../analysis/workerClient';
import { FINISHED_KEPT, createTaskRegistry } from './taskRegistry';
import { trackCall } from './trackCall';
import { trackJob } from './trackJob';

describe('task registry', () => {
  it('lists a started task as running and indeterminate until it reports progress', () => {
    const registry = createTaskRegistry();
    const task = registry.start({ kind: 'import', label: 'Import big.csv' });
    expect(registry.list()).toEqual([
      expect.objectContaining({ id: task.id, kind: 'import', label: 'Import big.csv', progress: null, outcome: { status: 'running' } }),
    ]);
    task.progress(250, 1000, 'rows');
    expect(registry.list()[0]).toMatchObject({ progress: 0.25, detail: 'rows 250 of 1,000' });
  });

  it('keeps progress within 0..1 and treats an unknown total as indeterminate', () => {
    const registry = createTaskRegistry();
    const task = registry.start({ kind: 'layout', label: 'Layout' });
    task.progress(12, 10, 'iterations');
    expect(registry.list()[0]?.progress).toBe(1);
    task.progress(7, 0, 'rows');
    expect(registry.list()[0]).toMatchObject({ progress: null, detail: '7 rows' });
  });

  it('records each outcome once: the first one stands', () => {
    const registry = createTaskRegistry();
    const task = registry.start({ kind: 'backup', label: 'Back up' });
    task.fail('Disk full.');
    task.finish();
    expect(registry.list()).toEqual([expect.objectContaining({ outcome: { status: 'failed', message: 'Disk full.' } })]);
  });

  it('cancels through the task’s own cancel, once, and only while running', () => {
    const registry = createTaskRegistry();
    const cancel = vi.fn();
    const task = registry.start({ kind: 'analysis', label: 'Centrality', cancel });
    expect(registry.list()[0]?.cancellable).toBe(true);
    expect(registry.cancel(task.id)).toBe(true);
    expect(registry.cancel(task.id)).toBe(false);
    expect(cancel).toHaveBeenCalledTimes(1);
    // Still running until the work says it stopped.
    expect(registry.list()[0]).toMatchObject({ cancellable: false, outcome: { status: 'running' } });
    task.cancelled();
    expect(registry.list()[0]?.outcome).toEqual({ status: 'cancelled' });
    expect(registry.cancel('no-such-task')).toBe(false);
  });

  it('does not offer cancel for work that cannot stop', () => {
    const registry = createTaskRegistry();
    const task = registry.start({ kind: 'case-export', label: 'Export' });
    expect(registry.list()[0]?.cancellable).toBe(false);
    expect(registry.cancel(task.id)).toBe(false);
  });

  it('lists running tasks first, then the finished newest first, keeping a bounded history', () => {
    const registry = createTaskRegistry();
    const first = registry.start({ kind: 'layout', label: 'first' });
    const second = registry.start({ kind: 'layout', label: 'second' });
    registry.start({ kind: 'layout', label: 'third' });
    first.finish();
    second.finish();
    expect(registry.list().map((t) => t.label)).toEqual(['third', 'second', 'first']);
    expect(registry.list()[1]?.progress).toBe(1);
    for (let i = 0; i < FINISHED_KEPT + 5; i++) registry.start({ kind: 'analysis', label: `a${i}` }).finish();
    expect(registry.list()).toHaveLength(1 + FINISHED_KEPT);
    expect(registry.list()[0]?.label).toBe('third');
  });

  it('notifies subscribers and keeps the same list between changes', () => {
    const registry = createTaskRegistry();
    const listener = vi.fn();
    const unsubscribe = registry.subscribe(listener);
    const before = registry.list();
    expect(registry.list()).toBe(before);
    const task = registry.start({ kind: 'import', label: 'x' });
    task.progress(1, 2);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(registry.list()).not.toBe(before);
    unsubscribe();
    task.finish();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('trackJob', () => {
  const deferredJob = () => {
    let resolve!: (value: string) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<string>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const cancel = vi.fn(() => reject(new JobCancelledError()));
    const job: RunningJob<string> = { promise, cancel };
    return { job, resolve, reject, cancel };
  };

  it('turns worker progress into task progress and a resolved job into done', async () => {
    const registry = createTaskRegistry();
    const { job, resolve } = deferredJob();
    let report!: (p: { done: number; total: number; unit: string }) => void;
    const tracked = trackJob(registry, 'layout', 'Layout', (onProgress) => {
      report = onProgress;
      return job;
    });
    report({ done: 30, total: 120, unit: 'iterations' });
    expect(registry.list()[0]).toMatchObject({ progress: 0.25, detail: 'iterations 30 of 120' });
    resolve('ok');
    await expect(tracked.promise).resolves.toBe('ok');
    expect(registry.list()[0]?.outcome).toEqual({ status: 'done' });
  });

  it('cancelling the task cancels the job and records it cancelled, not failed', async () => {
    const registry = createTaskRegistry();
    const { job, cancel } = deferredJob();
    const tracked = trackJob(registry, 'analysis', 'Betweenness', () => job);
    registry.cancel(registry.list()[0]!.id);
    expect(cancel).toHaveBeenCalledTimes(1);
    await expect(tracked.promise).rejects.toBeInstanceOf(JobCancelledError);
    expect(registry.list()[0]?.outcome).toEqual({ status: 'cancelled' });
  });

  it('records a failed job with its message', async () => {
    const registry = createTaskRegistry();
    const { job, reject } = deferredJob();
    const tracked = trackJob(registry, 'analysis', 'Paths', () => job);
    reject(new Error('The background worker stopped.'));
    await expect(tracked.promise).rejects.toThrow('stopped');
    expect(registry.list()[0]?.outcome).toEqual({ status: 'failed', message: 'The background worker stopped.' });
  });
});

describe('trackCall: one call to main as a task', () => {
  const failure = (code: 'cancelled' | 'unsupported', message: string) => ({ ok: false as const, error: { code, message } });

  it('finishes with the answer, and fails with main’s message', async () => {
    const registry = createTaskRegistry();
    await trackCall(registry, { kind: 'case-export', label: 'Export case: GraphML' }, () => Promise.resolve({ ok: true as const, value: 1 }));
    await trackCall(registry, { kind: 'import', label: 'Import: reading a.csv' }, () => Promise.resolve(failure('unsupported', 'a.csv could not be imported.')));
    expect(registry.list().map((t) => [t.label, t.outcome])).toEqual([
      ['Import: reading a.csv', { status: 'failed', message: 'a.csv could not be imported.' }],
      ['Export case: GraphML', { status: 'done' }],
    ]);
  });

  it('sends the task’s own id to main, and a cancel from the list reaches main with that id and is recorded as cancelled', async () => {
    const registry = createTaskRegistry();
    const asked: string[] = [];
    let answer: (value: ReturnType<typeof failure>) => void = () => undefined;
    let sentId = '';
    const running = trackCall(registry, { kind: 'import', label: 'Import: reading big.csv', cancel: (id) => asked.push(id) }, (taskId) => {
      sentId = taskId;
      return new Promise((resolve) => (answer = resolve));
    });
    const [task] = registry.list();
    expect(task?.id).toBe(sentId);
    expect(registry.cancel(sentId)).toBe(true);
    expect(asked).toEqual([sentId]);
    answer(failure('cancelled', 'Reading big.csv was cancelled. Nothing was imported.'));
    await running;
    expect(registry.list()[0]?.outcome).toEqual({ status: 'cancelled' });
  });

  it('leaves no entry for a call answered "cancelled" that nobody cancelled from the list (the file dialog was closed)', async () => {
    const registry = createTaskRegistry();
    await trackCall(registry, { kind: 'import', label: 'Import: reading the chosen file', cancel: () => undefined }, () => Promise.resolve(failure('cancelled', 'Cancelled.')));
    expect(registry.list()).toEqual([]);
  });
});
