import { useMemo } from 'react';
import type { ChartChange } from '../../app/chartCache';
import type { WorkbenchApi } from '../../app/bridge';
import type { ChartData, EntityDetail, LinkDetail } from '../../app/contract';
import type { Source } from '../../app/domain';
import type { CaseDelta, NoteListItem, RowIds, SearchHit, SourceSummary } from '../../app/editing/types';
import { useApp } from '../appContext';
import { useStore } from '../store';
import { useCaseQuery, type QuerySpec, type QueryState } from './caseQueries';

/**
 * Typed reads of the case for components, through the one case cache (caseQueries.ts). Each says
 * which edits can change its answer; the cache refetches it only after those.
 */

const any = (ids: RowIds) => ids.created.length + ids.updated.length + ids.deleted.length > 0;
const named = (ids: RowIds, id: string) => ids.created.includes(id) || ids.updated.includes(id) || ids.deleted.includes(id);
/**
 * Membership in ids an edit names, as one set made once per edit object: a query asks once per
 * row it holds (an entity's 5,000 links against an undone expansion of 10,000 elements), which
 * with arrays was tens of millions of comparisons before the chart could show the edit.
 */
function idSet<K extends object>(ids: (key: K) => string[][]): (key: K, id: string) => boolean {
  const sets = new WeakMap<K, ReadonlySet<string>>();
  return (key, id) => {
    let set = sets.get(key);
    if (!set) {
      set = new Set(ids(key).flat());
      sets.set(key, set);
    }
    return set.has(id);
  };
}
const touches = idSet((change: ChartChange) => [change.nodes, change.edges, change.removed]);
const changedEntity = idSet((delta: CaseDelta) => [delta.entities.updated, delta.entities.deleted]);
const labelsChanged = (delta: CaseDelta) => delta.entities.updated.length + delta.entities.deleted.length > 0 || any(delta.links);

export const caseQuery = {
  /** An entity with its citations, notes, links and merges: stale when it, its evidence, notes or links changed. */
  entity: (api: WorkbenchApi, id: string): QuerySpec<EntityDetail> => ({
    key: `entity.get\u0000${id}`,
    fetch: () => api['entity.get']({ id }),
    staleOn: (edit, change, detail) =>
      touches(change, id) ||
      any(edit.delta.mergeRecords) ||
      detail.links.some((l) => touches(change, l.id) || touches(change, l.sourceId) || touches(change, l.targetId)) ||
      // An end off the chart, renamed or deleted (the chart's change names only what it draws).
      detail.linkEnds.some((end) => changedEntity(edit.delta, end.id)),
  }),
  /** A link with its ends, citations, notes and strength: stale when it or an end changed. */
  link: (api: WorkbenchApi, id: string): QuerySpec<LinkDetail> => ({
    key: `link.get\u0000${id}`,
    fetch: () => api['link.get']({ id }),
    staleOn: (_edit, change, detail) => touches(change, id) || touches(change, detail.link.sourceId) || touches(change, detail.link.targetId),
  }),
  /** The notes panel's list: stale when a note, or a label it shows, changed. */
  notes: (api: WorkbenchApi, text: string): QuerySpec<NoteListItem[]> => ({
    key: `note.list\u0000${text}`,
    fetch: () => api['note.list'](text === '' ? {} : { text }),
    staleOn: (edit) => any(edit.delta.notes) || labelsChanged(edit.delta),
  }),
  /** Every source with its citation count: stale when sources or citations changed. */
  sources: (api: WorkbenchApi): QuerySpec<SourceSummary[]> => ({
    key: 'source.list',
    fetch: () => api['source.list'](),
    staleOn: (edit) => any(edit.delta.sources) || any(edit.delta.citations),
  }),
  /** One source with its text: stale when that source changed. */
  source: (api: WorkbenchApi, id: string): QuerySpec<Source> => ({
    key: `source.get\u0000${id}`,
    fetch: () => api['source.get']({ id }),
    staleOn: (edit) => named(edit.delta.sources, id),
  }),
  /** Search hits: the index covers every kind of row, so any edit can change them. */
  search: (api: WorkbenchApi, text: string, limit: number): QuerySpec<SearchHit[]> => ({
    key: `search.query\u0000${limit}\u0000${text}`,
    fetch: () => api['search.query']({ text, limit }),
    staleOn: () => true,
  }),
};

/**
 * The chart's rows (entities, links, evidence summary) as the cache holds them, kept current by
 * `case.edited` deltas: views other than the chart (the timeline) draw from it. Null: no case open.
 */
export function useCaseChart(): ChartData | null {
  const { store } = useApp();
  return useStore(store, (s) => s.chart);
}

/** The inspector's detail of the selected entity or link (null: nothing selected). */
export function useEntityDetail(id: string | null): { state: QueryState<EntityDetail> | null; retry: () => void } {
  const { api, caseData } = useApp();
  const spec = useMemo(() => (id === null ? null : caseQuery.entity(api, id)), [api, id]);
  return useCaseQuery(caseData.queries, spec);
}

export function useLinkDetail(id: string | null): { state: QueryState<LinkDetail> | null; retry: () => void } {
  const { api, caseData } = useApp();
  const spec = useMemo(() => (id === null ? null : caseQuery.link(api, id)), [api, id]);
  return useCaseQuery(caseData.queries, spec);
}

/** The notes panel's list, filtered by text (null: the panel is closed). */
export function useNoteList(text: string | null): { state: QueryState<NoteListItem[]> | null; retry: () => void } {
  const { api, caseData } = useApp();
  const spec = useMemo(() => (text === null ? null : caseQuery.notes(api, text)), [api, text]);
  return useCaseQuery(caseData.queries, spec);
}

export function useSourceList(open: boolean): { state: QueryState<SourceSummary[]> | null; retry: () => void } {
  const { api, caseData } = useApp();
  const spec = useMemo(() => (open ? caseQuery.sources(api) : null), [api, open]);
  return useCaseQuery(caseData.queries, spec);
}

export function useSource(id: string | null): { state: QueryState<Source> | null; retry: () => void } {
  const { api, caseData } = useApp();
  const spec = useMemo(() => (id === null ? null : caseQuery.source(api, id)), [api, id]);
  return useCaseQuery(caseData.queries, spec);
}

/** Search hits for a query (null: no query yet). */
export function useSearch(text: string | null, limit: number): { state: QueryState<SearchHit[]> | null; retry: () => void } {
  const { api, caseData } = useApp();
  const spec = useMemo(() => (text === null ? null : caseQuery.search(api, text, limit)), [api, text, limit]);
  return useCaseQuery(caseData.queries, spec);
}
