/**
 * The case as a timeline: every dated entity and link at the span its dates cover, drawn at the
 * precision the case holds (a year covers the whole year, a month the month), and what has no
 * date listed apart. Calendar arithmetic is d3-time's (UTC intervals), never hand-rolled.
 */
import { utcDay, utcMonth, utcYear, type CountableTimeInterval } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import type { ChartData } from '../../../app/contract';
import { datePrecision, formatPeriod, isPartialDate, type DatePrecision, type Entity, type Link, type PartialDate } from '../../../app/domain';
import { entityTypeDefinition } from '../../../app/entityTypes';
import { linkTypeDefinition } from '../../../app/linkTypes';

type ChartCase = Pick<ChartData, 'entities' | 'links'>;

const INTERVALS: Record<DatePrecision, CountableTimeInterval> = { year: utcYear, month: utcMonth, day: utcDay };

/** The span a partial date covers: "2017" is all of 2017, "2017-03" all of March 2017, a day that day. */
export function dateSpan(date: PartialDate): { start: Date; end: Date; precision: DatePrecision } {
  const precision = datePrecision(date);
  const [year, month = 1, day = 1] = date.split('-').map(Number);
  const start = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  start.setUTCFullYear(year ?? 0, month - 1, day);
  start.setUTCHours(0, 0, 0, 0);
  return { start, end: INTERVALS[precision].offset(start, 1), precision };
}

export interface TimelineItem {
  kind: 'entity' | 'link';
  id: string;
  label: string;
  /** The entity or link type, which is also its lane when lanes are by type. */
  type: string;
  colour: string;
  /** Where the bar starts and ends (the end is exclusive: the first instant after the span). */
  start: Date;
  end: Date;
  /** The precision of the dates drawn (null for a side the case leaves open). */
  startPrecision: DatePrecision | null;
  endPrecision: DatePrecision | null;
  /** No start date (known only to have ended) or no end date (known only to have begun). */
  openStart: boolean;
  openEnd: boolean;
  /** The period as the inspector writes it: "March 2017 –". */
  period: string;
  /** For a link, its two entities. */
  sourceId?: string;
  targetId?: string;
}

export interface UndatedItem {
  kind: 'entity' | 'link';
  id: string;
  label: string;
}

export interface TimelineData {
  items: TimelineItem[];
  /** Entities and links with no date: never drawn on the axis, always listed and counted. */
  undated: UndatedItem[];
  /** The first start and last end of the dated items; null when nothing is dated. */
  extent: [Date, Date] | null;
}

function usableDate(date: PartialDate | null): PartialDate | null {
  return date !== null && isPartialDate(date) ? date : null;
}

function linkLabel(link: Link, labels: ReadonlyMap<string, string>): string {
  if (link.label) return link.label;
  return `${labels.get(link.sourceId) ?? '?'} ${linkTypeDefinition(link.type).label} ${labels.get(link.targetId) ?? '?'}`;
}

function timelineItem(
  base: Omit<TimelineItem, 'start' | 'end' | 'startPrecision' | 'endPrecision' | 'openStart' | 'openEnd' | 'period'>,
  startDate: PartialDate | null,
  endDate: PartialDate | null,
): TimelineItem | null {
  const first = startDate === null ? null : dateSpan(startDate);
  const last = endDate === null ? null : dateSpan(endDate);
  const from = first ?? last;
  const to = last ?? first;
  if (!from || !to) return null;
  return {
    ...base,
    start: from.start,
    // An end date earlier than the start (a data error) still draws the start's span, not a negative bar.
    end: to.end > from.start ? to.end : from.end,
    startPrecision: first?.precision ?? null,
    endPrecision: last?.precision ?? null,
    openStart: first === null,
    openEnd: last === null,
    period: formatPeriod(startDate, endDate) ?? '',
  };
}

/** The timeline of a case: its dated items in time order and its undated ones. */
export function timelineData(chart: ChartCase): TimelineData {
  const labels = new Map(chart.entities.map((e) => [e.id, e.label]));
  const items: TimelineItem[] = [];
  const undated: UndatedItem[] = [];
  for (const entity of chart.entities) {
    const base = { kind: 'entity' as const, id: entity.id, label: entity.label, type: entity.type, colour: entity.color ?? entityTypeDefinition(entity.type).color };
    const item = timelineItem(base, usableDate(entity.startDate), usableDate(entity.endDate));
    if (item) items.push(item);
    else undated.push({ kind: 'entity', id: entity.id, label: entity.label });
  }
  for (const link of chart.links) {
    const label = linkLabel(link, labels);
    const tone = linkTypeDefinition(link.type).tone;
    const colour = tone === 'hostile' ? '#c0392b' : tone === 'neutral' ? '#8a949e' : '#5d6873';
    const base = { kind: 'link' as const, id: link.id, label, type: link.type, colour, sourceId: link.sourceId, targetId: link.targetId };
    const item = timelineItem(base, usableDate(link.startDate), usableDate(link.endDate));
    if (item) items.push(item);
    else undated.push({ kind: 'link', id: link.id, label });
  }
  items.sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime() || a.label.localeCompare(b.label));
  undated.sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  const first = items[0];
  const last = items.reduce<TimelineItem | undefined>((latest, item) => (latest === undefined || item.end > latest.end ? item : latest), undefined);
  return { items, undated, extent: first && last ? [first.start, last.end] : null };
}

export type LaneMode = 'type' | 'entity';

export interface Lane {
  id: string;
  label: string;
  items: TimelineItem[];
}

/** One lane per entity type, then one per link type, each in the order its first item happened. */
export function lanesByType(data: TimelineData): Lane[] {
  const lanes = new Map<string, Lane>();
  for (const item of data.items) {
    const id = `${item.kind}:${item.type}`;
    let lane = lanes.get(id);
    if (!lane) {
      const label = item.kind === 'entity' ? entityTypeDefinition(item.type).plural : `Links: ${linkTypeDefinition(item.type).label}`;
      lane = { id, label, items: [] };
      lanes.set(id, lane);
    }
    lane.items.push(item);
  }
  const all = [...lanes.values()];
  return [...all.filter((l) => l.id.startsWith('entity:')), ...all.filter((l) => l.id.startsWith('link:'))];
}

/**
 * i2's theme lines: one lane per chosen entity, holding its own span, its dated links, and the
 * dated events it is linked to. An item can appear on several lanes (a link on both its ends').
 */
export function lanesByEntity(data: TimelineData, chart: ChartCase, entityIds: readonly string[]): Lane[] {
  const entities = new Map<string, Entity>(chart.entities.map((e) => [e.id, e]));
  const byId = new Map(data.items.map((i) => [i.id, i]));
  const lanes: Lane[] = [];
  for (const entityId of entityIds) {
    const entity = entities.get(entityId);
    if (!entity) continue;
    const items = new Set<TimelineItem>();
    const own = byId.get(entityId);
    if (own) items.add(own);
    for (const item of data.items) {
      if (item.kind !== 'link' || (item.sourceId !== entityId && item.targetId !== entityId)) continue;
      items.add(item);
      const other = item.sourceId === entityId ? item.targetId : item.sourceId;
      const event = other === undefined ? undefined : byId.get(other);
      if (event && entities.get(event.id)?.type === 'event') items.add(event);
    }
    lanes.push({ id: `lane:${entityId}`, label: entity.label, items: data.items.filter((i) => items.has(i)) });
  }
  return lanes;
}

/**
 * Entities worth a lane when the analyst has chosen none: those with the most dated links (ties
 * by label), so the first look at "by entity" shows the case's main actors.
 */
export function busiestEntities(data: TimelineData, chart: ChartCase, count: number): string[] {
  const degree = new Map<string, number>();
  for (const item of data.items) {
    if (item.kind !== 'link') continue;
    for (const end of [item.sourceId, item.targetId]) if (end !== undefined) degree.set(end, (degree.get(end) ?? 0) + 1);
  }
  return chart.entities
    .filter((e) => (degree.get(e.id) ?? 0) > 0)
    .sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.label.localeCompare(b.label))
    .slice(0, count)
    .map((e) => e.id);
}

/**
 * Rows within a lane so that no two items (bar and label) overlap at the current zoom: each item
 * takes the first row whose last occupant ends before it begins. `extentOf` gives an item's
 * pixel extent, label included.
 */
export function packRows<T>(items: readonly T[], extentOf: (item: T) => [number, number], gap = 6): Map<T, number> {
  const rowEnds: number[] = [];
  const rows = new Map<T, number>();
  const sorted = [...items].sort((a, b) => extentOf(a)[0] - extentOf(b)[0]);
  for (const item of sorted) {
    const [x0, x1] = extentOf(item);
    let row = rowEnds.findIndex((end) => end + gap <= x0);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(x1);
    } else rowEnds[row] = x1;
    rows.set(item, row);
  }
  return rows;
}

const DAY = utcFormat('%Y-%m-%d');

/**
 * The date filter a brushed range gives (whole days, UTC): from the day the brush starts on to the
 * last day it covers. A brush ending exactly at midnight does not take in the day that begins then.
 */
export function periodOfRange(start: Date, end: Date): { from: PartialDate; asOf: PartialDate } {
  const [a, b] = start <= end ? [start, end] : [end, start];
  const firstDay = utcDay.floor(a);
  const lastDay = utcDay.offset(utcDay.ceil(b), -1);
  return { from: DAY(firstDay), asOf: DAY(lastDay < firstDay ? firstDay : lastDay) };
}

/** A brush edge snaps to the finest unit at least this wide on screen, so a drag lands on whole units. */
const SNAP_MIN_PX = 4;

/**
 * A brushed range snapped to the finest calendar unit (day, month or year) that is at least a few
 * pixels wide at this zoom: at a decade across the window a drag over 2016 is exactly 2016, not
 * "30 December 2015 to 26 December 2016" from a pixel's worth of days.
 */
export function snapRange(start: Date, end: Date, pixelsPerDay: number): [Date, Date] {
  const unit = pixelsPerDay >= SNAP_MIN_PX ? utcDay : pixelsPerDay * 28 >= SNAP_MIN_PX ? utcMonth : utcYear;
  const a = unit.round(start);
  const b = unit.round(end);
  return [a, b > a ? b : unit.offset(a, 1)];
}

/** The span a date filter covers on the axis: from the start of `from` (or `asOf`) to the end of `asOf`. */
export function rangeOfPeriod(filters: { from: PartialDate | null; asOf: PartialDate | null }): [Date, Date] | null {
  if (filters.asOf === null || !isPartialDate(filters.asOf)) return null;
  const from = filters.from !== null && isPartialDate(filters.from) ? filters.from : filters.asOf;
  return [dateSpan(from).start, dateSpan(filters.asOf).end];
}
