import type { Core, EdgeCollection, LayoutOptions, NodeCollection } from 'cytoscape';
import type { NodePosition } from '../../app/domain';
import type { LayoutName } from '../../app/views';
import { FIT_PADDING, RELAYOUT_ANIMATION_MS } from '../chart/layout';
import type { Point } from '../chart/overlap';
import { ANALYSIS_CLASS } from './analysisStylesheet';
import type { LayoutAnswer, LayoutRequest } from './layoutTasks';
import { isOverlayElementId } from './overlayModel';

export interface LayoutInputs {
  name: LayoutName;
  pinned: ReadonlySet<string>;
  /** The current measure's value per entity id, for the concentric layout. */
  values: Readonly<Record<string, number>> | null;
  typeOf: (entityId: string) => string;
  seed: number;
}

/**
 * What a layout is run on: the nodes drawn now (filtered-out and collapsed nodes keep their
 * places), with the box each covers (disc and label) measured on the live chart.
 */
export function layoutRequest(cy: Core, inputs: LayoutInputs): LayoutRequest {
  // In id order, nodes and edges: fCoSE's result depends on the order it is given them, and the
  // order they were drawn in is not fixed (links created in the same millisecond load in either
  // order), so this keeps a seeded layout the same from one run to the next.
  const nodes = cy.nodes(':visible').sort(byId) as NodeCollection;
  const ids = new Set(nodes.map((n) => n.id()));
  return {
    name: inputs.name,
    aspect: cy.width() / Math.max(1, cy.height()),
    seed: inputs.seed,
    nodes: nodes.map((node) => {
      const { x, y } = node.position();
      const bb = node.boundingBox({ includeLabels: true, includeOverlays: false });
      const id = node.id();
      return {
        id,
        x,
        y,
        left: bb.x1 - x,
        right: bb.x2 - x,
        top: bb.y1 - y,
        bottom: bb.y2 - y,
        pinned: inputs.pinned.has(id),
        type: node.hasClass(ANALYSIS_CLASS.group) ? '\u0000group' : inputs.typeOf(id),
        label: String(node.data('label') ?? ''),
        value: inputs.values ? (inputs.values[id] ?? null) : null,
      };
    }),
    edges: (cy.edges(':visible').sort(byId) as EdgeCollection)
      .map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() }))
      .filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/** Orders elements by id (ids are unique, so the order is total). */
export function byId(a: { id: () => string }, b: { id: () => string }): number {
  const x = a.id();
  const y = b.id();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Moves the drawn nodes to the computed positions in one animation (pinned nodes locked so nothing
 * moves them), carries the hidden members of a collapsed community with their group node, and
 * returns the positions to save, once, after the animation has stopped.
 */
export function applyLayout(
  cy: Core,
  answer: LayoutAnswer,
  pinned: ReadonlySet<string>,
  /** Group node id → the entity ids it stands for (collapsed communities). */
  groups: ReadonlyMap<string, readonly string[]>,
): Promise<NodePosition[]> {
  return new Promise((resolve) => {
    const moving = cy.nodes(':visible');
    const groupsBefore = new Map(cy.nodes(`.${ANALYSIS_CLASS.group}`).map((g) => [g.id(), { ...g.position() }] as const));
    const locked = moving.filter((n) => pinned.has(n.id()) && !n.locked());
    locked.lock();
    const finish = () => {
      locked.unlock();
      const moved: NodeCollection[] = [moving];
      // Members of a collapsed community move with its group node, keeping their arrangement.
      cy.batch(() => {
        for (const [groupId, before] of groupsBefore) {
          const group = cy.getElementById(groupId);
          if (group.empty()) continue;
          const after = group.position();
          const dx = after.x - before.x;
          const dy = after.y - before.y;
          const members = cy.collection();
          for (const id of groups.get(groupId) ?? []) members.merge(cy.getElementById(id));
          members.forEach((m) => {
            if (pinned.has(m.id())) return;
            const p = m.position();
            m.position({ x: p.x + dx, y: p.y + dy });
          });
          moved.push(members);
        }
      });
      const saved = new Map<string, NodePosition>();
      for (const collection of moved) {
        collection.forEach((n) => {
          if (isOverlayElementId(n.id())) return;
          const p = n.position();
          saved.set(n.id(), { entityId: n.id(), x: p.x, y: p.y });
        });
      }
      resolve([...saved.values()]);
    };
    if (moving.empty()) {
      finish();
      return;
    }
    const layout = moving.layout({
      name: 'preset',
      positions: (node: { id(): string; position(): Point }) => answer.positions[node.id()] ?? node.position(),
      animate: true,
      animationDuration: RELAYOUT_ANIMATION_MS,
      animationEasing: 'ease-in-out-cubic',
      fit: true,
      padding: FIT_PADDING,
    } as unknown as LayoutOptions);
    layout.one('layoutstop', finish);
    layout.run();
  });
}
