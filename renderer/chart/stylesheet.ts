import type { EdgeSingular, NodeSingular, StylesheetJson } from 'cytoscape';
import { ENTITY_TYPES } from '../../app/entityTypes';
import { entityGlyphUri, NOTE_BADGE_HEIGHT, noteBadge, rasterGlyphUri } from './nodeIcons';
import { ANALYSIS_CLASS, analysisStylesheet } from '../analysis/analysisStylesheet';

/** The UI font, as styles.css sets it for the page: the chart's labels match the panels. */
export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const NODE_SIZE = 34;
/** The type icon's size within the node's disc. */
const ICON_SIZE = '62%';
export const NODE_SIZE_MAX = 50;
/** Degrees over which a node grows from NODE_SIZE to NODE_SIZE_MAX (clamped outside). */
export const NODE_SIZE_DEGREES = [2, 30] as const;
const NODE_SIZE_BY_DEGREE = `mapData(degree, ${NODE_SIZE_DEGREES[0]}, ${NODE_SIZE_DEGREES[1]}, ${NODE_SIZE}, ${NODE_SIZE_MAX})`;

/** A node's drawn size for its degree, as the stylesheet maps it (for drawing outside Cytoscape). */
export function nodeSizeForDegree(degree: number): number {
  const [low, high] = NODE_SIZE_DEGREES;
  const t = Math.min(1, Math.max(0, (degree - low) / (high - low)));
  return NODE_SIZE + t * (NODE_SIZE_MAX - NODE_SIZE);
}

/** An entity's border (px at zoom 1), in the canvas's colour: it keeps touching entities apart. */
export const NODE_BORDER_WIDTH = 2;

/** Chart colours in the light theme (and in exported images); the hostile red matches the legend's. */
export const CHART_COLOURS = {
  text: '#1f2328',
  edgeText: '#4b535c',
  affiliation: '#67727e',
  neutral: '#a2abb4',
  hostile: '#c0392b',
  hostileText: '#a93226',
  selection: '#1a73e8',
  labelBackground: '#ffffff',
  nodeBorder: '#ffffff',
  groupBorder: '#5f6b76',
  outside: '#fbfbfc',
} as const;

export type ChartPalette = { readonly [K in keyof typeof CHART_COLOURS]: string };

/**
 * The same roles on the dark theme's canvas (styles.css --chart-bg): light text on dark label
 * backgrounds, links a step lighter than on white so they keep their contrast, the selection
 * blue of the dark theme's accent. Entity type colours stay as they are (they are the legend's).
 */
export const DARK_CHART_COLOURS: ChartPalette = {
  text: '#e6e8eb',
  edgeText: '#b8c0c9',
  affiliation: '#8f9aa6',
  neutral: '#646f7b',
  hostile: '#ff6b5b',
  hostileText: '#ff8a7d',
  selection: '#6ea8fe',
  labelBackground: '#1f242a',
  nodeBorder: '#1f242a',
  groupBorder: '#a8b0ba',
  outside: '#1f242a',
};

export const chartPalette = (theme: 'light' | 'dark' = 'light'): ChartPalette => (theme === 'dark' ? DARK_CHART_COLOURS : CHART_COLOURS);

/** Styling classes added by the style-sync controller from UI state (not from data). */
export const UI_CLASS = {
  /** An edge of the selected node: drawn stronger so the node's relations stand out. */
  incident: 'incident',
  /** Not next to the selection: drawn faint so the selection's neighbourhood reads at a glance. */
  faded: 'faded',
  /** An entity selected or next to the selection: on a large chart, labelled at any zoom where a label can be read. */
  near: 'near',
  /** On a large chart zoomed in to read labels: an entity in view, labelled (levelOfDetail.ts). */
  inView: 'in-view',
  /** The analysis overlay's classes (filters, highlight, pins, group nodes): renderer/analysis/chartOverlay.ts. */
  ...ANALYSIS_CLASS,
} as const;

/** The opacity of what is away from the selection (UI_CLASS.faded): entities, links. */
export const FADED_OPACITY = { node: 0.3, edge: 0.15 } as const;

/** From this many entities a chart is drawn with the large chart's level of detail. */
export const LARGE_CHART_NODES = 1000;

export interface ChartStyleOptions {
  /**
   * A large chart (LARGE_CHART_NODES or more): entity labels only from 50% zoom, where they can be
   * read, or on the selection and its neighbours; link labels only on the selection's links.
   * Measured in `npm run bench` (render): labels below legibility were most of the first frame.
   */
  large?: boolean;
  /** The app's theme: the chart's text, label backgrounds, borders and links follow it. */
  theme?: 'light' | 'dark';
}

/**
 * The chart's whole stylesheet: one rule per entity type of the catalogue, and rules for the
 * classes chartElements() and the style controller set. Derived from data, never from positions.
 */
export function buildChartStylesheet(options: ChartStyleOptions = {}): StylesheetJson {
  const C = chartPalette(options.theme);
  // A large chart's icons as bitmaps (see rasterGlyphUri); a small chart's stay vectors, sharp in exports at any scale.
  const glyph = options.large ? rasterGlyphUri : entityGlyphUri;
  const sheet: StylesheetJson = [
    {
      selector: 'core',
      style: {
        'selection-box-color': C.selection,
        'selection-box-border-color': C.selection,
        'selection-box-opacity': 0.12,
        'selection-box-border-width': 1,
        'outside-texture-bg-color': C.outside,
        'outside-texture-bg-opacity': 1,
        'active-bg-color': C.selection,
        'active-bg-opacity': 0.12,
        'active-bg-size': 20,
      },
    },
    {
      selector: 'node',
      style: {
        // Hubs a little larger (34 px up to 50 px from 2 to 30 links): the structure reads at a glance.
        width: NODE_SIZE_BY_DEGREE,
        height: NODE_SIZE_BY_DEGREE,
        shape: 'ellipse',
        'background-color': '#7f8c8d',
        'background-fit': 'none',
        'background-width': ICON_SIZE,
        'background-height': ICON_SIZE,
        'background-clip': 'none',
        'border-width': NODE_BORDER_WIDTH,
        'border-color': C.nodeBorder,
        'border-opacity': 1,
        label: 'data(label)',
        'font-family': CHART_FONT,
        'font-size': 14,
        'font-weight': 500,
        color: C.text,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        'text-background-color': C.labelBackground,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        // Below ~5 px on screen a label is noise; the analyst zooms in to read it.
        'min-zoomed-font-size': 5,
        'overlay-opacity': 0,
        'z-index': 10,
      },
    },
  ];
  for (const type of ENTITY_TYPES) {
    sheet.push({
      selector: `node[typeKey = "${type.id}"]`,
      style: { 'background-color': type.color, 'background-image': glyph(type.id) },
    });
  }
  sheet.push(
    noteBadgeRule(glyph),
    // The analyst's own colour for an entity wins over its type's.
    { selector: 'node[color]', style: { 'background-color': 'data(color)' } },
    // While a link is drawn from the link handle: the entity it would end on.
    { selector: 'node.link-target', style: { 'underlay-color': C.selection, 'underlay-opacity': 0.35, 'underlay-padding': 8 } },
    {
      selector: 'node.unsourced',
      style: { 'border-style': 'dashed', 'border-color': C.groupBorder, 'border-width': 1.5 },
    },
    {
      selector: 'node:selected',
      style: {
        'border-width': 3,
        'border-style': 'solid',
        'border-color': C.selection,
        'underlay-color': C.selection,
        'underlay-padding': 5,
        'underlay-opacity': 0.22,
        'underlay-shape': 'ellipse',
        'font-weight': 700,
        'z-index': 20,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'curve-style': 'bezier',
        'control-point-step-size': 36,
        'line-color': C.affiliation,
        'target-arrow-shape': 'none',
        'target-arrow-color': C.affiliation,
        'arrow-scale': 0.9,
        label: 'data(label)',
        'font-family': CHART_FONT,
        'font-size': 9.5,
        color: C.edgeText,
        'text-rotation': 'autorotate',
        'text-background-color': C.labelBackground,
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        // Link labels show once they can be read (zoomed in, or on the selection's links, which
        // are drawn larger); at a whole-chart zoom they would only be grey noise over the lines.
        // (Cytoscape compares with the zoom rounded up to a power of two: 10 hides 9.5 px labels
        // below zoom 1 and shows the 12 px labels of the selection's links from zoom 0.5.)
        'min-zoomed-font-size': 10,
        'overlay-opacity': 0,
        'z-index': 1,
      },
    },
    // A link with notes says how many after its label; shown wherever the label is.
    { selector: 'edge[notes > 0]', style: { label: (edge: EdgeSingular) => labelWithNoteCount(edge.data('label'), edge.data('notes')) } },
    { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle' } },
    {
      selector: 'edge.tone-neutral',
      style: { 'line-color': C.neutral, 'target-arrow-color': C.neutral },
    },
    {
      selector: 'edge.tone-hostile',
      style: {
        'line-color': C.hostile,
        'target-arrow-color': C.hostile,
        color: C.hostileText,
        width: 1.8,
      },
    },
    { selector: 'edge.unsourced', style: { 'line-style': 'dashed', 'line-dash-pattern': [5, 3] } },
    // Link strength in the i2 convention (app/linkStrength.ts): confirmed solid, unconfirmed dashed, tentative dotted.
    { selector: 'edge[strength = "confirmed"]', style: { 'line-style': 'solid' } },
    { selector: 'edge[strength = "unconfirmed"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 3] } },
    { selector: 'edge[strength = "tentative"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [1.5, 3] } },
    {
      selector: `edge.${UI_CLASS.incident}`,
      style: { width: 2.6, 'font-size': 12, 'font-weight': 600, color: C.text, 'text-background-opacity': 0.92, 'z-index': 5 },
    },
    { selector: `node.${UI_CLASS.faded}`, style: { opacity: FADED_OPACITY.node } },
    { selector: `edge.${UI_CLASS.faded}`, style: { opacity: FADED_OPACITY.edge } },
    {
      selector: 'edge:selected',
      style: {
        width: 3,
        'line-color': C.selection,
        'target-arrow-color': C.selection,
        color: C.selection,
        'font-size': 12,
        'font-weight': 700,
        // Above the nodes, so the selected link and its label are never hidden under one.
        'z-index-compare': 'manual',
        'z-index': 30,
      },
    },
  );
  if (options.large) sheet.push(...largeChartRules(glyph));
  // Last: an analysis answer's highlight and dimming win over the selection's emphasis.
  sheet.push(...analysisStylesheet(C));
  return sheet;
}

/**
 * Level of detail for a large chart. Entity labels are mapped only on the selection, its
 * neighbours and, from LABEL_ZOOM up, the entities in view (UI_CLASS.inView, set by
 * levelOfDetail.ts). Cytoscape compares a label's size with the zoom rounded up to a power of two:
 * a minimum of 12 px shows the 14 px labels in view from zoom 0.5 up (where they are 7 px or
 * more), and the selection's from 5 px as on any chart. Link labels (9.5 px) would be
 * unreadable before zoom 1 anyway; on a large chart only the selection's links carry theirs.
 */
function largeChartRules(glyph: (typeId: string) => string): StylesheetJson {
  const icon = (node: NodeSingular) => glyph(String(node.data('typeKey')));
  return [
    // No label mapped at all outside view or below the label zoom: a mapped label costs its texture
    // on every frame even where min-zoomed-font-size hides it (levelOfDetail.ts says how it was measured).
    // Icons likewise: below the label zoom an entity is a disc in its type's colour, as in an overview.
    { selector: 'node', style: { label: '', 'min-zoomed-font-size': 12, 'background-image': 'none' } },
    { selector: `node.${UI_CLASS.inView}, node.${UI_CLASS.group}`, style: { label: 'data(label)' } },
    { selector: `node.${UI_CLASS.inView}[typeKey]`, style: { 'background-image': icon } },
    { selector: `node:selected, node.${UI_CLASS.near}`, style: { label: 'data(label)', 'min-zoomed-font-size': 5 } },
    { selector: `node:selected[typeKey], node.${UI_CLASS.near}[typeKey]`, style: { 'background-image': icon } },
    // A note's badge shows at every zoom (few entities have one).
    noteBadgeRule(glyph),
    // Links as straight centre-to-centre lines (Cytoscape's haystack: no control points to find, no
    // arrows); the selection's links and an analysis answer's keep their curves and arrows.
    { selector: 'edge', style: { label: '', 'curve-style': 'haystack', 'haystack-radius': 0 } },
    {
      selector: `edge.${UI_CLASS.incident}, edge:selected`,
      style: { 'curve-style': 'bezier', label: (edge: EdgeSingular) => labelWithNoteCount(edge.data('label'), edge.data('notes')) },
    },
    { selector: `edge.${UI_CLASS.hit}`, style: { 'curve-style': 'bezier' } },
  ];
}

/** How far the note badge sits out from the corner of the node's box (px): on the disc's rim, not over its icon. */
const NOTE_BADGE_OUTSET = 3;

/**
 * The images the stylesheet gives these nodes (their type's glyph, a note count's badge), for the
 * chart to load before Cytoscape first draws them: an image that finishes loading after a node
 * was drawn makes Cytoscape draw that node again, and a large chart again whole.
 */
export function chartImageUrls(nodes: Iterable<{ typeKey: string; notes?: number | undefined }>, large: boolean): Set<string> {
  const glyph = large ? rasterGlyphUri : entityGlyphUri;
  const urls = new Set<string>();
  const types = new Set<string>();
  const counts = new Set<number>();
  for (const node of nodes) {
    types.add(node.typeKey);
    if (node.notes !== undefined && node.notes > 0) counts.add(node.notes);
  }
  for (const type of types) urls.add(glyph(type));
  for (const count of counts) urls.add(noteBadge(count).uri);
  return urls;
}

/**
 * Nodes with notes: a second background image, the count badge, drawn over the node (and its
 * border) at the top-right corner. Cytoscape lists the values of every image property per image,
 * so the icon's values are repeated first; the node's drawn bounds grow to take in the part of
 * the badge that sits outside its box, so it is never clipped or left behind when the node moves.
 */
function noteBadgeRule(glyph: (typeId: string) => string): StylesheetJson[number] {
  const badgeOf = (node: NodeSingular) => noteBadge(Number(node.data('notes')));
  return {
    selector: 'node[notes > 0]',
    style: {
      'background-image': (node: NodeSingular) => [glyph(String(node.data('typeKey'))), badgeOf(node).uri],
      'background-width': (node: NodeSingular) => [ICON_SIZE, `${badgeOf(node).width}px`],
      'background-height': [ICON_SIZE, `${NOTE_BADGE_HEIGHT}px`],
      'background-fit': ['none', 'none'],
      'background-clip': ['none', 'none'],
      'background-image-containment': ['inside', 'over'],
      'background-position-x': ['50%', '100%'],
      'background-position-y': ['50%', '0%'],
      'background-offset-x': [0, NOTE_BADGE_OUTSET],
      'background-offset-y': [0, -NOTE_BADGE_OUTSET],
      // [top, right, bottom, left]: only where the badge reaches past the node's box.
      'bounds-expansion': [NOTE_BADGE_OUTSET + 1, NOTE_BADGE_OUTSET + 1, 0, 0],
    },
  };
}

/** A link's label with its note count ("commands ✎2"); the count alone when the label is empty. */
export function labelWithNoteCount(label: unknown, notes: unknown): string {
  const text = typeof label === 'string' ? label : '';
  const count = typeof notes === 'number' && notes > 0 ? `\u270E${notes}` : '';
  return text && count ? `${text}  ${count}` : text || count;
}

/** The colour of a link tone, for the legend. */
export function toneColour(tone: 'affiliation' | 'hostile' | 'neutral'): string {
  return tone === 'hostile' ? CHART_COLOURS.hostile : tone === 'neutral' ? CHART_COLOURS.neutral : CHART_COLOURS.affiliation;
}
