import { Classes, NonIdealState, Spinner } from '@blueprintjs/core';
import { mdiGraphOutline } from '@mdi/js';
import { AnalysisLegend } from './analysis/AnalysisLegend';
import { SidePanel } from './analysis/SidePanel';
import { ChartView } from './chart/ChartView';
import { EditingLayer } from './editing/EditingLayer';
import { useApp } from './appContext';
import { Icon } from './Icon';
import { ExportImageDialog } from './export/ExportImageDialog';
import { ExportDialog } from './interchange/ExportDialog';
import { ImportDialog } from './interchange/ImportDialog';
import { ChartScaleDialog } from './scale/ChartScaleDialog';
import { EmptyState } from './panels/EmptyState';
import { DropTarget } from './panels/DropTarget';
import { ErrorBanner } from './panels/ErrorBanner';
import { HelpDialogs } from './panels/HelpDialogs';
import { MarkingBanner, MarkingDialog } from './panels/Marking';
import { Legend } from './panels/Legend';
import { StatusBar } from './panels/StatusBar';
import { TopBar } from './panels/TopBar';
import { Workspace } from './panels/Workspace';
import { useStore } from './store';
import { ViewHost } from './views/ViewHost';

/** The window: top bar, the views (chart, timeline, …) with the legend, inspector, status bar. */
export function App() {
  const { store } = useApp();
  const caseStatus = useStore(store, (s) => s.caseStatus);
  const chartStatus = useStore(store, (s) => s.chartStatus);
  const layoutRunning = useStore(store, (s) => s.layoutRunning);
  const emptyChart = useStore(store, (s) => s.chart !== null && s.chart.entities.length === 0);
  const caseEntities = useStore(store, (s) => s.caseInfo?.counts.entities ?? 0);
  const busy = caseStatus === 'open' && (chartStatus === 'loading' || layoutRunning);

  return (
    <div className="app">
      <MarkingBanner edge="top" />
      <header className={`${Classes.NAVBAR} topbar`}>
        <TopBar />
      </header>
      <ErrorBanner />
      <Workspace
        main={
          <main className="chart-area" aria-busy={busy}>
            {caseStatus === 'open' && <Legend />}
            <ViewHost
              chart={
                <>
                  {/* The chart stays mounted with no case open: Cytoscape is created once per window. */}
                  <ChartView />
                  {caseStatus === 'open' && <AnalysisLegend />}
                  <EditingLayer />
                  {caseStatus === 'open' && chartStatus === 'ready' && emptyChart && (
                    <NonIdealState
                      className="chart-empty"
                      icon={<Icon path={mdiGraphOutline} size={48} />}
                      title={caseEntities === 0 ? 'This case has no entities yet.' : `Nothing on the chart yet: the case holds ${caseEntities.toLocaleString('en')} entities.`}
                      description={
                        caseEntities === 0
                          ? 'Entities and links added or imported into the case appear here.'
                          : 'Search the case (Ctrl+F) and add what you find, then expand from it (Alt+E).'
                      }
                    />
                  )}
                  {caseStatus === 'open' && chartStatus === 'loading' && (
                    <div className={`${Classes.CARD} ${Classes.ELEVATION_2} ${Classes.TEXT_MUTED} chart-overlay`} role="status">
                      <Spinner size={14} aria-hidden="true" /> {layoutRunning ? 'Laying out the chart…' : 'Loading the chart…'}
                    </div>
                  )}
                </>
              }
            />
            {caseStatus === 'none' && <EmptyState />}
          </main>
        }
        side={
          <aside className="side-panel" aria-label="Inspector and analysis">
            {/* The Inspector, or the Analysis panel (renderer/analysis/). */}
            <SidePanel />
          </aside>
        }
      />
      <footer className="footer">
        <StatusBar />
      </footer>
      <MarkingBanner edge="bottom" />
      <ExportImageDialog />
      <ImportDialog />
      <ExportDialog />
      <HelpDialogs />
      <MarkingDialog />
      <DropTarget />
      <ChartScaleDialog />
    </div>
  );
}
