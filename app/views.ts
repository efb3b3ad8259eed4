/**
 * Saved views: a named set of chart filters, a layout and a viewport, kept per chart in the case
 * so an analyst can come back to "the network as of 2016, strong evidence only, hierarchical".
 */
import { z } from 'zod';
import type { Viewport } from './domain';

/** The layouts an analyst can run (renderer/analysis/layouts.ts implements them). */
export const LAYOUT_NAMES = ['fcose', 'hierarchical', 'concentric', 'circle', 'grid', 'byType'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** What the chart hides. Types are listed by what is hidden, so a type added later shows. */
export interface ViewFilters {
  hiddenEntityTypes: string[];
  hiddenLinkTypes: string[];
  /** Only links with a citation at this Admiralty grade or better, e.g. "C2"; null: all. */
  minGrade: string | null;
  /** The network as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD); null: all time. */
  asOf: string | null;
  /**
   * With `asOf`, the start of a period that ends at `asOf` (a range brushed on the timeline): what
   * existed at any time in it is kept. Null: the single day `asOf` (the slider). Ignored without `asOf`.
   */
  from: string | null;
}

export const NO_FILTERS: ViewFilters = { hiddenEntityTypes: [], hiddenLinkTypes: [], minGrade: null, asOf: null, from: null };

export interface SavedView {
  id: string;
  chartId: string;
  name: string;
  filters: ViewFilters;
  /** The layout the view was saved with; null when it names none. */
  layout: LayoutName | null;
  viewport: Viewport | null;
  createdAt: string;
  updatedAt: string;
}

const typeId = z.string().min(1).max(200);
const partialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/);

export const viewFiltersSchema = z
  .object({
    hiddenEntityTypes: z.array(typeId).max(1000),
    hiddenLinkTypes: z.array(typeId).max(1000),
    minGrade: z
      .string()
      .regex(/^[A-F][1-6]$/)
      .nullable(),
    asOf: partialDate.nullable(),
    // Views saved before periods existed have no `from`: they are the single day `asOf`.
    from: partialDate.nullable().default(null),
  })
  .strict();

export const layoutNameSchema = z.enum(LAYOUT_NAMES);
