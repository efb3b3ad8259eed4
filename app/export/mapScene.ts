/**
 * The map as an export scene: the same `ChartScene` the chart gives the page layout, so a map
 * image gets the chart's banner, title, legend and footnote. The renderer projects the map as it
 * stands (d3-geo, at the current pan and zoom, in screen pixels) and hands over the outlines as
 * path commands; this turns them, the arcs and the markers into scene items.
 */
import { entityTypeDefinition } from '../entityTypes';
import type { LinkTypeDefinition } from '../linkTypes';
import type { ChartScene } from './chartScene';
import type { PathCommand, SceneItem, SceneSymbol } from './scene';
import type { TextMeasurer } from './text';

export interface MapExportMarker {
  x: number;
  y: number;
  label: string;
  /** The entity type (icon and legend); a cluster gives its first member's. */
  entityType: string;
  colour: string;
  /** More than one: drawn as a cluster with its count. */
  count: number;
  entityIds: string[];
}

export interface MapExport {
  width: number;
  height: number;
  countries: { name: string; commands: PathCommand[] }[];
  arcs: { id: string; commands: PathCommand[]; tone: LinkTypeDefinition['tone'] }[];
  markers: MapExportMarker[];
}

const WATER = '#dfe9f3';
const LAND = '#f4f2ec';
const BORDER = '#9aa3ad';
const TEXT = '#1f2328';
const NEUTRAL_ARC = '#5f6872';
const HOSTILE_ARC = '#c0392b';
const FONT = 11;
const MARKER_R = 10;

export function buildMapScene(map: MapExport, measure: TextMeasurer): ChartScene {
  const items: SceneItem[] = [{ kind: 'rect', x: 0, y: 0, width: map.width, height: map.height, fill: { colour: WATER } }];
  for (const country of map.countries) {
    if (country.commands.length > 0) items.push({ kind: 'path', commands: country.commands, fill: { colour: LAND }, stroke: { colour: BORDER, width: 0.6 } });
  }
  for (const arc of map.arcs) {
    items.push({ kind: 'path', commands: arc.commands, stroke: { colour: arc.tone === 'hostile' ? HOSTILE_ARC : NEUTRAL_ARC, width: 1.2, opacity: 0.75 } });
  }
  const symbols = new Map<string, SceneSymbol>();
  for (const marker of map.markers) {
    const type = entityTypeDefinition(marker.entityType);
    const symbol = `map-icon-${type.id}`;
    if (!symbols.has(symbol)) symbols.set(symbol, { id: symbol, path: type.iconPath });
    const r = marker.count > 1 ? MARKER_R + 3 : MARKER_R;
    items.push({ kind: 'circle', cx: marker.x, cy: marker.y, r, fill: { colour: marker.colour }, stroke: { colour: '#ffffff', width: 1.5 } });
    items.push({ kind: 'icon', symbol, x: marker.x - r * 0.65, y: marker.y - r * 0.65, size: r * 1.3, colour: '#ffffff' });
    if (marker.count > 1) {
      const badge = String(marker.count);
      items.push({ kind: 'circle', cx: marker.x + r * 0.8, cy: marker.y - r * 0.8, r: 7, fill: { colour: TEXT }, stroke: { colour: '#ffffff', width: 1 } });
      items.push({ kind: 'text', x: marker.x + r * 0.8, y: marker.y - r * 0.8 - 5, anchor: 'middle', lines: [{ text: badge, width: measure(badge, 9, 'bold') }], fontSize: 9, lineHeight: 10, weight: 'bold', colour: '#ffffff' });
    }
    items.push({
      kind: 'text',
      x: marker.x + r + 3,
      y: marker.y - 7,
      anchor: 'start',
      lines: [{ text: marker.label, width: measure(marker.label, FONT, 'normal') }],
      fontSize: FONT,
      lineHeight: 14,
      weight: 'normal',
      colour: TEXT,
      background: { colour: '#ffffff', opacity: 0.75, padding: 1, radius: 2 },
    });
  }
  const entityIds = [...new Set(map.markers.flatMap((m) => m.entityIds))];
  return {
    items,
    symbols: [...symbols.values()],
    bounds: { x1: 0, y1: 0, x2: map.width, y2: map.height },
    legend: {
      entityTypes: map.markers.map((m) => m.entityType),
      links: map.arcs.map((a) => ({ tone: a.tone, directed: false, colour: a.tone === 'hostile' ? HOSTILE_ARC : NEUTRAL_ARC })),
      unsourced: false,
    },
    entityIds,
    linkIds: map.arcs.map((a) => a.id),
  };
}
