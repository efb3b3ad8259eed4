import { entityTypeDefinition } from '../entityTypes';
import type { LinkTypeDefinition } from '../linkTypes';
import type { ChartAnnotation } from './annotations';
import { annotationItems } from './annotations';
import type { LegendInput } from './imageLegend';
import { emptyBox, includeBox, itemBounds, type Box, type PathCommand, type SceneItem, type SceneSymbol, type TextItem } from './scene';
import { cleanText, wrapText, type TextMeasurer } from './text';

export interface Point {
  x: number;
  y: number;
}

/** One node as the chart draws it (model coordinates), read from the live chart by the renderer. */
export interface ExportNode {
  id: string;
  label: string;
  /** Entity type id (the catalogue's; unknown types are "other"). */
  typeId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Fill colour, `#rrggbb`. */
  fill: string;
  /** No citation: drawn with a dashed border. */
  unsourced: boolean;
}

/** One link as the chart draws it: the ends on the node borders and Cytoscape's control points. */
export interface ExportEdge {
  id: string;
  label: string;
  tone: LinkTypeDefinition['tone'];
  directed: boolean;
  unsourced: boolean;
  /** Link strength (i2 convention) when the chart draws one: confirmed solid, unconfirmed dashed, tentative dotted. */
  strength?: LinkStrengthName;
  colour: string;
  width: number;
  source: Point;
  target: Point;
  /** Bezier control points, in order (none for a straight line). */
  controls: Point[];
  /** Where the chart puts the label (Cytoscape's midpoint); computed from the curve when left out. */
  midpoint?: Point;
}

export type LinkStrengthName = 'confirmed' | 'unconfirmed' | 'tentative';

export interface ExportChart {
  nodes: ExportNode[];
  edges: ExportEdge[];
  annotations: ChartAnnotation[];
}

/**
 * How the chart looks, as renderer/chart/stylesheet.ts draws it on screen (a renderer test checks
 * the two agree). UI state (selection, emphasis, fading) is not exported: an image shows the case.
 */
export const EXPORT_CHART_STYLE = {
  nodeBorderWidth: 2,
  nodeBorderColour: '#ffffff',
  unsourcedBorder: { colour: '#5f6b76', width: 1.5, dash: [6, 3] },
  iconScale: 0.62,
  iconColour: '#ffffff',
  nodeLabel: { fontSize: 14, colour: '#1f2328', marginY: 4, maxWidth: 110, background: '#ffffff', backgroundOpacity: 0.85, padding: 1 },
  edgeLabel: { fontSize: 9.5, colour: '#4b535c', hostileColour: '#a93226', background: '#ffffff', backgroundOpacity: 0.8, padding: 1 },
  edgeDash: [5, 3],
  /** Link strength, as the chart draws it (stylesheet.ts); it wins over the unsourced dash. */
  strengthDash: { confirmed: null, unconfirmed: [6, 3], tentative: [1.5, 3] },
  arrowScale: 0.9,
  lineHeightEm: 1.2,
} as const;

export interface ChartSceneOptions {
  linkLabels: boolean;
  annotations: boolean;
}

export interface ChartScene {
  items: SceneItem[];
  symbols: SceneSymbol[];
  /** Everything drawn, labels included: the image is cut from this, so nothing is clipped. */
  bounds: Box;
  legend: LegendInput;
  entityIds: string[];
  linkIds: string[];
}

/** Cytoscape's triangle arrow: its size grows with the line width (see its arrow shapes). */
export function arrowSize(lineWidth: number, scale: number = EXPORT_CHART_STYLE.arrowScale): number {
  return Math.max(Math.pow(lineWidth * 13.37, 0.9), 29) * scale;
}

function edgeGeometry(edge: ExportEdge): { commands: PathCommand[]; arrow: PathCommand[] | null; mid: Point; angle: number } {
  const points = [edge.source, ...edge.controls, edge.target];
  const last = points[points.length - 2] ?? edge.source;
  let dx = edge.target.x - last.x;
  let dy = edge.target.y - last.y;
  const length = Math.hypot(dx, dy) || 1;
  dx /= length;
  dy /= length;

  let end = edge.target;
  let arrow: PathCommand[] | null = null;
  if (edge.directed) {
    const size = arrowSize(edge.width);
    const back = 0.3 * size;
    const half = 0.15 * size;
    const base = { x: edge.target.x - dx * back, y: edge.target.y - dy * back };
    arrow = [
      { op: 'M', x: edge.target.x, y: edge.target.y },
      { op: 'L', x: base.x - dy * half, y: base.y + dx * half },
      { op: 'L', x: base.x + dy * half, y: base.y - dx * half },
      { op: 'Z' },
    ];
    // The line stops inside the arrow head, so a wide line never shows past its tip.
    end = { x: edge.target.x - dx * back * 0.8, y: edge.target.y - dy * back * 0.8 };
  }

  const commands: PathCommand[] = [{ op: 'M', x: edge.source.x, y: edge.source.y }];
  const cps = edge.controls;
  if (cps.length === 0) {
    commands.push({ op: 'L', x: end.x, y: end.y });
  } else {
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i]!;
      const next = cps[i + 1];
      const to = next ? { x: (cp.x + next.x) / 2, y: (cp.y + next.y) / 2 } : end;
      commands.push({ op: 'Q', cx: cp.x, cy: cp.y, x: to.x, y: to.y });
    }
  }

  let mid = edge.midpoint;
  if (!mid) {
    if (cps.length === 0) mid = { x: (edge.source.x + edge.target.x) / 2, y: (edge.source.y + edge.target.y) / 2 };
    else if (cps.length === 1) {
      const cp = cps[0]!;
      mid = { x: 0.25 * edge.source.x + 0.5 * cp.x + 0.25 * edge.target.x, y: 0.25 * edge.source.y + 0.5 * cp.y + 0.25 * edge.target.y };
    } else {
      const a = cps[Math.floor((cps.length - 1) / 2)]!;
      const b = cps[Math.ceil((cps.length - 1) / 2)]!;
      mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
  }
  // Autorotated as the chart does it, and never upside down.
  let angle = (Math.atan2(edge.target.y - edge.source.y, edge.target.x - edge.source.x) * 180) / Math.PI;
  if (angle > 90) angle -= 180;
  if (angle <= -90) angle += 180;
  if (edge.controls.length > 1 && Math.hypot(edge.target.x - edge.source.x, edge.target.y - edge.source.y) < 1) angle = 0;
  return { commands, arrow, mid, angle };
}

function textBlock(
  text: string,
  options: { x: number; y: number; anchor: TextItem['anchor']; fontSize: number; weight: TextItem['weight']; colour: string; maxWidth?: number },
  measure: TextMeasurer,
): TextItem | null {
  const width = (line: string) => measure(line, options.fontSize, options.weight);
  const lines = options.maxWidth === undefined ? [cleanText(text).replace(/\s+/g, ' ').trim()].filter((l) => l !== '') : wrapText(text, options.maxWidth, width);
  if (lines.length === 0) return null;
  return {
    kind: 'text',
    x: options.x,
    y: options.y,
    anchor: options.anchor,
    lines: lines.map((line) => ({ text: line, width: width(line) })),
    fontSize: options.fontSize,
    lineHeight: options.fontSize * EXPORT_CHART_STYLE.lineHeightEm,
    weight: options.weight,
    colour: options.colour,
  };
}

/** The dash of a link: by its strength when it has one, else dashed when unsourced, else solid. */
export function edgeDash(edge: Pick<ExportEdge, 'strength' | 'unsourced'>): number[] | null {
  if (edge.strength) {
    const dash = EXPORT_CHART_STYLE.strengthDash[edge.strength];
    return dash ? [...dash] : null;
  }
  return edge.unsourced ? [...EXPORT_CHART_STYLE.edgeDash] : null;
}

/** A scene symbol id for an entity type: derived from the catalogue, never from imported text. */
export function symbolIdForType(typeId: string): string {
  return `icon-${entityTypeDefinition(typeId).id.replace(/[^a-z0-9_]/g, '')}`;
}

/**
 * The chart as scene items, in drawing order: annotation shapes, links, link labels, nodes, node
 * labels (over every node, so none is hidden), annotation notes and arrows.
 */
export function buildChartScene(chart: ExportChart, options: ChartSceneOptions, measure: TextMeasurer): ChartScene {
  const style = EXPORT_CHART_STYLE;
  const under: SceneItem[] = [];
  const over: SceneItem[] = [];
  if (options.annotations) {
    for (const annotation of chart.annotations) {
      const drawn = annotationItems(annotation, measure);
      under.push(...drawn.under);
      over.push(...drawn.over);
    }
  }

  const edgeItems: SceneItem[] = [];
  const edgeLabels: SceneItem[] = [];
  for (const edge of chart.edges) {
    const geometry = edgeGeometry(edge);
    const dash = edgeDash(edge);
    const stroke = { colour: edge.colour, width: edge.width, ...(dash ? { dash } : {}) };
    edgeItems.push({ kind: 'path', commands: geometry.commands, stroke });
    if (geometry.arrow) edgeItems.push({ kind: 'path', commands: geometry.arrow, fill: { colour: edge.colour } });
    if (options.linkLabels) {
      const label = style.edgeLabel;
      const fontSize = label.fontSize;
      const lineHeight = fontSize * style.lineHeightEm;
      const item = textBlock(
        edge.label,
        { x: geometry.mid.x, y: geometry.mid.y - lineHeight / 2, anchor: 'middle', fontSize, weight: 'normal', colour: edge.tone === 'hostile' ? label.hostileColour : label.colour },
        measure,
      );
      if (item) {
        if (geometry.angle !== 0) item.rotation = geometry.angle;
        item.background = { colour: label.background, opacity: label.backgroundOpacity, padding: label.padding, radius: 0 };
        edgeLabels.push(item);
      }
    }
  }

  const symbols = new Map<string, SceneSymbol>();
  const nodeItems: SceneItem[] = [];
  const nodeLabels: SceneItem[] = [];
  for (const node of chart.nodes) {
    const type = entityTypeDefinition(node.typeId);
    const symbol = symbolIdForType(type.id);
    if (!symbols.has(symbol)) symbols.set(symbol, { id: symbol, path: type.iconPath });
    const border = node.unsourced
      ? { colour: style.unsourcedBorder.colour, width: style.unsourcedBorder.width, dash: [...style.unsourcedBorder.dash] }
      : { colour: style.nodeBorderColour, width: style.nodeBorderWidth };
    const rx = node.width / 2;
    const ry = node.height / 2;
    if (Math.abs(rx - ry) < 1e-6) nodeItems.push({ kind: 'circle', cx: node.x, cy: node.y, r: rx, fill: { colour: node.fill }, stroke: border });
    else nodeItems.push({ kind: 'ellipse', cx: node.x, cy: node.y, rx, ry, fill: { colour: node.fill }, stroke: border });
    const iconSize = Math.min(node.width, node.height) * style.iconScale;
    nodeItems.push({ kind: 'icon', symbol, x: node.x - iconSize / 2, y: node.y - iconSize / 2, size: iconSize, colour: style.iconColour });
    const label = style.nodeLabel;
    const item = textBlock(
      node.label,
      { x: node.x, y: node.y + ry + border.width / 2 + label.marginY, anchor: 'middle', fontSize: label.fontSize, weight: 'normal', colour: label.colour, maxWidth: label.maxWidth },
      measure,
    );
    if (item) {
      item.background = { colour: label.background, opacity: label.backgroundOpacity, padding: label.padding, radius: 2 };
      nodeLabels.push(item);
    }
  }

  const items = [...under, ...edgeItems, ...edgeLabels, ...nodeItems, ...nodeLabels, ...over];
  const bounds = emptyBox();
  for (const item of items) includeBox(bounds, itemBounds(item));
  return {
    items,
    symbols: [...symbols.values()],
    bounds,
    legend: {
      entityTypes: chart.nodes.map((n) => n.typeId),
      links: chart.edges.map((e) => ({ tone: e.tone, directed: e.directed, colour: e.colour })),
      unsourced: chart.nodes.some((n) => n.unsourced) || chart.edges.some((e) => e.unsourced && !e.strength),
      strengths: [...new Set(chart.edges.flatMap((e) => (e.strength ? [e.strength] : [])))],
    },
    entityIds: chart.nodes.map((n) => n.id),
    linkIds: chart.edges.map((e) => e.id),
  };
}
