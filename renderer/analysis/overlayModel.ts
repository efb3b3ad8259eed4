/**
 * What the analysis draws on the chart, as plain numbers and colours (the chart overlay applies
 * them; the legend shows the same ones).
 */

/** Node sizes for a measure, smallest to largest value (px, as the stylesheet's node size). */
export const MEASURE_SIZE = { min: 22, max: 84 } as const;

/** Community colours (Tableau 10 and two more): distinct on the light chart, none the selection blue. */
export const COMMUNITY_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#86bcb6',
  '#d37295',
] as const;
/** Communities past the palette share this grey. */
export const COMMUNITY_OTHER = '#8f98a1';

export function communityColour(index: number): string {
  return COMMUNITY_COLOURS[index] ?? COMMUNITY_OTHER;
}

export interface ValueRange {
  min: number;
  max: number;
}

export function valueRange(values: Iterable<number>): ValueRange | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min === Infinity ? null : { min, max };
}

/**
 * A node's size for its value: area grows with the value (size with its square root), so a node
 * with four times the betweenness looks four times as big, not sixteen.
 */
export function measureSize(value: number, range: ValueRange): number {
  if (!(range.max > range.min)) return (MEASURE_SIZE.min + MEASURE_SIZE.max) / 2;
  const t = Math.min(1, Math.max(0, (value - range.min) / (range.max - range.min)));
  return MEASURE_SIZE.min + (MEASURE_SIZE.max - MEASURE_SIZE.min) * Math.sqrt(t);
}

/** A value as the table and legend print it: up to 4 significant digits, integers as they are. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-GB');
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1000) return value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
  if (abs < 1e-4) return value.toExponential(3);
  return value.toPrecision(4).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

export const GROUP_ID_PREFIX = 'aw-group-';

export function groupNodeId(community: number): string {
  return `${GROUP_ID_PREFIX}${community}`;
}

/** Id of a temporary element the analysis adds to the chart (a group node or its edges): never saved. */
export function isOverlayElementId(id: string): boolean {
  return id.startsWith('aw-group');
}

export interface GroupEdge {
  id: string;
  source: string;
  target: string;
  /** Links drawn as this one edge. */
  links: number;
}

/**
 * The edges of collapsed communities: each link with an end inside a collapsed community is
 * redrawn between that community's group node and the other end (or the other group), once per pair.
 */
export function groupEdges(
  links: readonly { source: string; target: string }[],
  groupOf: ReadonlyMap<string, string>,
): GroupEdge[] {
  const byPair = new Map<string, GroupEdge>();
  for (const link of links) {
    const s = groupOf.get(link.source) ?? link.source;
    const t = groupOf.get(link.target) ?? link.target;
    if (s === t) continue;
    if (s === link.source && t === link.target) continue;
    const [a, b] = s < t ? [s, t] : [t, s];
    const key = `${a}\u0000${b}`;
    const existing = byPair.get(key);
    if (existing) existing.links += 1;
    else byPair.set(key, { id: `aw-group-edge:${a}:${b}`, source: a, target: b, links: 1 });
  }
  return [...byPair.values()];
}
