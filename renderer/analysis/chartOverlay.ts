import type { Core, NodeSingular, SingularElementArgument } from 'cytoscape';
import type { UiStore } from '../store';
import type { AnalysisState, AnalysisStore } from './analysisState';
import { visibleNetwork, type VisibleNetwork } from './filterModel';
import { ANALYSIS_CLASS } from './analysisStylesheet';
import { communityColour, groupEdges, groupNodeId, measureSize, valueRange } from './overlayModel';

/**
 * Draws the analysis on the chart without recreating any element: filters hide with a class
 * (`display: none`, positions kept), a measure sizes nodes by style bypass, a path or
 * neighbourhood is highlighted by classes, communities colour nodes by bypass, and a collapsed
 * community is a temporary group node standing for its hidden members.
 *
 * It runs once per change of what it draws from (the chart data, the filters and evidence, the
 * measure, communities, pins, highlight), in a microtask after the chart controller's element
 * sync, and it changes only what differs: Cytoscape restyles an element for every class call,
 * even one that adds a class it has or removes one it lacks, so on a 20,000-node chart a blind
 * pass costs 20,000 restyles per class where an edit needs a handful.
 */
export function bindAnalysisOverlay(cy: Core, ui: UiStore, analysis: AnalysisStore): () => void {
  let visibleKey: { chart: unknown; evidence: unknown; filters: unknown } | null = null;
  let visible: VisibleNetwork | null = null;
  /** The inputs of the last pass: a store change that changed none of them draws nothing. */
  let drawn: readonly unknown[] | null = null;
  /** The size and colour bypasses set, by node id, so a pass sets only those that change. */
  const sizes = new Map<string, number>();
  const colours = new Map<string, string>();
  let scheduled = false;
  let disposed = false;
  /**
   * The last pass drew nothing (no class, bypass or group of the overlay on any element): a pass
   * that has nothing to draw either need not look at the elements. A 20,000-entity chart's first
   * open walked all 70,000 elements twice (about 100 ms each) to change nothing.
   */
  let clean = true;

  const network = (state: AnalysisState): VisibleNetwork | null => {
    const chart = ui.getState().chart;
    if (!chart) return null;
    if (!visibleKey || visibleKey.chart !== chart || visibleKey.evidence !== state.evidence || visibleKey.filters !== state.filters) {
      visibleKey = { chart, evidence: state.evidence, filters: state.filters };
      visible = visibleNetwork(chart, state.evidence, state.filters);
    }
    return visible;
  };

  const apply = () => {
    scheduled = false;
    if (disposed || cy.destroyed()) return;
    const state = analysis.getState();
    const inputs = [ui.getState().chart, state.evidence, state.filters, state.measure, state.communities, state.collapsed, state.pinned, state.highlight];
    if (drawn !== null && inputs.every((input, i) => input === drawn![i])) return;
    drawn = inputs;
    const shown = network(state);
    const drawsNothing =
      shown === null && !state.measure && !state.communities && state.pinned.size === 0 && state.highlight === null && sizes.size === 0 && colours.size === 0;
    if (drawsNothing && clean) return;
    clean = drawsNothing;
    const realNodes = cy.nodes().filter((n) => !n.hasClass(ANALYSIS_CLASS.group));
    const realEdges = cy.edges().filter((e) => !e.hasClass(ANALYSIS_CLASS.groupEdge));

    cy.batch(() => {
      // Filters.
      realNodes.forEach((n) => {
        setClass(n, ANALYSIS_CLASS.hidden, shown !== null && !shown.entityIds.has(n.id()));
      });
      realEdges.forEach((e) => {
        setClass(e, ANALYSIS_CLASS.hidden, shown !== null && !shown.linkIds.has(e.id()));
      });

      // Measure as node size.
      const values = state.measure?.result.values;
      const range = values ? valueRange(Object.values(values)) : null;
      realNodes.forEach((n) => {
        const value = values?.[n.id()];
        const size = value === undefined || range === null ? undefined : measureSize(value, range);
        if (sizes.get(n.id()) === size) return;
        if (size === undefined) {
          n.removeStyle('width height');
          sizes.delete(n.id());
        } else {
          n.style({ width: size, height: size });
          sizes.set(n.id(), size);
        }
      });

      // Communities as node colour.
      const membership = state.communities?.membership;
      realNodes.forEach((n) => {
        const c = membership?.[n.id()];
        const colour = c === undefined ? undefined : communityColour(c);
        if (colours.get(n.id()) === colour) return;
        if (colour === undefined) {
          n.removeStyle('background-color');
          colours.delete(n.id());
        } else {
          n.style('background-color', colour);
          colours.set(n.id(), colour);
        }
      });

      // Pins.
      realNodes.forEach((n) => {
        setClass(n, ANALYSIS_CLASS.pinned, state.pinned.has(n.id()));
      });

      applyGroups(cy, state, realNodes, realEdges);

      // Highlight.
      const highlight = state.highlight;
      const hit = highlight ? new Set([...highlight.entityIds, ...highlight.linkIds]) : null;
      cy.elements().forEach((ele) => {
        setClass(ele, ANALYSIS_CLASS.hit, hit !== null && hit.has(ele.id()));
        setClass(ele, ANALYSIS_CLASS.dim, hit !== null && !hit.has(ele.id()));
      });
    });
    // Bypasses of elements no longer on the chart are forgotten.
    for (const map of [sizes, colours]) for (const id of map.keys()) if (cy.getElementById(id).empty()) map.delete(id);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(apply);
  };

  let lastChart = ui.getState().chart;
  const unsubscribeUi = ui.subscribe(() => {
    const chart = ui.getState().chart;
    if (chart === lastChart) return;
    lastChart = chart;
    schedule();
  });
  const unsubscribeAnalysis = analysis.subscribe(schedule);
  const onGroupTap = (event: { target: NodeSingular }) => {
    const community = Number(event.target.data('community'));
    analysis.setState((s) => ({ collapsed: s.collapsed.filter((c) => c !== community) }));
  };
  cy.on('dbltap', `node.${ANALYSIS_CLASS.group}`, onGroupTap);
  schedule();

  return () => {
    disposed = true;
    unsubscribeUi();
    unsubscribeAnalysis();
    cy.off('dbltap', `node.${ANALYSIS_CLASS.group}`, onGroupTap);
  };
}

/** Adds or removes a class only when the element's state differs (each call restyles the element). */
export function setClass(ele: SingularElementArgument, name: string, on: boolean): void {
  if (ele.hasClass(name) !== on) ele.toggleClass(name, on);
}

/** Adds, keeps or removes the group nodes of collapsed communities and their edges. */
function applyGroups(cy: Core, state: AnalysisState, realNodes: ReturnType<Core['nodes']>, realEdges: ReturnType<Core['edges']>): void {
  const communities = state.communities;
  const collapsed = communities ? state.collapsed.filter((c) => c >= 0 && c < communities.communities.length) : [];
  const groupOf = new Map<string, string>();
  const wantedGroups = new Set<string>();
  for (const c of collapsed) {
    const community = communities!.communities[c]!;
    const members = community.entityIds.filter((id) => {
      const n = cy.getElementById(id);
      return n.nonempty() && !n.hasClass(ANALYSIS_CLASS.hidden);
    });
    if (members.length === 0) continue;
    const id = groupNodeId(c);
    const label = `${community.name || `Community ${c + 1}`} (${members.length.toLocaleString('en')})`;
    wantedGroups.add(id);
    for (const m of members) groupOf.set(m, id);
    if (cy.getElementById(id).empty()) {
      let x = 0;
      let y = 0;
      for (const m of members) {
        const p = cy.getElementById(m).position();
        x += p.x;
        y += p.y;
      }
      cy.add({
        group: 'nodes',
        data: { id, label, community: c, members: members.length, colour: communityColour(c) },
        classes: ANALYSIS_CLASS.group,
        position: { x: x / members.length, y: y / members.length },
        selectable: false,
      });
    } else {
      cy.getElementById(id).data({ label, members: members.length });
    }
  }
  realNodes.forEach((n) => {
    setClass(n, ANALYSIS_CLASS.collapsed, groupOf.has(n.id()));
  });

  const links = realEdges
    .filter((e) => !e.hasClass(ANALYSIS_CLASS.hidden))
    .map((e) => ({ source: String(e.data('source')), target: String(e.data('target')) }));
  const edges = groupOf.size > 0 ? groupEdges(links, groupOf) : [];
  const wantedEdges = new Set(edges.map((e) => e.id));
  cy.edges(`.${ANALYSIS_CLASS.groupEdge}`)
    .filter((e) => !wantedEdges.has(e.id()))
    .remove();
  cy.nodes(`.${ANALYSIS_CLASS.group}`)
    .filter((n) => !wantedGroups.has(n.id()))
    .remove();
  for (const edge of edges) {
    const existing = cy.getElementById(edge.id);
    if (existing.nonempty()) {
      existing.data('links', edge.links);
      continue;
    }
    cy.add({
      group: 'edges',
      data: { id: edge.id, source: edge.source, target: edge.target, links: edge.links, label: edge.links > 1 ? `${edge.links} links` : '' },
      classes: ANALYSIS_CLASS.groupEdge,
      selectable: false,
    });
  }
}
