import { describe, expect, it } from 'vitest';
import {
  calloutCorner,
  calloutScale,
  cornerCentredOn,
  leaderEnd,
  movedBy,
  placeFor,
  samePlace,
  toModel,
  toRendered,
  CALLOUT_WIDTH,
  MIN_CALLOUT_SCALE,
} from './calloutGeometry';

const view = { pan: { x: 40, y: -20 }, zoom: 2 };

describe('callout coordinates', () => {
  it('draws a model point at point × zoom + pan, and reads it back', () => {
    expect(toRendered({ x: 10, y: 5 }, view)).toEqual({ x: 60, y: -10 });
    expect(toModel({ x: 60, y: -10 }, view)).toEqual({ x: 10, y: 5 });
    const p = { x: -123.5, y: 987.25 };
    const back = toModel(toRendered(p, { pan: { x: 3.3, y: 7.1 }, zoom: 0.37 }), { pan: { x: 3.3, y: 7.1 }, zoom: 0.37 });
    expect(back.x).toBeCloseTo(p.x, 9);
    expect(back.y).toBeCloseTo(p.y, 9);
  });

  it('puts a free callout at its point and a tied one at its offset from the node', () => {
    const nodes = new Map([['iyad', { x: 100, y: 200 }]]);
    const at = (id: string) => nodes.get(id) ?? null;
    expect(calloutCorner({ entityId: null, x: 5, y: 6 }, at)).toEqual({ x: 5, y: 6 });
    expect(calloutCorner({ entityId: 'iyad', x: 30, y: -40 }, at)).toEqual({ x: 130, y: 160 });
    // The node moved: the callout goes with it, its stored offset unchanged.
    nodes.set('iyad', { x: -50, y: 0 });
    expect(calloutCorner({ entityId: 'iyad', x: 30, y: -40 }, at)).toEqual({ x: -20, y: -40 });
    // Its entity is not on the chart: not drawn.
    expect(calloutCorner({ entityId: 'gone', x: 30, y: -40 }, at)).toBeNull();
  });

  it('stores a dropped callout as its point, or as its offset from its entity', () => {
    const at = (id: string) => (id === 'iyad' ? { x: 100, y: 200 } : null);
    expect(placeFor(null, { x: 7, y: 8 }, at)).toEqual({ entityId: null, x: 7, y: 8 });
    const tied = placeFor('iyad', { x: 150, y: 120 }, at);
    expect(tied).toEqual({ entityId: 'iyad', x: 50, y: -80 });
    expect(calloutCorner(tied!, at)).toEqual({ x: 150, y: 120 });
    expect(placeFor('gone', { x: 1, y: 1 }, at)).toBeNull();
  });

  it('moves a dragged callout by the pointer distance divided by the zoom', () => {
    expect(movedBy({ x: 10, y: 10 }, 30, -20, 2)).toEqual({ x: 25, y: 0 });
    expect(movedBy({ x: 10, y: 10 }, 30, -20, 0.5)).toEqual({ x: 70, y: -30 });
  });

  it('ends a leader line on the nearest edge of the note, and draws none from inside it', () => {
    const box = { x1: 100, y1: 100, x2: 280, y2: 140 };
    expect(leaderEnd(box, { x: 50, y: 120 })).toEqual({ x: 100, y: 120 });
    expect(leaderEnd(box, { x: 300, y: 300 })).toEqual({ x: 280, y: 140 });
    expect(leaderEnd(box, { x: 150, y: 20 })).toEqual({ x: 150, y: 100 });
    expect(leaderEnd(box, { x: 150, y: 120 })).toBeNull();
  });

  it('scales a note with the zoom, readable when zoomed out and full size while edited', () => {
    expect(calloutScale(1.5, false)).toBe(1.5);
    expect(calloutScale(0.1, false)).toBe(MIN_CALLOUT_SCALE);
    expect(calloutScale(0.3, true)).toBe(1);
    expect(calloutScale(2, true)).toBe(2);
  });

  it('centres a new note on a point, and compares stored places', () => {
    expect(cornerCentredOn({ x: 0, y: 0 }).x).toBe(-CALLOUT_WIDTH / 2);
    expect(samePlace({ entityId: null, x: 1, y: 2 }, { entityId: null, x: 1, y: 2 })).toBe(true);
    expect(samePlace({ entityId: null, x: 1, y: 2 }, { entityId: 'a', x: 1, y: 2 })).toBe(false);
    expect(samePlace({ entityId: null, x: 1, y: 2 }, { entityId: null, x: 1.5, y: 2 })).toBe(false);
  });
});
