import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseFile, type CaseStore } from './caseFile';
import { insertCitation } from './citations';
import { insertEntity, updateEntity } from './entities';
import { insertLink } from './links';
import { insertNote } from './notes';
import { openCaseFile } from './caseFile';
import { ftsQuery, RANKED_MATCHES, searchCase, searchCaseRanked, snippetParts } from './search';
import { insertSource } from './sources';
import { tempFolder } from './testing/tempCase';

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
beforeEach(() => {
  tmp = tempFolder();
  store = createCaseFile(tmp.file('s.awcase'), { name: 'Search' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('search', () => {
  it('turns what the analyst typed into words, never FTS5 syntax', () => {
    expect(ftsQuery('  Iyad ag ')).toBe('"Iyad" "ag"*');
    expect(ftsQuery('label:x OR "y" NEAR(')).toBe('"label:x" "OR" """y""" "NEAR("*');
    expect(ftsQuery(' ** () ')).toBeNull();
  });

  it('splits snippets into plain text and matches', () => {
    expect(snippetParts('…the \uE000leader\uE001 of \uE000JNIM\uE001')).toEqual([
      { text: '…the ', match: false },
      { text: 'leader', match: true },
      { text: ' of ', match: false },
      { text: 'JNIM', match: true },
    ]);
  });

  it('finds labels first, then what mentions them, whoever wrote the rows (imports too)', () => {
    const jnim = insertEntity(store.db, { type: 'armed_group', label: 'JNIM', aliases: ['Jamāʿat Nuṣrat al-Islām'] });
    const aqim = insertEntity(store.db, { type: 'armed_group', label: 'AQIM', attributes: { emir: 'Droukdel' } });
    const link = insertLink(store.db, { type: 'affiliate_of', sourceId: jnim.id, targetId: aqim.id, directed: true, label: 'pledge of 2017' });
    const source = insertSource(store.db, { title: 'Article', reliability: 'B' });
    insertCitation(store.db, { sourceId: source.id, target: { kind: 'link', id: link.id }, quote: 'JNIM pledged allegiance', credibility: 2 });
    insertNote(store.db, { target: { kind: 'case' }, body: 'JNIM expanded south.' });

    const hits = searchCase(store.db, 'jnim');
    expect(hits.map((h) => [h.kind, h.field])).toEqual([
      ['entity', 'label'],
      ['citation', 'quote'],
      ['note', 'body'],
    ]);
    expect(hits[1]).toMatchObject({ title: 'Citation on JNIM → AQIM (pledge of 2017)', focus: { kind: 'link', id: link.id } });
    expect(hits[2]).toMatchObject({ title: 'Note on the case: JNIM expanded south.', focus: null });
    // Diacritics folded, prefixes as the analyst types.
    expect(searchCase(store.db, 'nusrat isl').map((h) => [h.id, h.field])).toEqual([[jnim.id, 'alias']]);
    expect(searchCase(store.db, 'droukdel').map((h) => [h.id, h.field])).toEqual([[aqim.id, 'attributes']]);
    expect(searchCase(store.db, 'pledge', { kinds: ['link'] }).map((h) => h.id)).toEqual([link.id]);
    expect(searchCase(store.db, 'jnim', { limit: 1 })).toHaveLength(1);
  });
});

describe('search snippets', () => {
  it('gives each hit the passage it was found in', () => {
    insertEntity(store.db, { type: 'person', label: 'Iyad ag Ghali', description: 'Leader of JNIM since its founding.' });
    insertEntity(store.db, { type: 'armed_group', label: 'Ansar al-Din', description: 'Formerly led by Iyad ag Ghali, a Tuareg leader.' });
    insertEntity(store.db, { type: 'armed_group', label: 'JNIM', description: 'Merged under Iyad ag Ghali in 2017.' });
    const hits = searchCase(store.db, 'Ghali', { kinds: ['entity'] });
    const text = (hit: (typeof hits)[number]) => hit.snippet.map((part) => part.text).join('');
    const byTitle = new Map(hits.map((hit) => [hit.title, text(hit)]));
    expect(byTitle.get('Ansar al-Din')).toContain('Tuareg');
    expect(byTitle.get('JNIM')).toContain('2017');
    expect(new Set(hits.map(text)).size).toBe(hits.length);
  });
});

describe('search hit titles and repeated searches', () => {
  it('titles an entity hit with its current label, whichever field matched, and each search snippets only its own hits', () => {
    const a = insertEntity(store.db, { type: 'person', label: 'Iyad ag Ghali', aliases: ['Abu Fadl'], description: 'Emir of Ansar Dine.' });
    updateEntity(store.db, a.id, { type: 'person', label: 'Iyad Ag Ghaly', description: 'Emir of Ansar Dine.', startDate: null, endDate: null, attributes: {}, color: null });
    const titles = (text: string) => searchCase(store.db, text).map((hit) => [hit.field, hit.title]);
    expect(titles('ghaly')).toEqual([['label', 'Iyad Ag Ghaly']]);
    expect(titles('ghali')).toEqual([]);
    expect(titles('fadl')).toEqual([['alias', 'Iyad Ag Ghaly']]);
    expect(titles('ansar')).toEqual([['description', 'Iyad Ag Ghaly']]);
    // The scratch index is emptied between searches: an earlier search's texts never match again.
    for (let i = 0; i < 3; i++) {
      const [hit] = searchCase(store.db, 'emir');
      expect(hit?.snippet.map((part) => part.text).join('')).toBe('Emir of Ansar Dine.');
      expect(searchCase(store.db, 'emir')).toHaveLength(1);
    }
  });
});

describe('search without the apostrophes of a romanised name', () => {
  it('finds “Jama’at Nasr” typed as “Jamaat Nasr”, “Qaida” as “Qa’ida”, and still by the marks', () => {
    const jnim = insertEntity(store.db, { type: 'armed_group', label: 'JNIM', aliases: ['Jama’at Nasr al-Islam wal Muslimin'] });
    const aq = insertEntity(store.db, { type: 'armed_group', label: "al-Qa'ida" });
    insertEntity(store.db, { type: 'armed_group', label: 'Jamaat Ansar' });
    const ids = (text: string) => searchCase(store.db, text, { kinds: ['entity'] }).map((hit) => hit.id);
    expect(ids('Jamaat Nasr')).toEqual([jnim.id]);
    expect(ids('jamaat nas')).toEqual([jnim.id]);
    expect(ids('Jama’at Nasr')).toEqual([jnim.id]);
    expect(ids("Jama'at Nasr")).toEqual([jnim.id]);
    expect(ids('Qaida')).toEqual([aq.id]);
    expect(ids("al-Qa'ida")).toEqual([aq.id]);
    const [hit] = searchCase(store.db, 'Jamaat Nasr', { kinds: ['entity'] });
    expect(hit?.snippet.some((part) => part.match)).toBe(true);
  });
});

describe('search ranking on a common word', () => {
  it('ranks every match of a rarer query, and a common word within its first matches, and says which', () => {
    const db = store.db;
    db.transaction(() => {
      for (let i = 0; i < RANKED_MATCHES + 100; i++) insertEntity(db, { type: 'person', label: `Moussa Keita of Gao ${i}` });
    })();
    const exact = insertEntity(db, { type: 'person', label: 'Moussa' });
    const often = insertEntity(db, { type: 'person', label: 'Keita Keita Keita of Gao' });

    const common = searchCaseRanked(db, 'moussa', { kinds: ['entity'] });
    expect(common.ranked).toBe('first');
    expect(common.hits).toHaveLength(50);
    // Entered last, past the first matches the ranking reads: not among the ranked ones.
    expect(common.hits.map((h) => h.id)).not.toContain(exact.id);
    expect(common.hits.every((h) => h.title.startsWith('Moussa Keita of Gao'))).toBe(true);

    const rare = searchCaseRanked(db, 'moussa gao 1050', { kinds: ['entity'] });
    expect(rare.ranked).toBe('all');
    expect(rare.hits.map((h) => h.title)).toEqual(['Moussa Keita of Gao 1050']);

    // BM25 still: more mentions and a shorter text rank higher (in the common query too).
    db.exec(`DELETE FROM entities WHERE label LIKE 'Moussa Keita of Gao 1%'`);
    const keita = searchCaseRanked(db, 'keita', { kinds: ['entity'] });
    expect(keita.ranked).toBe('all');
    expect(keita.hits[0]?.id).toBe(often.id);
  });

  it('puts a label or alias that is exactly what was typed first', () => {
    const db = store.db;
    const jtic = insertEntity(db, { type: 'organization', label: 'IHS Jane’s Terrorism and Insurgency Centre', aliases: ['JTIC'] });
    const aqim = insertEntity(db, { type: 'armed_group', label: 'AQIM' });
    const jnim = insertEntity(db, { type: 'armed_group', label: 'JNIM' });
    insertLink(db, { type: 'directs', sourceId: aqim.id, targetId: jnim.id, directed: true, label: 'directs attacks of (per JTIC)' });
    // Long texts that mention it once: by BM25 alone the five-word link label would edge past the alias.
    for (let i = 0; i < 5; i++) insertNote(db, { target: { kind: 'case' }, body: `JTIC ${'reported attacks in the region '.repeat(12)}` });
    expect(searchCase(db, 'jtic')[0]).toMatchObject({ id: jtic.id, field: 'alias' });
    expect(searchCase(db, 'jtic')[1]).toMatchObject({ kind: 'link', field: 'label' });
  });

  it('searches a case opened read-only (the snippets use a scratch index, never the file)', () => {
    const jnim = insertEntity(store.db, { type: 'armed_group', label: 'JNIM', description: 'Merged under Iyad ag Ghali in 2017.' });
    const path = store.path;
    store.close();
    store = openCaseFile(path, { readonly: true });
    const [hit] = searchCase(store.db, 'ghali');
    expect(hit?.id).toBe(jnim.id);
    expect(hit?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['Ghali']);
  });
});
