import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../app/entityTypes';
import cytoscape from 'cytoscape';
import { entityBadgeUri, entityGlyphUri, noteBadge, noteBadgeText } from './nodeIcons';
import { updateDrawnElement, type ChartElement } from './elements';
import { buildChartStylesheet, CHART_COLOURS, chartImageUrls, DARK_CHART_COLOURS, labelWithNoteCount } from './stylesheet';

type Rule = { selector: string; style: Record<string, unknown> };
const rules = () => buildChartStylesheet() as Rule[];
const rule = (selector: string) => rules().find((r) => r.selector === selector)?.style;

describe('buildChartStylesheet', () => {
  it('gives every entity type of the catalogue its colour and white icon', () => {
    for (const type of ENTITY_TYPES) {
      expect(rule(`node[typeKey = "${type.id}"]`)).toEqual({ 'background-color': type.color, 'background-image': entityGlyphUri(type.id) });
    }
  });

  it('draws hostile links red, arrows only on directed links', () => {
    expect(rule('edge')?.['target-arrow-shape']).toBe('none');
    expect(rule('edge.directed')?.['target-arrow-shape']).toBe('triangle');
    expect(rule('edge.tone-hostile')).toMatchObject({ 'line-color': CHART_COLOURS.hostile, 'target-arrow-color': CHART_COLOURS.hostile });
  });

  it('keeps labels readable: wrapped under the node, on a background', () => {
    expect(rule('node')).toMatchObject({ label: 'data(label)', 'text-valign': 'bottom', 'text-wrap': 'wrap' });
    expect(rule('node')?.['text-background-opacity']).toBeGreaterThan(0.5);
    expect(rule('edge')).toMatchObject({ label: 'data(label)', 'text-rotation': 'autorotate' });
  });

  it('follows the dark theme: light labels on dark label backgrounds, borders in the canvas colour, no light-theme colour left', () => {
    const dark = buildChartStylesheet({ theme: 'dark' }) as Rule[];
    const node = dark.find((r) => r.selector === 'node')?.style;
    expect(node).toMatchObject({ color: DARK_CHART_COLOURS.text, 'text-background-color': DARK_CHART_COLOURS.labelBackground, 'border-color': DARK_CHART_COLOURS.nodeBorder });
    expect(dark.find((r) => r.selector === 'edge.tone-hostile')?.style).toMatchObject({ 'line-color': DARK_CHART_COLOURS.hostile });
    // Every colour of the light palette that the dark one changes is gone from the dark sheet (type colours are shared).
    const changed = (Object.keys(CHART_COLOURS) as (keyof typeof CHART_COLOURS)[]).filter((k) => CHART_COLOURS[k] !== DARK_CHART_COLOURS[k]).map((k) => CHART_COLOURS[k]);
    const used = new Set(dark.flatMap((r) => Object.values(r.style).filter((v): v is string => typeof v === 'string' && v.startsWith('#'))));
    const typeColours = new Set(ENTITY_TYPES.map((t) => t.color.toLowerCase()));
    expect(changed.filter((c) => used.has(c) && !typeColours.has(c))).toEqual([]);
  });
});

describe('entity icons', () => {
  it('are SVG data URIs (no network), one per type, built once', () => {
    const uri = entityGlyphUri('person');
    expect(uri.startsWith('data:image/svg+xml')).toBe(true);
    expect(entityGlyphUri('person')).toBe(uri);
    const svg = decodeURIComponent(uri.slice(uri.indexOf(',') + 1));
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toMatch(/width="\d+" height="\d+"/);
  });

  it('draw an unknown type as "other"', () => {
    expect(entityGlyphUri('spaceship')).toBe(entityGlyphUri('other'));
    expect(decodeURIComponent(entityBadgeUri('armed_group'))).toContain('fill="#c0392b"');
  });
});

/** A resolved style property, as Cytoscape's renderer reads it (pstyle is not in its typings). */
interface ParsedStyle {
  value: unknown;
  strValue: string;
  pfValue: unknown;
}
const pstyle = (ele: cytoscape.SingularElementArgument, name: string) => (ele as unknown as { pstyle(name: string): ParsedStyle }).pstyle(name);

describe('note counts on the chart', () => {
  /** A headless chart with the real stylesheet: Cytoscape resolves the rules as the app's chart does. */
  const chart = () =>
    cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildChartStylesheet(),
      elements: [
        { group: 'nodes', data: { id: 'a', label: 'Iyad', typeKey: 'person', citations: 1, degree: 1, notes: 2 } },
        { group: 'nodes', data: { id: 'b', label: 'JNIM', typeKey: 'armed_group', citations: 1, degree: 1 } },
        { group: 'edges', data: { id: 'l1', source: 'a', target: 'b', label: 'leads', tone: 'affiliation', citations: 1, notes: 12 } },
        { group: 'edges', data: { id: 'l2', source: 'b', target: 'a', label: 'led by', tone: 'affiliation', citations: 1 } },
      ],
    });

  it('draws a node with notes with its icon and, over it at the top-right corner, a badge with the count', () => {
    const cy = chart();
    const a = cy.getElementById('a');
    const images = pstyle(a, 'background-image').value as string[];
    expect(images).toEqual([entityGlyphUri('person'), noteBadge(2).uri]);
    expect(pstyle(a, 'background-image-containment').value).toEqual(['inside', 'over']);
    expect(pstyle(a, 'background-position-x').strValue).toBe('50% 100%');
    expect(pstyle(a, 'background-position-y').strValue).toBe('50% 0%');
    expect(pstyle(a, 'background-clip').value).toEqual(['none', 'none']);
    // The drawn bounds take in the badge where it reaches past the node's box (top and right).
    const [top, right, bottom, left] = pstyle(a, 'bounds-expansion').pfValue as number[];
    expect(top).toBeGreaterThan(0);
    expect(right).toBeGreaterThan(0);
    expect([bottom, left]).toEqual([0, 0]);
    // Without notes: the icon alone.
    expect(pstyle(cy.getElementById('b'), 'background-image').value).toEqual([entityGlyphUri('armed_group')]);
  });

  it('follows the count as the chart controller updates a node after notes are added and deleted', () => {
    const cy = chart();
    const b = cy.getElementById('b');
    const node = (notes?: number): ChartElement => ({
      group: 'nodes',
      data: { id: 'b', label: 'JNIM', typeKey: 'armed_group', citations: 1, degree: 1, ...(notes === undefined ? {} : { notes }) },
      classes: '',
    });
    updateDrawnElement(b, node(1));
    expect(pstyle(b, 'background-image').value).toEqual([entityGlyphUri('armed_group'), noteBadge(1).uri]);
    updateDrawnElement(b, node(3));
    expect(pstyle(b, 'background-image').value).toEqual([entityGlyphUri('armed_group'), noteBadge(3).uri]);
    // The last note deleted: the badge goes (and so does an analyst's colour that was removed).
    b.data('color', '#123456');
    updateDrawnElement(b, node());
    expect(pstyle(b, 'background-image').value).toEqual([entityGlyphUri('armed_group')]);
    expect(pstyle(b, 'background-color').strValue).not.toBe('rgb(18,52,86)');
  });

  it('adds the count to the label of a link with notes', () => {
    const cy = chart();
    expect(pstyle(cy.getElementById('l1'), 'label').strValue).toBe('leads  \u270E12');
    expect(pstyle(cy.getElementById('l2'), 'label').strValue).toBe('led by');
    expect(labelWithNoteCount('', 3)).toBe('\u270E3');
    expect(labelWithNoteCount('leads', 0)).toBe('leads');
  });

  it('badges are SVG data URIs with the count as text, built once per count, wider for more digits', () => {
    const one = noteBadge(1);
    expect(noteBadge(1)).toBe(one);
    expect(one.uri.startsWith('data:image/svg+xml')).toBe(true);
    expect(decodeURIComponent(one.uri)).toContain('>1</text>');
    expect(noteBadge(42).width).toBeGreaterThan(one.width);
    expect(noteBadgeText(250)).toBe('99+');
    expect(decodeURIComponent(noteBadge(250).uri)).toContain('>99+</text>');
    expect(noteBadge(250)).toBe(noteBadge(100));
  });
});

describe('level of detail on a large chart', () => {
  const chart = (large: boolean) =>
    cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildChartStylesheet({ large }),
      elements: [
        { group: 'nodes', data: { id: 'a', label: 'Iyad', typeKey: 'person', citations: 1, degree: 1 } },
        { group: 'nodes', data: { id: 'b', label: 'JNIM', typeKey: 'armed_group', citations: 1, degree: 1 }, classes: 'near' },
        { group: 'nodes', data: { id: 'c', label: 'AQIM', typeKey: 'armed_group', citations: 1, degree: 1 } },
        { group: 'edges', data: { id: 'l1', source: 'a', target: 'b', label: 'leads', tone: 'affiliation', citations: 1 }, classes: 'incident' },
        { group: 'edges', data: { id: 'l2', source: 'b', target: 'c', label: 'allied with', tone: 'affiliation', citations: 1, notes: 2 } },
      ],
    });

  it('labels entities from half zoom, the selection and its neighbours from 5 px, links only on the selection', () => {
    const cy = chart(true);
    cy.getElementById('a').select();
    // Cytoscape draws a label when font-size × (zoom rounded up to a power of two) ≥ min-zoomed-font-size.
    expect(pstyle(cy.getElementById('c'), 'min-zoomed-font-size').pfValue).toBe(12);
    expect(pstyle(cy.getElementById('a'), 'min-zoomed-font-size').pfValue).toBe(5);
    expect(pstyle(cy.getElementById('b'), 'min-zoomed-font-size').pfValue).toBe(5);
    expect(pstyle(cy.getElementById('l1'), 'label').strValue).toBe('leads');
    expect(pstyle(cy.getElementById('l2'), 'label').strValue).toBe('');
    cy.getElementById('l2').select();
    expect(pstyle(cy.getElementById('l2'), 'label').strValue).toBe(labelWithNoteCount('allied with', 2));
  });

  it('maps no label on an entity out of view or away from the selection, draws links straight, curves the selection\'s', () => {
    const cy = chart(true);
    // No label at all (not a hidden one): a mapped label costs its texture on every frame.
    expect(pstyle(cy.getElementById('c'), 'label').strValue).toBe('');
    cy.getElementById('c').addClass('in-view');
    expect(pstyle(cy.getElementById('c'), 'label').strValue).toBe('AQIM');
    expect(pstyle(cy.getElementById('c'), 'min-zoomed-font-size').pfValue).toBe(12);
    expect(pstyle(cy.getElementById('b'), 'label').strValue).toBe('JNIM');
    expect(pstyle(cy.getElementById('l2'), 'curve-style').strValue).toBe('haystack');
    expect(pstyle(cy.getElementById('l1'), 'curve-style').strValue).toBe('bezier');
    cy.getElementById('l2').select();
    expect(pstyle(cy.getElementById('l2'), 'curve-style').strValue).toBe('bezier');
  });

  it('draws icons where labels are: in view, on the selection and its neighbours, and a note badge everywhere', () => {
    const cy = chart(true);
    const images = (id: string) => pstyle(cy.getElementById(id), 'background-image').strValue;
    // Zoomed out, an entity is a disc in its type's colour: no icon to draw for every one of thousands.
    expect(images('c')).toBe('none');
    cy.getElementById('c').addClass('in-view');
    expect(images('c')).toContain('data:image');
    expect(images('b')).toContain('data:image');
    cy.getElementById('a').select();
    expect(images('a')).toContain('data:image');
    cy.getElementById('a').unselect();
    expect(images('a')).toBe('none');
    cy.getElementById('a').data('notes', 3);
    // Its icon and its badge, at every zoom (few entities have notes).
    expect(pstyle(cy.getElementById('a'), 'background-image').value).toHaveLength(2);
    expect(pstyle(chart(false).getElementById('c'), 'background-image').strValue).toContain('data:image');
  });

  it('leaves a chart below the threshold as it was', () => {
    const cy = chart(false);
    expect(pstyle(cy.getElementById('c'), 'min-zoomed-font-size').pfValue).toBe(5);
    expect(pstyle(cy.getElementById('c'), 'label').strValue).toBe('AQIM');
    expect(pstyle(cy.getElementById('l2'), 'curve-style').strValue).toBe('bezier');
    expect(pstyle(cy.getElementById('l2'), 'label').strValue).toBe(labelWithNoteCount('allied with', 2));
  });
});

describe('chartImageUrls', () => {
  it('names every image the stylesheet draws these nodes with, small or large, selected or in view', () => {
    const nodes = [
      { id: 'a', typeKey: 'person', notes: 2 },
      { id: 'b', typeKey: 'armed_group' },
      { id: 'c', typeKey: 'armed_group', notes: 140 },
      { id: 'd', typeKey: 'vehicle', notes: 2 },
    ];
    for (const large of [false, true]) {
      const cy = cytoscape({
        headless: true,
        styleEnabled: true,
        style: buildChartStylesheet({ large }),
        // Every node where a large chart draws its icon (in view), so that each image is in use.
        elements: nodes.map((n) => ({ group: 'nodes' as const, data: { ...n, label: n.id, citations: 0, degree: 1 }, classes: 'in-view' })),
      });
      const drawn = new Set<string>();
      cy.nodes().forEach((node) => {
        for (const url of pstyle(node, 'background-image').value as string[]) if (url !== 'none') drawn.add(url);
      });
      expect(drawn.size).toBe(5);
      expect(chartImageUrls(nodes, large)).toEqual(drawn);
      cy.destroy();
    }
  });
});
