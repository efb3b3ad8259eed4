import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseFile, type CaseStore } from './caseFile';
import { createEntityCommand } from './editing/entityCommands';
import { createNoteCommand, deleteNoteCommand, moveNodesCommand, updateNoteCommand } from './editing/noteCommands';
import { setPinned } from './chartPins';
import { defaultChart, saveChartPositions } from './charts';
import { insertEntity, listEntities } from './entities';
import { clearHistory, historyState, invertChanges, redo, runCommand, undo, type RowChange } from './history';
import { listNotes } from './notes';
import { tempFolder } from './testing/tempCase';

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
let path: string;
beforeEach(() => {
  tmp = tempFolder();
  path = tmp.file('h.awcase');
  store = createCaseFile(path, { name: 'History' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const changes = () => store.db.prepare('SELECT total_changes()').pluck().get() as number;
const log = () => (existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).toString('hex') : '');

describe('commands and the history', () => {
  it('a command that fails half-way keeps nothing it wrote, and leaves no step', () => {
    createEntityCommand(store.db, { type: 'person', label: 'Kept' });
    expect(() =>
      runCommand(store.db, 'Broken', () => {
        insertEntity(store.db, { type: 'person', label: 'Half-written' });
        throw new Error('disk on fire');
      }),
    ).toThrow('disk on fire');
    expect(listEntities(store.db).map((e) => e.label)).toEqual(['Kept']);
    expect(historyState(store.db).entries.map((e) => e.label)).toEqual(['Create “Kept”']);
    // Recording stopped with the failure: a write outside any command leaves no step.
    insertEntity(store.db, { type: 'person', label: 'Imported' });
    expect(historyState(store.db).entries).toHaveLength(1);
  });

  it('a command refused before it writes changes no row and adds nothing to the log', () => {
    createEntityCommand(store.db, { type: 'person', label: 'A' });
    const [rows, bytes] = [changes(), log()];
    expect(() => createEntityCommand(store.db, { type: 'person', label: '' })).toThrow('An entity needs a label.');
    expect(undo(store.db)).not.toBeNull();
    const [rowsAfterUndo, bytesAfterUndo] = [changes(), log()];
    expect(rowsAfterUndo).toBeGreaterThan(rows);
    expect(bytesAfterUndo).not.toBe(bytes);
    expect(undo(store.db)).toBeNull();
    expect([changes(), log()]).toEqual([rowsAfterUndo, bytesAfterUndo]);
  });

  it('records cascades, so undoing a delete brings back what went with it', () => {
    const { value: entity } = createEntityCommand(store.db, { type: 'person', label: 'A', aliases: ['B'] });
    const note = createNoteCommand(store.db, { target: { kind: 'entity', id: entity.id }, body: 'note' }).value;
    // One DELETE; the aliases and the note go by foreign-key cascade, and are recorded all the same.
    const step = runCommand(store.db, 'Delete A', () => store.db.prepare('DELETE FROM entities WHERE id = ?').run(entity.id));
    expect(step.edit?.changed).toMatchObject({ entities: [entity.id], notes: [note.id] });
    expect(listNotes(store.db)).toEqual([]);
    undo(store.db);
    expect(listEntities(store.db)).toMatchObject([{ label: 'A', aliases: ['B'] }]);
    expect(listNotes(store.db).map((n) => n.body)).toEqual(['note']);
  });

  it('undoing and redoing a move changes where the nodes stand, not whether they are pinned since', () => {
    const { value: a } = createEntityCommand(store.db, { type: 'person', label: 'A' });
    const chartId = defaultChart(store.db).id;
    saveChartPositions(store.db, chartId, [{ entityId: a.id, x: 0, y: 0 }]);
    moveNodesCommand(store.db, { chartId, positions: [{ entityId: a.id, x: 100, y: 50 }], reason: 'layout' });
    // Pinned where it stands after the layout (pins are not steps of the history).
    setPinned(store.db, chartId, [{ entityId: a.id, x: 100, y: 50 }], true);
    const node = () => store.db.prepare('SELECT x, y, pinned FROM chart_nodes WHERE entity_id = ?').get(a.id);
    expect(undo(store.db)?.label).toBe('Lay out the chart');
    expect(node()).toEqual({ x: 0, y: 0, pinned: 1 });
    redo(store.db);
    expect(node()).toEqual({ x: 100, y: 50, pinned: 1 });
  });

  it('inverts a change list: reversed, before and after swapped', () => {
    const list: RowChange[] = [
      { table: 'entities', before: null, after: { id: 'a' } },
      { table: 'notes', before: { id: 'n', body: 'x' }, after: { id: 'n', body: 'y' } },
    ];
    expect(invertChanges(list)).toEqual([
      { table: 'notes', before: { id: 'n', body: 'y' }, after: { id: 'n', body: 'x' } },
      { table: 'entities', before: { id: 'a' }, after: null },
    ]);
  });

  it('clearing the history forgets every step, and a deleted note with it', () => {
    const note = createNoteCommand(store.db, { target: { kind: 'case' }, body: 'CANARY-undo-kept-KESTREL' }).value;
    deleteNoteCommand(store.db, { id: note.id });
    const bytes = () => Buffer.concat([readFileSync(path), ...(existsSync(`${path}-wal`) ? [readFileSync(`${path}-wal`)] : [])]);
    // Kept so the delete can be undone.
    expect(bytes().includes('CANARY-undo-kept-KESTREL')).toBe(true);
    expect(clearHistory(store.db)).toMatchObject({ canUndo: false, canRedo: false, entries: [] });
    expect(bytes().includes('CANARY-undo-kept-KESTREL')).toBe(false);
    expect(undo(store.db)).toBeNull();
  });
});

describe('how much history is kept', () => {
  it('drops the oldest steps once the change sets pass 64 MB, keeping the newest', () => {
    const note = createNoteCommand(store.db, { target: { kind: 'case' }, body: 'start' }).value;
    // Each edit of a 2 MB note records it before and after: about 4 MB a step.
    const big = (c: string) => c.repeat(2 * 1024 * 1024 - 16);
    for (const c of 'abcdefghijklmnopq') updateNoteCommand(store.db, { id: note.id, changes: { body: big(c) } });
    const sizes = store.db.prepare('SELECT bytes FROM history ORDER BY seq').pluck().all() as number[];
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(64 * 1024 * 1024);
    expect(sizes.length).toBeGreaterThanOrEqual(14);
    expect(sizes.length).toBeLessThan(18);
    expect(historyState(store.db).undoLabel).toBe('Edit note on the case');
    // What is kept still undoes, newest first.
    undo(store.db);
    expect(listNotes(store.db)[0]?.body).toBe(big('p'));
  }, 120_000);
});
