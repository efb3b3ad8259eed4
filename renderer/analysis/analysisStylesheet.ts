import type { StylesheetJson } from 'cytoscape';

/** Classes the analysis overlay sets (renderer/analysis/chartOverlay.ts); UI state, not data. */
export const ANALYSIS_CLASS = {
  /** Left out by the filters: not drawn, position kept. */
  hidden: 'aw-hidden',
  /** A member of a collapsed community: its group node stands for it. */
  collapsed: 'aw-collapsed',
  /** Part of the answer of a path or neighbourhood question. */
  hit: 'aw-hit',
  /** Not part of that answer. */
  dim: 'aw-dim',
  /** Pinned: layouts leave it where it is. */
  pinned: 'aw-pinned',
  /** A temporary node for a collapsed community, and its edges. */
  group: 'aw-group',
  groupEdge: 'aw-group-edge',
} as const;

export const HIGHLIGHT_COLOUR = '#e8710a';

/** The chart colours these rules draw with, in the app's theme (renderer/chart/stylesheet.ts). */
export interface AnalysisColours {
  /** The outline of a pinned entity: the chart's text colour. */
  text: string;
  /** The ring of a group node: the canvas's colour, as on every entity. */
  nodeBorder: string;
  /** A group's links: the chart's usual link colour. */
  affiliation: string;
}

/** Rules for the analysis classes; appended last, so an answer's highlight wins over selection fading. */
export function analysisStylesheet(colours: AnalysisColours = { text: '#1f2328', nodeBorder: '#ffffff', affiliation: '#67727e' }): StylesheetJson {
  return [
    { selector: `.${ANALYSIS_CLASS.hidden}, .${ANALYSIS_CLASS.collapsed}`, style: { display: 'none' } },
    {
      selector: `node.${ANALYSIS_CLASS.pinned}`,
      style: { 'outline-width': 2, 'outline-color': colours.text, 'outline-offset': 2, 'outline-opacity': 0.75 },
    },
    {
      selector: `node.${ANALYSIS_CLASS.group}`,
      style: {
        shape: 'round-octagon',
        width: 'mapData(members, 2, 40, 48, 110)',
        height: 'mapData(members, 2, 40, 48, 110)',
        'background-color': 'data(colour)',
        'background-image': 'none',
        'border-width': 3,
        'border-style': 'double',
        'border-color': colours.nodeBorder,
        'font-weight': 700,
      },
    },
    {
      selector: `edge.${ANALYSIS_CLASS.groupEdge}`,
      style: { width: 'mapData(links, 1, 12, 1.6, 6)', 'line-color': colours.affiliation, 'target-arrow-shape': 'none', label: 'data(label)' },
    },
    { selector: `node.${ANALYSIS_CLASS.dim}`, style: { opacity: 0.14 } },
    { selector: `edge.${ANALYSIS_CLASS.dim}`, style: { opacity: 0.07 } },
    {
      selector: `node.${ANALYSIS_CLASS.hit}`,
      style: {
        opacity: 1,
        'underlay-color': HIGHLIGHT_COLOUR,
        'underlay-padding': 6,
        'underlay-opacity': 0.35,
        'underlay-shape': 'ellipse',
        'font-weight': 700,
        'z-index': 25,
      },
    },
    {
      selector: `edge.${ANALYSIS_CLASS.hit}`,
      style: {
        opacity: 1,
        width: 4,
        'line-color': HIGHLIGHT_COLOUR,
        'target-arrow-color': HIGHLIGHT_COLOUR,
        'font-size': 12,
        'font-weight': 600,
        'z-index-compare': 'manual',
        'z-index': 28,
      },
    },
  ];
}
