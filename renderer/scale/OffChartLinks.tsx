import { Classes } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import type { OffChartLinks as OffChart } from '../../app/chart/chartScale';
import { useApp } from '../appContext';
import { useStore } from '../store';
import { BUTTON } from '../ui/buttons';

/** In the inspector: how many of an entity's links lead off the chart, with the way to bring them on. */
export function OffChartLinks({ entityId }: { entityId: string }) {
  const { api, store, scale } = useApp();
  const chart = useStore(store, (s) => s.chart);
  const [found, setFound] = useState<OffChart | null>(null);
  useEffect(() => {
    if (chart === null) return;
    let current = true;
    void api['chart.offChartLinks']({ chartId: chart.chartId, entityId }).then((result) => {
      if (current) setFound(result.ok ? result.value : null);
    });
    return () => {
      current = false;
    };
  }, [api, chart, entityId]);
  if (found === null || found.entityId !== entityId || found.links === 0) return null;
  return (
    <p className={`${Classes.CALLOUT} ${Classes.COMPACT} ${Classes.TEXT_SMALL}`} data-testid="off-chart-links">
      {found.links.toLocaleString('en')} {found.links === 1 ? 'link leads' : 'links lead'} to {found.entities.toLocaleString('en')}{' '}
      {found.entities === 1 ? 'entity' : 'entities'} not on the chart.{' '}
      <button type="button" className={BUTTON.small} onClick={() => void scale.expand([entityId], 1)}>
        Expand…
      </button>
    </p>
  );
}
