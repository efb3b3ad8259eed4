import { Classes } from '@blueprintjs/core';
import { useApp } from '../appContext';
import { Inspector } from '../panels/Inspector';
import { useStore } from '../store';
import { AnalysisPanel } from './AnalysisPanel';
import { useAnalysis } from './useAnalysis';

/** The right-hand panel: the Inspector or the Analysis panel, one tab each. */
export function SidePanel() {
  const { analysis, store } = useApp();
  const open = useAnalysis((s) => s.panelOpen);
  const caseOpen = useStore(store, (s) => s.caseStatus === 'open');
  const showAnalysis = open && caseOpen;
  return (
    <>
      <div className={`side-tabs ${Classes.TAB_LIST}`} role="tablist" aria-label="Side panel">
        <button type="button" role="tab" aria-selected={!showAnalysis} className={Classes.TAB} onClick={() => analysis.closePanel()}>
          Inspector
        </button>
        <button type="button" role="tab" aria-selected={showAnalysis} className={Classes.TAB} disabled={!caseOpen} onClick={() => analysis.openPanel()}>
          Analysis
        </button>
      </div>
      {showAnalysis ? <AnalysisPanel /> : <Inspector />}
    </>
  );
}
