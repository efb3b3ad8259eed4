import cytoscape from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bindLabelDetail, fitPoints, LABEL_CELL, LABEL_SETTLE_MS, LABEL_ZOOM, labelledInView, widen, type Box } from './levelOfDetail';
import { buildChartStylesheet, UI_CLASS } from './stylesheet';

const view = { width: 1000, height: 600, padding: 36, radius: 25, minZoom: 0.08, maxZoom: 4 };

describe('fitPoints', () => {
  it('shows every point, with its radius and the padding, centred in the window', () => {
    const points = [
      { x: 5000, y: 200 },
      { x: 9000, y: 200 },
      { x: 7000, y: 1400 },
    ];
    const fitted = fitPoints(points, view)!;
    const rendered = points.map((p) => ({ x: p.x * fitted.zoom + fitted.pan.x, y: p.y * fitted.zoom + fitted.pan.y }));
    for (const p of rendered) {
      expect(p.x - view.radius * fitted.zoom).toBeGreaterThanOrEqual(view.padding - 1e-6);
      expect(p.x + view.radius * fitted.zoom).toBeLessThanOrEqual(view.width - view.padding + 1e-6);
      expect(p.y - view.radius * fitted.zoom).toBeGreaterThanOrEqual(view.padding - 1e-6);
      expect(p.y + view.radius * fitted.zoom).toBeLessThanOrEqual(view.height - view.padding + 1e-6);
    }
    // The limiting side (here the width) touches the padding, and the other is centred: the
    // chart fills the window, not a corner of it.
    const left = Math.min(...rendered.map((p) => p.x)) - view.radius * fitted.zoom;
    const right = Math.max(...rendered.map((p) => p.x)) + view.radius * fitted.zoom;
    expect(left).toBeCloseTo(view.padding, 6);
    expect(view.width - right).toBeCloseTo(view.padding, 6);
    const top = Math.min(...rendered.map((p) => p.y)) - view.radius * fitted.zoom;
    const bottom = Math.max(...rendered.map((p) => p.y)) + view.radius * fitted.zoom;
    expect(top).toBeCloseTo(view.height - bottom, 6);
    expect(top).toBeGreaterThan(view.padding);
  });

  it('keeps the zoom within the chart limits and leaves out points that are not numbers', () => {
    expect(fitPoints([{ x: 3, y: 3 }], view)!.zoom).toBe(view.maxZoom);
    const spread = fitPoints(
      [
        { x: 0, y: 0 },
        { x: 1e7, y: 0 },
        { x: Number.NaN, y: 5 },
      ],
      view,
    )!;
    expect(spread.zoom).toBe(view.minZoom);
    expect(fitPoints([], view)).toBeNull();
    expect(fitPoints([{ x: Number.NaN, y: 1 }], view)).toBeNull();
  });
});

describe('labelledInView', () => {
  const box: Box = { x1: 0, y1: 0, x2: 1000, y2: 1000 };

  it('labels one entity per screen cell, the best connected, and none outside the view', () => {
    const zoom = 1;
    const chosen = labelledInView(
      [
        { id: 'a', x: 10, y: 10, degree: 1 },
        { id: 'hub', x: 20, y: 15, degree: 9 },
        { id: 'b', x: 30, y: 20, degree: 2 },
        { id: 'alone', x: 10 + LABEL_CELL.width * 2, y: 10, degree: 0 },
        { id: 'outside', x: 1200, y: 10, degree: 50 },
      ],
      box,
      zoom,
    );
    expect([...chosen].sort()).toEqual(['alone', 'hub']);
  });

  it('gives each entity its own label once zoomed in far enough to part them', () => {
    const near = [
      { id: 'a', x: 10, y: 10, degree: 1 },
      { id: 'b', x: 10 + LABEL_CELL.width / 4, y: 10, degree: 2 },
    ];
    expect([...labelledInView(near, box, 1)]).toEqual(['b']);
    expect([...labelledInView(near, box, 4)].sort()).toEqual(['a', 'b']);
  });

  it('labels no more entities than the screen has cells, however many are in view', () => {
    const crowd = Array.from({ length: 20_000 }, (_, i) => ({ id: `n${i}`, x: (i * 7919) % 1000, y: (i * 104729) % 1000, degree: i % 5 }));
    const cells = Math.ceil(1000 / LABEL_CELL.width) * Math.ceil(1000 / LABEL_CELL.height);
    const chosen = labelledInView(crowd, box, 1);
    expect(chosen.size).toBeLessThanOrEqual(cells);
    expect(chosen.size).toBeGreaterThan(cells / 2);
  });
});

describe('bindLabelDetail', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const grid = () =>
    cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildChartStylesheet({ large: true }),
      elements: Array.from({ length: 400 }, (_, i) => ({
        group: 'nodes' as const,
        data: { id: `n${i}`, label: `Entity ${i}`, typeKey: 'person', citations: 1, degree: 1 },
        position: { x: (i % 20) * 200, y: Math.floor(i / 20) * 200 },
      })),
    });
  const labelled = (cy: cytoscape.Core) =>
    cy
      .nodes()
      .filter((n) => n.style('label') !== '')
      .map((n) => n.id());

  it('labels the entities in view only from the label zoom, and only on a large chart', () => {
    vi.useFakeTimers();
    const cy = grid();
    let large = true;
    // The screen shows the model area from (0, 0), as wide as 1000 px at the zoom.
    const screen = (): Box => ({ x1: 0, y1: 0, x2: 1000 / cy.zoom(), y2: 600 / cy.zoom() });
    const detail = bindLabelDetail(cy, () => large, screen);

    cy.zoom(LABEL_ZOOM / 2);
    detail.refresh();
    expect(cy.nodes(`.${UI_CLASS.inView}`).length).toBe(0);
    expect(labelled(cy)).toEqual([]);

    cy.zoom(1);
    vi.advanceTimersByTime(LABEL_SETTLE_MS);
    const shown = widen(screen(), 0.25);
    const inView = cy.nodes(`.${UI_CLASS.inView}`);
    expect(inView.length).toBeGreaterThan(0);
    inView.forEach((n) => {
      const p = n.position();
      expect(p.x >= shown.x1 && p.x <= shown.x2 && p.y >= shown.y1 && p.y <= shown.y2).toBe(true);
    });
    expect(labelled(cy).sort()).toEqual(inView.map((n) => n.id()).sort());
    // Far out of view: no label.
    expect(cy.getElementById('n399').style('label')).toBe('');

    // The selection is labelled wherever it is; zooming out takes the others' labels away.
    cy.getElementById('n399').select();
    expect(cy.getElementById('n399').style('label')).toBe('Entity 399');
    cy.zoom(LABEL_ZOOM / 4);
    vi.advanceTimersByTime(LABEL_SETTLE_MS);
    expect(cy.nodes(`.${UI_CLASS.inView}`).length).toBe(0);
    expect(labelled(cy)).toEqual(['n399']);

    // A chart that is not large is left to its own stylesheet.
    large = false;
    cy.zoom(2);
    detail.refresh();
    expect(cy.nodes(`.${UI_CLASS.inView}`).length).toBe(0);
    detail.dispose();
  });
});
