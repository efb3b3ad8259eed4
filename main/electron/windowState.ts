import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * Where the window was: its size and place (as it is when not maximised) and whether it was
 * maximised, kept in the user-data folder and put back at the next start, on a screen that is
 * still there. Pure (no Electron import): main passes the displays in.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;
export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;
/** How much of the window's top strip must be on a screen for the analyst to reach and drag it. */
const REACHABLE = { width: 160, height: 40 } as const;

const rect = z.object({ x: z.number().finite(), y: z.number().finite(), width: z.number().finite().positive(), height: z.number().finite().positive() }).strict();
const stateSchema = z.object({ bounds: rect, maximized: z.boolean() }).strict();

/** The saved state, or null when there is none or it is unreadable (it is only a convenience). */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state, null, 2));
  renameSync(temp, file);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * The bounds to open the window with. The saved ones when the window's top strip is still on one
 * of the screens (a monitor may have been removed since); otherwise the saved size, fitted to the
 * primary screen's work area and centred on it. No saved state: the default size, centred.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[], primary: Rect): WindowState {
  if (saved) {
    const top: Rect = { x: saved.bounds.x, y: saved.bounds.y, width: saved.bounds.width, height: REACHABLE.height };
    const reachable = workAreas.some((area) => {
      const seen = overlap(top, area);
      return seen.width >= Math.min(REACHABLE.width, saved.bounds.width) && seen.height >= Math.min(REACHABLE.height, saved.bounds.height);
    });
    if (reachable) return saved;
  }
  const wanted = saved?.bounds ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  const width = Math.max(Math.min(wanted.width, primary.width), Math.min(MIN_WINDOW_SIZE.width, primary.width));
  const height = Math.max(Math.min(wanted.height, primary.height), Math.min(MIN_WINDOW_SIZE.height, primary.height));
  return {
    bounds: {
      x: Math.round(primary.x + (primary.width - width) / 2),
      y: Math.round(primary.y + (primary.height - height) / 2),
      width,
      height,
    },
    maximized: saved?.maximized ?? false,
  };
}
