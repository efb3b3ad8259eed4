import { emptyDelta, type CaseDelta, type CaseEdit, type ChangedIds, type HistoryEntry, type HistoryState } from '../app/editing/types';
import { WorkbenchFailure } from '../app/result';
import { purgeDeletedContent } from './caseFile';
import { nowIso, prepared, type Db } from './types';

/**
 * Undo and redo that live in the case file.
 *
 * Every analyst command runs in one transaction through `runCommand`. While it runs, temporary
 * triggers (this connection only; nothing is added to the file's schema) record every row it
 * inserts, updates or deletes, foreign-key cascades included, with the row before and after.
 * That list is stored as one `history` row: replayed in order it redoes the command, replayed
 * backwards with before and after swapped it undoes it. The technique is SQLite's own
 * (https://www.sqlite.org/undoredo.html), with row images instead of SQL text.
 *
 * Undo and redo check that every row is still as the command left it, and that replaying touched
 * nothing else (a cascade into rows the history does not know, e.g. a link an import added).
 * If not, they change nothing and say so (`conflict`). Chart positions are layout, not content:
 * they are restored where they can be and never block an undo.
 */

/** The tables commands change; their rows are what history records. */
export const CAPTURED_TABLES = [
  'entities',
  'entity_aliases',
  'entity_locations',
  'links',
  'sources',
  'citations',
  'notes',
  'annotations',
  'merge_records',
  'chart_nodes',
] as const;
export type CapturedTable = (typeof CAPTURED_TABLES)[number];

/** Captured tables newer than the history itself (schema 40): absent from an older file. */
const LATER_TABLES: ReadonlySet<CapturedTable> = new Set<CapturedTable>(['entity_locations']);

function tableExists(db: Db, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

/** Layout rows: replayed best-effort, never a reason to refuse an undo. */
const SOFT_TABLES: ReadonlySet<CapturedTable> = new Set<CapturedTable>(['chart_nodes']);

/**
 * How much history is kept: the latest 1,000 steps, and no more than 64 MB of change sets (a
 * 2 MB note edited over and over would otherwise grow the file without end). The newest step is
 * always kept, whatever its size.
 */
export const HISTORY_LIMITS = { steps: 1000, bytes: 64 * 1024 * 1024 } as const;

/** A column value as recorded: REAL values are kept as 17-digit text so they round-trip exactly. */
export type CellValue = string | number | null;
export type RowImage = Record<string, CellValue>;

/** One row change: an insert has no `before`, a delete no `after`. */
export interface RowChange {
  table: CapturedTable;
  before: RowImage | null;
  after: RowImage | null;
}

interface ColumnInfo {
  name: string;
  real: boolean;
}

interface TableInfo {
  table: CapturedTable;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Parent tables and the local columns pointing at them (soft rows are replayed only if their parents exist). */
  parents: { table: string; from: string[]; to: string[] }[];
  /** `json_object(...)` over a row alias, encoded exactly as the capture triggers encode it. */
  image: (alias: string) => string;
}

const tableInfos = new WeakMap<Db, Map<CapturedTable, TableInfo>>();

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function readTableInfo(db: Db, table: CapturedTable): TableInfo {
  const rows = db.prepare(`PRAGMA main.table_info(${quoteIdent(table)})`).all() as { name: string; type: string; pk: number }[];
  if (rows.length === 0) throw new Error(`History: table ${table} is missing (schema older than 40?)`);
  const columns = rows.map((r) => ({ name: r.name, real: r.type.toUpperCase() === 'REAL' }));
  const primaryKey = rows
    .filter((r) => r.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((r) => r.name);
  const fks = db.prepare(`PRAGMA main.foreign_key_list(${quoteIdent(table)})`).all() as { id: number; table: string; from: string; to: string }[];
  const parents = new Map<number, { table: string; from: string[]; to: string[] }>();
  for (const fk of fks) {
    const parent = parents.get(fk.id) ?? { table: fk.table, from: [], to: [] };
    parent.from.push(fk.from);
    parent.to.push(fk.to);
    parents.set(fk.id, parent);
  }
  const image = (alias: string) =>
    `json_object(${columns
      .map(({ name, real }) => {
        const ref = `${alias}.${quoteIdent(name)}`;
        const value = real ? `CASE WHEN ${ref} IS NULL THEN NULL ELSE printf('%!.17g', ${ref}) END` : ref;
        return `${sqlString(name)}, ${value}`;
      })
      .join(', ')})`;
  return { table, columns, primaryKey, parents: [...parents.values()], image };
}

function tableInfo(db: Db, table: CapturedTable): TableInfo {
  let infos = tableInfos.get(db);
  if (!infos) {
    infos = new Map();
    tableInfos.set(db, infos);
  }
  let info = infos.get(table);
  if (!info) {
    info = readTableInfo(db, table);
    infos.set(table, info);
  }
  return info;
}

/** Per connection: whether a command or replay is being recorded right now. */
const recording = new WeakMap<Db, { on: boolean }>();

/**
 * Creates this connection's capture triggers (TEMP: they live and die with the connection). They
 * ask a function of this process whether to record, so turning recording on and off writes
 * nothing: a command refused before it writes leaves the file and its log untouched.
 */
function installCapture(db: Db): { on: boolean } {
  const existing = recording.get(db);
  if (existing) return existing;
  const state = { on: false };
  db.function('awb_capture_recording', { deterministic: false, directOnly: false }, () => (state.on ? 1 : 0));
  db.exec('CREATE TEMP TABLE IF NOT EXISTS awb_capture_log (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, before TEXT, after TEXT)');
  for (const table of CAPTURED_TABLES) {
    // A table of a later schema than the file's (locations, 80) has no rows to record yet.
    if (LATER_TABLES.has(table) && !tableExists(db, table)) continue;
    const info = tableInfo(db, table);
    const on = `ON main.${quoteIdent(table)} WHEN awb_capture_recording()`;
    const log = (before: string, after: string) =>
      `INSERT INTO awb_capture_log (tbl, before, after) VALUES (${sqlString(table)}, ${before}, ${after});`;
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS awb_capture_${table}_insert AFTER INSERT ${on} BEGIN ${log('NULL', info.image('NEW'))} END;
      CREATE TEMP TRIGGER IF NOT EXISTS awb_capture_${table}_update AFTER UPDATE ${on} BEGIN ${log(info.image('OLD'), info.image('NEW'))} END;
      CREATE TEMP TRIGGER IF NOT EXISTS awb_capture_${table}_delete AFTER DELETE ${on} BEGIN ${log(info.image('OLD'), 'NULL')} END;
    `);
  }
  recording.set(db, state);
  return state;
}

/**
 * Runs `body` with recording on and returns the row changes it made, in order; updates that
 * changed nothing are left out. The log is a TEMP table inside the caller's transaction, so a
 * body that throws leaves nothing in it.
 */
function captured<T>(db: Db, body: () => T): { value: T; changes: RowChange[] } {
  const state = installCapture(db);
  // One step records one command: a nested one would take the outer one's rows as its own.
  if (state.on) throw new Error('History: a command cannot run inside another command');
  state.on = true;
  let value: T;
  try {
    value = body();
  } finally {
    state.on = false;
  }
  const rows = prepared(db, 'SELECT tbl, before, after FROM temp.awb_capture_log ORDER BY seq').all() as {
    tbl: CapturedTable;
    before: string | null;
    after: string | null;
  }[];
  if (rows.length > 0) prepared(db, 'DELETE FROM temp.awb_capture_log').run();
  const changes: RowChange[] = [];
  for (const row of rows) {
    if (row.before !== null && row.before === row.after) continue;
    changes.push({
      table: row.tbl,
      before: row.before === null ? null : (JSON.parse(row.before) as RowImage),
      after: row.after === null ? null : (JSON.parse(row.after) as RowImage),
    });
  }
  return { value, changes };
}

/** The changes that undo `changes`: reversed, before and after swapped. */
export function invertChanges(changes: readonly RowChange[]): RowChange[] {
  return [...changes].reverse().map((c) => ({ table: c.table, before: c.after, after: c.before }));
}

/** What `runCommand` returns: the command's own result and the edit to announce (null: nothing changed). */
export interface CommandOutcome<T> {
  value: T;
  edit: CaseEdit | null;
}

/**
 * Runs one analyst command in one transaction and records it in the history (clearing the redo
 * stack). A command that changed nothing leaves no history step. `body` throws to refuse:
 * nothing it wrote is kept.
 */
export function runCommand<T>(db: Db, label: string, body: () => T): CommandOutcome<T> {
  installCapture(db);
  return db.transaction((): CommandOutcome<T> => {
    const { value, changes } = captured(db, body);
    if (changes.length === 0) return { value, edit: null };
    pushHistory(db, label, changes);
    return { value, edit: describeEdit('do', label, changes, historyState(db)) };
  })();
}

function appliedSeq(db: Db): number {
  return (prepared(db, 'SELECT applied FROM history_cursor WHERE id = 1').pluck().get() as number | undefined) ?? 0;
}

function setApplied(db: Db, seq: number): void {
  prepared(db, 'UPDATE history_cursor SET applied = ? WHERE id = 1').run(seq);
}

function pushHistory(db: Db, label: string, changes: RowChange[]): void {
  const applied = appliedSeq(db);
  prepared(db, 'DELETE FROM history WHERE seq > ?').run(applied);
  const seq = applied + 1;
  const json = JSON.stringify(changes);
  prepared(db, 'INSERT INTO history (seq, label, created_at, bytes, changes) VALUES (?, ?, ?, ?, ?)').run(seq, label, nowIso(), Buffer.byteLength(json), json);
  setApplied(db, seq);
  prepared(db, 'DELETE FROM history WHERE seq <= ?').run(seq - HISTORY_LIMITS.steps);
  // Oldest first, drop steps until the rest fits (the running total is over the newer steps).
  prepared(
    db,
    `DELETE FROM history WHERE seq < @seq AND seq <= (
       SELECT max(seq) FROM (SELECT seq, sum(bytes) OVER (ORDER BY seq DESC) AS newer FROM history) WHERE newer > @limit
     )`,
  ).run({ seq, limit: HISTORY_LIMITS.bytes });
}

interface HistoryRow {
  seq: number;
  label: string;
  created_at: string;
  changes: string;
}

/**
 * Undoes the latest command still done; null when there is none. Throws `conflict` (and changes
 * nothing) when the case has moved on in a way the history does not know.
 */
export function undo(db: Db): CaseEdit | null {
  installCapture(db);
  let what = 'That step cannot be undone';
  return refusingBrokenReferences(() =>
    db.transaction((): CaseEdit | null => {
      const applied = appliedSeq(db);
      const row = prepared(db, 'SELECT * FROM history WHERE seq = ?').get(applied) as HistoryRow | undefined;
      if (!row) return null;
      what = `“${row.label}” cannot be undone`;
      const changes = invertChanges(JSON.parse(row.changes) as RowChange[]);
      replay(db, changes, what);
      const previous = prepared(db, 'SELECT max(seq) FROM history WHERE seq < ?').pluck().get(applied) as number | null;
      setApplied(db, previous ?? 0);
      return describeEdit('undo', row.label, changes, historyState(db));
    })(),
  () => what,
  );
}

/** Redoes the latest undone command; null when there is none. Throws `conflict` like `undo`. */
export function redo(db: Db): CaseEdit | null {
  installCapture(db);
  let what = 'That step cannot be redone';
  return refusingBrokenReferences(() =>
    db.transaction((): CaseEdit | null => {
      const row = prepared(db, 'SELECT * FROM history WHERE seq > ? ORDER BY seq LIMIT 1').get(appliedSeq(db)) as HistoryRow | undefined;
      if (!row) return null;
      what = `“${row.label}” cannot be redone`;
      const changes = JSON.parse(row.changes) as RowChange[];
      replay(db, changes, what);
      setApplied(db, row.seq);
      return describeEdit('redo', row.label, changes, historyState(db));
    })(),
  () => what,
  );
}

/**
 * Foreign keys are deferred while a step replays and checked at commit; a row pointing at one
 * that is gone (an import deleted or never had it) fails the commit, which rolls everything back.
 */
function refusingBrokenReferences<T>(run: () => T, what: () => string): T {
  try {
    return run();
  } catch (error) {
    if (isConstraintError(error)) throw conflict(what(), MOVED_ON);
    throw error;
  }
}

function isConstraintError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

/** Forgets every step (undo and redo). Deleted content kept for undo leaves the file. */
export function clearHistory(db: Db): HistoryState {
  const state = db.transaction(() => {
    prepared(db, 'DELETE FROM history').run();
    setApplied(db, 0);
    return historyState(db);
  })();
  // secure_delete zeroed the rows in the pages; the write-ahead log still holds earlier copies of
  // those pages until a checkpoint: take it now, so the text leaves the log too.
  if (!db.inTransaction) purgeDeletedContent(db);
  return state;
}

/** What the Edit menu needs: can Undo/Redo run, with what label, and the latest steps. */
export function historyState(db: Db): HistoryState {
  const applied = appliedSeq(db);
  const done = prepared(db, 'SELECT seq, label, created_at AS at FROM history WHERE seq <= ? ORDER BY seq DESC LIMIT 50').all(applied) as Omit<
    HistoryEntry,
    'done'
  >[];
  const undone = prepared(db, 'SELECT seq, label, created_at AS at FROM history WHERE seq > ? ORDER BY seq LIMIT 50').all(applied) as Omit<
    HistoryEntry,
    'done'
  >[];
  const entries: HistoryEntry[] = [...done.reverse().map((e) => ({ ...e, done: true })), ...undone.map((e) => ({ ...e, done: false }))];
  const last = done.at(-1);
  const next = undone[0];
  return {
    canUndo: last !== undefined,
    canRedo: next !== undefined,
    undoLabel: last?.label ?? null,
    redoLabel: next?.label ?? null,
    entries,
  };
}

function conflict(what: string, why: string): WorkbenchFailure {
  return new WorkbenchFailure('conflict', `${what}: ${why} Nothing was changed.`);
}

const MOVED_ON =
  'the case has changed since in a way the undo history does not know (an import, or a file edited elsewhere).';

/**
 * Applies row changes in order, checking each row is as expected, then checks the changes that
 * actually happened (cascades included) are exactly the ones asked for. Foreign keys are checked
 * at commit, so the order of parents and children inside one step does not matter.
 */
function replay(db: Db, changes: readonly RowChange[], what: string): void {
  db.pragma('defer_foreign_keys = ON');
  let happened: RowChange[];
  try {
    happened = captured(db, () => {
      for (const change of changes) applyChange(db, change, what);
    }).changes;
  } catch (error) {
    if (isConstraintError(error)) throw conflict(what, MOVED_ON);
    throw error;
  }
  if (!sameContentChanges(db, changes, happened)) throw conflict(what, MOVED_ON);
}

function keyOf(info: TableInfo, image: RowImage): CellValue[] {
  return info.primaryKey.map((column) => image[column] ?? null);
}

/** The row as it stands now, encoded like the capture triggers encode it, or null. */
function currentImage(db: Db, info: TableInfo, key: CellValue[]): RowImage | null {
  const where = info.primaryKey.map((c) => `${quoteIdent(c)} = ?`).join(' AND ');
  const text = prepared(db, `SELECT ${info.image('t')} FROM main.${quoteIdent(info.table)} AS t WHERE ${where}`).pluck().get(...key) as
    | string
    | undefined;
  return text === undefined ? null : (JSON.parse(text) as RowImage);
}

/** True when `actual` has every value `expected` records (a later schema may have added columns). */
function imageMatches(expected: RowImage | null, actual: RowImage | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  for (const [column, value] of Object.entries(expected)) {
    if (column in actual && actual[column] !== value) return false;
  }
  return true;
}

/** Binds an image's values for the table's current columns (REAL text back to numbers). */
function bindable(info: TableInfo, image: RowImage): { columns: string[]; values: CellValue[] } {
  const columns: string[] = [];
  const values: CellValue[] = [];
  for (const { name, real } of info.columns) {
    if (!(name in image)) continue;
    const value = image[name] ?? null;
    columns.push(name);
    values.push(real && typeof value === 'string' ? Number(value) : value);
  }
  return { columns, values };
}

function parentsExist(db: Db, info: TableInfo, image: RowImage): boolean {
  return info.parents.every(({ table, from, to }) => {
    const values = from.map((column) => image[column] ?? null);
    if (values.some((v) => v === null)) return true;
    const where = to.map((c) => `${quoteIdent(c)} = ?`).join(' AND ');
    return prepared(db, `SELECT 1 FROM main.${quoteIdent(table)} WHERE ${where}`).get(...values) !== undefined;
  });
}

function insertRow(db: Db, info: TableInfo, image: RowImage): void {
  const { columns, values } = bindable(info, image);
  prepared(db, `INSERT INTO main.${quoteIdent(info.table)} (${columns.map(quoteIdent).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
    ...values,
  );
}

function updateRow(db: Db, info: TableInfo, key: CellValue[], image: RowImage): void {
  const { columns, values } = bindable(info, image);
  if (columns.length === 0) return;
  const where = info.primaryKey.map((c) => `${quoteIdent(c)} = ?`).join(' AND ');
  prepared(db, `UPDATE main.${quoteIdent(info.table)} SET ${columns.map((c) => `${quoteIdent(c)} = ?`).join(', ')} WHERE ${where}`).run(
    ...values,
    ...key,
  );
}

function deleteRow(db: Db, info: TableInfo, key: CellValue[]): void {
  const where = info.primaryKey.map((c) => `${quoteIdent(c)} = ?`).join(' AND ');
  prepared(db, `DELETE FROM main.${quoteIdent(info.table)} WHERE ${where}`).run(...key);
}

function applyChange(db: Db, change: RowChange, what: string): void {
  const info = tableInfo(db, change.table);
  const soft = SOFT_TABLES.has(change.table);
  const { before, after } = change;
  if (before === null && after !== null) {
    const current = currentImage(db, info, keyOf(info, after));
    if (soft) {
      if (current !== null) updateRow(db, info, keyOf(info, after), after);
      else if (parentsExist(db, info, after)) insertRow(db, info, after);
      return;
    }
    if (current !== null) throw conflict(what, MOVED_ON);
    insertRow(db, info, after);
    return;
  }
  if (before !== null && after === null) {
    const key = keyOf(info, before);
    const current = currentImage(db, info, key);
    // Absent: a cascade earlier in this replay took it, or it is gone for good; the final check tells which.
    if (current === null) return;
    if (!soft && !imageMatches(before, current)) throw conflict(what, MOVED_ON);
    deleteRow(db, info, key);
    return;
  }
  if (before !== null && after !== null) {
    const key = keyOf(info, before);
    const current = currentImage(db, info, key);
    if (soft) {
      // Only the columns the step changed: a node pinned since it was moved stays pinned when the move is undone.
      if (current !== null) updateRow(db, info, key, changedColumns(before, after));
      else if (parentsExist(db, info, after)) insertRow(db, info, after);
      return;
    }
    if (current === null || !imageMatches(before, current)) throw conflict(what, MOVED_ON);
    updateRow(db, info, key, after);
  }
}

/** The values of `after` that differ from `before` (the primary key is never among them). */
function changedColumns(before: RowImage, after: RowImage): RowImage {
  return Object.fromEntries(Object.entries(after).filter(([column, value]) => !(column in before) || before[column] !== value));
}

/** The content rows that changed are exactly the ones expected (layout rows aside). */
function sameContentChanges(db: Db, expected: readonly RowChange[], happened: readonly RowChange[]): boolean {
  const pending = new Map<string, RowChange[]>();
  const signature = (c: RowChange) => {
    const info = tableInfo(db, c.table);
    const op = c.before === null ? 'insert' : c.after === null ? 'delete' : 'update';
    return `${c.table}\u0000${op}\u0000${JSON.stringify(keyOf(info, (c.before ?? c.after) as RowImage))}`;
  };
  for (const change of expected) {
    if (SOFT_TABLES.has(change.table)) continue;
    const key = signature(change);
    const list = pending.get(key);
    if (list) list.push(change);
    else pending.set(key, [change]);
  }
  for (const change of happened) {
    if (SOFT_TABLES.has(change.table)) continue;
    const list = pending.get(signature(change));
    const index = list?.findIndex((e) => imageMatches(e.before, change.before) && imageMatches(e.after, change.after)) ?? -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
  }
  return [...pending.values()].every((list) => list.length === 0);
}

const ID_OF: Partial<Record<CapturedTable, { kind: keyof ChangedIds; column: string }>> = {
  entities: { kind: 'entities', column: 'id' },
  entity_aliases: { kind: 'entities', column: 'entity_id' },
  entity_locations: { kind: 'entities', column: 'entity_id' },
  links: { kind: 'links', column: 'id' },
  sources: { kind: 'sources', column: 'id' },
  citations: { kind: 'citations', column: 'id' },
  notes: { kind: 'notes', column: 'id' },
  annotations: { kind: 'annotations', column: 'id' },
  merge_records: { kind: 'mergeRecords', column: 'id' },
};

/** The ids each change touched, by kind, for the `case.edited` event. */
export function describeEdit(action: CaseEdit['action'], label: string, changes: readonly RowChange[], history: HistoryState): CaseEdit {
  const sets: Record<keyof ChangedIds, Set<string>> = {
    entities: new Set(),
    links: new Set(),
    sources: new Set(),
    citations: new Set(),
    notes: new Set(),
    annotations: new Set(),
    mergeRecords: new Set(),
  };
  let positionsChanged = false;
  for (const change of changes) {
    if (change.table === 'chart_nodes') {
      positionsChanged = true;
      continue;
    }
    const target = ID_OF[change.table];
    if (!target) continue;
    for (const image of [change.before, change.after]) {
      const id = image?.[target.column];
      if (typeof id === 'string') sets[target.kind].add(id);
    }
  }
  const changed = Object.fromEntries(Object.entries(sets).map(([kind, ids]) => [kind, [...ids]])) as unknown as ChangedIds;
  return { action, label, changed, delta: deltaOf(changes), reset: false, version: 0, positionsChanged, history };
}

/** Tables whose rows are a kind of the delta themselves (aliases are part of their entity). */
const ROW_KIND: Partial<Record<CapturedTable, Exclude<keyof CaseDelta, 'derived' | 'positions' | 'membership'>>> = {
  entities: 'entities',
  links: 'links',
  sources: 'sources',
  citations: 'citations',
  notes: 'notes',
  annotations: 'annotations',
  merge_records: 'mergeRecords',
};

/**
 * The row changes as a delta: per id, created when its first change inserted it and it is still
 * there, deleted when it was there before and is gone, updated otherwise (an alias changed is its
 * entity updated). Citations and notes also mark what they are on as derived-changed (evidence
 * summary, strength, note count). Sources' own citations are found by main (`completeDelta`).
 */
export function deltaOf(changes: readonly RowChange[]): CaseDelta {
  const delta = emptyDelta();
  const first = new Map<string, boolean>();
  const last = new Map<string, boolean>();
  const kindOf = new Map<string, Exclude<keyof CaseDelta, 'derived' | 'positions' | 'membership'>>();
  const derivedEntities = new Set<string>();
  const derivedLinks = new Set<string>();
  const positions = new Set<string>();
  const memberFirst = new Map<string, boolean>();
  const memberLast = new Map<string, boolean>();
  /** Entities whose aliases changed: updated, unless the entity itself was created or deleted. */
  const aliasesOf = new Set<string>();
  const note = (kind: Exclude<keyof CaseDelta, 'derived' | 'positions' | 'membership'>, id: string, existedBefore: boolean, existsAfter: boolean) => {
    const key = `${kind}\u0000${id}`;
    kindOf.set(key, kind);
    if (!first.has(key)) first.set(key, existedBefore);
    last.set(key, existsAfter);
  };
  for (const change of changes) {
    const image = (change.after ?? change.before) as RowImage;
    if (change.table === 'chart_nodes') {
      if (typeof image.entity_id === 'string') {
        positions.add(image.entity_id);
        // Keyed by chart too: a row inserted or deleted is the entity put on or taken off that chart.
        const key = `${String(image.chart_id)}\u0000${image.entity_id}`;
        if (!memberFirst.has(key)) memberFirst.set(key, change.before !== null);
        memberLast.set(key, change.after !== null);
      }
      continue;
    }
    // An alias or a location is part of its entity: the entity is updated.
    if (change.table === 'entity_aliases' || change.table === 'entity_locations') {
      if (typeof image.entity_id === 'string') aliasesOf.add(image.entity_id);
      continue;
    }
    const kind = ROW_KIND[change.table];
    if (!kind || typeof image.id !== 'string') continue;
    note(kind, image.id, change.before !== null, change.after !== null);
    if (change.table === 'citations' || change.table === 'notes') {
      for (const row of [change.before, change.after]) {
        if (typeof row?.entity_id === 'string') derivedEntities.add(row.entity_id);
        if (typeof row?.link_id === 'string') derivedLinks.add(row.link_id);
      }
    }
  }
  for (const [key, kind] of kindOf) {
    const id = key.slice(kind.length + 1);
    const before = first.get(key) ?? false;
    const after = last.get(key) ?? false;
    if (!before && after) delta[kind].created.push(id);
    else if (before && !after) delta[kind].deleted.push(id);
    else if (before && after) delta[kind].updated.push(id);
  }
  for (const id of aliasesOf) if (!kindOf.has(`entities\u0000${id}`)) delta.entities.updated.push(id);
  delta.derived = { entities: [...derivedEntities], links: [...derivedLinks] };
  delta.positions = [...positions];
  const membership = new Set<string>();
  for (const [key, before] of memberFirst) if (before !== memberLast.get(key)) membership.add(key.slice(key.indexOf('\u0000') + 1));
  delta.membership = [...membership];
  return delta;
}
