import type { EventName, EventPayloads } from '../app/contract';
import type { CaseEdit } from '../app/editing/types';
import { listAnnotations } from '../db/annotations';
import { defaultChart } from '../db/charts';
import {
  bulkUpdateEntitiesCommand,
  addAliasCommand,
  createEntityCommand,
  deleteEntitiesCommand,
  previewEntityDeletion,
  removeAliasCommand,
  updateEntityCommand,
} from '../db/editing/entityCommands';
import {
  createCitationCommand,
  createSourceCommand,
  deleteCitationCommand,
  deleteSourceCommand,
  previewSourceDeletion,
  updateCitationCommand,
  updateSourceCommand,
} from '../db/editing/evidenceCommands';
import { setLocationCommand } from '../db/editing/locationCommands';
import { createLinkCommand, deleteLinksCommand, previewLinkDeletion, updateLinkCommand } from '../db/editing/linkCommands';
import { mergeEntitiesCommand } from '../db/editing/mergeCommand';
import {
  createAnnotationCommand,
  createNoteCommand,
  deleteAnnotationCommand,
  deleteNoteCommand,
  listNotesForPanel,
  moveNodesCommand,
  updateAnnotationCommand,
  updateNoteCommand,
} from '../db/editing/noteCommands';
import { clearHistory, historyState, redo, undo, type CommandOutcome } from '../db/history';
import { listMergeRecords, mergeRecordsOf } from '../db/mergeRecords';
import { searchCase } from '../db/search';
import { listSourceSummaries } from '../db/sources';
import type { Db } from '../db/types';
import { createAnnouncer, type Announcer } from './announcer';
import type { CaseSession } from './caseSession';
import type { Handlers } from './dispatch';

type EditingChannel =
  | 'entity.create'
  | 'entity.update'
  | 'entity.addAlias'
  | 'entity.removeAlias'
  | 'entity.setLocation'
  | 'entity.deletePreview'
  | 'entity.delete'
  | 'entity.bulkUpdate'
  | 'entity.merge'
  | 'entity.merges'
  | 'link.create'
  | 'link.update'
  | 'link.deletePreview'
  | 'link.delete'
  | 'source.list'
  | 'source.create'
  | 'source.update'
  | 'source.deletePreview'
  | 'source.delete'
  | 'citation.create'
  | 'citation.update'
  | 'citation.delete'
  | 'note.list'
  | 'note.create'
  | 'note.update'
  | 'note.delete'
  | 'annotation.list'
  | 'annotation.create'
  | 'annotation.update'
  | 'annotation.delete'
  | 'chart.moveNodes'
  | 'history.state'
  | 'history.undo'
  | 'history.redo'
  | 'history.clear'
  | 'search.query';

export interface EditingHandlerDeps {
  session: CaseSession;
  emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
  /** Numbers the announcements; shared with the other handlers of the process (one is made if absent). */
  announcer?: Announcer;
}

/**
 * The editing channels: each mutation is one command of db/editing (one transaction, one undo
 * step); when it changed something, `case.edited` says what, so the renderer asks for just those rows.
 */
export function createEditingHandlers({ session, emit, announcer = createAnnouncer(session, emit) }: EditingHandlerDeps): Pick<Handlers, EditingChannel> {
  const db = (): Db => session.requireStore().db;
  const announce = (edit: CaseEdit | null) => {
    if (edit) announcer.announce(edit);
  };
  /** Runs a command against the open case and announces its edit. */
  const command =
    <I, O>(run: (db: Db, input: I) => CommandOutcome<O>) =>
    (input: I): O => {
      const { value, edit } = run(db(), input);
      announce(edit);
      return value;
    };
  const step = (edit: CaseEdit | null) => {
    announce(edit);
    return { edit, history: edit?.history ?? historyState(db()) };
  };

  return {
    'entity.create': command(createEntityCommand),
    'entity.update': command(updateEntityCommand),
    'entity.addAlias': command(addAliasCommand),
    'entity.removeAlias': command(removeAliasCommand),
    'entity.setLocation': command(setLocationCommand),
    'entity.deletePreview': ({ ids }) => previewEntityDeletion(db(), ids),
    'entity.delete': command(deleteEntitiesCommand),
    'entity.bulkUpdate': command(bulkUpdateEntitiesCommand),
    'entity.merge': command(mergeEntitiesCommand),
    'entity.merges': (input) => (input?.entityId === undefined ? listMergeRecords(db()) : mergeRecordsOf(db(), input.entityId)),
    'link.create': command(createLinkCommand),
    'link.update': command(updateLinkCommand),
    'link.deletePreview': ({ ids }) => previewLinkDeletion(db(), ids),
    'link.delete': command(deleteLinksCommand),
    'source.list': () => listSourceSummaries(db()).map((s) => ({ ...s, hasBody: s.bodyLength > 0 })),
    'source.create': command(createSourceCommand),
    'source.update': command(updateSourceCommand),
    'source.deletePreview': ({ id }) => previewSourceDeletion(db(), id),
    'source.delete': command(deleteSourceCommand),
    'citation.create': command(createCitationCommand),
    'citation.update': command(updateCitationCommand),
    'citation.delete': command(deleteCitationCommand),
    'note.list': (input) => listNotesForPanel(db(), input),
    'note.create': command(createNoteCommand),
    'note.update': command(updateNoteCommand),
    'note.delete': command(deleteNoteCommand),
    'annotation.list': (input) => {
      const handle = db();
      return listAnnotations(handle, input?.chartId ?? defaultChart(handle).id);
    },
    'annotation.create': command(createAnnotationCommand),
    'annotation.update': command(updateAnnotationCommand),
    'annotation.delete': command(deleteAnnotationCommand),
    'chart.moveNodes': command(moveNodesCommand),
    'history.state': () => historyState(db()),
    'history.undo': () => step(undo(db())),
    'history.redo': () => step(redo(db())),
    'history.clear': () => clearHistory(db()),
    'search.query': ({ text, limit, kinds }) => searchCase(db(), text, { ...(limit ? { limit } : {}), ...(kinds ? { kinds } : {}) }),
  };
}
