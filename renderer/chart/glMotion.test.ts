import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { rgba, withAlpha } from './gl/buffers';
import { graphFromCytoscape, hasDetail, readElements } from './glMotion';
import { linkColour } from './glPreview';
import { CHART_COLOURS, FADED_OPACITY } from './stylesheet';

describe('graphFromCytoscape', () => {
  it('takes the chart as Cytoscape shows it: places, drawn sizes, colours with opacity; hidden entities and their links left out', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      layout: { name: 'preset' },
      style: [
        { selector: 'node', style: { width: 30, height: 30, 'border-width': 2, 'background-color': '#2e86c1' } },
        { selector: 'node.big', style: { width: 50, height: 50 } },
        { selector: 'node.faded', style: { opacity: 0.3 } },
        { selector: 'node.hidden', style: { display: 'none' } },
        { selector: 'node[color]', style: { 'background-color': 'data(color)' } },
      ],
      elements: [
        { group: 'nodes', data: { id: 'a', label: 'A', degree: 2 }, position: { x: 1, y: 2 }, classes: 'big' },
        { group: 'nodes', data: { id: 'b', label: 'B', degree: 1, color: '#ff8800' }, position: { x: 3, y: 4 }, classes: 'faded' },
        { group: 'nodes', data: { id: 'c', label: 'C', degree: 1 }, position: { x: 5, y: 6 }, classes: 'hidden' },
        { group: 'edges', data: { id: 'ab', source: 'a', target: 'b' } },
        { group: 'edges', data: { id: 'ac', source: 'a', target: 'c' } },
      ],
    });
    cy.zoom(0.5);
    const graph = graphFromCytoscape(cy, CHART_COLOURS);
    expect([...graph.x]).toEqual([1, 3]);
    expect([...graph.y]).toEqual([2, 4]);
    expect([...graph.radius]).toEqual([26, 16]);
    expect([...graph.color]).toEqual([rgba('#2e86c1'), ((rgba('#ff8800') & 0xffffff00) | Math.round(0.3 * 255)) >>> 0]);
    expect(graph.labels).toEqual(['A', 'B']);
    expect([...graph.edges]).toEqual([0, 1]);
    expect(graph.edgeColor).toBe(linkColour(CHART_COLOURS, 0.5));
    cy.destroy();
  });
});

describe('readElements: what the layer draws at rest, and what Cytoscape draws over it', () => {
  const chart = () =>
    cytoscape({
      headless: true,
      styleEnabled: true,
      layout: { name: 'preset' },
      style: [
        { selector: 'node', style: { width: 30, height: 30, 'border-width': 0, 'background-color': '#2e86c1' } },
        { selector: 'node.faded', style: { opacity: 0.3 } },
        { selector: 'edge', style: { width: 2, 'line-color': '#8899aa' } },
        { selector: 'edge.tone-hostile', style: { 'line-color': '#c0392b' } },
        { selector: 'edge.faded', style: { opacity: 0.5 } },
      ],
      elements: [
        { group: 'nodes', data: { id: 'plain' }, position: { x: 0, y: 0 } },
        { group: 'nodes', data: { id: 'faded' }, position: { x: 10, y: 0 }, classes: 'faded unsourced' },
        { group: 'nodes', data: { id: 'near' }, position: { x: 20, y: 0 }, classes: 'near' },
        { group: 'nodes', data: { id: 'noted', notes: 2 }, position: { x: 30, y: 0 } },
        { group: 'nodes', data: { id: 'chosen' }, position: { x: 40, y: 0 } },
        { group: 'edges', data: { id: 'hostile', source: 'plain', target: 'faded' }, classes: 'tone-hostile directed' },
        { group: 'edges', data: { id: 'dim', source: 'plain', target: 'near' }, classes: 'tone-neutral faded' },
        { group: 'edges', data: { id: 'incident', source: 'near', target: 'chosen' }, classes: 'tone-neutral incident' },
      ],
    });

  it('leaves plain, faded and toned elements to the layer; the selection, classes it does not draw and note badges to Cytoscape', () => {
    const cy = chart();
    cy.getElementById('chosen').select();
    const detail = cy.elements().filter((ele) => hasDetail(ele)).map((ele) => ele.id()).sort();
    expect(detail).toEqual(['chosen', 'incident', 'near', 'noted']);
    cy.destroy();
  });

  it('draws at rest every element without detail in its colours, and the ones with detail transparent (Cytoscape draws them once, on top)', () => {
    const cy = chart();
    cy.getElementById('chosen').select();
    cy.zoom(0.25);
    const read = readElements(cy.elements().toArray(), CHART_COLOURS, cy.zoom());
    expect(read.detailed.map((ele) => ele.id()).sort()).toEqual(['chosen', 'incident', 'near', 'noted']);
    const blue = rgba('#2e86c1');
    expect([...read.graph.color]).toEqual([blue, withAlpha(blue, 0.3), blue, blue, blue]);
    expect([...read.restColor]).toEqual([blue, withAlpha(blue, 0.3), 0, 0, 0]);
    // Each link in its own colour, as opaque as a 2 px line at zoom 0.25 covers one pixel (0.5), times its opacity.
    expect([...read.graph.edges]).toEqual([0, 1, 0, 2, 2, 4]);
    expect([...read.graph.edgeColors!]).toEqual([withAlpha(rgba('#c0392b'), 0.5), withAlpha(rgba('#8899aa'), 0.25), withAlpha(rgba('#8899aa'), 0.5)]);
    expect([...read.restEdgeColors]).toEqual([withAlpha(rgba('#c0392b'), 0.5), withAlpha(rgba('#8899aa'), 0.25), 0]);
    cy.destroy();
  });

  it('fades, while the selection is emphasised, what has no detail and no faded class of its own: once, in the layer', () => {
    const cy = chart();
    cy.getElementById('chosen').select();
    cy.zoom(0.25);
    const read = readElements(cy.elements().toArray(), CHART_COLOURS, cy.zoom(), true);
    const blue = rgba('#2e86c1');
    // 'faded' keeps its class's 0.3; 'plain' takes the layer's 0.3; the detailed stay as they are.
    expect([...read.graph.color]).toEqual([withAlpha(blue, FADED_OPACITY.node), withAlpha(blue, 0.3), blue, blue, blue]);
    expect([...read.graph.edgeColors!]).toEqual([
      withAlpha(rgba('#c0392b'), 0.5 * FADED_OPACITY.edge),
      withAlpha(rgba('#8899aa'), 0.25),
      withAlpha(rgba('#8899aa'), 0.5),
    ]);
    cy.destroy();
  });
});
