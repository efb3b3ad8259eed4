import { describe, expect, it, vi } from 'vitest';
import { MENU_BARS, type MenuModel } from '../app/menuModel';
import { COMMANDS, type CommandContext } from './commands';
import { menuModelOf, publishMenuModel } from './menuPublisher';
import type { Session } from './session';
import { createUiStore } from './store';

function context() {
  const store = createUiStore();
  const ctx: CommandContext = { session: {} as Session, store, chart: () => null };
  return { store, ctx };
}

describe('the menu bar from the command registry', () => {
  it('gives every registry command a place in one of the six menus', () => {
    const { ctx } = context();
    const model = menuModelOf(COMMANDS, ctx);
    expect(model.items).toHaveLength(COMMANDS.length);
    for (const item of model.items) expect(MENU_BARS, item.commandId).toContain(item.place.bar);
    // Each menu has something in it.
    for (const bar of MENU_BARS) expect(model.items.some((item) => item.place.bar === bar), bar).toBe(true);
  });

  it('sends the model once at start and again only when enablement changed', async () => {
    const { store, ctx } = context();
    const update = vi.fn((_model?: MenuModel) => Promise.resolve({ ok: true as const, value: null }));
    const stop = publishMenuModel({ 'menu.update': update }, ctx, [store]);
    expect(update).toHaveBeenCalledTimes(1);
    const enabled = (id: string) => update.mock.calls.at(-1)?.[0]?.items.find((item) => item.commandId === id)?.enabled;
    expect(enabled('file.close')).toBe(false);

    store.setState({ error: 'something unrelated' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(update).toHaveBeenCalledTimes(1);

    store.setState({ caseStatus: 'open' });
    store.setState({ recent: [] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(update).toHaveBeenCalledTimes(2);
    expect(enabled('file.close')).toBe(true);
    stop();
  });
});
