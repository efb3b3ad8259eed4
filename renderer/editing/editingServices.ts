import type { WorkbenchApi } from '../../app/bridge';
import { findFreeSpot } from '../../app/freeSpot';
import type { CaseEdit } from '../../app/editing/types';
import type { EntityCreateInput } from '../../app/editing/schemas';
import type { Result, WorkbenchError } from '../../app/result';
import type { ChartHandle } from '../chart/chartController';
import { NODE_SIZE_MAX } from '../chart/stylesheet';
import type { CaseData } from '../data/caseData';
import type { Session } from '../session';
import type { SelectedElement, UiStore } from '../store';
import { createEditingStore, type ChartPoint, type EditingStore } from './editingState';

/** How long the "Undone: …" message stays over the chart. */
export const TOAST_MS = 4_000;

export interface EditingDeps {
  api: WorkbenchApi;
  ui: UiStore;
  caseData: CaseData;
  session: Session;
  chart: () => ChartHandle | null;
}

/**
 * The editing side of the renderer: it hands every `case.edited` announcement to the case cache
 * (which updates just what changed), runs undo and redo, and opens the dialogs the commands ask for.
 */
export interface EditingServices {
  store: EditingStore;
  /** Applies an announced edit to the case cache and the chart (the event's handler). */
  refresh: (edit: CaseEdit | null) => Promise<void>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  toast: (text: string) => void;
  /** Runs a call; an error is shown in the banner (and returned for inline display). */
  call: <T>(promise: Promise<Result<T>>) => Promise<{ ok: true; value: T } | { ok: false; error: WorkbenchError }>;
  /** The point at the centre of the chart's view, in model coordinates. */
  viewCentre: () => ChartPoint;
  openCreateEntity: (at?: ChartPoint, type?: string | null) => void;
  createEntity: (input: EntityCreateInput) => Promise<Result<{ id: string }>>;
  /** Asks main what deleting the selection takes with it, then opens the confirmation. */
  requestDelete: (selection: readonly SelectedElement[]) => Promise<void>;
  /** Selects an element as soon as the chart shows it (after the refetch that follows its creation). */
  selectWhenShown: (element: SelectedElement) => void;
  closeDialog: () => void;
}

export function createEditingServices({ api, ui, caseData, session, chart }: EditingDeps): EditingServices {
  const store = createEditingStore();
  let refreshing = 0;
  let toastSeq = 0;
  let toastTimer: ReturnType<typeof setTimeout> | null = null;

  const toast = (text: string) => {
    toastSeq += 1;
    store.setState({ toast: { id: toastSeq, text } });
    if (toastTimer !== null) clearTimeout(toastTimer);
    toastTimer = setTimeout(() => store.setState({ toast: null }), TOAST_MS);
  };

  const call: EditingServices['call'] = async (promise) => {
    const result = await promise;
    if (!result.ok && result.error.code !== 'cancelled' && result.error.code !== 'invalid_input') session.showError(result.error);
    return result;
  };

  /**
   * The `case.edited` handler: the case cache asks main for the rows the edit names and the chart
   * applies just those; the case's counts are read again only when rows came or went.
   */
  const refresh = async (edit: CaseEdit | null) => {
    if (edit) store.setState({ history: edit.history });
    if (ui.getState().caseStatus !== 'open' || edit === null) return;
    refreshing += 1;
    const mine = refreshing;
    await caseData.applyEdit(edit);
    // A link whose ends changed is drawn anew: it stays selected (before the selection sync reads the chart).
    const cy = chart()?.cy;
    if (cy && !cy.destroyed()) {
      for (const { id } of ui.getState().selection) {
        const ele = cy.getElementById(id);
        if (ele.nonempty() && !ele.selected()) ele.select();
      }
    }
    if (!rowsCameOrWent(edit)) return;
    const info = await api['case.current']();
    if (mine === refreshing && ui.getState().caseStatus === 'open' && info.ok && info.value) ui.setState({ caseInfo: info.value });
  };

  const loadHistory = async () => {
    const result = await api['history.state']();
    if (result.ok) store.setState({ history: result.value });
  };

  const step = async (which: 'undo' | 'redo') => {
    const result = await call(which === 'undo' ? api['history.undo']() : api['history.redo']());
    if (!result.ok) {
      if (result.error.code === 'invalid_input') session.showError(result.error);
      return;
    }
    store.setState({ history: result.value.history });
    const { edit } = result.value;
    if (edit === null) {
      toast(which === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
      return;
    }
    // The chart follows through `case.edited`, which main sends for undo and redo as for any edit.
    toast(`${which === 'undo' ? 'Undone' : 'Redone'}: ${edit.label}`);
  };

  const viewCentre = (): ChartPoint => {
    const cy = chart()?.cy;
    if (!cy) return { x: 0, y: 0 };
    const pan = cy.pan();
    const zoom = cy.zoom();
    return { x: (cy.width() / 2 - pan.x) / zoom, y: (cy.height() / 2 - pan.y) / zoom };
  };

  /** Where a new entity goes when the analyst did not point: free space nearest the centre of the view. */
  const freeSpotInView = (): ChartPoint => {
    const cy = chart()?.cy;
    const centre = viewCentre();
    if (!cy) return centre;
    // A label sits under each entity: keep a new one clear of its neighbour's label too.
    return findFreeSpot(centre, cy.nodes().map((node) => node.position()), NODE_SIZE_MAX * 2);
  };

  const selectWhenShown = (element: SelectedElement) => {
    const shown = () => {
      const cy = chart()?.cy;
      return cy !== undefined && !cy.getElementById(element.id).empty();
    };
    if (shown()) {
      ui.setState({ selection: [element] });
      return;
    }
    const stop = ui.subscribe(() => {
      if (!shown()) return;
      stop();
      ui.setState({ selection: [element] });
    });
    // An edit that never shows up (another case opened meanwhile) does not keep listening.
    setTimeout(stop, 10_000);
  };

  api.on('case.edited', (edit) => void refresh(edit));
  let lastPath: string | null = null;
  ui.subscribe(() => {
    const path = ui.getState().caseInfo?.path ?? null;
    if (path === lastPath) return;
    lastPath = path;
    store.setState({ history: null, dialog: null, contextMenu: null });
    if (path !== null) void loadHistory();
  });

  return {
    store,
    refresh,
    undo: () => step('undo'),
    redo: () => step('redo'),
    toast,
    call,
    viewCentre,
    openCreateEntity(at, type = null) {
      store.setState({ dialog: { kind: 'createEntity', at: at ?? freeSpotInView(), type }, paletteOpen: false, contextMenu: null });
    },
    async createEntity(input) {
      const result = await call(api['entity.create'](input));
      if (!result.ok) return result;
      selectWhenShown({ kind: 'entity', id: result.value.id });
      return { ok: true, value: { id: result.value.id } };
    },
    async requestDelete(selection) {
      const entityIds = selection.filter((s) => s.kind === 'entity').map((s) => s.id);
      const linkIds = selection.filter((s) => s.kind === 'link').map((s) => s.id);
      if (entityIds.length > 0) {
        const preview = await call(api['entity.deletePreview']({ ids: entityIds }));
        if (preview.ok) store.setState({ dialog: { kind: 'deleteEntities', ids: entityIds, preview: preview.value }, contextMenu: null });
      } else if (linkIds.length > 0) {
        const preview = await call(api['link.deletePreview']({ ids: linkIds }));
        if (preview.ok) store.setState({ dialog: { kind: 'deleteLinks', ids: linkIds, preview: preview.value }, contextMenu: null });
      }
    },
    selectWhenShown,
    closeDialog() {
      store.setState({ dialog: null });
    },
  };
}

/** Whether an edit created or deleted rows (the case's counts changed). */
function rowsCameOrWent(edit: CaseEdit): boolean {
  const { delta } = edit;
  return [delta.entities, delta.links, delta.sources, delta.citations, delta.notes].some((ids) => ids.created.length > 0 || ids.deleted.length > 0);
}
