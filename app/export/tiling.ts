import { boxesIntersect, itemBounds, type Box, type Scene, type SceneItem } from './scene';
import { TILE_MAX } from './sizing';

/**
 * Raster exports are drawn in tiles, each well inside the browser's canvas limit, and stitched by
 * main one strip (a row of tiles) at a time. The strip height keeps main's buffer bounded however
 * wide the image is.
 */

export interface Tile {
  column: number;
  row: number;
  /** Pixel rectangle in the final image. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TilePlan {
  width: number;
  height: number;
  tileWidth: number;
  tileHeight: number;
  columns: number;
  rows: number;
}

/** The most main holds of one strip (width × tile height × 4 bytes). */
export const STRIP_MAX_BYTES = 256 * 1024 * 1024;

/** Tiles of equal size (no thin sliver of margin at the right or bottom), each at most `tileMax` a side. */
export function planTiles(width: number, height: number, tileMax: number = TILE_MAX): TilePlan {
  const columns = Math.ceil(width / Math.max(1, Math.min(tileMax, width)));
  const tileWidth = Math.ceil(width / columns);
  const stripRows = Math.max(64, Math.floor(STRIP_MAX_BYTES / (width * 4)));
  const rows = Math.ceil(height / Math.max(1, Math.min(tileMax, height, stripRows)));
  const tileHeight = Math.ceil(height / rows);
  return { width, height, tileWidth, tileHeight, columns: Math.ceil(width / tileWidth), rows: Math.ceil(height / tileHeight) };
}

/** The tiles of a plan in the order main stitches them: row by row, left to right. */
export function planTileList(plan: TilePlan): Tile[] {
  const tiles: Tile[] = [];
  for (let row = 0; row < plan.rows; row++) {
    for (let column = 0; column < plan.columns; column++) {
      const x = column * plan.tileWidth;
      const y = row * plan.tileHeight;
      tiles.push({ column, row, x, y, width: Math.min(plan.tileWidth, plan.width - x), height: Math.min(plan.tileHeight, plan.height - y) });
    }
  }
  return tiles;
}

/**
 * A uniform grid over the chart's items (model coordinates): a tile draws only the items that
 * reach into it, in their drawing order, so a 20,000-node chart is not drawn whole for each tile.
 */
export class SceneItemIndex {
  private readonly bounds: Box[];
  private readonly cells = new Map<number, number[]>();
  private readonly cellSize: number;
  private readonly columns: number;
  private readonly origin: { x: number; y: number };
  /** Items too large for the grid (long links across the chart): checked for every query. */
  private readonly large: number[] = [];

  constructor(readonly items: readonly SceneItem[]) {
    this.bounds = items.map(itemBounds);
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const b of this.bounds) {
      if (b.x1 < x1) x1 = b.x1;
      if (b.y1 < y1) y1 = b.y1;
      if (b.x2 > x2) x2 = b.x2;
      if (b.y2 > y2) y2 = b.y2;
    }
    if (!(x2 >= x1)) {
      x1 = y1 = 0;
      x2 = y2 = 1;
    }
    this.origin = { x: x1, y: y1 };
    // About as many cells as items, at least 64 units a side.
    const area = Math.max(1, (x2 - x1) * (y2 - y1));
    this.cellSize = Math.max(64, Math.sqrt(area / Math.max(1, items.length)));
    this.columns = Math.floor((x2 - x1) / this.cellSize) + 1;
    const largeSide = this.cellSize * 8;
    this.bounds.forEach((b, index) => {
      if (b.x2 - b.x1 > largeSide || b.y2 - b.y1 > largeSide) {
        this.large.push(index);
        return;
      }
      const [c1, r1] = this.cell(b.x1, b.y1);
      const [c2, r2] = this.cell(b.x2, b.y2);
      for (let r = r1; r <= r2; r++) {
        for (let c = c1; c <= c2; c++) {
          const key = r * this.columns + c;
          let list = this.cells.get(key);
          if (!list) {
            list = [];
            this.cells.set(key, list);
          }
          list.push(index);
        }
      }
    });
  }

  private cell(x: number, y: number): [number, number] {
    const c = Math.min(this.columns - 1, Math.max(0, Math.floor((x - this.origin.x) / this.cellSize)));
    const r = Math.max(0, Math.floor((y - this.origin.y) / this.cellSize));
    return [c, r];
  }

  /** Indices of the items whose bounds meet the box, in drawing order. */
  query(box: Box): number[] {
    const found = new Set<number>();
    const [c1, r1] = this.cell(box.x1, box.y1);
    const [c2, r2] = this.cell(box.x2, box.y2);
    for (let r = r1; r <= r2; r++) {
      for (let c = c1; c <= c2; c++) {
        for (const index of this.cells.get(r * this.columns + c) ?? []) {
          if (!found.has(index) && boxesIntersect(this.bounds[index]!, box)) found.add(index);
        }
      }
    }
    for (const index of this.large) if (boxesIntersect(this.bounds[index]!, box)) found.add(index);
    return [...found].sort((a, b) => a - b);
  }
}

/** The model-coordinate box a tile of the image covers (a little larger, for strokes and antialiasing). */
export function tileModelBox(scene: Scene, tile: Pick<Tile, 'x' | 'y' | 'width' | 'height'>, pixelsPerUnit: number): Box {
  const t = scene.chart.transform;
  const margin = 2 / pixelsPerUnit;
  const toModelX = (px: number) => (px / pixelsPerUnit - t.tx) / t.scale;
  const toModelY = (py: number) => (py / pixelsPerUnit - t.ty) / t.scale;
  return {
    x1: toModelX(tile.x) - margin,
    y1: toModelY(tile.y) - margin,
    x2: toModelX(tile.x + tile.width) + margin,
    y2: toModelY(tile.y + tile.height) + margin,
  };
}

/** The page-unit box of a tile. */
export function tilePageBox(tile: Pick<Tile, 'x' | 'y' | 'width' | 'height'>, pixelsPerUnit: number): Box {
  return { x1: tile.x / pixelsPerUnit, y1: tile.y / pixelsPerUnit, x2: (tile.x + tile.width) / pixelsPerUnit, y2: (tile.y + tile.height) / pixelsPerUnit };
}
