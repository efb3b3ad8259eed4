import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChartCache } from '../app/chartCache';
import { chartElements, type ChartElement } from '../app/chartElements';
import type { CaseRows, ChartData, EventName, EventPayloads } from '../app/contract';
import type { Entity, Link, Source } from '../app/domain';
import type { CaseEdit } from '../app/editing/types';
import type { ImportPreview } from '../app/interchange/plan';
import type { Result } from '../app/result';
import { createSampleCase } from '../db/samples';
import { testSeed } from '../db/testing/random';
import { tempFolder } from '../db/testing/tempCase';
import { CaseSession } from './caseSession';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { useBuiltInterchangeWorker } from './interchange/testing/workerBundle';
import { RecentCases } from './recentCases';

/**
 * The renderer's data flow, end to end in main's process: random sequences of edits (create,
 * rename, link, delete, merge, note, cite, regrade a source, move, take off the chart, put back,
 * expand a neighbourhood, undo, redo) run through the real
 * handlers on a real case file (the JNIM sample). After each step the renderer's cache
 * (app/chartCache.ts), fed only the `case.edited` deltas and the `case.rows` answers, holds
 * exactly what a full `chart.load` returns, and the chart elements it redrew (only those the
 * change names, applied to the previous ones) are exactly the elements a full reload draws.
 */

let tmp: ReturnType<typeof tempFolder>;
let session: CaseSession;
let edits: CaseEdit[];
let call: <T>(channel: string, input?: unknown) => Promise<Result<T>>;

beforeAll(() => {
  useBuiltInterchangeWorker();
});
beforeEach(() => {
  tmp = tempFolder('awb-delta-');
  session = new CaseSession();
  edits = [];
  const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => {
    if (event === 'case.edited') edits.push(payload as CaseEdit);
  };
  const handlers = createHandlers({
    session,
    dialogs: { chooseNewCasePath: () => Promise.resolve(null), chooseCaseToOpen: () => Promise.resolve(null) },
    recent: new RecentCases(tmp.file('recent.json')),
    emit,
  });
  call = <T>(channel: string, input?: unknown) =>
    dispatch(handlers, channel, input, (name, error) => {
      throw new Error(`${name} failed in main: ${String(error)}`);
    }) as Promise<Result<T>>;
});
afterEach(() => {
  session.close();
  tmp.cleanup();
});

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const result = await call<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** The renderer's side: the cache, and the chart elements as Cytoscape would hold them. */
class RendererModel {
  cache: ChartCache;
  drawn: Map<string, ChartElement>;
  /** Elements rebuilt by deltas so far (a full reload would rebuild every element each time). */
  touched = 0;
  constructor(data: ChartData) {
    this.cache = new ChartCache(data);
    this.drawn = new Map(chartElements(data).map((e) => [e.data.id, e]));
  }
  async apply(edit: CaseEdit): Promise<void> {
    expect(edit.version).toBe(this.cache.version + 1);
    const request = this.cache.rowsRequest(edit);
    const rows = await value<CaseRows>('case.rows', request);
    const change = this.cache.apply(request, rows, edit.version);
    for (const id of change.removed) this.drawn.delete(id);
    for (const element of this.cache.elementsFor(change.nodes, change.edges)) {
      this.drawn.set(element.data.id, element);
      this.touched += 1;
    }
  }
}

const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const sortedRecord = <V>(r: Record<string, V>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Chart data in a comparable form (orders do not matter; values do). */
function normalise(data: ChartData) {
  return {
    chartId: data.chartId,
    entities: byId(data.entities),
    links: byId(data.links),
    evidence: sortedRecord(data.evidence),
    positions: [...data.positions].sort((a, b) => (a.entityId < b.entityId ? -1 : 1)),
    linkStrengths: sortedRecord(data.linkStrengths),
    noteCounts: sortedRecord(data.noteCounts),
    annotations: byId(data.annotations),
    version: data.version,
  };
}

function elementsById(elements: Iterable<ChartElement>) {
  return [...elements].sort((a, b) => (a.data.id < b.data.id ? -1 : 1));
}

async function expectSameAsReload(model: RendererModel): Promise<void> {
  const full = await value<ChartData>('chart.load');
  expect(normalise(model.cache.toChartData())).toEqual(normalise(full));
  expect(elementsById(model.drawn.values())).toEqual(elementsById(chartElements(full)));
}

/** Drains the announcements made since the last call into the renderer model. */
async function deliver(model: RendererModel): Promise<number> {
  const pending = edits.splice(0);
  for (const edit of pending) await model.apply(edit);
  return pending.length;
}

type Action =
  | { kind: 'create'; label: string; placed: boolean }
  | { kind: 'rename'; pick: number; label: string }
  | { kind: 'colour'; pick: number; color: string | null }
  | { kind: 'locate'; pick: number; place: number; latitude: number | null }
  | { kind: 'link'; a: number; b: number }
  | { kind: 'relink'; pick: number; b: number }
  | { kind: 'deleteEntity'; pick: number }
  | { kind: 'deleteLink'; pick: number }
  | { kind: 'merge'; a: number; b: number }
  | { kind: 'note'; on: number; onLink: boolean }
  | { kind: 'cite'; on: number; onLink: boolean; source: number; at: number; credibility: number }
  | { kind: 'uncite'; pick: number }
  | { kind: 'regrade'; source: number; reliability: string }
  | { kind: 'strength'; pick: number; strength: 'confirmed' | 'tentative' | null }
  | { kind: 'move'; pick: number; x: number; y: number }
  | { kind: 'callout'; on: number }
  | { kind: 'offChart'; pick: number; count: number }
  | { kind: 'onChart'; pick: number }
  | { kind: 'expand'; pick: number; hops: number }
  | { kind: 'undo' }
  | { kind: 'redo' };

const pick = fc.nat({ max: 200 });
const label = fc.constantFrom('JNIM', 'Katiba Macina', 'Ansar Dine', 'Courier', 'Safe house');
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('create' as const), label, placed: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('rename' as const), pick, label }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('colour' as const), pick, color: fc.option(fc.constantFrom('#d62728', '#1f77b4'), { nil: null }) }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('locate' as const), pick, place: pick, latitude: fc.option(fc.integer({ min: -80, max: 80 }), { nil: null }) }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('link' as const), a: pick, b: pick }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('relink' as const), pick, b: pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('deleteEntity' as const), pick }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('deleteLink' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('merge' as const), a: pick, b: pick }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('note' as const), on: pick, onLink: fc.boolean() }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant('cite' as const), on: pick, onLink: fc.boolean(), source: pick, at: fc.nat({ max: 5000 }), credibility: fc.integer({ min: 1, max: 6 }) }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('uncite' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('regrade' as const), source: pick, reliability: fc.constantFrom('A', 'C', 'F') }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('strength' as const), pick, strength: fc.constantFrom('confirmed' as const, 'tentative' as const, null) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('move' as const), pick, x: fc.integer({ min: -900, max: 900 }), y: fc.integer({ min: -900, max: 900 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('callout' as const), on: pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('offChart' as const), pick, count: fc.integer({ min: 1, max: 6 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('onChart' as const), pick }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('expand' as const), pick, hops: fc.integer({ min: 1, max: 2 }) }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'undo' as const }), weight: 4 },
  { arbitrary: fc.constant({ kind: 'redo' as const }), weight: 3 },
);

const at = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

/** Entities of the case seen on the chart at some point; those not on it now were taken off (or deleted). */
const seen = new Set<string>();
function offChartEntities(model: RendererModel): string[] {
  for (const id of model.cache.entities.keys()) seen.add(id);
  return [...seen].filter((id) => !model.cache.entities.has(id)).sort();
}

/** Runs one action through the channels; refusals (a merge of an entity with itself…) change nothing. */
async function perform(model: RendererModel, a: Action, sources: readonly Source[]): Promise<void> {
  const entities = byId([...model.cache.entities.values()]);
  const links = byId([...model.cache.links.values()]);
  const chartId = model.cache.chartId;
  switch (a.kind) {
    case 'create':
      await call<Entity>('entity.create', { type: 'person', label: a.label, ...(a.placed ? { position: { chartId, x: 10, y: 20 } } : {}) });
      return;
    case 'rename': {
      const e = at(entities, a.pick);
      if (e) await call('entity.update', { id: e.id, changes: { label: `${a.label} ${a.pick}` } });
      return;
    }
    case 'colour': {
      const e = at(entities, a.pick);
      if (e) await call('entity.update', { id: e.id, changes: { color: a.color } });
      return;
    }
    case 'locate': {
      // Coordinates, none, or the place picked (refused when it has no coordinates: nothing changes).
      const e = at(entities, a.pick);
      const place = at(entities, a.place);
      if (!e) return;
      if (a.latitude !== null) await call('entity.setLocation', { id: e.id, location: { latitude: a.latitude, longitude: a.pick % 180, precision: 'point' } });
      else if (place && place.id !== e.id && a.place % 2 === 0) await call('entity.setLocation', { id: e.id, location: { placeId: place.id, precision: 'city' } });
      else await call('entity.setLocation', { id: e.id, location: null });
      return;
    }
    case 'link': {
      const s = at(entities, a.a);
      const t = at(entities, a.b);
      if (s && t && s.id !== t.id) await call<Link>('link.create', { type: 'associate_of', sourceId: s.id, targetId: t.id, directed: false });
      return;
    }
    case 'relink': {
      const l = at(links, a.pick);
      const t = at(entities, a.b);
      if (l && t && t.id !== l.sourceId) await call('link.update', { id: l.id, changes: { targetId: t.id } });
      return;
    }
    case 'deleteEntity': {
      const e = at(entities, a.pick);
      if (e) await call('entity.delete', { ids: [e.id] });
      return;
    }
    case 'deleteLink': {
      const l = at(links, a.pick);
      if (l) await call('link.delete', { ids: [l.id] });
      return;
    }
    case 'merge': {
      const s = at(entities, a.a);
      const b = at(entities, a.b);
      if (s && b && s.id !== b.id) await call('entity.merge', { survivorId: s.id, absorbedId: b.id });
      return;
    }
    case 'note': {
      const target = a.onLink ? at(links, a.on) : at(entities, a.on);
      if (target) await call('note.create', { target: { kind: a.onLink ? 'link' : 'entity', id: target.id }, body: 'Seen in Gao.' });
      return;
    }
    case 'cite': {
      const target = a.onLink ? at(links, a.on) : at(entities, a.on);
      const source = at(sources, a.source);
      if (!target || !source?.body) return;
      const start = a.at % Math.max(1, source.body.length - 40);
      await call('citation.create', {
        sourceId: source.id,
        target: { kind: a.onLink ? 'link' : 'entity', id: target.id },
        quote: source.body.slice(start, start + 30),
        range: { start, end: start + 30 },
        credibility: a.credibility,
      });
      return;
    }
    case 'uncite': {
      const withEvidence = [...entities, ...links].filter((item) => model.cache.evidence.has(item.id));
      const item = at(withEvidence, a.pick);
      if (!item) return;
      const detail = await value<{ citations: { id: string }[] }>(model.cache.entities.has(item.id) ? 'entity.get' : 'link.get', { id: item.id });
      const citation = detail.citations[0];
      if (citation) await call('citation.delete', { id: citation.id });
      return;
    }
    case 'regrade': {
      const source = at(sources, a.source);
      if (source) await call('source.update', { id: source.id, changes: { reliability: a.reliability } });
      return;
    }
    case 'strength': {
      const l = at(links, a.pick);
      if (l) await call('link.update', { id: l.id, changes: { strength: a.strength } });
      return;
    }
    case 'move': {
      const e = at(entities, a.pick);
      if (e) await call('chart.moveNodes', { chartId, positions: [{ entityId: e.id, x: a.x, y: a.y }] });
      return;
    }
    case 'callout': {
      const e = at(entities, a.on);
      if (e) await call('annotation.create', { entityId: e.id, x: 30, y: -30, text: 'Watch' });
      return;
    }
    case 'offChart': {
      const ids = Array.from({ length: a.count }, (_, i) => at(entities, a.pick + i * 7)?.id).filter((id): id is string => id !== undefined);
      if (ids.length > 0) await call('chart.removeEntities', { chartId, entityIds: [...new Set(ids)] });
      return;
    }
    case 'onChart': {
      const id = at(offChartEntities(model), a.pick);
      if (id) await call('chart.addEntities', { chartId, entityIds: [id] });
      return;
    }
    case 'expand': {
      const e = at(entities, a.pick);
      if (e) await call('chart.expand', { chartId, entityIds: [e.id], hops: a.hops });
      return;
    }
    case 'undo':
      await call('history.undo');
      return;
    case 'redo':
      await call('history.redo');
      return;
  }
}

describe('renderer cache fed by case.edited deltas', () => {
  it('holds what a full reload holds after any sequence of edits, undo and redo', async () => {
    const seed = testSeed();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        const path = tmp.file(`case-${runs++}.awcase`);
        createSampleCase(path, 'jnim');
        session.open(path);
        edits.length = 0;
        const sources = (await value<Source[]>('source.list')).length > 0 ? await sourcesWithText() : [];
        const model = new RendererModel(await value<ChartData>('chart.load'));
        seen.clear();
        for (const a of actions) {
          offChartEntities(model);
          await perform(model, a, sources);
          await deliver(model);
          await expectSameAsReload(model);
        }
        session.close();
      }),
      { numRuns: Number(process.env.AWB_DELTA_RUNS) || 25, seed },
    );
  }, 300_000);

  it('applies an import, and the first placement of its nodes, as deltas', async () => {
    const path = tmp.file('import.awcase');
    createSampleCase(path, 'jnim');
    session.open(path);
    const model = new RendererModel(await value<ChartData>('chart.load'));
    const preview = await value<ImportPreview>('interchange.preview', { path: '../shared/fixtures/gexf/les_miserables.gexf', format: 'auto' });
    await value('interchange.import', { previewId: preview.previewId, fileReliability: 'C' });
    expect(await deliver(model)).toBe(1);
    await expectSameAsReload(model);
    expect(model.cache.entities.size).toBeGreaterThan(72 + 70);

    // The renderer places nodes the import left without positions and saves them: announced too.
    const unplaced = [...model.cache.entities.keys()].filter((id) => !model.cache.positions.has(id));
    if (unplaced.length > 0) {
      await value('chart.savePositions', { chartId: model.cache.chartId, positions: unplaced.map((entityId, i) => ({ entityId, x: i, y: -i })) });
      expect(await deliver(model)).toBe(1);
      await expectSameAsReload(model);
    }
  }, 60_000);

  it('rebuilds only the elements an edit changed', async () => {
    const path = tmp.file('touch.awcase');
    createSampleCase(path, 'jnim');
    session.open(path);
    const model = new RendererModel(await value<ChartData>('chart.load'));
    const isolated = await value<Entity>('entity.create', { type: 'person', label: 'Alone' });
    await deliver(model);
    model.touched = 0;
    await value('entity.update', { id: isolated.id, changes: { label: 'Still alone' } });
    await deliver(model);
    await expectSameAsReload(model);
    // One node renamed: one element rebuilt, of the chart's hundreds.
    expect(model.touched).toBe(1);
    expect(model.drawn.size).toBeGreaterThan(100);
  }, 60_000);

  async function sourcesWithText(): Promise<Source[]> {
    const list = await value<{ id: string; hasBody: boolean }[]>('source.list');
    const out: Source[] = [];
    for (const s of list.filter((x) => x.hasBody).slice(0, 3)) out.push(await value<Source>('source.get', { id: s.id }));
    return out;
  }
});
