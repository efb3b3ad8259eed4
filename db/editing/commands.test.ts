import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkbenchFailure } from '../../app/result';
import { createCaseFile, openCaseFile, type CaseStore } from '../caseFile';
import { defaultChart, chartPositions } from '../charts';
import { citationsForEntity } from '../citations';
import { exportCaseDocument } from '../exportCase';
import { getEntity, insertEntity, listEntities } from '../entities';
import { historyState, redo, undo } from '../history';
import { insertLink, listLinks } from '../links';
import { listMergeRecords } from '../mergeRecords';
import { listNotes } from '../notes';
import { searchCase } from '../search';
import { tempFolder } from '../testing/tempCase';
import {
  createCitationCommand,
  createSourceCommand,
  deleteSourceCommand,
  previewSourceDeletion,
  updateCitationCommand,
  updateSourceCommand,
} from './evidenceCommands';
import {
  addAliasCommand,
  bulkUpdateEntitiesCommand,
  createEntityCommand,
  deleteEntitiesCommand,
  previewEntityDeletion,
  removeAliasCommand,
  updateEntityCommand,
} from './entityCommands';
import { createLinkCommand, deleteLinksCommand, linkStrengths, updateLinkCommand } from './linkCommands';
import { mergeEntitiesCommand } from './mergeCommand';
import { createAnnotationCommand, createNoteCommand, deleteNoteCommand, moveNodesCommand, updateNoteCommand } from './noteCommands';

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
let path: string;
beforeEach(() => {
  tmp = tempFolder();
  path = tmp.file('edit.awcase');
  store = createCaseFile(path, { name: 'Editing' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** A citation as the file holds it. */
function getCitationRow(id: string): { locator: string | null; credibility: number } {
  return store.db.prepare('SELECT * FROM citations WHERE id = ?').get(id) as { locator: string | null; credibility: number };
}

/** The case's content without timestamps that a replay restores anyway. */
function content() {
  const { exportedAt: _e, ...doc } = exportCaseDocument(store.db);
  return doc;
}

function refusal(fn: () => unknown): WorkbenchFailure {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkbenchFailure) return error;
    throw error;
  }
  throw new Error('expected a WorkbenchFailure');
}

const person = (label: string, more: Record<string, unknown> = {}) => createEntityCommand(store.db, { type: 'person', label, ...more }).value;

describe('entity commands', () => {
  it('create, rename, undo and redo, and the history survives reopening the file', () => {
    const created = createEntityCommand(store.db, { type: 'person', label: '  Iyad ag Ghali ', aliases: ['Abu Fadl', 'abu fadl', ''] });
    expect(created.value).toMatchObject({ label: 'Iyad ag Ghali', aliases: ['Abu Fadl'], color: null });
    expect(created.edit).toMatchObject({ action: 'do', label: 'Create “Iyad ag Ghali”', changed: { entities: [created.value.id] } });
    const renamed = updateEntityCommand(store.db, { id: created.value.id, changes: { label: 'Iyad Ag Ghaly' } });
    expect(renamed.edit?.label).toBe('Rename “Iyad ag Ghali” to “Iyad Ag Ghaly”');
    expect(historyState(store.db)).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'Rename “Iyad ag Ghali” to “Iyad Ag Ghaly”' });

    store.close();
    store = openCaseFile(path);
    expect(undo(store.db)?.label).toBe('Rename “Iyad ag Ghali” to “Iyad Ag Ghaly”');
    expect(getEntity(store.db, created.value.id)?.label).toBe('Iyad ag Ghali');
    expect(historyState(store.db)).toMatchObject({ canUndo: true, canRedo: true, redoLabel: 'Rename “Iyad ag Ghali” to “Iyad Ag Ghaly”' });
    undo(store.db);
    expect(listEntities(store.db)).toEqual([]);
    expect(undo(store.db)).toBeNull();

    store.close();
    store = openCaseFile(path);
    redo(store.db);
    redo(store.db);
    expect(getEntity(store.db, created.value.id)).toMatchObject({ label: 'Iyad Ag Ghaly', aliases: ['Abu Fadl'] });
    expect(redo(store.db)).toBeNull();
  });

  it('a new command after an undo clears the redo stack', () => {
    person('A');
    person('B');
    undo(store.db);
    expect(historyState(store.db).canRedo).toBe(true);
    person('C');
    expect(historyState(store.db)).toMatchObject({ canRedo: false, undoLabel: 'Create “C”' });
    expect(listEntities(store.db).map((e) => e.label)).toEqual(['A', 'C']);
  });

  it('an edit that changes nothing is no step', () => {
    const a = person('A');
    const again = updateEntityCommand(store.db, { id: a.id, changes: { label: ' A ' } });
    expect(again.edit).toBeNull();
    expect(historyState(store.db).entries).toHaveLength(1);
  });

  it('refuses bad fields with a sentence and writes nothing', () => {
    const before = content();
    expect(refusal(() => person('   ')).message).toBe('An entity needs a label.');
    const long = refusal(() => person('x'.repeat(2000)));
    expect(long.code).toBe('invalid_input');
    expect(long.message).toBe('A label can be at most 1,000 characters; this one has 2,000.');
    expect(person('y'.repeat(1000)).label).toHaveLength(1000);
    undo(store.db);
    expect(refusal(() => person('Dated', { startDate: '2017-03', endDate: '2015' })).message).toBe(
      'The end date (2015) is before the start date (March 2017).',
    );
    expect(refusal(() => person('Dated', { startDate: '2017-02-30' })).message).toMatch(/start date is a year, a month or a day/);
    expect(refusal(() => person('Red', { color: 'red' })).message).toMatch(/#rrggbb/);
    expect(content()).toEqual(before);
  });

  it('an end date at the precision of the start is not before it', () => {
    expect(person('Same year', { startDate: '2017-03', endDate: '2017' }).endDate).toBe('2017');
  });

  it('keeps HTML and script in labels and aliases verbatim', () => {
    const label = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const e = person(label, { aliases: ['<b>bold</b> & "quoted"'] });
    expect(getEntity(store.db, e.id)).toMatchObject({ label, aliases: ['<b>bold</b> & "quoted"'] });
  });

  it('adds and removes aliases as steps, and an alias search finds the entity', () => {
    const e = person('Iyad ag Ghali');
    addAliasCommand(store.db, { id: e.id, alias: 'Abu Fadl' });
    expect(addAliasCommand(store.db, { id: e.id, alias: 'abu fadl' }).edit).toBeNull();
    expect(searchCase(store.db, 'fadl')).toMatchObject([{ kind: 'entity', id: e.id, field: 'alias', focus: { kind: 'entity', id: e.id } }]);
    removeAliasCommand(store.db, { id: e.id, alias: 'ABU FADL' });
    expect(searchCase(store.db, 'fadl')).toEqual([]);
    expect(refusal(() => removeAliasCommand(store.db, { id: e.id, alias: 'nobody' })).code).toBe('not_found');
    undo(store.db);
    expect(getEntity(store.db, e.id)?.aliases).toEqual(['Abu Fadl']);
    expect(searchCase(store.db, 'abu fad').map((h) => h.id)).toEqual([e.id]);
  });

  it('changes type and colour of many entities in one step', () => {
    const a = person('A');
    const b = person('B', { color: '#FF0000' });
    const result = bulkUpdateEntitiesCommand(store.db, { ids: [a.id, b.id], color: '#00AA00' });
    expect(result.value.updated).toBe(2);
    expect(result.edit?.label).toBe('Colour 2 entities');
    bulkUpdateEntitiesCommand(store.db, { ids: [a.id, b.id], type: 'armed_group' });
    expect(listEntities(store.db).map((e) => [e.type, e.color])).toEqual([
      ['armed_group', '#00aa00'],
      ['armed_group', '#00aa00'],
    ]);
    undo(store.db);
    undo(store.db);
    expect(listEntities(store.db).map((e) => [e.type, e.color])).toEqual([
      ['person', null],
      ['person', '#ff0000'],
    ]);
    expect(refusal(() => bulkUpdateEntitiesCommand(store.db, { ids: [a.id, 'gone'], color: null })).code).toBe('not_found');
  });

  it('places a new entity where the analyst double-clicked, in the same step', () => {
    const chart = defaultChart(store.db);
    const e = person('Placed', { position: { chartId: chart.id, x: 0.1 + 0.2, y: -7 } });
    expect(chartPositions(store.db, chart.id)).toEqual([{ entityId: e.id, x: 0.1 + 0.2, y: -7 }]);
    moveNodesCommand(store.db, { chartId: chart.id, positions: [{ entityId: e.id, x: 100, y: 200 }] });
    undo(store.db);
    expect(chartPositions(store.db, chart.id)).toEqual([{ entityId: e.id, x: 0.1 + 0.2, y: -7 }]);
    undo(store.db);
    expect(chartPositions(store.db, chart.id)).toEqual([]);
    redo(store.db);
    expect(chartPositions(store.db, chart.id)).toEqual([{ entityId: e.id, x: 0.1 + 0.2, y: -7 }]);
  });

  it('names a layout the analyst ran as one step, "Lay out the chart", and undoes it whole', () => {
    const chart = defaultChart(store.db);
    const a = person('A', { position: { chartId: chart.id, x: 1, y: 2 } });
    const b = person('B', { position: { chartId: chart.id, x: 3, y: 4 } });
    const before = chartPositions(store.db, chart.id);
    const moved = moveNodesCommand(store.db, {
      chartId: chart.id,
      positions: [
        { entityId: a.id, x: 10.123456789, y: -20 },
        { entityId: b.id, x: 30, y: 40.987654321 },
      ],
      reason: 'layout',
    });
    expect(moved.value).toEqual({ moved: 2 });
    expect(moved.edit?.label).toBe('Lay out the chart');
    expect(historyState(store.db).undoLabel).toBe('Lay out the chart');
    expect(undo(store.db)?.label).toBe('Lay out the chart');
    expect(chartPositions(store.db, chart.id)).toEqual(before);
    // A drag keeps its own name.
    expect(moveNodesCommand(store.db, { chartId: chart.id, positions: [{ entityId: a.id, x: 5, y: 5 }], reason: 'drag' }).edit?.label).toBe('Move “A”');
  });
});

describe('deleting', () => {
  it('says what goes with an entity, deletes it all in one step, and undo brings it all back', () => {
    const a = person('JNIM');
    const b = person('AQIM');
    const c = person('Ansar Dine');
    const ab = createLinkCommand(store.db, { type: 'affiliate_of', sourceId: a.id, targetId: b.id, directed: true }).value;
    createLinkCommand(store.db, { type: 'founding_faction_of', sourceId: c.id, targetId: a.id, directed: true });
    const source = createSourceCommand(store.db, { title: 'Article', reliability: 'B', body: 'JNIM is an affiliate of AQIM.' }).value;
    createCitationCommand(store.db, { sourceId: source.id, target: { kind: 'link', id: ab.id }, quote: 'affiliate of  AQIM', credibility: 2 });
    createCitationCommand(store.db, { sourceId: source.id, target: { kind: 'entity', id: a.id }, quote: 'JNIM', credibility: 1 });
    createNoteCommand(store.db, { target: { kind: 'entity', id: a.id }, body: 'Formed 2017.' });
    createNoteCommand(store.db, { target: { kind: 'link', id: ab.id }, body: 'Pledged.' });
    createAnnotationCommand(store.db, { entityId: a.id, x: 10, y: 10, text: 'Core' });
    const before = content();

    const preview = previewEntityDeletion(store.db, [a.id]);
    expect(preview).toMatchObject({ citations: 2, notes: 2, annotations: 1, entities: [{ id: a.id, label: 'JNIM' }] });
    expect(preview.links).toHaveLength(2);
    expect(preview.summary).toBe('Deleting “JNIM” also deletes 2 links, 2 citations, 2 notes and 1 callout.');

    const deleted = deleteEntitiesCommand(store.db, { ids: [a.id] });
    expect(deleted.value).toEqual(preview);
    expect(deleted.edit?.changed.links.sort()).toEqual(preview.links.map((l) => l.id).sort());
    expect(listLinks(store.db)).toEqual([]);
    expect(listNotes(store.db)).toEqual([]);
    expect(searchCase(store.db, 'formed')).toEqual([]);

    undo(store.db);
    expect(content()).toEqual(before);
    expect(searchCase(store.db, 'formed').map((h) => h.kind)).toEqual(['note']);
    redo(store.db);
    expect(listEntities(store.db).map((e) => e.label)).toEqual(['Ansar Dine', 'AQIM']);
  });

  it('deletes links with their evidence and says so', () => {
    const a = person('A');
    const b = person('B');
    const link = createLinkCommand(store.db, { type: 'rival_of', sourceId: a.id, targetId: b.id, directed: false }).value;
    createNoteCommand(store.db, { target: { kind: 'link', id: link.id }, body: 'n' });
    const result = deleteLinksCommand(store.db, { ids: [link.id] });
    expect(result.value.summary).toBe('Deleting the link A → B also deletes 1 note.');
    expect(result.edit?.label).toBe('Delete link A → B');
  });
});

describe('links', () => {
  it('refuses a link to a deleted entity, to itself, and dates out of order', () => {
    const a = person('A');
    const b = person('B');
    deleteEntitiesCommand(store.db, { ids: [b.id] });
    const gone = refusal(() => createLinkCommand(store.db, { type: 'leads', sourceId: a.id, targetId: b.id, directed: true }));
    expect(gone).toMatchObject({ code: 'not_found', message: 'The entity at the end of this link is no longer in the case.' });
    expect(refusal(() => createLinkCommand(store.db, { type: 'leads', sourceId: a.id, targetId: a.id, directed: true })).code).toBe('invalid_input');
    const c = person('C');
    const link = createLinkCommand(store.db, { type: 'leads', sourceId: a.id, targetId: c.id, directed: true, startDate: '2019' }).value;
    expect(refusal(() => updateLinkCommand(store.db, { id: link.id, changes: { endDate: '2018-12' } })).message).toBe(
      'The end date (December 2018) is before the start date (2019).',
    );
  });

  it('derives strength from citation grades unless the analyst sets it', () => {
    const a = person('A');
    const b = person('B');
    const link = createLinkCommand(store.db, { type: 'funds', sourceId: a.id, targetId: b.id, directed: true }).value;
    expect(linkStrengths(store.db)[link.id]).toBe('tentative');
    const weak = createSourceCommand(store.db, { title: 'Rumour', reliability: 'D' }).value;
    createCitationCommand(store.db, { sourceId: weak.id, target: { kind: 'link', id: link.id }, quote: 'A pays B', credibility: 3 });
    expect(linkStrengths(store.db)[link.id]).toBe('unconfirmed');
    const good = createSourceCommand(store.db, { title: 'Report', reliability: 'A' }).value;
    createCitationCommand(store.db, { sourceId: good.id, target: { kind: 'link', id: link.id }, quote: 'A funds B', credibility: 2 });
    expect(linkStrengths(store.db)[link.id]).toBe('confirmed');
    updateLinkCommand(store.db, { id: link.id, changes: { strength: 'tentative' } });
    expect(linkStrengths(store.db)[link.id]).toBe('tentative');
    updateLinkCommand(store.db, { id: link.id, changes: { strength: null } });
    expect(linkStrengths(store.db)[link.id]).toBe('confirmed');
  });
});

describe('merging', () => {
  it('keeps every alias, link, citation and note of both, records it, and undoes', () => {
    const chart = defaultChart(store.db);
    const iyad = person('Iyad ag Ghali', { aliases: ['Abu Fadl'], description: null });
    const dup = person('Iyad Ag Ghaly', {
      aliases: ['Abou Fadl'],
      description: 'Leader of JNIM',
      attributes: { born: 1954 },
      startDate: '2012',
      position: { chartId: chart.id, x: 5, y: 6 },
    });
    const jnim = createEntityCommand(store.db, { type: 'armed_group', label: 'JNIM' }).value;
    const toJnim = createLinkCommand(store.db, { type: 'leads', sourceId: dup.id, targetId: jnim.id, directed: true }).value;
    const between = createLinkCommand(store.db, { type: 'related_to', sourceId: iyad.id, targetId: dup.id, directed: false }).value;
    const source = createSourceCommand(store.db, { title: 'Profile', reliability: 'C' }).value;
    createCitationCommand(store.db, { sourceId: source.id, target: { kind: 'entity', id: dup.id }, quote: 'Ghaly leads JNIM', credibility: 3 });
    createNoteCommand(store.db, { target: { kind: 'entity', id: dup.id }, body: 'Same man.' });
    const before = content();

    const merged = mergeEntitiesCommand(store.db, { survivorId: iyad.id, absorbedId: dup.id });
    expect(merged.value.entity).toMatchObject({
      id: iyad.id,
      label: 'Iyad ag Ghali',
      aliases: ['Abu Fadl', 'Iyad Ag Ghaly', 'Abou Fadl'],
      description: 'Leader of JNIM',
      startDate: '2012',
      attributes: { born: 1954 },
    });
    expect(merged.value.selfLoops).toEqual([between.id]);
    expect(updateLinkCommand(store.db, { id: between.id, changes: { label: 'same man' } }).value).toMatchObject({
      sourceId: iyad.id,
      targetId: iyad.id,
      label: 'same man',
    });
    undo(store.db);
    expect(merged.value.record).toMatchObject({
      survivorId: iyad.id,
      absorbedId: dup.id,
      absorbedLabel: 'Iyad Ag Ghaly',
      moved: { links: 2, citations: 1, notes: 1, annotations: 0, aliases: 2 },
    });
    expect(merged.value.record.absorbed).toMatchObject({ id: dup.id, aliases: ['Abou Fadl'] });
    expect(getEntity(store.db, dup.id)).toBeNull();
    expect(listLinks(store.db).find((l) => l.id === toJnim.id)?.sourceId).toBe(iyad.id);
    expect(citationsForEntity(store.db, iyad.id)).toHaveLength(1);
    expect(listNotes(store.db)[0]?.target).toEqual({ kind: 'entity', id: iyad.id });
    expect(listMergeRecords(store.db)).toHaveLength(1);
    // The survivor had no place on the chart: it takes the absorbed one's.
    expect(chartPositions(store.db, chart.id)).toEqual([{ entityId: iyad.id, x: 5, y: 6 }]);
    expect(searchCase(store.db, 'ghaly').map((h) => [h.kind, h.field, h.focus?.id])).toEqual([
      ['entity', 'alias', iyad.id],
      ['citation', 'quote', iyad.id],
    ]);

    undo(store.db);
    expect(content()).toEqual(before);
    expect(listMergeRecords(store.db)).toEqual([]);
    redo(store.db);
    expect(listMergeRecords(store.db)).toHaveLength(1);
    expect(refusal(() => mergeEntitiesCommand(store.db, { survivorId: iyad.id, absorbedId: iyad.id })).code).toBe('invalid_input');
    expect(refusal(() => mergeEntitiesCommand(store.db, { survivorId: iyad.id, absorbedId: dup.id })).code).toBe('not_found');
  });
});

describe('sources and citations', () => {
  const body = 'JNIM was formed in March 2017.\n\nIts leader, Iyad ag Ghali,\nfounded Ansar Dine.';

  it('stores the quote as the source text has it, with its locator, and refuses one that does not stand there', () => {
    const e = person('Iyad ag Ghali');
    const source = createSourceCommand(store.db, { title: 'Article', reliability: 'B', body }).value;
    const citation = createCitationCommand(store.db, {
      sourceId: source.id,
      target: { kind: 'entity', id: e.id },
      quote: 'leader,   Iyad ag Ghali, founded',
      credibility: 2,
    }).value;
    expect(citation.quote).toBe('leader, Iyad ag Ghali,\nfounded');
    expect(citation.locator).toBe(`para. 2, chars ${body.indexOf('leader')}–${body.indexOf('founded') + 'founded'.length}`);
    expect(citation.source).toMatchObject({ title: 'Article', reliability: 'B' });
    const missing = refusal(() =>
      createCitationCommand(store.db, { sourceId: source.id, target: { kind: 'entity', id: e.id }, quote: 'founded AQIM', credibility: 2 }),
    );
    expect(missing).toMatchObject({ code: 'invalid_input' });
    expect(missing.message).toMatch(/does not stand in “Article”/);
    const bySelection = createCitationCommand(store.db, {
      sourceId: source.id,
      target: { kind: 'entity', id: e.id },
      range: { start: 0, end: 5 },
      credibility: 1,
    }).value;
    expect(bySelection).toMatchObject({ quote: 'JNIM', locator: 'para. 1, chars 0–4' });
    expect(refusal(() => createCitationCommand(store.db, { sourceId: 'gone', target: { kind: 'entity', id: e.id }, quote: 'x', credibility: 1 })).code).toBe(
      'not_found',
    );
  });

  it('a new document text must keep the quoted passages; their locators follow the text', () => {
    const e = person('JNIM');
    const source = createSourceCommand(store.db, { title: 'Article', reliability: 'B', body }).value;
    const citation = createCitationCommand(store.db, { sourceId: source.id, target: { kind: 'entity', id: e.id }, quote: 'formed in March 2017', credibility: 2 }).value;
    const lost = refusal(() => updateSourceCommand(store.db, { id: source.id, changes: { body: 'Nothing here.' } }));
    expect(lost.code).toBe('conflict');
    updateSourceCommand(store.db, { id: source.id, changes: { body: `Preface.\n\n${body}` } });
    const moved = citationsForEntity(store.db, e.id).find((c) => c.id === citation.id);
    expect(moved?.locator).toBe(`para. 2, chars ${'Preface.\n\n'.length + body.indexOf('formed')}–${'Preface.\n\n'.length + body.indexOf('2017') + 4}`);
  });

  it('changes a citation’s locator in one step, checked as at creation; an unchanged one records no step', () => {
    const e = person('JNIM');
    const source = createSourceCommand(store.db, { title: 'Article', reliability: 'B', body }).value;
    const citation = createCitationCommand(store.db, { sourceId: source.id, target: { kind: 'entity', id: e.id }, quote: 'formed in March 2017', credibility: 2 }).value;
    const computed = citation.locator;
    const before = content();

    const edited = updateCitationCommand(store.db, { id: citation.id, changes: { locator: '  p. 4 of the print edition ' } });
    expect(edited.value).toMatchObject({ locator: 'p. 4 of the print edition', credibility: 2, quote: 'formed in March 2017' });
    expect(edited.edit).toMatchObject({ label: 'Edit citation “formed in March 2017”', changed: { citations: [citation.id] } });
    expect(updateCitationCommand(store.db, { id: citation.id, changes: { locator: 'p. 4 of the print edition', credibility: 2 } }).edit).toBeNull();
    expect(historyState(store.db).undoLabel).toBe('Edit citation “formed in March 2017”');

    const tooLong = refusal(() => updateCitationCommand(store.db, { id: citation.id, changes: { locator: 'p'.repeat(1_001), credibility: 5 } }));
    expect(tooLong).toMatchObject({ code: 'invalid_input', message: 'A locator can be at most 1,000 characters; this one has 1,001.' });
    expect(getCitationRow(citation.id)).toMatchObject({ locator: 'p. 4 of the print edition', credibility: 2 });

    // The analyst's own locator stays when the text changes (the passage still stands there).
    updateSourceCommand(store.db, { id: source.id, changes: { body: `Preface.\n\n${body}` } });
    expect(getCitationRow(citation.id).locator).toBe('p. 4 of the print edition');
    undo(store.db);
    undo(store.db);
    expect(content()).toEqual(before);
    expect(getCitationRow(citation.id).locator).toBe(computed);

    // A blank locator clears it.
    expect(updateCitationCommand(store.db, { id: citation.id, changes: { locator: '   ' } }).value.locator).toBeNull();
  });

  it('deletes a quoted source only with its citations, in one step; undo restores every row as it was', () => {
    const a = person('Iyad ag Ghali');
    const b = person('JNIM');
    const link = createLinkCommand(store.db, { type: 'leads', sourceId: a.id, targetId: b.id, directed: true }).value;
    const source = createSourceCommand(store.db, { title: 'Discredited article', reliability: 'B', body }).value;
    const other = createSourceCommand(store.db, { title: 'Other', reliability: 'E', body }).value;
    const cite = (sourceId: string, target: { kind: 'entity' | 'link'; id: string }, quote: string, credibility: 1 | 2 | 3 | 4 | 5 | 6) =>
      createCitationCommand(store.db, { sourceId, target, quote, credibility, comment: `why ${quote}` }).value;
    cite(source.id, { kind: 'link', id: link.id }, 'Its leader', 2);
    cite(source.id, { kind: 'link', id: link.id }, 'founded Ansar Dine', 3);
    cite(source.id, { kind: 'entity', id: a.id }, 'Iyad ag Ghali', 1);
    cite(source.id, { kind: 'entity', id: b.id }, 'JNIM was formed', 4);
    const kept = cite(other.id, { kind: 'link', id: link.id }, 'Its leader', 5);
    updateCitationCommand(store.db, { id: kept.id, changes: { locator: 'p. 2' } });
    const rows = () => ({
      sources: store.db.prepare('SELECT * FROM sources ORDER BY id').all(),
      citations: store.db.prepare('SELECT * FROM citations ORDER BY id').all(),
    });
    const before = rows();
    const contentBefore = content();
    expect(linkStrengths(store.db)[link.id]).toBe('confirmed');
    expect(previewSourceDeletion(store.db, source.id)).toEqual({ source: { id: source.id, title: 'Discredited article' }, citations: 4, entities: 2, links: 1 });

    const refused = refusal(() => deleteSourceCommand(store.db, { id: source.id }));
    expect(refused).toMatchObject({ code: 'conflict', message: '“Discredited article” is quoted by 4 citations; delete it with its citations, or remove those first.' });
    expect(rows()).toEqual(before);

    const deleted = deleteSourceCommand(store.db, { id: source.id, withCitations: true });
    expect(deleted.edit).toMatchObject({ label: 'Delete the source “Discredited article” and its 4 citations', changed: { sources: [source.id] } });
    expect(deleted.edit?.changed.citations).toHaveLength(4);
    expect(historyState(store.db).undoLabel).toBe('Delete the source “Discredited article” and its 4 citations');
    expect(rows().sources.map((r) => (r as { id: string }).id)).toEqual([other.id]);
    expect(rows().citations).toEqual([before.citations.find((r) => (r as { id: string }).id === kept.id)]);
    // The link keeps only an E5 citation: what it is drawn as drops from confirmed to tentative.
    expect(linkStrengths(store.db)[link.id]).toBe('tentative');
    expect(searchCase(store.db, 'Ansar Dine').filter((h) => h.kind === 'citation')).toEqual([]);

    // One undo: every row back byte for byte (ids, grades, comments, locators, creation times).
    expect(undo(store.db)?.label).toBe('Delete the source “Discredited article” and its 4 citations');
    expect(rows()).toEqual(before);
    expect(content()).toEqual(contentBefore);
    expect(linkStrengths(store.db)[link.id]).toBe('confirmed');
    expect(searchCase(store.db, 'Ansar Dine').filter((h) => h.kind === 'citation')).toHaveLength(1);
    redo(store.db);
    expect(rows().citations).toHaveLength(1);
    undo(store.db);
    expect(rows()).toEqual(before);

    // A source nobody quotes is deleted with or without the flag, under its plain name.
    expect(deleteSourceCommand(store.db, { id: other.id, withCitations: true }).edit?.label).toBe(
      'Delete the source “Other” and its citation',
    );
    undo(store.db);
    const unused = createSourceCommand(store.db, { title: 'Unused', reliability: 'F' }).value;
    expect(previewSourceDeletion(store.db, unused.id)).toMatchObject({ citations: 0, entities: 0, links: 0 });
    expect(deleteSourceCommand(store.db, { id: unused.id, withCitations: true }).edit?.label).toBe('Delete source “Unused”');
    expect(refusal(() => deleteSourceCommand(store.db, { id: unused.id, withCitations: true })).code).toBe('not_found');
    expect(refusal(() => previewSourceDeletion(store.db, unused.id)).code).toBe('not_found');
  });
});

describe('notes', () => {
  it('keeps Markdown and HTML verbatim, takes a 1 MB note and refuses one over 2 MB with a sentence', () => {
    const html = '# Title\n\n<script>alert(1)</script> <a href="javascript:x">link</a>';
    const note = createNoteCommand(store.db, { target: { kind: 'case' }, body: html }).value;
    expect(listNotes(store.db)[0]?.body).toBe(html);
    const big = 'Observed movement near Gao. '.repeat(40_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    updateNoteCommand(store.db, { id: note.id, changes: { body: big } });
    expect(listNotes(store.db)[0]?.body).toBe(big);
    const tooBig = refusal(() => createNoteCommand(store.db, { target: { kind: 'case' }, body: 'é'.repeat(1_100_000) }));
    expect(tooBig.code).toBe('invalid_input');
    expect(tooBig.message).toBe('A note can hold up to 2 MB of text; this one is 2.1 MB. Split it into several notes.');
    deleteNoteCommand(store.db, { id: note.id });
    expect(listNotes(store.db)).toEqual([]);
    undo(store.db);
    expect(listNotes(store.db)[0]?.body).toBe(big);
  });
});

describe('undo when the case moved on outside the history', () => {
  it('refuses, changes nothing, and says why', () => {
    const a = person('A');
    // An import adds a link to A without a history step: undoing A's creation would delete it.
    const b = insertEntity(store.db, { type: 'person', label: 'Imported' });
    insertLink(store.db, { type: 'leads', sourceId: b.id, targetId: a.id, directed: true });
    const before = content();
    const failure = refusal(() => undo(store.db));
    expect(failure.code).toBe('conflict');
    expect(failure.message).toMatch(/“Create “A”” cannot be undone: the case has changed since .* Nothing was changed\./);
    expect(content()).toEqual(before);
    expect(historyState(store.db).canUndo).toBe(true);
  });

  it('refuses to undo an edit of a row changed since', () => {
    const a = person('A');
    updateEntityCommand(store.db, { id: a.id, changes: { description: 'first' } });
    store.db.prepare("UPDATE entities SET description = 'changed by an import' WHERE id = ?").run(a.id);
    expect(refusal(() => undo(store.db)).code).toBe('conflict');
    expect(getEntity(store.db, a.id)?.description).toBe('changed by an import');
  });
});
