import { useEffect, useState } from 'react';
import type { EntityDetail, LinkDetail } from '../../app/contract';
import { useApp } from '../appContext';
import { useStore, type SelectedElement } from '../store';

export type ElementDetail = { kind: 'entity'; detail: EntityDetail } | { kind: 'link'; detail: LinkDetail };

export type DetailState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; value: ElementDetail };

/**
 * Fetches the inspector's detail for one selected element. Results are cached for as long as the
 * same chart data is shown (a reload of the chart invalidates them); a reply for an element that is
 * no longer selected is dropped.
 */
export function useElementDetail(selected: SelectedElement | null): { state: DetailState | null; retry: () => void } {
  const { api, store } = useApp();
  const chart = useStore(store, (s) => s.chart);
  const [cache] = useState(() => new WeakMap<object, Map<string, ElementDetail>>());
  const [state, setState] = useState<{ key: string; value: DetailState } | null>(null);
  const [attempt, setAttempt] = useState(0);

  const key = selected ? `${selected.kind}:${selected.id}:${attempt}` : null;
  const cached = selected && chart ? cache.get(chart)?.get(selected.id) : undefined;

  useEffect(() => {
    if (!selected || !chart || key === null || cached) return;
    let current = true;
    const request =
      selected.kind === 'entity'
        ? api['entity.get']({ id: selected.id }).then((r) => (r.ok ? { ok: true as const, value: { kind: 'entity' as const, detail: r.value } } : r))
        : api['link.get']({ id: selected.id }).then((r) => (r.ok ? { ok: true as const, value: { kind: 'link' as const, detail: r.value } } : r));
    void request.then((result) => {
      if (!current) return;
      if (result.ok) {
        let forChart = cache.get(chart);
        if (!forChart) {
          forChart = new Map();
          cache.set(chart, forChart);
        }
        forChart.set(selected.id, result.value);
        setState({ key, value: { status: 'ready', value: result.value } });
      } else {
        setState({ key, value: { status: 'error', message: result.error.message } });
      }
    });
    return () => {
      current = false;
    };
  }, [api, cache, cached, chart, key, selected]);

  const retry = () => setAttempt((a) => a + 1);
  if (!selected) return { state: null, retry };
  if (cached) return { state: { status: 'ready', value: cached }, retry };
  if (state && state.key === key) return { state: state.value, retry };
  return { state: { status: 'loading' }, retry };
}
