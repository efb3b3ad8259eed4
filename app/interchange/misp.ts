import { z } from 'zod';
import { describeZodError } from './caseJson';
import { emptyGraph, InterchangeError, isUuid, putAttribute, type InterchangeGraph } from './graph';
import { isRecord } from './jsonText';
import { nameVariants } from './normaliseName';

/**
 * MISP galaxy cluster files (misp-galaxy's schema_clusters.json): each value becomes an entity,
 * its synonyms aliases, its description a note sourced to the file, its `related` entries links
 * and its `meta.refs` sources.
 */

const clusterSchema = z.object({
  name: z.string(),
  type: z.string(),
  description: z.string(),
  uuid: z.string(),
  version: z.number().int(),
  source: z.string(),
  category: z.string(),
  authors: z.array(z.string()),
  values: z.array(
    z
      .object({
        value: z.string().min(1),
        description: z.string().optional(),
        uuid: z.string().optional(),
        revoked: z.boolean().optional(),
        related: z.array(z.object({ 'dest-uuid': z.string(), type: z.string().optional(), tags: z.array(z.string()).optional() }).passthrough()).optional(),
        meta: z.record(z.string(), z.unknown()).optional(),
      })
      .passthrough(),
  ),
});

/** Our entity type for the values of a galaxy, from its type and name. */
export function entityTypeFor(clusterType: string, clusterName: string): string {
  const kind = `${clusterType} ${clusterName}`.toLowerCase();
  if (/terror|jihad|insurg|militant|armed/.test(kind)) return 'armed_group';
  if (/country|countries|nation/.test(kind)) return 'state';
  if (/threat-actor|threat actor|intrusion|apt/.test(kind)) return 'group';
  return 'other';
}

/**
 * Names a galaxy's `meta.summary` lists, where it lists them: "Also known as: A, B and C.",
 * "a.k.a. A / B", "formerly known as A". A summary that is prose names nothing and gives nothing.
 */
export function namesInSummary(summary: string): string[] {
  const names: string[] = [];
  const lead = /(?:also known as|formerly known as|known as|a\.?k\.?a\.?|aliases?|synonyms?|other names?)\s*:?\s*([^.;\n]+)/giu;
  for (const match of summary.matchAll(lead)) {
    const list = match[1] ?? '';
    // "and" joins the last two names of a list ("A, B and C"), but may be part of one name
    // ("Group for the Support of Islam and Muslims"): it separates only where commas do too.
    const separator = list.includes(',') ? /\s*(?:,\s*and\b|,|\/|\||\bor\b|\band\b)\s*/u : /\s*(?:\/|\||\bor\b)\s*/u;
    for (const part of list.split(separator)) {
      const name = part.trim().replace(/^["“'‘(]+|["”'’)]+$/gu, '').trim();
      // A name starts with a capital letter or a digit and is short; anything else is prose.
      if (name.length >= 2 && name.length <= 120 && /^[\p{Lu}\p{N}]/u.test(name)) names.push(name);
    }
  }
  return names;
}

export function decodeMispGalaxy(value: unknown, fileName: string): InterchangeGraph {
  if (isRecord(value) && !('values' in value) && typeof value.namespace === 'string') {
    throw new InterchangeError('This is a MISP galaxy definition (its name and icon), not a galaxy cluster file: it holds no values to import');
  }
  if (isRecord(value) && ('$schema' in value || 'properties' in value)) {
    throw new InterchangeError('This is a JSON schema, not a MISP galaxy cluster file');
  }
  const parsed = clusterSchema.safeParse(value);
  if (!parsed.success) throw new InterchangeError(describeZodError(parsed.error, 'MISP galaxy cluster file'));
  const cluster = parsed.data;
  const graph = emptyGraph('misp');
  const type = entityTypeFor(cluster.type, cluster.name);
  const keyOfUuid = new Map<string, string>();
  const refSources = new Set<string>();
  const author = `${cluster.name} (MISP galaxy, ${cluster.authors.join(', ') || 'no authors named'})`;

  cluster.values.forEach((v, index) => {
    const key = v.uuid !== undefined && !keyOfUuid.has(v.uuid.toLowerCase()) ? v.uuid.toLowerCase() : `value:${index}`;
    if (v.revoked === true) {
      graph.skipped.push({ what: `"${v.value}"`, reason: 'it is revoked in the galaxy' });
      return;
    }
    const meta = v.meta ?? {};
    const synonyms = Array.isArray(meta.synonyms) ? meta.synonyms.filter((s): s is string => typeof s === 'string') : [];
    const summary = typeof meta.summary === 'string' ? namesInSummary(meta.summary) : [];
    const label = v.value.trim();
    // "Al Qaida in the Islamic Maghreb (AQIM)": the acronym is a name of its own.
    const acronym = nameVariants(label).slice(2);
    const aliases = [...new Set([...synonyms, ...summary, ...acronym].map((a) => a.trim()).filter((a) => a !== '' && a !== label))];
    const attributes = {};
    putAttribute(attributes, 'misp_galaxy', cluster.type);
    if (v.uuid !== undefined) putAttribute(attributes, 'misp_uuid', v.uuid);
    for (const [name, raw] of Object.entries(meta)) {
      if (name === 'synonyms' || name === 'refs') continue;
      if (name === 'summary' && typeof raw === 'string') {
        putAttribute(attributes, 'summary', raw, graph.warnings);
        continue;
      }
      const kept = Array.isArray(raw) && raw.every((x) => typeof x === 'string') ? raw.join('; ') : raw;
      putAttribute(attributes, name, kept, graph.warnings);
    }
    graph.entities.push({
      key,
      ...(v.uuid !== undefined && isUuid(v.uuid) ? { id: v.uuid.toLowerCase() } : {}),
      type,
      label,
      aliases,
      description: null,
      startDate: null,
      endDate: null,
      attributes,
      locator: `values[${index}] "${v.value}"`,
    });
    if (v.uuid !== undefined) keyOfUuid.set(v.uuid.toLowerCase(), key);
    if (v.description && v.description.trim()) {
      graph.notes.push({ target: { kind: 'entity', key }, body: `${v.description}\n\n— ${cluster.name}, MISP galaxy cluster file ${fileName}`, author, credibility: null });
    }
    const refs = Array.isArray(meta.refs) ? meta.refs.filter((r): r is string => typeof r === 'string' && r.trim() !== '') : [];
    for (const ref of refs) {
      const sourceKey = `ref:${ref}`;
      if (!refSources.has(sourceKey)) {
        refSources.add(sourceKey);
        graph.sources.push({ key: sourceKey, title: ref, author: null, publisher: null, publishedDate: null, reference: ref, reliability: 'F', body: null });
      }
      graph.citations.push({ sourceKey, target: { kind: 'entity', key }, quote: v.value, locator: `meta.refs of "${v.value}" in ${fileName}`, credibility: 6, comment: null });
    }
  });

  cluster.values.forEach((v, index) => {
    if (v.revoked === true) return;
    const from = v.uuid !== undefined ? keyOfUuid.get(v.uuid.toLowerCase()) : `value:${index}`;
    for (const related of v.related ?? []) {
      const to = keyOfUuid.get(related['dest-uuid'].toLowerCase());
      if (from === undefined || to === undefined) {
        graph.skipped.push({ what: `"${v.value}" ${related.type ?? 'related to'} ${related['dest-uuid']}`, reason: 'the related value is not in this file' });
        continue;
      }
      const attributes = {};
      if (related.tags && related.tags.length > 0) putAttribute(attributes, 'tags', related.tags.join('; '));
      const relation = (related.type ?? 'related-to').trim().toLowerCase();
      const linkType = relation === 'similar' || relation === 'related-to' ? 'related_to' : relation.replace(/[^a-z0-9]+/g, '_');
      graph.links.push({
        key: `${from}->${to}#${graph.links.length}`,
        type: linkType,
        sourceKey: from,
        targetKey: to,
        directed: linkType !== 'related_to',
        label: relation === 'similar' ? 'similar' : null,
        description: null,
        startDate: null,
        endDate: null,
        attributes,
        locator: `related of "${v.value}"`,
      });
    }
  });
  return graph;
}
