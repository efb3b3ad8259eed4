/**
 * The one vector description of an exported chart image. Every output is drawn from it: the SVG
 * writer (app/export/svgWriter.ts), the PDF writer (main/export/pdfWriter.ts) and the canvas tiles
 * of PNG and JPEG exports (renderer/export/canvasPainter.ts). It is plain data (it crosses IPC and
 * is validated there by app/export/sceneSchema.ts): resolved positions, colours, wrapped text lines
 * with their measured widths, and nothing that any painter has to look up or measure again.
 *
 * Units: the page is in CSS pixels at 96 per inch ("page units"). Chart items are in the chart's
 * model coordinates; `chart.transform` places them on the page.
 */

/** `#rrggbb`, lower case. */
export type Colour = string;

export interface Fill {
  colour: Colour;
  /** 0..1; 1 when left out. */
  opacity?: number;
}

export interface Stroke {
  colour: Colour;
  width: number;
  opacity?: number;
  /** Dash and gap lengths; solid when left out. */
  dash?: number[];
}

/** A path as commands in absolute coordinates (no path-data strings to parse or sanitise). */
export type PathCommand =
  | { op: 'M'; x: number; y: number }
  | { op: 'L'; x: number; y: number }
  | { op: 'Q'; cx: number; cy: number; x: number; y: number }
  | { op: 'C'; c1x: number; c1y: number; c2x: number; c2y: number; x: number; y: number }
  | { op: 'Z' };

export interface CircleItem {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill?: Fill;
  stroke?: Stroke;
}

export interface EllipseItem {
  kind: 'ellipse';
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  fill?: Fill;
  stroke?: Stroke;
}

export interface RectItem {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  radius?: number;
  fill?: Fill;
  stroke?: Stroke;
}

export interface PathItem {
  kind: 'path';
  commands: PathCommand[];
  fill?: Fill;
  stroke?: Stroke;
}

/** A symbol of `Scene.symbols` (an entity type icon) drawn in a square, in one colour. */
export interface IconItem {
  kind: 'icon';
  symbol: string;
  x: number;
  y: number;
  size: number;
  colour: Colour;
  opacity?: number;
}

export interface TextLine {
  text: string;
  /** The line's advance width at `fontSize`, measured with the export font when the scene was built. */
  width: number;
}

/**
 * A block of lines. (x, y) is the anchor on the block's top edge: its left end, middle or right
 * end by `anchor`. Each line's baseline is `lineBaseline(item, i)`.
 */
export interface TextItem {
  kind: 'text';
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  lines: TextLine[];
  fontSize: number;
  lineHeight: number;
  weight: 'normal' | 'bold';
  colour: Colour;
  opacity?: number;
  /** Degrees clockwise, about the block's centre. */
  rotation?: number;
  /** A box behind the text (label backgrounds). */
  background?: { colour: Colour; opacity?: number; padding: number; radius?: number };
}

export type SceneItem = CircleItem | EllipseItem | RectItem | PathItem | IconItem | TextItem;

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** page = model × scale + (tx, ty). */
export interface ChartTransform {
  scale: number;
  tx: number;
  ty: number;
}

export interface SceneSymbol {
  id: string;
  /** SVG path data in a 24 × 24 box (Material Design Icons, from app/entityTypes.ts). */
  path: string;
}

export interface Scene {
  /** Page size in page units (CSS px, 96 per inch). */
  width: number;
  height: number;
  /** Null: transparent. */
  background: Colour | null;
  /** The physical paper, when the analyst chose one (else the page is `width` × `height` CSS px). */
  paper?: { widthMm: number; heightMm: number };
  symbols: SceneSymbol[];
  chart: {
    transform: ChartTransform;
    /** Where the chart is on the page (page units): chart items never reach outside it. */
    frame: Box;
    items: SceneItem[];
  };
  /** Title, banners, legend, footnote: page units, drawn over the chart. */
  page: SceneItem[];
  meta: { title?: string; subject?: string; author?: string };
}

/** DejaVu Sans cap height (1493 / 2048 em): used to centre a line of text in its line box. */
export const CAP_HEIGHT_EM = 0.729;

/** The y of line `index`'s baseline (unrotated): every painter uses this, so text lands alike. */
export function lineBaseline(item: Pick<TextItem, 'y' | 'lineHeight' | 'fontSize'>, index: number): number {
  return item.y + item.lineHeight * index + item.lineHeight / 2 + (item.fontSize * CAP_HEIGHT_EM) / 2;
}

/** The x where line `index` starts (unrotated), from the block's anchor. */
export function lineStart(item: Pick<TextItem, 'x' | 'anchor' | 'lines'>, index: number): number {
  const width = item.lines[index]?.width ?? 0;
  if (item.anchor === 'middle') return item.x - width / 2;
  if (item.anchor === 'end') return item.x - width;
  return item.x;
}

/** The unrotated box of a text block (its lines' box; the background adds its padding). */
export function textBlockBox(item: TextItem): Box {
  const width = item.lines.reduce((max, line) => Math.max(max, line.width), 0);
  const x1 = item.anchor === 'middle' ? item.x - width / 2 : item.anchor === 'end' ? item.x - width : item.x;
  return { x1, y1: item.y, x2: x1 + width, y2: item.y + item.lineHeight * item.lines.length };
}

/** The centre a text block rotates about. */
export function textBlockCentre(item: TextItem): { x: number; y: number } {
  const box = textBlockBox(item);
  return { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
}

function rotatedBounds(box: Box, degrees: number, cx: number, cy: number): Box {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const out = emptyBox();
  for (const [x, y] of [
    [box.x1, box.y1],
    [box.x2, box.y1],
    [box.x1, box.y2],
    [box.x2, box.y2],
  ] as const) {
    const dx = x - cx;
    const dy = y - cy;
    includePoint(out, cx + dx * cos - dy * sin, cy + dx * sin + dy * cos);
  }
  return out;
}

export function emptyBox(): Box {
  return { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
}

export function isEmptyBox(box: Box): boolean {
  return !(box.x2 >= box.x1 && box.y2 >= box.y1);
}

export function includePoint(box: Box, x: number, y: number): void {
  if (x < box.x1) box.x1 = x;
  if (y < box.y1) box.y1 = y;
  if (x > box.x2) box.x2 = x;
  if (y > box.y2) box.y2 = y;
}

export function includeBox(box: Box, other: Box): void {
  if (isEmptyBox(other)) return;
  includePoint(box, other.x1, other.y1);
  includePoint(box, other.x2, other.y2);
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x1 <= b.x2 && b.x1 <= a.x2 && a.y1 <= b.y2 && b.y1 <= a.y2;
}

/** Everything an item paints, strokes and backgrounds included (a curve's control points bound it). */
export function itemBounds(item: SceneItem): Box {
  const pad = (box: Box, by: number): Box => ({ x1: box.x1 - by, y1: box.y1 - by, x2: box.x2 + by, y2: box.y2 + by });
  const strokePad = (stroke?: Stroke) => (stroke ? stroke.width / 2 : 0);
  switch (item.kind) {
    case 'circle':
      return pad({ x1: item.cx - item.r, y1: item.cy - item.r, x2: item.cx + item.r, y2: item.cy + item.r }, strokePad(item.stroke));
    case 'ellipse':
      return pad({ x1: item.cx - item.rx, y1: item.cy - item.ry, x2: item.cx + item.rx, y2: item.cy + item.ry }, strokePad(item.stroke));
    case 'rect':
      return pad({ x1: item.x, y1: item.y, x2: item.x + item.width, y2: item.y + item.height }, strokePad(item.stroke));
    case 'icon':
      return { x1: item.x, y1: item.y, x2: item.x + item.size, y2: item.y + item.size };
    case 'path': {
      const box = emptyBox();
      for (const c of item.commands) {
        if (c.op === 'Z') continue;
        includePoint(box, c.x, c.y);
        if (c.op === 'Q') includePoint(box, c.cx, c.cy);
        if (c.op === 'C') {
          includePoint(box, c.c1x, c.c1y);
          includePoint(box, c.c2x, c.c2y);
        }
      }
      // Mitred joins can reach a little past the stroke's half width.
      return pad(box, strokePad(item.stroke) * 2);
    }
    case 'text': {
      const box = pad(textBlockBox(item), item.background?.padding ?? 0);
      if (!item.rotation) return box;
      const centre = textBlockCentre(item);
      return rotatedBounds(box, item.rotation, centre.x, centre.y);
    }
  }
}

/** The bounds of many items. */
export function itemsBounds(items: readonly SceneItem[]): Box {
  const box = emptyBox();
  for (const item of items) includeBox(box, itemBounds(item));
  return box;
}
