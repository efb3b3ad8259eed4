import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Focus stays visible everywhere: a rule of the renderer's CSS that takes the outline away either
 * draws another mark in its place (a box-shadow, a border or an outline of its own) or applies
 * only when the focus did not come from the keyboard (`:not(:focus-visible)`).
 */

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** The selectors of rules that remove the outline with nothing in its place. */
export function focusRemovedWithoutReplacement(css: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const bad: string[] = [];
  for (const match of withoutComments.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = match[1]!.trim();
    const body = match[2]!;
    if (!/(^|;|\s)outline\s*:\s*(none|0)\s*(;|$)/m.test(body)) continue;
    const replaced = /box-shadow\s*:(?!\s*none)|(^|;|\s)border(-[a-z]+)?\s*:|outline-(color|style|width)\s*:/m.test(body);
    const pointerOnly = selector.split(',').every((part) => part.includes(':not(:focus-visible)'));
    if (!replaced && !pointerOnly) bad.push(selector);
  }
  return bad;
}

describe('visible focus', () => {
  it('the check flags an outline removed with nothing in its place, and only that', () => {
    const css = `
      a:focus { outline: none; }
      b:focus-visible { outline: none; box-shadow: 0 0 0 2px blue; }
      c:focus:not(:focus-visible) { outline: none; }
      d { outline: 0; box-shadow: none; }`;
    expect(focusRemovedWithoutReplacement(css)).toEqual(['a:focus', 'd']);
  });

  it('no stylesheet of the renderer hides the focus', () => {
    const root = join(__dirname, '..', 'renderer');
    const bad = cssFiles(root).flatMap((path) => focusRemovedWithoutReplacement(readFileSync(path, 'utf8')).map((selector) => `${relative(root, path)}: ${selector}`));
    expect(bad).toEqual([]);
  });
});
