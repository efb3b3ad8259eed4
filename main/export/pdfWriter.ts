import fontkit from '@pdf-lib/fontkit';
import {
  appendBezierCurve,
  appendQuadraticCurve,
  beginText,
  closePath,
  concatTransformationMatrix,
  drawObject,
  drawSvgPath,
  endPath,
  endText,
  fill,
  fillAndStroke,
  lineTo,
  moveTo,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setDashPattern,
  setFillingRgbColor,
  setFontAndSize,
  setGraphicsState,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
  LineJoinStyle,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { lineBaseline, textBlockBox, textBlockCentre, type Fill, type PathCommand, type Scene, type SceneItem, type Stroke, type TextItem } from '../../app/export/scene';
import { pdfPageSize } from '../../app/export/sizing';
import { cleanText } from '../../app/export/text';

/** The export font (DejaVu Sans), the same file the renderer measured the scene's text with. */
export interface ExportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

const KAPPA = 0.5522847498;
const PRODUCER = 'Analyst Workbench';

function colourParts(hex: string): [number, number, number] {
  const value = /^#[0-9a-f]{6}$/.test(hex) ? hex : '#000000';
  return [parseInt(value.slice(1, 3), 16) / 255, parseInt(value.slice(3, 5), 16) / 255, parseInt(value.slice(5, 7), 16) / 255];
}

/**
 * Draws a scene as one PDF page with vector operators and real text (DejaVu Sans, embedded as a
 * subset, with a ToUnicode map so labels can be searched and copied). The page's coordinate
 * system is turned to the scene's (y down, page units) once; chart items get the chart transform
 * on top. Icons are one form XObject per symbol and colour, drawn wherever a node needs one.
 */
export async function sceneToPdf(scene: Scene, fonts: ExportFonts): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const size = pdfPageSize(scene);
  const page = doc.addPage([size.width, size.height]);

  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  if (scene.meta.title) doc.setTitle(cleanText(scene.meta.title));
  if (scene.meta.subject) doc.setSubject(cleanText(scene.meta.subject));
  if (scene.meta.author) doc.setAuthor(cleanText(scene.meta.author));

  const painter = new PdfPainter(doc, page, { regular, bold }, scene);
  const ops: PDFOperator[] = [];
  // Page units, y down: the scene's own coordinates.
  ops.push(pushGraphicsState(), concatTransformationMatrix(size.scale, 0, 0, -size.scale, 0, size.height));
  if (scene.background) ops.push(...painter.item({ kind: 'rect', x: 0, y: 0, width: scene.width, height: scene.height, fill: { colour: scene.background } }));
  const t = scene.chart.transform;
  ops.push(pushGraphicsState(), concatTransformationMatrix(t.scale, 0, 0, t.scale, t.tx, t.ty));
  for (const item of scene.chart.items) ops.push(...painter.item(item));
  ops.push(popGraphicsState());
  for (const item of scene.page) ops.push(...painter.item(item));
  ops.push(popGraphicsState());
  // In slices: a chart's hundreds of thousands of operators would overflow one call's arguments.
  for (let i = 0; i < ops.length; i += 10_000) page.pushOperators(...ops.slice(i, i + 10_000));
  return doc.save();
}

class PdfPainter {
  private readonly states = new Map<string, PDFName>();
  private readonly icons = new Map<string, PDFName>();
  private readonly fontKeys: { regular: PDFName; bold: PDFName };
  private readonly symbolPaths: Map<string, string>;

  constructor(
    private readonly doc: PDFDocument,
    private readonly page: PDFPage,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    scene: Scene,
  ) {
    this.fontKeys = {
      regular: page.node.newFontDictionary(fonts.regular.name, fonts.regular.ref),
      bold: page.node.newFontDictionary(fonts.bold.name, fonts.bold.ref),
    };
    this.symbolPaths = new Map(scene.symbols.map((s) => [s.id, s.path]));
  }

  /** One ExtGState per opacity pair, shared by every item that needs it. */
  private opacityState(fillOpacity: number, strokeOpacity: number): PDFName | null {
    if (fillOpacity >= 1 && strokeOpacity >= 1) return null;
    const key = `${fillOpacity}|${strokeOpacity}`;
    let name = this.states.get(key);
    if (!name) {
      const dict = this.doc.context.obj({ Type: 'ExtGState', ca: fillOpacity, CA: strokeOpacity });
      name = this.page.node.newExtGState('GS', this.doc.context.register(dict));
      this.states.set(key, name);
    }
    return name;
  }

  private icon(symbol: string, colour: string): PDFName | null {
    const key = `${symbol}|${colour}`;
    let name = this.icons.get(key);
    if (name) return name;
    const path = this.symbolPaths.get(symbol);
    if (path === undefined) return null;
    const [r, g, b] = colourParts(colour);
    // In the form's own y-up space, the 24 × 24 icon upright; it is flipped back where it is drawn.
    const operators = drawSvgPath(path, { x: 0, y: 24, scale: 1, color: rgb(r, g, b), borderColor: undefined, borderWidth: 0 });
    const form = this.doc.context.formXObject(operators, { BBox: [0, 0, 24, 24] });
    name = this.page.node.newXObject('Icon', this.doc.context.register(form));
    this.icons.set(key, name);
    return name;
  }

  private paintOps(fillStyle: Fill | undefined, strokeStyle: Stroke | undefined): { before: PDFOperator[]; paint: PDFOperator } | null {
    if (!fillStyle && !strokeStyle) return null;
    const before: PDFOperator[] = [];
    const state = this.opacityState(fillStyle?.opacity ?? 1, strokeStyle?.opacity ?? 1);
    if (state) before.push(setGraphicsState(state));
    if (fillStyle) before.push(setFillingRgbColor(...colourParts(fillStyle.colour)));
    if (strokeStyle) {
      before.push(setStrokingRgbColor(...colourParts(strokeStyle.colour)), setLineWidth(strokeStyle.width), setLineJoin(LineJoinStyle.Round));
      if (strokeStyle.dash && strokeStyle.dash.length > 0) before.push(setDashPattern(strokeStyle.dash, 0));
    }
    return { before, paint: fillStyle && strokeStyle ? fillAndStroke() : fillStyle ? fill() : stroke() };
  }

  private shape(outline: PDFOperator[], fillStyle: Fill | undefined, strokeStyle: Stroke | undefined): PDFOperator[] {
    const paint = this.paintOps(fillStyle, strokeStyle);
    if (!paint) return [];
    return [pushGraphicsState(), ...paint.before, ...outline, paint.paint, popGraphicsState()];
  }

  item(item: SceneItem): PDFOperator[] {
    switch (item.kind) {
      case 'circle':
        return this.shape(ellipseOutline(item.cx, item.cy, item.r, item.r), item.fill, item.stroke);
      case 'ellipse':
        return this.shape(ellipseOutline(item.cx, item.cy, item.rx, item.ry), item.fill, item.stroke);
      case 'rect':
        return this.shape(rectOutline(item.x, item.y, item.width, item.height, item.radius ?? 0), item.fill, item.stroke);
      case 'path':
        return this.shape(pathOutline(item.commands), item.fill, item.stroke);
      case 'icon': {
        const name = this.icon(item.symbol, item.colour);
        if (!name) return [];
        const k = item.size / 24;
        const state = this.opacityState(item.opacity ?? 1, 1);
        return [
          pushGraphicsState(),
          ...(state ? [setGraphicsState(state)] : []),
          concatTransformationMatrix(k, 0, 0, -k, item.x, item.y + item.size),
          drawObject(name),
          popGraphicsState(),
        ];
      }
      case 'text':
        return this.text(item);
    }
  }

  private text(item: TextItem): PDFOperator[] {
    const ops: PDFOperator[] = [];
    const font = item.weight === 'bold' ? this.fonts.bold : this.fonts.regular;
    const fontKey = item.weight === 'bold' ? this.fontKeys.bold : this.fontKeys.regular;
    const angle = ((item.rotation ?? 0) * Math.PI) / 180;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const centre = textBlockCentre(item);
    const rotate = (x: number, y: number) => ({
      x: centre.x + (x - centre.x) * cos - (y - centre.y) * sin,
      y: centre.y + (x - centre.x) * sin + (y - centre.y) * cos,
    });
    if (item.background) {
      const box = textBlockBox(item);
      const pad = item.background.padding;
      const corners = [
        rotate(box.x1 - pad, box.y1 - pad),
        rotate(box.x2 + pad, box.y1 - pad),
        rotate(box.x2 + pad, box.y2 + pad),
        rotate(box.x1 - pad, box.y2 + pad),
      ];
      const outline = [moveTo(corners[0]!.x, corners[0]!.y), ...corners.slice(1).map((p) => lineTo(p.x, p.y)), closePath()];
      ops.push(...this.shape(outline, { colour: item.background.colour, ...(item.background.opacity !== undefined ? { opacity: item.background.opacity } : {}) }, undefined));
    }
    const state = this.opacityState(item.opacity ?? 1, 1);
    ops.push(pushGraphicsState());
    if (state) ops.push(setGraphicsState(state));
    ops.push(setFillingRgbColor(...colourParts(item.colour)), beginText(), setFontAndSize(fontKey, item.fontSize));
    item.lines.forEach((line, index) => {
      const text = cleanText(line.text).replace(/\n/g, ' ');
      if (text === '') return;
      // Anchored with the PDF font's own width, so centred labels are centred exactly.
      const width = font.widthOfTextAtSize(text, item.fontSize);
      const x = item.anchor === 'middle' ? item.x - width / 2 : item.anchor === 'end' ? item.x - width : item.x;
      const origin = rotate(x, lineBaseline(item, index));
      // Text space is y up: flip it back upright in our y-down space, then turn it with the label.
      ops.push(setTextMatrix(cos, sin, sin, -cos, origin.x, origin.y), showText(font.encodeText(text)));
    });
    ops.push(endText(), popGraphicsState());
    return ops;
  }
}

function ellipseOutline(cx: number, cy: number, rx: number, ry: number): PDFOperator[] {
  const ox = rx * KAPPA;
  const oy = ry * KAPPA;
  return [
    moveTo(cx - rx, cy),
    appendBezierCurve(cx - rx, cy - oy, cx - ox, cy - ry, cx, cy - ry),
    appendBezierCurve(cx + ox, cy - ry, cx + rx, cy - oy, cx + rx, cy),
    appendBezierCurve(cx + rx, cy + oy, cx + ox, cy + ry, cx, cy + ry),
    appendBezierCurve(cx - ox, cy + ry, cx - rx, cy + oy, cx - rx, cy),
    closePath(),
  ];
}

function rectOutline(x: number, y: number, width: number, height: number, radius: number): PDFOperator[] {
  const r = Math.max(0, Math.min(radius, width / 2, height / 2));
  if (r === 0) return [moveTo(x, y), lineTo(x + width, y), lineTo(x + width, y + height), lineTo(x, y + height), closePath()];
  const o = r * (1 - KAPPA);
  return [
    moveTo(x + r, y),
    lineTo(x + width - r, y),
    appendBezierCurve(x + width - o, y, x + width, y + o, x + width, y + r),
    lineTo(x + width, y + height - r),
    appendBezierCurve(x + width, y + height - o, x + width - o, y + height, x + width - r, y + height),
    lineTo(x + r, y + height),
    appendBezierCurve(x + o, y + height, x, y + height - o, x, y + height - r),
    lineTo(x, y + r),
    appendBezierCurve(x, y + o, x + o, y, x + r, y),
    closePath(),
  ];
}

function pathOutline(commands: readonly PathCommand[]): PDFOperator[] {
  const ops: PDFOperator[] = [];
  for (const c of commands) {
    switch (c.op) {
      case 'M':
        ops.push(moveTo(c.x, c.y));
        break;
      case 'L':
        ops.push(lineTo(c.x, c.y));
        break;
      case 'Q':
        ops.push(appendQuadraticCurve(c.cx, c.cy, c.x, c.y));
        break;
      case 'C':
        ops.push(appendBezierCurve(c.c1x, c.c1y, c.c2x, c.c2y, c.x, c.y));
        break;
      case 'Z':
        ops.push(closePath());
        break;
    }
  }
  return ops.length > 0 ? ops : [endPath()];
}
