import { useEffect, useRef } from 'react';
import { useApp } from '../appContext';
import { useStore } from '../store';
import { bindEditingGestures } from '../editing/chartGestures';
import { mountChart } from './chartController';
import { bindKeyboardNavigation } from './keyboardNavigation';

/** The link chart: a container React renders once; Cytoscape owns everything inside it. */
export function ChartView() {
  const { api, store, attachChart, analysis, editing, firstLayout } = useApp();
  const container = useRef<HTMLDivElement>(null);
  const counts = useStore(store, (s) => s.chart);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const mounted = mountChart(
      element,
      store,
      api,
      [
        analysis.chartExtension,
        (cy) => bindEditingGestures(cy, store, editing),
        (cy) => bindKeyboardNavigation(cy, element, store),
      ],
      firstLayout,
    );
    attachChart(mounted.handle);
    return () => {
      attachChart(null);
      mounted.destroy();
    };
  }, [api, store, attachChart, analysis, editing, firstLayout]);

  const label = counts
    ? `Link chart: ${counts.entities.length} entities, ${counts.links.length} links. Click or use the arrow keys to select, Shift-click, Shift-drag or Shift with an arrow key to select several, drag to move.`
    : 'Link chart';
  return <div ref={container} className="chart-canvas" data-testid="chart" role="application" aria-label={label} tabIndex={0} />;
}
