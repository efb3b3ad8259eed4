import { key } from './testing/keyStroke';
import { describe, expect, it } from 'vitest';
import { currentPlatform, formatShortcut, matchesShortcut, parseShortcut, type Platform } from './shortcuts';

describe('parseShortcut', () => {
  it('reads modifiers and the key, including "+" as a key', () => {
    expect(parseShortcut('Ctrl+Shift+K')).toEqual({ ctrl: true, shift: true, alt: false, key: 'k' });
    expect(parseShortcut('+')).toEqual({ ctrl: false, shift: false, alt: false, key: '+' });
    expect(parseShortcut('Ctrl++')).toEqual({ ctrl: true, shift: false, alt: false, key: '+' });
    expect(parseShortcut('Escape')).toEqual({ ctrl: false, shift: false, alt: false, key: 'escape' });
  });

  it('rejects an unknown modifier', () => {
    expect(() => parseShortcut('Hyper+K')).toThrow(/Unknown modifier/);
  });
});

describe('matchesShortcut', () => {
  it('treats Ctrl in a shortcut as Command on a Mac', () => {
    expect(matchesShortcut('Ctrl+N', key('n', { ctrlKey: true }), 'other')).toBe(true);
    expect(matchesShortcut('Ctrl+N', key('n', { metaKey: true }), 'mac')).toBe(true);
    expect(matchesShortcut('Ctrl+N', key('n'), 'other')).toBe(false);
  });

  it('does not fire a plain-key shortcut with a modifier held', () => {
    expect(matchesShortcut('F', key('f'), 'other')).toBe(true);
    expect(matchesShortcut('F', key('f', { ctrlKey: true }), 'other')).toBe(false);
    expect(matchesShortcut('F', key('F', { shiftKey: true }), 'other')).toBe(false);
    expect(matchesShortcut('F', key('f', { altKey: true }), 'other')).toBe(false);
  });

  it('ignores Shift for symbol keys, which need it on some layouts', () => {
    expect(matchesShortcut('+', key('+', { shiftKey: true }), 'other')).toBe(true);
    expect(matchesShortcut('+', key('+'), 'other')).toBe(true);
    expect(matchesShortcut('-', key('-'), 'other')).toBe(true);
    expect(matchesShortcut('Ctrl+0', key('0', { ctrlKey: true }), 'other')).toBe(true);
  });

  it('matches named keys whatever their case', () => {
    expect(matchesShortcut('Escape', key('Escape'), 'other')).toBe(true);
    expect(matchesShortcut('Escape', key('Enter'), 'other')).toBe(false);
  });
});

describe('formatShortcut', () => {
  it('reads as a menu shows it', () => {
    expect(formatShortcut('Ctrl+N', 'other')).toBe('Ctrl+N');
    expect(formatShortcut('Ctrl+N', 'mac')).toBe('⌘N');
    expect(formatShortcut('Escape', 'other')).toBe('Escape');
    expect(formatShortcut('+', 'other')).toBe('+');
  });
});

describe('shortcuts on each platform', () => {
  const PLATFORMS: Platform[] = ['mac', 'other'];
  const primary = (platform: Platform) => (platform === 'mac' ? { metaKey: true } : { ctrlKey: true });

  it.each(PLATFORMS)('Ctrl in a shortcut is the command key on %s, and only that key', (platform) => {
    expect(matchesShortcut('Ctrl+N', key('n', primary(platform)), platform)).toBe(true);
    expect(matchesShortcut('Ctrl+N', key('n'), platform)).toBe(false);
    const other = platform === 'mac' ? { ctrlKey: true } : { metaKey: true };
    expect(matchesShortcut('Ctrl+N', key('n', other), platform)).toBe(false);
    expect(matchesShortcut('Ctrl+N', key('n', { ctrlKey: true, metaKey: true }), platform)).toBe(false);
  });

  it('matches Alt+letter by the physical key where Option changes the character (Option+M is "µ")', () => {
    expect(matchesShortcut('Alt+M', key('µ', { altKey: true, code: 'KeyM' }), 'mac')).toBe(true);
    expect(matchesShortcut('Alt+Shift+K', key('', { altKey: true, shiftKey: true, code: 'KeyK' }), 'mac')).toBe(true);
    expect(matchesShortcut('Alt+.', key('≥', { altKey: true, code: 'Period' }), 'mac')).toBe(true);
    expect(matchesShortcut('Alt+0', key('º', { altKey: true, code: 'Digit0' }), 'mac')).toBe(true);
    expect(matchesShortcut('Alt+M', key('µ', { altKey: true, code: 'KeyN' }), 'mac')).toBe(false);
    // Elsewhere Alt+M types "m" and matches as before.
    expect(matchesShortcut('Alt+M', key('m', { altKey: true, code: 'KeyM' }), 'other')).toBe(true);
  });

  it('matches by the physical key on a non-Latin layout, by the character on a Latin one', () => {
    // Ctrl+N on a Russian layout types "т", on an Arabic one "ى": both are the N key.
    expect(matchesShortcut('Ctrl+N', key('т', { ctrlKey: true, code: 'KeyN' }), 'other')).toBe(true);
    expect(matchesShortcut('Ctrl+N', key('ى', { ctrlKey: true, code: 'KeyN' }), 'other')).toBe(true);
    // AZERTY: the key marked A (physical KeyQ) types "a", and Ctrl+A means that key.
    expect(matchesShortcut('Ctrl+A', key('a', { ctrlKey: true, code: 'KeyQ' }), 'other')).toBe(true);
    expect(matchesShortcut('Ctrl+Q', key('a', { ctrlKey: true, code: 'KeyQ' }), 'other')).toBe(false);
  });

  it('reads as each platform writes it', () => {
    expect(formatShortcut('Ctrl+Shift+N', 'other')).toBe('Ctrl+Shift+N');
    expect(formatShortcut('Ctrl+Shift+N', 'mac')).toBe('⇧⌘N');
    expect(formatShortcut('Alt+M', 'mac')).toBe('⌥M');
    expect(formatShortcut('Alt+M', 'other')).toBe('Alt+M');
    expect(formatShortcut('Escape', 'mac')).toBe('⎋');
  });

  it('tells a Mac from the navigator', () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    try {
      Object.defineProperty(globalThis, 'navigator', { value: { platform: 'MacIntel' }, configurable: true });
      expect(currentPlatform()).toBe('mac');
      Object.defineProperty(globalThis, 'navigator', { value: { platform: 'Win32' }, configurable: true });
      expect(currentPlatform()).toBe('other');
      Object.defineProperty(globalThis, 'navigator', { value: { userAgentData: { platform: 'macOS' } }, configurable: true });
      expect(currentPlatform()).toBe('mac');
    } finally {
      if (saved) Object.defineProperty(globalThis, 'navigator', saved);
      else Reflect.deleteProperty(globalThis, 'navigator');
    }
  });
});
