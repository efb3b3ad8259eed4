/**
 * The timeline as an export scene: the same `ChartScene` the chart gives the page layout, so a
 * timeline image gets the chart's banner, title, legend and footnote. The renderer measures the
 * timeline as drawn (its lanes, bars and axis ticks at the current zoom, in screen pixels) and
 * this turns it into scene items; time arithmetic stays in the renderer's d3 scale.
 */
import type { LinkTypeDefinition } from '../linkTypes';
import type { ChartScene } from './chartScene';
import { inkOn, type PageInk } from './pageLayout';
import type { SceneItem } from './scene';
import type { TextMeasurer } from './text';

export interface TimelineExportBar {
  kind: 'entity' | 'link';
  id: string;
  label: string;
  /** Left and right ends of the span, and the bar's top, in timeline pixels. */
  x0: number;
  x1: number;
  y: number;
  colour: string;
  /** A span of a year or a month (light fill), rather than a day (solid). */
  band: boolean;
  openStart: boolean;
  openEnd: boolean;
  /** For the legend: the entity's type, or the link's tone. */
  entityType?: string;
  tone?: LinkTypeDefinition['tone'];
}

export interface TimelineExport {
  /** The plot's left and right edges (lane labels are left of it). */
  plotLeft: number;
  plotRight: number;
  lanes: { label: string; top: number; height: number }[];
  /** The axis ticks as d3-axis placed them, with their labels. */
  ticks: { x: number; label: string }[];
  bars: TimelineExportBar[];
  barHeight: number;
  /** A date line (the "as of" day), if one is drawn. */
  marker?: { x: number; label: string };
}

const AXIS_HEIGHT = 22;
const FONT = 11;

/** Builds the scene items of a timeline image; the axis is drawn above the lanes, its text in the page's ink. */
export function buildTimelineScene(timeline: TimelineExport, measure: TextMeasurer, ink: PageInk = inkOn(null)): ChartScene {
  const items: SceneItem[] = [];
  // Every other lane shaded: a faint grey on a light page, a faint lift on a dark one.
  const laneShade = ink.onDark ? { colour: '#ffffff', opacity: 0.06 } : { colour: '#f3f4f6' };
  const height = timeline.lanes.reduce((h, lane) => Math.max(h, lane.top + lane.height), 0);
  const top = AXIS_HEIGHT;
  const text = (x: number, y: number, value: string, options: { colour?: string; weight?: 'normal' | 'bold'; anchor?: 'start' | 'middle' } = {}): SceneItem => ({
    kind: 'text',
    x,
    y,
    anchor: options.anchor ?? 'start',
    lines: [{ text: value, width: measure(value, FONT, options.weight ?? 'normal') }],
    fontSize: FONT,
    lineHeight: 14,
    weight: options.weight ?? 'normal',
    colour: options.colour ?? ink.text,
  });

  timeline.lanes.forEach((lane, i) => {
    if (i % 2 === 1) items.push({ kind: 'rect', x: 0, y: top + lane.top, width: timeline.plotRight, height: lane.height, fill: laneShade });
    items.push(text(8, top + lane.top + 4, lane.label, { weight: 'bold' }));
  });
  // The axis: a rule with the ticks d3-axis chose, labelled as on screen.
  items.push({ kind: 'path', commands: [{ op: 'M', x: timeline.plotLeft, y: top }, { op: 'L', x: timeline.plotRight, y: top }], stroke: { colour: ink.rule, width: 1 } });
  for (const tick of timeline.ticks) {
    if (tick.x < timeline.plotLeft || tick.x > timeline.plotRight) continue;
    items.push({ kind: 'path', commands: [{ op: 'M', x: tick.x, y: top }, { op: 'L', x: tick.x, y: top + height }], stroke: { colour: ink.rule, width: 0.5, dash: [2, 3] } });
    items.push(text(tick.x, 2, tick.label, { colour: ink.muted, anchor: 'middle' }));
  }
  if (timeline.marker) {
    const { x, label } = timeline.marker;
    items.push({ kind: 'path', commands: [{ op: 'M', x, y: top }, { op: 'L', x, y: top + height }], stroke: { colour: '#1a73e8', width: 1.5, dash: [4, 2] } });
    items.push(text(x + 3, top + 2, label, { colour: '#1a73e8' }));
  }
  for (const bar of timeline.bars) {
    const y = top + bar.y;
    const mid = y + timeline.barHeight / 2;
    const x0 = Math.max(timeline.plotLeft, bar.x0);
    const x1 = Math.min(timeline.plotRight, Math.max(bar.x1, bar.x0 + 3));
    if (x1 < timeline.plotLeft || x0 > timeline.plotRight) continue;
    if (bar.openEnd) items.push({ kind: 'path', commands: [{ op: 'M', x: x1, y: mid }, { op: 'L', x: timeline.plotRight, y: mid }], stroke: { colour: bar.colour, width: 1, dash: [3, 3] } });
    if (bar.openStart) items.push({ kind: 'path', commands: [{ op: 'M', x: timeline.plotLeft, y: mid }, { op: 'L', x: x0, y: mid }], stroke: { colour: bar.colour, width: 1, dash: [3, 3] } });
    items.push({
      kind: 'rect',
      x: x0,
      y,
      width: Math.max(1, x1 - x0),
      height: timeline.barHeight,
      radius: 2,
      fill: { colour: bar.colour, opacity: bar.band ? 0.28 : 1 },
      stroke: { colour: bar.colour, width: 1 },
    });
    const labelWidth = measure(bar.label, FONT, 'normal');
    const inside = x1 - x0 > labelWidth + 8;
    items.push(text(inside ? x0 + 4 : x1 + 4, y + 0.5, bar.label));
  }

  const entityIds = [...new Set(timeline.bars.filter((b) => b.kind === 'entity').map((b) => b.id))];
  const linkIds = [...new Set(timeline.bars.filter((b) => b.kind === 'link').map((b) => b.id))];
  return {
    items,
    symbols: [],
    bounds: { x1: 0, y1: 0, x2: timeline.plotRight + 8, y2: top + height },
    legend: {
      entityTypes: timeline.bars.flatMap((b) => (b.entityType ? [b.entityType] : [])),
      links: timeline.bars.flatMap((b) => (b.tone ? [{ tone: b.tone, directed: false, colour: b.colour }] : [])),
      unsourced: false,
    },
    entityIds,
    linkIds,
  };
}
