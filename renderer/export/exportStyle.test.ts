import { describe, expect, it } from 'vitest';
import { EXPORT_CHART_STYLE } from '../../app/export/chartScene';
import { buildChartStylesheet, CHART_COLOURS } from '../chart/stylesheet';
import { EDGE_WIDTH } from './readChart';

function rule(selector: string): Record<string, unknown> {
  const found = buildChartStylesheet().find((r) => 'selector' in r && r.selector === selector);
  if (!found || !('style' in found)) throw new Error(`no rule for ${selector}`);
  return found.style as Record<string, unknown>;
}

describe('exported charts look like the chart on screen', () => {
  it('draws nodes, labels and links with the stylesheet’s values', () => {
    const node = rule('node');
    expect(node['border-width']).toBe(EXPORT_CHART_STYLE.nodeBorderWidth);
    expect(node['border-color']).toBe(EXPORT_CHART_STYLE.nodeBorderColour);
    expect(node['font-size']).toBe(EXPORT_CHART_STYLE.nodeLabel.fontSize);
    expect(node['text-margin-y']).toBe(EXPORT_CHART_STYLE.nodeLabel.marginY);
    expect(node['text-max-width']).toBe(`${EXPORT_CHART_STYLE.nodeLabel.maxWidth}px`);
    expect(node['text-background-opacity']).toBe(EXPORT_CHART_STYLE.nodeLabel.backgroundOpacity);
    expect(node.color).toBe(EXPORT_CHART_STYLE.nodeLabel.colour);
    expect(node['background-width']).toBe(`${EXPORT_CHART_STYLE.iconScale * 100}%`);

    const unsourced = rule('node.unsourced');
    expect(unsourced['border-color']).toBe(EXPORT_CHART_STYLE.unsourcedBorder.colour);
    expect(unsourced['border-width']).toBe(EXPORT_CHART_STYLE.unsourcedBorder.width);

    const edge = rule('edge');
    expect(edge.width).toBe(EDGE_WIDTH.normal);
    expect(edge['font-size']).toBe(EXPORT_CHART_STYLE.edgeLabel.fontSize);
    expect(edge.color).toBe(EXPORT_CHART_STYLE.edgeLabel.colour);
    expect(edge['arrow-scale']).toBe(EXPORT_CHART_STYLE.arrowScale);
    expect(rule('edge.tone-hostile').width).toBe(EDGE_WIDTH.hostile);
    expect(rule('edge.tone-hostile').color).toBe(EXPORT_CHART_STYLE.edgeLabel.hostileColour);
    expect(rule('edge.unsourced')['line-dash-pattern']).toEqual(EXPORT_CHART_STYLE.edgeDash);
    expect(rule('edge[strength = "unconfirmed"]')['line-dash-pattern']).toEqual(EXPORT_CHART_STYLE.strengthDash.unconfirmed);
    expect(rule('edge[strength = "tentative"]')['line-dash-pattern']).toEqual(EXPORT_CHART_STYLE.strengthDash.tentative);
    expect(rule('edge[strength = "confirmed"]')['line-style']).toBe('solid');
    expect(rule('node[color]')['background-color']).toBe('data(color)');
    expect(CHART_COLOURS.labelBackground).toBe(EXPORT_CHART_STYLE.nodeLabel.background);
  });
});
