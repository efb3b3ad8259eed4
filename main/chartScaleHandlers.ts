import type { CaseEdit } from '../app/editing/types';
import { addToChartCommand, expandCommand, offChartLinks, previewAdd, previewExpand, removeFromChartCommand } from '../db/chartMembership';
import { requireChart } from '../db/editing/common';
import type { CaseSession } from './caseSession';
import type { Handlers } from './dispatch';

type ChartScaleChannel =
  | 'chart.expandPreview'
  | 'chart.expand'
  | 'chart.addPreview'
  | 'chart.addEntities'
  | 'chart.removeEntities'
  | 'chart.offChartLinks';

/**
 * What is on the chart: search results and neighbourhoods added, entities taken off (never out
 * of the case). Adding and removing are undoable steps announced by `case.edited` like any edit.
 */
export function createChartScaleHandlers({
  session,
  announceEdit,
}: {
  session: CaseSession;
  /** The announcer's: numbers the edit and completes its delta (the links at entities added or taken off). */
  announceEdit: (edit: CaseEdit) => void;
}): Pick<Handlers, ChartScaleChannel> {
  const db = () => session.requireStore().db;
  const announce = <T>({ value, edit }: { value: T; edit: CaseEdit | null }): T => {
    if (edit) announceEdit(edit);
    return value;
  };
  return {
    'chart.expandPreview': (input) => previewExpand(db(), input),
    'chart.expand': (input) => announce(expandCommand(db(), input)),
    'chart.addPreview': ({ chartId, entityIds }) => previewAdd(db(), chartId, entityIds),
    'chart.addEntities': ({ chartId, entityIds, at, top }) => announce(addToChartCommand(db(), chartId, entityIds, { at, top })),
    'chart.removeEntities': ({ chartId, entityIds }) => announce(removeFromChartCommand(db(), chartId, entityIds)),
    'chart.offChartLinks': ({ chartId, entityId }) => {
      requireChart(db(), chartId);
      return offChartLinks(db(), chartId, entityId);
    },
  };
}
