import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../db/testing/tempCase';
import { placeWindow, readWindowState, writeWindowState, type Rect } from './windowState';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 };
const monitorRight: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('the window comes back where it was', () => {
  it('keeps a place that is still on a screen, maximised or not', () => {
    const saved = { bounds: { x: 2100, y: 80, width: 1600, height: 1000 }, maximized: true };
    expect(placeWindow(saved, [laptop, monitorRight], laptop)).toEqual(saved);
  });

  it('moves a window left on a removed monitor back onto the primary screen, fitted to it', () => {
    const saved = { bounds: { x: 2100, y: 80, width: 2400, height: 1300 }, maximized: false };
    const placed = placeWindow(saved, [laptop], laptop);
    expect(placed.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1050 });
    expect(placed.maximized).toBe(false);
  });

  it('does not count a window whose title bar is off the top of every screen as visible', () => {
    const saved = { bounds: { x: 100, y: -900, width: 1200, height: 920 }, maximized: false };
    const placed = placeWindow(saved, [laptop], laptop);
    expect(placed.bounds).toEqual({ x: 360, y: 65, width: 1200, height: 920 });
  });

  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({ bounds: { x: 240, y: 75, width: 1440, height: 900 }, maximized: false });
  });

  it('reads back what it wrote, and treats a damaged file as no state', () => {
    const tmp = tempFolder();
    try {
      const file = tmp.file('window-state.json');
      expect(readWindowState(file)).toBeNull();
      writeWindowState(file, { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true });
      expect(readWindowState(file)).toEqual({ bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true });
      writeWindowState(file, { bounds: { x: 1, y: 2, width: -5, height: 700 }, maximized: true });
      expect(readWindowState(file)).toBeNull();
    } finally {
      tmp.cleanup();
    }
  });
});
