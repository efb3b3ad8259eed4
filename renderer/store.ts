import { useSyncExternalStore } from 'react';
import type { RecentCase, ChartData, ChartSketch } from '../app/contract';
import type { CaseInfo } from '../app/domain';
import type { ChartDelta } from './data/caseData';

/** A tiny external store: state lives outside React, components read slices of it. */
export interface Store<T> {
  getState: () => T;
  /** Shallow-merges a patch (or the result of an updater) and notifies subscribers when anything changed. */
  setState: (patch: Partial<T> | ((state: T) => Partial<T>)) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    setState(patch) {
      const changes = typeof patch === 'function' ? patch(state) : patch;
      let changed = false;
      for (const key of Object.keys(changes) as (keyof T)[]) {
        if (!Object.is(state[key], changes[key])) {
          changed = true;
          break;
        }
      }
      if (!changed) return;
      state = { ...state, ...changes };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Reads one slice of a store; the component re-renders only when that slice changes (Object.is). */
export function useStore<T, S>(store: Store<T>, selector: (state: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

/** One selected chart element. Entity and link ids never collide (both are UUIDs). */
export interface SelectedElement {
  kind: 'entity' | 'link';
  id: string;
}

export type CaseStatus = 'starting' | 'none' | 'open';
export type ChartStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface UiState {
  caseStatus: CaseStatus;
  caseInfo: CaseInfo | null;
  chart: ChartData | null;
  /**
   * What changed from the previous `chart` when it came from a delta (null: a whole load): the
   * chart controller applies just that.
   */
  chartDelta: ChartDelta | null;
  /**
   * The chart's sketch (chart.sketch), while its data is still read: the chart controller draws
   * a large chart's preview from it. Null once `chart` is there, or with no case.
   */
  chartSketch: ChartSketch | null;
  chartStatus: ChartStatus;
  selection: readonly SelectedElement[];
  recent: readonly RecentCase[];
  /** The message in the error banner, or null. */
  error: string | null;
  fileMenuOpen: boolean;
  /** True while a layout runs (relayout is disabled meanwhile). */
  layoutRunning: boolean;
  /** File › Export image is open. */
  exportImageOpen: boolean;
  /** Help › Keyboard shortcuts or Help › About is open. */
  helpDialog: 'shortcuts' | 'about' | null;
  /** File › Handling marking is open. */
  markingOpen: boolean;
  /** The status bar's task list is open (renderer/tasks/TaskList.tsx). */
  tasksOpen: boolean;
}

export const initialUiState: UiState = {
  caseStatus: 'starting',
  caseInfo: null,
  chart: null,
  chartDelta: null,
  chartSketch: null,
  chartStatus: 'idle',
  selection: [],
  recent: [],
  error: null,
  fileMenuOpen: false,
  layoutRunning: false,
  exportImageOpen: false,
  helpDialog: null,
  markingOpen: false,
  tasksOpen: false,
};

export type UiStore = Store<UiState>;

export function createUiStore(): UiStore {
  return createStore<UiState>(initialUiState);
}

/** True when two selections hold the same elements, in any order. */
export function sameSelection(a: readonly SelectedElement[], b: readonly SelectedElement[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Set(a.map((s) => s.id));
  return b.every((s) => ids.has(s.id));
}
