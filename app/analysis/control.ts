/**
 * Running long analyses so that a caller can watch and stop them.
 *
 * Every long computation is written as a generator that yields after each unit of work (one
 * source node in Brandes, one power iteration in PageRank). `runSteps` drives it to the end on the
 * calling thread; `runStepsAsync` drives it in slices and hands control back to the host between
 * slices (in a Web Worker, `() => new Promise((r) => setTimeout(r, 0))`), so an abort message can
 * arrive while the computation is under way.
 */

/** The part of `AbortSignal` we read: structurally satisfied by a DOM or Node `AbortSignal`. */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** Progress of one computation: `done` units of `total` (sources in Brandes, iterations in PageRank). */
export interface AnalysisProgress {
  done: number;
  total: number;
  /** What the unit is, for a progress label: "source nodes", "iterations". */
  unit: string;
}

export interface RunControl {
  /** Checked after every unit of work; when aborted the run throws `AnalysisCancelledError`. */
  signal?: CancelSignal;
  /** Called after every unit of work by `runSteps`; once per slice (and at the end) by `runStepsAsync`. */
  onProgress?: (progress: AnalysisProgress) => void;
}

export interface AsyncRunControl extends RunControl {
  /** Gives the host a turn (e.g. `setTimeout(0)` in a worker). Called between slices. */
  yieldToHost?: () => Promise<void>;
  /** How long one slice may run before the host gets a turn (default 25 ms). */
  sliceMs?: number;
}

/** Thrown by a run whose signal was aborted. */
export class AnalysisCancelledError extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'AnalysisCancelledError';
  }
}

/** A power iteration (eigenvector, PageRank) that did not converge, as networkx reports it. */
export class ConvergenceError extends Error {
  readonly iterations: number;
  constructor(algorithm: string, iterations: number) {
    super(`${algorithm} did not converge within ${iterations} iterations (networkx raises PowerIterationFailedConvergence here).`);
    this.name = 'ConvergenceError';
    this.iterations = iterations;
  }
}

/** A computation in steps: yields progress, returns its result. */
export type Steps<T> = Generator<AnalysisProgress, T, void>;

/** Runs every step on this thread, checking the signal and reporting progress after each. */
export function runSteps<T>(steps: Steps<T>, control: RunControl = {}): T {
  if (control.signal?.aborted) throw new AnalysisCancelledError();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    control.onProgress?.(next.value);
    if (control.signal?.aborted) {
      steps.return(undefined as never);
      throw new AnalysisCancelledError();
    }
  }
}

/**
 * Runs the steps in slices of about `sliceMs`, giving the host a turn between slices. Progress is
 * reported once per slice (not per step), so a worker posts a few dozen messages a second at most.
 */
export async function runStepsAsync<T>(steps: Steps<T>, control: AsyncRunControl = {}): Promise<T> {
  const sliceMs = control.sliceMs ?? 25;
  const yieldToHost = control.yieldToHost ?? (() => Promise.resolve());
  if (control.signal?.aborted) throw new AnalysisCancelledError();
  let sliceStart = Date.now();
  let last: AnalysisProgress | null = null;
  for (;;) {
    const next = steps.next();
    if (next.done) {
      if (last) control.onProgress?.(last);
      return next.value;
    }
    last = next.value;
    if (Date.now() - sliceStart >= sliceMs) {
      control.onProgress?.(last);
      last = null;
      await yieldToHost();
      sliceStart = Date.now();
    }
    if (control.signal?.aborted) {
      steps.return(undefined as never);
      throw new AnalysisCancelledError();
    }
  }
}
