import type { EntityDetail, LinkDetail } from '../../app/contract';
import { useEntityDetail, useLinkDetail } from '../data/caseHooks';
import type { QueryState } from '../data/caseQueries';
import type { SelectedElement } from '../store';

export type ElementDetail = { kind: 'entity'; detail: EntityDetail } | { kind: 'link'; detail: LinkDetail };

export type DetailState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; value: ElementDetail };

/**
 * The inspector's detail for one selected element, read through the case cache: it stays cached
 * until an edit changes that element, its evidence, notes or links (see data/caseHooks.ts).
 */
export function useElementDetail(selected: SelectedElement | null): { state: DetailState | null; retry: () => void } {
  const entity = useEntityDetail(selected?.kind === 'entity' ? selected.id : null);
  const link = useLinkDetail(selected?.kind === 'link' ? selected.id : null);
  if (!selected) return { state: null, retry: () => undefined };
  if (selected.kind === 'entity') return { state: asDetail(entity.state, (detail) => ({ kind: 'entity', detail })), retry: entity.retry };
  return { state: asDetail(link.state, (detail) => ({ kind: 'link', detail })), retry: link.retry };
}

function asDetail<T>(state: QueryState<T> | null, wrap: (value: T) => ElementDetail): DetailState {
  if (state === null || state.status === 'loading') return { status: 'loading' };
  if (state.status === 'error') return { status: 'error', message: state.message };
  return { status: 'ready', value: wrap(state.value) };
}
