/**
 * The editing part of `npm run bench`: what undo history and the search index cost, as ratios
 * against the same work without them, on the same machine in the same run.
 * - bulk insert with the search index's triggers vs the same inserts with those triggers dropped;
 * - N small edits as undoable commands (one transaction + history step each) vs N bare updates,
 *   each in its own transaction;
 * - undoing the delete of a well-connected entity vs deleting it again (the same rows, the other way);
 * - a search for a word vs a LIKE scan over labels, aliases and notes (the naive way to find it).
 */
import { performance } from 'node:perf_hooks';
import { createCaseFile } from '../../db/caseFile';
import { createEntityCommand, deleteEntitiesCommand, updateEntityCommand } from '../../db/editing/entityCommands';
import { insertEntity } from '../../db/entities';
import { undo } from '../../db/history';
import { insertLink } from '../../db/links';
import { insertNote } from '../../db/notes';
import { searchCase } from '../../db/search';
import { tempFolder } from '../../db/testing/tempCase';

const ENTITIES = Number(process.env.BENCH_EDIT_ENTITIES ?? 20_000);
const EDITS = Number(process.env.BENCH_EDITS ?? 300);

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function populate(db: Parameters<typeof insertEntity>[0]): string[] {
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < ENTITIES; i++) {
      const e = insertEntity(db, { type: 'person', label: `Person ${i} of katiba ${i % 97}`, aliases: [`Alias ${i}`], description: 'Seen near Gao.' });
      ids.push(e.id);
      if (i % 10 === 0) insertNote(db, { target: { kind: 'entity', id: e.id }, body: `Report ${i}: convoy on the Niger road.` });
    }
  })();
  return ids;
}

export function benchEditing(): void {
  const tmp = tempFolder('awb-bench-edit-');
  const rows: { task: string; oursMs: number; referenceMs: number }[] = [];
  try {
    const indexed = createCaseFile(tmp.file('indexed.awcase'), { name: 'indexed' });
    const bare = createCaseFile(tmp.file('bare.awcase'), { name: 'bare' });
    for (const table of ['entities', 'entity_aliases', 'notes']) {
      for (const when of ['ai', 'au', 'ad']) bare.db.exec(`DROP TRIGGER IF EXISTS search_${table}_${when}`);
    }
    let ids: string[] = [];
    const withIndex = time(() => (ids = populate(indexed.db)));
    const withoutIndex = time(() => populate(bare.db));
    rows.push({ task: `insert ${ENTITIES} entities, aliases, notes: with search index / without`, oursMs: withIndex, referenceMs: withoutIndex });

    const db = indexed.db;
    const commands = time(() => {
      for (let i = 0; i < EDITS; i++) updateEntityCommand(db, { id: ids[i] as string, changes: { description: `Edited ${i}` } });
    });
    const update = db.prepare('UPDATE entities SET description = ?, updated_at = ? WHERE id = ?');
    const bareUpdates = time(() => {
      for (let i = 0; i < EDITS; i++) db.transaction(() => update.run(`Again ${i}`, new Date().toISOString(), ids[EDITS + i]))();
    });
    rows.push({ task: `${EDITS} edits: undoable commands / bare updates (a transaction each)`, oursMs: commands, referenceMs: bareUpdates });

    const hub = createEntityCommand(db, { type: 'armed_group', label: 'Hub' }).value;
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insertLink(db, { type: 'member_of', sourceId: ids[i] as string, targetId: hub.id, directed: true });
    })();
    deleteEntitiesCommand(db, { ids: [hub.id] });
    const undoDelete = time(() => undo(db));
    const deleteAgain = time(() => db.transaction(() => db.prepare('DELETE FROM entities WHERE id = ?').run(hub.id))());
    rows.push({ task: 'undo deleting an entity with 2000 links / delete it again', oursMs: undoDelete, referenceMs: deleteAgain });

    const like = db.prepare(
      `SELECT id FROM entities WHERE label LIKE @q OR description LIKE @q
       UNION SELECT entity_id FROM entity_aliases WHERE alias LIKE @q
       UNION SELECT id FROM notes WHERE body LIKE @q`,
    );
    for (const [what, words] of [
      ['a phrase in 1 note of 10', 'niger road'],
      ['one alias', `alias ${ENTITIES - 7}`],
    ] as const) {
      const search = time(() => searchCase(db, words, { limit: 50 }));
      const scan = time(() => like.all({ q: `%${words}%` }));
      rows.push({ task: `search.query for ${what}, ${ENTITIES} entities / LIKE scan`, oursMs: search, referenceMs: scan });
    }

    indexed.close();
    bare.close();
  } finally {
    tmp.cleanup();
  }
  console.log(`\nEditing: undo history and search index (ratio = ours / reference, same run)\n`);
  console.log(`${'task'.padEnd(72)} ${'ours ms'.padStart(10)} ${'ref ms'.padStart(10)} ${'ratio'.padStart(7)}`);
  for (const row of rows) {
    console.log(
      `${row.task.padEnd(72)} ${row.oursMs.toFixed(1).padStart(10)} ${row.referenceMs.toFixed(1).padStart(10)} ${(row.oursMs / row.referenceMs).toFixed(2).padStart(7)}`,
    );
  }
}
