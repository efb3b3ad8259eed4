import { Button, Classes } from '@blueprintjs/core';
import { geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { select } from 'd3-selection';
import { zoom as d3zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { entityTypeDefinition } from '../../../app/entityTypes';
import { buildMapScene, type MapExport } from '../../../app/export/mapScene';
import type { PathCommand } from '../../../app/export/scene';
import type { TextMeasurer } from '../../../app/export/text';
import { linkTypeDefinition } from '../../../app/linkTypes';
import { clusterPoints, mapData, openingBox, unlocatedSentence, type Cluster, type MapPoint } from '../../../app/map/mapModel';
import { useApp } from '../../appContext';
import { useCaseChart } from '../../data/caseHooks';
import { selectElements, selectModeOf, useSelectedIds } from '../selection';
import { viewStore } from '../views';
import { loadCountryOutlines, type CountryFeature } from './outlines';
import { mapStore } from './mapState';
import './map.css';

/** Markers closer than this many pixels at the current zoom gather into one cluster. */
const CLUSTER_RADIUS = 22;
const MARKER_R = 10;
const MAX_ZOOM = 400;
const PAN_STEP = 60;

/** A recording context for d3-geo's path generator: the outlines as the export's path commands. */
function recordPath(): { context: Parameters<ReturnType<typeof geoPath>['context']>[0]; commands: PathCommand[] } {
  const commands: PathCommand[] = [];
  const context = {
    moveTo: (x: number, y: number) => commands.push({ op: 'M', x, y }),
    lineTo: (x: number, y: number) => commands.push({ op: 'L', x, y }),
    closePath: () => commands.push({ op: 'Z' }),
    arc: () => undefined,
    beginPath: () => undefined,
  };
  return { context, commands };
}

/** The arc between two screen points: a quadratic curve bowed to one side by a fifth of its length. */
function arcControl(a: { x: number; y: number }, b: { x: number; y: number }): { x: number; y: number } {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  return { x: mx - (b.y - a.y) * 0.2, y: my + (b.x - a.x) * 0.2 };
}

/** The base projection: the whole earth fitted to the frame; pan and zoom are a d3-zoom transform over it. */
function baseProjection(width: number, height: number): GeoProjection {
  return geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [width - 4, height - 4],
    ],
    { type: 'Sphere' },
  );
}

/**
 * The map view: Natural Earth's country outlines (bundled, no tiles, no request) drawn with d3-geo,
 * panned and zoomed with d3-zoom; the chart's located entities as markers with their type's
 * icon, gathered into clusters with a count where they overlap at the current zoom; links between
 * located entities as arcs. Selecting here selects everywhere (views/selection.ts).
 */
export function MapView() {
  const { store } = useApp();
  const chart = useCaseChart();
  const loaded = chart !== null;
  const selected = useSelectedIds(store);
  const frame = useRef<HTMLDivElement>(null);
  const zoomBehaviour = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const [size, setSize] = useState({ width: 800, height: 500 });
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [outlines, setOutlines] = useState<CountryFeature[]>([]);
  useEffect(() => {
    let live = true;
    void loadCountryOutlines().then((features) => {
      if (live) setOutlines(features);
    });
    return () => {
      live = false;
    };
  }, []);

  const data = useMemo(() => (chart ? mapData(chart.entities, chart.links) : { points: [], arcs: [], unlocated: 0, placeOffChart: 0 }), [chart]);
  const projection = useMemo(() => baseProjection(size.width, size.height), [size]);
  const countries = useMemo(() => {
    const path = geoPath(projection);
    return outlines.map((f) => ({ name: f.properties.name, d: path(f) ?? '' }));
  }, [projection, outlines]);
  const sphere = useMemo(() => geoPath(projection)({ type: 'Sphere' }) ?? '', [projection]);

  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    const measure = () => setSize({ width: element.clientWidth || 800, height: element.clientHeight || 500 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
    // The frame exists once the chart has loaded.
  }, [loaded]);

  /** The transform that fits the located entities (less far outliers), or the whole earth. */
  const fitTransform = useCallback((): ZoomTransform => {
    const box = openingBox(data.points);
    if (!box) return zoomIdentity;
    const [[west, south], [east, north]] = box;
    const a = projection([west, north]);
    const b = projection([east, south]);
    if (!a || !b) return zoomIdentity;
    const k = Math.min(MAX_ZOOM, Math.max(1, Math.min(size.width / Math.abs(b[0] - a[0]), size.height / Math.abs(b[1] - a[1]))));
    const cx = (a[0] + b[0]) / 2;
    const cy = (a[1] + b[1]) / 2;
    return zoomIdentity.translate(size.width / 2 - k * cx, size.height / 2 - k * cy).scale(k);
  }, [data.points, projection, size]);

  // d3-zoom on the frame: drag pans, the wheel zooms; the view opens where it was left, else fitted.
  const caseKey = chart?.chartId ?? '';
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const behaviour = d3zoom<HTMLDivElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .filter((event: Event) => !(event instanceof MouseEvent && event.type === 'mousedown' && (event.button !== 0 || (event.target instanceof Element && event.target.closest('.map-marker, .map-arc')))))
      .on('zoom', (event: D3ZoomEvent<HTMLDivElement, unknown>) => {
        setTransform(event.transform);
        mapStore.setState({ view: { caseKey, k: event.transform.k, x: event.transform.x, y: event.transform.y, width: size.width, height: size.height } });
      });
    zoomBehaviour.current = behaviour;
    const selection = select(element);
    selection.call(behaviour).on('dblclick.zoom', null);
    const saved = mapStore.getState().view;
    behaviour.transform(selection, saved && saved.caseKey === caseKey && saved.width === size.width && saved.height === size.height ? zoomIdentity.translate(saved.x, saved.y).scale(saved.k) : fitTransform());
    return () => {
      selection.on('.zoom', null);
      zoomBehaviour.current = null;
    };
    // The fit is taken when the view or the case opens, or the frame changes size, not on every edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [caseKey, size]);

  const fit = useCallback(() => {
    const element = frame.current;
    if (element && zoomBehaviour.current) zoomBehaviour.current.transform(select(element), fitTransform());
  }, [fitTransform]);
  const zoomBy = useCallback((factor: number) => {
    const element = frame.current;
    if (element && zoomBehaviour.current) zoomBehaviour.current.scaleBy(select(element), factor);
  }, []);

  // Markers in screen pixels at this zoom, gathered where they overlap.
  const screen = useMemo(() => {
    const out = new Map<string, { x: number; y: number }>();
    for (const p of data.points) {
      const xy = projection([p.longitude, p.latitude]);
      if (xy) out.set(p.id, { x: transform.applyX(xy[0]), y: transform.applyY(xy[1]) });
    }
    return out;
  }, [data.points, projection, transform]);
  const clusters = useMemo(
    () => clusterPoints(data.points.flatMap((p) => { const s = screen.get(p.id); return s ? [{ id: p.id, ...s }] : []; }), CLUSTER_RADIUS),
    [data.points, screen],
  );
  const pointById = useMemo(() => new Map(data.points.map((p) => [p.id, p])), [data.points]);
  const clusterOf = useMemo(() => {
    const out = new Map<string, Cluster>();
    for (const c of clusters) for (const id of c.members) out.set(id, c);
    return out;
  }, [clusters]);
  /** Arcs between clusters (an arc inside one cluster is not drawn at this zoom). */
  const arcs = useMemo(
    () =>
      data.arcs.flatMap((arc) => {
        const a = clusterOf.get(arc.sourceId);
        const b = clusterOf.get(arc.targetId);
        if (!a || !b || a === b) return [];
        const c = arcControl(a, b);
        return [{ arc, a, b, c, tone: linkTypeDefinition(arc.type).tone }];
      }),
    [data.arcs, clusterOf],
  );

  const exportScene = useCallback(
    (measure: TextMeasurer) => {
      // The outlines projected as they stand on screen, clipped to the frame.
      const projected = baseProjection(size.width, size.height);
      projected
        .scale(projected.scale() * transform.k)
        .translate([transform.applyX(projected.translate()[0]), transform.applyY(projected.translate()[1])])
        .clipExtent([
          [0, 0],
          [size.width, size.height],
        ]);
      const exported: MapExport = {
        width: size.width,
        height: size.height,
        countries: outlines.map((f) => {
          const { context, commands } = recordPath();
          geoPath(projected, context)(f);
          return { name: f.properties.name, commands };
        }),
        arcs: arcs.map(({ arc, a, b, c, tone }) => ({ id: arc.id, tone, commands: [{ op: 'M', x: a.x, y: a.y }, { op: 'Q', cx: c.x, cy: c.y, x: b.x, y: b.y }] })),
        markers: clusters
          .filter((c) => c.x >= -MARKER_R && c.y >= -MARKER_R && c.x <= size.width + MARKER_R && c.y <= size.height + MARKER_R)
          .map((c) => {
            const first = pointById.get(c.members[0] ?? '') as MapPoint;
            return {
              x: c.x,
              y: c.y,
              label: clusterLabel(c, pointById),
              entityType: first.type,
              colour: c.members.length > 1 ? '#34495e' : first.colour,
              count: c.members.length,
              entityIds: c.members,
            };
          }),
      };
      return buildMapScene(exported, measure);
    },
    [size, transform, arcs, clusters, pointById, outlines],
  );
  useEffect(() => {
    viewStore.attach('map', { fit, zoomBy, exportScene, exportName: 'map' });
    return () => viewStore.attach('map', null);
  }, [fit, zoomBy, exportScene]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const element = frame.current;
    const behaviour = zoomBehaviour.current;
    if (!element || !behaviour || event.target !== element) return;
    const pan: Record<string, [number, number]> = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] };
    const step = pan[event.key];
    if (step) {
      event.preventDefault();
      behaviour.translateBy(select(element), step[0] / transform.k, step[1] / transform.k);
    } else if (event.key === '+' || event.key === '=') zoomBy(1.5);
    else if (event.key === '-') zoomBy(1 / 1.5);
    else if (event.key === 'Home') fit();
  };

  if (!chart) return null;
  const sentence = unlocatedSentence(data);

  return (
    <div className="map-view" data-testid="map">
      <div className="map-toolbar" role="toolbar" aria-label="Map">
        <Button aria-label="Zoom the map out" onClick={() => zoomBy(1 / 1.5)} text="−" />
        <Button aria-label="Zoom the map in" onClick={() => zoomBy(1.5)} text="+" />
        <Button onClick={fit} text="Fit" title="Fit the map to the located entities (Home)" />
        <span className="map-status" data-testid="map-unlocated">
          {data.points.length} on the map · {sentence}
        </span>
        <span className={`map-attribution ${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`}>Outlines: Natural Earth</span>
      </div>
      <div
        ref={frame}
        className="map-frame"
        tabIndex={0}
        role="application"
        aria-label={`Map: ${data.points.length} located entities in ${clusters.length} markers, ${arcs.length} links drawn as arcs. ${sentence}. Arrow keys pan, plus and minus zoom, Home fits; Tab moves to the markers.`}
        onKeyDown={onKeyDown}
      >
        <svg
          className="map-svg"
          width={size.width}
          height={size.height}
          data-testid="map-svg"
          data-zoom={transform.k.toFixed(3)}
          data-outlines={outlines.length > 0 ? 'ready' : 'loading'}
        >
          <g transform={transform.toString()}>
            <path className="map-water" d={sphere} />
            {countries.map((c) => (
              <path key={c.name} className="map-country" d={c.d} data-testid="map-country" data-name={c.name} role="img" aria-label={c.name}>
                <title>{c.name}</title>
              </path>
            ))}
          </g>
          <g className="map-arcs">
            {arcs.map(({ arc, a, b, c, tone }) => (
              <path
                key={arc.id}
                className={`map-arc${tone === 'hostile' ? ' hostile' : ''}${selected.has(arc.id) ? ' selected' : ''}`}
                d={`M${a.x},${a.y} Q${c.x},${c.y} ${b.x},${b.y}`}
                data-testid="map-arc"
                data-id={arc.id}
                onClick={(event) => selectElements(store, [{ kind: 'link', id: arc.id }], selectModeOf(event))}
              >
                <title>{`${pointById.get(arc.sourceId)?.label ?? ''} → ${pointById.get(arc.targetId)?.label ?? ''}: ${arc.label}`}</title>
              </path>
            ))}
          </g>
          <g className="map-markers">
            {clusters.map((cluster) => (
              <MapMarker
                key={cluster.key}
                cluster={cluster}
                points={pointById}
                selected={cluster.members.some((id) => selected.has(id))}
                onSelect={(mode) =>
                  selectElements(
                    store,
                    cluster.members.map((id) => ({ kind: 'entity' as const, id })),
                    mode,
                  )
                }
              />
            ))}
          </g>
        </svg>
      </div>
    </div>
  );
}

function clusterLabel(cluster: Cluster, points: ReadonlyMap<string, MapPoint>): string {
  const labels = cluster.members.map((id) => points.get(id)?.label ?? '');
  return labels.length === 1 ? (labels[0] ?? '') : `${labels[0] ?? ''} +${labels.length - 1}`;
}

function MapMarker({
  cluster,
  points,
  selected,
  onSelect,
}: {
  cluster: Cluster;
  points: ReadonlyMap<string, MapPoint>;
  selected: boolean;
  onSelect: (mode: 'replace' | 'toggle') => void;
}) {
  const first = points.get(cluster.members[0] ?? '');
  if (!first) return null;
  const count = cluster.members.length;
  const type = entityTypeDefinition(first.type);
  const r = count > 1 ? MARKER_R + 3 : MARKER_R;
  const names = cluster.members.map((id) => points.get(id)?.label ?? '').join(', ');
  const label = count > 1 ? `${count} entities here: ${names}` : `${first.label} (${type.label}, ${first.precision})`;
  const shown = clusterLabel(cluster, points);
  // The button holds no visible text of its own (its name is its title, which axe's label-in-name
  // compares with the text inside it): the count badge and the place's label are drawn beside it.
  return (
    <g className={`map-marker-place${selected ? ' selected' : ''}`} transform={`translate(${cluster.x},${cluster.y})`}>
      <g
        className={`map-marker${count > 1 ? ' cluster' : ''}${selected ? ' selected' : ''}`}
        data-testid="map-marker"
        data-ids={cluster.members.join(' ')}
        data-count={count}
        role="button"
        tabIndex={0}
        aria-label={label}
        aria-pressed={selected}
        onClick={(event) => onSelect(selectModeOf(event))}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          onSelect(selectModeOf(event));
        }}
      >
        <title>{label}</title>
        {selected && <circle className="map-marker-ring" r={r + 4} />}
        <circle className="map-marker-disc" r={r} style={count > 1 ? undefined : { fill: first.colour }} />
        <path className="map-marker-icon" d={type.iconPath} transform={`translate(${-r * 0.65},${-r * 0.65}) scale(${(r * 1.3) / 24})`} />
      </g>
      {count > 1 && (
        <g className="map-marker-badge" transform={`translate(${r * 0.8},${-r * 0.8})`} aria-hidden="true">
          <circle r={7} />
          <text y={3}>{count}</text>
        </g>
      )}
      <text className="map-marker-label" x={r + 3} y={4} aria-hidden="true">
        {shown}
      </text>
    </g>
  );
}
