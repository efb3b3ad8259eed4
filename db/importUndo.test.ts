import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyGraph, type GraphEntity, type InterchangeGraph } from '../app/interchange/graph';
import { createCaseFile, type CaseStore } from './caseFile';
import { chartPositions, defaultChart, saveChartPositions } from './charts';
import { listCitations } from './citations';
import { createEntityCommand } from './editing/entityCommands';
import { listEntities } from './entities';
import { HISTORY_LIMITS, historyState, redo, undo } from './history';
import { estimateImportHistoryBytes, planImport, runImport } from './importCase';
import { listLinks } from './links';
import { searchCase } from './search';
import { DEFERRED_INDEXING_MIN_ROWS } from './searchIndexing';
import { listSources } from './sources';
import { tempFolder } from './testing/tempCase';

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
beforeEach(() => {
  tmp = tempFolder('awb-importundo-');
  store = createCaseFile(tmp.file('c.awcase'), { name: 'Import undo' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const FILE = { name: 'network.graphml', sha256: 'feed', bytes: 10 };
const entity = (key: string, label: string, extra: Partial<GraphEntity> = {}): GraphEntity => ({
  key, type: 'person', label, aliases: [], description: null, startDate: null, endDate: null, attributes: {}, locator: `node ${key}`, ...extra,
});

/** n people in a chain (n - 1 links), as a GraphML file without evidence gives them. */
function chain(n: number, prefix = 'Member'): InterchangeGraph {
  const graph = emptyGraph('graphml');
  for (let i = 0; i < n; i++) graph.entities.push(entity(`n${i}`, `${prefix} ${i}`, { attributes: { rank: i } }));
  for (let i = 1; i < n; i++) {
    graph.links.push({ key: `e${i}`, type: 'associate_of', sourceKey: `n${i - 1}`, targetKey: `n${i}`, directed: false, label: null, description: null, startDate: null, endDate: null, attributes: { weight: i % 7 }, locator: `edge ${i}` });
  }
  return graph;
}

/** Twelve thousand rows written, undone and redone on a shared machine: a hang guard, not a speed claim. */
const BULK_TIMEOUT = 120_000;

const historyBytes = () => store.db.prepare('SELECT bytes FROM history ORDER BY seq DESC LIMIT 1').pluck().get() as number;

describe('an import is one undoable step', () => {
  it('Undo takes back the import, not the edit before it; Redo puts it back', () => {
    const before = createEntityCommand(store.db, { type: 'person', label: 'Made by hand' }).value;
    const { report, edit } = runImport(store.db, chain(30), FILE);
    expect(report.undoable).toBe(true);
    expect(edit).toMatchObject({ action: 'do', label: 'Import “network.graphml”' });
    expect(edit?.changed.entities).toHaveLength(30);
    expect(edit?.changed.links).toHaveLength(29);
    expect(edit?.changed.sources).toEqual([report.fileSourceId]);
    expect(historyState(store.db).undoLabel).toBe('Import “network.graphml”');

    const undone = undo(store.db);
    expect(undone?.label).toBe('Import “network.graphml”');
    expect(listEntities(store.db).map((e) => e.id)).toEqual([before.id]);
    expect(listLinks(store.db)).toHaveLength(0);
    expect(listSources(store.db)).toHaveLength(0);
    expect(listCitations(store.db)).toHaveLength(0);
    expect(historyState(store.db).undoLabel).toMatch(/Made by hand/);

    redo(store.db);
    expect(listEntities(store.db)).toHaveLength(31);
    expect(listCitations(store.db)).toHaveLength(59);
  });

  it('undoes a bulk import written with the search index deferred, and the index follows', () => {
    const graph = chain(3_000, 'Bulk');
    expect((graph.entities.length + graph.links.length) * 2).toBeGreaterThanOrEqual(DEFERRED_INDEXING_MIN_ROWS);
    const { report } = runImport(store.db, graph, FILE);
    expect(report).toMatchObject({ undoable: true, created: { entities: 3_000, links: 2_999, citations: 5_999 } });
    expect(searchCase(store.db, 'Bulk 2999').length).toBeGreaterThan(0);
    // The step stays within the history limits and the estimate the preview used was not too low.
    expect(historyBytes()).toBeLessThanOrEqual(HISTORY_LIMITS.bytes);
    expect(historyBytes()).toBeLessThanOrEqual(estimateImportHistoryBytes(graph));
    undo(store.db);
    expect(listEntities(store.db)).toHaveLength(0);
    expect(searchCase(store.db, 'Bulk 2999')).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(0);
    redo(store.db);
    expect(searchCase(store.db, 'Bulk 2999').length).toBeGreaterThan(0);
  }, BULK_TIMEOUT);

  it('past the history limit the preview says it cannot be undone, and after it nothing before it can be undone either', () => {
    createEntityCommand(store.db, { type: 'person', label: 'Made by hand' });
    const graph = chain(2);
    // One source text large enough that its row images alone would pass the 64 MB history limit.
    graph.sources.push({ key: 's', title: 'Dump', author: null, publisher: null, publishedDate: null, reference: null, reliability: 'C', body: 'x'.repeat(30_000_000), ofFile: false });
    const plan = planImport(store.db, graph, FILE);
    expect(plan.undo.undoable).toBe(false);
    expect(plan.undo.reason).toMatch(/too large to undo .* cannot be undone/);
    const { report, edit } = runImport(store.db, graph, FILE);
    expect(report.undoable).toBe(false);
    expect(edit).toBeNull();
    expect(historyState(store.db)).toMatchObject({ canUndo: false, canRedo: false });
    expect(undo(store.db)).toBeNull();
    expect(listEntities(store.db)).toHaveLength(3);
  }, BULK_TIMEOUT);
});

describe('what the preview counts is what the import creates', () => {
  it('counts the file as a source and its citation of each item (1 source and 59 citations, not 0 and 0)', () => {
    const graph = chain(30);
    graph.skipped.push({ what: 'hyperedge h1', reason: 'hyperedges have no equivalent' }, { what: 'hyperedge h2', reason: 'hyperedges have no equivalent' });
    const plan = planImport(store.db, graph, FILE);
    expect(plan.counts).toMatchObject({ sources: 1, citations: 59, notes: 0, skippedInFile: 2 });
    const { report } = runImport(store.db, graph, FILE);
    expect(report.created).toMatchObject({ sources: plan.counts.sources, citations: plan.counts.citations, notes: 0 });
    expect(report.skipped.inFile).toBe(2);
    expect(report.leftOut.map((s) => s.what)).toEqual(['hyperedge h1', 'hyperedge h2']);
    // The same file again: its source is reused, and the preview says no new source.
    expect(planImport(store.db, graph, FILE).counts.sources).toBe(0);
  });

  it('follows the analyst’s skips, the file’s own sources and citations, and notes', () => {
    const graph = chain(4);
    graph.sources.push({ key: 'r', title: 'Report', author: null, publisher: null, publishedDate: null, reference: null, reliability: 'B', body: null });
    graph.citations.push(
      { sourceKey: 'r', target: { kind: 'entity', key: 'n0' }, quote: 'Member 0 leads', locator: null, credibility: 2, comment: null },
      { sourceKey: 'r', target: { kind: 'entity', key: 'n3' }, quote: 'Member 3', locator: null, credibility: 3, comment: null },
      { sourceKey: 'r', target: { kind: 'link', key: 'e3' }, quote: 'they met', locator: null, credibility: 3, comment: null },
      { sourceKey: 'r', target: { kind: 'entity', key: 'n1' }, quote: '   ', locator: null, credibility: 3, comment: null },
    );
    graph.notes.push({ target: { kind: 'entity', key: 'n3' }, body: 'on a skipped entity', author: null, credibility: null }, { target: { kind: 'case' }, body: 'on the case', author: null, credibility: null });
    const decisions = { n3: { action: 'skip' as const } };
    const plan = planImport(store.db, graph, FILE, decisions);
    const { report } = runImport(store.db, graph, FILE, { decisions });
    expect(report.created).toMatchObject({ entities: 3, links: 2 });
    expect({ sources: plan.counts.sources, citations: plan.counts.citations, notes: plan.counts.notes }).toEqual({
      sources: report.created.sources,
      citations: report.created.citations,
      notes: report.created.notes,
    });
    expect(plan.counts).toMatchObject({ sources: 2, citations: 6, notes: 1 });
  });
});

describe('placement and values cut to fit', () => {
  it('places imported entities to the right of the chart already drawn, keeping the file’s arrangement', () => {
    const a = createEntityCommand(store.db, { type: 'person', label: 'A' }).value;
    const b = createEntityCommand(store.db, { type: 'person', label: 'B' }).value;
    const chartId = defaultChart(store.db).id;
    saveChartPositions(store.db, chartId, [
      { entityId: a.id, x: -100, y: 50 },
      { entityId: b.id, x: 400, y: 300 },
    ]);
    const graph = chain(6);
    graph.entities.forEach((e, i) => {
      if (i < 3) e.position = { x: 10 * i, y: 20 * i };
    });
    runImport(store.db, graph, FILE);
    const byLabel = new Map(listEntities(store.db).map((e) => [e.label, e.id]));
    const at = new Map(chartPositions(store.db, chartId).map((p) => [p.entityId, p]));
    const placed = graph.entities.map((e) => at.get(byLabel.get(e.label) ?? ''));
    expect(placed.every((p) => p !== undefined && p.x > 400)).toBe(true);
    // The file's own positions move as one block: same offsets between them, top-aligned with the chart.
    const [p0, p1, p2] = placed;
    expect([(p1?.x ?? 0) - (p0?.x ?? 0), (p2?.y ?? 0) - (p0?.y ?? 0), p0?.y]).toEqual([10, 40, 50]);
    // The existing entities did not move.
    expect(at.get(a.id)).toMatchObject({ x: -100, y: 50 });
    // Undo takes the placements back with the entities.
    undo(store.db);
    expect(chartPositions(store.db, chartId)).toHaveLength(2);
  });

  it('says which values are cut to fit, with the item, in the preview and the report', () => {
    const graph = chain(2);
    const name = `Abu ${'x'.repeat(8_000_000)}`;
    graph.entities.push(entity('long', name, { aliases: ['y'.repeat(1_500)] }));
    const plan = planImport(store.db, graph, FILE);
    expect(plan.cut).toEqual([
      { what: `entity "${name.slice(0, 60)}…"`, field: 'label', length: name.length, kept: 1000 },
      { what: `entity "${name.slice(0, 60)}…"`, field: 'alias', length: 1_500, kept: 1000 },
    ]);
    const { report } = runImport(store.db, graph, FILE);
    expect(report.cut).toEqual(plan.cut);
    expect(listEntities(store.db).find((e) => e.label.startsWith('Abu'))?.label).toHaveLength(1000);
  }, BULK_TIMEOUT);
});
