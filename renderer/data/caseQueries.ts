import { useCallback, useSyncExternalStore } from 'react';
import type { ChartChange } from '../../app/chartCache';
import type { CaseEdit } from '../../app/editing/types';
import type { Result } from '../../app/result';

/**
 * The reads of the case that are not the chart itself (an entity's detail, the notes list, the
 * sources, search hits, the case's counts), cached by key. A `case.edited` delta marks stale only
 * the queries it can have changed: those shown are fetched again (keeping what they showed until
 * the answer comes), the others are dropped. Components read them through the typed hooks in
 * caseHooks.ts, never by calling the api themselves.
 *
 * One error policy for every read: the error is kept in the query's state and shown where the
 * data would be, with a retry; nothing is thrown, and the banner is left to commands that failed.
 */

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; code: string }
  | { status: 'ready'; value: T; refreshing: boolean };

export interface QuerySpec<T> {
  /** Identifies the query: the same key is the same data. */
  key: string;
  fetch: () => Promise<Result<T>>;
  /** Whether an edit can have changed the answer (given what it changed on the chart). */
  staleOn: (edit: CaseEdit, change: ChartChange, value: T) => boolean;
}

interface Entry<T> {
  spec: QuerySpec<T>;
  state: QueryState<T>;
  listeners: Set<() => void>;
  /** Bumped by each fetch: an older answer arriving late is dropped. */
  fetches: number;
}

export interface CaseQueries {
  /** The query's state now; starts fetching it if it is not cached. */
  read: <T>(spec: QuerySpec<T>) => QueryState<T>;
  subscribe: <T>(spec: QuerySpec<T>, listener: () => void) => () => void;
  /** The query's answer once it has one (at once when it is cached): for reads a command needs now. */
  answer: <T>(spec: QuerySpec<T>) => Promise<QueryState<T>>;
  /** Fetches a query again (the retry of an error). */
  refetch: (key: string) => void;
  /** Marks stale what an edit changed: shown queries are fetched again, the others forgotten. */
  invalidate: (edit: CaseEdit, change: ChartChange) => void;
  /** Forgets everything (another case opened, or the chart was reloaded whole). */
  clear: () => void;
}

export function createCaseQueries(): CaseQueries {
  const entries = new Map<string, Entry<unknown>>();
  /** Bumped by clear(): answers for a case no longer shown are dropped. */
  let epoch = 0;

  const notify = (entry: Entry<unknown>) => {
    for (const listener of [...entry.listeners]) listener();
  };

  const run = (entry: Entry<unknown>) => {
    entry.fetches += 1;
    const mine = entry.fetches;
    const at = epoch;
    void entry.spec.fetch().then(
      (result) => {
        if (mine !== entry.fetches || at !== epoch) return;
        entry.state = result.ok
          ? { status: 'ready', value: result.value, refreshing: false }
          : { status: 'error', message: result.error.message, code: result.error.code };
        notify(entry);
      },
      (error: unknown) => {
        if (mine !== entry.fetches || at !== epoch) return;
        entry.state = { status: 'error', message: error instanceof Error ? error.message : String(error), code: 'internal' };
        notify(entry);
      },
    );
  };

  const entryFor = <T>(spec: QuerySpec<T>): Entry<T> => {
    let entry = entries.get(spec.key) as Entry<T> | undefined;
    if (!entry) {
      entry = { spec, state: { status: 'loading' }, listeners: new Set(), fetches: 0 };
      entries.set(spec.key, entry as Entry<unknown>);
      run(entry as Entry<unknown>);
    } else {
      // The latest closure: it may read newer inputs (same key, same data).
      entry.spec = spec;
    }
    return entry;
  };

  return {
    read: (spec) => entryFor(spec).state,
    answer(spec) {
      const entry = entryFor(spec);
      if (entry.state.status !== 'loading') return Promise.resolve(entry.state);
      return new Promise((resolve) => {
        const listener = () => {
          if (entry.state.status === 'loading') return;
          entry.listeners.delete(listener);
          resolve(entry.state);
        };
        entry.listeners.add(listener);
      });
    },
    subscribe(spec, listener) {
      const entry = entryFor(spec);
      entry.listeners.add(listener);
      return () => {
        entry.listeners.delete(listener);
      };
    },
    refetch(key) {
      const entry = entries.get(key);
      if (!entry) return;
      entry.state = { status: 'loading' };
      notify(entry);
      run(entry);
    },
    invalidate(edit, change) {
      for (const [key, entry] of entries) {
        const { state } = entry;
        const stale = state.status !== 'ready' || entry.spec.staleOn(edit, change, state.value);
        if (!stale) continue;
        if (entry.listeners.size === 0) {
          entries.delete(key);
          continue;
        }
        if (state.status === 'ready') entry.state = { ...state, refreshing: true };
        run(entry);
      }
    },
    clear() {
      epoch += 1;
      for (const [key, entry] of entries) {
        if (entry.listeners.size === 0) {
          entries.delete(key);
          continue;
        }
        entry.state = { status: 'loading' };
        notify(entry);
        run(entry);
      }
    },
  };
}

/** Reads a query and re-renders when its state changes; null spec: nothing to read. */
export function useCaseQuery<T>(queries: CaseQueries, spec: QuerySpec<T> | null): { state: QueryState<T> | null; retry: () => void } {
  const key = spec?.key ?? null;
  const subscribe = useCallback(
    (listener: () => void) => (spec ? queries.subscribe(spec, listener) : () => undefined),
    // The key identifies the data; a new closure with the same key is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queries, key],
  );
  const state = useSyncExternalStore(subscribe, () => (spec ? queries.read(spec) : null));
  const retry = useCallback(() => {
    if (key !== null) queries.refetch(key);
  }, [queries, key]);
  return { state, retry };
}
