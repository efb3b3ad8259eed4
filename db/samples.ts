import { rmSync } from 'node:fs';
import { linkTypeDefinition } from '../app/linkTypes';
import { SAMPLE_CASES, sampleCase } from '../app/samples/index';
import { formatLocator, locateQuote, type SampleCase } from '../app/samples/sampleCase';
import { createCaseFile, type OpenOptions } from './caseFile';
import { setCaseMeta } from './caseMeta';
import { insertCitation } from './citations';
import { insertEntity } from './entities';
import { defaultChart } from './charts';
import { putOnChart } from './chartMembership';
import { uuidV5 } from './ids';
import { insertLink } from './links';
import { insertNote } from './notes';
import { writeLocation } from './locations';
import { insertSource } from './sources';
import type { Db } from './types';

/**
 * Writes a sample case into an empty case, in one transaction. Ids are UUIDv5 of
 * "<slug>/<kind>/<key>", so every fresh copy of a sample has the same ids.
 * Throws (and writes nothing) if a quote does not stand in the source.
 */
export function writeSampleCase(db: Db, sample: SampleCase): void {
  const idOf = (kind: string, key: string): string => uuidV5(`${sample.slug}/${kind}/${key}`);
  db.transaction(() => {
    setCaseMeta(db, 'name', sample.name);
    setCaseMeta(db, 'description', sample.description);
    setCaseMeta(db, 'sample', sample.slug);
    const { reliabilityRationale, ...sourceFields } = sample.source;
    const source = insertSource(db, { id: idOf('source', 'main'), ...sourceFields });
    insertNote(db, {
      id: idOf('note', 'source-grade'),
      target: { kind: 'case' },
      body: `**Source grading.** "${sample.source.title}" is graded ${sample.source.reliability}: ${reliabilityRationale}`,
      author: 'Analyst Workbench sample',
    });

    const cite = (target: { kind: 'entity' | 'link'; id: string }, key: string, citations: SampleCase['entities'][number]['citations']) => {
      citations.forEach((citation, index) => {
        const location = locateQuote(sample.source.body, citation.quote);
        if (!location) throw new Error(`Sample "${sample.slug}": the quote for ${key} is not in the source: "${citation.quote}"`);
        insertCitation(db, {
          id: idOf('citation', `${key}/${index}`),
          sourceId: source.id,
          target,
          quote: sample.source.body.slice(location.start, location.end),
          locator: formatLocator(location),
          credibility: citation.credibility,
          comment: citation.comment ?? null,
        });
      });
    };

    for (const entity of sample.entities) {
      const { key, citations, ...fields } = entity;
      const id = idOf('entity', key);
      insertEntity(db, { id, ...fields });
      cite({ kind: 'entity', id }, key, citations);
    }
    for (const link of sample.links) {
      const { key, citations, source: from, target: to, directed, ...fields } = link;
      const id = idOf('link', key);
      insertLink(db, {
        id,
        ...fields,
        sourceId: idOf('entity', from),
        targetId: idOf('entity', to),
        directed: directed ?? linkTypeDefinition(link.type).directed,
      });
      cite({ kind: 'link', id }, key, citations);
    }
    writeSampleLocations(db, sample, idOf);
    // A sample is small: all of it goes on its chart, placed when first drawn.
    putOnChart(db, defaultChart(db).id, sample.entities.map((e) => idOf('entity', e.key)));
  })();
}

/**
 * The sample's locations: each gazetteer a source (its grade explained in a note on the case),
 * each place's coordinates citing the gazetteer's line for it, then the entities located at
 * those places, citing the article.
 */
function writeSampleLocations(db: Db, sample: SampleCase, idOf: (kind: string, key: string) => string): void {
  const { gazetteer } = sample;
  if (gazetteer) {
    for (const [name, fields] of Object.entries(gazetteer.sources)) {
      const { reliabilityRationale, ...sourceFields } = fields;
      insertSource(db, { id: idOf('source', name), ...sourceFields });
      insertNote(db, {
        id: idOf('note', `source-grade/${name}`),
        target: { kind: 'case' },
        body: `**Source grading.** "${fields.title}" is graded ${fields.reliability}: ${reliabilityRationale}`,
        author: 'Analyst Workbench sample',
      });
    }
    for (const place of gazetteer.places) {
      const source = gazetteer.sources[place.gazetteer];
      const location = locateQuote(source.body, place.record);
      if (!location) throw new Error(`Sample "${sample.slug}": the gazetteer line for ${place.key} is not in its source: "${place.record}"`);
      const entityId = idOf('entity', place.key);
      const citation = insertCitation(db, {
        id: idOf('citation', `${place.key}/location`),
        sourceId: idOf('source', place.gazetteer),
        target: { kind: 'entity', id: entityId },
        quote: place.record,
        locator: `line ${source.body.slice(0, location.start).split('\n').length}`,
        credibility: 2,
        comment: place.comment,
      });
      writeLocation(db, entityId, { latitude: place.latitude, longitude: place.longitude, placeId: null, precision: place.precision, citationId: citation.id });
    }
  }
  for (const entity of sample.entities) {
    if (!entity.location) continue;
    const { place, precision, citation } = entity.location;
    if (!entity.citations[citation]) throw new Error(`Sample "${sample.slug}": ${entity.key} is located by citation ${citation}, which it does not have.`);
    writeLocation(db, idOf('entity', entity.key), {
      latitude: null,
      longitude: null,
      placeId: idOf('entity', place),
      precision,
      citationId: idOf('citation', `${entity.key}/${citation}`),
    });
  }
}

/** Creates a new case file holding a sample case; on any failure no file is left behind. */
export function createSampleCaseFile(path: string, sample: SampleCase, options: OpenOptions = {}): void {
  const store = createCaseFile(path, { ...options, name: sample.name });
  try {
    writeSampleCase(store.db, sample);
    store.close();
  } catch (error) {
    store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    throw error;
  }
}

/** Creates a new case file holding the sample named by `slug` (e.g. "jnim"). */
export function createSampleCase(path: string, slug: string, options: OpenOptions = {}): void {
  const sample = sampleCase(slug);
  if (!sample) {
    throw new Error(`There is no sample case "${slug}"; the samples are: ${Object.keys(SAMPLE_CASES).join(', ')}.`);
  }
  createSampleCaseFile(path, sample, options);
}
