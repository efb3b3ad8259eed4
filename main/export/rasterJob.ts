import { promisify } from 'node:util';
import { inflate } from 'node:zlib';
import { encode as encodeJpeg } from 'jpeg-js';
import { rasterSizeProblem, type RasterFormat } from '../../app/export/sizing';
import type { TilePlan } from '../../app/export/tiling';
import { AtomicFile } from './atomicFile';
import { PngRowEncoder } from './pngRowEncoder';

export const JPEG_QUALITY = 92;

/** Something the renderer sent that does not fit the job (wrong order, size or bytes). */
export class TileRejected extends Error {}

export interface RasterJobSpec {
  format: RasterFormat;
  plan: TilePlan;
  dpi: number;
  /** Keep the alpha channel (PNG with a transparent background). */
  alpha: boolean;
}

const inflateAsync = promisify(inflate);

/**
 * One raster export in main: tiles arrive row by row (left to right) as zlib-deflated RGBA pixels
 * (the renderer compresses with the browser's native CompressionStream; Node inflates natively:
 * measured 4× faster than PNG-encoding each tile with canvas.toBlob and decoding it with pngjs, for
 * the same bytes on the wire), are copied into one strip, and each finished strip is encoded out
 * (PNG) or copied into the image (JPEG, which jpeg-js encodes whole at the end). Everything goes to
 * an AtomicFile.
 */
export class RasterJob {
  private next = { row: 0, column: 0 };
  private strip: Uint8Array | null = null;
  private readonly png: PngRowEncoder | null;
  private readonly jpegPixels: Uint8Array | null;
  private done = false;
  private finishing = false;
  /** The tiles being stitched, in order. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly spec: RasterJobSpec,
    private readonly file: AtomicFile,
  ) {
    const { plan } = spec;
    if (spec.format === 'png') {
      this.png = new PngRowEncoder((chunk) => file.write(chunk), { width: plan.width, height: plan.height, alpha: spec.alpha, dpi: spec.dpi });
      this.jpegPixels = null;
    } else {
      this.png = null;
      this.jpegPixels = new Uint8Array(plan.width * plan.height * 4);
    }
  }

  static async start(target: string, spec: RasterJobSpec): Promise<RasterJob> {
    const problem = rasterSizeProblem(spec.format, spec.plan.width, spec.plan.height);
    if (problem) throw new TileRejected(problem);
    return new RasterJob(spec, await AtomicFile.create(target));
  }

  get tilesTotal(): number {
    return this.spec.plan.rows * this.spec.plan.columns;
  }

  get tilesReceived(): number {
    return this.next.row * this.spec.plan.columns + this.next.column;
  }

  get target(): string {
    return this.file.target;
  }

  /**
   * Takes the next tile (deflated RGBA). It is stitched while the renderer draws the one after it
   * (at most one tile waits here), so the two processes work side by side; a tile that turns out
   * wrong fails the next call, or finish().
   */
  async addTile(column: number, row: number, deflated: Uint8Array): Promise<void> {
    if (this.done) throw new TileRejected('This export has ended.');
    const { plan } = this.spec;
    if (row !== this.next.row || column !== this.next.column) {
      throw new TileRejected(`Expected tile ${this.next.column},${this.next.row}, got ${column},${row}.`);
    }
    this.next = column + 1 < plan.columns ? { row, column: column + 1 } : { row: row + 1, column: 0 };
    const previous = this.queue;
    const current = previous.then(() => this.stitch(column, row, deflated));
    this.queue = current;
    // Reported by the next call that waits for it.
    current.catch(() => undefined);
    await previous;
  }

  private async stitch(column: number, row: number, deflated: Uint8Array): Promise<void> {
    const { plan } = this.spec;
    const x = column * plan.tileWidth;
    const y = row * plan.tileHeight;
    const width = Math.min(plan.tileWidth, plan.width - x);
    const height = Math.min(plan.tileHeight, plan.height - y);
    const expected = width * height * 4;
    let src: Buffer;
    try {
      // Never inflated past one tile's pixels, whatever the bytes claim.
      src = await inflateAsync(deflated, { maxOutputLength: expected + 1 });
    } catch {
      throw new TileRejected(`Tile ${column},${row} is not ${width} × ${height} deflated RGBA pixels.`);
    }
    if (src.byteLength !== expected) {
      throw new TileRejected(`Tile ${column},${row} has ${src.byteLength} bytes of pixels; a ${width} × ${height} tile has ${expected}.`);
    }
    if (this.done && !this.finishing) return;
    const strip = (this.strip ??= new Uint8Array(plan.width * height * 4));
    for (let r = 0; r < height; r++) {
      strip.set(src.subarray(r * width * 4, (r + 1) * width * 4), (r * plan.width + x) * 4);
    }
    if (column + 1 < plan.columns) return;
    // The strip is complete.
    if (this.png) await this.png.writeRows(strip, height);
    else this.jpegPixels?.set(strip.subarray(0, plan.width * height * 4), y * plan.width * 4);
    this.strip = null;
  }

  /** Writes the end of the image and renames it into place. */
  async finish(): Promise<{ bytes: number }> {
    if (this.done) throw new TileRejected('This export has ended.');
    if (this.next.row !== this.spec.plan.rows) {
      throw new TileRejected(`The image is missing tiles: ${this.tilesReceived} of ${this.tilesTotal} arrived.`);
    }
    this.done = true;
    this.finishing = true;
    try {
      await this.queue;
      if (this.png) {
        await this.png.finish();
      } else if (this.jpegPixels) {
        const { width, height } = this.spec.plan;
        const encoded = encodeJpeg({ data: this.jpegPixels, width, height }, JPEG_QUALITY);
        await this.file.write(withJfifDensity(new Uint8Array(encoded.data.buffer, encoded.data.byteOffset, encoded.data.byteLength), this.spec.dpi));
      }
      await this.file.commit();
      return { bytes: this.file.bytesWritten };
    } catch (error) {
      await this.file.abort().catch(() => undefined);
      throw error;
    }
  }

  /** Drops the job and its temporary file. */
  async cancel(): Promise<void> {
    if (this.done) return;
    this.done = true;
    // Let the tile being stitched stop writing before the file goes.
    await this.queue.catch(() => undefined);
    this.png?.destroy();
    await this.file.abort();
  }
}

/** Sets the JFIF header's density to `dpi` dots per inch (jpeg-js writes 1:1 without units). */
export function withJfifDensity(data: Uint8Array, dpi: number): Uint8Array {
  const isJfif = data[2] === 0xff && data[3] === 0xe0 && String.fromCharCode(...data.subarray(6, 10)) === 'JFIF';
  if (!isJfif) return data;
  const density = Math.max(1, Math.min(65_535, Math.round(dpi)));
  data[13] = 1;
  data[14] = density >> 8;
  data[15] = density & 0xff;
  data[16] = density >> 8;
  data[17] = density & 0xff;
  return data;
}
