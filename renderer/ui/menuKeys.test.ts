import { describe, expect, it } from 'vitest';
import { isTypeAheadKey, typeAheadIndex } from './menuKeys';

const TYPES = ['Person', 'Organisation', 'Armed group', 'Place', 'Event', 'Étude', 'Phone'];

describe('typeAheadIndex', () => {
  it('moves to the next item that starts with the letter, whatever the case', () => {
    expect(typeAheadIndex(TYPES, 0, 'a')).toBe(2);
    expect(typeAheadIndex(TYPES, -1, 'O')).toBe(1);
  });

  it('walks through the items that share a letter, wrapping round', () => {
    expect(typeAheadIndex(TYPES, 0, 'p')).toBe(3);
    expect(typeAheadIndex(TYPES, 3, 'p')).toBe(6);
    expect(typeAheadIndex(TYPES, 6, 'p')).toBe(0);
  });

  it('sets accents aside', () => {
    expect(typeAheadIndex(TYPES, 0, 'e')).toBe(4);
    expect(typeAheadIndex(TYPES, 4, 'e')).toBe(5);
    expect(typeAheadIndex(TYPES, 5, 'é')).toBe(4);
  });

  it('answers null for a letter no item starts with, and for keys that are not characters', () => {
    expect(typeAheadIndex(TYPES, 0, 'z')).toBeNull();
    expect(typeAheadIndex(TYPES, 0, 'ArrowDown')).toBeNull();
    expect(typeAheadIndex(TYPES, 0, ' ')).toBeNull();
    expect(typeAheadIndex([], -1, 'a')).toBeNull();
  });
});

describe('isTypeAheadKey', () => {
  it('takes plain characters only', () => {
    const plain = { ctrlKey: false, altKey: false, metaKey: false };
    expect(isTypeAheadKey({ ...plain, key: 'p' })).toBe(true);
    expect(isTypeAheadKey({ ...plain, key: 'Enter' })).toBe(false);
    expect(isTypeAheadKey({ ...plain, key: ' ' })).toBe(false);
    expect(isTypeAheadKey({ ...plain, ctrlKey: true, key: 'p' })).toBe(false);
    expect(isTypeAheadKey({ ...plain, metaKey: true, key: 'p' })).toBe(false);
  });
});
