import { describe, expect, it } from 'vitest';
import { fitPoints } from '../levelOfDetail';
import { backingSize, cameraUniform, movedFrame, toModel, toScreen, visibleBounds, zoomAbout, type Viewport } from './camera';

const view: Viewport = { zoom: 2, panX: 100, panY: -40 };

describe('camera', () => {
  it("draws a model point at model × zoom + pan (Cytoscape's convention), and back", () => {
    expect(toScreen(view, 10, 20)).toEqual({ x: 120, y: 0 });
    expect(toModel(view, 120, 0)).toEqual({ x: 10, y: 20 });
    const round = toModel(view, toScreen(view, -3.5, 7.25).x, toScreen(view, -3.5, 7.25).y);
    expect(round.x).toBeCloseTo(-3.5, 12);
    expect(round.y).toBeCloseTo(7.25, 12);
  });

  it('zooms about a screen point, which stays on the same model point', () => {
    const before = toModel(view, 300, 200);
    const zoomed = zoomAbout(view, 1.25, 300, 200);
    expect(zoomed.zoom).toBeCloseTo(2.5, 12);
    const after = toModel(zoomed, 300, 200);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
    // Zooming in and out again comes back where it began (the bench's steps rely on it).
    const back = zoomAbout(zoomed, 0.8, 300, 200);
    expect(back.zoom).toBeCloseTo(view.zoom, 12);
    expect(back.panX).toBeCloseTo(view.panX, 9);
    expect(back.panY).toBeCloseTo(view.panY, 9);
  });

  it('knows the model area on screen', () => {
    expect(visibleBounds(view, 800, 600)).toEqual({ x1: -50, y1: 20, x2: 350, y2: 320 });
  });

  // The layer is fitted by the chart's own fitPoints (levelOfDetail.ts), in this camera's convention.
  const fit = (points: { x: number; y: number }[], maxZoom: number): Viewport | null => {
    const fitted = fitPoints(points, { width: 1000, height: 600, padding: 50, radius: 0, minZoom: 0, maxZoom });
    return fitted && { zoom: fitted.zoom, panX: fitted.pan.x, panY: fitted.pan.y };
  };

  it('fits the finite points only', () => {
    const points = [
      { x: 5, y: 1 },
      { x: -2, y: 4 },
      { x: Number.NaN, y: 100 },
      { x: 9, y: Number.POSITIVE_INFINITY },
    ];
    expect(fit(points, Infinity)).toEqual(fit([{ x: -2, y: 1 }, { x: 5, y: 4 }], Infinity));
    expect(fit([{ x: Number.NaN, y: 1 }], 4)).toBeNull();
    expect(fit(points.slice(0, 1), 4)).toEqual(fit([{ x: 5, y: 1 }], 4));
  });

  it('fits a box centred with its padding, keeping the aspect ratio', () => {
    const fitted = fit([{ x: 0, y: 0 }, { x: 400, y: 100 }], Infinity)!;
    // The width limits: 900 px for 400 units.
    expect(fitted.zoom).toBeCloseTo(900 / 400, 12);
    const topLeft = toScreen(fitted, 0, 0);
    const bottomRight = toScreen(fitted, 400, 100);
    expect(topLeft.x).toBeCloseTo(50, 9);
    expect(bottomRight.x).toBeCloseTo(950, 9);
    expect(topLeft.y).toBeCloseTo(600 - bottomRight.y, 9);
    // One point: the largest zoom, centred.
    const point = fit([{ x: 7, y: 7 }], 4)!;
    expect(point.zoom).toBe(4);
    expect(toScreen(point, 7, 7)).toEqual({ x: 500, y: 300 });
  });

  it('sizes the backing store in device pixels, never below 1×1', () => {
    expect(backingSize(800, 600, 2)).toEqual({ width: 1600, height: 1200 });
    expect(backingSize(801, 601, 1.5)).toEqual({ width: 1202, height: 902 });
    expect(backingSize(0, 0, 2)).toEqual({ width: 1, height: 1 });
    expect(backingSize(100, 50, Number.NaN)).toEqual({ width: 100, height: 50 });
  });

  it('gives the shaders zoom and pan in device pixels, in place', () => {
    const out = new Float32Array(4);
    expect(cameraUniform(view, 2, out)).toBe(out);
    expect([...out]).toEqual([4, 200, -80, 2]);
    // What the shader computes (model × out[0] + pan) is the screen point times the ratio.
    const screen = toScreen(view, 10, 20);
    expect(10 * out[0]! + out[1]!).toBe(screen.x * 2);
    expect(20 * out[0]! + out[2]!).toBe(screen.y * 2);
  });

  it('moves and stretches the last full frame so every model point lands where the new viewport draws it', () => {
    const drawn: Viewport = { zoom: 1.5, panX: 40, panY: -10 };
    const now = zoomAbout({ ...drawn, panX: drawn.panX + 60, panY: drawn.panY - 25 }, 1.25, 300, 200);
    const frame = movedFrame(drawn, now, 800, 600);
    // A model point at screen s in the old frame is at fraction s / size of the frame's box.
    for (const [mx, my] of [
      [0, 0],
      [120, 300],
      [-50, 410],
    ] as const) {
      const old = toScreen(drawn, mx, my);
      const fresh = toScreen(now, mx, my);
      expect(frame.x1 + (old.x / 800) * (frame.x2 - frame.x1)).toBeCloseTo(fresh.x, 9);
      expect(frame.y1 + (old.y / 600) * (frame.y2 - frame.y1)).toBeCloseTo(fresh.y, 9);
    }
    expect(movedFrame(drawn, drawn, 800, 600)).toEqual({ x1: 0, y1: 0, x2: 800, y2: 600 });
  });
});
