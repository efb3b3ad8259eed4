import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../app/entityTypes';
import { entityBadgeUri, entityGlyphUri } from './nodeIcons';
import { buildChartStylesheet, CHART_COLOURS } from './stylesheet';

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
