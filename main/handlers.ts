import type { EventName, EventPayloads } from '../app/contract';
import { WorkbenchFailure } from '../app/result';
import { chartPositions, defaultChart, getChart, saveChartPositions, saveChartViewport } from '../db/charts';
import { citationsForEntity, citationsForLink, evidenceSummary } from '../db/citations';
import { getEntity, listEntities } from '../db/entities';
import { getLink, linksOfEntity, listLinks } from '../db/links';
import { notesFor } from '../db/notes';
import { getSource } from '../db/sources';
import type { CaseSession } from './caseSession';
import type { Handlers } from './dispatch';
import type { RecentCases } from './recentCases';

/** Native file dialogs in Electron; a scripted stand-in in the e2e harness. Null means cancelled. */
export interface CaseDialogs {
  chooseNewCasePath(): Promise<string | null>;
  chooseCaseToOpen(): Promise<string | null>;
}

export interface HandlerDeps {
  session: CaseSession;
  dialogs: CaseDialogs;
  recent: RecentCases;
  emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
}

const cancelled = () => new WorkbenchFailure('cancelled', 'Cancelled.');

/** The code behind every channel of the contract. Runs under plain Node (no Electron import). */
export function createHandlers({ session, dialogs, recent, emit }: HandlerDeps): Handlers {
  const db = () => session.requireStore().db;

  const opened = (info: ReturnType<CaseSession['open']>) => {
    recent.add(info.path, info.name);
    emit('case.changed', info);
    return info;
  };

  const requireChart = (chartId: string) => {
    if (!getChart(db(), chartId)) throw new WorkbenchFailure('not_found', 'That chart is not in this case.');
  };

  return {
    'case.current': () => session.current(),
    'case.recent': () => recent.list(),
    'case.new': async ({ path }) => {
      const target = path ?? (await dialogs.chooseNewCasePath());
      if (target === null) throw cancelled();
      return opened(session.create(target));
    },
    'case.open': async ({ path }) => {
      const target = path ?? (await dialogs.chooseCaseToOpen());
      if (target === null) throw cancelled();
      return opened(session.open(target));
    },
    'case.close': () => {
      session.close();
      emit('case.changed', null);
      return null;
    },
    'chart.load': () => {
      const handle = db();
      return handle.transaction(() => {
        const chart = defaultChart(handle);
        return {
          chartId: chart.id,
          entities: listEntities(handle),
          links: listLinks(handle),
          evidence: evidenceSummary(handle),
          positions: chartPositions(handle, chart.id),
          viewport: chart.viewport,
        };
      })();
    },
    'chart.savePositions': ({ chartId, positions }) => {
      requireChart(chartId);
      return { saved: saveChartPositions(db(), chartId, positions) };
    },
    'chart.saveViewport': ({ chartId, viewport }) => {
      requireChart(chartId);
      saveChartViewport(db(), chartId, viewport);
      return null;
    },
    'entity.get': ({ id }) => {
      const handle = db();
      const entity = getEntity(handle, id);
      if (!entity) throw new WorkbenchFailure('not_found', 'That entity is no longer in the case.');
      return {
        entity,
        citations: citationsForEntity(handle, id),
        notes: notesFor(handle, { kind: 'entity', id }),
        links: linksOfEntity(handle, id),
      };
    },
    'link.get': ({ id }) => {
      const handle = db();
      const link = getLink(handle, id);
      if (!link) throw new WorkbenchFailure('not_found', 'That link is no longer in the case.');
      const source = getEntity(handle, link.sourceId);
      const target = getEntity(handle, link.targetId);
      if (!source || !target) throw new WorkbenchFailure('not_found', 'An end of that link is no longer in the case.');
      return { link, source, target, citations: citationsForLink(handle, id), notes: notesFor(handle, { kind: 'link', id }) };
    },
    'source.get': ({ id }) => {
      const source = getSource(db(), id);
      if (!source) throw new WorkbenchFailure('not_found', 'That source is no longer in the case.');
      return source;
    },
  };
}
