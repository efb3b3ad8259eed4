import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS } from '../../app/interchange/graph';
import { parseJsonText } from '../../app/interchange/jsonText';
import { decodeMispGalaxy } from '../../app/interchange/misp';
import { createCaseFile, type CaseStore } from '../../db/caseFile';
import { listCitations } from '../../db/citations';
import { insertEntity, listEntities } from '../../db/entities';
import { commitImport, planImport } from '../../db/importCase';
import { listLinks } from '../../db/links';
import { listNotes } from '../../db/notes';
import { listSources } from '../../db/sources';
import { tempFolder } from '../../db/testing/tempCase';

/**
 * MISP galaxy clusters: MISP's public threat-actor cluster file (../shared/fixtures/misp, 1,041
 * actors, one UUIDv7) imported twice, and testdata/terrorist-groups-names.json, a cluster file of
 * our own making in the same format, holding a name with its acronym in brackets, a transliteration
 * of a name the test case spells differently, and a meta.summary that lists other names.
 */

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
beforeEach(() => {
  tmp = tempFolder('awb-galaxy-');
  store = createCaseFile(tmp.file('c.awcase'), { name: 'Galaxy' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const threatActors = () => decodeMispGalaxy(parseJsonText(readFileSync('../shared/fixtures/misp/clusters_threat-actor.json', 'utf8'), DEFAULT_PARSE_LIMITS), 'clusters_threat-actor.json');
const names = () => decodeMispGalaxy(parseJsonText(readFileSync('main/interchange/testdata/terrorist-groups-names.json', 'utf8'), DEFAULT_PARSE_LIMITS), 'terrorist-groups-names.json');
const file = (name: string) => ({ name, sha256: 'ab'.repeat(32), bytes: 1 });

function counts() {
  return { entities: listEntities(store.db).length, links: listLinks(store.db).length, sources: listSources(store.db).length, citations: listCitations(store.db).length, notes: listNotes(store.db).length };
}

describe('MISP galaxy: re-importing the same cluster file', () => {
  it('clusters_threat-actor.json imported twice adds nothing the second time (985 notes, not 1,970)', () => {
    const first = commitImport(store.db, threatActors(), file('clusters_threat-actor.json'));
    expect(first.created.entities).toBe(1041);
    expect(first.created.notes).toBe(985);
    const once = counts();
    expect(once).toMatchObject({ entities: 1041, links: 108, notes: 985 });
    // 2,955 distinct reference URLs, plus the file itself.
    expect(once.sources).toBe(2955 + 1);

    const second = commitImport(store.db, threatActors(), file('clusters_threat-actor.json'));
    expect(second.created).toEqual({ entities: 0, links: 0, sources: 0, citations: 0, notes: 0 });
    expect(second.merged).toEqual({ entities: 1041, links: 108 });
    expect(counts()).toEqual(once);
  }, 60_000);

  it('a second file citing the same reference URL reuses that source', () => {
    commitImport(store.db, names(), file('terrorist-groups-names.json'));
    const excerpt = decodeMispGalaxy(parseJsonText(readFileSync('main/interchange/testdata/terrorist-groups-excerpt.json', 'utf8'), DEFAULT_PARSE_LIMITS), 'excerpt.json');
    commitImport(store.db, excerpt, { name: 'excerpt.json', sha256: 'cd'.repeat(32), bytes: 1 });
    expect(listSources(store.db).filter((s) => s.reference === 'https://example.org/jnim-profile')).toHaveLength(1);
  });
});

describe('MISP galaxy: names', () => {
  it('keeps the names meta.summary lists, and a bracketed acronym, as aliases', () => {
    const g = names();
    expect(g.entities.find((e) => e.label === 'Ansar Dine')?.aliases).toEqual(['Ansar Eddine', 'Defenders of the Faith', 'Ansar ul-Din']);
    expect(g.entities.find((e) => e.label === 'Al Qaida in the Islamic Maghreb (AQIM)')?.aliases).toEqual(['AQIM']);
    expect(threatActors().entities.find((e) => e.label === 'APT1')?.aliases).toEqual(expect.arrayContaining(['COMMENT PANDA', 'PLA Unit 61398', 'Comment Crew']));
  });

  it('matches a bracketed acronym and a summary name with the case’s entities; offers a transliteration with its similarity, never merging it', () => {
    const aqim = insertEntity(store.db, { type: 'armed_group', label: 'AQIM' });
    const qaeda = insertEntity(store.db, { type: 'armed_group', label: 'al-Qaeda in the Islamic Maghreb' });
    const jnim = insertEntity(store.db, { type: 'armed_group', label: "Jama'at Nasr al-Islam" });
    const defenders = insertEntity(store.db, { type: 'armed_group', label: 'Defenders of the Faith' });

    const plan = planImport(store.db, names(), file('terrorist-groups-names.json'));
    const row = (label: string) => plan.entities.find((e) => e.label === label);
    const bracketed = row('Al Qaida in the Islamic Maghreb (AQIM)');
    expect(bracketed?.action).toBe('merge');
    expect(bracketed?.candidates.map((c) => [c.id, c.similarity]).sort()).toEqual([
      [aqim.id, 1],
      [qaeda.id, 1],
    ].sort());
    expect(row('Ansar Dine')).toMatchObject({ action: 'merge', into: { id: defenders.id } });
    const nusrat = row("Jama'at Nusrat al-Islam");
    expect(nusrat).toMatchObject({ action: 'create', into: null, candidates: [{ id: jnim.id, similarity: 0.87, sameType: true, matchedName: "Jama'at Nasr al-Islam" }] });
    expect(nusrat?.reason).toBe('new; its name resembles "Jama\'at Nasr al-Islam" (87% similar): merge it if they are the same');

    // Without a decision it is created beside the case's entity; merged only when the analyst says so.
    commitImport(store.db, names(), file('terrorist-groups-names.json'));
    expect(listEntities(store.db).filter((e) => /Jama'at N/.test(e.label)).map((e) => e.label).sort()).toEqual(["Jama'at Nasr al-Islam", "Jama'at Nusrat al-Islam"]);
  });

  it('merges the transliteration when the analyst chooses it', () => {
    const jnim = insertEntity(store.db, { type: 'armed_group', label: "Jama'at Nasr al-Islam" });
    commitImport(store.db, names(), file('terrorist-groups-names.json'), { decisions: { '7f4d3c0a-9e5b-4a43-9d8c-4b6f0e3a2c99': { action: 'merge', into: jnim.id } } });
    expect(listEntities(store.db).find((e) => e.id === jnim.id)?.aliases).toEqual(["Jama'at Nusrat al-Islam"]);
  });

  it('offers no similar names below the threshold or for short names', () => {
    insertEntity(store.db, { type: 'armed_group', label: 'Islamic State' });
    insertEntity(store.db, { type: 'armed_group', label: 'Ansaru' });
    const g = names();
    g.entities.push({ ...g.entities[0]!, key: 'x1', id: undefined, label: 'Islamic Jihad', aliases: [] }, { ...g.entities[0]!, key: 'x2', id: undefined, label: 'Ansar', aliases: [] });
    const plan = planImport(store.db, g, file('x.json'));
    expect(plan.entities.find((e) => e.key === 'x1')?.candidates).toEqual([]);
    expect(plan.entities.find((e) => e.key === 'x2')?.candidates).toEqual([]);
  });
});
