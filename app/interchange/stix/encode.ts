import type { CaseDocument, Entity } from '../../domain';
import { linkTypeDefinition } from '../../linkTypes';
import { isUuid } from '../graph';
import { X } from './decode';
import {
  credibilityToConfidence,
  ENTITY_TYPE_TO_STIX,
  LINK_TYPE_TO_STIX,
  tlpMarkingFor,
  tlpMarkingObject,
  TYPES_WITH_ALIASES,
  TYPES_WITH_SEEN,
} from './vocab';

export interface StixEncodeOptions {
  /**
   * strict: relationship types STIX does not define become `related-to`, with our type in the
   * description (and in x_analyst_workbench_link_type); custom: they stay, hyphenated ("member-of").
   */
  relationships?: 'strict' | 'custom';
}

/** A stable UUID (version 4 layout) from a text, for ids that must not change between exports. */
export function stableUuid(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let h3 = 0x9e3779b9;
  let h4 = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h3 = Math.imul(h3 ^ c, 0x27d4eb2f);
    h4 = Math.imul(h4 ^ c, 0x165667b1);
  }
  const hex = [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16] ?? '0', 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const uuidFor = (id: string): string => (isUuid(id) ? id.toLowerCase() : stableUuid(id));

/** A partial date as a STIX timestamp: the first instant of its period, or the last one. */
function timestampOf(date: string, end: boolean): string {
  const [y, m, d] = date.split('-');
  if (!end) return `${y}-${m ?? '01'}-${d ?? '01'}T00:00:00.000Z`;
  const year = Number(y);
  const month = m === undefined ? 12 : Number(m);
  const day = d === undefined ? new Date(Date.UTC(year, month, 0)).getUTCDate() : Number(d);
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T23:59:59.999Z`;
}

const isUrl = (value: string) => /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value);

/**
 * Writes the case as a STIX 2.1 bundle. Standard properties carry what STIX can say (names,
 * aliases, relationships, reports, notes, confidence, TLP markings); x_analyst_workbench_*
 * properties carry the rest (our types, partial dates, attributes, source grading), so a bundle we
 * write reads back into the same case.
 */
export function encodeStix(doc: CaseDocument, options: StixEncodeOptions = {}): string {
  const strict = (options.relationships ?? 'strict') === 'strict';
  const objects: Record<string, unknown>[] = [];
  const caseIdentity = `identity--${stableUuid(`analyst-workbench-case:${doc.name}`)}`;
  const now = doc.exportedAt;
  objects.push({
    type: 'identity',
    spec_version: '2.1',
    id: caseIdentity,
    created: now,
    modified: now,
    name: doc.name,
    identity_class: 'system',
    description: 'The Analyst Workbench case this bundle was exported from.',
    [X.role]: 'case',
  });

  const markingObjects = new Map<string, Record<string, unknown>>();
  const markingRefs = (attributes: Entity['attributes']): string[] => {
    const refs: string[] = [];
    const tlp = attributes.tlp;
    if (typeof tlp === 'string') {
      const marking = tlpMarkingFor(tlp, typeof attributes.tlp_version === 'string' ? attributes.tlp_version : undefined);
      if (marking) {
        markingObjects.set(marking.id, tlpMarkingObject(marking));
        refs.push(marking.id);
      }
    }
    const statement = attributes.marking;
    if (typeof statement === 'string' && statement.trim()) {
      const id = `marking-definition--${stableUuid(`statement:${statement}`)}`;
      markingObjects.set(id, { type: 'marking-definition', spec_version: '2.1', id, created: '2020-01-01T00:00:00.000Z', definition_type: 'statement', definition: { statement } });
      refs.push(id);
    }
    return refs;
  };

  const stixIds = new Map<string, string>();
  for (const entity of doc.entities) stixIds.set(entity.id, entityObjectId(entity));
  for (const link of doc.links) stixIds.set(link.id, `relationship--${uuidFor(link.id)}`);

  for (const entity of doc.entities) {
    const id = stixIds.get(entity.id) as string;
    const stixType = id.slice(0, id.indexOf('--'));
    const o: Record<string, unknown> = { type: stixType, spec_version: '2.1', id, created: entity.createdAt, modified: entity.updatedAt, created_by_ref: caseIdentity, name: entity.label };
    if (entity.description !== null) o.description = entity.description;
    if (entity.aliases.length > 0) o[TYPES_WITH_ALIASES.has(stixType) ? 'aliases' : X.aliases] = entity.aliases;
    if (TYPES_WITH_SEEN.has(stixType)) {
      if (entity.startDate !== null) o.first_seen = timestampOf(entity.startDate, false);
      if (entity.endDate !== null && (entity.startDate === null || timestampOf(entity.endDate, true) > timestampOf(entity.startDate, false))) o.last_seen = timestampOf(entity.endDate, true);
    }
    if (stixType === 'identity') o.identity_class = ENTITY_TYPE_TO_STIX[entity.type]?.identityClass ?? 'unknown';
    if (stixType === 'location') {
      for (const key of ['region', 'country', 'city', 'administrative_area']) if (typeof entity.attributes[key] === 'string') o[key] = entity.attributes[key];
      o.latitude = entity.attributes.latitude;
      o.longitude = entity.attributes.longitude;
    }
    const refs = markingRefs(entity.attributes);
    if (refs.length > 0) o.object_marking_refs = refs;
    o[X.type] = entity.type;
    if (entity.color !== null) o[X.color] = entity.color;
    if (entity.startDate !== null) o[X.startDate] = entity.startDate;
    if (entity.endDate !== null) o[X.endDate] = entity.endDate;
    if (Object.keys(entity.attributes).length > 0) o[X.attributes] = entity.attributes;
    objects.push(o);
  }

  for (const link of doc.links) {
    const defined = LINK_TYPE_TO_STIX[link.type];
    const relationshipType = defined ?? (strict ? 'related-to' : link.type.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'related-to');
    const o: Record<string, unknown> = {
      type: 'relationship',
      spec_version: '2.1',
      id: stixIds.get(link.id),
      created: link.createdAt,
      modified: link.updatedAt,
      created_by_ref: caseIdentity,
      relationship_type: relationshipType,
      source_ref: stixIds.get(link.sourceId),
      target_ref: stixIds.get(link.targetId),
    };
    const typeLabel = linkTypeDefinition(link.type).label;
    const description = defined === undefined && strict ? [typeLabel, link.description].filter((p) => p).join(': ') : link.description;
    if (description) o.description = description;
    if (link.startDate !== null) o.start_time = timestampOf(link.startDate, false);
    if (link.endDate !== null && (link.startDate === null || timestampOf(link.endDate, true) > timestampOf(link.startDate, false))) o.stop_time = timestampOf(link.endDate, true);
    const refs = markingRefs(link.attributes);
    if (refs.length > 0) o.object_marking_refs = refs;
    o[X.linkType] = link.type;
    o[X.directed] = link.directed;
    if (link.strength !== null) o[X.strength] = link.strength;
    if (link.label !== null) o[X.label] = link.label;
    if (link.description !== null) o[X.description] = link.description;
    if (link.startDate !== null) o[X.startDate] = link.startDate;
    if (link.endDate !== null) o[X.endDate] = link.endDate;
    if (Object.keys(link.attributes).length > 0) o[X.attributes] = link.attributes;
    objects.push(o);
  }

  const targetRef = (c: { entityId: string | null; linkId: string | null }) => stixIds.get(c.entityId ?? c.linkId ?? '');
  for (const source of doc.sources) {
    const id = `report--${uuidFor(source.id)}`;
    const cited = [...new Set(doc.citations.filter((c) => c.sourceId === source.id).map(targetRef).filter((r): r is string => r !== undefined))];
    const o: Record<string, unknown> = {
      type: 'report',
      spec_version: '2.1',
      id,
      created: source.createdAt,
      modified: source.createdAt,
      created_by_ref: caseIdentity,
      name: source.title,
      published: source.publishedDate !== null ? timestampOf(source.publishedDate, false) : source.createdAt,
      object_refs: cited.length > 0 ? cited : [caseIdentity],
      [X.reliability]: source.reliability,
      [X.source]: {
        title: source.title,
        ...(source.author !== null ? { author: source.author } : {}),
        ...(source.publisher !== null ? { publisher: source.publisher } : {}),
        ...(source.publishedDate !== null ? { published_date: source.publishedDate } : {}),
        ...(source.reference !== null ? { reference: source.reference } : {}),
        ...(source.body !== null ? { body: source.body } : {}),
      },
    };
    if (source.reference !== null && isUrl(source.reference)) o.external_references = [{ source_name: source.publisher ?? 'source', url: source.reference }];
    objects.push(o);
  }

  for (const citation of doc.citations) {
    const target = targetRef(citation);
    if (target === undefined) continue;
    const o: Record<string, unknown> = {
      type: 'note',
      spec_version: '2.1',
      id: `note--${uuidFor(citation.id)}`,
      created: citation.createdAt,
      modified: citation.createdAt,
      created_by_ref: caseIdentity,
      content: citation.quote,
      object_refs: [target, `report--${uuidFor(citation.sourceId)}`],
      [X.citation]: {
        source_ref: `report--${uuidFor(citation.sourceId)}`,
        ...(citation.locator !== null ? { locator: citation.locator } : {}),
        ...(citation.comment !== null ? { comment: citation.comment } : {}),
      },
    };
    if (citation.locator !== null) o.abstract = citation.locator;
    const confidence = credibilityToConfidence(citation.credibility);
    if (confidence !== undefined) o.confidence = confidence;
    objects.push(o);
  }

  for (const note of doc.notes) {
    const target = note.target.kind === 'case' ? caseIdentity : stixIds.get(note.target.id);
    if (target === undefined) continue;
    const o: Record<string, unknown> = {
      type: 'note',
      spec_version: '2.1',
      id: `note--${uuidFor(note.id)}`,
      created: note.createdAt,
      modified: note.updatedAt,
      created_by_ref: caseIdentity,
      content: note.body,
      object_refs: [target],
      [X.note]: { target: note.target.kind, ...(note.credibility !== null ? { credibility: note.credibility } : {}) },
    };
    if (note.author !== null) o.authors = [note.author];
    const confidence = note.credibility !== null ? credibilityToConfidence(note.credibility) : undefined;
    if (confidence !== undefined) o.confidence = confidence;
    objects.push(o);
  }

  objects.splice(1, 0, ...markingObjects.values());
  return `${JSON.stringify({ type: 'bundle', id: `bundle--${stableUuid(`${doc.name}:${doc.exportedAt}`)}`, objects }, null, 2)}\n`;
}

function entityObjectId(entity: Entity): string {
  const stixType = stixTypeOf(entity);
  return `${stixType}--${uuidFor(entity.id)}`;
}

const MISP_GALAXY_TO_STIX: Record<string, string> = {
  'threat-actor': 'threat-actor',
  'terrorist-groups': 'threat-actor',
  'mitre-intrusion-set': 'intrusion-set',
  'intrusion-set': 'intrusion-set',
};

const FOREIGN_TYPES = new Set(['threat-actor', 'intrusion-set', 'campaign', 'identity', 'tool', 'attack-pattern', 'course-of-action', 'infrastructure', 'vulnerability']);

/** The STIX type an entity is written as; a location only when it has a region, a country or coordinates. */
function stixTypeOf(entity: Entity): string {
  // An entity read from STIX goes back as the kind of object it came as.
  const stixId = entity.attributes.stix_id;
  const stixType = typeof stixId === 'string' ? stixId.slice(0, Math.max(0, stixId.indexOf('--'))) : '';
  if (FOREIGN_TYPES.has(stixType)) return stixType;
  // A MISP galaxy cluster goes out as the STIX object its galaxy describes: MISP's own
  // misp-stix converter writes threat-actor clusters as threat-actor, intrusion sets as intrusion-set.
  const galaxy = entity.attributes.misp_galaxy;
  const fromGalaxy = typeof galaxy === 'string' ? MISP_GALAXY_TO_STIX[galaxy] : undefined;
  if (fromGalaxy !== undefined) return fromGalaxy;
  const mapped = ENTITY_TYPE_TO_STIX[entity.type]?.type ?? 'identity';
  if (mapped !== 'location') return mapped;
  const a = entity.attributes;
  const hasPlace = typeof a.region === 'string' || typeof a.country === 'string' || (typeof a.latitude === 'number' && typeof a.longitude === 'number' && Math.abs(a.latitude) <= 90 && Math.abs(a.longitude) <= 180);
  return hasPlace ? 'location' : 'identity';
}

