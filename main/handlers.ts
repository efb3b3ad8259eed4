import { gradedCitations } from '../app/analysis/grades';
import type { EventName, EventPayloads } from '../app/contract';
import type { CaseInfo } from '../app/domain';
import { WorkbenchFailure } from '../app/result';
import { defaultChart, getChart, saveChartPositions, saveChartViewport } from '../db/charts';
import { chartSketch } from '../db/chartSketch';
import { loadChartView } from '../db/chartMembership';
import { citationsForEntity, citationsForLink, listCitations } from '../db/citations';
import { setCaseMarking } from '../db/caseMeta';
import { getEntity } from '../db/entities';
import { linkStrengthOf } from '../db/editing/linkCommands';
import { getLink, linkEndsOf, linksOfEntity } from '../db/links';
import { mergeRecordsOf } from '../db/mergeRecords';
import { notesFor } from '../db/notes';
import { getSource, listSources } from '../db/sources';
import { emptyDelta } from '../app/editing/types';
import { caseRowsFor } from '../db/caseRows';
import { createAnnouncer, type Announcer } from './announcer';
import { createAppHandlers, type AppHandlerDeps } from './appHandlers';
import type { CaseRecovery } from './caseRecovery';
import type { CaseSession } from './caseSession';
import type { Handlers } from './dispatch';
import { createEditingHandlers } from './editingHandlers';
import { createViewHandlers } from './viewHandlers';
import { createChartScaleHandlers } from './chartScaleHandlers';
import { createInterchangeHandlers, type InterchangeDialogs } from './interchange/handlers';
import type { RecentCases } from './recentCases';
import { SettingsStore } from './settingsStore';
import type { ImageFormat } from '../app/export/sizing';
import { exportFontDirectories, exportFontLoader } from './export/exportFonts';
import { createChartImageHandlers } from './export/handlers';

/** Native file dialogs in Electron; a scripted stand-in in the e2e harness. Null means cancelled. */
export interface CaseDialogs {
  chooseNewCasePath(): Promise<string | null>;
  chooseCaseToOpen(): Promise<string | null>;
  /** Where to save an exported chart image (suggested file name given); optional: without it image export is refused. */
  chooseImageExportPath?(format: ImageFormat, suggestedName: string): Promise<string | null>;
}

export interface HandlerDeps {
  session: CaseSession;
  dialogs: CaseDialogs;
  recent: RecentCases;
  emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
  /** File dialogs for File > Import and File > Export; without them those channels need a path. */
  interchangeDialogs?: InterchangeDialogs;
  /** Offers restore/salvage/quit for a damaged, foreign or newer file; without it the error is returned as is. */
  recovery?: CaseRecovery;
  /** Folders to look for the chart-image export font in (see main/export/exportFonts.ts). */
  exportFontDirs?: readonly string[];
  /** About, the native menu and restoring a backup: what only the desktop app has (see appHandlers.ts). */
  app?: Omit<AppHandlerDeps, 'recentCases' | 'settings'>;
  /** The settings file (main.ts: in the user-data folder); absent, settings last for the session only. */
  settings?: SettingsStore;
  /** Numbers `case.edited` announcements (one is made if absent). */
  announcer?: Announcer;
}

const cancelled = () => new WorkbenchFailure('cancelled', 'Cancelled.');

/** Opening and creating a case at a path main was given: by a native dialog, the OS, the command line or the recent list. */
export interface CaseOpener {
  open(path: string): Promise<CaseInfo>;
  create(path: string): CaseInfo;
}

/** The one place a case is opened or created: it joins the recent list and the window is told. */
export function createCaseOpener({ session, recent, emit, recovery }: Pick<HandlerDeps, 'session' | 'recent' | 'emit' | 'recovery'>): CaseOpener {
  const opened = (info: CaseInfo) => {
    recent.add(info.path, info.name);
    emit('case.changed', info);
    if (session.readOnlyReason() !== null) {
      emit('app.notice', {
        text: `${info.name} is large: it opened at once, and can be changed once its file has been checked (every page is read once, about half a minute for a million entities).`,
      });
    }
    return info;
  };
  return {
    open: async (path) => opened(recovery ? await recovery.open(path) : session.open(path)),
    create: (path) => opened(session.create(path)),
  };
}

/** The code behind every channel of the contract. Runs under plain Node (no Electron import). */
export function createHandlers({
  session,
  dialogs,
  recent,
  emit,
  interchangeDialogs,
  recovery,
  exportFontDirs,
  app,
  settings,
  announcer = createAnnouncer(session, emit),
}: HandlerDeps): Handlers {
  const db = () => session.requireStore().db;

  const opener = createCaseOpener({ session, recent, emit, recovery });
  session.onChecked(({ writable, message }) => {
    emit('app.notice', { text: writable ? 'The case file has been checked: it can be changed now.' : (message ?? 'The case is open read-only.') });
    // The window's case info (its read-only mark) follows: same path, so nothing is reloaded.
    const info = session.current();
    if (info) emit('case.changed', info);
  });

  const requireChart = (chartId: string) => {
    if (!getChart(db(), chartId)) throw new WorkbenchFailure('not_found', 'That chart is not in this case.');
  };

  return refusingWhileReadOnly(session, {
    'case.current': () => session.current(),
    'case.recent': () => recent.list(),
    // The renderer never names a path: a new case goes where the save dialog says, an opened one
    // is the dialog's choice or a recent entry by id. Paths from the OS (double-click, a drop, the
    // command line) reach main through `openCaseAt`, never through a channel.
    'case.new': async () => {
      const target = await dialogs.chooseNewCasePath();
      if (target === null) throw cancelled();
      return opener.create(target);
    },
    'case.open': async ({ recentId }) => {
      if (recentId !== undefined) {
        const path = recent.pathOf(recentId);
        if (path === null) throw new WorkbenchFailure('not_found', 'That case is no longer in the recent list.');
        return opener.open(path);
      }
      const target = await dialogs.chooseCaseToOpen();
      if (target === null) throw cancelled();
      return opener.open(target);
    },
    'case.setMarking': ({ marking }) => {
      setCaseMarking(db(), marking);
      const info = session.current() as CaseInfo;
      emit('case.changed', info);
      return info;
    },
    'case.close': () => {
      session.close();
      emit('case.changed', null);
      return null;
    },
    'chart.load': () => {
      const handle = db();
      // What is on the chart, not the whole case: a million-entity case opens as fast as its chart.
      return handle.transaction(() => ({ ...loadChartView(handle, defaultChart(handle).id), version: announcer.version() }))();
    },
    'chart.sketch': () => {
      const handle = db();
      return chartSketch(handle, defaultChart(handle).id);
    },
    'case.rows': (request) => {
      requireChart(request.chartId);
      return caseRowsFor(db(), request);
    },
    'chart.savePositions': ({ chartId, positions }) => {
      requireChart(chartId);
      const saved = saveChartPositions(db(), chartId, positions);
      if (saved > 0) announcer.announceChange('layout', 'Place nodes', { ...emptyDelta(), positions: positions.map((p) => p.entityId) });
      return { saved };
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
        linkEnds: linkEndsOf(handle, id),
        merges: mergeRecordsOf(handle, id),
      };
    },
    'link.get': ({ id }) => {
      const handle = db();
      const link = getLink(handle, id);
      if (!link) throw new WorkbenchFailure('not_found', 'That link is no longer in the case.');
      const source = getEntity(handle, link.sourceId);
      const target = getEntity(handle, link.targetId);
      if (!source || !target) throw new WorkbenchFailure('not_found', 'An end of that link is no longer in the case.');
      return {
        link,
        source,
        target,
        citations: citationsForLink(handle, id),
        notes: notesFor(handle, { kind: 'link', id }),
        strength: linkStrengthOf(handle, link),
      };
    },
    'source.get': ({ id }) => {
      const source = getSource(db(), id);
      if (!source) throw new WorkbenchFailure('not_found', 'That source is no longer in the case.');
      return source;
    },
    'analysis.evidence': () => {
      const handle = db();
      return handle.transaction(() => gradedCitations(listCitations(handle), listSources(handle)))();
    },
    ...createAppHandlers({
      versions: { app: 'unknown' },
      ...app,
      // A restored backup replaces the case under the same path: announced as a reset (the renderer reloads).
      ...(app?.restoreBackup ? { restoreBackup: announcingReset(app.restoreBackup, announcer) } : {}),
      recentCases: () => recent.list(),
      settings: settings ?? new SettingsStore(null),
    }),
    ...createEditingHandlers({ session, emit, announcer }),
    ...createViewHandlers({ session }),
    ...createChartScaleHandlers({ session, announceEdit: (edit) => announcer.announce(edit) }),
    ...createInterchangeHandlers({
      session,
      dialogs: interchangeDialogs,
      // A recorded import is announced like every edit; one too large for the history by what it wrote.
      onImported: (edit, delta) => (edit ? announcer.announce(edit) : announcer.announceChange('import', 'Import', delta())),
    }),
    ...createChartImageHandlers({
      session,
      ...(dialogs.chooseImageExportPath ? { chooseImagePath: dialogs.chooseImageExportPath.bind(dialogs) } : {}),
      loadFonts: exportFontLoader(exportFontDirs ?? exportFontDirectories()),
    }),
  });
}

/**
 * A change refused because the case is open read-only for now (a large case whose check is still
 * running, or one the check found damaged) says so, instead of SQLite's "readonly database".
 */
function refusingWhileReadOnly(session: CaseSession, handlers: Handlers): Handlers {
  const explain = (error: unknown): unknown => {
    const reason = session.readOnlyReason();
    const code = (error as { code?: unknown } | null)?.code;
    return reason !== null && typeof code === 'string' && code.startsWith('SQLITE_READONLY') ? new WorkbenchFailure('storage', reason) : error;
  };
  const wrapped: Record<string, (input: unknown) => unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    wrapped[channel] = (input) => {
      try {
        const result = handler(input);
        return result instanceof Promise
          ? result.catch((error: unknown) => {
              throw explain(error);
            })
          : result;
      } catch (error) {
        throw explain(error);
      }
    };
  }
  return wrapped as Handlers;
}

function announcingReset(restore: () => Promise<CaseInfo | null>, announcer: Announcer): () => Promise<CaseInfo | null> {
  return async () => {
    const info = await restore();
    if (info !== null) announcer.announceReset('Restore backup');
    return info;
  };
}
