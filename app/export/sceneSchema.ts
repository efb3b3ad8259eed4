import { z } from 'zod';
import type { Scene } from './scene';

/**
 * The scene as main accepts it over IPC (image.saveVector): main writes SVG and PDF from it,
 * so everything that reaches the file is checked here once: finite numbers, `#rrggbb` colours,
 * symbol ids and icon path data by pattern, text by length.
 */

const coord = z.number().finite().min(-1e9).max(1e9);
const size = z.number().finite().min(0).max(1e9);
const opacity = z.number().finite().min(0).max(1).optional();
const colour = z.string().regex(/^#[0-9a-f]{6}$/);
const symbolId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/);

const fill = z.object({ colour, opacity }).strict();
const stroke = z
  .object({ colour, width: size.max(1000), opacity, dash: z.array(size.max(10_000)).max(16).optional() })
  .strict();

const pathCommand = z.discriminatedUnion('op', [
  z.object({ op: z.literal('M'), x: coord, y: coord }).strict(),
  z.object({ op: z.literal('L'), x: coord, y: coord }).strict(),
  z.object({ op: z.literal('Q'), cx: coord, cy: coord, x: coord, y: coord }).strict(),
  z.object({ op: z.literal('C'), c1x: coord, c1y: coord, c2x: coord, c2y: coord, x: coord, y: coord }).strict(),
  z.object({ op: z.literal('Z') }).strict(),
]);

const sceneItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('circle'), cx: coord, cy: coord, r: size, fill: fill.optional(), stroke: stroke.optional() }).strict(),
  z.object({ kind: z.literal('ellipse'), cx: coord, cy: coord, rx: size, ry: size, fill: fill.optional(), stroke: stroke.optional() }).strict(),
  z
    .object({ kind: z.literal('rect'), x: coord, y: coord, width: size, height: size, radius: size.optional(), fill: fill.optional(), stroke: stroke.optional() })
    .strict(),
  z.object({ kind: z.literal('path'), commands: z.array(pathCommand).min(1).max(10_000), fill: fill.optional(), stroke: stroke.optional() }).strict(),
  z.object({ kind: z.literal('icon'), symbol: symbolId, x: coord, y: coord, size, colour, opacity }).strict(),
  z
    .object({
      kind: z.literal('text'),
      x: coord,
      y: coord,
      anchor: z.enum(['start', 'middle', 'end']),
      lines: z.array(z.object({ text: z.string().max(5_000), width: size }).strict()).max(500),
      fontSize: size.min(0.1).max(1000),
      lineHeight: size.max(2000),
      weight: z.enum(['normal', 'bold']),
      colour,
      opacity,
      rotation: z.number().finite().min(-360).max(360).optional(),
      background: z.object({ colour, opacity, padding: size.max(1000), radius: size.max(1000).optional() }).strict().optional(),
    })
    .strict(),
]);

const box = z.object({ x1: coord, y1: coord, x2: coord, y2: coord }).strict();
const meta = z.string().max(2_000).optional();

export const sceneSchema = z
  .object({
    width: size.min(1).max(10_000_000),
    height: size.min(1).max(10_000_000),
    background: colour.nullable(),
    paper: z.object({ widthMm: size.min(1).max(10_000), heightMm: size.min(1).max(10_000) }).strict().optional(),
    symbols: z
      .array(z.object({ id: symbolId, path: z.string().max(20_000).regex(/^[MmLlHhVvCcSsQqTtAaZz0-9eE.,\s+-]*$/) }).strict())
      .max(200),
    chart: z
      .object({
        transform: z.object({ scale: z.number().finite().positive().max(1e6), tx: coord, ty: coord }).strict(),
        frame: box,
        items: z.array(sceneItem).max(3_000_000),
      })
      .strict(),
    page: z.array(sceneItem).max(100_000),
    meta: z.object({ title: meta, subject: meta, author: meta }).strict(),
  })
  .strict();

// The schema and the Scene type must describe the same thing.
type SchemaScene = z.output<typeof sceneSchema>;
export type SceneMatchesSchema = [Scene] extends [SchemaScene] ? ([SchemaScene] extends [Scene] ? true : never) : never;
export const SCENE_SCHEMA_MATCHES: SceneMatchesSchema = true;
