import { key } from './testing/keyStroke';
import { describe, expect, it } from 'vitest';
import { formatShortcut, matchesShortcut, parseShortcut } from './shortcuts';


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
  it('treats Ctrl and Command as the same modifier', () => {
    expect(matchesShortcut('Ctrl+N', key('n', { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut('Ctrl+N', key('n', { metaKey: true }))).toBe(true);
    expect(matchesShortcut('Ctrl+N', key('n'))).toBe(false);
  });

  it('does not fire a plain-key shortcut with a modifier held', () => {
    expect(matchesShortcut('F', key('f'))).toBe(true);
    expect(matchesShortcut('F', key('f', { ctrlKey: true }))).toBe(false);
    expect(matchesShortcut('F', key('F', { shiftKey: true }))).toBe(false);
    expect(matchesShortcut('F', key('f', { altKey: true }))).toBe(false);
  });

  it('ignores Shift for symbol keys, which need it on some layouts', () => {
    expect(matchesShortcut('+', key('+', { shiftKey: true }))).toBe(true);
    expect(matchesShortcut('+', key('+'))).toBe(true);
    expect(matchesShortcut('-', key('-'))).toBe(true);
    expect(matchesShortcut('Ctrl+0', key('0', { ctrlKey: true }))).toBe(true);
  });

  it('matches named keys whatever their case', () => {
    expect(matchesShortcut('Escape', key('Escape'))).toBe(true);
    expect(matchesShortcut('Escape', key('Enter'))).toBe(false);
  });
});

describe('formatShortcut', () => {
  it('reads as a menu shows it', () => {
    expect(formatShortcut('Ctrl+N')).toBe('Ctrl+N');
    expect(formatShortcut('Ctrl+N', true)).toBe('⌘N');
    expect(formatShortcut('Escape')).toBe('Escape');
    expect(formatShortcut('+')).toBe('+');
  });
});
