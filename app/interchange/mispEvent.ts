import { z } from 'zod';
import { RELIABILITY_GRADES, type Attributes, type CaseDocument, type Credibility, type Entity, type Reliability } from '../domain';
import { describeZodError } from './caseJson';
import { emptyGraph, InterchangeError, isUuid, putAttribute, type GraphEntity, type GraphTarget, type InterchangeGraph, type ParseLimits } from './graph';
import { isRecord } from './jsonText';
import { entityTypeFor } from './misp';
import { stableUuid } from './stix/encode';

/**
 * MISP event JSON, the format MISP instances exchange (`/events/view/<id>` and `/events/restSearch`
 * answer with it; Import from MISP JSON reads it): `{"Event": {...}}`, `{"response": [{"Event":
 * {...}}, ...]}` or a list of either.
 *
 * Read: each event becomes a source (its info, its creator organisation, its date) and an event
 * entity; its attributes, its objects and its galaxy clusters become entities linked to the event;
 * object references become links; tags are kept (`tags`, and `tlp` for a TLP tag); the
 * admiralty-scale taxonomy's tags grade the event as a source and its attributes as citations.
 * Written: the case as one event: every entity an object (or, if it came from a MISP attribute and
 * links nothing, that attribute again), every link an object reference, galaxy entities also as
 * galaxy clusters with their `misp-galaxy:` tag.
 */

const tagSchema = z.object({ name: z.string() }).passthrough();
const clusterSchema = z
  .object({
    uuid: z.string().optional(),
    value: z.string().min(1),
    type: z.string().optional(),
    description: z.string().optional(),
    tag_name: z.string().optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();
const galaxySchema = z.object({ name: z.string().optional(), type: z.string().optional(), GalaxyCluster: z.array(clusterSchema).optional() }).passthrough();
const attributeSchema = z
  .object({
    uuid: z.string().optional(),
    type: z.string().min(1),
    category: z.string().optional(),
    value: z.string(),
    comment: z.string().optional(),
    to_ids: z.union([z.boolean(), z.string(), z.number()]).optional(),
    object_relation: z.string().nullable().optional(),
    deleted: z.union([z.boolean(), z.string(), z.number()]).optional(),
    Tag: z.array(tagSchema).optional(),
    Galaxy: z.array(galaxySchema).optional(),
  })
  .passthrough();
const referenceSchema = z.object({ referenced_uuid: z.string(), relationship_type: z.string().min(1), comment: z.string().optional(), uuid: z.string().optional() }).passthrough();
const objectSchema = z
  .object({
    uuid: z.string().optional(),
    name: z.string().min(1),
    'meta-category': z.string().optional(),
    description: z.string().optional(),
    comment: z.string().optional(),
    deleted: z.union([z.boolean(), z.string(), z.number()]).optional(),
    Attribute: z.array(attributeSchema).optional(),
    ObjectReference: z.array(referenceSchema).optional(),
  })
  .passthrough();
const eventSchema = z
  .object({
    uuid: z.string().optional(),
    info: z.string(),
    date: z.string().optional(),
    threat_level_id: z.union([z.string(), z.number()]).optional(),
    analysis: z.union([z.string(), z.number()]).optional(),
    Orgc: z.object({ name: z.string() }).passthrough().optional(),
    Attribute: z.array(attributeSchema).optional(),
    Object: z.array(objectSchema).optional(),
    Tag: z.array(tagSchema).optional(),
    Galaxy: z.array(galaxySchema).optional(),
  })
  .passthrough();

type MispAttribute = z.infer<typeof attributeSchema>;
type MispCluster = z.infer<typeof clusterSchema>;
type MispGalaxy = z.infer<typeof galaxySchema>;

/** Whether a JSON value looks like MISP event JSON (for format detection and a clear refusal). */
export function isMispEventJson(value: unknown): boolean {
  if (isRecord(value)) return isRecord(value.Event) || (Array.isArray(value.response) && value.response.some((r) => isRecord(r) && isRecord(r.Event)));
  return Array.isArray(value) && value.length > 0 && value.every((r) => isRecord(r) && isRecord(r.Event));
}

function eventsOf(value: unknown): unknown[] {
  if (isRecord(value) && isRecord(value.Event)) return [value.Event];
  const list = isRecord(value) && Array.isArray(value.response) ? value.response : Array.isArray(value) ? value : null;
  if (list === null) throw new InterchangeError('This is not MISP event JSON: it holds neither an "Event" nor a "response" list of events');
  return list.map((item, index) => {
    if (!isRecord(item) || !isRecord(item.Event)) throw new InterchangeError(`Item ${index + 1} of this MISP response is not an event`, { record: index + 1 });
    return item.Event;
  });
}

/** MISP attribute types → our entity types; the STIX cyber-observable names the STIX reader gives the same things. */
const ATTRIBUTE_TYPE_TO_ENTITY: Record<string, string> = {
  'ip-src': 'ipv4_addr',
  'ip-dst': 'ipv4_addr',
  domain: 'domain_name',
  hostname: 'domain_name',
  url: 'url',
  uri: 'url',
  link: 'url',
  email: 'email_addr',
  'email-src': 'email_addr',
  'email-dst': 'email_addr',
  md5: 'file',
  sha1: 'file',
  sha256: 'file',
  sha512: 'file',
  filename: 'file',
  'mac-address': 'mac_addr',
  AS: 'autonomous_system',
  'phone-number': 'phone_number',
  'whois-registrant-phone': 'phone_number',
  'threat-actor': 'group',
  'campaign-name': 'event',
  'full-name': 'person',
  'first-name': 'person',
  'person-name': 'person',
  'place-of-birth': 'place',
  'country-of-residence': 'place',
  text: 'other',
  other: 'other',
  comment: 'other',
};

function entityTypeOfAttribute(attribute: MispAttribute): string {
  const mapped = ATTRIBUTE_TYPE_TO_ENTITY[attribute.type] ?? ATTRIBUTE_TYPE_TO_ENTITY[attribute.type.split('|')[0] ?? ''];
  if (mapped === 'ipv4_addr' && attribute.value.includes(':') && !/^[0-9.]+:\d+$/.test(attribute.value)) return 'ipv6_addr';
  return mapped ?? 'other';
}

/** MISP object templates → our entity types (the objects our export writes name our type in their comment). */
const OBJECT_NAME_TO_ENTITY: Record<string, string> = {
  person: 'person',
  organization: 'organisation',
  'legal-entity': 'organisation',
  geolocation: 'place',
  file: 'file',
  'domain-ip': 'domain_name',
  'ip-port': 'ipv4_addr',
  url: 'url',
  email: 'email_message',
  'phone-number': 'phone_number',
  'bank-account': 'revenue_source',
  report: 'document',
};

/** Object relations that name the object, first found first. */
const NAME_RELATIONS = ['full-name', 'name', 'value', 'domain', 'hostname', 'ip', 'ip-dst', 'url', 'filename', 'email', 'address', 'text'];
const OUR_TYPE = /^Analyst Workbench type: ([A-Za-z0-9_-]{1,100})$/m;

const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 'true';
const dayOf = (date: string | undefined) => (date !== undefined && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null);

/**
 * Tags of MISP's admiralty-scale taxonomy grade what they are on: `admiralty-scale:source-reliability="b"`
 * is our reliability B; `admiralty-scale:information-credibility="2"` our credibility 2.
 */
function reliabilityOfTags(tags: string[]): Reliability | undefined {
  for (const tag of tags) {
    const letter = /^admiralty-scale:source-reliability\s*=\s*"?([a-f])"?$/i.exec(tag.trim())?.[1]?.toUpperCase();
    const grade = RELIABILITY_GRADES.find((g) => g === letter);
    if (grade) return grade;
  }
  return undefined;
}
function credibilityOfTags(tags: string[]): Credibility | undefined {
  for (const tag of tags) {
    const digit = Number(/^admiralty-scale:information-credibility\s*=\s*"?([1-6])"?$/i.exec(tag.trim())?.[1]);
    if (digit >= 1 && digit <= 6) return digit as Credibility;
  }
  return undefined;
}

function keepTags(attributes: Attributes, tags: string[]): void {
  if (tags.length === 0) return;
  putAttribute(attributes, 'tags', tags.join('; '));
  const tlp = tags.map((t) => /^tlp:\s*([a-z+-]+)$/i.exec(t.trim())?.[1]).find((v) => v !== undefined);
  if (tlp !== undefined) putAttribute(attributes, 'tlp', `TLP:${tlp.toUpperCase()}`);
}

const tagNames = (tags: { name: string }[] | undefined) => (tags ?? []).map((t) => t.name).filter((n) => n.trim() !== '');
const linkTypeOf = (relationship: string) => {
  const written = relationship.trim().toLowerCase();
  // Ours (and MISP's own) are words joined by hyphens: each hyphen is an underscore of our type, kept exactly.
  if (/^[a-z0-9][a-z0-9_-]*$/.test(written)) return written.replace(/-/g, '_');
  const type = written.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return type || 'related_to';
};

/** Reads MISP event JSON into the interchange graph. */
export function decodeMispEvents(value: unknown, fileName: string, limits: ParseLimits): InterchangeGraph {
  const raw = eventsOf(value);
  if (raw.length === 0) throw new InterchangeError('This MISP file holds no events');
  const graph = emptyGraph('misp-event');
  const entityKeys = new Set<string>();
  const entityOfUuid = new Map<string, string>();
  let items = 0;
  const count = () => {
    if (++items > limits.maxItems) throw new InterchangeError(`This file has more than ${limits.maxItems} items`);
  };

  raw.forEach((eventValue, eventIndex) => {
    const parsed = eventSchema.safeParse(eventValue);
    if (!parsed.success) throw new InterchangeError(describeZodError(parsed.error, `MISP event ${eventIndex + 1}`));
    const event = parsed.data;
    const eventUuid = event.uuid !== undefined && isUuid(event.uuid) ? event.uuid.toLowerCase() : undefined;
    const eventKey = `event:${eventUuid ?? eventIndex}`;
    const eventTags = tagNames(event.Tag);
    const defaultCredibility = credibilityOfTags(eventTags) ?? 6;
    const where = `event "${event.info}"${eventUuid ? ` (${eventUuid})` : ''}`;

    graph.sources.push({
      key: eventKey,
      title: (event.info.trim() || `MISP event ${eventUuid ?? eventIndex + 1}`),
      author: null,
      publisher: event.Orgc?.name ?? null,
      publishedDate: dayOf(event.date),
      reference: eventUuid ? `misp-event:${eventUuid}` : null,
      reliability: reliabilityOfTags(eventTags) ?? 'F',
      body: null,
    });

    const eventAttributes: Attributes = {};
    if (eventUuid) putAttribute(eventAttributes, 'misp_event_uuid', eventUuid);
    if (event.threat_level_id !== undefined) putAttribute(eventAttributes, 'threat_level', ['', 'high', 'medium', 'low', 'undefined'][Number(event.threat_level_id)] ?? String(event.threat_level_id));
    if (event.analysis !== undefined) putAttribute(eventAttributes, 'analysis', ['initial', 'ongoing', 'completed'][Number(event.analysis)] ?? String(event.analysis));
    if (event.Orgc) putAttribute(eventAttributes, 'creator_org', event.Orgc.name);
    keepTags(eventAttributes, eventTags);
    const addEntity = (entity: GraphEntity, credibility: Credibility, misp: string | undefined) => {
      if (entityKeys.has(entity.key)) {
        graph.skipped.push({ what: entity.locator, reason: `${entity.key} is already in this file` });
        return;
      }
      count();
      graph.entities.push(entity);
      entityKeys.add(entity.key);
      if (misp !== undefined) entityOfUuid.set(misp, entity.key);
      graph.citations.push({ sourceKey: eventKey, target: { kind: 'entity', key: entity.key }, quote: entity.label, locator: entity.locator, credibility, comment: null });
    };
    addEntity(
      { key: eventKey, ...(eventUuid ? { id: eventUuid } : {}), type: 'event', label: event.info.trim() || `MISP event ${eventIndex + 1}`, aliases: [], description: null, startDate: dayOf(event.date), endDate: null, attributes: eventAttributes, locator: where },
      defaultCredibility,
      eventUuid,
    );

    let linkCount = 0;
    const linked = new Set<string>();
    const link = (from: string, to: string, type: string, label: string | null, locator: string, credibility: Credibility, reference = false) => {
      // The event holds each thing once: an "in event" link and a "galaxy" link to the same cluster are one.
      // An object reference is the analyst's own link, kept as written (even to itself, even twice).
      const pair = `${from}\u0000${to}\u0000${type === 'related_to' ? '' : type}`;
      if (!reference && (from === to || (type === 'related_to' && linked.has(pair)))) return;
      linked.add(pair);
      count();
      const key = `${eventKey}#link${linkCount++}`;
      graph.links.push({ key, type, sourceKey: from, targetKey: to, directed: type !== 'related_to', label, description: null, startDate: null, endDate: null, attributes: {}, locator });
      const target: GraphTarget = { kind: 'link', key };
      graph.citations.push({ sourceKey: eventKey, target, quote: label ?? type, locator, credibility, comment: null });
    };

    const clusterKey = (galaxy: MispGalaxy, cluster: MispCluster): string => {
      const uuid = cluster.uuid !== undefined && isUuid(cluster.uuid) ? cluster.uuid.toLowerCase() : undefined;
      const key = uuid ?? `cluster:${cluster.tag_name ?? `${galaxy.type ?? ''}=${cluster.value}`}`;
      if (entityKeys.has(key)) return key;
      const galaxyType = cluster.type ?? galaxy.type ?? 'galaxy';
      const attributes: Attributes = {};
      putAttribute(attributes, 'misp_galaxy', galaxyType);
      if (uuid) putAttribute(attributes, 'misp_uuid', uuid);
      if (cluster.tag_name !== undefined) putAttribute(attributes, 'misp_tag', cluster.tag_name);
      const meta = cluster.meta ?? {};
      for (const [name, v] of Object.entries(meta)) {
        if (name === 'synonyms' || name === 'refs') continue;
        putAttribute(attributes, name, Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join('; ') : v, graph.warnings);
      }
      const synonyms = Array.isArray(meta.synonyms) ? meta.synonyms.filter((s): s is string => typeof s === 'string' && s.trim() !== '' && s !== cluster.value) : [];
      addEntity(
        {
          key,
          ...(uuid ? { id: uuid } : {}),
          type: entityTypeFor(galaxyType, galaxy.name ?? galaxyType),
          label: cluster.value.trim(),
          aliases: [...new Set(synonyms)],
          description: cluster.description?.trim() ? cluster.description : null,
          startDate: null,
          endDate: null,
          attributes,
          locator: `galaxy cluster "${cluster.value}" in ${where}`,
        },
        defaultCredibility,
        uuid,
      );
      return key;
    };
    const linkGalaxies = (from: string, galaxies: MispGalaxy[] | undefined, locator: string, credibility: Credibility) => {
      for (const galaxy of galaxies ?? []) for (const cluster of galaxy.GalaxyCluster ?? []) link(from, clusterKey(galaxy, cluster), 'related_to', 'galaxy', locator, credibility);
    };

    (event.Attribute ?? []).forEach((attribute, index) => {
      const uuid = attribute.uuid !== undefined && isUuid(attribute.uuid) ? attribute.uuid.toLowerCase() : undefined;
      const locator = `Attribute ${uuid ?? index + 1} (${attribute.type}) of ${where}`;
      if (truthy(attribute.deleted)) {
        graph.skipped.push({ what: `attribute ${attribute.type} "${attribute.value.slice(0, 80)}"`, reason: 'it is deleted in MISP' });
        return;
      }
      if (attribute.value.trim() === '') {
        graph.skipped.push({ what: `attribute ${uuid ?? index + 1} (${attribute.type})`, reason: 'its value is empty' });
        return;
      }
      const tags = tagNames(attribute.Tag);
      const attributes: Attributes = {};
      putAttribute(attributes, 'misp_type', attribute.type);
      if (attribute.category !== undefined) putAttribute(attributes, 'misp_category', attribute.category);
      if (uuid) putAttribute(attributes, 'misp_uuid', uuid);
      if (attribute.to_ids !== undefined) putAttribute(attributes, 'to_ids', truthy(attribute.to_ids));
      keepTags(attributes, tags);
      const key = uuid ?? `${eventKey}#attribute${index}`;
      const credibility = credibilityOfTags(tags) ?? defaultCredibility;
      addEntity(
        { key, ...(uuid ? { id: uuid } : {}), type: entityTypeOfAttribute(attribute), label: attribute.value.trim(), aliases: [], description: attribute.comment?.trim() ? attribute.comment : null, startDate: null, endDate: null, attributes, locator },
        credibility,
        uuid,
      );
      link(eventKey, key, 'related_to', 'in event', locator, credibility);
      linkGalaxies(key, attribute.Galaxy, locator, credibility);
    });

    const objects = event.Object ?? [];
    const objectKeys: (string | null)[] = objects.map((object, index) => {
      const uuid = object.uuid !== undefined && isUuid(object.uuid) ? object.uuid.toLowerCase() : undefined;
      if (truthy(object.deleted)) {
        graph.skipped.push({ what: `object ${object.name} ${uuid ?? index + 1}`, reason: 'it is deleted in MISP' });
        return null;
      }
      const locator = `Object ${object.name} ${uuid ?? index + 1} of ${where}`;
      const parts = (object.Attribute ?? []).filter((a) => !truthy(a.deleted) && a.value.trim() !== '');
      const relation = (a: MispAttribute) => a.object_relation ?? a.type;
      const named = NAME_RELATIONS.map((r) => parts.find((a) => relation(a) === r)).find((a) => a !== undefined);
      const first = parts.find((a) => relation(a) === 'first-name')?.value;
      const last = parts.find((a) => relation(a) === 'last-name')?.value;
      const label = (named?.value ?? ([first, last].filter((v) => v).join(' ') || parts[0]?.value) ?? `${object.name} ${uuid ?? index + 1}`).trim();
      const attributes: Attributes = {};
      putAttribute(attributes, 'misp_object', object.name);
      if (uuid) putAttribute(attributes, 'misp_uuid', uuid);
      const aliases: string[] = [];
      // An object's own `description` describes its template ("A person object…"), not the thing.
      let description: string | null = null;
      const tags: string[] = [];
      const grouped = new Map<string, string[]>();
      for (const part of parts) {
        tags.push(...tagNames(part.Tag));
        const r = relation(part);
        if (part === named) continue;
        if (r === 'alias') aliases.push(part.value);
        else if (r === 'description' && description === null) description = part.value;
        else grouped.set(r, [...(grouped.get(r) ?? []), part.value]);
      }
      for (const [r, values] of grouped) putAttribute(attributes, r, values.join('; '), graph.warnings);
      keepTags(attributes, [...new Set(tags)]);
      const ourType = OUR_TYPE.exec(object.comment ?? '')?.[1];
      if (object.comment?.trim() && ourType === undefined) putAttribute(attributes, 'comment', object.comment);
      const key = uuid ?? `${eventKey}#object${index}`;
      const credibility = credibilityOfTags(tags) ?? defaultCredibility;
      addEntity(
        { key, ...(uuid ? { id: uuid } : {}), type: ourType ?? OBJECT_NAME_TO_ENTITY[object.name] ?? 'other', label, aliases: [...new Set(aliases)].filter((a) => a !== label), description, startDate: null, endDate: null, attributes, locator },
        credibility,
        uuid,
      );
      for (const part of parts) if (part.uuid !== undefined && isUuid(part.uuid)) entityOfUuid.set(part.uuid.toLowerCase(), key);
      link(eventKey, key, 'related_to', 'in event', locator, credibility);
      for (const part of parts) linkGalaxies(key, part.Galaxy, locator, credibility);
      return key;
    });

    objects.forEach((object, index) => {
      const from = objectKeys[index];
      if (from === null || from === undefined) return;
      for (const reference of object.ObjectReference ?? []) {
        const to = entityOfUuid.get(reference.referenced_uuid.toLowerCase());
        const what = `reference "${reference.relationship_type}" from object ${object.name} ${object.uuid ?? index + 1} to ${reference.referenced_uuid}`;
        if (to === undefined) {
          graph.skipped.push({ what, reason: 'what it refers to is not in this file' });
          continue;
        }
        link(from, to, linkTypeOf(reference.relationship_type), reference.comment?.trim() ? reference.comment : null, `${what} in ${where}`, defaultCredibility, true);
      }
    });

    // Last, so that a cluster the event also holds as an object (our own exports do) is that object.
    linkGalaxies(eventKey, event.Galaxy, where, defaultCredibility);
  });
  return graph;
}

/** Our entity types → the MISP object template that carries them, and the relation that names it. */
const ENTITY_TO_OBJECT: Record<string, { name: string; metaCategory: string; nameRelation: string }> = {
  person: { name: 'person', metaCategory: 'misc', nameRelation: 'full-name' },
  organisation: { name: 'organization', metaCategory: 'misc', nameRelation: 'name' },
  government_body: { name: 'organization', metaCategory: 'misc', nameRelation: 'name' },
  armed_force: { name: 'organization', metaCategory: 'misc', nameRelation: 'name' },
  international_organisation: { name: 'organization', metaCategory: 'misc', nameRelation: 'name' },
  coalition: { name: 'organization', metaCategory: 'misc', nameRelation: 'name' },
  group: { name: 'organization', metaCategory: 'misc', nameRelation: 'name' },
  armed_group: { name: 'organization', metaCategory: 'misc', nameRelation: 'name' },
  ethnic_group: { name: 'organization', metaCategory: 'misc', nameRelation: 'name' },
  state: { name: 'geolocation', metaCategory: 'misc', nameRelation: 'text' },
  place: { name: 'geolocation', metaCategory: 'misc', nameRelation: 'text' },
};
const GENERIC_OBJECT = { name: 'annotation', metaCategory: 'misc', nameRelation: 'text' };

/** Attributes of ours that say where an entity came from in MISP, not what it is: not written as object attributes. */
const BOOKKEEPING = new Set(['misp_type', 'misp_category', 'misp_uuid', 'misp_object', 'misp_galaxy', 'misp_tag', 'misp_event_uuid', 'to_ids', 'tags', 'tlp', 'tlp_version']);

const uuidOf = (id: string) => (isUuid(id) ? id.toLowerCase() : stableUuid(id));

function tagsOf(entity: Pick<Entity, 'attributes'>): { name: string }[] {
  const names = typeof entity.attributes.tags === 'string' ? entity.attributes.tags.split('; ').filter((t) => t.trim() !== '') : [];
  const tlp = entity.attributes.tlp;
  if (typeof tlp === 'string' && /^TLP:/i.test(tlp) && !names.some((n) => /^tlp:/i.test(n))) names.push(tlp.toLowerCase());
  return names.map((name) => ({ name }));
}

/** A galaxy entity as the cluster MISP attaches by its uuid or its `misp-galaxy:` tag. */
function clusterOf(entity: Entity, galaxyType: string) {
  const tagName = typeof entity.attributes.misp_tag === 'string' ? entity.attributes.misp_tag : `misp-galaxy:${galaxyType}="${entity.label.replace(/"/g, "'")}"`;
  return { uuid: uuidOf(entity.id), type: galaxyType, value: entity.label, tag_name: tagName, description: entity.description ?? '', meta: entity.aliases.length > 0 ? { synonyms: entity.aliases } : {} };
}

/** Writes the case as one MISP event (`{"Event": {...}}`), which MISP's Import from MISP JSON reads. */
export function encodeMispEvent(doc: CaseDocument): string {
  const timestamp = String(Math.floor(Date.parse(doc.exportedAt) / 1000) || 0);
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const galaxyTypeOf = (id: string) => {
    const galaxy = byId.get(id)?.attributes.misp_galaxy;
    return typeof galaxy === 'string' && galaxy.trim() !== '' ? galaxy : undefined;
  };
  // An attribute's link to a galaxy cluster goes back as the attribute's Galaxy; any other link
  // from it needs an object (object references start from objects only).
  const isGalaxyLink = (l: CaseDocument['links'][number]) => l.type === 'related_to' && galaxyTypeOf(l.targetId) !== undefined;
  const outgoing = new Set(doc.links.filter((l) => !(isGalaxyLink(l) && typeof byId.get(l.sourceId)?.attributes.misp_type === 'string')).map((l) => l.sourceId));
  const attributeGalaxyLinks = new Set<string>();
  const uuids = new Map(doc.entities.map((e) => [e.id, uuidOf(e.id)]));
  const attributes: Record<string, unknown>[] = [];
  const objects: Record<string, unknown>[] = [];
  const galaxies = new Map<string, Record<string, unknown>[]>();
  const eventTags: { name: string }[] = [];
  const objectOf = new Map<string, Record<string, unknown>>();

  for (const entity of doc.entities) {
    const uuid = uuids.get(entity.id) as string;
    const mispType = entity.attributes.misp_type;
    if (typeof mispType === 'string' && mispType.trim() !== '' && !outgoing.has(entity.id)) {
      attributes.push({
        uuid,
        type: mispType,
        category: typeof entity.attributes.misp_category === 'string' ? entity.attributes.misp_category : 'Other',
        value: entity.label,
        to_ids: entity.attributes.to_ids === true,
        distribution: '5',
        comment: entity.description ?? '',
        timestamp,
        Tag: tagsOf(entity),
        Galaxy: doc.links
          .filter((l) => l.sourceId === entity.id && isGalaxyLink(l))
          .map((l) => {
            attributeGalaxyLinks.add(l.id);
            const cluster = byId.get(l.targetId) as Entity;
            const type = galaxyTypeOf(cluster.id) as string;
            return { type, name: type, GalaxyCluster: [clusterOf(cluster, type)] };
          }),
      });
      continue;
    }
    const galaxyType = entity.attributes.misp_galaxy;
    if (typeof galaxyType === 'string' && galaxyType.trim() !== '') {
      const cluster = clusterOf(entity, galaxyType);
      galaxies.set(galaxyType, [...(galaxies.get(galaxyType) ?? []), cluster]);
      eventTags.push({ name: cluster.tag_name });
    }
    const template = ENTITY_TO_OBJECT[entity.type] ?? GENERIC_OBJECT;
    const part = (relation: string, value: string, extra: Record<string, unknown> = {}) => ({
      uuid: stableUuid(`${uuid}:${relation}:${value}`),
      object_relation: relation,
      type: 'text',
      category: 'Other',
      value,
      to_ids: false,
      distribution: '5',
      timestamp,
      ...extra,
    });
    const parts = [part(template.nameRelation, entity.label, { Tag: tagsOf(entity) })];
    for (const alias of entity.aliases) parts.push(part('alias', alias));
    if (entity.description !== null && entity.description.trim() !== '') parts.push(part('description', entity.description));
    for (const [key, value] of Object.entries(entity.attributes)) {
      if (BOOKKEEPING.has(key) || key === template.nameRelation || key === 'alias' || key === 'description') continue;
      parts.push(part(key, String(value)));
    }
    const object: Record<string, unknown> = {
      uuid,
      name: typeof entity.attributes.misp_object === 'string' ? entity.attributes.misp_object : template.name,
      'meta-category': template.metaCategory,
      description: `${entity.type} exported from Analyst Workbench`,
      comment: `Analyst Workbench type: ${entity.type}`,
      distribution: '5',
      timestamp,
      Attribute: parts,
      ObjectReference: [] as Record<string, unknown>[],
    };
    objects.push(object);
    objectOf.set(entity.id, object);
  }

  for (const link of doc.links) {
    if (attributeGalaxyLinks.has(link.id)) continue;
    const object = objectOf.get(link.sourceId);
    const from = uuids.get(link.sourceId);
    const to = uuids.get(link.targetId);
    if (!object || from === undefined || to === undefined) continue;
    (object.ObjectReference as Record<string, unknown>[]).push({
      uuid: uuidOf(link.id),
      object_uuid: from,
      referenced_uuid: to,
      relationship_type: link.type.toLowerCase().replace(/_/g, '-'),
      comment: link.label ?? '',
      timestamp,
    });
  }

  const event = {
    uuid: stableUuid(`analyst-workbench-case:${doc.name}`),
    info: doc.name,
    date: doc.exportedAt.slice(0, 10),
    threat_level_id: '4',
    analysis: '0',
    distribution: '0',
    published: false,
    timestamp,
    Attribute: attributes,
    Object: objects,
    Tag: eventTags,
    Galaxy: [...galaxies].map(([type, clusters]) => ({ type, name: type, GalaxyCluster: clusters })),
  };
  return `${JSON.stringify({ Event: event }, null, 2)}\n`;
}
