import { ENTITY_TYPES } from '../../entityTypes';
import type { ExportChart, ExportEdge, ExportNode } from '../chartScene';
import type { ImageExportOptions } from '../pageLayout';

/**
 * A chart for tests and benchmarks: `count` nodes on a square grid `spacing` apart, of every
 * entity type in turn, each linked to its right and lower neighbours (every third link hostile,
 * every fifth unsourced).
 */
export function gridChart(count: number, spacing = 90, labels: (index: number) => string = (i) => `Node ${i}`): ExportChart {
  const side = Math.ceil(Math.sqrt(count));
  const nodes: ExportNode[] = [];
  for (let i = 0; i < count; i++) {
    const type = ENTITY_TYPES[i % ENTITY_TYPES.length]!;
    nodes.push({
      id: `n${i}`,
      label: labels(i),
      typeId: type.id,
      x: (i % side) * spacing,
      y: Math.floor(i / side) * spacing,
      width: 34,
      height: 34,
      fill: type.color,
      unsourced: i % 7 === 6,
    });
  }
  const edges: ExportEdge[] = [];
  const attach = (a: ExportNode, b: ExportNode, index: number) => {
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const d = Math.hypot(dx, dy);
    const r = 17;
    const hostile = index % 3 === 0;
    edges.push({
      id: `e${index}`,
      label: hostile ? 'fights' : 'member of',
      tone: hostile ? 'hostile' : 'affiliation',
      directed: index % 2 === 0,
      unsourced: index % 5 === 4,
      colour: hostile ? '#c0392b' : '#67727e',
      width: hostile ? 1.8 : 1.4,
      source: { x: a.x + (dx / d) * r, y: a.y + (dy / d) * r },
      target: { x: b.x - (dx / d) * r, y: b.y - (dy / d) * r },
      controls: [],
    });
  };
  for (let i = 0; i < count; i++) {
    const a = nodes[i]!;
    if ((i + 1) % side !== 0 && i + 1 < count) attach(a, nodes[i + 1]!, edges.length);
    if (i + side < count) attach(a, nodes[i + side]!, edges.length);
  }
  return { nodes, edges, annotations: [] };
}

/** Export options with everything shown, for tests. */
export function fullOptions(overrides: Partial<ImageExportOptions> = {}): ImageExportOptions {
  return {
    format: 'png',
    scope: 'chart',
    size: { mode: 'scale', scale: 1 },
    background: 'white',
    title: 'JNIM and its founding factions',
    subtitle: 'Open-source reporting',
    date: '2025-06-01',
    author: 'Analyst One',
    marking: { kind: 'tlp', label: 'AMBER' },
    legend: true,
    footnote: true,
    annotations: true,
    linkLabels: true,
    ...overrides,
  };
}
