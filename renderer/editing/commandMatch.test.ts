import { describe, expect, it } from 'vitest';
import { commandMatches } from './commandMatch';

const theme = { id: 'view.theme.dark', label: 'Theme: dark' };

describe('commandMatches', () => {
  it('finds a command by the words of its label in any order, ignoring case', () => {
    expect(commandMatches('theme dark', theme)).toBe(true);
    expect(commandMatches('DARK theme', theme)).toBe(true);
  });
  it('finds a command by its id', () => {
    expect(commandMatches('view.theme', theme)).toBe(true);
  });
  it('needs every word', () => {
    expect(commandMatches('theme light', theme)).toBe(false);
  });
  it('lists every command for an empty query', () => {
    expect(commandMatches('   ', theme)).toBe(true);
  });
});
