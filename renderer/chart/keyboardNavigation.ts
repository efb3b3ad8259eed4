import type { Core, NodeSingular } from 'cytoscape';
import type { UiStore } from '../store';

export type Direction = 'left' | 'right' | 'up' | 'down';

const DIRECTIONS: Readonly<Record<string, Direction>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
const UNIT: Readonly<Record<Direction, { x: number; y: number }>> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

export interface Placed {
  id: string;
  x: number;
  y: number;
}

/**
 * The next entity from `from` in a direction: among those within 45° either side of it, the one
 * nearest, with distance off the axis counting double (so "right" means right, not down-right).
 * Linked entities are tried first; if none of them lies that way, any entity that does.
 */
export function nextInDirection(from: Placed, neighbours: readonly Placed[], others: readonly Placed[], direction: Direction): string | null {
  const unit = UNIT[direction];
  const best = (candidates: readonly Placed[]) => {
    let chosen: Placed | null = null;
    let chosenCost = Infinity;
    for (const candidate of candidates) {
      if (candidate.id === from.id) continue;
      const dx = candidate.x - from.x;
      const dy = candidate.y - from.y;
      const along = dx * unit.x + dy * unit.y;
      const across = Math.abs(dx * unit.y - dy * unit.x);
      if (along <= 0 || across > along) continue;
      const cost = along + 2 * across;
      if (cost < chosenCost) {
        chosen = candidate;
        chosenCost = cost;
      }
    }
    return chosen?.id ?? null;
  };
  return best(neighbours) ?? best(others);
}

const placed = (node: NodeSingular): Placed => ({ id: node.id(), ...node.position() });

/**
 * Keyboard navigation on the chart (it has the focus): the arrow keys move the selection to the
 * next entity that way, its linked entities first; with Shift they add it to the selection, so
 * linking, merging and paths need no mouse. With nothing selected, an arrow selects the entity
 * nearest the centre of the view. The chosen entity is brought into view.
 */
export function bindKeyboardNavigation(cy: Core, container: HTMLElement, store: UiStore): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== container || event.ctrlKey || event.metaKey || event.altKey) return;
    const direction = DIRECTIONS[event.key];
    if (!direction) return;
    const visible = cy.nodes(':visible');
    if (visible.empty()) return;
    event.preventDefault();
    const selection = store.getState().selection;
    const lastEntity = [...selection].reverse().find((element) => element.kind === 'entity');
    const current = lastEntity ? cy.getElementById(lastEntity.id) : null;
    let targetId: string | null;
    if (!current || current.empty() || !current.isNode()) {
      const extent = cy.extent();
      const centre = { id: '', x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
      let nearest: string | null = null;
      let distance = Infinity;
      visible.forEach((node) => {
        const p = node.position();
        const d = Math.hypot(p.x - centre.x, p.y - centre.y);
        if (d < distance) {
          distance = d;
          nearest = node.id();
        }
      });
      targetId = nearest;
    } else {
      const neighbours = current.neighborhood('node:visible').map(placed);
      targetId = nextInDirection(placed(current), neighbours, visible.map(placed), direction);
    }
    if (targetId === null) return;
    const id = targetId;
    const already = selection.some((element) => element.id === id);
    store.setState({
      selection: event.shiftKey
        ? already
          ? [...selection.filter((element) => element.id !== id), { kind: 'entity', id }]
          : [...selection, { kind: 'entity', id }]
        : [{ kind: 'entity', id }],
    });
    const node = cy.getElementById(id);
    const box = node.renderedBoundingBox();
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > cy.width() || box.y2 > cy.height()) cy.center(node);
  };
  container.addEventListener('keydown', onKeyDown);
  return () => container.removeEventListener('keydown', onKeyDown);
}
