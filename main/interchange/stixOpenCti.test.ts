import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS, type InterchangeGraph } from '../../app/interchange/graph';
import { parseJsonText } from '../../app/interchange/jsonText';
import { decodeMispGalaxy } from '../../app/interchange/misp';
import { decodeStix } from '../../app/interchange/stix/decode';
import { encodeStix } from '../../app/interchange/stix/encode';
import { validateStixObject } from '../../app/interchange/stix/schemas';
import { createCaseFile, type CaseStore } from '../../db/caseFile';
import { listCitations } from '../../db/citations';
import { listEntities } from '../../db/entities';
import { exportCaseDocument } from '../../db/exportCase';
import { commitImport, planImport } from '../../db/importCase';
import { listSources } from '../../db/sources';
import { tempFolder } from '../../db/testing/tempCase';

/**
 * STIX as OpenCTI and MISP write it, read from the public files in ../shared/fixtures (OpenCTI's own
 * test bundles, MISP's threat-actor galaxy with its one UUIDv7).
 */

const read = (path: string) => parseJsonText(readFileSync(`../shared/fixtures/${path}`, 'utf8'), DEFAULT_PARSE_LIMITS);
type Bundle = { type: string; objects: Record<string, unknown>[] };

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
beforeEach(() => {
  tmp = tempFolder('awb-opencti-');
  store = createCaseFile(tmp.file('c.awcase'), { name: 'OpenCTI' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const file = (name: string) => ({ name, sha256: name.padEnd(64, '0').slice(0, 64), bytes: 1 });
function importGraph(graph: InterchangeGraph, name: string) {
  return commitImport(store.db, graph, file(name));
}

describe('OpenCTI bundles', () => {
  it('bundle_with_internal_ids.json: the relationship without created is left out with its reason; the three valid objects are imported', () => {
    const g = decodeStix(read('opencti/bundle_with_internal_ids.json'), DEFAULT_PARSE_LIMITS);
    expect(g.entities.map((e) => [e.type, e.label]).sort()).toEqual([
      ['malware', 'malware 01'],
      ['malware', 'malware 02'],
      ['organisation', 'JRI'],
    ]);
    expect(g.links).toEqual([]);
    expect(g.skipped).toEqual([
      {
        what: 'STIX object 4 (relationship--10e8c71d-a1b4-4e35-bca8-2e4a3785ea04, relationship)',
        reason: 'not valid STIX: created is missing; modified is missing; created_by_ref: not a STIX identifier (type--UUID); and 1 more',
      },
    ]);
    // Not a "STIX 2.0 bundle": its identity says 2.1; the two malware objects without spec_version are named.
    expect(g.warnings.join(' ')).not.toMatch(/This is a STIX 2\.0 bundle/);
    expect(g.warnings).toContain(
      '3 objects have no spec_version in this STIX 2.1 bundle and were read by STIX 2.0 rules: malware--faa5b705-cf44-4e50-8472-29e5fec43c3c, malware--faa5b705-cf44-4e50-8472-29e5fec43c3d, relationship--10e8c71d-a1b4-4e35-bca8-2e4a3785ea04.',
    );
    expect(g.warnings).toContain('1 of 4 objects in this file is not valid STIX and was left out, each listed with its reason under skipped; the other objects are imported.');

    // The preview lists the object left out; the import writes the others and says so in its report.
    const plan = planImport(store.db, g, file('bundle_with_internal_ids.json'));
    expect(plan.skipped.map((s) => s.what)).toEqual(['STIX object 4 (relationship--10e8c71d-a1b4-4e35-bca8-2e4a3785ea04, relationship)']);
    expect(plan.counts.entities.create).toBe(3);
    const report = importGraph(g, 'bundle_with_internal_ids.json');
    expect(report.created.entities).toBe(3);
    expect(report.warnings.join('\n')).toMatch(/1 of 4 objects in this file is not valid STIX and was left out/);
    expect(report.leftOut).toEqual(g.skipped);
    expect(listEntities(store.db).map((e) => e.label).sort()).toEqual(['JRI', 'malware 01', 'malware 02']);
  });

  it('sectors-stix20.json: a STIX 2.0 bundle read whole (72 sectors and organisations, 49 links), x_opencti_aliases as aliases', () => {
    const bundle = read('opencti/sectors-stix20.json') as Bundle;
    const g = decodeStix(bundle, DEFAULT_PARSE_LIMITS);
    expect(g.warnings[0]).toMatch(/^This is a STIX 2\.0 bundle\. It was read leniently/);
    expect(g.skipped).toEqual([]);
    expect(g.entities).toHaveLength(bundle.objects.filter((o) => o.type === 'identity').length);
    expect(g.entities).toHaveLength(72);
    expect(g.links).toHaveLength(49);
    const anssi = g.entities.find((e) => e.label === "Agence Nationale de la Sécurité des Systèmes d'Information");
    expect(anssi?.aliases).toEqual(['ANSSI']);
    expect(anssi?.attributes).not.toHaveProperty('x_opencti_aliases');
    expect(g.entities.find((e) => e.label === 'Agriculture and agribusiness')?.aliases).toEqual(['Agriculture', 'Agribusiness']);
    const withAliases = bundle.objects.filter((o) => Array.isArray(o.x_opencti_aliases) && o.x_opencti_aliases.length > 0).length;
    expect(g.entities.filter((e) => e.aliases.length > 0)).toHaveLength(withAliases);
  });

  it('maps OpenCTI reliability (A–F) onto the author as a source and the score (0–100) onto credibility', () => {
    const bundle = read('opencti/bundle_with_internal_ids.json') as Bundle;
    const author = bundle.objects.find((o) => o.type === 'identity') as Record<string, unknown>;
    author.x_opencti_reliability = 'B - Usually reliable';
    const [first, second] = bundle.objects.filter((o) => o.type === 'malware') as [Record<string, unknown>, Record<string, unknown>];
    first.created_by_ref = author.id;
    first.x_opencti_score = 85;
    second.created_by_ref = author.id;
    second.x_opencti_score = 30;
    second.confidence = 65; // STIX confidence, where given, is what grades the information
    const g = decodeStix(bundle, DEFAULT_PARSE_LIMITS);
    const source = g.sources.find((s) => s.reference === author.id);
    expect(source).toMatchObject({ title: 'JRI', reliability: 'B' });
    const citationOf = (label: string) => g.citations.find((c) => c.sourceKey === source?.key && c.quote === label);
    expect(citationOf('malware 01')?.credibility).toBe(1);
    expect(citationOf('malware 02')?.credibility).toBe(2);

    importGraph(g, 'graded.json');
    const jri = listSources(store.db).find((s) => s.title === 'JRI');
    expect(jri?.reliability).toBe('B');
    const malware01 = listEntities(store.db).find((e) => e.label === 'malware 01');
    expect(listCitations(store.db).filter((c) => c.sourceId === jri?.id && c.target.kind === 'entity' && c.target.id === malware01?.id).map((c) => c.credibility)).toEqual([1]);
  });
});

describe('STIX versions and ids', () => {
  it('a 2.1 bundle with one custom object lacking spec_version is not called a 2.0 bundle', () => {
    const bundle = read('stix21/apt1.json') as Bundle;
    bundle.objects.push({ type: 'x-opencti-simple-observable', id: 'x-opencti-simple-observable--0d6f3b43-5f0b-4c42-9a34-6f7d2b3a1e11', key: 'Text.value', value: 'kept out' });
    const g = decodeStix(bundle, DEFAULT_PARSE_LIMITS);
    expect(g.warnings.join(' ')).not.toMatch(/STIX 2\.0|spec_version/);
    expect(g.skipped).toContainEqual({ what: 'x-opencti-simple-observable--0d6f3b43-5f0b-4c42-9a34-6f7d2b3a1e11', reason: 'x-opencti-simple-observable objects are not imported' });
  });

  it('accepts any RFC 4122 UUID version in STIX ids (v1–v8), and still refuses what is not a UUID', () => {
    const actor = (uuid: string) => ({ type: 'threat-actor', spec_version: '2.1', id: `threat-actor--${uuid}`, created: '2025-01-01T00:00:00Z', modified: '2025-01-01T00:00:00Z', name: 'x' });
    for (const version of '12345678') expect(validateStixObject(actor(`019514dc-c894-${version}51f-8cfd-ff2b932ff451`), false, false)).toBeNull();
    expect(validateStixObject(actor('019514dc-c894-751f-cfd0-ff2b932ff451'), false, false)).toMatch(/not a STIX identifier/); // variant bits 11xx
    expect(validateStixObject(actor('019514dc-c894-751f-8cfd-ff2b932ff45'), false, false)).toMatch(/not a STIX identifier/);
  });

  it('a MISP threat actor with a UUIDv7 is exported as a threat-actor and re-imported with the same id', () => {
    const clusters = read('misp/clusters_threat-actor.json');
    importGraph(decodeMispGalaxy(clusters, 'clusters_threat-actor.json'), 'clusters_threat-actor.json');
    const stac = listEntities(store.db).find((e) => e.label === 'STAC5143');
    expect(stac?.id).toBe('019514dc-c894-751f-8cfd-ff2b932ff451');

    const doc = exportCaseDocument(store.db);
    const bundle = JSON.parse(encodeStix(doc)) as Bundle;
    const galaxyEntities = doc.entities.filter((e) => e.attributes.misp_galaxy === 'threat-actor');
    expect(galaxyEntities).toHaveLength(1041);
    const galaxyIds = new Set(galaxyEntities.map((e) => e.id));
    const exported = bundle.objects.filter((o) => typeof o.id === 'string' && galaxyIds.has(o.id.slice(o.id.indexOf('--') + 2)));
    expect(new Set(exported.map((o) => o.type))).toEqual(new Set(['threat-actor']));
    expect(exported).toHaveLength(galaxyEntities.length);
    const stacObject = bundle.objects.find((o) => o.id === 'threat-actor--019514dc-c894-751f-8cfd-ff2b932ff451');
    expect(stacObject).toBeDefined();
    for (const o of bundle.objects) expect(validateStixObject(o, false, false)).toBeNull();

    const back = decodeStix(bundle, DEFAULT_PARSE_LIMITS);
    expect(back.skipped.filter((s) => /not valid/.test(s.reason))).toEqual([]);
    expect(back.entities.find((e) => e.key === 'threat-actor--019514dc-c894-751f-8cfd-ff2b932ff451')).toMatchObject({ id: '019514dc-c894-751f-8cfd-ff2b932ff451', label: 'STAC5143' });
  }, 60_000);
});
