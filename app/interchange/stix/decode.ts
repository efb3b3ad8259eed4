import { CREDIBILITY_GRADES as CREDIBILITIES, isPartialDate, LINK_STRENGTHS, RELIABILITY_GRADES, type Attributes, type Reliability } from '../../domain';
import {
  emptyGraph,
  FILE_SOURCE_KEY,
  hexColourOrUndefined,
  InterchangeError,
  isUuid,
  putAttribute,
  type GraphEntity,
  type GraphLink,
  type GraphTarget,
  type InterchangeGraph,
  type ParseLimits,
} from '../graph';
import { isRecord } from '../jsonText';
import { validateStixObject, type StixObject } from './schemas';
import {
  confidenceToCredibility,
  IDENTITY_CLASS_TO_ENTITY_TYPE,
  SCO_TYPES,
  openCtiReliabilityToReliability,
  openCtiScoreToCredibility,
  SDO_ENTITY_TYPES,
  STANDARD_VERSIONED_TYPES,
  STIX_TO_LINK_TYPE,
  TLP_MARKINGS,
  TLP2_EXTENSION_ID,
} from './vocab';

/** Properties of ours, prefixed as STIX wants custom properties to be. */
export const X = {
  type: 'x_analyst_workbench_type',
  aliases: 'x_analyst_workbench_aliases',
  attributes: 'x_analyst_workbench_attributes',
  startDate: 'x_analyst_workbench_start_date',
  endDate: 'x_analyst_workbench_end_date',
  label: 'x_analyst_workbench_label',
  description: 'x_analyst_workbench_description',
  linkType: 'x_analyst_workbench_link_type',
  directed: 'x_analyst_workbench_directed',
  reliability: 'x_analyst_workbench_reliability',
  source: 'x_analyst_workbench_source',
  citation: 'x_analyst_workbench_citation',
  note: 'x_analyst_workbench_note',
  role: 'x_analyst_workbench_role',
  color: 'x_analyst_workbench_color',
  strength: 'x_analyst_workbench_strength',
} as const;

const CONSUMED = new Set([
  'type', 'spec_version', 'id', 'created', 'modified', 'name', 'description', 'aliases', 'first_seen', 'last_seen', 'external_references',
  'object_marking_refs', 'granular_markings', 'created_by_ref', 'confidence', 'revoked', 'extensions', 'object_refs', 'value',
  // OpenCTI's own alias list is read as aliases, like STIX's `aliases` (which identities lack).
  'x_opencti_aliases',
]);

const own = (o: Record<string, unknown>, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);
const str = (o: Record<string, unknown>, key: string): string | undefined => {
  const v = own(o, key);
  return typeof v === 'string' ? v : undefined;
};
const strings = (o: Record<string, unknown>, key: string): string[] => {
  const v = own(o, key);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};
const num = (o: Record<string, unknown>, key: string): number | undefined => {
  const v = own(o, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
const uuidOf = (stixId: string): string | undefined => {
  const uuid = stixId.slice(stixId.indexOf('--') + 2).toLowerCase();
  return isUuid(uuid) ? uuid : undefined;
};
const dayOf = (timestamp: string | undefined): string | null => {
  const day = timestamp?.slice(0, 10);
  return day !== undefined && isPartialDate(day) ? day : null;
};
const partial = (o: Record<string, unknown>, key: string): string | null | undefined => {
  if (!Object.prototype.hasOwnProperty.call(o, key)) return undefined;
  const v = own(o, key);
  return typeof v === 'string' && isPartialDate(v) ? v : null;
};

interface Marking {
  tlp?: { name: string; version: '1.0' | '2.0' };
  statement?: string;
}

function readMarking(o: StixObject): Marking {
  const known = TLP_MARKINGS.find((m) => m.id === o.id);
  if (known) return { tlp: { name: known.name, version: known.version } };
  const definition = own(o, 'definition');
  const type = str(o, 'definition_type');
  if (type === 'tlp' && isRecord(definition) && typeof definition.tlp === 'string') return { tlp: { name: `TLP:${definition.tlp.toUpperCase()}`, version: '1.0' } };
  if (type === 'statement' && isRecord(definition) && typeof definition.statement === 'string') return { statement: definition.statement };
  const extensions = own(o, 'extensions');
  const tlp2 = isRecord(extensions) ? extensions[TLP2_EXTENSION_ID] : undefined;
  if (isRecord(tlp2) && typeof tlp2.tlp_2_0 === 'string') return { tlp: { name: `TLP:${tlp2.tlp_2_0.toUpperCase()}`, version: '2.0' } };
  const name = str(o, 'name');
  return name !== undefined ? { statement: name } : {};
}

/** Reads a parsed STIX 2.1 bundle (or a single object); a STIX 2.0 bundle is read leniently, with a warning. */
export function decodeStix(value: unknown, limits: ParseLimits): InterchangeGraph {
  if (!isRecord(value)) throw new InterchangeError('This is not a STIX file: it holds JSON that is not an object');
  const graph = emptyGraph('stix');
  let objects: unknown[];
  if (str(value, 'type') === 'bundle') {
    const list = own(value, 'objects');
    if (list === undefined) objects = [];
    else if (!Array.isArray(list)) throw new InterchangeError('This STIX bundle’s "objects" is not a list');
    else objects = list;
  } else if (typeof own(value, 'type') === 'string' && typeof own(value, 'id') === 'string') {
    objects = [value];
    graph.warnings.push('This file holds a single STIX object, not a bundle.');
  } else {
    throw new InterchangeError('This is not a STIX file: it is neither a bundle nor a STIX object');
  }
  if (objects.length > limits.maxItems) throw new InterchangeError(`This bundle has more than ${limits.maxItems} objects`);

  // STIX 2.1 requires spec_version on every SDO and SRO; 2.0 had none. A bundle is called 2.0 when
  // it says so, or when none of its standard objects says 2.1. A custom object (OpenCTI's, a
  // vendor's "x-…" type) without spec_version says nothing about the bundle's version; a standard
  // object without it, in a bundle that is otherwise 2.1, is read by 2.0 rules and named.
  const bundleVersion = str(value, 'spec_version');
  const standard = objects.filter((o): o is Record<string, unknown> => isRecord(o) && STANDARD_VERSIONED_TYPES.has(str(o, 'type') ?? ''));
  const whole20 = bundleVersion === '2.0' || (standard.length > 0 && standard.every((o) => own(o, 'spec_version') === undefined || own(o, 'spec_version') === '2.0'));
  if (whole20) {
    graph.warnings.push(
      'This is a STIX 2.0 bundle. It was read leniently as STIX 2.1 (the two agree on the objects imported here); check the result, and prefer a STIX 2.1 export where the producer offers one.',
    );
  } else {
    const unversioned = standard.filter((o) => own(o, 'spec_version') === undefined).map((o) => str(o, 'id') ?? str(o, 'type') ?? '?');
    if (unversioned.length > 0) {
      graph.warnings.push(
        `${unversioned.length} object${unversioned.length === 1 ? ' has' : 's have'} no spec_version in this STIX 2.1 bundle and ${unversioned.length === 1 ? 'was' : 'were'} read by STIX 2.0 rules: ${unversioned.slice(0, 5).join(', ')}${unversioned.length > 5 ? ', …' : ''}.`,
      );
    }
  }

  // Each object is validated on its own: an invalid one is left out, named with its reason, and
  // the valid ones are imported (a relationship to a left-out object is then left out too).
  const latest = new Map<string, StixObject>();
  let invalid = 0;
  objects.forEach((raw, index) => {
    const type = isRecord(raw) ? str(raw, 'type') : undefined;
    const specVersion = isRecord(raw) ? own(raw, 'spec_version') : undefined;
    const id = isRecord(raw) ? (str(raw, 'id') ?? 'without an id') : 'that is not an object';
    if (specVersion !== undefined && specVersion !== '2.1' && specVersion !== '2.0') {
      invalid++;
      graph.skipped.push({ what: `STIX object ${index + 1} (${id})`, reason: `it is STIX ${JSON.stringify(specVersion)}, which is not supported` });
      return;
    }
    const lenient = whole20 || specVersion !== '2.1';
    const problem = validateStixObject(raw, lenient, type !== undefined && SCO_TYPES.has(type));
    if (problem !== null) {
      invalid++;
      graph.skipped.push({ what: `STIX object ${index + 1} (${id}${type !== undefined ? `, ${type}` : ''})`, reason: `not valid STIX: ${problem}` });
      return;
    }
    const o = raw as StixObject;
    const previous = latest.get(o.id);
    if (previous) {
      const newer = (str(o, 'modified') ?? '') > (str(previous, 'modified') ?? '');
      graph.skipped.push({ what: `an older version of ${o.id}`, reason: 'only the latest version of an object is imported' });
      if (!newer) return;
    }
    latest.set(o.id, o);
  });
  if (objects.length > 0 && invalid === objects.length) {
    const first = graph.skipped[0];
    throw new InterchangeError(`None of the ${objects.length} objects in this file is valid STIX${first ? `; the first, ${first.what}, is ${first.reason}` : ''}`);
  }
  if (invalid > 0) {
    graph.warnings.push(
      `${invalid} of ${objects.length} objects in this file ${invalid === 1 ? 'is' : 'are'} not valid STIX and ${invalid === 1 ? 'was' : 'were'} left out, each listed with its reason under skipped; the other objects are imported.`,
    );
  }

  const markings = new Map<string, Marking>();
  for (const m of TLP_MARKINGS) markings.set(m.id, { tlp: { name: m.name, version: m.version } });
  for (const o of latest.values()) if (o.type === 'marking-definition') markings.set(o.id, readMarking(o));

  const entityKeys = new Set<string>();
  const labels = new Map<string, string>();
  const sourceKeys = new Set<string>();
  const linkKeys = new Set<string>();

  const applyCommon = (o: StixObject, attributes: Attributes, ours: boolean) => {
    for (const ref of strings(o, 'object_marking_refs')) {
      const marking = markings.get(ref);
      if (!marking) {
        graph.warnings.push(`${o.id} refers to marking ${ref}, which is not in the file; the reference is kept as an attribute.`);
        putAttribute(attributes, 'marking_ref', ref);
      } else if (!ours && marking.tlp) {
        putAttribute(attributes, 'tlp', marking.tlp.name);
        if (marking.tlp.version === '2.0') putAttribute(attributes, 'tlp_version', '2.0');
      } else if (!ours && marking.statement !== undefined) putAttribute(attributes, 'marking', marking.statement);
    }
    if (own(o, 'granular_markings') !== undefined) graph.warnings.push(`${o.id} has granular markings, which are not imported.`);
  };

  const addExternalReferences = (o: StixObject, target: GraphTarget, quote: string) => {
    const refs = own(o, 'external_references');
    if (!Array.isArray(refs)) return;
    for (const ref of refs) {
      if (!isRecord(ref)) continue;
      const url = str(ref, 'url');
      if (url === undefined) continue;
      const key = `ref:${url}`;
      if (!sourceKeys.has(key)) {
        sourceKeys.add(key);
        graph.sources.push({
          key,
          title: (str(ref, 'description') ?? str(ref, 'source_name') ?? url),
          author: null,
          publisher: str(ref, 'source_name') ?? null,
          publishedDate: null,
          reference: url,
          reliability: 'F',
          body: null,
        });
      }
      graph.citations.push({ sourceKey: key, target, quote, locator: `external reference of ${o.id}`, credibility: 6, comment: null });
    }
  };

  // OpenCTI grades its authors (identities) on the Admiralty reliability scale: what an author
  // graded that way created is cited to the author as a source of that reliability, not only to
  // the file (whose reliability the analyst sets).
  const authorSources = new Map<string, string>();
  const authorSourceOf = (o: StixObject): string => {
    const authorRef = str(o, 'created_by_ref');
    const author = authorRef !== undefined ? latest.get(authorRef) : undefined;
    const reliability = author ? openCtiReliabilityToReliability(own(author, 'x_opencti_reliability')) : undefined;
    if (!author || reliability === undefined) return FILE_SOURCE_KEY;
    const known = authorSources.get(author.id);
    if (known !== undefined) return known;
    const key = `author:${author.id}`;
    graph.sources.push({ key, title: (str(author, 'name') ?? author.id), author: null, publisher: 'OpenCTI author', publishedDate: null, reference: author.id, reliability, body: str(author, 'description') ?? null });
    sourceKeys.add(key);
    authorSources.set(author.id, key);
    return key;
  };
  /**
   * The credibility of what an object says: STIX `confidence` where it is given (the spec's own
   * measure of it); otherwise OpenCTI's `x_opencti_score` (see openCtiScoreToCredibility).
   */
  const credibilityOf = (o: StixObject) => {
    const confidence = num(o, 'confidence');
    if (confidence !== undefined) return confidenceToCredibility(confidence);
    const score = num(o, 'x_opencti_score');
    return score !== undefined ? openCtiScoreToCredibility(score) : undefined;
  };

  // Entities.
  for (const o of latest.values()) {
    if (own(o, 'revoked') === true) {
      graph.skipped.push({ what: `${o.id}`, reason: 'it is revoked' });
      continue;
    }
    const isSco = SCO_TYPES.has(o.type);
    const mapped = SDO_ENTITY_TYPES[o.type];
    if (mapped === undefined && !isSco) continue;
    if (str(o, X.role) === 'case') continue;
    const ours = own(o, X.type) !== undefined;
    const attributes: Attributes = {};
    let type: string;
    if (ours) {
      type = String(own(o, X.type));
      const kept = own(o, X.attributes);
      if (isRecord(kept)) for (const [k, v] of Object.entries(kept)) putAttribute(attributes, k, v, graph.warnings);
    } else {
      type = isSco ? o.type.replace(/-/g, '_') : (mapped as string);
      if (o.type === 'threat-actor' && strings(o, 'threat_actor_types').includes('terrorist')) type = 'armed_group';
      if (o.type === 'identity') type = IDENTITY_CLASS_TO_ENTITY_TYPE[str(o, 'identity_class') ?? ''] ?? 'other';
      putAttribute(attributes, 'stix_id', o.id);
      for (const [k, v] of Object.entries(o)) {
        if (CONSUMED.has(k) || k.startsWith('x_analyst_workbench_')) continue;
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) putAttribute(attributes, k, v.join('; '), graph.warnings);
        else putAttribute(attributes, k, v, graph.warnings);
      }
      const refs = own(o, 'external_references');
      const externalId = Array.isArray(refs) ? refs.map((r) => (isRecord(r) ? str(r, 'external_id') : undefined)).find((v) => v !== undefined) : undefined;
      if (externalId !== undefined) putAttribute(attributes, 'external_id', externalId);
    }
    applyCommon(o, attributes, ours);
    const label = (str(o, 'name') ?? str(o, 'value') ?? (o.type === 'observed-data' ? `Observed data ${str(o, 'first_observed') ?? ''}` : undefined) ?? str(o, 'pattern') ?? o.id).trim() || o.id;
    const aliases = [...strings(o, 'aliases'), ...strings(o, X.aliases), ...(ours ? [] : [...strings(o, 'x_mitre_aliases'), ...strings(o, 'x_opencti_aliases')])].filter((a) => a !== label);
    const startDate = partial(o, X.startDate);
    const endDate = partial(o, X.endDate);
    const entity: GraphEntity = {
      key: o.id,
      type,
      label,
      aliases: [...new Set(aliases)],
      description: str(o, 'description') ?? null,
      startDate: startDate !== undefined ? startDate : dayOf(str(o, 'first_seen')),
      endDate: endDate !== undefined ? endDate : dayOf(str(o, 'last_seen')),
      attributes,
      locator: `${o.id}`,
    };
    const uuid = uuidOf(o.id);
    if (uuid !== undefined) entity.id = uuid;
    const color = hexColourOrUndefined(own(o, X.color));
    if (color !== undefined) entity.color = color;
    graph.entities.push(entity);
    entityKeys.add(o.id);
    labels.set(o.id, label);
    if (!ours) {
      const credibility = credibilityOf(o);
      const sourceKey = authorSourceOf(o);
      if (credibility !== undefined || sourceKey !== FILE_SOURCE_KEY) graph.citations.push({ sourceKey, target: { kind: 'entity', key: o.id }, quote: label, locator: o.id, credibility: credibility ?? 6, comment: null });
      addExternalReferences(o, { kind: 'entity', key: o.id }, label);
    }
  }

  // Links: relationships and sightings.
  for (const o of latest.values()) {
    if (own(o, 'revoked') === true) continue;
    if (o.type === 'relationship') {
      const from = str(o, 'source_ref') as string;
      const to = str(o, 'target_ref') as string;
      if (!entityKeys.has(from) || !entityKeys.has(to)) {
        graph.skipped.push({ what: `${o.id} (${str(o, 'relationship_type') ?? ''})`, reason: `an end of it is not imported (${entityKeys.has(from) ? to : from})` });
        continue;
      }
      const ours = own(o, X.linkType) !== undefined;
      const relationshipType = str(o, 'relationship_type') as string;
      const type = ours ? String(own(o, X.linkType)) : (STIX_TO_LINK_TYPE[relationshipType] ?? relationshipType.replace(/-/g, '_'));
      const attributes: Attributes = {};
      if (ours) {
        const kept = own(o, X.attributes);
        if (isRecord(kept)) for (const [k, v] of Object.entries(kept)) putAttribute(attributes, k, v, graph.warnings);
      } else putAttribute(attributes, 'stix_id', o.id);
      applyCommon(o, attributes, ours);
      const startDate = partial(o, X.startDate);
      const endDate = partial(o, X.endDate);
      const directedValue = own(o, X.directed);
      const link: GraphLink = {
        key: o.id,
        type,
        sourceKey: from,
        targetKey: to,
        directed: typeof directedValue === 'boolean' ? directedValue : type !== 'related_to',
        label: ours ? (str(o, X.label) ?? null) : null,
        description: ours ? (str(o, X.description) ?? null) : (str(o, 'description') ?? null),
        startDate: startDate !== undefined ? startDate : dayOf(str(o, 'start_time')),
        endDate: endDate !== undefined ? endDate : dayOf(str(o, 'stop_time')),
        attributes,
        locator: o.id,
      };
      const uuid = uuidOf(o.id);
      if (uuid !== undefined) link.id = uuid;
      const strength = LINK_STRENGTHS.find((s) => s === own(o, X.strength));
      if (strength !== undefined) link.strength = strength;
      graph.links.push(link);
      linkKeys.add(o.id);
      labels.set(o.id, `${labels.get(from) ?? from} ${relationshipType} ${labels.get(to) ?? to}`);
      if (!ours) {
        const credibility = credibilityOf(o);
        const sourceKey = authorSourceOf(o);
        if (credibility !== undefined || sourceKey !== FILE_SOURCE_KEY) graph.citations.push({ sourceKey, target: { kind: 'link', key: o.id }, quote: relationshipType, locator: o.id, credibility: credibility ?? 6, comment: null });
      }
    } else if (o.type === 'sighting') {
      const of = str(o, 'sighting_of_ref') as string;
      for (const where of strings(o, 'where_sighted_refs')) {
        if (!entityKeys.has(of) || !entityKeys.has(where)) {
          graph.skipped.push({ what: `${o.id} (sighting)`, reason: 'what was sighted, or where, is not imported' });
          continue;
        }
        const key = `${o.id}/${where}`;
        const attributes: Attributes = {};
        putAttribute(attributes, 'stix_id', o.id);
        const count = num(o, 'count');
        if (count !== undefined) putAttribute(attributes, 'count', count);
        graph.links.push({ key, type: 'sighted', sourceKey: where, targetKey: of, directed: true, label: null, description: str(o, 'description') ?? null, startDate: dayOf(str(o, 'first_seen')), endDate: dayOf(str(o, 'last_seen')), attributes, locator: o.id });
        linkKeys.add(key);
      }
    }
  }

  const targetOf = (ref: string): GraphTarget | null => (entityKeys.has(ref) ? { kind: 'entity', key: ref } : linkKeys.has(ref) ? { kind: 'link', key: ref } : null);

  // Reports and groupings become sources; notes and opinions become citations or notes.
  for (const o of latest.values()) {
    if (own(o, 'revoked') === true || (o.type !== 'report' && o.type !== 'grouping')) continue;
    const ours = isRecord(own(o, X.source));
    const kept = ours ? (own(o, X.source) as Record<string, unknown>) : {};
    const reliabilityValue = str(o, X.reliability);
    const authorRef = str(o, 'created_by_ref');
    const author = authorRef !== undefined ? latest.get(authorRef) : undefined;
    const reliability: Reliability =
      RELIABILITY_GRADES.find((g) => g === reliabilityValue) ??
      openCtiReliabilityToReliability(own(o, 'x_opencti_reliability')) ??
      (author ? openCtiReliabilityToReliability(own(author, 'x_opencti_reliability')) : undefined) ??
      'F';
    const refs = own(o, 'external_references');
    const firstUrl = Array.isArray(refs) ? refs.map((r) => (isRecord(r) ? str(r, 'url') : undefined)).find((v) => v !== undefined) : undefined;
    graph.sources.push({
      key: o.id,
      ...(uuidOf(o.id) !== undefined ? { id: uuidOf(o.id) } : {}),
      title: ((ours ? str(kept, 'title') : undefined) ?? str(o, 'name') ?? str(o, 'context') ?? o.id),
      author: ours ? (str(kept, 'author') ?? null) : null,
      publisher: ours ? (str(kept, 'publisher') ?? null) : null,
      publishedDate: ours ? (partial(kept, 'published_date') ?? null) : dayOf(str(o, 'published')),
      reference: ours ? (str(kept, 'reference') ?? null) : (firstUrl ?? o.id),
      reliability,
      body: ours ? (str(kept, 'body') ?? null) : (str(o, 'description') ?? null),
    });
    sourceKeys.add(o.id);
    if (ours) continue;
    const credibility = confidenceToCredibility(num(o, 'confidence'));
    for (const ref of strings(o, 'object_refs')) {
      const target = targetOf(ref);
      if (!target) continue;
      graph.citations.push({ sourceKey: o.id, target, quote: labels.get(ref) ?? ref, locator: `object_refs of ${o.id}`, credibility, comment: null });
    }
  }

  for (const o of latest.values()) {
    if (own(o, 'revoked') === true) continue;
    if (o.type === 'note') {
      const citation = own(o, X.citation);
      const refs = strings(o, 'object_refs');
      const credibility = confidenceToCredibility(num(o, 'confidence'));
      if (isRecord(citation)) {
        const sourceRef = str(citation, 'source_ref');
        const target = refs.map(targetOf).find((t) => t !== null);
        if (!target || sourceRef === undefined || !sourceKeys.has(sourceRef)) {
          graph.skipped.push({ what: `${o.id} (citation)`, reason: 'what it cites, or its source, is not imported' });
          continue;
        }
        graph.citations.push({
          ...(uuidOf(o.id) !== undefined ? { id: uuidOf(o.id) } : {}),
          sourceKey: sourceRef,
          target,
          quote: str(o, 'content') ?? '',
          locator: str(citation, 'locator') ?? null,
          credibility,
          comment: str(citation, 'comment') ?? null,
        });
        continue;
      }
      const ours = isRecord(own(o, X.note));
      const authors = strings(o, 'authors');
      const abstract = str(o, 'abstract');
      const content = str(o, 'content') ?? '';
      const body = !ours && abstract ? `**${abstract}**\n\n${content}` : content;
      const targets = refs.map(targetOf).filter((t): t is GraphTarget => t !== null);
      const keptNote = own(o, X.note);
      const keptCredibility = isRecord(keptNote) ? own(keptNote, 'credibility') : undefined;
      const noteCredibility = ours
        ? CREDIBILITIES.find((c) => c === keptCredibility) ?? null
        : num(o, 'confidence') === undefined
          ? null
          : credibility;
      const base = { body, author: authors.length > 0 ? authors.join(', ') : null, credibility: noteCredibility };
      if (targets.length === 0) graph.notes.push({ ...(ours && uuidOf(o.id) ? { id: uuidOf(o.id) } : {}), target: { kind: 'case' }, ...base });
      else targets.forEach((target, i) => graph.notes.push({ ...(i === 0 && uuidOf(o.id) ? { id: uuidOf(o.id) } : {}), target, ...base }));
    } else if (o.type === 'opinion') {
      const explanation = str(o, 'explanation');
      const body = `Opinion: ${str(o, 'opinion') ?? ''}${explanation ? ` — ${explanation}` : ''}`;
      const authors = strings(o, 'authors');
      const targets = strings(o, 'object_refs').map(targetOf).filter((t): t is GraphTarget => t !== null);
      for (const target of targets.length > 0 ? targets : [{ kind: 'case' as const }]) graph.notes.push({ target, body, author: authors.join(', ') || null, credibility: null });
    } else if (!SDO_ENTITY_TYPES[o.type] && !SCO_TYPES.has(o.type) && !['relationship', 'sighting', 'report', 'grouping', 'marking-definition'].includes(o.type)) {
      graph.skipped.push({ what: `${o.id}`, reason: `${o.type} objects are not imported` });
    }
  }
  return graph;
}
