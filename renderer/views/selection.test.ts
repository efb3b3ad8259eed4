import { describe, expect, it } from 'vitest';
import { createUiStore } from '../store';
import { nextSelection, selectElements, selectModeOf } from './selection';

const a = { kind: 'entity', id: 'a' } as const;
const b = { kind: 'link', id: 'b' } as const;
const c = { kind: 'entity', id: 'c' } as const;

describe('the shared selection', () => {
  it('replaces on a plain click and toggles with Shift, Ctrl or Command, keeping the order selected in', () => {
    expect(selectModeOf({ shiftKey: false, ctrlKey: false, metaKey: false })).toBe('replace');
    expect(selectModeOf({ shiftKey: true, ctrlKey: false, metaKey: false })).toBe('toggle');
    expect(selectModeOf({ shiftKey: false, ctrlKey: false, metaKey: true })).toBe('toggle');
    expect(nextSelection([a, b], [c], 'replace')).toEqual([c]);
    expect(nextSelection([a, b], [c], 'toggle')).toEqual([a, b, c]);
    expect(nextSelection([a, b, c], [a], 'toggle')).toEqual([b, c]);
  });

  it('is the UI store selection the chart and the inspector read', () => {
    const store = createUiStore();
    selectElements(store, [a]);
    selectElements(store, [b], 'toggle');
    expect(store.getState().selection).toEqual([a, b]);
  });
});
