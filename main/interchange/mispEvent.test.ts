import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDocument } from '../../app/domain';
import { encodeCase } from '../../app/interchange/encode';
import { EXPORT_CHOICES } from '../../app/interchange/exportChoices';
import { DEFAULT_PARSE_LIMITS, isUuid } from '../../app/interchange/graph';
import { parseJsonText } from '../../app/interchange/jsonText';
import { decodeMispEvents, encodeMispEvent } from '../../app/interchange/mispEvent';
import { detectFormat } from '../../app/interchange/parse';
import { createCaseFile, openCaseFile, type CaseStore } from '../../db/caseFile';
import { listCitations } from '../../db/citations';
import { listEntities } from '../../db/entities';
import { exportCaseDocument } from '../../db/exportCase';
import { commitImport } from '../../db/importCase';
import { listLinks } from '../../db/links';
import { createSampleCase } from '../../db/samples';
import { listSources } from '../../db/sources';
import { tempFolder } from '../../db/testing/tempCase';
import { runCli } from '../workbench';
import { ImportSessions } from './importService';
import { useBuiltInterchangeWorker } from './testing/workerBundle';

/**
 * MISP event JSON. testdata/misp-event-sahel.json is a file of our own making in the format MISP
 * instances exchange (as /events/view/<id>.json answers): one event with its creator organisation,
 * event tags (TLP and the admiralty-scale taxonomy), four attributes (one deleted, one tagged, one
 * carrying a terrorist-groups galaxy cluster), two objects from MISP's person and organization
 * templates with object references (one pointing outside the file), and a threat-actor galaxy.
 */

const SAHEL = 'main/interchange/testdata/misp-event-sahel.json';
const sahel = () => parseJsonText(readFileSync(SAHEL, 'utf8'), DEFAULT_PARSE_LIMITS);

let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
beforeAll(() => {
  useBuiltInterchangeWorker();
});
beforeEach(() => {
  tmp = tempFolder('awb-misp-event-');
  store = createCaseFile(tmp.file('c.awcase'), { name: 'MISP' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function jnimDocument(): CaseDocument {
  createSampleCase(tmp.file('j.awcase'), 'jnim');
  const jnim = openCaseFile(tmp.file('j.awcase'), { readonly: true });
  const doc = exportCaseDocument(jnim.db);
  jnim.close();
  return doc;
}

describe('MISP event JSON import', () => {
  it('attributes, objects and galaxy clusters become entities; object references links; tags kept; the event a source graded by its admiralty tags', () => {
    const g = decodeMispEvents(sahel(), 'misp-event-sahel.json', DEFAULT_PARSE_LIMITS);
    expect(g.format).toBe('misp-event');
    expect(g.entities.map((e) => [e.type, e.label])).toEqual([
      ['event', 'Sahel: JNIM media channel infrastructure'],
      ['domain_name', 'zallaqa-media.example'],
      ['ipv4_addr', '203.0.113.17'],
      ['other', 'az-Zallaqa Foundation'],
      ['armed_group', "Jama'at Nasr al-Islam wal Muslimin"],
      ['person', 'Iyad ag Ghali'],
      ['organisation', 'az-Zallaqa Foundation'],
      ['group', 'Sahel Media Ring'],
    ]);
    const byLabel = (label: string, type?: string) => g.entities.find((e) => e.label === label && (type === undefined || e.type === type));
    expect(byLabel('Sahel: JNIM media channel infrastructure')?.attributes).toMatchObject({ tlp: 'TLP:AMBER', threat_level: 'medium', analysis: 'ongoing', creator_org: 'Workbench Test CERT' });
    expect(String(byLabel('Sahel: JNIM media channel infrastructure')?.attributes.tags)).toMatch(/^tlp:amber; admiralty-scale:source-reliability="b"; /);
    expect(byLabel('zallaqa-media.example')).toMatchObject({ id: '8c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f', description: 'Mirror of the az-Zallaqa media site', attributes: { misp_type: 'domain', misp_category: 'Network activity', to_ids: true } });
    expect(byLabel('Iyad ag Ghali')).toMatchObject({ aliases: ['Abu al-Fadl'], attributes: { misp_object: 'person', nationality: 'Malian' } });
    expect(byLabel('az-Zallaqa Foundation', 'organisation')?.attributes).toMatchObject({ role: 'Media arm', tags: 'tlp:green', tlp: 'TLP:GREEN' });
    expect(byLabel("Jama'at Nasr al-Islam wal Muslimin")).toMatchObject({ id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', aliases: ['JNIM'], attributes: { misp_galaxy: 'terrorist-groups', country: 'ML; BF' } });
    expect(byLabel('Sahel Media Ring')).toMatchObject({ aliases: ['SMR'], attributes: { misp_galaxy: 'threat-actor' } });

    const label = (key: string) => g.entities.find((e) => e.key === key)?.label;
    expect(g.links.map((l) => [label(l.sourceKey), l.type, l.label, label(l.targetKey)])).toEqual([
      ['Sahel: JNIM media channel infrastructure', 'related_to', 'in event', 'zallaqa-media.example'],
      ['Sahel: JNIM media channel infrastructure', 'related_to', 'in event', '203.0.113.17'],
      ['Sahel: JNIM media channel infrastructure', 'related_to', 'in event', 'az-Zallaqa Foundation'],
      ['az-Zallaqa Foundation', 'related_to', 'galaxy', "Jama'at Nasr al-Islam wal Muslimin"],
      ['Sahel: JNIM media channel infrastructure', 'related_to', 'in event', 'Iyad ag Ghali'],
      ['Sahel: JNIM media channel infrastructure', 'related_to', 'in event', 'az-Zallaqa Foundation'],
      ['Iyad ag Ghali', 'leads', 'Emir since 2017', 'az-Zallaqa Foundation'],
      ['az-Zallaqa Foundation', 'uses', null, 'zallaqa-media.example'],
      ['Sahel: JNIM media channel infrastructure', 'related_to', 'galaxy', 'Sahel Media Ring'],
    ]);
    expect(g.skipped).toEqual([
      { what: 'attribute url "https://zallaqa-media.example/old"', reason: 'it is deleted in MISP' },
      { what: 'reference "related-to" from object person c05b6c7d-8e9f-4a0b-9c2d-3e4f5a6b7c8d to 00000000-1111-4222-8333-444444444444', reason: 'what it refers to is not in this file' },
    ]);

    const event = g.sources.find((s) => s.reference === 'misp-event:3f6c2a1e-9b4d-4e8a-a1c2-5d7e9f0b1c23');
    expect(event).toMatchObject({ title: 'Sahel: JNIM media channel infrastructure', publisher: 'Workbench Test CERT', publishedDate: '2024-05-14', reliability: 'B' });
    const credibilityOf = (entityLabel: string) => g.citations.find((c) => c.sourceKey === event?.key && c.quote === entityLabel)?.credibility;
    expect(credibilityOf('zallaqa-media.example')).toBe(2); // its own admiralty tag
    expect(credibilityOf('203.0.113.17')).toBe(3); // the event's
  });

  it('reads a {"response": [...]} of events, and recognises both shapes', () => {
    const event = (sahel() as { Event: Record<string, unknown> }).Event;
    const second = { ...event, uuid: '4a7d3b2f-0c5e-4f9b-b2d3-6e8f0a1c2d34', info: 'Second event', Attribute: [], Object: [], Galaxy: [] };
    const response = { response: [{ Event: event }, { Event: second }] };
    const g = decodeMispEvents(response, 'r.json', DEFAULT_PARSE_LIMITS);
    expect(g.entities.filter((e) => e.type === 'event').map((e) => e.label)).toEqual(['Sahel: JNIM media channel infrastructure', 'Second event']);
    expect(g.sources).toHaveLength(2);
    expect(detectFormat('r.json', JSON.stringify(response).slice(0, 4096))).toBe('misp-event');
    expect(detectFormat('e.json', readFileSync(SAHEL, 'latin1').slice(0, 4096))).toBe('misp-event');
    expect(detectFormat('clusters.json', readFileSync('../shared/fixtures/misp/clusters_threat-actor.json', 'latin1').slice(0, 4096))).toBe('misp');
    expect(detectFormat('apt1.json', readFileSync('../shared/fixtures/stix21/apt1.json', 'latin1').slice(0, 4096))).toBe('stix');
  });

  it('refuses what is not an event, saying where', () => {
    expect(() => decodeMispEvents({ Event: { Attribute: [] } }, 'x.json', DEFAULT_PARSE_LIMITS)).toThrow(/MISP event 1.*info/);
    expect(() => decodeMispEvents({ response: [{ Event: { info: 'a' } }, { Attribute: [] }] }, 'x.json', DEFAULT_PARSE_LIMITS)).toThrow(/Item 2 of this MISP response is not an event/);
    expect(() => decodeMispEvents({ response: [] }, 'x.json', DEFAULT_PARSE_LIMITS)).toThrow(/holds no events/);
  });

  it('imports through the preview like every format: detected, previewed with what it leaves out, then committed', async () => {
    const sessions = new ImportSessions();
    const preview = await sessions.preview(store, SAHEL, {});
    expect(preview.file).toMatchObject({ format: 'misp-event', formatLabel: 'MISP event (JSON)' });
    expect(preview.plan.counts.entities.create).toBe(8);
    expect(preview.plan.counts.links.create).toBe(9);
    expect(preview.plan.skipped).toHaveLength(2);
    const report = sessions.commit(store, preview.previewId);
    expect(report.created.entities).toBe(8);
    expect(listSources(store.db).find((s) => s.reference === 'misp-event:3f6c2a1e-9b4d-4e8a-a1c2-5d7e9f0b1c23')?.reliability).toBe('B');
    // Imported again: nothing new (same ids, same event source, same citations).
    const again = new ImportSessions();
    const second = await again.preview(store, SAHEL, {});
    const counts = { entities: listEntities(store.db).length, links: listLinks(store.db).length, citations: listCitations(store.db).length, sources: listSources(store.db).length };
    again.commit(store, second.previewId);
    expect({ entities: listEntities(store.db).length, links: listLinks(store.db).length, citations: listCitations(store.db).length, sources: listSources(store.db).length }).toEqual(counts);
  });
});

describe('MISP event JSON export', () => {
  it('writes an event MISP imports: typed attributes, objects with object relations, references to uuids in the event, unique uuids', () => {
    const doc = jnimDocument();
    const { Event: event } = JSON.parse(encodeMispEvent(doc)) as { Event: Record<string, unknown> };
    expect(event.info).toBe(doc.name);
    expect(isUuid(String(event.uuid))).toBe(true);
    expect(event.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const objects = event.Object as { uuid: string; name: string; 'meta-category': string; Attribute: { uuid: string; object_relation: string; type: string; category: string; value: string }[]; ObjectReference: { object_uuid: string; referenced_uuid: string; relationship_type: string }[] }[];
    const attributes = event.Attribute as { uuid: string }[];
    expect(objects).toHaveLength(doc.entities.length);
    const uuids = [String(event.uuid), ...objects.map((o) => o.uuid), ...attributes.map((a) => a.uuid), ...objects.flatMap((o) => o.Attribute.map((a) => a.uuid))];
    expect(new Set(uuids).size).toBe(uuids.length);
    for (const uuid of uuids) expect(isUuid(uuid), uuid).toBe(true);
    const inEvent = new Set([...objects.map((o) => o.uuid), ...attributes.map((a) => a.uuid)]);
    for (const o of objects) {
      expect(o.name).toMatch(/^[a-z-]+$/);
      expect(o['meta-category']).toBe('misc');
      expect(o.Attribute.length).toBeGreaterThan(0);
      for (const a of o.Attribute) {
        expect(a).toMatchObject({ type: 'text', category: 'Other' });
        expect(a.object_relation.trim()).not.toBe('');
        expect(a.value.trim()).not.toBe('');
      }
      for (const r of o.ObjectReference) {
        expect(r.object_uuid).toBe(o.uuid);
        expect(inEvent.has(r.referenced_uuid)).toBe(true);
        expect(r.relationship_type).toMatch(/^[a-z0-9-]+$/);
      }
    }
    expect(objects.flatMap((o) => o.ObjectReference)).toHaveLength(doc.links.length);
    const person = doc.entities.find((e) => e.type === 'person');
    const personObject = objects.find((o) => o.uuid === person?.id);
    expect(personObject?.name).toBe('person');
    expect(personObject?.Attribute.find((a) => a.object_relation === 'full-name')?.value).toBe(person?.label);
  });

  it('round trip: the JNIM case exported as a MISP event and read back has the same entities and links', () => {
    const doc = jnimDocument();
    const g = decodeMispEvents(JSON.parse(encodeMispEvent(doc)), 'jnim.misp.json', DEFAULT_PARSE_LIMITS);
    const eventKey = g.entities.find((e) => e.type === 'event' && e.label === doc.name)?.key;
    const back = g.entities.filter((e) => e.key !== eventKey);
    expect(back.map((e) => [e.id, e.type, e.label, [...e.aliases].sort(), e.description])).toEqual(
      doc.entities.map((e) => [e.id, e.type, e.label, [...e.aliases].sort(), e.description]),
    );
    for (const entity of doc.entities) {
      const read = back.find((e) => e.id === entity.id);
      for (const [key, value] of Object.entries(entity.attributes)) expect(read?.attributes[key], `${entity.label}.${key}`).toBe(String(value));
    }
    const links = g.links.filter((l) => l.sourceKey !== eventKey && l.targetKey !== eventKey);
    expect(links.map((l) => [l.sourceKey, l.type, l.targetKey, l.label]).sort()).toEqual(doc.links.map((l) => [l.sourceId, l.type, l.targetId, l.label]).sort());
  });

  it('a MISP event read in, written out and read again keeps its attributes, objects, references, tags and galaxy clusters', () => {
    commitImport(store.db, decodeMispEvents(sahel(), 'misp-event-sahel.json', DEFAULT_PARSE_LIMITS), { name: 'misp-event-sahel.json', sha256: 'ef'.repeat(32), bytes: 1 });
    const doc = exportCaseDocument(store.db);
    const { Event: event } = JSON.parse(encodeMispEvent(doc)) as { Event: { Attribute: { type: string; value: string; Tag: { name: string }[] }[]; Galaxy: { type: string; GalaxyCluster: { value: string }[] }[]; Tag: { name: string }[] } };
    expect(event.Attribute.map((a) => [a.type, a.value]).sort()).toEqual([
      ['domain', 'zallaqa-media.example'],
      ['ip-dst', '203.0.113.17'],
      ['text', 'az-Zallaqa Foundation'],
    ].sort());
    // The attribute's galaxy cluster goes back on the attribute.
    const text = event.Attribute.find((a) => a.type === 'text') as unknown as { Galaxy: { type: string; GalaxyCluster: { uuid: string }[] }[] };
    expect(text.Galaxy).toMatchObject([{ type: 'terrorist-groups', GalaxyCluster: [{ uuid: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }] }]);
    expect(event.Attribute.find((a) => a.type === 'domain')?.Tag).toEqual([{ name: 'admiralty-scale:information-credibility="2"' }]);
    expect(event.Galaxy.map((gx) => [gx.type, gx.GalaxyCluster.map((c) => c.value)]).sort()).toEqual([
      ['terrorist-groups', ["Jama'at Nasr al-Islam wal Muslimin"]],
      ['threat-actor', ['Sahel Media Ring']],
    ]);
    expect(event.Tag.map((t) => t.name).sort()).toEqual(['misp-galaxy:terrorist-groups="Jama\'at Nasr al-Islam wal Muslimin"', 'misp-galaxy:threat-actor="Sahel Media Ring"']);

    const again = decodeMispEvents(JSON.parse(encodeMispEvent(doc)), 'again.json', DEFAULT_PARSE_LIMITS);
    const labelsOf = (entities: { label: string; type: string }[]) => entities.filter((e) => e.type !== 'event').map((e) => `${e.type}:${e.label}`).sort();
    expect(labelsOf(again.entities)).toEqual(labelsOf(listEntities(store.db)).filter((l) => !l.startsWith('event:')));
    const leads = again.links.find((l) => l.type === 'leads');
    expect(leads?.label).toBe('Emir since 2017');
  });

  it('is in the export menu and the CLI: npx workbench export --format misp-event', async () => {
    expect(EXPORT_CHOICES.find((c) => c.format === 'misp-event')).toMatchObject({ label: 'MISP event (JSON)' });
    const doc = jnimDocument();
    expect(encodeCase(doc, 'misp-event')).toMatchObject([{ part: null, extension: 'json' }]);
    const out = tmp.file('j.misp.json');
    const err: string[] = [];
    const status = await runCli(['export', tmp.file('j.awcase'), '--format', 'misp-event', '-o', out], { out: () => undefined, err: (t) => err.push(t) });
    expect(status).toBe(0);
    expect(err).toEqual([`Wrote ${out}`]);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { Event: { info: string } };
    expect(written.Event.info).toBe(doc.name);
    const said: string[] = [];
    const imported = await runCli(['import', tmp.file('c.awcase'), out, '--dry-run'], { out: (t) => said.push(t), err: (t) => said.push(t) });
    expect(imported).toBe(0);
    expect(said.join('\n')).toMatch(/j\.misp\.json \(MISP event \(JSON\), /);
  });
});
