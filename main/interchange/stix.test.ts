import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseDocument, Entity } from '../../app/domain';
import { DEFAULT_PARSE_LIMITS, FILE_SOURCE_KEY } from '../../app/interchange/graph';
import { parseJsonText } from '../../app/interchange/jsonText';
import { decodeStix } from '../../app/interchange/stix/decode';
import { encodeStix } from '../../app/interchange/stix/encode';
import { validateStixObject } from '../../app/interchange/stix/schemas';
import { exportCaseDocument } from '../../db/exportCase';
import { openCaseFile } from '../../db/caseFile';
import { createSampleCase } from '../../db/samples';
import { tempFolder } from '../../db/testing/tempCase';

const fixture = (name: string) => parseJsonText(readFileSync(`../shared/fixtures/stix21/${name}`, 'utf8'), DEFAULT_PARSE_LIMITS);
const stix = (name: string) => decodeStix(fixture(name), DEFAULT_PARSE_LIMITS);

function jnimDocument(): CaseDocument {
  const tmp = tempFolder('awb-stix-');
  try {
    createSampleCase(tmp.file('j.awcase'), 'jnim');
    const store = openCaseFile(tmp.file('j.awcase'), { readonly: true });
    const doc = exportCaseDocument(store.db);
    store.close();
    return doc;
  } finally {
    tmp.cleanup();
  }
}

describe('STIX 2.1 fixtures', () => {
  it('apt1.json: intrusion set, threat actors, identities, tools and malware; the report becomes a source citing what it refers to', () => {
    const g = stix('apt1.json');
    const byType = (type: string) => g.entities.filter((e) => e.type === type);
    expect(g.entities).toHaveLength(5 + 4 + 1 + 10 + 7 + 6 + 12);
    expect(g.links).toHaveLength(30);
    const apt1 = g.entities.find((e) => e.label === 'APT1');
    expect(apt1).toMatchObject({ type: 'group', aliases: ['Comment Crew', 'Comment Group', 'Shady Rat'], startDate: '2006-06-01', id: 'da1065ce-972c-4605-8755-9cd1074e3b5a' });
    expect(apt1?.attributes).toMatchObject({ stix_id: 'intrusion-set--da1065ce-972c-4605-8755-9cd1074e3b5a', resource_level: 'government' });
    expect(byType('person').map((e) => e.label).sort()).toEqual(['JackWang', 'Mei Qiang', 'Wang Dong', 'dota']);
    expect(g.entities.find((e) => e.label === 'Ugly Gorilla')?.attributes.threat_actor_types).toBe('nation-state; spy');
    expect(g.links.map((l) => l.type).filter((t, i, all) => all.indexOf(t) === i).sort()).toEqual(['attributed_to', 'indicates', 'uses']);
    const report = g.sources.find((s) => s.key.startsWith('report--'));
    expect(report).toMatchObject({ title: "APT1: Exposing One of China's Cyber Espionage Units", publishedDate: '2013-02-19', reliability: 'F' });
    const reportCitations = g.citations.filter((c) => c.sourceKey === report?.key);
    expect(reportCitations.filter((c) => c.target.kind === 'entity')).toHaveLength(45);
    expect(reportCitations.filter((c) => c.target.kind === 'link')).toHaveLength(30);
  });

  it('poisonivy.json: campaigns, malware, vulnerabilities and a course of action; relationships kept', () => {
    const g = stix('poisonivy.json');
    expect(g.entities.filter((e) => e.type === 'event').map((e) => e.label).sort()).toEqual(['admin@338', 'menuPass', 'th3bug']);
    expect(g.entities.filter((e) => e.type === 'vulnerability')).toHaveLength(6);
    expect(g.links).toHaveLength(90);
    expect(g.skipped).toEqual([]);
  });

  it('indicator-to-campaign-relationship.json: the smallest bundle', () => {
    const g = stix('indicator-to-campaign-relationship.json');
    expect(g.entities.map((e) => [e.type, e.label])).toEqual([
      ['event', 'Operation Omega'],
      ['indicator', 'test_name'],
    ]);
    expect(g.links).toMatchObject([{ type: 'indicates', sourceKey: 'indicator--c43a0a05-e8d2-4f64-ae37-3f3fb153f8d9', directed: true }]);
  });

  it('interop-objectmarking-test.json: a bare object; TLP:RED read, the marking that points nowhere reported', () => {
    const g = stix('interop-objectmarking-test.json');
    expect(g.entities).toHaveLength(1);
    expect(g.entities[0]?.attributes).toMatchObject({ tlp: 'TLP:RED', external_id: 'CAPEC-163', marking_ref: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ec' });
    expect(g.warnings.join(' ')).toMatch(/single STIX object/);
    expect(g.warnings.join(' ')).toMatch(/5e57c739-391a-4eb3-b6be-7d15ca92d5ec, which is not in the file/);
  });

  it('mitre-attack-2.0-intrusion-set.json: a STIX 2.0 bundle is read leniently, whole, with a warning', () => {
    const g = stix('mitre-attack-2.0-intrusion-set.json');
    expect(g.warnings[0]).toMatch(/STIX 2\.0 bundle\. It was read leniently/);
    expect(g.entities).toHaveLength(1);
    expect(g.entities[0]).toMatchObject({ label: 'APT1', aliases: ['Comment Crew', 'Comment Group', 'Comment Panda'] });
    expect(g.entities[0]?.attributes.external_id).toBe('G0006');
    expect(g.sources.map((s) => s.reference)).toEqual([
      'https://attack.mitre.org/groups/G0006',
      'https://www.fireeye.com/content/dam/fireeye-www/services/pdfs/mandiant-apt1-report.pdf',
      'http://cdn0.vox-cdn.com/assets/4589853/crowdstrike-intelligence-report-putter-panda.original.pdf',
    ]);
  });

  it('leaves out one invalid object, naming it with its reason, and reads the rest', () => {
    const bundle = fixture('apt1.json') as { objects: Record<string, unknown>[] };
    const broken = bundle.objects[3] as Record<string, unknown>;
    delete broken.name;
    const whole = stix('apt1.json');
    const g = decodeStix(bundle, DEFAULT_PARSE_LIMITS);
    expect(g.entities.map((e) => e.key)).not.toContain(broken.id);
    expect(g.entities).toHaveLength(whole.entities.length - 1);
    expect(g.skipped).toContainEqual({ what: `STIX object 4 (${String(broken.id)}, threat-actor)`, reason: 'not valid STIX: name is missing' });
    expect(g.warnings).toContain('1 of 76 objects in this file is not valid STIX and was left out, each listed with its reason under skipped; the other objects are imported.');
  });

  it('refuses a file none of whose objects is valid, saying why', () => {
    const bundle = { type: 'bundle', id: 'bundle--6d0c4a44-3a68-4d7b-9b61-4c8f1c1d2a3b', objects: [{ type: 'threat-actor', id: 'threat-actor--not-a-uuid', spec_version: '2.1' }] };
    expect(() => decodeStix(bundle, DEFAULT_PARSE_LIMITS)).toThrow(/None of the 1 objects in this file is valid STIX; the first, STIX object 1 \(threat-actor--not-a-uuid, threat-actor\), is not valid STIX: id: not a STIX identifier/);
  });

  it('maps confidence to the file citation’s credibility', () => {
    const bundle = fixture('indicator-to-campaign-relationship.json') as { objects: Record<string, unknown>[] };
    (bundle.objects[0] as Record<string, unknown>).confidence = 65;
    const g = decodeStix(bundle, DEFAULT_PARSE_LIMITS);
    expect(g.citations.find((c) => c.sourceKey === FILE_SOURCE_KEY)?.credibility).toBe(2);
  });
});

describe('STIX 2.1 export', () => {
  const doc = jnimDocument();

  it('writes only objects that pass STIX 2.1 validation', () => {
    const bundle = JSON.parse(encodeStix(doc)) as { type: string; objects: unknown[] };
    expect(bundle.type).toBe('bundle');
    for (const o of bundle.objects) expect(validateStixObject(o, false, false)).toBeNull();
  });

  it('strict mode writes undefined relationship types as related-to with a description; custom mode keeps them', () => {
    const strict = JSON.parse(encodeStix(doc)) as { objects: Record<string, unknown>[] };
    const custom = JSON.parse(encodeStix(doc, { relationships: 'custom' })) as { objects: Record<string, unknown>[] };
    const membership = doc.links.find((l) => l.type === 'pledged_allegiance_to');
    const inStrict = strict.objects.find((o) => o.id === `relationship--${membership?.id}`);
    const inCustom = custom.objects.find((o) => o.id === `relationship--${membership?.id}`);
    expect(inStrict).toMatchObject({ relationship_type: 'related-to', x_analyst_workbench_link_type: 'pledged_allegiance_to' });
    expect(String(inStrict?.description)).toMatch(/^pledged allegiance to/);
    expect(inCustom?.relationship_type).toBe('pledged-allegiance-to');
    const located = strict.objects.find((o) => o.x_analyst_workbench_link_type === 'located_in');
    expect(located?.relationship_type).toBe('located-at');
  });

  it('keeps source reliability in x_analyst_workbench_reliability and credibility as confidence', () => {
    const bundle = JSON.parse(encodeStix(doc)) as { objects: Record<string, unknown>[] };
    const report = bundle.objects.find((o) => o.type === 'report');
    expect(report?.x_analyst_workbench_reliability).toBe(doc.sources[0]?.reliability);
    const citation = doc.citations.find((c) => c.credibility === 2);
    expect(bundle.objects.find((o) => o.id === `note--${citation?.id}`)?.confidence).toBe(70);
  });

  it('writes TLP markings from the tlp attribute, 1.0 or 2.0', () => {
    const marked: CaseDocument = {
      ...doc,
      entities: doc.entities.slice(0, 2).map((e, i): Entity => ({ ...e, attributes: i === 0 ? { tlp: 'TLP:AMBER' } : { tlp: 'TLP:AMBER', tlp_version: '2.0' } })),
      links: [],
      citations: [],
      notes: [],
      sources: [],
    };
    const bundle = JSON.parse(encodeStix(marked)) as { objects: Record<string, unknown>[] };
    const markings = bundle.objects.filter((o) => o.type === 'marking-definition').map((o) => o.id);
    expect(markings.sort()).toEqual(['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82']);
    const back = decodeStix(bundle, DEFAULT_PARSE_LIMITS);
    expect(back.entities.map((e) => e.attributes)).toEqual([{ tlp: 'TLP:AMBER' }, { tlp: 'TLP:AMBER', tlp_version: '2.0' }]);
  });
});
