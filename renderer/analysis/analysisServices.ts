import type { Core } from 'cytoscape';
import type { CommunityResult, GradedCitation, MeasureSpec } from '../../app/analysis';
import type { WorkbenchApi } from '../../app/bridge';
import type { LayoutName, SavedView, ViewFilters } from '../../app/views';
import { saveLayoutStep } from '../chart/layout';
import { readViewport } from '../chart/viewportCommit';
import type { CaseData } from '../data/caseData';
import type { UiStore } from '../store';
import { createAnalysisStore, initialAnalysisState, type AnalysisStore, type AnalysisTab, type MeasureChoice, type TaskKind } from './analysisState';
import type { AnalysisAnswer, AnalysisTask, PartitionMethod } from './analysisTasks';
import { bindAnalysisOverlay } from './chartOverlay';
import { analysisInput, toAnalysisFilters } from './filterModel';
import { applyLayout, layoutRequest } from './layoutRunner';
import type { LayoutAnswer, LayoutRequest } from './layoutTasks';
import { groupNodeId, isOverlayElementId } from './overlayModel';
import { createWorkerClient, JobCancelledError, type Progress, type RunningJob, type WorkerClient, type WorkerLike } from './workerClient';
import { type TaskRegistry } from '../tasks/taskRegistry';
import { trackJob } from '../tasks/trackJob';

/** What the Analysis panel, its commands and the chart overlay share. */
export interface AnalysisServices {
  store: AnalysisStore;
  /** Binds the overlay to the chart's Cytoscape instance (see chartController `extensions`). */
  chartExtension: (cy: Core) => () => void;
  openPanel: (tab?: AnalysisTab) => void;
  closePanel: () => void;
  runMeasure: () => Promise<void>;
  clearMeasure: () => void;
  runSensitivity: () => Promise<void>;
  /** Louvain communities (default), or the network's connected components, as a partition of the chart. */
  runCommunities: (method?: PartitionMethod) => Promise<void>;
  /** Groups the chart by entity type and collapses the groups of these types (an addition too large to draw one by one). */
  groupByType: (collapseTypes: readonly string[]) => Promise<void>;
  clearCommunities: () => void;
  setCollapsed: (community: number, collapsed: boolean) => void;
  shortestPath: (all: boolean) => Promise<void>;
  connectingNetwork: () => Promise<void>;
  neighbourhood: () => Promise<void>;
  clearHighlight: () => void;
  /** Stops the computation under way. */
  cancel: () => void;
  setFilters: (patch: Partial<ViewFilters>) => void;
  runLayout: (name: LayoutName) => Promise<void>;
  /** Pins or unpins the selected entities where they stand. */
  pinSelection: (pinned: boolean) => Promise<void>;
  saveView: (name: string) => Promise<void>;
  applyView: (view: SavedView) => Promise<void>;
  deleteView: (id: string) => Promise<void>;
  /** Entity ids selected on the chart. */
  selectedEntities: () => string[];
  /** True when a chart with entities is shown and its Cytoscape instance is bound. */
  chartReady: () => boolean;
  dispose: () => void;
}

export interface AnalysisDeps {
  api: WorkbenchApi;
  ui: UiStore;
  /** Says what each edit changed: the evidence grades are read again only when citations or sources changed. */
  caseData?: Pick<CaseData, 'onChange'>;
  showError: (message: string) => void;
  /** Workers are started lazily; tests pass stand-ins. */
  startAnalysisWorker?: () => WorkerLike;
  startLayoutWorker?: () => WorkerLike;
  /** The status-bar task list: every analysis and layout run is listed there, cancellable. */
  tasks?: TaskRegistry;
}

const defaultAnalysisWorker = (): WorkerLike => new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module', name: 'analysis' });
const defaultLayoutWorker = (): WorkerLike => new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module', name: 'layout' });

export function createAnalysisServices({ api, ui, caseData, showError, startAnalysisWorker, startLayoutWorker, tasks }: AnalysisDeps): AnalysisServices {
  const store = createAnalysisStore();
  const analysisWorker: WorkerClient<AnalysisTask, AnalysisAnswer> = createWorkerClient(startAnalysisWorker ?? defaultAnalysisWorker, 'task');
  const layoutWorker: WorkerClient<LayoutRequest, LayoutAnswer> = createWorkerClient(startLayoutWorker ?? defaultLayoutWorker, 'layout');
  let cy: Core | null = null;
  let current: RunningJob<AnalysisAnswer> | null = null;
  let evidenceFor: unknown = null;
  let evidenceLoad: Promise<readonly GradedCitation[] | null> | null = null;
  let layoutSeed = 1;

  const chartId = () => ui.getState().chart?.chartId ?? null;

  // ---- Case data the analysis needs: evidence grades, pins, saved views ----

  /**
   * What the loaded evidence is for: the chart as loaded whole, and the edits since that changed
   * citations or sources. Other edits (a rename, a move) keep it.
   */
  let evidenceEpoch = 0;
  const loadEvidence = (): Promise<readonly GradedCitation[] | null> => {
    const chart = ui.getState().chart;
    if (!chart) return Promise.resolve(null);
    const key = `${chart.chartId}\u0000${evidenceEpoch}`;
    if (evidenceFor === key && evidenceLoad) return evidenceLoad;
    evidenceFor = key;
    evidenceLoad = api['analysis.evidence']().then((result) => {
      if (!result.ok) {
        showError(`The evidence grades could not be read: ${result.error.message}`);
        return null;
      }
      if (evidenceFor === key) store.setState({ evidence: result.value });
      return result.value;
    });
    return evidenceLoad;
  };
  const unsubscribeEdits =
    caseData?.onChange((edit) => {
      const { citations, sources } = edit.delta;
      const touched = [citations, sources].some((ids) => ids.created.length + ids.updated.length + ids.deleted.length > 0);
      if (!touched) return;
      evidenceEpoch += 1;
      // Read again now only if the analysis uses the grades (loaded once already); else on demand.
      if (store.getState().evidence !== null) void loadEvidence();
    }) ?? (() => undefined);

  const loadPins = async (id: string) => {
    const result = await api['chart.pinned']({ chartId: id });
    if (result.ok && chartId() === id) store.setState({ pinned: new Set(result.value) });
  };

  const loadViews = async (id: string) => {
    const result = await api['view.list']({ chartId: id });
    if (result.ok && chartId() === id) store.setState({ views: result.value });
  };

  let lastCase = ui.getState().caseInfo?.path ?? null;
  let lastChart = ui.getState().chart;
  /** The chart (and case) whose pins and views are loaded: an edit's new chart data keeps them. */
  let lastChartKey: string | null = null;
  const unsubscribe = ui.subscribe(() => {
    const { caseInfo, chart, chartDelta } = ui.getState();
    const path = caseInfo?.path ?? null;
    if (path !== lastCase) {
      lastCase = path;
      current?.cancel();
      current = null;
      lastChartKey = null;
      const { panelOpen, tab, choice } = store.getState();
      store.setState({ ...initialAnalysisState, panelOpen, tab, choice });
    }
    if (chart === lastChart) return;
    lastChart = chart;
    if (!chart) return;
    // A whole load (open, reload) reads the evidence again; a delta says itself whether it must.
    if (chartDelta === null) evidenceEpoch += 1;
    void loadEvidence();
    const key = `${path ?? ''}\u0000${chart.chartId}`;
    if (key === lastChartKey && chartDelta !== null) return;
    lastChartKey = key;
    void loadPins(chart.chartId);
    void loadViews(chart.chartId);
  });

  // ---- Running a task in the worker ----

  const run = async (task: TaskKind, label: string, build: () => AnalysisTask | null, accept: (answer: AnalysisAnswer) => void) => {
    const chart = ui.getState().chart;
    if (!chart) return;
    current?.cancel();
    store.setState({ run: { status: 'running', task, label, progress: null } });
    await loadEvidence();
    const request = build();
    if (!request) {
      store.setState({ run: { status: 'idle' } });
      return;
    }
    const start = (onProgress: (progress: Progress) => void) => analysisWorker.run(request, onProgress);
    const report = (progress: Progress) => {
      if (current === job) store.setState({ run: { status: 'running', task, label, progress } });
    };
    const job = tasks ? trackJob(tasks, 'analysis', label, (onProgress) => start((p) => (onProgress(p), report(p)))) : start(report);
    current = job;
    try {
      const answer = await job.promise;
      if (current !== job) return;
      accept(answer);
      store.setState({ run: { status: 'idle' } });
    } catch (error) {
      if (current !== job) return;
      if (error instanceof JobCancelledError) store.setState({ run: { status: 'idle' } });
      else store.setState({ run: { status: 'error', task, message: error instanceof Error ? error.message : String(error) } });
    } finally {
      if (current === job) current = null;
    }
  };

  /** The case, the filters in force and the graph options, as every task takes them. */
  const network = (options: { directed: boolean; weighted: boolean; weightAttribute?: string | null }) => {
    const chart = ui.getState().chart!;
    const { evidence, filters } = store.getState();
    const { weightAttribute, ...rest } = options;
    // A link attribute, when chosen, is the weight (networkx's weight=); evidence weighting is then off.
    const graph = weightAttribute ? { ...rest, weighted: true, weightAttribute } : rest;
    return { input: analysisInput(chart, evidence), filters: toAnalysisFilters(chart, filters), graph };
  };

  const partition = (method: PartitionMethod, collapse: (result: CommunityResult) => number[]) => {
    const { choice } = store.getState();
    const label = method === 'louvain' ? 'Finding communities…' : method === 'type' ? 'Grouping by entity type…' : 'Finding connected components…';
    // Strong components follow the links' direction; the other partitions ignore it.
    const directed = method === 'strong';
    return run(
      'communities',
      label,
      () => ({ kind: 'communities', seed: 1, method, ...network({ directed, weighted: choice.weighted, weightAttribute: choice.weightAttribute }) }),
      (answer) => {
        if (answer.kind === 'communities') store.setState({ communities: answer.result, collapsed: collapse(answer.result) });
      },
    );
  };

  const selectedEntities = () =>
    ui
      .getState()
      .selection.filter((s) => s.kind === 'entity' && !isOverlayElementId(s.id))
      .map((s) => s.id);

  const layoutNow = async (name: LayoutName) => {
    const chart = ui.getState().chart;
    if (!cy || cy.destroyed() || !chart || ui.getState().layoutRunning) return;
    const boundCy = cy;
    const state = store.getState();
    const types = new Map(chart.entities.map((e) => [e.id, e.type]));
    const request = layoutRequest(boundCy, {
      name,
      pinned: state.pinned,
      values: state.measure?.result.values ?? null,
      typeOf: (id) => types.get(id) ?? 'other',
      seed: layoutSeed++,
    });
    ui.setState({ layoutRunning: true });
    store.setState({ layout: name });
    try {
      const start = (onProgress: (progress: Progress) => void) => layoutWorker.run(request, onProgress);
      const answer = await (tasks ? trackJob(tasks, 'layout', `Layout: ${name}`, start, false) : start(() => undefined)).promise;
      if (boundCy.destroyed() || ui.getState().chart?.chartId !== chart.chartId) return;
      const groups = new Map<string, readonly string[]>();
      const communities = state.communities;
      if (communities) for (const c of store.getState().collapsed) groups.set(groupNodeId(c), communities.communities[c]?.entityIds ?? []);
      const positions = await applyLayout(boundCy, answer, state.pinned, groups);
      // Saved once, in one call, now that the layout has stopped: one undoable step.
      const failure = await saveLayoutStep(api, chart.chartId, positions);
      if (failure !== null) showError(`The chart layout was not saved: ${failure}`);
    } catch (error) {
      // Cancelled from the task list: the chart keeps its positions, nothing to report.
      if (error instanceof JobCancelledError) return;
      showError(`The layout failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      ui.setState({ layoutRunning: false });
    }
  };

  const services: AnalysisServices = {
    store,
    chartExtension(bound) {
      cy = bound;
      const unbind = bindAnalysisOverlay(bound, ui, store);
      return () => {
        unbind();
        if (cy === bound) cy = null;
      };
    },
    openPanel(tab) {
      store.setState(tab ? { panelOpen: true, tab } : { panelOpen: true });
    },
    closePanel() {
      store.setState({ panelOpen: false });
    },
    runMeasure() {
      const choice = store.getState().choice;
      const spec = measureSpecOf(choice);
      return run(
        'measure',
        choice.measure === 'betweenness' && choice.approximate ? `Estimating betweenness from ${choice.samples.toLocaleString('en-GB')} sources…` : `Computing ${choice.measure}…`,
        () => ({ kind: 'measure', measure: spec, ...network({ directed: choice.directed, weighted: choice.weighted, weightAttribute: choice.weightAttribute }) }),
        (answer) => {
          if (answer.kind === 'measure') store.setState({ measure: { result: answer.result, ranking: answer.ranking, choice } });
        },
      );
    },
    clearMeasure() {
      store.setState({ measure: null });
    },
    runSensitivity() {
      const { choice, sensitivityGrade } = store.getState();
      const spec = measureSpecOf(choice);
      return run(
        'sensitivity',
        `Comparing ${choice.measure} with all evidence and with ${sensitivityGrade} or better…`,
        () => ({ kind: 'sensitivity', measure: spec, minGrade: sensitivityGrade, ...network({ directed: choice.directed, weighted: choice.weighted, weightAttribute: choice.weightAttribute }) }),
        (answer) => {
          if (answer.kind === 'sensitivity') store.setState({ sensitivity: answer.result });
        },
      );
    },
    runCommunities(method = 'louvain') {
      return partition(method, () => []);
    },
    groupByType(collapseTypes) {
      const wanted = new Set(collapseTypes);
      return partition('type', (result) => result.communities.filter((c) => c.entityIds.length > 1 && wanted.has(c.name ?? '')).map((c) => c.index));
    },
    clearCommunities() {
      store.setState({ communities: null, collapsed: [] });
    },
    setCollapsed(community, collapsed) {
      store.setState((s) => ({
        collapsed: collapsed ? [...new Set([...s.collapsed, community])] : s.collapsed.filter((c) => c !== community),
      }));
    },
    shortestPath(all) {
      const ids = selectedEntities();
      const { choice, pathWeighted, pathWeightAttribute } = store.getState();
      return run(
        'paths',
        all ? 'Finding all shortest paths…' : 'Finding the shortest path…',
        () => (ids.length === 2 ? { kind: 'path', from: ids[0]!, to: ids[1]!, all, ...network({ directed: choice.directed, weighted: pathWeighted, weightAttribute: pathWeightAttribute }) } : null),
        (answer) => {
          if (answer.kind === 'highlight') store.setState({ highlight: answer.highlight });
        },
      );
    },
    connectingNetwork() {
      const ids = selectedEntities();
      const { pathWeighted, pathWeightAttribute } = store.getState();
      return run(
        'paths',
        'Finding the connecting network…',
        () => (ids.length >= 2 ? { kind: 'connecting', entityIds: ids, ...network({ directed: false, weighted: pathWeighted, weightAttribute: pathWeightAttribute }) } : null),
        (answer) => {
          if (answer.kind === 'highlight') store.setState({ highlight: answer.highlight });
        },
      );
    },
    neighbourhood() {
      const ids = selectedEntities();
      const { neighbourhoodHops, choice } = store.getState();
      return run(
        'paths',
        'Finding the neighbourhood…',
        () => (ids.length >= 1 ? { kind: 'neighbourhood', seeds: ids, hops: neighbourhoodHops, ...network({ directed: choice.directed, weighted: false }) } : null),
        (answer) => {
          if (answer.kind === 'highlight') store.setState({ highlight: answer.highlight });
        },
      );
    },
    clearHighlight() {
      store.setState({ highlight: null });
    },
    cancel() {
      current?.cancel();
    },
    setFilters(patch) {
      store.setState((s) => ({ filters: { ...s.filters, ...patch } }));
      if (patch.minGrade) void loadEvidence();
    },
    runLayout: layoutNow,
    async pinSelection(pinned) {
      const id = chartId();
      const ids = selectedEntities();
      if (!cy || id === null || ids.length === 0) return;
      const boundCy = cy;
      const nodes = ids
        .map((entityId) => boundCy.getElementById(entityId))
        .filter((n) => n.nonempty())
        .map((n) => ({ entityId: n.id(), x: n.position().x, y: n.position().y }));
      const result = await api['chart.setPinned']({ chartId: id, nodes, pinned });
      if (!result.ok) {
        showError(`The pins were not saved: ${result.error.message}`);
        return;
      }
      store.setState((s) => {
        const next = new Set(s.pinned);
        for (const n of nodes) {
          if (pinned) next.add(n.entityId);
          else next.delete(n.entityId);
        }
        return { pinned: next };
      });
    },
    async saveView(name) {
      const id = chartId();
      if (id === null || !cy) return;
      const { filters, layout } = store.getState();
      const result = await api['view.save']({ chartId: id, name, filters, layout, viewport: readViewport(cy) });
      if (!result.ok) {
        showError(`The view was not saved: ${result.error.message}`);
        return;
      }
      await loadViews(id);
    },
    async applyView(view) {
      store.setState({ filters: view.filters });
      if (view.filters.minGrade) void loadEvidence();
      if (view.layout && view.layout !== store.getState().layout) await layoutNow(view.layout);
      if (view.viewport && cy && !cy.destroyed()) cy.viewport({ zoom: view.viewport.zoom, pan: { x: view.viewport.panX, y: view.viewport.panY } });
    },
    async deleteView(viewId) {
      const id = chartId();
      const result = await api['view.delete']({ id: viewId });
      if (!result.ok) showError(`The view was not deleted: ${result.error.message}`);
      if (id !== null) await loadViews(id);
    },
    selectedEntities,
    chartReady() {
      const state = ui.getState();
      return cy !== null && state.caseStatus === 'open' && state.chartStatus === 'ready' && (state.chart?.entities.length ?? 0) > 0;
    },
    dispose() {
      unsubscribe();
      unsubscribeEdits();
      analysisWorker.dispose();
      layoutWorker.dispose();
    },
  };
  // A chart already loaded when the services start.
  if (lastChart) {
    void loadEvidence();
    void loadPins(lastChart.chartId);
    void loadViews(lastChart.chartId);
  }
  return services;
}

/** The measure spec of the panel's choice (approximate betweenness only when asked). */
export function measureSpecOf(choice: MeasureChoice): MeasureSpec {
  const spec: MeasureSpec = { measure: choice.measure };
  if (choice.measure === 'degree' || choice.measure === 'betweenness') spec.normalized = choice.normalized;
  if (choice.measure === 'degree') spec.degreeMode = choice.directed ? choice.degreeMode : 'total';
  if (choice.measure === 'betweenness' && choice.approximate) spec.approximate = { samples: choice.samples, seed: 1 };
  return spec;
}
