import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDocument } from '../../app/domain';
import { countInFile, FIXTURE_CASES, FIXTURES_DIR, listFixtureFiles, roundTripDifferences, runFixture, type FixtureCase, type FixtureRun } from './testing/fixtures';
import { useBuiltInterchangeWorker } from './testing/workerBundle';

/**
 * Every file in ../shared/fixtures, imported as the app imports it (the import worker, the preview,
 * the commit into an empty case), checked against what the tool that wrote it shows, then exported
 * to the same format (or the nearest one we write) and read back. The table of expectations, and
 * how each number is known, is in ./testing/fixtures.ts.
 */

beforeAll(() => {
  useBuiltInterchangeWorker();
});

describe('the fixture table', () => {
  it('has an entry for every file in ../shared/fixtures, and no entry for a file that is not there', () => {
    const files = listFixtureFiles();
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files.filter((f) => !(f in FIXTURE_CASES))).toEqual([]);
    expect(Object.keys(FIXTURE_CASES).filter((f) => !files.includes(f))).toEqual([]);
  });

  it('expects what the file holds, less only what it names as left out', () => {
    for (const [name, fixture] of Object.entries(FIXTURE_CASES)) {
      const counted = countInFile(join(FIXTURES_DIR, name));
      if ('refused' in fixture.expected) {
        expect(counted, name).toBeNull();
        continue;
      }
      expect(counted, name).not.toBeNull();
      const left = fixture.leftOut ?? { entities: 0, links: 0 };
      expect({ entities: (counted?.entities ?? 0) - (left.entities ?? 0), links: (counted?.links ?? 0) - (left.links ?? 0) }, name).toEqual({
        entities: fixture.expected.entities,
        links: fixture.expected.links,
      });
    }
  });
});

const linksOf = (doc: CaseDocument) => {
  const label = new Map(doc.entities.map((e) => [e.id, e.label]));
  return doc.links.map((l) => `${label.get(l.sourceId) ?? '?'} ${l.directed ? '->' : '--'} ${label.get(l.targetId) ?? '?'}`).sort();
};

function checkSamples(name: string, fixture: FixtureCase, doc: CaseDocument): void {
  const positions = new Map((doc.charts[0]?.positions ?? []).map((p) => [p.entityId, { x: p.x, y: p.y }]));
  for (const sample of fixture.entities ?? []) {
    const found = doc.entities.filter((e) => e.label === sample.label);
    expect(found, `${name}: one entity labelled ${sample.label}`).toHaveLength(1);
    const entity = found[0] as CaseDocument['entities'][number];
    if (sample.aliases) expect(entity.aliases, `${name}: ${sample.label}'s aliases`).toEqual(sample.aliases);
    if (sample.color !== undefined) expect(entity.color, `${name}: ${sample.label}'s colour`).toBe(sample.color);
    if (sample.type) expect(entity.type, `${name}: ${sample.label}'s type`).toBe(sample.type);
    if (sample.id) expect(entity.id, `${name}: ${sample.label}'s id`).toBe(sample.id);
    if (sample.position) {
      // The case was empty: the import keeps the file's own positions on the chart.
      const at = positions.get(entity.id);
      expect(at?.x, `${name}: ${sample.label}'s x`).toBeCloseTo(sample.position.x, 4);
      expect(at?.y, `${name}: ${sample.label}'s y`).toBeCloseTo(sample.position.y, 4);
    }
  }
  const links = linksOf(doc);
  for (const sample of fixture.links ?? []) {
    const wanted = `${sample.source} ${sample.directed ? '->' : '--'} ${sample.target}`;
    expect(links, `${name}: link ${wanted}`).toContain(wanted);
    if (sample.label !== undefined) {
      const label = new Map(doc.entities.map((e) => [e.id, e.label]));
      const labels = doc.links.filter((l) => label.get(l.sourceId) === sample.source && label.get(l.targetId) === sample.target && l.directed === sample.directed).map((l) => l.label);
      expect(labels, `${name}: label of ${wanted}`).toContain(sample.label);
    }
  }
}

describe.each(Object.entries(FIXTURE_CASES))('%s', (name, fixture) => {
  let run: FixtureRun;
  beforeAll(async () => {
    run = await runFixture(name, fixture);
  }, 60_000);

  if ('refused' in fixture.expected) {
    const refused = fixture.expected.refused;
    it(`is refused with a clear message (${fixture.expected.how})`, () => {
      expect(run.graph).toBeNull();
      expect(run.refusal).toMatch(refused);
      expect(run.refusal).toMatch(/Nothing was imported\.$/);
    });
    return;
  }
  const expected = fixture.expected;

  it(`imports ${expected.entities} entities and ${expected.links} links (${expected.how})`, () => {
    expect(run.refusal).toBeNull();
    expect(run.doc?.entities).toHaveLength(expected.entities);
    expect(run.doc?.links).toHaveLength(expected.links);
    // What is left out of the file on purpose is listed in the report, never silent.
    if (fixture.leftOut?.listed) expect(run.skipped).toBeGreaterThanOrEqual((fixture.leftOut.entities ?? 0) + (fixture.leftOut.links ?? 0));
  });

  if (fixture.entities || fixture.links) {
    it('shows the sampled labels, aliases, positions and colours as the writing tool does', () => {
      checkSamples(name, fixture, run.doc as CaseDocument);
    });
  }

  const roundTrip = fixture.roundTrip.format;
  if (roundTrip !== null) {
    it(`reads back its ${roundTrip} export: the same entities, labels, links and aliases`, () => {
      expect(roundTripDifferences(run, roundTrip)).toEqual([]);
      // The worker's parse of the export holds them all (a MISP event adds itself as one more entity).
      const extra = roundTrip === 'misp-event' ? 1 : 0;
      expect(run.back?.entities).toHaveLength((run.doc?.entities.length ?? 0) + extra);
    });
  }
});
