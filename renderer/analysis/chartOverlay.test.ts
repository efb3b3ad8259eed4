import cytoscape, { type Core } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import { chartElements } from '../../app/chartElements';
import type { ChartData } from '../../app/contract';
import type { Entity, Link } from '../../app/domain';
import { createUiStore, type UiStore } from '../store';
import { createAnalysisStore, type AnalysisStore } from './analysisState';
import { ANALYSIS_CLASS } from './analysisStylesheet';
import type { Highlight } from './analysisTasks';
import { bindAnalysisOverlay } from './chartOverlay';
import { testEntity, testLink } from '../../app/testing/rows';

/**
 * The analysis overlay changes classes only where they differ, once per change of what it draws
 * from. Counted with Cytoscape's own `class` event, which fires for every class call, even one
 * that removes a class the element does not have.
 */

const stamp = '2024-01-01T00:00:00.000Z';
const entity = (i: number): Entity =>
  testEntity({ id: `e${i}`, type: i % 4 === 0 ? 'armed_group' : 'person', label: `Entity ${i}`, createdAt: stamp, updatedAt: stamp });
const link = (i: number, from: number, to: number): Link => testLink({ id: `l${i}`, sourceId: `e${from}`, targetId: `e${to}`, createdAt: stamp, updatedAt: stamp });

const NODES = 400;

function chartData(entities: Entity[]): ChartData {
  const links = entities.slice(1).map((e, i) => link(i, i + 1, Math.floor(i / 2)));
  return { chartId: 'c', entities, links, evidence: {}, positions: [], viewport: null, linkStrengths: {}, noteCounts: {}, annotations: [], version: 0 };
}

let cy: Core | null = null;
afterEach(() => {
  cy?.destroy();
  cy = null;
});

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function setUp(): { cy: Core; ui: UiStore; analysis: AnalysisStore; classChanges: () => number; unbind: () => void } {
  const data = chartData(Array.from({ length: NODES }, (_, i) => entity(i)));
  const core = cytoscape({ headless: true, styleEnabled: true, elements: chartElements(data).map((e) => ({ group: e.group, data: { ...e.data }, classes: e.classes })) });
  cy = core;
  const ui = createUiStore();
  ui.setState({ chart: data });
  const analysis = createAnalysisStore();
  let changes = 0;
  core.on('class', () => {
    changes += 1;
  });
  const unbind = bindAnalysisOverlay(core, ui, analysis);
  return {
    cy: core,
    ui,
    analysis,
    classChanges: () => {
      const n = changes;
      changes = 0;
      return n;
    },
    unbind,
  };
}

describe('analysis overlay', () => {
  it('draws nothing on a chart without analysis, and nothing again for changes it does not draw from', async () => {
    const { analysis, classChanges, unbind } = setUp();
    await settle();
    expect(classChanges()).toBe(0);
    // Saved views and evidence arriving (as on every open) are not drawn.
    analysis.setState({ views: [], evidence: [] });
    analysis.setState({ pinned: new Set() });
    await settle();
    expect(classChanges()).toBe(0);
    unbind();
  });

  it('a rename (new chart data) changes no class; a filter changes exactly the elements it hides, once', async () => {
    const { cy: core, ui, analysis, classChanges, unbind } = setUp();
    await settle();
    classChanges();
    const chart = ui.getState().chart!;
    const renamed = { ...chart.entities[5]!, label: 'Renamed' };
    ui.setState({ chart: { ...chart, entities: chart.entities.map((e) => (e.id === renamed.id ? renamed : e)) } });
    core.getElementById(renamed.id).data('label', 'Renamed');
    await settle();
    expect(classChanges()).toBe(0);

    analysis.setState((s) => ({ filters: { ...s.filters, hiddenEntityTypes: ['armed_group'] } }));
    await settle();
    const hiddenNodes = core.nodes(`.${ANALYSIS_CLASS.hidden}`).length;
    const hiddenEdges = core.edges(`.${ANALYSIS_CLASS.hidden}`).length;
    expect(hiddenNodes).toBe(NODES / 4);
    expect(hiddenEdges).toBeGreaterThan(0);
    expect(classChanges()).toBe(hiddenNodes + hiddenEdges);

    // The same filters again, and pins of nothing: no change.
    analysis.setState((s) => ({ filters: { ...s.filters } }));
    await settle();
    expect(classChanges()).toBe(0);

    // A highlight marks the hits and dims the rest: one change per element, then clearing it one per element again.
    const highlight: Highlight = { ...({} as Highlight), entityIds: ['e1', 'e2'], linkIds: ['l0'] };
    analysis.setState({ highlight });
    await settle();
    const all = core.elements().length;
    expect(classChanges()).toBe(all * 1);
    analysis.setState({ highlight: null });
    await settle();
    expect(classChanges()).toBe(all);
    unbind();
  });

  it('does not walk the chart while it has nothing to draw, and draws again when it has', async () => {
    const { cy: core, ui, analysis, classChanges, unbind } = setUp();
    await settle();
    const chart = ui.getState().chart!;
    let walks = 0;
    const nodes = core.nodes.bind(core);
    core.nodes = ((selector?: string) => {
      walks += 1;
      return nodes(selector);
    });
    // New chart data with no analysis on: the elements are not looked at.
    ui.setState({ chart: { ...chart, entities: [...chart.entities] } });
    await settle();
    expect(walks).toBe(0);

    // A filter on, then off: the pass that removes its classes runs; the chart is then clean again.
    analysis.setState((s) => ({ filters: { ...s.filters, hiddenEntityTypes: ['armed_group'] } }));
    await settle();
    expect(core.nodes(`.${ANALYSIS_CLASS.hidden}`).length).toBe(NODES / 4);
    analysis.setState((s) => ({ filters: { ...s.filters, hiddenEntityTypes: [] } }));
    await settle();
    expect(core.elements(`.${ANALYSIS_CLASS.hidden}`).length).toBe(0);
    classChanges();
    walks = 0;
    ui.setState({ chart: { ...chart, entities: [...chart.entities] } });
    await settle();
    expect(walks).toBe(0);

    // With a pin on, new chart data is drawn (a pass over the elements).
    analysis.setState({ pinned: new Set(['e3']) });
    await settle();
    expect(core.getElementById('e3').hasClass(ANALYSIS_CLASS.pinned)).toBe(true);
    walks = 0;
    ui.setState({ chart: { ...chart, entities: [...chart.entities] } });
    await settle();
    expect(walks).toBeGreaterThan(0);
    expect(core.getElementById('e3').hasClass(ANALYSIS_CLASS.pinned)).toBe(true);
    unbind();
  });
});
