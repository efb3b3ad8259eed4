import { Classes, Tab, Tabs } from '@blueprintjs/core';
import type { ReactNode } from 'react';
import { useApp } from '../appContext';
import { useStore } from '../store';
import { CHART_VIEW } from './viewState';
import { VIEWS, viewStore } from './views';
import './views.css';

/**
 * The main area: a tab strip (Chart | Timeline | …, Blueprint's Tabs: the arrow keys move between
 * tabs, Enter or Space opens one) over the view in front. The chart stage is always mounted;
 * another view covers it, or sits below it when "Show beside the chart" is on.
 */
const TABS_ID = 'views';
/** The ids Blueprint's tab titles name in aria-controls and aria-labelledby (its generateTabIds). */
const tabPanelId = (viewId: string) => `${Classes.TAB_PANEL}_${TABS_ID}_${viewId}`;
const tabTitleId = (viewId: string) => `${Classes.TAB}-title_${TABS_ID}_${viewId}`;

export function ViewHost({ chart }: { chart: ReactNode }) {
  const { store } = useApp();
  const caseOpen = useStore(store, (s) => s.caseStatus === 'open');
  const active = useStore(viewStore, (s) => s.active);
  const split = useStore(viewStore, (s) => s.split);
  const front = VIEWS.find((v) => v.id === active && v.id !== CHART_VIEW && caseOpen) ?? null;
  const Front = front?.Component ?? null;

  return (
    <div className={`view-host${front && split ? ' view-host-split' : ''}`}>
      {caseOpen && (
        <div className="view-tabs">
          <Tabs id={TABS_ID} aria-label="Views" selectedTabId={active} onChange={(id) => viewStore.show(String(id))} animate={false}>
            {VIEWS.map((view) => (
              <Tab key={view.id} id={view.id} title={view.label} />
            ))}
          </Tabs>
        </div>
      )}
      <div className="view-panes">
        {/* Covered by another view, the chart is hidden from assistive technology and out of the Tab order. */}
        <div
          className="chart-stage"
          role="tabpanel"
          id={tabPanelId(CHART_VIEW)}
          aria-labelledby={caseOpen ? tabTitleId(CHART_VIEW) : undefined}
          aria-label={caseOpen ? undefined : 'Chart view'}
          aria-hidden={front !== null && !split ? true : undefined}
          inert={front !== null && !split}
        >
          {chart}
        </div>
        {front && Front && (
          <section className="view-pane" role="tabpanel" id={tabPanelId(front.id)} aria-labelledby={tabTitleId(front.id)} data-testid={`view-${front.id}`}>
            <Front />
          </section>
        )}
      </div>
    </div>
  );
}
