import { describe, expect, it } from 'vitest';
import { chartElements } from '../../app/chartElements';
import type { ChartData } from '../../app/contract';
import { testEntity, testLink } from '../../app/testing/rows';
import { entityTypeDefinition } from '../../app/entityTypes';
import { rgba } from './gl/buffers';
import { computedColour, linkColour, previewGraph, sketchGraph } from './glPreview';
import { CHART_COLOURS, DARK_CHART_COLOURS, NODE_SIZE, NODE_SIZE_MAX, nodeSizeForDegree } from './stylesheet';

const entity = (id: string, type: string, color: string | null = null) => testEntity({ id, label: `Label ${id}`, type, color });
const link = (id: string, sourceId: string, targetId: string) => testLink({ id, sourceId, targetId });

function chart(): Pick<ChartData, 'entities' | 'links' | 'evidence'> {
  const entities = [entity('hub', 'armed_group'), entity('a', 'person'), entity('b', 'person', '#ff8800'), entity('c', 'no_such_type')];
  const links = [link('l1', 'hub', 'a'), link('l2', 'hub', 'b'), link('l3', 'b', 'hub'), link('l4', 'c', 'hub')];
  return { entities, links, evidence: {} };
}

const at = new Map([
  ['hub', { x: 0, y: 0 }],
  ['a', { x: 100, y: 0 }],
  ['b', { x: 0, y: -50 }],
  ['c', { x: -20, y: 30 }],
]);

describe('previewGraph', () => {
  it('puts each node where it is stored, as large as the stylesheet draws it, in its own colour or its type’s', () => {
    const graph = previewGraph(chartElements(chart()), at, CHART_COLOURS, 1)!;
    expect([...graph.x]).toEqual([0, 100, 0, -20]);
    expect([...graph.y]).toEqual([0, 0, -50, 30]);
    // Degree 4 for the hub; the border (2 px) is centred on the node's edge.
    expect(graph.radius[0]).toBeCloseTo(nodeSizeForDegree(4) / 2 + 1);
    expect(graph.radius[1]).toBeCloseTo(NODE_SIZE / 2 + 1);
    expect([...graph.color]).toEqual([
      rgba(entityTypeDefinition('armed_group').color),
      rgba(entityTypeDefinition('person').color),
      rgba('#ff8800'),
      rgba(entityTypeDefinition('other').color),
    ]);
    expect(graph.labels).toEqual(['Label hub', 'Label a', 'Label b', 'Label c']);
    expect(Array.from(graph.labelPriority!)).toEqual([4, 1, 2, 1]);
  });

  it('draws every link between its ends by index, in the palette’s link colour', () => {
    const graph = previewGraph(chartElements(chart()), at, DARK_CHART_COLOURS, 1)!;
    expect([...graph.edges]).toEqual([0, 1, 0, 2, 2, 0, 3, 0]);
    expect(graph.edgeColor).toBe(rgba(DARK_CHART_COLOURS.affiliation));
  });

  it('gives none for a chart with an unplaced node (it is laid out first)', () => {
    const partial = new Map(at);
    partial.delete('c');
    expect(previewGraph(chartElements(chart()), partial, CHART_COLOURS, 1)).toBeNull();
  });
});

describe('sketchGraph', () => {
  it('draws from the chart’s sketch the picture previewGraph draws from its elements', () => {
    const data = chart();
    // The sketch lists the entities in another order (the store's), and types as stored.
    const order = ['c', 'b', 'hub', 'a'];
    const types = [...new Set(order.map((id) => data.entities.find((e) => e.id === id)!.type))];
    const index = new Map(order.map((id, i) => [id, i]));
    const sketch = {
      chartId: 'chart',
      viewport: null,
      x: order.map((id) => at.get(id)!.x),
      y: order.map((id) => at.get(id)!.y),
      type: order.map((id) => types.indexOf(data.entities.find((e) => e.id === id)!.type)),
      types,
      color: order.map((id) => data.entities.find((e) => e.id === id)!.color),
      label: order.map((id) => data.entities.find((e) => e.id === id)!.label),
      links: data.links.flatMap((l) => [index.get(l.sourceId)!, index.get(l.targetId)!]),
    };
    const fromSketch = sketchGraph(sketch, CHART_COLOURS, 0.5);
    const fromElements = previewGraph(chartElements(data), at, CHART_COLOURS, 0.5)!;
    const nodes = (graph: typeof fromSketch) =>
      graph.labels!.map((label, i) => `${label} ${graph.x[i]} ${graph.y[i]} ${graph.radius[i]} ${graph.color[i]} ${graph.labelPriority![i]}`).sort();
    expect(nodes(fromSketch)).toEqual(nodes(fromElements));
    const links = (graph: typeof fromSketch) => {
      const out: string[] = [];
      for (let k = 0; k < graph.edges.length; k += 2) out.push(`${graph.labels![graph.edges[k]!]}>${graph.labels![graph.edges[k + 1]!]}`);
      return out.sort();
    };
    expect(links(fromSketch)).toEqual(links(fromElements));
    expect(fromSketch.edgeColor).toBe(fromElements.edgeColor);
  });
});

describe('linkColour', () => {
  it('is the palette’s link colour, as opaque as Cytoscape’s 1.4 px line is wide at the zoom', () => {
    const rgb = rgba(CHART_COLOURS.affiliation) & 0xffffff00;
    expect(linkColour(CHART_COLOURS, 1)).toBe((rgb | 0xff) >>> 0);
    expect(linkColour(CHART_COLOURS, 0.5)).toBe((rgb | Math.round(0.7 * 255)) >>> 0);
    expect(linkColour(CHART_COLOURS, 0.01)).toBe((rgb | Math.round(0.15 * 255)) >>> 0);
  });
});

describe('nodeSizeForDegree', () => {
  it('maps degree 2 to 30 onto the node sizes, clamped at both ends', () => {
    expect(nodeSizeForDegree(0)).toBe(NODE_SIZE);
    expect(nodeSizeForDegree(2)).toBe(NODE_SIZE);
    expect(nodeSizeForDegree(16)).toBe((NODE_SIZE + NODE_SIZE_MAX) / 2);
    expect(nodeSizeForDegree(30)).toBe(NODE_SIZE_MAX);
    expect(nodeSizeForDegree(500)).toBe(NODE_SIZE_MAX);
  });
});

describe('computedColour', () => {
  it('reads the browser’s computed rgb() and rgba() forms, and refuses transparent or anything else', () => {
    expect(computedColour('rgb(251, 251, 252)')).toBe(rgba('#fbfbfc'));
    expect(computedColour('rgba(31, 36, 42, 1)')).toBe(rgba('#1f242a'));
    expect(computedColour('rgba(0, 0, 0, 0)')).toBeNull();
    expect(computedColour('transparent')).toBeNull();
    expect(computedColour('#ffffff')).toBeNull();
  });
});
