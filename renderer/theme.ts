import { Classes } from '@blueprintjs/core';
import { THEME_CHOICES, type ThemeChoice } from '../app/settings';

export type { ThemeChoice };
/** The theme actually shown. */
export type Theme = 'light' | 'dark';

/**
 * A copy of the choice in the window's local storage, read only for the first paint (before main's
 * settings have answered, so a dark-theme analyst is not flashed with white). The choice itself is
 * remembered in main's settings file (`remember`), and `adopt` applies what main read.
 */
export const THEME_STORAGE_KEY = 'workbench.theme';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** Blueprint's dark class on the body (portals — dialogs, toasts, popovers — live there too), and
 *  data-theme on the root element, which switches the app's own CSS variables in styles.css. */
export function applyTheme(doc: Document, theme: Theme): void {
  doc.documentElement.dataset.theme = theme;
  doc.body.classList.toggle(Classes.DARK, theme === 'dark');
}

interface ThemeEnvironment {
  document: Document;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  matchMedia: (query: string) => Pick<MediaQueryList, 'matches' | 'addEventListener'>;
  /** Keeps a choice the analyst made (main's settings file); absent, it lasts for the session. */
  remember?: (choice: ThemeChoice) => void;
}

export interface ThemeController {
  choice: () => ThemeChoice;
  theme: () => Theme;
  setChoice: (choice: ThemeChoice) => void;
  /** Applies the choice main's settings hold (at start-up), without remembering it again. */
  adopt: (choice: ThemeChoice) => void;
  /** Called with the theme shown whenever it or the choice changes; returns the unsubscribe. */
  subscribe: (listener: (theme: Theme) => void) => () => void;
}

/** Reads the remembered choice, applies it, and follows the system live while the choice is "system". */
export function createThemeController(env: ThemeEnvironment): ThemeController {
  const query = env.matchMedia('(prefers-color-scheme: dark)');
  const stored = readStored(env.storage);
  let choice: ThemeChoice = isThemeChoice(stored) ? stored : 'system';
  let shown: Theme = resolveTheme(choice, query.matches);
  const listeners = new Set<(theme: Theme) => void>();
  const refresh = (choiceChanged: boolean) => {
    const next = resolveTheme(choice, query.matches);
    applyTheme(env.document, next);
    if (next === shown && !choiceChanged) return;
    shown = next;
    for (const listener of listeners) listener(next);
  };
  const choose = (next: ThemeChoice) => {
    choice = next;
    try {
      env.storage?.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Only the first-paint copy is lost; main's settings keep the choice.
    }
    refresh(true);
  };
  applyTheme(env.document, shown);
  query.addEventListener('change', () => refresh(false));
  return {
    choice: () => choice,
    theme: () => shown,
    setChoice(next) {
      if (next === choice) return;
      choose(next);
      env.remember?.(next);
    },
    adopt(next) {
      if (next !== choice) choose(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function readStored(storage: ThemeEnvironment['storage']): string | null {
  try {
    return storage?.getItem(THEME_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
