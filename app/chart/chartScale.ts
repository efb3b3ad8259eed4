import { z } from 'zod';

/**
 * The chart is a view onto the case: what is on it, what adding to it would bring, and the size
 * past which adding asks first. Pure types and numbers shared by main and the renderer.
 */

/**
 * Past this many nodes on the chart, adding asks first (add anyway, add the top N by degree, or
 * only some types, or cancel). Chosen from the project's own e2e harness measurements in issue
 * #14 (Debian Chromium, no GPU): first frame 4.0 s at 1,000 nodes, 11.2 s at 5,000, 32.9 s at
 * 20,000, and an edit redrawn in 1.2 / 4.5 / 15.2 s. 5,000 is where the open and every edit pass
 * a few seconds; beyond it the cost grows linearly with what is drawn. Raise it when the drawing
 * work of issue #14 lands and the renderer bench says so.
 */
export const CHART_WARN_NODES = 5_000;

/** What "add the top N" offers by default: the best-connected N of what would be added. */
export const DEFAULT_TOP_N = 500;

/** How far an expansion reaches: one hop (direct neighbours) up to three. */
export const MAX_EXPAND_HOPS = 3;

/** What expanding (or adding) would bring onto the chart, before anything is added. */
export interface ExpandPreview {
  /** Entities that would be added (not on the chart yet). */
  total: number;
  /** The same, by entity type, most first. */
  byType: { type: string; count: number }[];
  /** Nodes on the chart now. */
  onChart: number;
  /** Whether the chart would pass CHART_WARN_NODES: the app asks before adding. */
  warn: boolean;
  limit: number;
}

/** Links of an entity whose other end is not on the chart, for the inspector. */
export interface OffChartLinks {
  entityId: string;
  /** Links to entities not on the chart. */
  links: number;
  /** Distinct entities at the other end of those links. */
  entities: number;
}

const id = z.string().min(1).max(200);
const finite = z.number().finite();
const point = z.object({ x: finite, y: finite }).strict();

/** Which neighbours: how many hops out, and optionally only some entity types. */
const expansion = {
  chartId: id,
  entityIds: z.array(id).min(1).max(50_000),
  hops: z.number().int().min(1).max(MAX_EXPAND_HOPS),
  types: z.array(z.string().min(1).max(100)).max(500).optional(),
};

export const chartScaleInputs = {
  expandPreview: z.object(expansion).strict(),
  expand: z
    .object({
      ...expansion,
      /** Only the N best-connected (by degree in the case) of the neighbours. */
      top: z.number().int().min(1).max(1_000_000).optional(),
    })
    .strict(),
  addEntities: z
    .object({
      chartId: id,
      entityIds: z.array(id).min(1).max(200_000),
      /** Where to place them (the view's centre); without it, beside what is on the chart. */
      at: point.optional(),
      top: z.number().int().min(1).max(1_000_000).optional(),
    })
    .strict(),
  addPreview: z.object({ chartId: id, entityIds: z.array(id).min(1).max(200_000) }).strict(),
  removeEntities: z.object({ chartId: id, entityIds: z.array(id).min(1).max(200_000) }).strict(),
  offChartLinks: z.object({ chartId: id, entityId: id }).strict(),
} as const;

/** The result of an add or expand: what went on the chart (none: all were there already). */
export interface ChartAddResult {
  added: number;
  entityIds: string[];
}
