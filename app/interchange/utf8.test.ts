import { describe, expect, it } from 'vitest';
import { findInvalidUtf8 } from './utf8';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('findInvalidUtf8', () => {
  it('accepts valid text of every sequence length', () => {
    expect(findInvalidUtf8(utf8('plain, Jama’at, ⵜⴰⵎⴰⵣⵉⵖⵜ, 𝄞'))).toBe(-1);
    expect(findInvalidUtf8(new Uint8Array())).toBe(-1);
  });

  it('names the offset of a stray, truncated, overlong or surrogate sequence', () => {
    expect(findInvalidUtf8(bytes(0x61, 0x62, 0xff, 0x63))).toBe(2);
    expect(findInvalidUtf8(bytes(0x61, 0xe2, 0x80))).toBe(1);
    expect(findInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0);
    expect(findInvalidUtf8(bytes(0x41, 0xed, 0xa0, 0x80))).toBe(1);
    expect(findInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(findInvalidUtf8(bytes(0x61, 0x80))).toBe(1);
  });
});
