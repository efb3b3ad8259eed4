import { describe, expect, it, vi } from 'vitest';
import { createStore, sameSelection } from './store';

describe('createStore', () => {
  it('notifies subscribers only when a value actually changed', () => {
    const store = createStore({ a: 1, b: 'x' });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.setState({ a: 1 });
    expect(listener).not.toHaveBeenCalled();
    store.setState((s) => ({ a: s.a + 1 }));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState()).toEqual({ a: 2, b: 'x' });
    unsubscribe();
    store.setState({ b: 'y' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('sameSelection', () => {
  it('compares selections by element id, in any order', () => {
    const a = { kind: 'entity' as const, id: 'a' };
    const b = { kind: 'link' as const, id: 'b' };
    expect(sameSelection([a, b], [b, a])).toBe(true);
    expect(sameSelection([a], [a, b])).toBe(false);
    expect(sameSelection([], [])).toBe(true);
  });
});
