import cytoscape from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChartHandle } from '../chart/chartController';
import { runCommand, type CommandContext } from '../commands';
import type { EditingServices } from '../editing/editingServices';
import type { Session } from '../session';
import { createUiStore, type UiState } from '../store';
import { cornerCentredOn, tiedOffset } from './calloutGeometry';
import { CALLOUT_MENU_ACTION } from './calloutCommands';
import { calloutStore, DRAFT_ID, resetCallouts } from './calloutState';

function context(state: Partial<UiState>) {
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: [{ data: { id: 'iyad' }, position: { x: 100, y: 200 } }] });
  cy.style().selector('node').style({ width: 40, height: 30 }).update();
  const store = createUiStore();
  store.setState(state);
  const chart = { fit: vi.fn(), zoomBy: vi.fn(), relayout: vi.fn(async () => {}), focus: vi.fn(), cy } as ChartHandle;
  const editing = { viewCentre: () => ({ x: 500, y: 300 }) } as unknown as EditingServices;
  const session = { showError: vi.fn() } as unknown as Session;
  const ctx: CommandContext = { session, store, chart: () => chart, editing };
  return { ctx, cy };
}

const ready: Partial<UiState> = { caseStatus: 'open', chartStatus: 'ready' };

afterEach(() => resetCallouts());

describe('callout.new', () => {
  it('opens a new callout in the centre of the view when no one entity is selected', async () => {
    const { ctx } = context(ready);
    expect(await runCommand('callout.new', ctx)).toBe(true);
    const centred = cornerCentredOn({ x: 500, y: 300 });
    expect(calloutStore.getState()).toMatchObject({ editingId: DRAFT_ID, draft: { entityId: null, x: centred.x, y: centred.y, savedId: null } });
  });

  it('ties it to the one selected entity, beside its node', async () => {
    const { ctx, cy } = context({ ...ready, selection: [{ kind: 'entity', id: 'iyad' }] });
    expect(await runCommand('callout.new', ctx)).toBe(true);
    const node = cy.getElementById('iyad');
    const offset = tiedOffset(node.width(), node.height());
    expect(calloutStore.getState().draft).toMatchObject({ entityId: 'iyad', x: offset.x, y: offset.y, savedId: null });
    // The offset is from the node centre and clear of the node.
    expect(offset.x).toBeGreaterThan(node.width() / 2);
    expect(offset.y).toBeLessThan(-node.height() / 2);
  });

  it('does nothing while no chart is shown', async () => {
    const { ctx } = context({ caseStatus: 'open', chartStatus: 'loading' });
    expect(await runCommand('callout.new', ctx)).toBe(false);
    expect(calloutStore.getState().draft).toBeNull();
  });
});

describe('the right-click menu entry', () => {
  it('is "here" on the canvas, at the point clicked', () => {
    const { ctx } = context(ready);
    const target = { kind: 'canvas', at: { x: -12.5, y: 40 } } as const;
    expect(CALLOUT_MENU_ACTION.label(target)).toBe('Add callout here');
    CALLOUT_MENU_ACTION.run(target, ctx);
    expect(calloutStore.getState().draft).toMatchObject({ entityId: null, x: -12.5, y: 40, savedId: null });
    // A second one started meanwhile is another draft (the first may still be being saved).
    const first = calloutStore.getState().draft!.serial;
    CALLOUT_MENU_ACTION.run(target, ctx);
    expect(calloutStore.getState().draft!.serial).not.toBe(first);
  });

  it('is tied to the entity clicked, and opens nothing for an entity the chart does not show', () => {
    const { ctx } = context(ready);
    expect(CALLOUT_MENU_ACTION.label({ kind: 'entity', id: 'iyad' })).toBe('Add callout to entity');
    CALLOUT_MENU_ACTION.run({ kind: 'entity', id: 'gone' }, ctx);
    expect(calloutStore.getState().draft).toBeNull();
    CALLOUT_MENU_ACTION.run({ kind: 'entity', id: 'iyad' }, ctx);
    expect(calloutStore.getState().draft?.entityId).toBe('iyad');
  });
});
