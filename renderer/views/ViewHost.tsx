import { Tab, Tabs } from '@blueprintjs/core';
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
          <Tabs id="views" aria-label="Views" selectedTabId={active} onChange={(id) => viewStore.show(String(id))} animate={false}>
            {VIEWS.map((view) => (
              <Tab key={view.id} id={view.id} title={view.label} />
            ))}
          </Tabs>
        </div>
      )}
      <div className="view-panes">
        <div className="chart-stage" role="tabpanel" aria-label="Chart view" aria-hidden={front !== null && !split ? true : undefined}>
          {chart}
        </div>
        {front && Front && (
          <section className="view-pane" role="tabpanel" aria-label={`${front.label} view`} data-testid={`view-${front.id}`}>
            <Front />
          </section>
        )}
      </div>
    </div>
  );
}
