import { describe, expect, it } from 'vitest';
import { createViewStore, readRememberedView } from './viewState';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('the view in front', () => {
  it('is remembered across windows (a new store reads what the last one chose)', () => {
    const storage = memoryStorage();
    const first = createViewStore(['chart', 'timeline'], storage);
    first.show('timeline');
    first.setSplit(true);
    const second = createViewStore(['chart', 'timeline'], storage);
    expect(second.getState()).toEqual({ active: 'timeline', split: true });
  });

  it('falls back to the chart for an unknown view, a corrupt value or no storage', () => {
    expect(readRememberedView(memoryStorage({ 'workbench.views': '{"active":"gone","split":true}' }), ['chart']).active).toBe('chart');
    expect(readRememberedView(memoryStorage({ 'workbench.views': '{not json' }), ['chart'])).toEqual({ active: 'chart', split: false });
    expect(readRememberedView(null, ['chart'])).toEqual({ active: 'chart', split: false });
  });

  it('ignores a request for a view that is not in the list', () => {
    const store = createViewStore(['chart', 'timeline'], memoryStorage());
    store.show('nowhere');
    expect(store.getState().active).toBe('chart');
  });

  it('hands the zoom commands the handle of the view in front, and none while the chart is in front', () => {
    const store = createViewStore(['chart', 'timeline'], memoryStorage());
    const handle = { fit: () => undefined, zoomBy: () => undefined };
    store.attach('timeline', handle);
    expect(store.handle()).toBeNull();
    store.show('timeline');
    expect(store.handle()).toBe(handle);
    store.attach('timeline', null);
    expect(store.handle()).toBeNull();
  });
});
