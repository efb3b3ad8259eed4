import { symbolIdForType, type ChartScene } from './chartScene';
import { footnoteEntries, type CitedSource } from './footnote';
import { imageLegend, type LegendEntry } from './imageLegend';
import { bannerFor, type MarkingChoice } from './marking';
import { isEmptyBox, type Box, type SceneItem, type Scene, type TextItem } from './scene';
import { paperMm, paperUnits, type ImageFormat, type SizeChoice } from './sizing';
import { oneLine, wrapText, type TextMeasurer } from './text';

export type ExportScope = 'chart' | 'view' | 'selection';
export type BackgroundChoice = 'theme' | 'white' | 'transparent';

/** Everything the analyst chooses in the export dialog. */
export interface ImageExportOptions {
  format: ImageFormat;
  scope: ExportScope;
  size: SizeChoice;
  background: BackgroundChoice;
  title: string;
  subtitle: string;
  /** The date line as typed (the dialog fills in today); empty for none. */
  date: string;
  /** Only ever what the analyst typed: never the account name. */
  author: string;
  marking: MarkingChoice;
  legend: boolean;
  footnote: boolean;
  annotations: boolean;
  linkLabels: boolean;
}

/** Transparency is for PNG and SVG; JPEG has none and a PDF page is paper. */
export function supportsTransparency(format: ImageFormat): boolean {
  return format === 'png' || format === 'svg';
}

/** The page's text, secondary text and rules: dark on a light page, light on a dark one. */
export interface PageInk {
  text: string;
  muted: string;
  rule: string;
  /** True for the light ink of a dark page. */
  onDark: boolean;
}
const DARK_INK: PageInk = { text: '#1f2328', muted: '#5f6872', rule: '#c3c9d0', onDark: false };
const LIGHT_INK: PageInk = { text: '#e6e8eb', muted: '#a8b0ba', rule: '#4b535e', onDark: true };
/** The banner's rule under a white marking is drawn in the dark ink whatever the page. */
const TEXT = DARK_INK.text;

/**
 * The ink that reads on a page of this background: the light ink on a dark background (the dark
 * theme's chart colour, exported with "Theme"), else the dark ink (white, and transparent, which
 * is usually placed on a light slide).
 */
export function inkOn(background: string | null): PageInk {
  const hex = background === null ? null : normaliseColour(background);
  if (hex === null) return DARK_INK;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45 ? LIGHT_INK : DARK_INK;
}

/** The page's background for these options: null when transparent, the theme's chart colour for "Theme". */
export function pageBackground(options: Pick<ImageExportOptions, 'background' | 'format'>, themeBackground: string): string | null {
  if (options.background === 'transparent' && supportsTransparency(options.format)) return null;
  return options.background === 'theme' ? (normaliseColour(themeBackground) ?? '#ffffff') : '#ffffff';
}

export const PAGE_STYLE = {
  marginScale: 24,
  marginPaper: 36,
  /** Space around the chart's own bounds, so antialiased edges are never cut. */
  chartPad: 6,
  minContentWidth: 420,
  banner: { height: 24, fontSize: 12 },
  title: { fontSize: 22, lineHeight: 28 },
  subtitle: { fontSize: 15, lineHeight: 20 },
  meta: { fontSize: 12, lineHeight: 16 },
  legend: { fontSize: 12, rowHeight: 20, swatch: 14, lineSwatch: 24, gap: 6, itemGap: 18 },
  footnote: { fontSize: 10, lineHeight: 13, headingSize: 10.5 },
  gap: 12,
  /** A chart on paper is scaled to fit, but never blown up past this. */
  maxPaperScale: 3,
  /** On paper, the chart keeps at least this share of the page height; a long footnote is cut short. */
  minChartShare: 0.35,
} as const;

interface Block {
  height: number;
  /** Items placed with the block's top-left at (0, 0). */
  items: SceneItem[];
}

function translate(items: SceneItem[], dx: number, dy: number): SceneItem[] {
  return items.map((item): SceneItem => {
    switch (item.kind) {
      case 'circle':
      case 'ellipse':
        return { ...item, cx: item.cx + dx, cy: item.cy + dy };
      case 'rect':
      case 'icon':
      case 'text':
        return { ...item, x: item.x + dx, y: item.y + dy };
      case 'path':
        return {
          ...item,
          commands: item.commands.map((c) => {
            switch (c.op) {
              case 'Z':
                return c;
              case 'Q':
                return { ...c, x: c.x + dx, y: c.y + dy, cx: c.cx + dx, cy: c.cy + dy };
              case 'C':
                return { ...c, x: c.x + dx, y: c.y + dy, c1x: c.c1x + dx, c1y: c.c1y + dy, c2x: c.c2x + dx, c2y: c.c2y + dy };
              default:
                return { ...c, x: c.x + dx, y: c.y + dy };
            }
          }),
        };
    }
  });
}

function paragraph(
  text: string,
  width: number,
  style: { fontSize: number; lineHeight: number; weight: TextItem['weight']; colour: string },
  measure: TextMeasurer,
): Block | null {
  const lines = wrapText(oneLine(text), width, (t) => measure(t, style.fontSize, style.weight), true);
  if (lines.length === 0) return null;
  return {
    height: lines.length * style.lineHeight,
    items: [
      {
        kind: 'text',
        x: 0,
        y: 0,
        anchor: 'start',
        lines: lines.map((t) => ({ text: t, width: measure(t, style.fontSize, style.weight) })),
        fontSize: style.fontSize,
        lineHeight: style.lineHeight,
        weight: style.weight,
        colour: style.colour,
      },
    ],
  };
}

function headerBlock(options: ImageExportOptions, width: number, measure: TextMeasurer, ink: PageInk): Block | null {
  const s = PAGE_STYLE;
  const parts: Block[] = [];
  const title = paragraph(options.title, width, { ...s.title, weight: 'bold', colour: ink.text }, measure);
  if (title) parts.push(title);
  const subtitle = paragraph(options.subtitle, width, { ...s.subtitle, weight: 'normal', colour: ink.text }, measure);
  if (subtitle) parts.push(subtitle);
  const meta = [oneLine(options.date), oneLine(options.author)].filter((t) => t !== '').join('  ·  ');
  const metaBlock = paragraph(meta, width, { ...s.meta, weight: 'normal', colour: ink.muted }, measure);
  if (metaBlock) parts.push({ height: metaBlock.height + 2, items: translate(metaBlock.items, 0, 2) });
  return stack(parts, 2);
}

function stack(blocks: Block[], gap: number): Block | null {
  if (blocks.length === 0) return null;
  const items: SceneItem[] = [];
  let y = 0;
  blocks.forEach((block, index) => {
    if (index > 0) y += gap;
    items.push(...translate(block.items, 0, y));
    y += block.height;
  });
  return { height: y, items };
}

function legendSwatch(entry: LegendEntry, x: number, y: number): SceneItem[] {
  const s = PAGE_STYLE.legend;
  if (entry.kind === 'entity') {
    const r = s.swatch / 2;
    const items: SceneItem[] = [{ kind: 'circle', cx: x + r, cy: y, r, fill: { colour: entry.colour } }];
    if (entry.iconPath) {
      const size = s.swatch * 0.72;
      items.push({ kind: 'icon', symbol: symbolIdForType(entry.key), x: x + r - size / 2, y: y - size / 2, size, colour: '#ffffff' });
    }
    return items;
  }
  const w = s.lineSwatch;
  const items: SceneItem[] = [
    {
      kind: 'path',
      commands: [
        { op: 'M', x, y },
        { op: 'L', x: x + (entry.arrow ? w - 6 : w), y },
      ],
      stroke: { colour: entry.colour, width: 2, ...(entry.dashed ? { dash: entry.dash ?? [5, 3] } : {}) },
    },
  ];
  if (entry.arrow) {
    items.push({
      kind: 'path',
      commands: [{ op: 'M', x: x + w, y }, { op: 'L', x: x + w - 8, y: y - 4 }, { op: 'L', x: x + w - 8, y: y + 4 }, { op: 'Z' }],
      fill: { colour: entry.colour },
    });
  }
  return items;
}

function legendBlock(entries: LegendEntry[], width: number, measure: TextMeasurer, ink: PageInk): Block | null {
  if (entries.length === 0) return null;
  const s = PAGE_STYLE.legend;
  const items: SceneItem[] = [];
  let x = 0;
  let row = 0;
  for (const entry of entries) {
    const swatchWidth = entry.kind === 'entity' ? s.swatch : s.lineSwatch;
    const textWidth = measure(entry.label, s.fontSize, 'normal');
    const itemWidth = swatchWidth + s.gap + textWidth;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row += 1;
    }
    const cy = row * s.rowHeight + s.rowHeight / 2;
    items.push(...legendSwatch(entry, x, cy));
    items.push({
      kind: 'text',
      x: x + swatchWidth + s.gap,
      y: cy - (s.fontSize * 1.2) / 2,
      anchor: 'start',
      lines: [{ text: entry.label, width: textWidth }],
      fontSize: s.fontSize,
      lineHeight: s.fontSize * 1.2,
      weight: 'normal',
      colour: ink.text,
    });
    x += itemWidth + s.itemGap;
  }
  return { height: (row + 1) * s.rowHeight, items };
}

function footnoteBlock(entries: string[], width: number, measure: TextMeasurer, maxHeight: number, ink: PageInk): Block | null {
  if (entries.length === 0) return null;
  const s = PAGE_STYLE.footnote;
  const heading = paragraph(entries.length === 1 ? 'Source' : 'Sources', width, { fontSize: s.headingSize, lineHeight: s.lineHeight + 2, weight: 'bold', colour: ink.text }, measure);
  const blocks: Block[] = heading ? [heading] : [];
  let height = heading?.height ?? 0;
  for (let i = 0; i < entries.length; i++) {
    const block = paragraph(entries[i]!, width, { fontSize: s.fontSize, lineHeight: s.lineHeight, weight: 'normal', colour: ink.muted }, measure);
    if (!block) continue;
    const remaining = entries.length - i - 1;
    if (height + block.height + (remaining > 0 ? s.lineHeight : 0) > maxHeight) {
      const more = paragraph(`… and ${entries.length - i} more source${entries.length - i === 1 ? '' : 's'} (list them in full by exporting at a larger size).`, width, { fontSize: s.fontSize, lineHeight: s.lineHeight, weight: 'normal', colour: ink.muted }, measure);
      if (more) blocks.push(more);
      break;
    }
    blocks.push(block);
    height += block.height;
  }
  return stack(blocks, 0);
}

interface BannerLayout {
  background: string;
  textColour: string;
  lines: string[];
  height: number;
}

/** The banner's lines at the page width (a long marking wraps; it is never cut) and its height. */
function bannerLayout(marking: MarkingChoice, pageWidth: number, measure: TextMeasurer): BannerLayout | null {
  const banner = bannerFor(marking);
  if (!banner) return null;
  const s = PAGE_STYLE.banner;
  const lines = wrapText(banner.text, pageWidth - 16, (t) => measure(t, s.fontSize, 'bold'), true);
  return { background: banner.background, textColour: banner.textColour, lines, height: Math.max(s.height, lines.length * s.fontSize * 1.2 + 10) };
}

function bannerItems(banner: BannerLayout, y: number, pageWidth: number, edge: 'top' | 'bottom', measure: TextMeasurer): SceneItem[] {
  const s = PAGE_STYLE.banner;
  const items: SceneItem[] = [{ kind: 'rect', x: 0, y, width: pageWidth, height: banner.height, fill: { colour: banner.background } }];
  if (banner.background === '#ffffff') {
    const ruleY = edge === 'top' ? y + banner.height - 0.5 : y + 0.5;
    items.push({ kind: 'path', commands: [{ op: 'M', x: 0, y: ruleY }, { op: 'L', x: pageWidth, y: ruleY }], stroke: { colour: TEXT, width: 1 } });
  }
  const lineHeight = s.fontSize * 1.2;
  items.push({
    kind: 'text',
    x: pageWidth / 2,
    y: y + (banner.height - lineHeight * banner.lines.length) / 2,
    anchor: 'middle',
    lines: banner.lines.map((text) => ({ text, width: measure(text, s.fontSize, 'bold') })),
    fontSize: s.fontSize,
    lineHeight,
    weight: 'bold',
    colour: banner.textColour,
  });
  return items;
}

export interface PageInput {
  chart: ChartScene;
  /** The sources the chart's items cite (for the footnote). */
  sources: readonly CitedSource[];
  /** The chart's background colour in the app's theme. */
  themeBackground: string;
}

/**
 * Lays out the page: banner, title block, chart, legend, footnote, banner. With a scale the page
 * grows around the chart at its own size; on paper the chart is scaled to fit what is left.
 */
export function buildExportScene(input: PageInput, options: ImageExportOptions, measure: TextMeasurer): Scene {
  const s = PAGE_STYLE;
  const bounds: Box = isEmptyBox(input.chart.bounds) ? { x1: 0, y1: 0, x2: 200, y2: 100 } : input.chart.bounds;
  const chartW = bounds.x2 - bounds.x1 + 2 * s.chartPad;
  const chartH = bounds.y2 - bounds.y1 + 2 * s.chartPad;
  const paper = options.size.mode === 'paper' ? paperUnits(options.size.paper, options.size.orientation) : null;
  const margin = paper ? s.marginPaper : s.marginScale;
  const contentW = paper ? paper.width - 2 * margin : Math.max(chartW, s.minContentWidth);
  // A paper page is as wide as the paper; a scaled page as wide as its content and margins.
  const banner = bannerLayout(options.marking, paper ? paper.width : contentW + 2 * margin, measure);
  const bannerH = banner?.height ?? 0;

  const background = pageBackground(options, input.themeBackground);
  const ink = inkOn(background);
  const header = headerBlock(options, contentW, measure, ink);
  const legend = options.legend ? legendBlock(imageLegend(input.chart.legend), contentW, measure, ink) : null;
  const footEntries = options.footnote ? footnoteEntries(input.sources) : [];

  const fixedAbove = bannerH + margin + (header ? header.height + s.gap : 0);
  const fixedBelowWithoutFoot = (legend ? s.gap + legend.height : 0) + margin + bannerH;

  let footnote: Block | null;
  let pageW: number;
  let pageH: number;
  let scale: number;
  let area: { x: number; y: number; width: number; height: number };
  if (paper) {
    const budget = paper.height - fixedAbove - fixedBelowWithoutFoot - s.gap - paper.height * s.minChartShare;
    footnote = footnoteBlock(footEntries, contentW, measure, Math.max(s.footnote.lineHeight * 3, budget), ink);
    const below = fixedBelowWithoutFoot + (footnote ? s.gap + footnote.height : 0);
    const areaH = Math.max(40, paper.height - fixedAbove - below);
    pageW = paper.width;
    pageH = paper.height;
    scale = Math.min(contentW / chartW, areaH / chartH, s.maxPaperScale);
    area = { x: margin, y: fixedAbove, width: contentW, height: areaH };
  } else {
    footnote = footnoteBlock(footEntries, contentW, measure, Infinity, ink);
    const below = fixedBelowWithoutFoot + (footnote ? s.gap + footnote.height : 0);
    pageW = contentW + 2 * margin;
    pageH = fixedAbove + chartH + below;
    scale = 1;
    area = { x: margin, y: fixedAbove, width: contentW, height: chartH };
  }

  const drawnW = chartW * scale;
  const drawnH = chartH * scale;
  const frameX = area.x + (area.width - drawnW) / 2;
  const frameY = area.y + (area.height - drawnH) / 2;
  const transform = { scale, tx: frameX + s.chartPad * scale - bounds.x1 * scale, ty: frameY + s.chartPad * scale - bounds.y1 * scale };

  const page: SceneItem[] = [];
  if (banner) page.push(...bannerItems(banner, 0, pageW, 'top', measure));
  if (header) page.push(...translate(header.items, margin, bannerH + margin));
  let y = area.y + area.height;
  if (legend) {
    y += s.gap;
    page.push({ kind: 'path', commands: [{ op: 'M', x: margin, y: y - s.gap / 2 }, { op: 'L', x: margin + contentW, y: y - s.gap / 2 }], stroke: { colour: ink.rule, width: 0.75 } });
    page.push(...translate(legend.items, margin, y));
    y += legend.height;
  }
  if (footnote) {
    y += s.gap;
    page.push(...translate(footnote.items, margin, y));
  }
  if (banner) page.push(...bannerItems(banner, pageH - bannerH, pageW, 'bottom', measure));


  const meta: Scene['meta'] = {};
  const title = oneLine(options.title);
  if (title) meta.title = title;
  const subtitle = oneLine(options.subtitle);
  if (subtitle) meta.subject = subtitle;
  const author = oneLine(options.author);
  if (author) meta.author = author;

  // The legend's badges draw the chart's symbols: every entity type in the legend is on the chart.
  const scene: Scene = {
    width: pageW,
    height: pageH,
    background,
    symbols: input.chart.symbols,
    chart: {
      transform,
      frame: { x1: frameX, y1: frameY, x2: frameX + drawnW, y2: frameY + drawnH },
      items: input.chart.items,
    },
    page,
    meta,
  };
  if (options.size.mode === 'paper') scene.paper = paperMm(options.size.paper, options.size.orientation);
  return scene;
}

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)` (what getComputedStyle returns) as `#rrggbb`; null otherwise. */
export function normaliseColour(value: string): string | null {
  const text = value.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  if (/^#[0-9a-f]{3}$/.test(text)) return `#${[...text.slice(1)].map((c) => c + c).join('')}`;
  const match = /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(text);
  if (!match) return null;
  if (match[4] !== undefined && parseFloat(match[4]) === 0) return null;
  const hex = [match[1], match[2], match[3]].map((v) => Math.min(255, Number(v)).toString(16).padStart(2, '0')).join('');
  return `#${hex}`;
}
