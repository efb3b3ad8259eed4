/**
 * The layouts, computed on a headless Cytoscape in the layout worker (layoutWorker.ts) so a
 * layout never holds up the window. The page sends each node's box (disc and label, measured on
 * the live chart) and gets positions back; it animates to them and saves them once.
 *
 * Pinned nodes stay where they are: fCoSE gets them as fixed-node constraints and lays the rest
 * out around them; the other layouts place every node, then the pinned ones are put back.
 */
import cytoscape, { type Core, type LayoutOptions } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from '../../app/views';
import { fcoseOptions } from '../chart/layout';
import { separateBoxes, stretchToAspect, type NodeBox, type Point } from '../chart/overlap';

cytoscape.use(fcose);
cytoscape.use(dagre);

export interface LayoutNode extends NodeBox {
  pinned: boolean;
  /** Entity type, for "grouped by type". */
  type: string;
  label: string;
  /** The current measure's value, for "concentric by measure" (null: none; degree is used). */
  value: number | null;
}

export interface LayoutRequest {
  name: LayoutName;
  nodes: LayoutNode[];
  edges: { id: string; source: string; target: string }[];
  /** Width / height of the chart window: layouts are shaped to it. */
  aspect: number;
  /** Seeds fCoSE's random start, so a layout can be repeated. */
  seed: number;
}

export interface LayoutAnswer {
  positions: Record<string, Point>;
}

function headless(request: LayoutRequest): Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle' } }],
    elements: [
      ...request.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, w: Math.max(1, n.right - n.left), h: Math.max(1, n.bottom - n.top), value: n.value ?? 0, type: n.type, label: n.label },
        position: { x: n.x, y: n.y },
      })),
      ...request.edges.map((e) => ({ group: 'edges' as const, data: { id: `e:${e.id}`, source: e.source, target: e.target } })),
    ],
  });
}

function read(cy: Core): Map<string, Point> {
  return new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }] as const));
}

/** A deterministic Math.random for the length of one layout (fCoSE's random start). */
function withSeed<T>(seed: number, run: () => T): T {
  const original = Math.random;
  let s = seed >>> 0 || 1;
  Math.random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

function centre(points: Iterable<Point>): Point {
  let x = 0;
  let y = 0;
  let n = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
    n += 1;
  }
  return n === 0 ? { x: 0, y: 0 } : { x: x / n, y: y / n };
}

/** Puts the new layout where the old one was (same centre), then the pinned nodes back. */
function settle(request: LayoutRequest, positions: Map<string, Point>): Record<string, Point> {
  const before = centre(request.nodes.map((n) => ({ x: n.x, y: n.y })));
  const after = centre(positions.values());
  const out: Record<string, Point> = {};
  for (const n of request.nodes) {
    const p = positions.get(n.id) ?? { x: n.x, y: n.y };
    out[n.id] = n.pinned ? { x: n.x, y: n.y } : { x: p.x - after.x + before.x, y: p.y - after.y + before.y };
  }
  return out;
}

function boxesAt(request: LayoutRequest, positions: ReadonlyMap<string, Point>): NodeBox[] {
  return request.nodes.map((n) => ({ ...n, ...(positions.get(n.id) ?? { x: n.x, y: n.y }) }));
}

function runFcose(request: LayoutRequest): Record<string, Point> {
  const cy = headless(request);
  const pinned = request.nodes.filter((n) => n.pinned);
  const options = {
    ...fcoseOptions(request.nodes.length),
    nodeDimensionsIncludeLabels: false,
    ...(pinned.length > 0 ? { fixedNodeConstraint: pinned.map((n) => ({ nodeId: n.id, position: { x: n.x, y: n.y } })) } : {}),
  };
  withSeed(request.seed, () => cy.layout(options as unknown as LayoutOptions).run());
  let positions = read(cy);
  cy.destroy();
  if (pinned.length === 0) {
    positions = separateBoxes(stretchToAspect(boxesAt(request, positions), request.aspect), 6);
    return settle(request, positions);
  }
  // Pinned nodes fix the frame: no recentring or stretching, only moving the free nodes' labels apart.
  const separated = separateBoxes(boxesAt(request, positions), 6);
  const out: Record<string, Point> = {};
  for (const n of request.nodes) out[n.id] = n.pinned ? { x: n.x, y: n.y } : (separated.get(n.id) ?? { x: n.x, y: n.y });
  return out;
}

function runCytoscapeLayout(request: LayoutRequest, options: Record<string, unknown>): Record<string, Point> {
  const cy = headless(request);
  cy.layout({ animate: false, fit: false, ...options } as unknown as LayoutOptions).run();
  const positions = read(cy);
  cy.destroy();
  return settle(request, positions);
}

/** Each type's nodes in a block (most numerous type first), blocks in rows shaped to the window. */
function groupedByType(request: LayoutRequest): Record<string, Point> {
  const byType = new Map<string, LayoutNode[]>();
  for (const n of request.nodes) {
    const list = byType.get(n.type);
    if (list) list.push(n);
    else byType.set(n.type, [n]);
  }
  const groups = [...byType.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const cellW = Math.max(60, ...request.nodes.map((n) => n.right - n.left)) + 24;
  const cellH = Math.max(50, ...request.nodes.map((n) => n.bottom - n.top)) + 24;
  const blocks = groups.map(([type, nodes]) => {
    const sorted = [...nodes].sort((a, b) => a.label.localeCompare(b.label));
    const cols = Math.max(1, Math.ceil(Math.sqrt(sorted.length * (cellH / cellW) * 1.2)));
    const rows = Math.ceil(sorted.length / cols);
    return { type, nodes: sorted, cols, width: cols * cellW, height: rows * cellH };
  });
  const totalArea = blocks.reduce((a, b) => a + (b.width + cellW) * (b.height + cellH), 0);
  const rowWidth = Math.max(Math.max(...blocks.map((b) => b.width)), Math.sqrt(totalArea * Math.max(0.3, request.aspect)));
  const positions = new Map<string, Point>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const block of blocks) {
    if (x > 0 && x + block.width > rowWidth) {
      x = 0;
      y += rowHeight + cellH;
      rowHeight = 0;
    }
    block.nodes.forEach((n, i) => {
      positions.set(n.id, { x: x + (i % block.cols) * cellW + cellW / 2, y: y + Math.floor(i / block.cols) * cellH + cellH / 2 });
    });
    x += block.width + cellW;
    rowHeight = Math.max(rowHeight, block.height);
  }
  return settle(request, positions);
}

/** Positions for every node of the request. */
export function computeLayoutPositions(request: LayoutRequest): LayoutAnswer {
  if (request.nodes.length === 0) return { positions: {} };
  switch (request.name) {
    case 'fcose':
      return { positions: runFcose(request) };
    case 'hierarchical':
      return { positions: runCytoscapeLayout(request, { name: 'dagre', rankDir: 'LR', nodeSep: 6, rankSep: 140, edgeSep: 6, ranker: 'network-simplex' }) };
    case 'concentric': {
      const hasValues = request.nodes.some((n) => n.value !== null);
      const values = request.nodes.map((n) => n.value ?? 0);
      const max = Math.max(...values);
      const min = Math.min(...values);
      return {
        positions: runCytoscapeLayout(request, {
          name: 'concentric',
          // Ten rings from the highest value inwards; without a measure, by degree.
          concentric: (node: { data(key: string): number; degree(loops: boolean): number }) =>
            hasValues ? node.data('value') : node.degree(false),
          levelWidth: () => (hasValues ? (max - min) / 10 || 1 : 1),
          minNodeSpacing: 12,
          avoidOverlap: true,
          startAngle: (3 / 2) * Math.PI,
        }),
      };
    }
    case 'circle':
      return {
        positions: runCytoscapeLayout(request, {
          name: 'circle',
          avoidOverlap: true,
          spacingFactor: 0.9,
          sort: (a: { data(k: string): string }, b: { data(k: string): string }) =>
            a.data('type').localeCompare(b.data('type')) || a.data('label').localeCompare(b.data('label')),
        }),
      };
    case 'grid':
      return {
        positions: runCytoscapeLayout(request, {
          name: 'grid',
          avoidOverlap: true,
          avoidOverlapPadding: 16,
          condense: true,
          rows: Math.max(1, Math.round(Math.sqrt(request.nodes.length / Math.max(0.3, request.aspect)))),
          sort: (a: { data(k: string): string }, b: { data(k: string): string }) => a.data('label').localeCompare(b.data('label')),
        }),
      };
    case 'byType':
      return { positions: groupedByType(request) };
  }
}

/** Messages between the page and the layout worker. */
export type LayoutWorkerRequest = { type: 'run'; id: number; layout: LayoutRequest } | { type: 'cancel'; id: number };
export type LayoutWorkerReply = { type: 'done'; id: number; answer: LayoutAnswer } | { type: 'failed'; id: number; message: string; cancelled: boolean };
