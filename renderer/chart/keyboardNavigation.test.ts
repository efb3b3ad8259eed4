import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { createUiStore } from '../store';
import { nextInDirection } from './keyboardNavigation';

describe('arrow keys on the chart', () => {
  const from = { id: 'a', x: 0, y: 0 };
  const everyone = [
    from,
    { id: 'right-near', x: 100, y: 10 },
    { id: 'right-far', x: 300, y: 0 },
    { id: 'down-right', x: 60, y: 90 },
    { id: 'up', x: 5, y: -200 },
  ];

  it('goes to the nearest entity that way, straight ahead before off to the side', () => {
    expect(nextInDirection(from, [], everyone, 'right')).toBe('right-near');
    expect(nextInDirection(from, [], everyone, 'up')).toBe('up');
    expect(nextInDirection(from, [], everyone, 'down')).toBe('down-right');
    expect(nextInDirection(from, [], everyone, 'left')).toBeNull();
  });

  it('prefers a linked entity that way over a nearer unlinked one', () => {
    const linked = [{ id: 'right-far', x: 300, y: 0 }];
    expect(nextInDirection(from, linked, everyone, 'right')).toBe('right-far');
    // No linked entity that way: the nearest of all.
    expect(nextInDirection(from, linked, everyone, 'up')).toBe('up');
  });

  it('moves or, with Shift, extends the selection, keeping its order (headless chart)', async () => {
    const { bindKeyboardNavigation } = await import('./keyboardNavigation');
    const cy = cytoscape({
      headless: true,
      layout: { name: 'preset' },
      elements: [
        { data: { id: 'a' }, position: { x: 0, y: 0 } },
        { data: { id: 'b' }, position: { x: 100, y: 0 } },
        { data: { id: 'c' }, position: { x: 200, y: 0 } },
        { data: { id: 'ab', source: 'a', target: 'b' } },
      ],
    });
    const store = createUiStore();
    const listeners: ((event: KeyboardEvent) => void)[] = [];
    const container = { addEventListener: (_: string, l: (event: KeyboardEvent) => void) => listeners.push(l), removeEventListener: () => undefined } as unknown as HTMLElement;
    bindKeyboardNavigation(cy, container, store);
    const press = (key: string, shiftKey = false) =>
      listeners.forEach((l) => l({ key, shiftKey, ctrlKey: false, metaKey: false, altKey: false, target: container, preventDefault: () => undefined } as unknown as KeyboardEvent));
    store.setState({ selection: [{ kind: 'entity', id: 'a' }] });
    press('ArrowRight');
    expect(store.getState().selection).toEqual([{ kind: 'entity', id: 'b' }]);
    press('ArrowRight', true);
    expect(store.getState().selection.map((s) => s.id)).toEqual(['b', 'c']);
    press('ArrowLeft', true);
    expect(store.getState().selection.map((s) => s.id)).toEqual(['c', 'b']);
    cy.destroy();
  });
});
