import { Button, Classes, HTMLSelect } from '@blueprintjs/core';
import { axisBottom } from 'd3-axis';
import { brushX, type BrushBehavior, type D3BrushEvent } from 'd3-brush';
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { select } from 'd3-selection';
import { utcYear } from 'd3-time';
import { zoom as d3zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { isPartialDate } from '../../../app/domain';
import { buildTimelineScene } from '../../../app/export/timelineScene';
import type { PageInk } from '../../../app/export/pageLayout';
import type { TextMeasurer } from '../../../app/export/text';
import { linkTypeDefinition } from '../../../app/linkTypes';
import { visibleNetwork } from '../../analysis/filterModel';
import { useAnalysis } from '../../analysis/useAnalysis';
import { useApp } from '../../appContext';
import { useCaseChart } from '../../data/caseHooks';
import { IconButton } from '../../panels/IconButton';
import { useStore } from '../../store';
import { selectElements, selectModeOf, useSelectedIds } from '../selection';
import { viewStore } from '../views';
import { busiestEntities, lanesByEntity, lanesByType, packRows, periodOfRange, rangeOfPeriod, snapRange, timelineData, type Lane, type TimelineItem } from './timelineModel';
import { timelineStore } from './timelineState';
import './timeline.css';

const LABEL_WIDTH = 170;
const RIGHT_PAD = 16;
const BRUSH_HEIGHT = 22;
const AXIS_HEIGHT = 24;
const ROW_HEIGHT = 20;
const BAR_HEIGHT = 14;
const LANE_PAD = 6;
/** Label widths are estimated (no layout pass per item): about this many pixels per character at 11px. */
const CHAR_WIDTH = 6.2;
const DAY_MS = 86_400_000;
/** Zoom from about a century across the window down to a few days. */
const WIDEST_MS = 120 * 365.25 * DAY_MS;
const NARROWEST_MS = 3 * DAY_MS;

interface PlacedLane {
  lane: Lane;
  top: number;
  height: number;
  rows: Map<TimelineItem, number>;
}

/** Each lane's rows at this zoom (items and labels never overlap) and its place down the view. */
function placeLanes(lanes: readonly Lane[], x: ScaleTime<number, number>): PlacedLane[] {
  const placed: PlacedLane[] = [];
  let top = 0;
  for (const lane of lanes) {
    const rows = packRows(lane.items, (item) => {
      const x0 = x(item.start);
      return [x0, Math.max(x(item.end), x0 + labelWidth(item))];
    });
    const rowCount = Math.max(1, ...[...rows.values()].map((r) => r + 1));
    const height = rowCount * ROW_HEIGHT + LANE_PAD * 2;
    placed.push({ lane, top, height, rows });
    top += height;
  }
  return placed;
}

/** A span of a year or a month is a band (light fill, full border); a day is a solid mark. */
function isBand(item: TimelineItem): boolean {
  return (item.startPrecision !== null && item.startPrecision !== 'day') || (item.endPrecision !== null && item.endPrecision !== 'day');
}

function labelWidth(item: TimelineItem): number {
  return item.label.length * CHAR_WIDTH + 8;
}

/** The padded span the timeline opens on: its items' extent with a little room either side. */
function baseDomain(extent: [Date, Date] | null): [Date, Date] {
  if (!extent) {
    const now = utcYear.floor(new Date());
    return [utcYear.offset(now, -10), utcYear.offset(now, 1)];
  }
  const pad = Math.max((extent[1].getTime() - extent[0].getTime()) * 0.04, 30 * DAY_MS);
  return [new Date(extent[0].getTime() - pad), new Date(extent[1].getTime() + pad)];
}

/**
 * The timeline view: the case's dated entities and links on a time axis, in lanes by type or by
 * entity, zoomable from decades to days; brushing a period above the axis filters the chart
 * through the analysis filters (the same model as the "as of" slider); undated items listed apart.
 */
export function TimelineView() {
  const { store, analysis } = useApp();
  const chart = useCaseChart();
  const filters = useAnalysis((s) => s.filters);
  const evidence = useAnalysis((s) => s.evidence);
  const selected = useSelectedIds(store);
  const selection = useStore(store, (s) => s.selection);
  const laneMode = useStore(timelineStore, (s) => s.laneMode);
  const laneEntities = useStore(timelineStore, (s) => s.laneEntities);
  const undatedOpen = useStore(timelineStore, (s) => s.undatedOpen);

  const data = useMemo(() => (chart ? timelineData(chart) : { items: [], undated: [], extent: null }), [chart]);
  const visible = useMemo(() => (chart ? visibleNetwork(chart, evidence, filters) : null), [chart, evidence, filters]);
  const chosenEntities = useMemo(
    () => (chart ? (laneEntities ?? busiestEntities(data, chart, 6)).filter((id) => chart.entities.some((e) => e.id === id)) : []),
    [chart, data, laneEntities],
  );
  const lanes = useMemo(
    () => (!chart ? [] : laneMode === 'type' ? lanesByType(data) : lanesByEntity(data, chart, chosenEntities)),
    [chart, data, laneMode, chosenEntities],
  );

  const frame = useRef<HTMLDivElement>(null);
  const axisSvg = useRef<SVGSVGElement>(null);
  const axisGroup = useRef<SVGGElement>(null);
  const brushGroup = useRef<SVGGElement>(null);
  const zoomBehaviour = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const brushBehaviour = useRef<BrushBehavior<unknown> | null>(null);
  const [width, setWidth] = useState(800);
  const [transform, setTransform] = useState<ZoomTransform>(() => {
    const saved = timelineStore.getState().zoom;
    return saved ? zoomIdentity.translate(saved.x, 0).scale(saved.k) : zoomIdentity;
  });

  const domain = useMemo(() => baseDomain(data.extent), [data.extent]);
  const baseScale = useMemo(() => scaleUtc().domain(domain).range([LABEL_WIDTH, Math.max(LABEL_WIDTH + 50, width - RIGHT_PAD)]), [domain, width]);
  const x: ScaleTime<number, number> = useMemo(() => transform.rescaleX(baseScale), [transform, baseScale]);
  const plotRight = Math.max(LABEL_WIDTH + 50, width - RIGHT_PAD);

  // The frame's width decides the axis range.
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth || 800);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // d3-zoom on the whole frame: the wheel zooms over the axis, or with Ctrl anywhere (so the wheel still scrolls the lanes); drag pans.
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const span = domain[1].getTime() - domain[0].getTime();
    const behaviour = d3zoom<HTMLDivElement, unknown>()
      .scaleExtent([Math.min(1, span / WIDEST_MS), Math.max(1, span / NARROWEST_MS)])
      .extent([
        [LABEL_WIDTH, 0],
        [plotRight, 1],
      ])
      .filter((event: Event) => {
        if (event instanceof WheelEvent) return event.ctrlKey || (axisSvg.current?.contains(event.target as Node) ?? false);
        if (event instanceof MouseEvent) return event.button === 0 && !event.ctrlKey && !(event.target instanceof Element && event.target.closest('.timeline-item, .timeline-lane-label, .timeline-brush'));
        return true;
      })
      .on('zoom', (event: D3ZoomEvent<HTMLDivElement, unknown>) => {
        setTransform(event.transform);
        timelineStore.setState({ zoom: { k: event.transform.k, x: event.transform.x } });
      });
    zoomBehaviour.current = behaviour;
    const selection = select(element);
    selection.call(behaviour);
    const saved = timelineStore.getState().zoom;
    behaviour.transform(selection, saved ? zoomIdentity.translate(saved.x, 0).scale(saved.k) : zoomIdentity);
    return () => {
      selection.on('.zoom', null);
      zoomBehaviour.current = null;
    };
  }, [domain, plotRight]);

  const fit = useCallback(() => {
    const element = frame.current;
    if (element && zoomBehaviour.current) zoomBehaviour.current.transform(select(element), zoomIdentity);
  }, []);
  const zoomBy = useCallback((factor: number) => {
    const element = frame.current;
    if (element && zoomBehaviour.current) zoomBehaviour.current.scaleBy(select(element), factor);
  }, []);
  /** Pans so that an item is in view (keyboard selection, or an item chosen in the undated list's neighbours). */
  const reveal = useCallback(
    (item: TimelineItem) => {
      const element = frame.current;
      if (!element || !zoomBehaviour.current) return;
      const x0 = x(item.start);
      if (x0 >= LABEL_WIDTH && x0 <= plotRight - 40) return;
      // translateBy works in the unzoomed axis: a shift of d pixels on screen is d / k there.
      zoomBehaviour.current.translateBy(select(element), ((LABEL_WIDTH + plotRight) / 2 - x0) / transform.k, 0);
    },
    [x, plotRight, transform.k],
  );

  // The axis: d3-axis with d3-scale's UTC ticks (years, months, days as the zoom allows).
  const tickCount = Math.max(2, Math.floor((plotRight - LABEL_WIDTH) / 90));
  useEffect(() => {
    if (!axisGroup.current) return;
    select(axisGroup.current).call(axisBottom(x).ticks(tickCount));
  }, [x, tickCount]);

  // The brush: choosing a period sets the date filter; clearing the brush clears it.
  const period = useMemo(() => (filters.from !== null ? rangeOfPeriod(filters) : null), [filters]);
  useEffect(() => {
    const group = brushGroup.current;
    if (!group) return;
    const behaviour = brushX<unknown>()
      .extent([
        [LABEL_WIDTH, 1],
        [plotRight, BRUSH_HEIGHT - 1],
      ])
      .on('end', (event: D3BrushEvent<unknown>) => {
        if (!event.sourceEvent) return; // moved by the code below, not by the analyst
        const range = event.selection as [number, number] | null;
        if (!range) {
          analysis.setFilters({ asOf: null, from: null });
          return;
        }
        const pixelsPerDay = (x(new Date(DAY_MS)) - x(new Date(0)));
        analysis.setFilters(periodOfRange(...snapRange(x.invert(range[0]), x.invert(range[1]), pixelsPerDay)));
      });
    brushBehaviour.current = behaviour;
    select(group).call(behaviour);
    return () => {
      select(group).on('.brush', null);
      brushBehaviour.current = null;
    };
  }, [analysis, x, plotRight]);

  // The brush shows the period in force, wherever it was set (the timeline, a saved view).
  useEffect(() => {
    const group = brushGroup.current;
    const behaviour = brushBehaviour.current;
    if (!group || !behaviour) return;
    const pixels: [number, number] | null = period ? [Math.max(LABEL_WIDTH, x(period[0])), Math.min(plotRight, x(period[1]))] : null;
    behaviour.move(select(group), pixels && pixels[1] > pixels[0] ? pixels : null);
  }, [period, x, plotRight]);

  const placed = useMemo(() => placeLanes(lanes, x), [lanes, x]);
  const lanesHeight = placed.reduce((h, l) => h + l.height, 0);

  // The zoom and fit commands reach the timeline while it is in front, and File › Export image
  // draws it as it stands: the lanes, the items not filtered out, the axis at this zoom.
  const exportScene = useCallback(
    (measure: TextMeasurer, ink: PageInk) => {
      const format = x.tickFormat(tickCount);
      const asOf = filters.asOf !== null && filters.from === null ? rangeOfPeriod(filters) : null;
      return buildTimelineScene(
        {
          plotLeft: LABEL_WIDTH,
          plotRight,
          lanes: placed.map((p) => ({ label: p.lane.label, top: p.top, height: p.height })),
          ticks: x.ticks(tickCount).map((d) => ({ x: x(d), label: format(d) })),
          bars: placed.flatMap((p) =>
            p.lane.items
              .filter((item) => visible === null || (item.kind === 'entity' ? visible.entityIds : visible.linkIds).has(item.id))
              .map((item) => ({
                kind: item.kind,
                id: item.id,
                label: item.label,
                x0: x(item.start),
                x1: x(item.end),
                y: p.top + LANE_PAD + (p.rows.get(item) ?? 0) * ROW_HEIGHT,
                colour: item.colour,
                band: isBand(item),
                openStart: item.openStart,
                openEnd: item.openEnd,
                ...(item.kind === 'entity' ? { entityType: item.type } : { tone: linkTypeDefinition(item.type).tone }),
              })),
          ),
          barHeight: BAR_HEIGHT,
          ...(asOf ? { marker: { x: x(asOf[1]), label: `As of ${filters.asOf}` } } : {}),
        },
        measure,
        ink,
      );
    },
    [x, tickCount, plotRight, placed, visible, filters],
  );
  useEffect(() => {
    viewStore.attach('timeline', { fit, zoomBy, exportScene, exportName: 'timeline' });
    return () => viewStore.attach('timeline', null);
  }, [fit, zoomBy, exportScene]);

  /** Dated items in time order, for the arrow keys. */
  const order = useMemo(() => {
    const seen = new Set<string>();
    return lanes.flatMap((l) => l.items).filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true))).sort((a, b) => a.start.getTime() - b.start.getTime());
  }, [lanes]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft' && event.key !== 'Home' && event.key !== 'End') return;
    if (order.length === 0) return;
    event.preventDefault();
    const last = selection.at(-1);
    const index = last ? order.findIndex((i) => i.id === last.id) : -1;
    const next =
      event.key === 'Home' ? 0
      : event.key === 'End' ? order.length - 1
      : event.key === 'ArrowRight' ? Math.min(order.length - 1, index + 1)
      : index === -1 ? order.length - 1 : Math.max(0, index - 1);
    const item = order[next];
    if (!item) return;
    selectElements(store, [{ kind: item.kind, id: item.id }], event.shiftKey ? 'toggle' : 'replace');
    reveal(item);
  };

  const setPeriodFromFields = (from: string, to: string): string | null => {
    if (!isPartialDate(from) || !isPartialDate(to)) return 'Write dates as YYYY, YYYY-MM or YYYY-MM-DD.';
    const start = rangeOfPeriod({ from, asOf: from });
    const end = rangeOfPeriod({ from: to, asOf: to });
    if (!start || !end || start[0] > end[0]) return 'The period must start before it ends.';
    analysis.setFilters(periodOfRange(start[0], end[1]));
    return null;
  };

  if (!chart) return null;
  const asOfLine = filters.asOf !== null && filters.from === null ? rangeOfPeriod(filters) : null;
  const datedCount = data.items.length;

  return (
    <div className="timeline" data-testid="timeline">
      <TimelineToolbar
        laneMode={laneMode}
        canAddSelection={selection.some((s) => s.kind === 'entity')}
        onAddSelection={() => {
          const ids = selection.filter((s) => s.kind === 'entity').map((s) => s.id);
          timelineStore.setState({ laneMode: 'entity', laneEntities: [...new Set([...chosenEntities, ...ids])] });
        }}
        periodText={filters.asOf === null ? null : filters.from === null ? `As of ${filters.asOf}` : `${filters.from} to ${filters.asOf}`}
        onClearPeriod={() => analysis.setFilters({ asOf: null, from: null })}
        onSetPeriod={setPeriodFromFields}
        onFit={fit}
        onZoom={zoomBy}
      />
      <div className="timeline-body">
        <div
          ref={frame}
          className="timeline-frame"
          tabIndex={0}
          role="application"
          aria-label={`Timeline: ${datedCount} dated items in ${lanes.length} lanes, ${data.undated.length} undated. Left and right arrows select the previous and next item in time; drag above the axis to filter the chart to a period.`}
          onKeyDown={onKeyDown}
        >
          <svg
            ref={axisSvg}
            className="timeline-axis"
            width={width}
            height={BRUSH_HEIGHT + AXIS_HEIGHT}
            data-testid="timeline-axis"
            data-domain-start={x.domain()[0]?.toISOString()}
            data-domain-end={x.domain()[1]?.toISOString()}
            data-range-start={LABEL_WIDTH}
            data-range-end={plotRight}
          >
            <text className="timeline-brush-hint" x={8} y={BRUSH_HEIGHT - 7}>
              Drag to filter ▸
            </text>
            <rect className="timeline-brush-track" x={LABEL_WIDTH} y={1} width={plotRight - LABEL_WIDTH} height={BRUSH_HEIGHT - 2} />
            <g ref={brushGroup} className="timeline-brush" data-testid="timeline-brush" />
            <g ref={axisGroup} className="timeline-axis-ticks" transform={`translate(0,${BRUSH_HEIGHT})`} />
          </svg>
          {/* Focusable so the keyboard can scroll many lanes (axe: scrollable-region-focusable). */}
          <div className="timeline-lanes-scroll" tabIndex={0} role="region" aria-label="Timeline lanes">
            <svg className="timeline-lanes" width={width} height={Math.max(lanesHeight, 40)} data-testid="timeline-lanes">
              <defs>
                <clipPath id="timeline-plot">
                  <rect x={LABEL_WIDTH} y={0} width={plotRight - LABEL_WIDTH} height={Math.max(lanesHeight, 40)} />
                </clipPath>
              </defs>
              {asOfLine && (
                <line className="timeline-as-of" x1={x(asOfLine[1])} x2={x(asOfLine[1])} y1={0} y2={Math.max(lanesHeight, 40)} data-testid="timeline-as-of">
                  <title>{`As of ${filters.asOf}`}</title>
                </line>
              )}
              {placed.map((p, laneIndex) => (
                <g key={p.lane.id} className="timeline-lane" transform={`translate(0,${p.top})`} data-testid="timeline-lane" data-lane={p.lane.id}>
                  <rect className={laneIndex % 2 === 0 ? 'timeline-lane-bg' : 'timeline-lane-bg odd'} x={0} y={0} width={width} height={p.height} />
                  <g clipPath="url(#timeline-plot)" transform={`translate(0,${LANE_PAD})`}>
                    {p.lane.items.map((item) => (
                      <TimelineBar
                        key={item.id}
                        item={item}
                        y={(p.rows.get(item) ?? 0) * ROW_HEIGHT}
                        x={x}
                        plotRight={plotRight}
                        selected={selected.has(item.id)}
                        faded={visible !== null && !(item.kind === 'entity' ? visible.entityIds : visible.linkIds).has(item.id)}
                        onSelect={(mode) => selectElements(store, [{ kind: item.kind, id: item.id }], mode)}
                      />
                    ))}
                  </g>
                </g>
              ))}
            </svg>
            {placed.map((p) => (
              <div key={p.lane.id} className="timeline-lane-label" style={{ top: p.top, height: p.height, width: LABEL_WIDTH - 8 }}>
                <span className={Classes.TEXT_OVERFLOW_ELLIPSIS} title={p.lane.label} dir="auto">{p.lane.label}</span>
                {laneMode === 'entity' && (
                  <IconButton
                    className="icon-button small"
                    label={`Remove the lane of ${p.lane.label}`}
                    glyph="×"
                    onClick={() => timelineStore.setState({ laneEntities: chosenEntities.filter((id) => `lane:${id}` !== p.lane.id) })}
                  />
                )}
              </div>
            ))}
            {lanes.length === 0 && (
              <p className={`timeline-empty ${Classes.TEXT_MUTED}`}>
                {laneMode === 'entity' ? 'No lanes: select entities on the chart and choose “Add selected”.' : 'Nothing in this case is dated.'}
              </p>
            )}
          </div>
        </div>
        <UndatedList open={undatedOpen} items={data.undated} selected={selected} onSelect={(item, mode) => selectElements(store, [item], mode)} />
      </div>
    </div>
  );
}

function TimelineBar({
  item,
  x,
  y,
  plotRight,
  selected,
  faded,
  onSelect,
}: {
  item: TimelineItem;
  x: ScaleTime<number, number>;
  y: number;
  plotRight: number;
  selected: boolean;
  faded: boolean;
  onSelect: (mode: 'replace' | 'toggle') => void;
}) {
  const x0 = x(item.start);
  const x1 = x(item.end);
  const barWidth = Math.max(3, x1 - x0);
  const inside = barWidth > labelWidth(item) + 4;
  const band = isBand(item);
  const classes = ['timeline-item', band ? 'band' : 'mark', selected ? 'selected' : '', faded ? 'faded' : ''].filter(Boolean).join(' ');
  return (
    <g
      className={classes}
      data-testid="timeline-item"
      data-id={item.id}
      data-kind={item.kind}
      data-start={item.start.toISOString()}
      data-end={item.end.toISOString()}
      data-precision={item.startPrecision ?? item.endPrecision ?? ''}
      aria-selected={selected}
      onClick={(event) => onSelect(selectModeOf(event))}
    >
      <title>{`${item.label}\n${item.period}`}</title>
      {item.openEnd && <line className="timeline-open" x1={x0 + barWidth} x2={plotRight} y1={y + BAR_HEIGHT / 2} y2={y + BAR_HEIGHT / 2} stroke={item.colour} />}
      {item.openStart && <line className="timeline-open" x1={LABEL_WIDTH} x2={x0} y1={y + BAR_HEIGHT / 2} y2={y + BAR_HEIGHT / 2} stroke={item.colour} />}
      <rect x={x0} y={y} width={barWidth} height={BAR_HEIGHT} rx={band ? 2 : 1} fill={item.colour} stroke={item.colour} />
      <text x={inside ? x0 + 4 : x0 + barWidth + 4} y={y + BAR_HEIGHT - 3.5} className={inside ? 'inside' : undefined}>
        {item.label}
      </text>
    </g>
  );
}

function TimelineToolbar({
  laneMode,
  canAddSelection,
  onAddSelection,
  periodText,
  onClearPeriod,
  onSetPeriod,
  onFit,
  onZoom,
}: {
  laneMode: 'type' | 'entity';
  canAddSelection: boolean;
  onAddSelection: () => void;
  periodText: string | null;
  onClearPeriod: () => void;
  onSetPeriod: (from: string, to: string) => string | null;
  onFit: () => void;
  onZoom: (factor: number) => void;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="timeline-toolbar" role="toolbar" aria-label="Timeline">
      <label>
        Lanes{' '}
        <HTMLSelect
          aria-label="Lanes"
          value={laneMode}
          options={[
            { value: 'type', label: 'By type' },
            { value: 'entity', label: 'By entity' },
          ]}
          onChange={(e) => timelineStore.setState({ laneMode: e.target.value === 'entity' ? 'entity' : 'type' })}
        />
      </label>
      <Button disabled={!canAddSelection} onClick={onAddSelection} title="Give each selected entity a lane of its own" text="Add selected" />
      <span className="timeline-toolbar-gap" />
      <Button aria-label="Zoom the timeline out" onClick={() => onZoom(1 / 1.5)} text="−" />
      <Button aria-label="Zoom the timeline in" onClick={() => onZoom(1.5)} text="+" />
      <Button onClick={onFit} text="Fit" />
      <span className="timeline-toolbar-gap" />
      <form
        className="timeline-period-form"
        onSubmit={(e) => {
          e.preventDefault();
          setProblem(onSetPeriod(from.trim(), to.trim()));
        }}
      >
        <input dir="auto" className={Classes.INPUT} aria-label="Period from" placeholder="From (YYYY-MM-DD)" value={from} size={12} onChange={(e) => setFrom(e.target.value)} />
        <input dir="auto" className={Classes.INPUT} aria-label="Period to" placeholder="To" value={to} size={12} onChange={(e) => setTo(e.target.value)} />
        <Button type="submit" text="Filter chart" />
      </form>
      {periodText && (
        <span className="timeline-period" data-testid="timeline-period">
          {periodText}{' '}
          <Button size="small" onClick={onClearPeriod} text="Clear" />
        </span>
      )}
      {problem && (
        <span className="timeline-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

/** The undated list's buttons: Blueprint's minimal, full-width, left-aligned button. */
const UNDATED_BUTTON = `${Classes.BUTTON} ${Classes.MINIMAL} ${Classes.FILL} ${Classes.ALIGN_LEFT}`;

function UndatedList({
  open,
  items,
  selected,
  onSelect,
}: {
  open: boolean;
  items: readonly { kind: 'entity' | 'link'; id: string; label: string }[];
  selected: ReadonlySet<string>;
  onSelect: (item: { kind: 'entity' | 'link'; id: string }, mode: 'replace' | 'toggle') => void;
}) {
  const entities = items.filter((i) => i.kind === 'entity').length;
  return (
    <aside className={open ? 'timeline-undated' : 'timeline-undated closed'} aria-label="Undated items">
      <button type="button" className={`timeline-undated-head ${UNDATED_BUTTON}`} aria-expanded={open} onClick={() => timelineStore.setState({ undatedOpen: !open })}>
        <span data-testid="timeline-undated-count">Undated: {items.length}</span>
        <span className={Classes.TEXT_MUTED}>
          {' '}
          ({entities} entities, {items.length - entities} links)
        </span>
      </button>
      {open && (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className={selected.has(item.id) ? `${UNDATED_BUTTON} ${Classes.SMALL} ${Classes.ACTIVE}` : `${UNDATED_BUTTON} ${Classes.SMALL}`} aria-pressed={selected.has(item.id)} onClick={(e) => onSelect(item, selectModeOf(e))}>
                <span className={Classes.TEXT_MUTED}>{item.kind === 'entity' ? '●' : '—'}</span> {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
