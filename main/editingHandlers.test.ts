import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChartData, EntityDetail, HistoryStep, LinkDetail } from '../app/contract';
import type { Annotation, CaseDocument, CitationWithSource, Entity, Link, Note, Source } from '../app/domain';
import type { CaseEdit, DeletePreview, HistoryState, MergeResult, NoteListItem, SearchHit, SourceSummary } from '../app/editing/types';
import type { Result } from '../app/result';
import { tempFolder } from '../db/testing/tempCase';
import { CaseSession } from './caseSession';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { scriptedDialogs } from './testing/handlerHarness';
import { RecentCases } from './recentCases';
import { runCli } from './workbench';

/** The editing channels as the renderer calls them: through the dispatcher, with the contract's schemas. */

let scripted: ReturnType<typeof scriptedDialogs>;
let tmp: ReturnType<typeof tempFolder>;
let session: CaseSession;
let edits: CaseEdit[];
let internal: unknown[];
let call: <T>(channel: string, input?: unknown) => Promise<Result<T>>;

beforeEach(() => {
  tmp = tempFolder();
  session = new CaseSession();
  edits = [];
  internal = [];
  scripted = scriptedDialogs();
  const handlers = createHandlers({
    session,
    dialogs: scripted.dialogs,
    recent: new RecentCases(tmp.file('recent.json')),
    emit: (event, payload) => {
      if (event === 'case.edited') edits.push(payload as CaseEdit);
    },
  });
  call = async <T>(channel: string, input?: unknown) => {
    const result = (await dispatch(handlers, channel, input, (_c, error) => internal.push(error))) as Result<T>;
    // Everything main answers must survive Electron's structured clone.
    expect(() => structuredClone(result)).not.toThrow();
    return result;
  };
});
afterEach(() => {
  expect(internal).toEqual([]);
  session.close();
  tmp.cleanup();
});

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const result = await call<T>(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function error(channel: string, input?: unknown): Promise<{ code: string; message: string }> {
  const result = await call(channel, input);
  if (result.ok) throw new Error(`${channel} should have been refused`);
  return result.error;
}

async function openNewCase(): Promise<void> {
  scripted.answer(tmp.file('edit.awcase'));
  await value('case.new', {});
}

describe('editing channels', () => {
  it('create, edit, delete with a preview, undo and redo, each announced by case.edited', async () => {
    await openNewCase();
    const jnim = await value<Entity>('entity.create', { type: 'armed_group', label: 'JNIM', aliases: ['GSIM'] });
    expect(edits.at(-1)).toMatchObject({ action: 'do', label: 'Create “JNIM”', changed: { entities: [jnim.id] }, history: { canUndo: true } });
    const aqim = await value<Entity>('entity.create', { type: 'armed_group', label: 'AQIM' });
    const link = await value<Link>('link.create', { type: 'affiliate_of', sourceId: jnim.id, targetId: aqim.id, directed: true });
    await value<Note>('note.create', { target: { kind: 'link', id: link.id }, body: 'Allegiance renewed in 2017.' });
    await value<Entity>('entity.update', { id: jnim.id, changes: { color: '#D62728', description: 'Coalition' } });

    const preview = await value<DeletePreview>('entity.deletePreview', { ids: [aqim.id] });
    expect(preview.summary).toBe('Deleting “AQIM” also deletes 1 link and 1 note.');
    const eventsBefore = edits.length;
    const deleted = await value<DeletePreview>('entity.delete', { ids: [aqim.id] });
    expect(deleted).toEqual(preview);
    expect(edits).toHaveLength(eventsBefore + 1);
    expect(edits.at(-1)?.changed).toMatchObject({ entities: [aqim.id], links: [link.id] });

    const undone = await value<HistoryStep>('history.undo');
    expect(undone.edit).toMatchObject({ action: 'undo', label: 'Delete “AQIM”' });
    expect(undone.history).toMatchObject({ canRedo: true, redoLabel: 'Delete “AQIM”' });
    expect(edits.at(-1)?.action).toBe('undo');
    const detail = await value<LinkDetail>('link.get', { id: link.id });
    expect(detail.notes.map((n) => n.body)).toEqual(['Allegiance renewed in 2017.']);
    expect(detail.strength).toEqual({ effective: 'tentative', derived: 'tentative', override: null });

    const redone = await value<HistoryStep>('history.redo');
    expect(redone.edit?.action).toBe('redo');
    expect((await error('link.get', { id: link.id })).code).toBe('not_found');
    const state = await value<HistoryState>('history.state');
    expect(state.entries.map((e) => [e.label, e.done])).toEqual([
      ['Create “JNIM”', true],
      ['Create “AQIM”', true],
      ['Link “JNIM” affiliate of “AQIM”', true],
      ['Add note to the link JNIM → AQIM', true],
      ['Edit “JNIM”', true],
      ['Delete “AQIM”', true],
    ]);
    // Nothing to redo: a valid answer that changes nothing.
    expect(await value<HistoryStep>('history.redo')).toMatchObject({ edit: null, history: { canRedo: false } });
  });

  it('refuses bad input with a sentence, and announces nothing', async () => {
    await openNewCase();
    expect(await error('entity.create', { type: 'person', label: '' })).toEqual({
      code: 'invalid_input',
      message: 'An entity needs a label.',
      issues: [{ path: ['label'], message: 'An entity needs a label.' }],
    });
    expect((await error('entity.create', { type: 'person', label: 'L'.repeat(2000) })).message).toBe(
      'A label can be at most 1,000 characters; this one has 2,000.',
    );
    expect((await error('entity.create', { type: 'person', label: 'Dated', startDate: '2020', endDate: '2019-05' })).message).toBe(
      'The end date (May 2019) is before the start date (2020).',
    );
    const a = await value<Entity>('entity.create', { type: 'person', label: 'A' });
    const b = await value<Entity>('entity.create', { type: 'person', label: 'B' });
    await value('entity.delete', { ids: [b.id] });
    const count = edits.length;
    expect(await error('link.create', { type: 'leads', sourceId: a.id, targetId: b.id, directed: true })).toEqual({
      code: 'not_found',
      message: 'The entity at the end of this link is no longer in the case.',
    });
    expect((await error('entity.create', { type: 'person', label: 'x', extra: 1 })).code).toBe('invalid_input');
    expect((await error('note.create', { target: { kind: 'case' }, body: 'x'.repeat(3 * 1024 * 1024) })).message).toBe(
      'A note can hold up to 2 MB of text; this one is 3 MB. Split it into several notes.',
    );
    expect(edits).toHaveLength(count);
  });

  it('stores HTML verbatim and a 1 MB note, and lists notes with a filter', async () => {
    await openNewCase();
    const label = '<script>alert("x")</script>';
    const e = await value<Entity>('entity.create', { type: 'person', label, aliases: ['<img src=x onerror=alert(1)>'] });
    const big = `# Report\n\n${'Convoy sighted on the Gao road. '.repeat(33_000)}`;
    expect(big.length).toBeGreaterThan(1_000_000);
    await value<Note>('note.create', { target: { kind: 'entity', id: e.id }, body: big, author: 'Analyst 7' });
    await value<Note>('note.create', { target: { kind: 'case' }, body: '<b>Case</b> summary' });
    const detail = await value<EntityDetail>('entity.get', { id: e.id });
    expect(detail.entity).toMatchObject({ label, aliases: ['<img src=x onerror=alert(1)>'] });
    expect(detail.notes[0]?.body).toBe(big);
    const filtered = await value<NoteListItem[]>('note.list', { text: 'CASE' });
    expect(filtered.map((n) => [n.targetLabel, n.body])).toEqual([['Case', '<b>Case</b> summary']]);
    expect((await value<NoteListItem[]>('note.list', { target: { kind: 'entity', id: e.id } })).map((n) => n.targetLabel)).toEqual([label]);
    expect(await value<NoteListItem[]>('note.list')).toHaveLength(2);
  });

  it('cites a passage that stands in the source, and refuses one that does not', async () => {
    await openNewCase();
    const e = await value<Entity>('entity.create', { type: 'person', label: 'Amadou Koufa' });
    const body = 'Amadou Koufa leads the Katiba Macina.\n\nIt recruits among Fulani herders.';
    const source = await value<Source>('source.create', { title: 'Field report', author: 'Desk', reliability: 'B', body });
    const citation = await value<CitationWithSource>('citation.create', {
      sourceId: source.id,
      target: { kind: 'entity', id: e.id },
      quote: 'recruits among\nFulani',
      credibility: 2,
    });
    expect(citation).toMatchObject({ quote: 'recruits among Fulani', locator: `para. 2, chars ${body.indexOf('recruits')}–${body.indexOf(' herders')}` });
    const refused = await error('citation.create', { sourceId: source.id, target: { kind: 'entity', id: e.id }, quote: 'leads JNIM', credibility: 2 });
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toMatch(/does not stand in “Field report”/);
    expect(await value<SourceSummary[]>('source.list')).toMatchObject([{ title: 'Field report', hasBody: true, bodyLength: body.length, citations: 1 }]);
    expect((await error('source.delete', { id: source.id })).code).toBe('conflict');
    const regraded = await value<CitationWithSource>('citation.update', { id: citation.id, changes: { credibility: 4 } });
    expect(regraded.credibility).toBe(4);
    await value('citation.delete', { id: citation.id });
    await value('source.delete', { id: source.id });
  });

  it('changes a locator, and deletes a quoted source with its citations as one announced step that undo reverses', async () => {
    await openNewCase();
    const a = await value<Entity>('entity.create', { type: 'person', label: 'Amadou Koufa' });
    const b = await value<Entity>('entity.create', { type: 'armed_group', label: 'Katiba Macina' });
    const link = await value<Link>('link.create', { type: 'leads', sourceId: a.id, targetId: b.id, directed: true });
    const body = 'Amadou Koufa leads the Katiba Macina.\n\nIt recruits among Fulani herders.';
    const source = await value<Source>('source.create', { title: 'Field report', reliability: 'B', body });
    const onLink = await value<CitationWithSource>('citation.create', { sourceId: source.id, target: { kind: 'link', id: link.id }, quote: 'leads', credibility: 2 });
    const onEntity = await value<CitationWithSource>('citation.create', { sourceId: source.id, target: { kind: 'entity', id: a.id }, quote: 'Fulani', credibility: 3 });

    const relocated = await value<CitationWithSource>('citation.update', { id: onEntity.id, changes: { locator: 'p. 2' } });
    expect(relocated).toMatchObject({ locator: 'p. 2', credibility: 3 });
    expect(edits.at(-1)).toMatchObject({ label: 'Edit citation “Fulani”', changed: { citations: [onEntity.id] } });
    expect((await error('citation.update', { id: onEntity.id, changes: { locator: 'x'.repeat(1_001) } })).code).toBe('invalid_input');
    expect((await error('citation.update', { id: onEntity.id, changes: { locator: 12 } })).code).toBe('invalid_input');

    expect(await value('source.deletePreview', { id: source.id })).toEqual({ source: { id: source.id, title: 'Field report' }, citations: 2, entities: 1, links: 1 });
    expect((await error('source.deletePreview', { id: 'gone' })).code).toBe('not_found');
    expect((await error('source.delete', { id: source.id, withCitations: 'yes' })).code).toBe('invalid_input');
    const eventsBefore = edits.length;
    expect(await error('source.delete', { id: source.id })).toMatchObject({ code: 'conflict', message: expect.stringContaining('quoted by 2 citations') as unknown });
    expect(edits).toHaveLength(eventsBefore);
    expect((await value<ChartData>('chart.load')).linkStrengths[link.id]).toBe('confirmed');

    expect(await value('source.delete', { id: source.id, withCitations: true })).toBeNull();
    expect(edits).toHaveLength(eventsBefore + 1);
    expect(edits.at(-1)).toMatchObject({ action: 'do', label: 'Delete the source “Field report” and its 2 citations', changed: { sources: [source.id] } });
    expect([...(edits.at(-1)?.changed.citations ?? [])].sort()).toEqual([onLink.id, onEntity.id].sort());
    expect(await value<SourceSummary[]>('source.list')).toEqual([]);
    const after = await value<ChartData>('chart.load');
    expect(after.linkStrengths[link.id]).toBe('tentative');
    expect(after.evidence).toEqual({});

    const undone = await value<HistoryStep>('history.undo');
    expect(undone.edit).toMatchObject({ action: 'undo', label: 'Delete the source “Field report” and its 2 citations' });
    expect((await value<EntityDetail>('entity.get', { id: a.id })).citations).toEqual([relocated]);
    expect((await value<LinkDetail>('link.get', { id: link.id })).citations).toEqual([onLink]);
    expect((await value<ChartData>('chart.load')).linkStrengths[link.id]).toBe('confirmed');
  });

  it('merges, shows the record, and finds the merged entity by its old name', async () => {
    await openNewCase();
    const a = await value<Entity>('entity.create', { type: 'person', label: 'Iyad ag Ghali' });
    const b = await value<Entity>('entity.create', { type: 'person', label: 'Iyad Ag Ghaly', aliases: ['Abu al-Fadl'] });
    const merged = await value<MergeResult>('entity.merge', { survivorId: a.id, absorbedId: b.id });
    expect(merged.entity.aliases).toEqual(['Iyad Ag Ghaly', 'Abu al-Fadl']);
    expect((await value<EntityDetail>('entity.get', { id: a.id })).merges).toMatchObject([{ absorbedId: b.id, absorbedLabel: 'Iyad Ag Ghaly' }]);
    const hits = await value<SearchHit[]>('search.query', { text: 'fadl' });
    expect(hits).toMatchObject([{ kind: 'entity', id: a.id, field: 'alias', title: 'Iyad ag Ghali', focus: { kind: 'entity', id: a.id } }]);
    expect(hits[0]?.snippet).toEqual([
      { text: 'Abu al-', match: false },
      { text: 'Fadl', match: true },
    ]);
    expect(await value<SearchHit[]>('search.query', { text: 'NEAR(" OR *' })).toEqual([]);
    expect((await error('entity.merge', { survivorId: a.id, absorbedId: a.id })).code).toBe('invalid_input');
  });

  it('draws strengths, note counts and callouts on the chart, and moves nodes as a step', async () => {
    await openNewCase();
    const chart = await value<ChartData>('chart.load');
    const a = await value<Entity>('entity.create', { type: 'person', label: 'A', position: { chartId: chart.chartId, x: 10, y: 20 } });
    const b = await value<Entity>('entity.create', { type: 'person', label: 'B' });
    const link = await value<Link>('link.create', { type: 'leads', sourceId: a.id, targetId: b.id, directed: true, strength: 'confirmed' });
    await value('note.create', { target: { kind: 'entity', id: a.id }, body: 'one' });
    await value('note.create', { target: { kind: 'entity', id: a.id }, body: 'two' });
    const callout = await value<Annotation>('annotation.create', { entityId: a.id, x: 30, y: -30, text: 'Leader' });
    await value<Annotation>('annotation.update', { id: callout.id, changes: { x: 40 } });
    expect(edits.at(-1)?.label).toBe('Move callout');
    await value('chart.moveNodes', { chartId: chart.chartId, positions: [{ entityId: a.id, x: 50, y: 60 }] });
    expect(edits.at(-1)).toMatchObject({ label: 'Move “A”', positionsChanged: true });

    const loaded = await value<ChartData>('chart.load');
    expect(loaded.linkStrengths).toEqual({ [link.id]: 'confirmed' });
    expect(loaded.noteCounts).toEqual({ [a.id]: 2 });
    expect(loaded.annotations).toMatchObject([{ id: callout.id, entityId: a.id, x: 40, y: -30, text: 'Leader' }]);
    expect(loaded.positions).toEqual([{ entityId: a.id, x: 50, y: 60 }]);
    await value('history.undo');
    expect((await value<ChartData>('chart.load')).positions).toEqual([{ entityId: a.id, x: 10, y: 20 }]);
    await value('annotation.delete', { id: callout.id });
    expect(await value<Annotation[]>('annotation.list')).toEqual([]);
    expect(await value<Annotation[]>('annotation.list', { chartId: chart.chartId })).toEqual([]);
  });

  it('bulk-changes colour and type of a selection in one step', async () => {
    await openNewCase();
    const ids = [];
    for (const label of ['A', 'B', 'C']) ids.push((await value<Entity>('entity.create', { type: 'person', label })).id);
    expect(await value('entity.bulkUpdate', { ids, color: '#1F77B4', type: 'armed_group' })).toEqual({ updated: 3 });
    expect((await value<ChartData>('chart.load')).entities.map((e) => [e.type, e.color])).toEqual(Array(3).fill(['armed_group', '#1f77b4']));
    expect((await error('entity.bulkUpdate', { ids })).message).toBe('Choose a type or a colour to apply.');
    await value('history.undo');
    expect((await value<ChartData>('chart.load')).entities.map((e) => e.color)).toEqual([null, null, null]);
  });

  it('needs an open case', async () => {
    expect((await error('entity.create', { type: 'person', label: 'A' })).code).toBe('no_case');
    expect((await error('history.undo')).code).toBe('no_case');
  });
});

describe('the JSON export', () => {
  it('holds notes, citations, sources, aliases, merge records and callouts', async () => {
    await openNewCase();
    const path = session.current()?.path as string;
    const a = await value<Entity>('entity.create', { type: 'person', label: 'Iyad ag Ghali', aliases: ['Abu Fadl'] });
    const b = await value<Entity>('entity.create', { type: 'person', label: 'Iyad Ag Ghaly' });
    const source = await value<Source>('source.create', { title: 'Profile', reliability: 'C', body: 'Iyad ag Ghali founded Ansar Dine.' });
    await value('citation.create', { sourceId: source.id, target: { kind: 'entity', id: b.id }, quote: 'founded Ansar Dine', credibility: 3 });
    await value('note.create', { target: { kind: 'entity', id: b.id }, body: '**Same** person?' });
    await value('annotation.create', { entityId: a.id, x: 1, y: 2, text: 'Leader' });
    await value('entity.merge', { survivorId: a.id, absorbedId: b.id });
    session.close();

    const out = tmp.file('case.json');
    const lines: string[] = [];
    const status = runCli(['export', path, '--format', 'json', '-o', out], { out: (t) => lines.push(t), err: (t) => lines.push(t) });
    expect(status, lines.join('\n')).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as CaseDocument;
    expect(doc.entities).toMatchObject([{ id: a.id, aliases: ['Abu Fadl', 'Iyad Ag Ghaly'], color: null }]);
    expect(doc.sources).toMatchObject([{ title: 'Profile', reliability: 'C', body: 'Iyad ag Ghali founded Ansar Dine.' }]);
    expect(doc.citations).toMatchObject([{ entityId: a.id, linkId: null, quote: 'founded Ansar Dine', locator: 'para. 1, chars 14–32', credibility: 3 }]);
    expect(doc.notes).toMatchObject([{ target: { kind: 'entity', id: a.id }, body: '**Same** person?' }]);
    expect(doc.annotations).toMatchObject([{ entityId: a.id, x: 1, y: 2, text: 'Leader' }]);
    expect(doc.mergeRecords).toMatchObject([
      { survivorId: a.id, absorbedId: b.id, absorbedLabel: 'Iyad Ag Ghaly', absorbed: { label: 'Iyad Ag Ghaly' }, moved: { citations: 1, notes: 1 } },
    ]);
  });
});
