import { isPartialDate, type Credibility, type Reliability } from '../app/domain';
import { entityTypeDefinition } from '../app/entityTypes';
import {
  FILE_SOURCE_KEY,
  FORMAT_LABELS,
  isUuid,
  type GraphEntity,
  type GraphLink,
  type GraphLocation,
  type InterchangeGraph,
} from '../app/interchange/graph';
import { nameSimilarity, nameTrigrams, nameVariants, normaliseName } from '../app/interchange/normaliseName';
import type { CaseEdit } from '../app/editing/types';
import { coordinateIssues } from '../app/editing/validate';
import type { CutValue, EntityAction, EntityDecision, EntityPlan, EntityRef, ImportPlan, ImportReport, ImportUndo, LinkPlan, MergeCandidate } from '../app/interchange/plan';
import { purgeDeletedContent } from './caseFile';
import { chartPositions, defaultChart, saveChartPositions } from './charts';
import { chartSize, putOnChart } from './chartMembership';
import { CHART_WARN_NODES } from '../app/chart/chartScale';
import { insertCitation } from './citations';
import { insertEntity } from './entities';
import { clearHistory, HISTORY_LIMITS, runCommand } from './history';
import { newId } from './ids';
import { insertLink } from './links';
import { writeLocation } from './locations';
import { insertNote } from './notes';
import { DEFERRED_INDEXING_MIN_ROWS, withDeferredSearchIndexing } from './searchIndexing';
import { insertSource } from './sources';
import { nowIso, parseAttributes, prepared, type Db } from './types';

export interface ImportFile {
  name: string;
  sha256: string;
  bytes: number;
}

export interface CommitOptions {
  decisions?: Record<string, EntityDecision>;
  /** Reliability of the imported file as a source; "F" (cannot be judged) unless the analyst grades it. */
  fileReliability?: Reliability;
}

/** Thrown when the analyst's decisions do not fit the case (an entity to merge into has gone). */
export class ImportConflictError extends Error {}

const FILE_REFERENCE = (sha256: string) => `sha256:${sha256}`;
const COMPATIBLE_ANY = 'other';

interface NameEntry {
  ref: EntityRef;
  name: string;
  isLabel: boolean;
}

interface NameIndex {
  byKey: Map<string, NameEntry[]>;
  byId: Map<string, EntityRef>;
  /** Every normalised key, and for each trigram the keys that hold it: finds similar names in time that grows with the matches. */
  keys: string[];
  byTrigram: Map<string, number[]>;
}

/** Near-identical transliterations are offered from this similarity up (and never merged without the analyst). */
export const SIMILAR_NAME_THRESHOLD = 0.85;
/** Shorter keys differ by a letter or two between unrelated names ("hamas" / "amal"): no similarity offers below this. */
const SIMILAR_NAME_MIN_LENGTH = 8;

function buildNameIndex(db: Db): NameIndex {
  const byKey: NameIndex['byKey'] = new Map();
  const byId = new Map<string, EntityRef>();
  const keys: string[] = [];
  const byTrigram = new Map<string, number[]>();
  const add = (name: string, entry: NameEntry) => {
    for (const variant of nameVariants(name)) {
      const key = normaliseName(variant);
      if (key === '') continue;
      const list = byKey.get(key);
      if (list) {
        list.push(entry);
        continue;
      }
      byKey.set(key, [entry]);
      const at = keys.push(key) - 1;
      for (const gram of nameTrigrams(key)) {
        const holders = byTrigram.get(gram);
        if (holders) holders.push(at);
        else byTrigram.set(gram, [at]);
      }
    }
  };
  for (const ref of prepared(db, 'SELECT id, label, type FROM entities ORDER BY label COLLATE NOCASE, id').all() as EntityRef[]) {
    byId.set(ref.id, ref);
    add(ref.label, { ref, name: ref.label, isLabel: true });
  }
  for (const row of prepared(db, 'SELECT entity_id AS id, alias FROM entity_aliases').all() as { id: string; alias: string }[]) {
    const ref = byId.get(row.id);
    if (ref) add(row.alias, { ref, name: row.alias, isLabel: false });
  }
  return { byKey, byId, keys, byTrigram };
}

const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);

function typesFit(a: string, b: string): boolean {
  return a === b || a === COMPATIBLE_ANY || b === COMPATIBLE_ANY;
}

/** Keys of the case that are near-identical to `key` (similarity at or above the threshold, below 1). */
function similarKeys(key: string, index: NameIndex): { key: string; similarity: number }[] {
  if ([...key].length < SIMILAR_NAME_MIN_LENGTH) return [];
  const grams = nameTrigrams(key);
  const shared = new Map<number, number>();
  for (const gram of grams) for (const at of index.byTrigram.get(gram) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1);
  const found: { key: string; similarity: number }[] = [];
  for (const [at, count] of shared) {
    // An edit changes at most three trigrams: names within the threshold share most of theirs.
    if (count < grams.size / 2) continue;
    const other = index.keys[at] as string;
    if (other === key || [...other].length < SIMILAR_NAME_MIN_LENGTH) continue;
    const similarity = nameSimilarity(key, other);
    if (similarity >= SIMILAR_NAME_THRESHOLD) found.push({ key: other, similarity: Math.floor(similarity * 100) / 100 });
  }
  return found;
}

/**
 * Entities of the case an incoming entity may be: same name once normalised (similarity 1; a
 * bracketed acronym counts as a name), or, when there is none, near-identical names (similarity
 * below 1, offered, never merged without the analyst's choice).
 */
function candidatesFor(entity: GraphEntity, index: NameIndex): MergeCandidate[] {
  const seen = new Map<string, MergeCandidate>();
  // Names are matched as they will be stored: cut to 1,000 characters (an 8 MB name is not normalised whole).
  const keys = [entity.label, ...entity.aliases]
    .map((name) => clip(name.trim(), 1000))
    .flatMap(nameVariants)
    .map(normaliseName)
    .filter((k) => k !== '');
  for (const key of keys) {
    for (const entry of index.byKey.get(key) ?? []) {
      if (seen.has(entry.ref.id)) continue;
      seen.set(entry.ref.id, { ...entry.ref, matchedName: entry.name, sameType: typesFit(entry.ref.type, entity.type), similarity: 1 });
    }
  }
  if (seen.size === 0) {
    for (const key of new Set(keys)) {
      for (const similar of similarKeys(key, index)) {
        for (const entry of index.byKey.get(similar.key) ?? []) {
          const known = seen.get(entry.ref.id);
          if (known && known.similarity >= similar.similarity) continue;
          seen.set(entry.ref.id, { ...entry.ref, matchedName: entry.name, sameType: typesFit(entry.ref.type, entity.type), similarity: similar.similarity });
        }
      }
    }
  }
  return [...seen.values()].sort((a, b) => b.similarity - a.similarity || Number(b.sameType) - Number(a.sameType));
}

function typeLabel(type: string): string {
  const def = entityTypeDefinition(type);
  return (def.id === type ? def.label : type).toLowerCase();
}

/** Proposes what each incoming entity and link becomes; the analyst's decisions override it. */
export function planImport(db: Db, graph: InterchangeGraph, file: ImportFile, decisions: Record<string, EntityDecision> = {}): ImportPlan {
  const index = buildNameIndex(db);
  const entities: EntityPlan[] = graph.entities.map((entity) => {
    const candidates = candidatesFor(entity, index);
    const base = { key: entity.key, label: entity.label, type: entity.type, candidates };
    const decision = Object.prototype.hasOwnProperty.call(decisions, entity.key) ? decisions[entity.key] : undefined;
    if (decision) {
      if (decision.action === 'merge') {
        const into = index.byId.get(decision.into);
        if (!into) throw new ImportConflictError(`"${entity.label}" was to be merged into an entity that is no longer in the case.`);
        return { ...base, action: 'merge', into, reason: 'merged as you chose' };
      }
      return { ...base, action: decision.action, into: null, reason: decision.action === 'skip' ? 'skipped as you chose' : 'created as you chose' };
    }
    const sameId = entity.id !== undefined ? index.byId.get(entity.id) : undefined;
    if (sameId) return { ...base, action: 'merge', into: sameId, reason: 'the case already has this entity (same id)' };
    const best = candidates.find((c) => c.sameType && c.similarity === 1);
    if (best) {
      const how = normaliseName(best.matchedName) === normaliseName(clip(entity.label.trim(), 1000)) && best.matchedName === best.label ? `same name as "${best.label}"` : `its name matches "${best.matchedName}", a name of "${best.label}"`;
      return { ...base, action: 'merge', into: { id: best.id, label: best.label, type: best.type }, reason: how };
    }
    const resembling = candidates.find((c) => c.similarity < 1);
    if (resembling) {
      const percent = Math.round(resembling.similarity * 100);
      return {
        ...base,
        action: 'create',
        into: null,
        reason: `new; its name resembles "${resembling.matchedName}"${resembling.matchedName === resembling.label ? '' : ` (a name of "${resembling.label}")`} (${percent}% similar): merge it if they are the same`,
      };
    }
    const other = candidates[0];
    if (other) {
      return {
        ...base,
        action: 'create',
        into: null,
        reason: `new; the case has a ${typeLabel(other.type)} named "${other.label}", not merged because it is not a ${typeLabel(entity.type)}`,
      };
    }
    return { ...base, action: 'create', into: null, reason: 'new' };
  });

  const entityPlanByKey = new Map(entities.map((p) => [p.key, p]));
  const labelOf = new Map(graph.entities.map((e) => [e.key, e.label]));
  const existingLinkIds = new Set<string>();
  for (const link of graph.links) {
    if (link.id !== undefined && prepared(db, 'SELECT 1 FROM links WHERE id = ?').get(link.id)) existingLinkIds.add(link.id);
  }
  const links: LinkPlan[] = graph.links.map((link) => {
    const from = entityPlanByKey.get(link.sourceKey);
    const to = entityPlanByKey.get(link.targetKey);
    const base = {
      key: link.key,
      type: link.type,
      label: link.label,
      sourceLabel: labelOf.get(link.sourceKey) ?? link.sourceKey,
      targetLabel: labelOf.get(link.targetKey) ?? link.targetKey,
    };
    if (!from || !to || from.action === 'skip' || to.action === 'skip') {
      return { ...base, action: 'skip', into: null, reason: 'an end of it is skipped' };
    }
    if (link.id !== undefined && existingLinkIds.has(link.id)) return { ...base, action: 'merge', into: link.id, reason: 'the case already has this link (same id)' };
    if (from.action === 'merge' && to.action === 'merge' && from.into && to.into) {
      const existing = findSameLink(db, link, from.into.id, to.into.id);
      if (existing) return { ...base, action: 'merge', into: existing, reason: `the case already links "${from.into.label}" and "${to.into.label}" this way` };
    }
    return { ...base, action: 'create', into: null, reason: 'new' };
  });

  const count = (plans: { action: EntityAction }[]) => ({
    create: plans.filter((p) => p.action === 'create').length,
    merge: plans.filter((p) => p.action === 'merge').length,
    skip: plans.filter((p) => p.action === 'skip').length,
  });
  const previous = prepared(db, 'SELECT id, title, created_at AS importedAt FROM sources WHERE reference = ? ORDER BY created_at LIMIT 1').get(
    FILE_REFERENCE(file.sha256),
  ) as { id: string; title: string; importedAt: string } | undefined;
  const evidence = plannedEvidence(db, graph, entities, links, previous !== undefined);
  return {
    format: graph.format,
    entities,
    links,
    counts: { entities: count(entities), links: count(links), ...evidence, skippedInFile: graph.skipped.length },
    cut: plannedCuts(graph, entities, links, file, previous !== undefined),
    undo: importUndo(graph),
    warnings: [...graph.warnings, ...(previous ? [`This file was imported before, on ${previous.importedAt.slice(0, 10)} ("${previous.title}").`] : [])],
    skipped: graph.skipped,
    alreadyImported: previous ? { sourceId: previous.id, title: previous.title, importedAt: previous.importedAt } : null,
  };
}

/**
 * The sources, citations and notes the import will create, counted as `writeImport` writes them:
 * the file as a source (unless imported before), the file's own sources the case lacks, every
 * citation whose item and source are imported, the file's citation of each imported item that the
 * file does not cite already, and the notes on what is imported.
 */
function plannedEvidence(db: Db, graph: InterchangeGraph, entities: EntityPlan[], links: LinkPlan[], fileImportedBefore: boolean) {
  const keptEntities = new Set(entities.filter((p) => p.action !== 'skip').map((p) => p.key));
  const keptLinks = new Set(links.filter((p) => p.action !== 'skip').map((p) => p.key));
  const kept = (target: { kind: 'entity' | 'link'; key: string }) => (target.kind === 'entity' ? keptEntities : keptLinks).has(target.key);
  let sources = fileImportedBefore ? 0 : 1;
  const sourceKeys = new Set([FILE_SOURCE_KEY]);
  const fileSourceKeys = new Set([FILE_SOURCE_KEY]);
  for (const source of graph.sources) {
    sourceKeys.add(source.key);
    if (source.ofFile) fileSourceKeys.add(source.key);
    if (source.id === undefined || !prepared(db, 'SELECT 1 FROM sources WHERE id = ?').get(source.id)) sources++;
  }
  let citations = 0;
  const citedByFile = new Set<string>();
  for (const citation of graph.citations) {
    if (!kept(citation.target) || !sourceKeys.has(citation.sourceKey) || citation.quote.trim().length === 0) continue;
    if (fileSourceKeys.has(citation.sourceKey)) citedByFile.add(`${citation.target.kind}:${citation.target.key}`);
    citations++;
  }
  if (graph.citeFile) {
    for (const entity of graph.entities) {
      if (keptEntities.has(entity.key) && !citedByFile.has(`entity:${entity.key}`) && entity.label.trim().length > 0) citations++;
    }
    for (const link of graph.links) {
      if (keptLinks.has(link.key) && !citedByFile.has(`link:${link.key}`) && (link.label ?? link.type).trim().length > 0) citations++;
    }
  }
  const notes = graph.notes.filter((n) => n.target.kind === 'case' || kept(n.target)).length;
  return { sources, citations, notes };
}

/** The first characters of a long value, to name its item. */
function shortName(value: string): string {
  const trimmed = value.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed;
}

/** Every value the import will cut to fit (the limits `writeImport` clips to), with its item. */
function plannedCuts(graph: InterchangeGraph, entities: EntityPlan[], links: LinkPlan[], file: ImportFile, fileImportedBefore: boolean): CutValue[] {
  const cuts: CutValue[] = [];
  const check = (what: string, field: string, value: string, max: number) => {
    const length = value.trim().length;
    if (length > max) cuts.push({ what, field, length, kept: max });
  };
  if (!fileImportedBefore) check(`the file "${shortName(file.name)}"`, 'title', file.name, 2000);
  for (const source of graph.sources) check(`source "${shortName(source.title)}"`, 'title', source.title, 2000);
  const planOf = new Map(entities.map((p) => [p.key, p]));
  for (const entity of graph.entities) {
    const action = planOf.get(entity.key)?.action ?? 'skip';
    if (action === 'skip') continue;
    const what = `entity "${shortName(entity.label)}"`;
    if (action === 'create') {
      check(what, 'label', entity.label, 1000);
      check(what, 'type', entity.type, 100);
    } else {
      check(what, 'name (kept as an alias)', entity.label, 1000);
    }
    for (const alias of entity.aliases) check(what, 'alias', alias, 1000);
  }
  const linkPlanOf = new Map(links.map((p) => [p.key, p]));
  for (const link of graph.links) {
    if (linkPlanOf.get(link.key)?.action !== 'create') continue;
    check(`link "${shortName(link.label ?? link.type)}"`, 'type', link.type, 100);
  }
  return cuts;
}

/**
 * Upper bound of the bytes the import's history step takes (row images as JSON): a fixed cost per
 * row and every text at three bytes per character (UTF-8 at most; JSON escapes rare), attributes
 * at four (their JSON is escaped again inside the row image).
 */
export function estimateImportHistoryBytes(graph: InterchangeGraph): number {
  const ROW = 600;
  const MERGE = 4096;
  const text = (value: string | null | undefined) => (value ? value.length * 3 : 0);
  const attributes = (value: object) => JSON.stringify(value).length * 4;
  let bytes = ROW * 2;
  for (const e of graph.entities) {
    bytes += ROW * 3 + MERGE + text(e.label) * 2 + text(e.description) + attributes(e.attributes) + text(e.type);
    for (const alias of e.aliases) bytes += ROW + text(alias);
  }
  for (const l of graph.links) bytes += ROW * 2 + text(l.label) * 2 + text(l.type) * 2 + text(l.description) + attributes(l.attributes);
  for (const s of graph.sources) bytes += ROW + text(s.title) + text(s.body) + text(s.author) + text(s.publisher) + text(s.reference);
  for (const c of graph.citations) bytes += ROW + text(c.quote) + text(c.locator) + text(c.comment);
  for (const n of graph.notes) bytes += ROW + text(n.body) + text(n.author);
  return bytes;
}

/** Whether the import fits the history (one undoable step), and if not, why. */
export function importUndo(graph: InterchangeGraph): ImportUndo {
  const bytes = estimateImportHistoryBytes(graph);
  if (bytes <= HISTORY_LIMITS.bytes) return { undoable: true, reason: null };
  const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;
  return {
    undoable: false,
    reason: `This import is too large to undo (about ${mb(bytes)} of changes; the undo history holds ${mb(HISTORY_LIMITS.bytes)}). Once imported, it cannot be undone, and the steps before it can no longer be undone either.`,
  };
}

/** The case's link of the same type between the same ends; one in the same direction first (a file may link A–B and B–A). */
function findSameLink(db: Db, link: GraphLink, sourceId: string, targetId: string): string | null {
  const row = prepared(
    db,
    `SELECT id FROM links WHERE type = @type AND ((source_id = @s AND target_id = @t) OR (directed = 0 AND @directed = 0 AND source_id = @t AND target_id = @s))
     ORDER BY source_id = @s DESC, created_at LIMIT 1`,
  ).get({ type: link.type, s: sourceId, t: targetId, directed: link.directed ? 1 : 0 }) as { id: string } | undefined;
  return row?.id ?? null;
}

const dateOrNull = (value: string | null) => (value !== null && isPartialDate(value) ? value : null);

/** An import written: its report, and the edit to announce (null when it was too large to record). */
export interface ImportOutcome {
  report: ImportReport;
  edit: CaseEdit | null;
}

/**
 * Writes an import in ONE transaction as ONE undoable step: the file as a source, then entities
 * (created or merged), links, sources, citations and notes, recorded in the history like every
 * edit. Any failure rolls all of it back and rethrows. An import past the history's size limit
 * (the preview says so) is written without a step, and the history before it is cleared: an undo
 * that skipped over it would take back an older edit, not the import.
 */
export function runImport(db: Db, graph: InterchangeGraph, file: ImportFile, options: CommitOptions = {}): ImportOutcome {
  // A file citation per entity and link comes on top of the file's own rows.
  const rows = (graph.entities.length + graph.links.length) * (graph.citeFile ? 2 : 1) + graph.citations.length + graph.notes.length;
  const write = () => (rows >= DEFERRED_INDEXING_MIN_ROWS ? withDeferredSearchIndexing(db, () => writeImport(db, graph, file, options)) : writeImport(db, graph, file, options));
  if (importUndo(graph).undoable) {
    const { value, edit } = runCommand(db, `Import “${shortName(file.name) || 'file'}”`, write);
    return { report: value, edit };
  }
  const report = db.transaction(() => {
    const written = write();
    clearHistory(db);
    return written;
  })();
  // The cleared steps may hold deleted content kept for undo: take it out of the file and its log.
  if (!db.inTransaction) purgeDeletedContent(db);
  return { report, edit: null };
}

/** `runImport` for callers that announce nothing (the CLI, tests). */
export function commitImport(db: Db, graph: InterchangeGraph, file: ImportFile, options: CommitOptions = {}): ImportReport {
  return runImport(db, graph, file, options).report;
}

function writeImport(db: Db, graph: InterchangeGraph, file: ImportFile, options: CommitOptions): ImportReport {
  const plan = planImport(db, graph, file, options.decisions);
  const warnings = [...plan.warnings];
  const report: ImportReport = {
    fileSourceId: '',
    created: { entities: 0, links: 0, sources: 0, citations: 0, notes: 0 },
    merged: { entities: 0, links: 0 },
    skipped: { entities: 0, links: 0, citations: 0, notes: 0, inFile: graph.skipped.length },
    cut: plan.cut,
    undoable: plan.undo.undoable,
    warnings,
    leftOut: plan.skipped,
  };
  const chartId = defaultChart(db).id;
  const chartBefore = chartPositions(db, chartId);
  const usedIds = new Set<string>();
  const freshId = (wanted: string | undefined, table: string): string => {
    if (wanted !== undefined && isUuid(wanted) && !usedIds.has(wanted) && !prepared(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(wanted)) {
      usedIds.add(wanted);
      return wanted;
    }
    return newId();
  };

  const fileSource =
    plan.alreadyImported?.sourceId ??
    insertSource(db, {
      title: clip(file.name.trim() || 'Imported file', 2000),
      publisher: FORMAT_LABELS[graph.format],
      reference: FILE_REFERENCE(file.sha256),
      reliability: options.fileReliability ?? 'F',
    }).id;
  if (!plan.alreadyImported) report.created.sources++;
  report.fileSourceId = fileSource;

  const sourceIds = new Map<string, string>([[FILE_SOURCE_KEY, fileSource]]);
  const fileSourceKeys = new Set([FILE_SOURCE_KEY, ...graph.sources.filter((s) => s.ofFile).map((s) => s.key)]);
  // A source the case already has under the same reference (a URL, a report's id) is that source:
  // importing the same file again, or another file citing the same page, adds no second copy.
  const sourceByReference = new Map<string, string>();
  for (const row of prepared(db, "SELECT id, reference FROM sources WHERE reference IS NOT NULL AND reference NOT LIKE 'sha256:%' ORDER BY created_at DESC").all() as { id: string; reference: string }[]) {
    sourceByReference.set(row.reference, row.id);
  }
  for (const source of graph.sources) {
    if (source.id !== undefined && prepared(db, 'SELECT 1 FROM sources WHERE id = ?').get(source.id)) {
      sourceIds.set(source.key, source.id);
      continue;
    }
    const sameReference = !source.ofFile && source.reference !== null ? sourceByReference.get(source.reference) : undefined;
    if (sameReference !== undefined) {
      sourceIds.set(source.key, sameReference);
      continue;
    }
    const created = insertSource(db, {
      id: freshId(source.id, 'sources'),
      title: clip(source.title.trim() || 'Untitled source', 2000),
      author: source.author,
      publisher: source.ofFile ? FORMAT_LABELS[graph.format] : source.publisher,
      publishedDate: dateOrNull(source.publishedDate),
      reference: source.ofFile ? FILE_REFERENCE(file.sha256) : source.reference,
      reliability: source.reliability,
      body: source.body,
    });
    sourceIds.set(source.key, created.id);
    if (!source.ofFile && source.reference !== null) sourceByReference.set(source.reference, created.id);
    report.created.sources++;
  }

  const entityIds = new Map<string, string>();
  /** Entities this import creates (a merged one keeps the location it has). */
  const createdKeys = new Set<string>();
  const planByKey = new Map(plan.entities.map((p) => [p.key, p]));
  const placed: { entityId: string; position: { x: number; y: number } | undefined }[] = [];
  for (const entity of graph.entities) {
    const p = planByKey.get(entity.key);
    if (!p || p.action === 'skip') {
      report.skipped.entities++;
      continue;
    }
    if (p.action === 'merge' && p.into) {
      mergeInto(db, p.into.id, entity);
      entityIds.set(entity.key, p.into.id);
      report.merged.entities++;
      continue;
    }
    const label = clip(entity.label.trim(), 1000) || clip(entity.key, 1000);
    const created = insertEntity(db, {
      id: freshId(entity.id, 'entities'),
      type: clip(entity.type.trim(), 100) || 'other',
      label,
      aliases: entity.aliases.map((a) => clip(a.trim(), 1000)).filter((a) => a.length > 0),
      description: entity.description,
      startDate: dateOrNull(entity.startDate),
      endDate: dateOrNull(entity.endDate),
      attributes: entity.attributes,
      color: entity.color ?? null,
    });
    entityIds.set(entity.key, created.id);
    createdKeys.add(entity.key);
    placed.push({ entityId: created.id, position: entity.position });
    report.created.entities++;
  }

  const linkIds = new Map<string, string>();
  const linkPlanByKey = new Map(plan.links.map((p) => [p.key, p]));
  for (const link of graph.links) {
    const p = linkPlanByKey.get(link.key);
    const sourceId = entityIds.get(link.sourceKey);
    const targetId = entityIds.get(link.targetKey);
    if (!p || p.action === 'skip' || sourceId === undefined || targetId === undefined) {
      report.skipped.links++;
      continue;
    }
    if (p.action === 'merge' && p.into) {
      linkIds.set(link.key, p.into);
      report.merged.links++;
      continue;
    }
    const created = insertLink(db, {
      id: freshId(link.id, 'links'),
      type: clip(link.type.trim(), 100) || 'related_to',
      sourceId,
      targetId,
      directed: link.directed,
      label: link.label,
      description: link.description,
      startDate: dateOrNull(link.startDate),
      endDate: dateOrNull(link.endDate),
      attributes: link.attributes,
      strength: link.strength ?? null,
    });
    linkIds.set(link.key, created.id);
    report.created.links++;
  }

  const targetOf = (target: { kind: 'entity' | 'link'; key: string }) => {
    const id = (target.kind === 'entity' ? entityIds : linkIds).get(target.key);
    return id === undefined ? null : { kind: target.kind, id };
  };
  const citedByFile = new Set<string>();
  // Importing the same file again cites nothing twice: a citation the case already has (same
  // source, same target, same quote and locator) is not written again.
  const citationExists = (sourceId: string, target: { kind: 'entity' | 'link'; id: string }, quote: string, locator: string | null) =>
    prepared(
      db,
      `SELECT 1 FROM citations WHERE source_id = @sourceId AND ${target.kind === 'entity' ? 'entity_id' : 'link_id'} = @id AND quote = @quote AND locator IS @locator LIMIT 1`,
    ).get({ sourceId, id: target.id, quote, locator }) !== undefined;
  const citationIds = new Map<string, string>();
  for (const citation of graph.citations) {
    const target = targetOf(citation.target);
    const sourceId = sourceIds.get(citation.sourceKey);
    if (!target || sourceId === undefined || citation.quote.trim().length === 0) {
      report.skipped.citations++;
      continue;
    }
    if (fileSourceKeys.has(citation.sourceKey)) citedByFile.add(`${target.kind}:${citation.target.key}`);
    if (citationExists(sourceId, target, citation.quote, citation.locator)) {
      report.skipped.citations++;
      continue;
    }
    const written = insertCitation(db, {
      id: freshId(citation.id, 'citations'),
      sourceId,
      target,
      quote: citation.quote,
      locator: citation.locator,
      credibility: citation.credibility,
      comment: citation.comment,
    });
    if (citation.id !== undefined) citationIds.set(citation.id, written.id);
    report.created.citations++;
  }
  if (graph.citeFile) {
    const cite = (kind: 'entity' | 'link', key: string, quote: string, locator: string, credibility: Credibility = 6) => {
      const target = targetOf({ kind, key });
      if (!target || citedByFile.has(`${kind}:${key}`) || quote.trim().length === 0 || citationExists(fileSource, target, quote, locator)) return;
      insertCitation(db, { sourceId: fileSource, target, quote, locator, credibility });
      report.created.citations++;
    };
    for (const entity of graph.entities) cite('entity', entity.key, entity.label, entity.locator);
    for (const link of graph.links) cite('link', link.key, link.label ?? link.type, link.locator);
  }

  writeImportedLocations(db, graph, createdKeys, entityIds, citationIds);

  for (const note of graph.notes) {
    const target = note.target.kind === 'case' ? { kind: 'case' as const } : targetOf(note.target);
    if (!target || noteExists(db, target, note.body)) {
      report.skipped.notes++;
      continue;
    }
    insertNote(db, { id: freshId(note.id, 'notes'), target, body: note.body, author: note.author, credibility: note.credibility });
    report.created.notes++;
  }

  // The chart is a view onto the case: an import small enough to draw goes on it, beside what is
  // there (placed where the file says, if it does); a larger one stays in the case, to be searched
  // and expanded from.
  if (placed.length > 0 && chartSize(db, chartId) + placed.length <= CHART_WARN_NODES) {
    putOnChart(
      db,
      chartId,
      placed.map((p) => p.entityId),
    );
    saveChartPositions(db, chartId, placeBeside(chartBefore, placed));
  }
  return report;
}

/**
 * The locations the file gives its entities, for the entities this import creates: coordinates
 * first, then those at a place of the file that has coordinates (the store's rule: a location
 * never leads through a chain of places). A location whose citation was not imported is kept
 * without one; one whose place was not imported is left out.
 */
function writeImportedLocations(
  db: Db,
  graph: InterchangeGraph,
  createdKeys: ReadonlySet<string>,
  entityIds: ReadonlyMap<string, string>,
  citationIds: ReadonlyMap<string, string>,
): void {
  const located = graph.entities.filter((e) => e.location !== undefined && createdKeys.has(e.key));
  const withCoordinates = new Set<string>();
  const support = (location: GraphLocation, entityId: string): string | null => {
    const id = location.citationId === null ? undefined : citationIds.get(location.citationId);
    if (id === undefined) return null;
    const on = prepared(db, 'SELECT entity_id FROM citations WHERE id = ?').pluck().get(id) as string | null | undefined;
    return on === entityId ? id : null;
  };
  for (const entity of located) {
    const location = entity.location as GraphLocation;
    const entityId = entityIds.get(entity.key) as string;
    if (location.latitude === null || location.longitude === null) continue;
    if (coordinateIssues(location.latitude, location.longitude).length > 0) continue;
    writeLocation(db, entityId, { latitude: location.latitude, longitude: location.longitude, placeId: null, precision: location.precision, citationId: support(location, entityId) });
    withCoordinates.add(entity.key);
  }
  for (const entity of located) {
    const location = entity.location as GraphLocation;
    if (location.placeKey === null || location.placeKey === entity.key || !withCoordinates.has(location.placeKey)) continue;
    const entityId = entityIds.get(entity.key) as string;
    const placeId = entityIds.get(location.placeKey) as string;
    writeLocation(db, entityId, { latitude: null, longitude: null, placeId, precision: location.precision, citationId: support(location, entityId) });
  }
}

/** Whether the case already has this note (same target, same text): a re-import adds it once only. */
function noteExists(db: Db, target: { kind: 'case' } | { kind: 'entity' | 'link'; id: string }, body: string): boolean {
  if (target.kind === 'case') return prepared(db, "SELECT 1 FROM notes WHERE target_kind = 'case' AND body = ? LIMIT 1").get(body) !== undefined;
  return prepared(db, `SELECT 1 FROM notes WHERE ${target.kind === 'entity' ? 'entity_id' : 'link_id'} = ? AND body = ? LIMIT 1`).get(target.id, body) !== undefined;
}

/**
 * Folds an incoming entity into an existing one, keeping the provenance of both: the incoming
 * names become aliases, and empty fields and missing attributes are filled; nothing is overwritten.
 */
function mergeInto(db: Db, existingId: string, incoming: GraphEntity): void {
  const row = prepared(db, 'SELECT label, description, start_date AS startDate, end_date AS endDate, attributes FROM entities WHERE id = ?').get(existingId) as
    | { label: string; description: string | null; startDate: string | null; endDate: string | null; attributes: string }
    | undefined;
  if (!row) throw new ImportConflictError('An entity to merge into is no longer in the case.');
  const aliases = prepared(db, 'SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY position').pluck().all(existingId) as string[];
  const known = new Set([row.label, ...aliases].map((n) => n.trim().toLowerCase()));
  let position = aliases.length;
  // An alias added is a change of the entity: its updated_at says so (the import's delta reads it).
  let changed = false;
  for (const name of [incoming.label, ...incoming.aliases]) {
    const alias = clip(name.trim(), 1000);
    if (alias.length === 0 || known.has(alias.toLowerCase())) continue;
    known.add(alias.toLowerCase());
    prepared(db, 'INSERT INTO entity_aliases (entity_id, alias, position) VALUES (?, ?, ?)').run(existingId, alias, position++);
    changed = true;
  }
  const attributes = parseAttributes(row.attributes);
  for (const [key, value] of Object.entries(incoming.attributes)) {
    if (Object.prototype.hasOwnProperty.call(attributes, key)) continue;
    Object.defineProperty(attributes, key, { value, enumerable: true, writable: true, configurable: true });
    changed = true;
  }
  const description = row.description ?? incoming.description;
  const startDate = row.startDate ?? dateOrNull(incoming.startDate);
  const endDate = row.endDate ?? dateOrNull(incoming.endDate);
  if (changed || description !== row.description || startDate !== row.startDate || endDate !== row.endDate) {
    prepared(db, 'UPDATE entities SET description = ?, start_date = ?, end_date = ?, attributes = ?, updated_at = ? WHERE id = ?').run(
      description,
      startDate,
      endDate,
      JSON.stringify(attributes),
      nowIso(),
      existingId,
    );
  }
}

/** Room left between the chart and what an import adds beside it, and between grid places. */
const PLACEMENT_GAP = 200;
const GRID_STEP = 150;

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function boxOf(points: readonly { x: number; y: number }[]): Box | null {
  if (points.length === 0) return null;
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const p of points) {
    box.minX = Math.min(box.minX, p.x);
    box.minY = Math.min(box.minY, p.y);
    box.maxX = Math.max(box.maxX, p.x);
    box.maxY = Math.max(box.maxY, p.y);
  }
  return box;
}

/**
 * Where imported entities go: beside the chart already drawn (to the right of its bounding box,
 * top-aligned), never on top of it. Entities the file places keep their arrangement, moved as one
 * block; the others go in a square grid to the right of that block. On an empty chart the file's
 * own positions are kept as they are.
 */
export function placeBeside(
  existing: readonly { x: number; y: number }[],
  created: readonly { entityId: string; position: { x: number; y: number } | undefined }[],
): { entityId: string; x: number; y: number }[] {
  const chart = boxOf(existing);
  const withPosition = created.filter((c): c is { entityId: string; position: { x: number; y: number } } => c.position !== undefined);
  const filed = boxOf(withPosition.map((c) => c.position));
  const dx = chart && filed ? chart.maxX + PLACEMENT_GAP - filed.minX : 0;
  const dy = chart && filed ? chart.minY - filed.minY : 0;
  const out = withPosition.map((c) => ({ entityId: c.entityId, x: c.position.x + dx, y: c.position.y + dy }));
  const rest = created.filter((c) => c.position === undefined);
  if (rest.length === 0) return out;
  const right = Math.max(chart ? chart.maxX : -Infinity, filed ? filed.maxX + dx : -Infinity);
  const left = Number.isFinite(right) ? right + PLACEMENT_GAP : 0;
  const top = chart ? chart.minY : filed ? filed.minY + dy : 0;
  const columns = Math.ceil(Math.sqrt(rest.length));
  rest.forEach((c, i) => out.push({ entityId: c.entityId, x: left + (i % columns) * GRID_STEP, y: top + Math.floor(i / columns) * GRID_STEP }));
  return out;
}
