import { z } from 'zod';
import { sceneSchema } from './sceneSchema';
import { DPI_MAX, MAX_SIDE, RASTER_FORMATS, UNITS_PER_INCH, SCALE_MAX, SCALE_MIN, VECTOR_FORMATS } from './sizing';
import type { TilePlan } from './tiling';

/** The inputs of the `image.*` channels (chart image export) (app/contract.ts lists them). */

const id = z.string().min(1).max(200);
const suggestedName = z.string().max(500);
const side = z.number().int().min(1).max(MAX_SIDE);

/**
 * The scene travels as JSON text: one string crosses IPC (and the e2e binding) far faster than an
 * object graph of a hundred thousand items, and it is parsed and validated once, here, in main.
 */
const sceneJson = z
  .string()
  .max(1024 * 1024 * 1024)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The scene is not JSON.' });
      return z.NEVER;
    }
  })
  .pipe(sceneSchema);

export const chartImageInputs = {
  sources: z.object({ entityIds: z.array(id).max(2_000_000), linkIds: z.array(id).max(2_000_000) }).strict(),
  saveVector: z.object({ format: z.enum(VECTOR_FORMATS), scene: sceneJson, suggestedName }).strict(),
  begin: z
    .object({
      format: z.enum(RASTER_FORMATS),
      width: side,
      height: side,
      // Paper at 96–600 DPI, or a scale from ¼× to 10× of 96.
      dpi: z.number().finite().min(SCALE_MIN * UNITS_PER_INCH).max(Math.max(DPI_MAX, SCALE_MAX * UNITS_PER_INCH)),
      alpha: z.boolean(),
      suggestedName,
    })
    .strict(),
  tile: z
    .object({
      jobId: id,
      column: z.number().int().min(0).max(100_000),
      row: z.number().int().min(0).max(100_000),
      // The tile's RGBA pixels, row by row, zlib-deflated (at most 4096 × 4096 pixels once inflated).
      pixels: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= 128 * 1024 * 1024, 'A tile is too large.'),
    })
    .strict(),
  job: z.object({ jobId: id }).strict(),
} as const;

/** What an export wrote: the file's name (never its folder) and size. */
export interface SavedImage {
  fileName: string;
  bytes: number;
}

/** A raster export main has opened a file for: send its tiles in this plan's order. */
export interface RasterExportStarted {
  jobId: string;
  fileName: string;
  plan: TilePlan;
}
