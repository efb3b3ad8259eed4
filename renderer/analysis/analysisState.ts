import type { CommunityResult, DegreeMode, GradedCitation, MeasureName, MeasureResult, RankedNode, SensitivityResult } from '../../app/analysis';
import { NO_FILTERS, type LayoutName, type SavedView, type ViewFilters } from '../../app/views';
import { createStore, type Store } from '../store';
import type { Highlight } from './analysisTasks';
import type { Progress } from './workerClient';

export type AnalysisTab = 'measures' | 'paths' | 'communities' | 'filters' | 'layout';

/** The measure as the analyst picks it in the panel. */
export interface MeasureChoice {
  measure: MeasureName;
  /** Degree on a directed network only. */
  degreeMode: DegreeMode;
  directed: boolean;
  /** Edge weights from evidence strength (the grades of the citations behind each link). */
  weighted: boolean;
  /**
   * Edge weights from this numeric link attribute instead (networkx's `weight=`): a weight for
   * PageRank, eigenvector and degree, the distance for betweenness and closeness. Null: none.
   */
  weightAttribute: string | null;
  /** Degree and betweenness only; the others have a fixed scale. */
  normalized: boolean;
  /** Betweenness only: estimate from `samples` sampled sources, with standard errors, instead of the exact O(n·m) run. */
  approximate: boolean;
  samples: number;
}

export type TaskKind = 'measure' | 'sensitivity' | 'communities' | 'paths' | 'layout';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; task: TaskKind; label: string; progress: Progress | null }
  | { status: 'error'; task: TaskKind; message: string };

export interface MeasureOnChart {
  result: MeasureResult;
  ranking: RankedNode[];
  /** The choice it was run with (the panel may have changed since). */
  choice: MeasureChoice;
}

export interface AnalysisState {
  /** The side panel shows the Analysis tab (else the Inspector). */
  panelOpen: boolean;
  tab: AnalysisTab;
  filters: ViewFilters;
  choice: MeasureChoice;
  run: RunState;
  measure: MeasureOnChart | null;
  highlight: Highlight | null;
  /** Path searches by evidence (distance 1/strength) rather than hops. */
  pathWeighted: boolean;
  /** Path searches with this link attribute as each link's length (takes precedence over `pathWeighted`). */
  pathWeightAttribute: string | null;
  neighbourhoodHops: number;
  communities: CommunityResult | null;
  /** Community indexes drawn as one group node. */
  collapsed: readonly number[];
  sensitivityGrade: string;
  sensitivity: SensitivityResult | null;
  /** Entity ids a layout leaves in place. */
  pinned: ReadonlySet<string>;
  /** Every citation's grade (null until loaded): grade filters and evidence weights need it. */
  evidence: readonly GradedCitation[] | null;
  layout: LayoutName;
  views: readonly SavedView[];
}

export const DEFAULT_CHOICE: MeasureChoice = { measure: 'betweenness', degreeMode: 'total', directed: false, weighted: false, weightAttribute: null, normalized: true, approximate: false, samples: 500 };

export const initialAnalysisState: AnalysisState = {
  panelOpen: false,
  tab: 'measures',
  filters: NO_FILTERS,
  choice: DEFAULT_CHOICE,
  run: { status: 'idle' },
  measure: null,
  highlight: null,
  pathWeighted: false,
  pathWeightAttribute: null,
  neighbourhoodHops: 1,
  communities: null,
  collapsed: [],
  sensitivityGrade: 'C2',
  sensitivity: null,
  pinned: new Set(),
  evidence: null,
  layout: 'fcose',
  views: [],
};

export type AnalysisStore = Store<AnalysisState>;

export function createAnalysisStore(): AnalysisStore {
  return createStore<AnalysisState>(initialAnalysisState);
}

export const MEASURE_LABELS: Record<MeasureName, string> = {
  degree: 'Degree',
  betweenness: 'Betweenness',
  closeness: 'Closeness',
  eigenvector: 'Eigenvector',
  pagerank: 'PageRank',
};

export const LAYOUT_LABELS: Record<LayoutName, string> = {
  fcose: 'Force-directed (fCoSE)',
  hierarchical: 'Hierarchical (dagre)',
  concentric: 'Concentric by measure',
  circle: 'Circle',
  grid: 'Grid',
  byType: 'Grouped by type',
};
