import type { Core, LayoutOptions } from 'cytoscape';
import type { WorkbenchApi } from '../../app/bridge';
import type { NodePosition } from '../../app/domain';
import { separateBoxes, stretchToAspect, type NodeBox, type Point } from './overlap';

/** The fCoSE options we use (the extension ships no types). */
export interface FcoseLayoutOptions {
  name: 'fcose';
  quality: 'draft' | 'default' | 'proof';
  randomize: boolean;
  animate: boolean | 'end';
  fit: boolean;
  padding: number;
  nodeDimensionsIncludeLabels: boolean;
  uniformNodeDimensions: boolean;
  packComponents: boolean;
  nodeSeparation: number;
  nodeRepulsion: number;
  idealEdgeLength: number;
  edgeElasticity: number;
  gravity: number;
  gravityRange: number;
  numIter: number;
  tile: boolean;
  tilingPaddingVertical: number;
  tilingPaddingHorizontal: number;
}

export const FIT_PADDING = 36;
export const RELAYOUT_ANIMATION_MS = 450;

/**
 * A force-directed layout tuned for link charts of tens to a few hundred nodes with labels:
 * edges long enough to carry their labels, strong repulsion so labels do not pile up.
 */
export function fcoseOptions(nodeCount: number): FcoseLayoutOptions {
  // Larger charts get a little more room per edge so the dense core stays readable.
  const crowding = Math.min(1.6, 1 + Math.max(0, nodeCount - 40) / 200);
  return {
    name: 'fcose',
    quality: 'proof',
    randomize: true,
    animate: false,
    fit: false,
    padding: FIT_PADDING,
    nodeDimensionsIncludeLabels: true,
    uniformNodeDimensions: false,
    packComponents: false,
    nodeSeparation: 110,
    nodeRepulsion: 16000 * crowding,
    idealEdgeLength: 95 * crowding,
    edgeElasticity: 0.35,
    gravity: 0.3,
    gravityRange: 3.8,
    numIter: 2500,
    tile: true,
    tilingPaddingVertical: 24,
    tilingPaddingHorizontal: 24,
  };
}

/** Each node's box (disc and label) around its current position. */
export function nodeBoxes(cy: Core): NodeBox[] {
  return cy.nodes().map((node) => {
    const { x, y } = node.position();
    const bb = node.boundingBox({ includeLabels: true, includeOverlays: false });
    return { id: node.id(), x, y, left: bb.x1 - x, right: bb.x2 - x, top: bb.y1 - y, bottom: bb.y2 - y };
  });
}

/**
 * Computes a fresh layout: fCoSE (synchronous when not animated), reshaped towards the window's
 * proportions, then a pass that moves apart nodes whose labels still overlap. Leaves the nodes at the fCoSE positions; returns the final ones.
 */
export function computeLayout(cy: Core): Map<string, Point> {
  if (cy.nodes().empty()) return new Map();
  cy.layout(fcoseOptions(cy.nodes().length)).run();
  const aspect = cy.width() / Math.max(1, cy.height());
  return separateBoxes(stretchToAspect(nodeBoxes(cy), aspect), 6);
}

/** Puts nodes at the given positions at once and fits the chart to them (by `fit`: the chart controller's fit for its size). */
export function placeNodes(cy: Core, positions: ReadonlyMap<string, Point>, fit: () => void = () => cy.fit(undefined, FIT_PADDING)): void {
  cy.batch(() => {
    cy.nodes().positions((node) => positions.get(node.id()) ?? node.position());
  });
  fit();
}

/** Nodes moved a task by placeNodesInSteps: about 15 ms of Cytoscape's position bookkeeping. */
export const PLACE_STEP_NODES = 2500;

/**
 * placeNodes for a large chart, without one long task: the nodes are moved PLACE_STEP_NODES a
 * task inside one Cytoscape batch (nothing is drawn, styled or measured until it ends), then
 * fitted. `alive` is asked between steps; once false the rest is not moved (the batch still ends).
 * Resolves to whether every node was placed.
 */
export async function placeNodesInSteps(
  cy: Core,
  positions: ReadonlyMap<string, Point>,
  fit: () => void,
  alive: () => boolean,
  yieldTask: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): Promise<boolean> {
  const nodes = cy.nodes();
  cy.startBatch();
  let placed = true;
  try {
    for (let start = 0; start < nodes.length; start += PLACE_STEP_NODES) {
      if (start > 0) await yieldTask();
      if (!alive() || cy.destroyed()) {
        placed = false;
        break;
      }
      nodes.slice(start, start + PLACE_STEP_NODES).positions((node) => positions.get(node.id()) ?? node.position());
    }
  } finally {
    if (!cy.destroyed()) cy.endBatch();
  }
  if (placed) fit();
  return placed;
}

/** Moves nodes to the given positions in an animation (and fits); resolves when it has stopped. */
export function animateNodesTo(cy: Core, positions: ReadonlyMap<string, Point>): Promise<void> {
  return new Promise((resolve) => {
    const layout = cy.layout({
      name: 'preset',
      positions: (node: { id(): string }) => positions.get(node.id()) ?? { x: 0, y: 0 },
      animate: true,
      animationDuration: RELAYOUT_ANIMATION_MS,
      animationEasing: 'ease-in-out-cubic',
      fit: true,
      padding: FIT_PADDING,
    } as unknown as LayoutOptions);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}

/**
 * Saves where a layout the analyst ran (Lay out again, or a layout of the Analysis panel) put the
 * nodes: one undoable step named "Lay out the chart" (chart.moveNodes). The first placement of a
 * case's unplaced nodes is not an edit and stays chart.savePositions. Resolves to the error's
 * sentence when the positions were not saved, else null.
 */
export async function saveLayoutStep(api: Pick<WorkbenchApi, 'chart.moveNodes'>, chartId: string, positions: readonly NodePosition[]): Promise<string | null> {
  if (positions.length === 0) return null;
  const result = await api['chart.moveNodes']({ chartId, positions: [...positions], reason: 'layout' });
  return result.ok ? null : result.error.message;
}

/** How far from its neighbours (or from the view's centre) a node placed by placeBesideNeighbours lands. */
const BESIDE_OFFSET = 70;

/**
 * Places a few nodes that came without positions (an entity created elsewhere, a small import)
 * without moving any other: beside the centre of their placed neighbours, or at the centre of the
 * view, each a little apart from the last.
 */
export function placeBesideNeighbours(cy: Core, ids: readonly string[]): void {
  const waiting = new Set(ids);
  const pan = cy.pan();
  const zoom = cy.zoom();
  const centre = { x: (cy.width() / 2 - pan.x) / zoom, y: (cy.height() / 2 - pan.y) / zoom };
  cy.batch(() => {
    ids.forEach((id, i) => {
      const node = cy.getElementById(id);
      if (node.empty()) return;
      const placed = node.neighborhood('node').filter((n) => !waiting.has(n.id()));
      let at = centre;
      if (placed.nonempty()) {
        let x = 0;
        let y = 0;
        placed.forEach((n) => {
          x += n.position().x;
          y += n.position().y;
        });
        at = { x: x / placed.length, y: y / placed.length };
      }
      const angle = (i * 2 * Math.PI) / Math.max(1, ids.length) + Math.PI / 4;
      node.position({ x: at.x + BESIDE_OFFSET * Math.cos(angle), y: at.y + BESIDE_OFFSET * Math.sin(angle) });
      waiting.delete(id);
    });
  });
}
