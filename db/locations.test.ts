import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCaseJson } from '../app/interchange/caseJson';
import { createCaseFile, openCaseFile, type CaseStore } from './caseFile';
import { listEntities } from './entities';
import { exportCaseDocument } from './exportCase';
import { commitImport } from './importCase';
import { createSampleCase } from './samples';
import { listSourceSummaries } from './sources';
import { tempFolder } from './testing/tempCase';

let tmp: ReturnType<typeof tempFolder>;
const stores: CaseStore[] = [];
beforeEach(() => {
  tmp = tempFolder('awb-locations-');
});
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  tmp.cleanup();
});

function jnim(): CaseStore {
  const path = tmp.file('jnim.awcase');
  createSampleCase(path, 'jnim');
  const store = openCaseFile(path);
  stores.push(store);
  return store;
}

describe('the JNIM sample located', () => {
  it('has its places on the map, each citing a gazetteer that is a graded source of the case', () => {
    const { db } = jnim();
    const byLabel = new Map(listEntities(db).map((e) => [e.label, e]));
    const gao = byLabel.get('Gao');
    expect(gao?.location).toMatchObject({ latitude: 16.27167, longitude: -0.04472, precision: 'city' });
    const citation = db.prepare('SELECT c.quote, c.entity_id AS entityId, s.title, s.reliability FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.id = ?').get(gao?.location?.citationId) as {
      quote: string;
      entityId: string;
      title: string;
      reliability: string;
    };
    expect(citation).toEqual({ quote: 'Gao; Gao; ML; 16.27167, -0.04472', entityId: gao?.id, title: 'GeoNames gazetteer (cities of 1,000 people or more)', reliability: 'B' });
    expect(byLabel.get('Mali')?.location?.precision).toBe('country');
    expect(byLabel.get('Katibat Macina')?.location).toMatchObject({ placeId: byLabel.get('Central Mali')?.id, precision: 'region' });
    expect(byLabel.get('Sahel')?.location).toBeNull();
    const sources = listSourceSummaries(db).map((s) => s.title);
    expect(sources).toContain('Natural Earth admin-0 countries (1:110m)');
  });

  it('carries its locations through the JSON case export and import', () => {
    const source = jnim();
    const doc = exportCaseDocument(source.db);
    const target = createCaseFile(tmp.file('copy.awcase'), { name: 'Copy' });
    stores.push(target);
    const graph = decodeCaseJson(JSON.parse(JSON.stringify(doc)));
    const file = { name: 'jnim.json', sha256: 'x', bytes: 1 };
    commitImport(target.db, graph, file);
    const located = (db: CaseStore['db']) =>
      listEntities(db)
        .filter((e) => e.location !== null)
        .map((e) => [e.id, e.location]);
    expect(located(target.db)).toEqual(located(source.db));
    expect(located(target.db).length).toBeGreaterThan(10);
  });
});
