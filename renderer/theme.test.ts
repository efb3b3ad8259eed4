import { describe, expect, it } from 'vitest';
import type { CommandContext } from './commands';
import { createThemeController, resolveTheme, THEME_STORAGE_KEY } from './theme';

/** A stand-in for the document, storage and media query: only what the controller touches. */
function environment(stored: string | null, systemDark: boolean) {
  const classes = new Set<string>();
  const doc = {
    documentElement: { dataset: {} as Record<string, string> },
    body: { classList: { toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)) } },
  };
  const storage = new Map<string, string>(stored === null ? [] : [[THEME_STORAGE_KEY, stored]]);
  const changeListeners: (() => void)[] = [];
  const query = { matches: systemDark, addEventListener: (_: string, fn: () => void) => changeListeners.push(fn) };
  const env = {
    document: doc as unknown as Document,
    storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
    matchMedia: () => query as unknown as MediaQueryList,
  };
  const systemChanges = (dark: boolean) => {
    query.matches = dark;
    for (const fn of changeListeners) fn();
  };
  return { env, doc, classes, storage, systemChanges };
}

describe('resolveTheme', () => {
  it('follows the system only for the "system" choice', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('createThemeController', () => {
  it('starts from the system when nothing (or nonsense) is remembered, and follows it live', () => {
    const t = environment('purple', true);
    const controller = createThemeController(t.env);
    expect(controller.choice()).toBe('system');
    expect(t.doc.documentElement.dataset.theme).toBe('dark');
    expect(t.classes.has('bp6-dark')).toBe(true);
    const seen: string[] = [];
    controller.subscribe((theme) => seen.push(theme));
    t.systemChanges(false);
    expect(t.doc.documentElement.dataset.theme).toBe('light');
    expect(t.classes.has('bp6-dark')).toBe(false);
    expect(seen).toEqual(['light']);
  });

  it('a fixed choice ignores the system, and is remembered for the next start', () => {
    const t = environment(null, false);
    createThemeController(t.env).setChoice('dark');
    expect(t.storage.get(THEME_STORAGE_KEY)).toBe('dark');
    t.systemChanges(false);
    expect(t.doc.documentElement.dataset.theme).toBe('dark');
    const again = createThemeController(environment('dark', false).env);
    expect(again.choice()).toBe('dark');
    expect(again.theme()).toBe('dark');
  });

  it('a choice the analyst makes goes to main\'s settings; the choice main read is applied without being sent back', () => {
    const t = environment('light', false);
    const remembered: string[] = [];
    const controller = createThemeController({ ...t.env, remember: (choice) => remembered.push(choice) });
    expect(t.doc.documentElement.dataset.theme).toBe('light');
    // main's settings say dark (the local copy was stale, or cleared): shown, and the copy follows.
    controller.adopt('dark');
    expect(t.doc.documentElement.dataset.theme).toBe('dark');
    expect(t.storage.get(THEME_STORAGE_KEY)).toBe('dark');
    expect(remembered).toEqual([]);
    controller.setChoice('system');
    expect(remembered).toEqual(['system']);
    expect(t.doc.documentElement.dataset.theme).toBe('light');
  });
});

describe('View › Theme commands', () => {
  it('each sets its choice, and is unavailable while it is already the choice', async () => {
    const { COMMANDS } = await import('./commands');
    const t = environment(null, false);
    const theme = createThemeController(t.env);
    const ctx = { theme } as unknown as CommandContext;
    const dark = COMMANDS.find((c) => c.id === 'view.theme.dark');
    const system = COMMANDS.find((c) => c.id === 'view.theme.system');
    expect(system?.canRun(ctx)).toBe(false);
    expect(dark?.canRun(ctx)).toBe(true);
    await dark?.run(ctx);
    expect(theme.choice()).toBe('dark');
    expect(t.doc.documentElement.dataset.theme).toBe('dark');
    expect(dark?.canRun(ctx)).toBe(false);
  });
});
