import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHART_WARN_NODES } from '../app/chart/chartScale';
import { CASE_APPLICATION_ID, createCaseFile, migrate, openCaseFile, type CaseStore } from './caseFile';
import {
  addToChartCommand,
  chartEntityIds,
  expandCommand,
  loadChartView,
  offChartLinks,
  previewExpand,
  putOnChart,
  removeFromChartCommand,
  sunflower,
} from './chartMembership';
import { chartPositions, defaultChart, saveChartPositions } from './charts';
import { createEntityCommand, deleteEntitiesCommand } from './editing/entityCommands';
import { insertAnnotation } from './annotations';
import { caseRowsFor } from './caseRows';
import { insertEntity, listEntities } from './entities';
import { redo, undo } from './history';
import { insertLink, linkEndsOf } from './links';
import { insertNote } from './notes';
import { tempFolder } from './testing/tempCase';

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
let chartId: string;
beforeEach(() => {
  tmp = tempFolder();
  store = createCaseFile(tmp.file('m.awcase'), { name: 'Membership' });
  chartId = defaultChart(store.db).id;
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const onChart = () => new Set(chartEntityIds(store.db, chartId));

/** hub — a, b, c (persons) and hub — org (organization); a — far (two hops from the hub). */
function star() {
  const e = (label: string, type = 'person') => insertEntity(store.db, { type, label }).id;
  const hub = e('Hub');
  const a = e('A');
  const b = e('B');
  const c = e('C');
  const org = e('Org', 'organization');
  const far = e('Far', 'vehicle');
  insertLink(store.db, { type: 'knows', sourceId: hub, targetId: a, directed: true });
  insertLink(store.db, { type: 'knows', sourceId: b, targetId: hub, directed: true });
  insertLink(store.db, { type: 'knows', sourceId: hub, targetId: c, directed: false });
  insertLink(store.db, { type: 'member_of', sourceId: hub, targetId: org, directed: true });
  insertLink(store.db, { type: 'uses', sourceId: a, targetId: far, directed: true });
  return { hub, a, b, c, org, far };
}

describe('the chart is a view onto the case', () => {
  it("names an entity's link ends from the case, each once, whether or not they are on the chart", () => {
    const { hub, a, b, c, org } = star();
    insertLink(store.db, { type: 'knows', sourceId: a, targetId: hub, directed: true });
    expect(onChart().size).toBe(0);
    expect(linkEndsOf(store.db, hub).sort((p, q) => p.label.localeCompare(q.label))).toEqual([
      { id: a, label: 'A', type: 'person' },
      { id: b, label: 'B', type: 'person' },
      { id: c, label: 'C', type: 'person' },
      { id: org, label: 'Org', type: 'organization' },
    ]);
    expect(linkEndsOf(store.db, org)).toEqual([{ id: hub, label: 'Hub', type: 'person' }]);
  });

  it('a callout leaves the chart with its entity and comes back with it, stored meanwhile', () => {
    const { hub, a } = star();
    putOnChart(store.db, chartId, [hub, a]);
    const onA = insertAnnotation(store.db, { chartId, entityId: a, x: 1, y: 2, text: 'Watch A' });
    const free = insertAnnotation(store.db, { chartId, entityId: null, x: 3, y: 4, text: 'Free' });
    expect(loadChartView(store.db, chartId).annotations.map((n) => n.id).sort()).toEqual([onA.id, free.id].sort());

    removeFromChartCommand(store.db, chartId, [a]);
    expect(loadChartView(store.db, chartId).annotations.map((n) => n.id)).toEqual([free.id]);
    // Asked for by id while its entity is off the chart, it is not shown either.
    expect(caseRowsFor(store.db, { chartId, entityIds: [], linkIds: [], positionIds: [], annotationIds: [onA.id] }).annotations).toEqual([]);

    addToChartCommand(store.db, chartId, [a]);
    expect(loadChartView(store.db, chartId).annotations.map((n) => n.id).sort()).toEqual([onA.id, free.id].sort());
    // The rows for an entity put back bring its callouts, so a cache fed by deltas shows them again.
    expect(caseRowsFor(store.db, { chartId, entityIds: [a], linkIds: [], positionIds: [], annotationIds: [] }).annotations.map((n) => n.id)).toEqual([onA.id]);
  });

  it('chart.load returns the chart’s entities and only the links between them', () => {
    const { hub, a, b, far } = star();
    putOnChart(store.db, chartId, [hub, a]);
    saveChartPositions(store.db, chartId, [{ entityId: hub, x: 1, y: 2 }]);
    insertNote(store.db, { target: { kind: 'entity', id: a }, body: 'seen' });
    insertNote(store.db, { target: { kind: 'entity', id: b }, body: 'not on the chart' });
    const view = loadChartView(store.db, chartId);
    expect(view.entities.map((e) => e.label)).toEqual(['A', 'Hub']);
    expect(view.links.map((l) => [l.sourceId, l.targetId])).toEqual([[hub, a]]);
    expect(view.positions).toEqual([{ entityId: hub, x: 1, y: 2 }]);
    expect(view.noteCounts).toEqual({ [a]: 1 });
    expect(Object.keys(view.linkStrengths)).toEqual(view.links.map((l) => l.id));
    expect(view.entities.map((e) => e.id)).not.toContain(far);
  });

  it('an entity the analyst creates goes on the chart; one deleted from the case leaves it', () => {
    const created = createEntityCommand(store.db, { type: 'person', label: 'New' }).value;
    expect(onChart().has(created.id)).toBe(true);
    deleteEntitiesCommand(store.db, { ids: [created.id] });
    expect(onChart().has(created.id)).toBe(false);
  });

  it('previews an expansion by type, then adds it as one undoable step placed around the entity', () => {
    const { hub, a, b, c, org, far } = star();
    putOnChart(store.db, chartId, [hub]);
    saveChartPositions(store.db, chartId, [{ entityId: hub, x: 100, y: -50 }]);

    const one = previewExpand(store.db, { chartId, entityIds: [hub], hops: 1 });
    expect(one).toEqual({
      total: 4,
      byType: [
        { type: 'person', count: 3 },
        { type: 'organization', count: 1 },
      ],
      onChart: 1,
      warn: false,
      limit: CHART_WARN_NODES,
    });
    expect(previewExpand(store.db, { chartId, entityIds: [hub], hops: 2 }).total).toBe(5);
    expect(previewExpand(store.db, { chartId, entityIds: [hub], hops: 2, types: ['vehicle'] }).byType).toEqual([{ type: 'vehicle', count: 1 }]);

    const outcome = expandCommand(store.db, { chartId, entityIds: [hub], hops: 1, types: ['person'] });
    expect(outcome.value.added).toBe(3);
    expect(outcome.edit?.label).toBe('Expand “Hub” (1 hop)');
    expect(outcome.edit?.positionsChanged).toBe(true);
    expect(onChart()).toEqual(new Set([hub, a, b, c]));
    // Placed around the hub, each at its own place.
    const placed = chartPositions(store.db, chartId).filter((p) => p.entityId !== hub);
    expect(placed).toHaveLength(3);
    for (const p of placed) expect(Math.hypot(p.x - 100, p.y + 50)).toBeLessThan(300);
    expect(new Set(placed.map((p) => `${p.x},${p.y}`)).size).toBe(3);
    // What is on the chart already is not counted again.
    expect(previewExpand(store.db, { chartId, entityIds: [hub], hops: 1 }).byType).toEqual([{ type: 'organization', count: 1 }]);

    expect(undo(store.db)?.label).toBe('Expand “Hub” (1 hop)');
    expect(onChart()).toEqual(new Set([hub]));
    redo(store.db);
    expect(onChart()).toEqual(new Set([hub, a, b, c]));
    expect(org).toBeDefined();
    expect(far).toBeDefined();
  });

  it('adds only the top N by degree when asked', () => {
    const { hub, a, b, c, org } = star();
    putOnChart(store.db, chartId, [b]);
    const added = addToChartCommand(store.db, chartId, [a, hub, c, org], { top: 2 }).value;
    // The hub has 4 links, A has 2, C and Org 1 each.
    expect(new Set(added.entityIds)).toEqual(new Set([hub, a]));
  });

  it('removes from the chart without deleting from the case, and undo puts them back where they stood', () => {
    const { hub, a, b } = star();
    putOnChart(store.db, chartId, [hub, a, b]);
    saveChartPositions(store.db, chartId, [
      { entityId: hub, x: 0, y: 0 },
      { entityId: a, x: 10, y: 20 },
      { entityId: b, x: -5, y: 7 },
    ]);
    const outcome = removeFromChartCommand(store.db, chartId, [a, b]);
    expect(outcome.value.removed).toBe(2);
    expect(outcome.edit?.label).toBe('Remove 2 entities from the chart');
    expect(onChart()).toEqual(new Set([hub]));
    expect(listEntities(store.db)).toHaveLength(6);
    expect(loadChartView(store.db, chartId).links).toEqual([]);
    expect(offChartLinks(store.db, chartId, hub)).toEqual({ entityId: hub, links: 4, entities: 4 });

    undo(store.db);
    expect(onChart()).toEqual(new Set([hub, a, b]));
    expect(chartPositions(store.db, chartId)).toEqual(
      [
        { entityId: hub, x: 0, y: 0 },
        { entityId: a, x: 10, y: 20 },
        { entityId: b, x: -5, y: 7 },
      ].sort((p, q) => (p.entityId < q.entityId ? -1 : 1)),
    );
    expect(offChartLinks(store.db, chartId, hub)).toEqual({ entityId: hub, links: 2, entities: 2 });
    redo(store.db);
    expect(onChart()).toEqual(new Set([hub]));
  });

  it('adding what is already on the chart changes nothing and leaves no step', () => {
    const { hub } = star();
    putOnChart(store.db, chartId, [hub]);
    expect(addToChartCommand(store.db, chartId, [hub]).edit).toBeNull();
    expect(previewExpand(store.db, { chartId, entityIds: [hub], hops: 1 }).warn).toBe(false);
  });

  it('warns when an expansion would take the chart past the limit', () => {
    const hub = insertEntity(store.db, { type: 'person', label: 'Hub' }).id;
    store.db.transaction(() => {
      for (let i = 0; i < CHART_WARN_NODES; i++) {
        const n = insertEntity(store.db, { type: 'person', label: `N${i}` }).id;
        insertLink(store.db, { type: 'knows', sourceId: hub, targetId: n, directed: false });
      }
    })();
    putOnChart(store.db, chartId, [hub]);
    const preview = previewExpand(store.db, { chartId, entityIds: [hub], hops: 1 });
    expect(preview).toMatchObject({ total: CHART_WARN_NODES, onChart: 1, warn: true });
  });

  it('places new nodes evenly, none on top of another', () => {
    const points = sunflower({ x: 0, y: 0 }, 2000);
    let closest = Infinity;
    for (let i = 0; i < points.length; i += 37) {
      for (let j = 0; j < points.length; j++) {
        if (i === j) continue;
        const p = points[i]!;
        const q = points[j]!;
        closest = Math.min(closest, Math.hypot(p.x - q.x, p.y - q.y));
      }
    }
    expect(closest).toBeGreaterThan(30);
  });
});

describe('migration 0070: chart membership', () => {
  function caseAtVersion(path: string, version: number): Database.Database {
    const db = new Database(path);
    db.pragma(`application_id = ${CASE_APPLICATION_ID}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, version);
    return db;
  }

  it('a small case keeps showing every entity, placed ones where they were, pins kept', () => {
    const path = tmp.file('v60.awcase');
    const db = caseAtVersion(path, 60);
    const a = insertEntity(db, { type: 'person', label: 'Placed' }).id;
    const b = insertEntity(db, { type: 'person', label: 'Never drawn' }).id;
    insertLink(db, { type: 'knows', sourceId: a, targetId: b, directed: true });
    const chart = db.prepare('SELECT id FROM charts').pluck().get() as string;
    db.prepare('INSERT INTO chart_nodes (chart_id, entity_id, x, y, pinned) VALUES (?, ?, 3.5, -1, 1)').run(chart, a);
    db.close();

    const upgraded = openCaseFile(path);
    const view = loadChartView(upgraded.db, chart);
    expect(view.entities.map((e) => e.label)).toEqual(['Never drawn', 'Placed']);
    expect(view.links).toHaveLength(1);
    expect(view.positions).toEqual([{ entityId: a, x: 3.5, y: -1 }]);
    expect(upgraded.db.prepare('SELECT entity_id FROM chart_nodes WHERE pinned = 1').pluck().all()).toEqual([a]);
    const indexes = upgraded.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'links' ORDER BY name").pluck().all();
    expect(indexes).toEqual(['links_source_target', 'links_target_source', 'links_type', 'sqlite_autoindex_links_1']);
    expect(upgraded.db.pragma('foreign_key_check')).toEqual([]);
    upgraded.close();
  });

  it('a case too large to draw keeps only the entities it had placed', () => {
    const path = tmp.file('v60-large.awcase');
    const db = caseAtVersion(path, 60);
    const chart = db.prepare('SELECT id FROM charts').pluck().get() as string;
    let first = '';
    db.transaction(() => {
      for (let i = 0; i <= CHART_WARN_NODES; i++) {
        const id = insertEntity(db, { type: 'person', label: `P${i}` }).id;
        if (i === 0) first = id;
      }
      db.prepare('INSERT INTO chart_nodes (chart_id, entity_id, x, y) VALUES (?, ?, 0, 0)').run(chart, first);
    })();
    db.close();
    const upgraded = openCaseFile(path);
    expect(chartEntityIds(upgraded.db, chart)).toEqual([first]);
    upgraded.close();
  });
});
