import {
  boxesIntersect,
  itemBounds,
  lineBaseline,
  lineStart,
  textBlockBox,
  textBlockCentre,
  type Fill,
  type Scene,
  type SceneItem,
  type Stroke,
  type TextItem,
} from '../../app/export/scene';
import { SceneItemIndex, tileModelBox, tilePageBox, type Tile } from '../../app/export/tiling';

/** The canvas calls the painter makes (a CanvasRenderingContext2D has them all; tests record them). */
export type PaintContext = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'setTransform'
  | 'transform'
  | 'translate'
  | 'rotate'
  | 'scale'
  | 'clearRect'
  | 'fillRect'
  | 'beginPath'
  | 'closePath'
  | 'moveTo'
  | 'lineTo'
  | 'quadraticCurveTo'
  | 'bezierCurveTo'
  | 'arc'
  | 'ellipse'
  | 'rect'
  | 'roundRect'
  | 'fill'
  | 'stroke'
  | 'fillText'
  | 'setLineDash'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineJoin'
  | 'globalAlpha'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
>;

/** The font family the renderer registers the export font (DejaVu Sans) under. */
export const EXPORT_FONT_FAMILY = 'Workbench Export Sans';

export function canvasFont(item: Pick<TextItem, 'fontSize' | 'weight'>, scale = 1): string {
  return `${item.weight === 'bold' ? 'bold ' : ''}${item.fontSize * scale}px "${EXPORT_FONT_FAMILY}", sans-serif`;
}

/**
 * Draws a scene onto canvases: tiles of a raster export and the dialog's preview alike. Text,
 * shapes and icons land where the SVG and PDF writers put them (same scene, same baseline rule).
 */
export class ScenePainter {
  readonly index: SceneItemIndex;
  private readonly icons = new Map<string, Path2D>();

  constructor(
    readonly scene: Scene,
    private readonly makePath: (d: string) => Path2D,
  ) {
    this.index = new SceneItemIndex(scene.chart.items);
  }

  /** Paints the pixels of `tile` (a rectangle of the final image) at `pixelsPerUnit`; returns the items drawn. */
  paintTile(ctx: PaintContext, tile: Pick<Tile, 'x' | 'y' | 'width' | 'height'>, pixelsPerUnit: number): number {
    const { scene } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, tile.width, tile.height);
    if (scene.background) {
      ctx.fillStyle = scene.background;
      ctx.fillRect(0, 0, tile.width, tile.height);
    }
    ctx.setTransform(pixelsPerUnit, 0, 0, pixelsPerUnit, -tile.x, -tile.y);
    ctx.lineJoin = 'round';
    let drawn = 0;
    const t = scene.chart.transform;
    ctx.save();
    ctx.transform(t.scale, 0, 0, t.scale, t.tx, t.ty);
    for (const index of this.index.query(tileModelBox(scene, tile, pixelsPerUnit))) {
      this.paintItem(ctx, scene.chart.items[index]!);
      drawn += 1;
    }
    ctx.restore();
    const pageBox = tilePageBox(tile, pixelsPerUnit);
    for (const item of scene.page) {
      if (!boxesIntersect(itemBounds(item), pageBox)) continue;
      this.paintItem(ctx, item);
      drawn += 1;
    }
    return drawn;
  }

  private icon(symbol: string): Path2D | null {
    let path = this.icons.get(symbol);
    if (!path) {
      const definition = this.scene.symbols.find((s) => s.id === symbol);
      if (!definition) return null;
      path = this.makePath(definition.path);
      this.icons.set(symbol, path);
    }
    return path;
  }

  private paint(ctx: PaintContext, fill: Fill | undefined, stroke: Stroke | undefined): void {
    if (fill) {
      ctx.globalAlpha = fill.opacity ?? 1;
      ctx.fillStyle = fill.colour;
      ctx.fill();
    }
    if (stroke) {
      ctx.globalAlpha = stroke.opacity ?? 1;
      ctx.strokeStyle = stroke.colour;
      ctx.lineWidth = stroke.width;
      ctx.setLineDash(stroke.dash ?? []);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.globalAlpha = 1;
  }

  paintItem(ctx: PaintContext, item: SceneItem): void {
    switch (item.kind) {
      case 'circle':
        ctx.beginPath();
        ctx.arc(item.cx, item.cy, item.r, 0, Math.PI * 2);
        this.paint(ctx, item.fill, item.stroke);
        return;
      case 'ellipse':
        ctx.beginPath();
        ctx.ellipse(item.cx, item.cy, item.rx, item.ry, 0, 0, Math.PI * 2);
        this.paint(ctx, item.fill, item.stroke);
        return;
      case 'rect':
        ctx.beginPath();
        if (item.radius) ctx.roundRect(item.x, item.y, item.width, item.height, item.radius);
        else ctx.rect(item.x, item.y, item.width, item.height);
        this.paint(ctx, item.fill, item.stroke);
        return;
      case 'path':
        ctx.beginPath();
        for (const c of item.commands) {
          if (c.op === 'M') ctx.moveTo(c.x, c.y);
          else if (c.op === 'L') ctx.lineTo(c.x, c.y);
          else if (c.op === 'Q') ctx.quadraticCurveTo(c.cx, c.cy, c.x, c.y);
          else if (c.op === 'C') ctx.bezierCurveTo(c.c1x, c.c1y, c.c2x, c.c2y, c.x, c.y);
          else ctx.closePath();
        }
        this.paint(ctx, item.fill, item.stroke);
        return;
      case 'icon': {
        const path = this.icon(item.symbol);
        if (!path) return;
        ctx.save();
        ctx.translate(item.x, item.y);
        ctx.scale(item.size / 24, item.size / 24);
        ctx.globalAlpha = item.opacity ?? 1;
        ctx.fillStyle = item.colour;
        ctx.fill(path);
        ctx.restore();
        return;
      }
      case 'text':
        this.paintText(ctx, item);
        return;
    }
  }

  private paintText(ctx: PaintContext, item: TextItem): void {
    ctx.save();
    if (item.rotation) {
      const c = textBlockCentre(item);
      ctx.translate(c.x, c.y);
      ctx.rotate((item.rotation * Math.PI) / 180);
      ctx.translate(-c.x, -c.y);
    }
    if (item.background) {
      const box = textBlockBox(item);
      const pad = item.background.padding;
      ctx.beginPath();
      const radius = item.background.radius ?? 0;
      if (radius > 0) ctx.roundRect(box.x1 - pad, box.y1 - pad, box.x2 - box.x1 + 2 * pad, box.y2 - box.y1 + 2 * pad, radius);
      else ctx.rect(box.x1 - pad, box.y1 - pad, box.x2 - box.x1 + 2 * pad, box.y2 - box.y1 + 2 * pad);
      this.paint(ctx, { colour: item.background.colour, ...(item.background.opacity !== undefined ? { opacity: item.background.opacity } : {}) }, undefined);
    }
    ctx.font = canvasFont(item);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.globalAlpha = item.opacity ?? 1;
    ctx.fillStyle = item.colour;
    item.lines.forEach((line, i) => ctx.fillText(line.text, lineStart(item, i), lineBaseline(item, i)));
    ctx.restore();
  }
}
