import type { ChartData } from './contract';
import type { Entity, Link, LinkStrength, NodePosition } from './domain';
import { entityTypeDefinition } from './entityTypes';
import { linkTypeDefinition, type LinkTypeDefinition } from './linkTypes';

/**
 * What the chart draws, as plain data: built here (pure, so main's tests can check the renderer's
 * incremental chart against a full reload) and applied to Cytoscape by renderer/chart.
 */

/** What the chart draws for one entity: plain data, compared by value to decide what changed. */
export interface NodeElement {
  group: 'nodes';
  data: {
    id: string;
    label: string;
    /** The catalogue id the node is styled by ("other" for an unknown type). */
    typeKey: string;
    citations: number;
    /** Links drawn at this node: hubs are drawn a little larger. */
    degree: number;
    /** The analyst's colour, when set (absent: the type's colour). */
    color?: string;
    /** Notes on the entity, when it has any (drawn as a badge). */
    notes?: number;
  };
  classes: string;
}

/** What the chart draws for one link. */
export interface EdgeElement {
  group: 'edges';
  data: {
    id: string;
    source: string;
    target: string;
    label: string;
    tone: LinkTypeDefinition['tone'];
    citations: number;
    /** i2 convention: confirmed solid, unconfirmed dashed, tentative dotted (absent when not known). */
    strength?: LinkStrength;
    notes?: number;
  };
  classes: string;
}

export type ChartElement = NodeElement | EdgeElement;

/** Classes that carry meaning on the chart; the stylesheet styles them (see stylesheet.ts). */
export const CLASS = {
  directed: 'directed',
  unsourced: 'unsourced',
  tone: (tone: LinkTypeDefinition['tone']) => `tone-${tone}`,
} as const;

/** What one entity is drawn as, given its evidence, notes and degree. */
export function nodeElement(entity: Entity, citations: number, notes: number | undefined, degree: number): NodeElement {
  const node: NodeElement = {
    group: 'nodes',
    data: { id: entity.id, label: entity.label, typeKey: entityTypeDefinition(entity.type).id, citations, degree },
    classes: citations === 0 ? CLASS.unsourced : '',
  };
  if (entity.color !== null) node.data.color = entity.color;
  if (notes !== undefined && notes > 0) node.data.notes = notes;
  return node;
}

/** What one link is drawn as, given its evidence, drawn strength and notes. */
export function edgeElement(link: Link, citations: number, strength: LinkStrength | undefined, notes: number | undefined): EdgeElement {
  const definition = linkTypeDefinition(link.type);
  const classes = [CLASS.tone(definition.tone)];
  if (link.directed) classes.push(CLASS.directed);
  if (citations === 0) classes.push(CLASS.unsourced);
  const edge: EdgeElement = {
    group: 'edges',
    data: {
      id: link.id,
      source: link.sourceId,
      target: link.targetId,
      label: link.label ?? definition.label,
      tone: definition.tone,
      citations,
    },
    classes: classes.join(' '),
  };
  if (strength !== undefined) edge.data.strength = strength;
  if (notes !== undefined && notes > 0) edge.data.notes = notes;
  return edge;
}

/** True for a class chartElements() gives (the others are UI and analysis emphasis, set by controllers). */
export function isDataClass(name: string): boolean {
  return name === CLASS.directed || name === CLASS.unsourced || name.startsWith('tone-');
}

/** The chart elements for a case: one node per entity, one edge per link whose two ends are drawn. */
export function chartElements(
  data: Pick<ChartData, 'entities' | 'links' | 'evidence'> & Partial<Pick<ChartData, 'linkStrengths' | 'noteCounts'>>,
): ChartElement[] {
  const drawn = new Set(data.entities.map((e) => e.id));
  const degree = new Map<string, number>();
  const edges: EdgeElement[] = [];
  for (const link of data.links) {
    if (!drawn.has(link.sourceId) || !drawn.has(link.targetId)) continue;
    degree.set(link.sourceId, (degree.get(link.sourceId) ?? 0) + 1);
    if (link.targetId !== link.sourceId) degree.set(link.targetId, (degree.get(link.targetId) ?? 0) + 1);
    edges.push(edgeElement(link, data.evidence[link.id]?.citations ?? 0, data.linkStrengths?.[link.id], data.noteCounts?.[link.id]));
  }
  const nodes = data.entities.map((entity) =>
    nodeElement(entity, data.evidence[entity.id]?.citations ?? 0, data.noteCounts?.[entity.id], degree.get(entity.id) ?? 0),
  );
  return [...nodes, ...edges];
}

/** What the chart currently holds for one element, as the diff needs it. */
export interface ElementSnapshot {
  group: 'nodes' | 'edges';
  data: Record<string, unknown>;
  classes: string;
}

export interface ElementDiff {
  /** Ids to remove (edges whose ends changed are removed and added again). */
  remove: string[];
  add: ChartElement[];
  /** Elements that stay but whose data or classes changed. */
  update: ChartElement[];
}

/**
 * Compares what the chart holds with what it should hold, by id. Elements that did not change are
 * left alone, so their positions and selection survive a reload.
 */
export function diffElements(current: ReadonlyMap<string, ElementSnapshot>, desired: readonly ChartElement[]): ElementDiff {
  const diff: ElementDiff = { remove: [], add: [], update: [] };
  const wanted = new Set<string>();
  for (const element of desired) {
    wanted.add(element.data.id);
    const existing = current.get(element.data.id);
    const change = existing ? elementChange(existing, element) : 'add';
    if (change === 'add') {
      diff.add.push(element);
    } else if (change === 'replace') {
      diff.remove.push(element.data.id);
      diff.add.push(element);
    } else if (change === 'update') {
      diff.update.push(element);
    }
  }
  for (const id of current.keys()) {
    if (!wanted.has(id)) diff.remove.push(id);
  }
  return diff;
}

/**
 * What an element drawn as `existing` needs to look like `element`: nothing, new data or classes
 * (update), or to be drawn anew (another group, or an edge whose ends changed).
 */
export function elementChange(existing: ElementSnapshot, element: ChartElement): 'same' | 'update' | 'replace' {
  if (existing.group !== element.group || endsChanged(existing, element)) return 'replace';
  if (!sameData(existing.data, element.data) || normaliseClasses(existing.classes) !== normaliseClasses(element.classes)) return 'update';
  return 'same';
}

function endsChanged(existing: ElementSnapshot, element: ChartElement): boolean {
  return element.group === 'edges' && (existing.data.source !== element.data.source || existing.data.target !== element.data.target);
}

/** Data keys an element has only sometimes: a change from present to absent is a change too. */
export const OPTIONAL_DATA_KEYS = ['color', 'notes', 'strength'] as const;

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = [...Object.keys(b), ...OPTIONAL_DATA_KEYS];
  return keys.every((key) => Object.is(a[key], b[key]));
}

function normaliseClasses(classes: string): string {
  return classes.split(/\s+/).filter(Boolean).sort().join(' ');
}

/** True when every entity of the chart has a stored position (the chart opens as it was left). */
export function hasAllPositions(entityIds: readonly string[], positions: readonly NodePosition[]): boolean {
  const placed = new Set(positions.map((p) => p.entityId));
  return entityIds.every((id) => placed.has(id));
}
