import type { Core, NodeSingular } from 'cytoscape';
import type { NodePosition } from '../../app/domain';

export function nodePosition(node: NodeSingular): NodePosition {
  const { x, y } = node.position();
  return { entityId: node.id(), x, y };
}

/** Every node's position, to save after a layout. */
export function allPositions(cy: Core): NodePosition[] {
  return cy.nodes().map(nodePosition);
}

/**
 * Saves positions when a drag ends: Cytoscape emits `dragfree` once per dragged node, so the
 * nodes of one gesture are gathered and saved in one call (one transaction in main).
 */
export function bindPositionCommit(cy: Core, save: (positions: NodePosition[]) => void): () => void {
  const pending = new Map<string, NodeSingular>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const positions = [...pending.values()].filter((node) => !node.removed()).map(nodePosition);
    pending.clear();
    if (positions.length > 0) save(positions);
  };
  const onDragFree = (event: { target: NodeSingular }) => {
    pending.set(event.target.id(), event.target);
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(flush);
  };
  cy.on('dragfree', 'node', onDragFree);
  return () => cy.off('dragfree', 'node', onDragFree);
}
