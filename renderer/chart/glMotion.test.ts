import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { rgba } from './gl/buffers';
import { graphFromCytoscape } from './glMotion';
import { linkColour } from './glPreview';
import { CHART_COLOURS } from './stylesheet';

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
