import { key } from './testing/keyStroke';
import { describe, expect, it, vi } from 'vitest';
import type { ChartHandle } from './chart/chartController';
import { COMMANDS, commandForKeystroke, runCommand, type CommandContext } from './commands';
import type { Session } from './session';
import { createUiStore, type UiState } from './store';
import type { KeyStroke } from './shortcuts';


function context(state: Partial<UiState> = {}) {
  const store = createUiStore();
  store.setState(state);
  const session = {
    newCase: vi.fn(async () => {}),
    openCase: vi.fn(async () => {}),
    closeCase: vi.fn(async () => {}),
    showError: vi.fn(),
  } as unknown as Session & { showError: ReturnType<typeof vi.fn> };
  const chart: ChartHandle = { fit: vi.fn(), zoomBy: vi.fn(), relayout: vi.fn(async () => {}), focus: vi.fn() };
  const ctx: CommandContext = { session, store, chart: () => chart };
  return { ctx, session, chart, store };
}

describe('the command registry', () => {
  it('gives every command a unique id and every shortcut to one command only', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const specs = COMMANDS.flatMap((c) => [c.shortcut, ...(c.altShortcuts ?? [])]).filter((s) => s !== undefined);
    expect(new Set(specs.map((s) => s.toLowerCase())).size).toBe(specs.length);
  });

  it('maps the documented keys to their commands', () => {
    const expected: [KeyStroke, string][] = [
      [key('n', { ctrlKey: true }), 'file.new'],
      [key('o', { ctrlKey: true }), 'file.open'],
      [key('w', { ctrlKey: true }), 'file.close'],
      [key('f'), 'chart.fit'],
      [key('0', { ctrlKey: true }), 'chart.fit'],
      [key('l', { ctrlKey: true }), 'chart.relayout'],
      [key('+', { shiftKey: true }), 'chart.zoomIn'],
      [key('='), 'chart.zoomIn'],
      [key('-'), 'chart.zoomOut'],
      [key('Escape'), 'selection.clear'],
    ];
    for (const [stroke, id] of expected) expect(commandForKeystroke(stroke, COMMANDS, 'other')?.id, JSON.stringify(stroke)).toBe(id);
    expect(commandForKeystroke(key('q'), COMMANDS, 'other')).toBeUndefined();
  });
});

describe('runCommand', () => {
  it('runs chart commands only when a chart is shown', async () => {
    const idle = context({ caseStatus: 'none' });
    expect(await runCommand('chart.fit', idle.ctx)).toBe(false);
    expect(idle.chart.fit).not.toHaveBeenCalled();

    const open = context({ caseStatus: 'open', chartStatus: 'ready' });
    expect(await runCommand('chart.fit', open.ctx)).toBe(true);
    expect(open.chart.fit).toHaveBeenCalledTimes(1);
    await runCommand('chart.zoomIn', open.ctx);
    expect(open.chart.zoomBy).toHaveBeenCalledWith(1.25);
  });

  it('clears the selection', async () => {
    const { ctx, store } = context({ selection: [{ kind: 'entity', id: 'a' }] });
    await runCommand('selection.clear', ctx);
    expect(store.getState().selection).toEqual([]);
  });

  it('asks the session to open a case, and closes only an open one', async () => {
    const none = context({ caseStatus: 'none' });
    await runCommand('file.open', none.ctx);
    expect(none.session.openCase).toHaveBeenCalledTimes(1);
    expect(await runCommand('file.close', none.ctx)).toBe(false);
    const open = context({ caseStatus: 'open' });
    expect(await runCommand('file.close', open.ctx)).toBe(true);
    expect(open.session.closeCase).toHaveBeenCalledTimes(1);
  });

  it('reports an unknown command id instead of throwing', async () => {
    const { ctx, session } = context();
    expect(await runCommand('no.such', ctx)).toBe(false);
    expect(session.showError).toHaveBeenCalledWith('Unknown command: no.such');
  });
});
