/**
 * Image size maths and the limits of what an export can produce, checked before any work starts
 * (in the dialog, and again in main when a raster export begins).
 */

export const IMAGE_FORMATS = ['png', 'jpeg', 'svg', 'pdf'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];
export const RASTER_FORMATS = ['png', 'jpeg'] as const;
export type RasterFormat = (typeof RASTER_FORMATS)[number];
export const VECTOR_FORMATS = ['svg', 'pdf'] as const;
export type VectorFormat = (typeof VECTOR_FORMATS)[number];

export function isRasterFormat(format: ImageFormat): format is RasterFormat {
  return format === 'png' || format === 'jpeg';
}

/** Page units are CSS pixels: 96 to the inch. */
export const UNITS_PER_INCH = 96;
export const MM_PER_INCH = 25.4;
export const POINTS_PER_UNIT = 72 / UNITS_PER_INCH;

export const PAPER_SIZES = {
  A4: { label: 'A4', widthMm: 210, heightMm: 297 },
  A3: { label: 'A3', widthMm: 297, heightMm: 420 },
  Letter: { label: 'Letter', widthMm: 215.9, heightMm: 279.4 },
} as const;
export type PaperName = keyof typeof PAPER_SIZES;
export const PAPER_NAMES = Object.keys(PAPER_SIZES) as PaperName[];
export type Orientation = 'portrait' | 'landscape';

export const DPI_MIN = 96;
export const DPI_MAX = 600;
export const SCALE_MIN = 0.25;
export const SCALE_MAX = 10;

/** The size choice: a scale of the chart's own size, or a paper size at a resolution. */
export type SizeChoice =
  | { mode: 'scale'; scale: number }
  | { mode: 'paper'; paper: PaperName; orientation: Orientation; dpi: number };

/** The paper in millimetres, turned for the orientation. */
export function paperMm(paper: PaperName, orientation: Orientation): { widthMm: number; heightMm: number } {
  const { widthMm, heightMm } = PAPER_SIZES[paper];
  const short = Math.min(widthMm, heightMm);
  const long = Math.max(widthMm, heightMm);
  return orientation === 'portrait' ? { widthMm: short, heightMm: long } : { widthMm: long, heightMm: short };
}

/** The paper in page units (CSS px). */
export function paperUnits(paper: PaperName, orientation: Orientation): { width: number; height: number } {
  const mm = paperMm(paper, orientation);
  return { width: (mm.widthMm / MM_PER_INCH) * UNITS_PER_INCH, height: (mm.heightMm / MM_PER_INCH) * UNITS_PER_INCH };
}

/** Output pixels per page unit: the scale itself, or the DPI over 96. */
export function pixelsPerUnit(size: SizeChoice): number {
  return size.mode === 'scale' ? size.scale : size.dpi / UNITS_PER_INCH;
}

/** The resolution written into the file (PNG pHYs, JPEG JFIF): a 2× image prints at the chart's own size. */
export function imageDpi(size: SizeChoice): number {
  return size.mode === 'scale' ? size.scale * UNITS_PER_INCH : size.dpi;
}

/** The final pixel size of a page of `width` × `height` page units. */
export function rasterSize(pageWidth: number, pageHeight: number, size: SizeChoice): { width: number; height: number } {
  if (size.mode === 'paper') {
    // Exactly the paper at the DPI (A4 at 300 DPI is 2480 × 3508), as a print shop expects.
    const mm = paperMm(size.paper, size.orientation);
    return { width: Math.round((mm.widthMm / MM_PER_INCH) * size.dpi), height: Math.round((mm.heightMm / MM_PER_INCH) * size.dpi) };
  }
  return { width: Math.max(1, Math.ceil(pageWidth * size.scale)), height: Math.max(1, Math.ceil(pageHeight * size.scale)) };
}

/** Pixels per metre for a DPI (the unit of PNG's pHYs chunk). */
export function pixelsPerMetre(dpi: number): number {
  return Math.round(dpi / 0.0254);
}

/** The browser's canvas limit per side: cy.png() past it returns an empty image; our tiles stay far below. */
export const BROWSER_CANVAS_LIMIT = 16_384;
/** Tiles are at most this many pixels a side. */
export const TILE_MAX = 4096;

/** JPEG stores each side in 16 bits. PNG could go further, but no viewer opens such a file. */
export const MAX_SIDE = 65_535;
/** PNG is written row by row (main keeps one strip of tiles): the limit is time and disk, not memory. */
export const PNG_MAX_PIXELS = 1_000_000_000;
/** JPEG is encoded whole in main (4 bytes a pixel while encoding): 120 MP is 480 MB. */
export const JPEG_MAX_PIXELS = 120_000_000;
/** A PDF page side, in points: 200 inches, the most Acrobat opens. Larger pages are scaled down to it. */
export const PDF_MAX_SIDE_PT = 14_400;

/** Why a raster export of this size cannot be made, or null when it can. Said before any work starts. */
export function rasterSizeProblem(format: RasterFormat, width: number, height: number): string | null {
  if (!Number.isFinite(width) || !Number.isFinite(height) || width < 1 || height < 1) return 'The image would be empty.';
  const size = `${formatCount(width)} × ${formatCount(height)} px`;
  if (width > MAX_SIDE || height > MAX_SIDE) {
    return `${size} is too large: an image side can be at most ${formatCount(MAX_SIDE)} px. Choose a smaller scale or DPI, or export the view or the selection.`;
  }
  const limit = format === 'png' ? PNG_MAX_PIXELS : JPEG_MAX_PIXELS;
  if (width * height > limit) {
    const alternative = format === 'jpeg' ? ' or export PNG, SVG or PDF' : ', or export SVG or PDF';
    return `${size} (${formatMegapixels(width * height)}) is too large for ${format.toUpperCase()}: the most is ${formatMegapixels(limit)}. Choose a smaller scale or DPI${alternative}.`;
  }
  return null;
}

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-GB');
}

export function formatMegapixels(pixels: number): string {
  const mp = pixels / 1_000_000;
  return `${mp >= 100 ? Math.round(mp).toLocaleString('en-GB') : mp.toFixed(1)} megapixels`;
}

/** Page size in PDF points: the paper, or the page at 72/96; larger than Acrobat's limit is scaled down. */
export function pdfPageSize(scene: { width: number; height: number; paper?: { widthMm: number; heightMm: number } }): {
  width: number;
  height: number;
  /** Points per page unit. */
  scale: number;
} {
  let width: number;
  let height: number;
  if (scene.paper) {
    width = (scene.paper.widthMm / MM_PER_INCH) * 72;
    height = (scene.paper.heightMm / MM_PER_INCH) * 72;
  } else {
    width = scene.width * POINTS_PER_UNIT;
    height = scene.height * POINTS_PER_UNIT;
  }
  const shrink = Math.min(1, PDF_MAX_SIDE_PT / width, PDF_MAX_SIDE_PT / height);
  width *= shrink;
  height *= shrink;
  return { width, height, scale: width / scene.width };
}
