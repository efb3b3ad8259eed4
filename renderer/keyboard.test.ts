import { describe, expect, it } from 'vitest';
import { isApplicationChordInText } from './keyboard';
import { key } from './testing/keyStroke';

describe('application shortcuts while a text field has the focus', () => {
  it('lets the find, palette and new-entity chords through on both platforms', () => {
    for (const letter of ['f', 'k', 'e']) {
      expect(isApplicationChordInText(key(letter, { ctrlKey: true }), 'other'), letter).toBe(true);
      expect(isApplicationChordInText(key(letter, { metaKey: true }), 'mac'), letter).toBe(true);
    }
  });

  it('leaves typing and the chords text editing uses to the field', () => {
    expect(isApplicationChordInText(key('f'), 'other')).toBe(false);
    expect(isApplicationChordInText(key('F', { shiftKey: true }), 'other')).toBe(false);
    for (const letter of ['z', 'y', 'a', 'c', 'v', 'x', 'ArrowLeft', 'Backspace']) {
      expect(isApplicationChordInText(key(letter, { ctrlKey: true }), 'other'), letter).toBe(false);
      expect(isApplicationChordInText(key(letter, { metaKey: true }), 'mac'), letter).toBe(false);
    }
    // Alt chords type characters on many layouts; Control on a Mac moves the caret (Ctrl+E: end of line).
    expect(isApplicationChordInText(key('e', { ctrlKey: true, altKey: true }), 'other')).toBe(false);
    expect(isApplicationChordInText(key('e', { ctrlKey: true }), 'mac')).toBe(false);
  });
});
