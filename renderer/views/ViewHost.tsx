import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useApp } from '../appContext';
import { useStore } from '../store';
import { CHART_VIEW } from './viewState';
import { VIEWS, viewStore } from './views';
import './views.css';

/**
 * The main area: a tab strip (Chart | Timeline | …) over the view in front. The chart stage is
 * always mounted; another view covers it, or sits below it when "Show beside the chart" is on.
 * Tabs follow the WAI-ARIA tabs pattern: arrow keys move between them, Home and End to the ends.
 */
export function ViewHost({ chart }: { chart: ReactNode }) {
  const { store } = useApp();
  const caseOpen = useStore(store, (s) => s.caseStatus === 'open');
  const active = useStore(viewStore, (s) => s.active);
  const split = useStore(viewStore, (s) => s.split);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const front = VIEWS.find((v) => v.id === active && v.id !== CHART_VIEW && caseOpen) ?? null;
  const Front = front?.Component ?? null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = VIEWS.findIndex((v) => v.id === active);
    const to =
      event.key === 'ArrowRight' ? (index + 1) % VIEWS.length
      : event.key === 'ArrowLeft' ? (index - 1 + VIEWS.length) % VIEWS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? VIEWS.length - 1
      : null;
    if (to === null) return;
    event.preventDefault();
    const view = VIEWS[to];
    if (!view) return;
    viewStore.show(view.id);
    tabs.current[to]?.focus();
  };

  return (
    <div className={`view-host${front && split ? ' view-host-split' : ''}`}>
      {caseOpen && (
        <div className="side-tabs view-tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
          {VIEWS.map((view, i) => (
            <button
              key={view.id}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`view-tab-${view.id}`}
              aria-selected={active === view.id}
              aria-controls={`view-panel-${view.id}`}
              tabIndex={active === view.id ? 0 : -1}
              className={active === view.id ? 'active' : undefined}
              title={`${view.label} (${view.shortcut})`}
              onClick={() => viewStore.show(view.id)}
            >
              {view.label}
            </button>
          ))}
        </div>
      )}
      <div className="view-panes">
        <div className="chart-stage" id="view-panel-chart" role="tabpanel" aria-labelledby="view-tab-chart" aria-hidden={front !== null && !split ? true : undefined}>
          {chart}
        </div>
        {front && Front && (
          <section className="view-pane" id={`view-panel-${front.id}`} role="tabpanel" aria-labelledby={`view-tab-${front.id}`} data-testid={`view-${front.id}`}>
            <Front />
          </section>
        )}
      </div>
    </div>
  );
}
