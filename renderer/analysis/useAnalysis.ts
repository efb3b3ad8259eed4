import { useApp } from '../appContext';
import { useStore } from '../store';
import type { AnalysisState } from './analysisState';

/** Reads one slice of the analysis state; re-renders when it changes. */
export function useAnalysis<S>(selector: (state: AnalysisState) => S): S {
  const { analysis } = useApp();
  return useStore(analysis.store, selector);
}
