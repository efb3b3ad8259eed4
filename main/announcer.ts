import type { EventName, EventPayloads } from '../app/contract';
import { emptyDelta, type CaseEdit } from '../app/editing/types';
import { completeDelta } from '../db/caseRows';
import { historyState } from '../db/history';
import type { CaseSession } from './caseSession';

/**
 * Numbers and sends every change to the open case (`case.edited`), whatever made it. One per
 * process: the renderer compares each number with the last it applied, and reloads on a gap.
 */
export interface Announcer {
  /** Completes the delta (what a source change does to its citations' targets) and sends it. */
  announce: (edit: CaseEdit) => void;
  /** A change not recorded row by row (an import, a placement): sent with the history as it stands. */
  announceChange: (action: 'import' | 'layout', label: string, delta: CaseEdit['delta']) => void;
  /** Everything may have changed (a backup restored over the case). */
  announceReset: (label: string) => void;
  /** The number of the latest announcement (chart.load returns it). */
  version: () => number;
}

export function createAnnouncer(
  session: CaseSession,
  emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => void,
): Announcer {
  let version = 0;
  const send = (edit: CaseEdit) => {
    version += 1;
    emit('case.edited', { ...edit, version });
  };
  // Announcements follow a change that just committed: the case is open.
  const db = () => session.requireStore().db;
  const currentHistory = () => historyState(db());
  return {
    announce(edit) {
      send({ ...edit, delta: completeDelta(db(), edit.delta) });
    },
    announceChange(action, label, delta) {
      const changed = {
        entities: [...delta.entities.created, ...delta.entities.updated, ...delta.entities.deleted],
        links: [...delta.links.created, ...delta.links.updated, ...delta.links.deleted],
        sources: [...delta.sources.created, ...delta.sources.updated, ...delta.sources.deleted],
        citations: [...delta.citations.created, ...delta.citations.updated, ...delta.citations.deleted],
        notes: [...delta.notes.created, ...delta.notes.updated, ...delta.notes.deleted],
        annotations: [...delta.annotations.created, ...delta.annotations.updated, ...delta.annotations.deleted],
        mergeRecords: [...delta.mergeRecords.created, ...delta.mergeRecords.updated, ...delta.mergeRecords.deleted],
      };
      send({ action, label, changed, delta, reset: false, version: 0, positionsChanged: delta.positions.length > 0, history: currentHistory() });
    },
    announceReset(label) {
      const changed = { entities: [], links: [], sources: [], citations: [], notes: [], annotations: [], mergeRecords: [] };
      send({ action: 'restore', label, changed, delta: emptyDelta(), reset: true, version: 0, positionsChanged: true, history: currentHistory() });
    },
    version: () => version,
  };
}
