import { randomUUID } from 'node:crypto';
import type { Reliability } from '../../app/domain';
import { FORMAT_LABELS, type ImportFormat, type InterchangeGraph } from '../../app/interchange/graph';
import type { ImportOptions } from '../../app/interchange/parse';
import type { EntityDecision, ImportPlan, ImportPreview, ImportReport } from '../../app/interchange/plan';
import type { CaseStore } from '../../db/caseFile';
import { planImport, runImport, type ImportFile, type ImportOutcome } from '../../db/importCase';
import type { ParsedFileFacts } from './parseJob';
import { parseFileInWorker, type ParseFileOptions } from './parseHost';

/** How many "create" items a preview lists (merges and skips are always listed in full). */
const PREVIEW_LIST_LIMIT = 500;
/** Previews kept waiting for a commit; older ones are dropped. */
const PENDING_LIMIT = 3;

interface Pending {
  graph: InterchangeGraph;
  file: ParsedFileFacts;
  casePath: string;
}

export function importFileOf(file: ParsedFileFacts): ImportFile {
  return { name: file.name, sha256: file.sha256, bytes: file.bytes };
}

/** The plan with long lists cut for display: every merge and skip, and the first creations. */
export function trimPlan(plan: ImportPlan, limit = PREVIEW_LIST_LIMIT): { plan: ImportPlan; truncated: { entities: boolean; links: boolean } } {
  const trim = <T extends { action: string }>(items: T[]): [T[], boolean] => {
    let creates = 0;
    const kept = items.filter((item) => item.action !== 'create' || creates++ < limit);
    return [kept, kept.length < items.length];
  };
  const [entities, entitiesCut] = trim(plan.entities);
  const [links, linksCut] = trim(plan.links);
  return { plan: { ...plan, entities, links }, truncated: { entities: entitiesCut, links: linksCut } };
}

export class PreviewExpiredError extends Error {}

/** The analyst's choices at commit: merges and skips, and the grade of the file as a source. */
export interface CommitChoices {
  decisions?: Record<string, EntityDecision>;
  fileReliability?: Reliability;
}

/**
 * Import in two steps: `preview` parses the file in the worker and says what would happen;
 * `commit` writes that parse in one transaction with the analyst's decisions. The parsed graph
 * waits in memory between the two, keyed by the preview id, for the case it was made against.
 */
export class ImportSessions {
  private readonly pending = new Map<string, Pending>();
  private readonly parse: (path: string, options: ParseFileOptions) => Promise<{ graph: InterchangeGraph; file: ParsedFileFacts }>;

  constructor(parse = parseFileInWorker) {
    this.parse = parse;
  }

  async preview(store: CaseStore, path: string, request: { format?: ImportFormat | 'auto'; options?: ImportOptions; signal?: AbortSignal } = {}): Promise<ImportPreview> {
    const { graph, file } = await this.parse(path, { format: request.format ?? 'auto', options: request.options ?? {}, ...(request.signal ? { signal: request.signal } : {}) });
    const plan = planImport(store.db, graph, importFileOf(file));
    const previewId = randomUUID();
    this.pending.set(previewId, { graph, file, casePath: store.path });
    while (this.pending.size > PENDING_LIMIT) this.pending.delete(this.pending.keys().next().value as string);
    const trimmed = trimPlan(plan);
    return {
      previewId,
      file: { name: file.name, path: file.path, bytes: file.bytes, sha256: file.sha256, format: graph.format, formatLabel: FORMAT_LABELS[graph.format] },
      ...trimmed,
      ...(graph.table ? { table: graph.table } : {}),
    };
  }

  /** Writes the previewed import as one undoable step and returns its report. */
  commit(store: CaseStore, previewId: string, options: CommitChoices = {}): ImportReport {
    return this.commitStep(store, previewId, options).report;
  }

  /** Writes the previewed import as one undoable step; the edit is what main announces. */
  commitStep(store: CaseStore, previewId: string, options: CommitChoices = {}): ImportOutcome {
    const pending = this.pending.get(previewId);
    if (!pending || pending.casePath !== store.path) {
      throw new PreviewExpiredError('That import preview is no longer available (the case changed or it was replaced); preview the file again.');
    }
    const outcome = runImport(store.db, pending.graph, importFileOf(pending.file), options);
    this.pending.delete(previewId);
    return outcome;
  }

  discard(previewId: string): void {
    this.pending.delete(previewId);
  }
}
