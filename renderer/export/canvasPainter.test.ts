import { describe, expect, it } from 'vitest';
import { buildChartScene } from '../../app/export/chartScene';
import { buildExportScene } from '../../app/export/pageLayout';
import { BROWSER_CANVAS_LIMIT, pixelsPerUnit, rasterSize, rasterSizeProblem, TILE_MAX } from '../../app/export/sizing';
import { fullOptions, gridChart } from '../../app/export/testing/syntheticChart';
import { approximateMeasurer } from '../../app/export/text';
import { planTileList, planTiles } from '../../app/export/tiling';
import { ScenePainter, type PaintContext } from './canvasPainter';

/** A context that records what is filled and stroked, in which colour, inside the tile. */
function recordingContext(): { ctx: PaintContext; fills: string[]; strokes: string[]; texts: string[] } {
  const fills: string[] = [];
  const strokes: string[] = [];
  const texts: string[] = [];
  const state: Record<string, unknown> = {};
  const ctx = new Proxy(state, {
    get(target, key) {
      if (key === 'fill') return () => fills.push(String(target.fillStyle));
      if (key === 'fillRect') return () => fills.push(String(target.fillStyle));
      if (key === 'stroke') return () => strokes.push(String(target.strokeStyle));
      if (key === 'fillText') return (text: string) => texts.push(text);
      if (typeof key === 'string' && key in target) return target[key];
      return () => undefined;
    },
    set(target, key, value) {
      target[key as string] = value;
      return true;
    },
  }) as unknown as PaintContext;
  return { ctx, fills, strokes, texts };
}

const fakePath = () => ({}) as Path2D;

describe('tiled raster export', () => {
  it('exports a 20,000-node chart at 4× past the canvas limit with no blank tile', () => {
    const measure = approximateMeasurer();
    const chart = gridChart(20_000, 50);
    const options = fullOptions({ size: { mode: 'scale', scale: 4 }, footnote: false });
    const scene = buildExportScene({ chart: buildChartScene(chart, { linkLabels: false, annotations: false }, measure), sources: [], themeBackground: '#fbfbfc' }, options, measure);
    const size = rasterSize(scene.width, scene.height, options.size);
    expect(size.width).toBeGreaterThan(BROWSER_CANVAS_LIMIT);
    expect(size.height).toBeGreaterThan(BROWSER_CANVAS_LIMIT);
    expect(rasterSizeProblem('png', size.width, size.height)).toBeNull();

    const plan = planTiles(size.width, size.height);
    const tiles = planTileList(plan);
    expect(tiles.length).toBeGreaterThan(16);
    // The tiles cover the image exactly, each within the canvas limit.
    expect(tiles.reduce((sum, t) => sum + t.width * t.height, 0)).toBe(size.width * size.height);
    for (const tile of tiles) expect(Math.max(tile.width, tile.height)).toBeLessThanOrEqual(TILE_MAX);

    const painter = new ScenePainter(scene, fakePath);
    const nodeColours = new Set(chart.nodes.map((n) => n.fill));
    const ppu = pixelsPerUnit(options.size);
    const t = scene.chart.transform;
    const toPixels = (x: number, y: number) => ({ x: (x * t.scale + t.tx) * ppu, y: (y * t.scale + t.ty) * ppu });
    const first = toPixels(Math.min(...chart.nodes.map((n) => n.x)), Math.min(...chart.nodes.map((n) => n.y)));
    const last = toPixels(Math.max(...chart.nodes.map((n) => n.x)), Math.max(...chart.nodes.map((n) => n.y)));
    let checked = 0;
    for (const tile of tiles) {
      const { ctx, fills } = recordingContext();
      const drawn = painter.paintTile(ctx, tile, ppu);
      // Every tile draws something past its background (page margins hold the title, legend, banners).
      expect(drawn, `tile ${tile.column},${tile.row}`).toBeGreaterThan(0);
      // A tile over the nodes draws node discs in their type colours.
      const cx = tile.x + tile.width / 2;
      const cy = tile.y + tile.height / 2;
      if (cx >= first.x && cx <= last.x && cy >= first.y && cy <= last.y) {
        checked += 1;
        expect(fills.slice(1).some((c) => nodeColours.has(c)), `tile ${tile.column},${tile.row} has a node`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(tiles.length / 2);
  });

  it('draws every label of a tile, banner and legend on the tiles they cross', () => {
    const measure = approximateMeasurer();
    const chart = gridChart(12, 160, (i) => (i === 3 ? '<script>alert(1)</script>' : `Entity ${i}`));
    const options = fullOptions({ size: { mode: 'scale', scale: 1 } });
    const scene = buildExportScene({ chart: buildChartScene(chart, { linkLabels: true, annotations: false }, measure), sources: [], themeBackground: '#fbfbfc' }, options, measure);
    const size = rasterSize(scene.width, scene.height, options.size);
    const painter = new ScenePainter(scene, fakePath);
    const { ctx, texts, fills } = recordingContext();
    painter.paintTile(ctx, { x: 0, y: 0, width: size.width, height: size.height }, 1);
    for (const node of chart.nodes) expect(texts).toContain(node.label);
    expect(texts.filter((t) => t === 'TLP:AMBER')).toHaveLength(2);
    expect(fills).toContain('#000000');
    expect(texts).toContain('Armed group');
  });
});
