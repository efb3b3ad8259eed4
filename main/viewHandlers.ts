import { WorkbenchFailure } from '../app/result';
import { getChart } from '../db/charts';
import { pinnedEntities, setPinned } from '../db/chartPins';
import { deleteSavedView, listSavedViews, saveView } from '../db/savedViews';
import type { CaseSession } from './caseSession';
import type { Handlers } from './dispatch';

type ViewChannels = 'chart.pinned' | 'chart.setPinned' | 'view.list' | 'view.save' | 'view.delete';

/** Pins and saved views of a chart: what link analysis keeps in the case besides positions. */
export function createViewHandlers({ session }: { session: CaseSession }): Pick<Handlers, ViewChannels> {
  const db = () => session.requireStore().db;
  const requireChart = (chartId: string) => {
    if (!getChart(db(), chartId)) throw new WorkbenchFailure('not_found', 'That chart is not in this case.');
  };
  return {
    'chart.pinned': ({ chartId }) => {
      requireChart(chartId);
      return pinnedEntities(db(), chartId);
    },
    'chart.setPinned': ({ chartId, nodes, pinned }) => {
      requireChart(chartId);
      return { written: setPinned(db(), chartId, nodes, pinned) };
    },
    'view.list': ({ chartId }) => {
      requireChart(chartId);
      return listSavedViews(db(), chartId);
    },
    'view.save': ({ chartId, name, filters, layout, viewport }) => {
      requireChart(chartId);
      return saveView(db(), { chartId, name, filters, layout, viewport });
    },
    'view.delete': ({ id }) => {
      if (!deleteSavedView(db(), id)) throw new WorkbenchFailure('not_found', 'That view is no longer in this case.');
      return null;
    },
  };
}
