import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteTarget } from '../../app/domain';
import { WorkbenchFailure } from '../../app/result';
import { createCaseFile, openCaseFile, type CaseStore } from '../caseFile';
import { listEntities } from '../entities';
import { historyState, redo, undo } from '../history';
import { listLinks } from '../links';
import { listMergeRecords } from '../mergeRecords';
import { listNotes } from '../notes';
import { testSeed } from '../testing/random';
import { tempFolder } from '../testing/tempCase';
import { addAliasCommand, createEntityCommand, deleteEntitiesCommand, updateEntityCommand } from './entityCommands';
import { createLinkCommand, deleteLinksCommand, updateLinkCommand } from './linkCommands';
import { mergeEntitiesCommand } from './mergeCommand';
import { createNoteCommand, deleteNoteCommand, updateNoteCommand } from './noteCommands';

/**
 * Random sequences of analyst commands, undo, redo and reopening the file, run against the store
 * and against a small in-memory model of what each should do. After every step the store holds
 * exactly what the model holds (entities with aliases, links, notes, merge records, whether undo
 * and redo can run), and the search index is exactly what its triggers should have made of it.
 */

interface ModelEntity {
  type: string;
  label: string;
  aliases: string[];
  description: string | null;
  color: string | null;
}
interface ModelLink {
  sourceId: string;
  targetId: string;
  type: string;
  label: string | null;
}
interface ModelNote {
  target: NoteTarget;
  body: string;
}
interface ModelState {
  entities: Map<string, ModelEntity>;
  links: Map<string, ModelLink>;
  notes: Map<string, ModelNote>;
  merges: { survivorId: string; absorbedId: string }[];
}

const clone = (s: ModelState): ModelState => structuredClone(s);
const same = (a: ModelState, b: ModelState): boolean => JSON.stringify(snapshot(a)) === JSON.stringify(snapshot(b));

function snapshot(s: ModelState) {
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { entities: sorted(s.entities), links: sorted(s.links), notes: sorted(s.notes), merges: s.merges };
}

/** The model's own alias rule: trimmed, no blanks, no duplicates or copies of the label, ignoring case. */
function dedupe(label: string, aliases: string[]): string[] {
  const seen = new Set([label.toLowerCase()]);
  return aliases.filter((alias) => {
    const key = alias.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Action =
  | { kind: 'create'; label: string; aliases: string[]; type: string }
  | { kind: 'rename'; pick: number; label: string }
  | { kind: 'describe'; pick: number; description: string | null; color: string | null }
  | { kind: 'alias'; pick: number; alias: string }
  | { kind: 'delete'; pick: number }
  | { kind: 'link'; a: number; b: number; type: string }
  | { kind: 'relabelLink'; pick: number; label: string | null }
  | { kind: 'unlink'; pick: number }
  | { kind: 'note'; on: number; body: string }
  | { kind: 'editNote'; pick: number; body: string }
  | { kind: 'deleteNote'; pick: number }
  | { kind: 'merge'; a: number; b: number }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'reopen' };

const name = fc.constantFrom('JNIM', 'jnim', 'AQIM', 'Ansar Dine', 'Iyad ag Ghali', 'Abu Fadl', 'Katiba Macina', '<b>x</b>');
const pick = fc.nat({ max: 50 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('create' as const), label: name, aliases: fc.array(name, { maxLength: 3 }), type: fc.constantFrom('person', 'armed_group') }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('rename' as const), pick, label: name }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('describe' as const),
      pick,
      description: fc.option(fc.constantFrom('Leader', 'Group', '# Markdown *note*'), { nil: null }),
      color: fc.option(fc.constantFrom('#d62728', '#1f77b4'), { nil: null }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('alias' as const), pick, alias: name }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), pick }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('link' as const), a: pick, b: pick, type: fc.constantFrom('leads', 'rival_of') }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('relabelLink' as const), pick, label: fc.option(fc.constantFrom('since 2017', 'alleged'), { nil: null }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('unlink' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('note' as const), on: pick, body: fc.constantFrom('Seen in Gao.', '<script>x</script>', 'Met the courier') }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('editNote' as const), pick, body: fc.constantFrom('Revised.', 'Seen in Gao.') }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('deleteNote' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('merge' as const), a: pick, b: pick }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'undo' as const }), weight: 4 },
  { arbitrary: fc.constant({ kind: 'redo' as const }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'reopen' as const }), weight: 1 },
);

let tmp: ReturnType<typeof tempFolder>;
beforeEach(() => {
  tmp = tempFolder('awb-history-');
});
afterEach(() => tmp.cleanup());

const sortedIds = <T>(m: Map<string, T>) => [...m.keys()].sort();
const at = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

/** The store's content in the model's shape. */
function storeState(store: CaseStore): ModelState {
  const db = store.db;
  return {
    entities: new Map(listEntities(db).map((e) => [e.id, { type: e.type, label: e.label, aliases: e.aliases, description: e.description, color: e.color }])),
    links: new Map(listLinks(db).map((l) => [l.id, { sourceId: l.sourceId, targetId: l.targetId, type: l.type, label: l.label }])),
    notes: new Map(listNotes(db).map((n) => [n.id, { target: n.target, body: n.body }])),
    merges: listMergeRecords(db).map((r) => ({ survivorId: r.survivorId, absorbedId: r.absorbedId })),
  };
}

/** search_docs is exactly what the triggers make of the current rows. */
function searchIndexIsCurrent(store: CaseStore): void {
  const db = store.db;
  const actual = db.prepare('SELECT kind, item_id, field, text FROM search_docs ORDER BY kind, item_id, field, text').all();
  const expected = db
    .prepare(
      `SELECT * FROM (
         SELECT 'entity' AS kind, id AS item_id, 'label' AS field, label AS text FROM entities
         UNION ALL SELECT 'entity', id, 'description', description FROM entities WHERE description IS NOT NULL AND trim(description) <> ''
         UNION ALL SELECT 'entity', entity_id, 'alias', alias FROM entity_aliases
         UNION ALL SELECT 'link', id, 'label', label FROM links WHERE label IS NOT NULL AND trim(label) <> ''
         UNION ALL SELECT 'note', id, 'body', body FROM notes
       ) ORDER BY kind, item_id, field, text`,
    )
    .all();
  expect(actual).toEqual(expected);
  db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)");
}

function attempt(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (error) {
    if (error instanceof WorkbenchFailure && (error.code === 'invalid_input' || error.code === 'not_found')) return false;
    throw error;
  }
}

describe('undo and redo against a model', () => {
  it('the store equals the model after every step and after reopening the file', () => {
    const seed = testSeed();
    let runs = 0;
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 45 }), (actions) => {
        const path = tmp.file(`case-${runs++}.awcase`);
        let store = createCaseFile(path, { name: 'Model' });
        let model: ModelState = { entities: new Map(), links: new Map(), notes: new Map(), merges: [] };
        const done: ModelState[] = [];
        const undone: ModelState[] = [];
        const commit = (before: ModelState, after: ModelState) => {
          if (same(before, after)) return;
          done.push(before);
          undone.length = 0;
          model = after;
        };
        try {
          for (const step of actions) {
            const before = clone(model);
            const entityIds = sortedIds(model.entities);
            const linkIds = sortedIds(model.links);
            const noteIds = sortedIds(model.notes);
            const db = store.db;
            switch (step.kind) {
              case 'create': {
                const entity = createEntityCommand(db, { type: step.type, label: step.label, aliases: step.aliases }).value;
                const after = clone(model);
                after.entities.set(entity.id, { type: step.type, label: step.label, aliases: dedupe(step.label, step.aliases), description: null, color: null });
                commit(before, after);
                break;
              }
              case 'rename': {
                const id = at(entityIds, step.pick);
                if (!id) break;
                updateEntityCommand(db, { id, changes: { label: step.label } });
                const after = clone(model);
                const e = after.entities.get(id) as ModelEntity;
                after.entities.set(id, { ...e, label: step.label, aliases: dedupe(step.label, e.aliases) });
                commit(before, after);
                break;
              }
              case 'describe': {
                const id = at(entityIds, step.pick);
                if (!id) break;
                updateEntityCommand(db, { id, changes: { description: step.description, color: step.color } });
                const after = clone(model);
                after.entities.set(id, { ...(after.entities.get(id) as ModelEntity), description: step.description, color: step.color });
                commit(before, after);
                break;
              }
              case 'alias': {
                const id = at(entityIds, step.pick);
                if (!id) break;
                addAliasCommand(db, { id, alias: step.alias });
                const after = clone(model);
                const e = after.entities.get(id) as ModelEntity;
                after.entities.set(id, { ...e, aliases: dedupe(e.label, [...e.aliases, step.alias]) });
                commit(before, after);
                break;
              }
              case 'delete': {
                const id = at(entityIds, step.pick);
                if (!id) break;
                deleteEntitiesCommand(db, { ids: [id] });
                const after = clone(model);
                after.entities.delete(id);
                for (const [linkId, l] of after.links) if (l.sourceId === id || l.targetId === id) after.links.delete(linkId);
                for (const [noteId, n] of after.notes) {
                  if ((n.target.kind === 'entity' && n.target.id === id) || (n.target.kind === 'link' && !after.links.has(n.target.id))) after.notes.delete(noteId);
                }
                commit(before, after);
                break;
              }
              case 'link': {
                const a = at(entityIds, step.a);
                const b = at(entityIds, step.b);
                if (!a || !b) break;
                let created: string | null = null;
                const ok = attempt(() => {
                  created = createLinkCommand(db, { type: step.type, sourceId: a, targetId: b, directed: step.type === 'leads' }).value.id;
                });
                expect(ok).toBe(a !== b);
                if (created !== null) {
                  const after = clone(model);
                  after.links.set(created, { sourceId: a, targetId: b, type: step.type, label: null });
                  commit(before, after);
                }
                break;
              }
              case 'relabelLink': {
                const id = at(linkIds, step.pick);
                if (!id) break;
                // A self-loop a merge left behind is edited like any other link.
                updateLinkCommand(db, { id, changes: { label: step.label } });
                const after = clone(model);
                after.links.set(id, { ...(model.links.get(id) as ModelLink), label: step.label });
                commit(before, after);
                break;
              }
              case 'unlink': {
                const id = at(linkIds, step.pick);
                if (!id) break;
                deleteLinksCommand(db, { ids: [id] });
                const after = clone(model);
                after.links.delete(id);
                for (const [noteId, n] of after.notes) if (n.target.kind === 'link' && n.target.id === id) after.notes.delete(noteId);
                commit(before, after);
                break;
              }
              case 'note': {
                const targets: NoteTarget[] = [
                  { kind: 'case' },
                  ...entityIds.map((id) => ({ kind: 'entity' as const, id })),
                  ...linkIds.map((id) => ({ kind: 'link' as const, id })),
                ];
                const target = at(targets, step.on) as NoteTarget;
                const note = createNoteCommand(db, { target, body: step.body }).value;
                const after = clone(model);
                after.notes.set(note.id, { target, body: step.body });
                commit(before, after);
                break;
              }
              case 'editNote': {
                const id = at(noteIds, step.pick);
                if (!id) break;
                updateNoteCommand(db, { id, changes: { body: step.body } });
                const after = clone(model);
                after.notes.set(id, { ...(after.notes.get(id) as ModelNote), body: step.body });
                commit(before, after);
                break;
              }
              case 'deleteNote': {
                const id = at(noteIds, step.pick);
                if (!id) break;
                deleteNoteCommand(db, { id });
                const after = clone(model);
                after.notes.delete(id);
                commit(before, after);
                break;
              }
              case 'merge': {
                const s = at(entityIds, step.a);
                const a = at(entityIds, step.b);
                if (!s || !a) break;
                const ok = attempt(() => mergeEntitiesCommand(db, { survivorId: s, absorbedId: a }));
                expect(ok).toBe(s !== a);
                if (!ok) break;
                const after = clone(model);
                const survivor = after.entities.get(s) as ModelEntity;
                const absorbed = after.entities.get(a) as ModelEntity;
                after.entities.set(s, {
                  ...survivor,
                  aliases: dedupe(survivor.label, [...survivor.aliases, absorbed.label, ...absorbed.aliases]),
                  description: survivor.description ?? absorbed.description,
                  color: survivor.color ?? absorbed.color,
                });
                after.entities.delete(a);
                for (const l of after.links.values()) {
                  if (l.sourceId === a) l.sourceId = s;
                  if (l.targetId === a) l.targetId = s;
                }
                for (const n of after.notes.values()) if (n.target.kind === 'entity' && n.target.id === a) n.target = { kind: 'entity', id: s };
                after.merges.push({ survivorId: s, absorbedId: a });
                commit(before, after);
                break;
              }
              case 'undo': {
                const edit = undo(db);
                const previous = done.pop();
                expect(edit === null).toBe(previous === undefined);
                if (previous) {
                  undone.push(model);
                  model = previous;
                }
                break;
              }
              case 'redo': {
                const edit = redo(db);
                const next = undone.pop();
                expect(edit === null).toBe(next === undefined);
                if (next) {
                  done.push(model);
                  model = next;
                }
                break;
              }
              case 'reopen':
                store.close();
                store = openCaseFile(path);
                break;
            }
            expect(snapshot(storeState(store)), `after ${JSON.stringify(step)}`).toEqual(snapshot(model));
            const history = historyState(store.db);
            expect([history.canUndo, history.canRedo]).toEqual([done.length > 0, undone.length > 0]);
          }
          searchIndexIsCurrent(store);
          store.close();
          store = openCaseFile(path);
          expect(snapshot(storeState(store)), 'after reopening').toEqual(snapshot(model));
          // Everything can be undone back to the empty case, and redone to the newest step.
          for (let previous = done.pop(); previous; previous = done.pop()) {
            expect(undo(store.db)).not.toBeNull();
            undone.push(model);
            model = previous;
            expect(snapshot(storeState(store))).toEqual(snapshot(model));
          }
          expect(storeState(store).entities.size).toBe(0);
          for (let next = undone.pop(); next; next = undone.pop()) {
            expect(redo(store.db)).not.toBeNull();
            model = next;
            expect(snapshot(storeState(store))).toEqual(snapshot(model));
          }
          expect(redo(store.db)).toBeNull();
          searchIndexIsCurrent(store);
        } finally {
          store.close();
        }
      }),
      { numRuns: Number(process.env.AWB_HISTORY_RUNS) || 40, seed },
    );
  }, 300_000);
});
