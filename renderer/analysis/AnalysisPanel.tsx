import { Classes } from '@blueprintjs/core';
import { useApp } from '../appContext';
import type { AnalysisTab } from './analysisState';
import { CommunitiesSection } from './CommunitiesSection';
import { FiltersSection } from './FiltersSection';
import { LayoutSection } from './LayoutSection';
import { MeasuresSection } from './MeasuresSection';
import { PathsSection } from './PathsSection';
import { useAnalysis } from './useAnalysis';
import './analysis.css';
import { BUTTON } from '../ui/buttons';

const TABS: readonly [AnalysisTab, string][] = [
  ['measures', 'Measures'],
  ['paths', 'Paths'],
  ['communities', 'Groups'],
  ['filters', 'Filters'],
  ['layout', 'Layout'],
];

/** Progress of the computation under way, with Cancel; or why the last one failed. */
function RunStatus() {
  const { analysis } = useApp();
  const run = useAnalysis((s) => s.run);
  if (run.status === 'idle') return null;
  if (run.status === 'error') {
    return (
      <div className={`run-status ${Classes.CALLOUT} ${Classes.COMPACT} ${Classes.INTENT_DANGER} ${Classes.TEXT_SMALL}`} role="alert">
        {run.message}
        <button type="button" className={`${BUTTON.small} ${Classes.MINIMAL}`} onClick={() => analysis.store.setState({ run: { status: 'idle' } })}>
          Dismiss
        </button>
      </div>
    );
  }
  const fraction = run.progress && run.progress.total > 0 ? run.progress.done / run.progress.total : null;
  return (
    <div className={`run-status ${Classes.CALLOUT} ${Classes.COMPACT} ${Classes.INTENT_PRIMARY} ${Classes.TEXT_SMALL}`} role="status" data-testid="analysis-progress">
      <span>{run.label}</span>
      <progress max={1} value={fraction ?? undefined} aria-label="Progress" />
      {run.progress && (
        <span className={Classes.TEXT_MUTED}>
          {run.progress.done.toLocaleString('en-GB')} / {run.progress.total.toLocaleString('en-GB')} {run.progress.unit}
        </span>
      )}
      <button type="button" className={BUTTON.small} onClick={() => analysis.cancel()}>
        Cancel
      </button>
    </div>
  );
}

/** The Analysis tab of the side panel. */
export function AnalysisPanel() {
  const { analysis } = useApp();
  const tab = useAnalysis((s) => s.tab);
  return (
    <div className="analysis-panel" data-testid="analysis-panel">
      <div className={`analysis-tabs ${Classes.TAB_LIST}`} role="tablist" aria-label="Analysis">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={Classes.TAB} onClick={() => analysis.store.setState({ tab: id })}>
            {label}
          </button>
        ))}
      </div>
      <RunStatus />
      <div role="tabpanel" aria-label={TABS.find(([id]) => id === tab)?.[1]}>
        {tab === 'measures' && <MeasuresSection />}
        {tab === 'paths' && <PathsSection />}
        {tab === 'communities' && <CommunitiesSection />}
        {tab === 'filters' && <FiltersSection />}
        {tab === 'layout' && <LayoutSection />}
      </div>
    </div>
  );
}
