import { z } from 'zod';
import { CREDIBILITY_GRADES, LINK_STRENGTHS, LOCATION_PRECISIONS, RELIABILITY_GRADES, isPartialDate, type Attributes, type CaseDocument } from '../domain';
import { emptyGraph, InterchangeError, putAttribute, type GraphCitation, type GraphNote, type GraphSource, type InterchangeGraph } from './graph';

/**
 * Our own case JSON (`workbench export --format json`) read back, and the "evidence" block
 * (sources, citations, notes) that our GraphML and GEXF exports carry so a round trip keeps them.
 * Validated with zod at the boundary; ids are kept (the pipeline keeps those the case lacks).
 */

const text = z.string().max(10_000_000);
/** A source's text and a note's body as long as the app holds them (app/editing/schemas.ts), so an export reads back. */
const sourceBody = z.string().max(64 * 1024 * 1024);
const noteBody = z.string().max(16 * 1024 * 1024);
const shortText = z.string().max(100_000);
const partialDate = z.string().refine(isPartialDate, 'not a YYYY, YYYY-MM or YYYY-MM-DD date');
const attributeValue = z.union([z.string().max(1_000_000), z.number().finite(), z.boolean()]);
const attributes = z.record(z.string().max(1000), attributeValue);
const id = z.string().min(1).max(200);
const credibility = z.union(CREDIBILITY_GRADES.map((g) => z.literal(g)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, ...z.ZodLiteral<3 | 4 | 5 | 6>[]]);

export const sourceSchema = z.object({
  id,
  title: shortText.min(1),
  author: shortText.nullable().default(null),
  publisher: shortText.nullable().default(null),
  publishedDate: partialDate.nullable().default(null),
  reference: shortText.nullable().default(null),
  reliability: z.enum(RELIABILITY_GRADES),
  body: sourceBody.nullable().default(null),
});

export const citationSchema = z.object({
  id,
  sourceId: id,
  entityId: id.nullable().default(null),
  linkId: id.nullable().default(null),
  quote: text.min(1),
  locator: shortText.nullable().default(null),
  credibility,
  comment: text.nullable().default(null),
});

const noteTarget = z.union([
  z.object({ kind: z.literal('case') }),
  z.object({ kind: z.literal('entity'), id }),
  z.object({ kind: z.literal('link'), id }),
]);

export const noteSchema = z.object({
  id,
  target: noteTarget,
  body: noteBody,
  author: shortText.nullable().default(null),
  credibility: credibility.nullable().default(null),
});

const entitySchema = z.object({
  id,
  type: z.string().min(1).max(100),
  label: shortText.min(1),
  aliases: z.array(shortText).max(10_000).default([]),
  description: text.nullable().default(null),
  startDate: partialDate.nullable().default(null),
  endDate: partialDate.nullable().default(null),
  attributes: attributes.default({}),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).nullable().default(null),
  location: z
    .union([
      z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), placeId: z.null(), precision: z.enum(LOCATION_PRECISIONS), citationId: id.nullable() }),
      z.object({ latitude: z.null(), longitude: z.null(), placeId: id, precision: z.enum(LOCATION_PRECISIONS), citationId: id.nullable() }),
    ])
    .nullable()
    .default(null),
});

const linkSchema = z.object({
  id,
  type: z.string().min(1).max(100),
  sourceId: id,
  targetId: id,
  directed: z.boolean(),
  label: shortText.nullable().default(null),
  description: text.nullable().default(null),
  startDate: partialDate.nullable().default(null),
  endDate: partialDate.nullable().default(null),
  attributes: attributes.default({}),
  strength: z.enum(LINK_STRENGTHS).nullable().default(null),
});

const positionSchema = z.object({ entityId: id, x: z.number().finite(), y: z.number().finite() });

export const caseDocumentSchema = z.object({
  format: z.literal('analyst-workbench-case'),
  formatVersion: z.literal(1),
  name: z.string().max(1000).optional(),
  entities: z.array(entitySchema),
  links: z.array(linkSchema),
  sources: z.array(sourceSchema).default([]),
  citations: z.array(citationSchema).default([]),
  notes: z.array(noteSchema).default([]),
  charts: z.array(z.object({ positions: z.array(positionSchema).default([]) }).passthrough()).default([]),
});

export const evidenceSchema = z.object({
  sources: z.array(sourceSchema).default([]),
  citations: z.array(citationSchema).default([]),
  notes: z.array(noteSchema).default([]),
});
export type Evidence = z.output<typeof evidenceSchema>;

/** Copies attributes through `putAttribute`, so a `__proto__` key is dropped, never assigned. */
export function safeAttributes(input: Record<string, unknown>, warnings: string[]): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(input)) putAttribute(out, key, value, warnings);
  return out;
}

/** A zod failure as one sentence naming where in the document it is. */
export function describeZodError(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
  return `This ${what} is not valid${where}: ${issue?.message ?? 'rejected'}`;
}

/**
 * Adds sources, citations and notes to a graph whose entities and links are keyed by the case ids
 * they carried. Citations and notes on things not in the graph are skipped with a reason.
 */
export function addEvidence(graph: InterchangeGraph, evidence: Evidence): void {
  const entityKeys = new Set(graph.entities.map((e) => e.key));
  const linkKeys = new Set(graph.links.map((l) => l.key));
  const sourceIds = new Set<string>();
  for (const source of evidence.sources) {
    if (sourceIds.has(source.id)) continue;
    sourceIds.add(source.id);
    const kept: GraphSource = { ...source, key: source.id };
    graph.sources.push(kept);
  }
  for (const c of evidence.citations) {
    const target = c.entityId !== null ? { kind: 'entity' as const, key: c.entityId } : c.linkId !== null ? { kind: 'link' as const, key: c.linkId } : null;
    if (!target || !(target.kind === 'entity' ? entityKeys : linkKeys).has(target.key)) {
      graph.skipped.push({ what: `citation ${c.id}`, reason: 'it cites an entity or link that is not in the file' });
      continue;
    }
    if (!sourceIds.has(c.sourceId)) {
      graph.skipped.push({ what: `citation ${c.id}`, reason: 'its source is not in the file' });
      continue;
    }
    const citation: GraphCitation = { id: c.id, sourceKey: c.sourceId, target, quote: c.quote, locator: c.locator, credibility: c.credibility, comment: c.comment };
    graph.citations.push(citation);
  }
  for (const n of evidence.notes) {
    const target = n.target.kind === 'case' ? n.target : { kind: n.target.kind, key: n.target.id };
    if (target.kind !== 'case' && !(target.kind === 'entity' ? entityKeys : linkKeys).has(target.key)) {
      graph.skipped.push({ what: `note ${n.id}`, reason: 'it is on an entity or link that is not in the file' });
      continue;
    }
    const note: GraphNote = { id: n.id, target, body: n.body, author: n.author, credibility: n.credibility };
    graph.notes.push(note);
  }
}

/** Reads a parsed JSON value as our case document. */
export function decodeCaseJson(value: unknown): InterchangeGraph {
  const parsed = caseDocumentSchema.safeParse(value);
  if (!parsed.success) throw new InterchangeError(describeZodError(parsed.error, 'Analyst Workbench case file'));
  const doc = parsed.data;
  const graph = emptyGraph('json');
  graph.citeFile = false;
  const positions = new Map((doc.charts[0]?.positions ?? []).map((p) => [p.entityId, { x: p.x, y: p.y }]));
  for (const e of doc.entities) {
    const position = positions.get(e.id);
    graph.entities.push({
      key: e.id,
      id: e.id,
      type: e.type,
      label: e.label,
      aliases: e.aliases,
      description: e.description,
      startDate: e.startDate,
      endDate: e.endDate,
      attributes: safeAttributes(e.attributes, graph.warnings),
      ...(e.color !== null ? { color: e.color.toLowerCase() } : {}),
      ...(position ? { position } : {}),
      ...(e.location !== null
        ? {
            location: {
              latitude: e.location.latitude,
              longitude: e.location.longitude,
              placeKey: e.location.placeId,
              precision: e.location.precision,
              citationId: e.location.citationId,
            },
          }
        : {}),
      locator: `entity ${e.id}`,
    });
  }
  const keys = new Set(doc.entities.map((e) => e.id));
  for (const l of doc.links) {
    if (!keys.has(l.sourceId) || !keys.has(l.targetId)) {
      graph.skipped.push({ what: `link ${l.id}`, reason: 'an end of it is not in the file' });
      continue;
    }
    graph.links.push({
      key: l.id,
      id: l.id,
      type: l.type,
      sourceKey: l.sourceId,
      targetKey: l.targetId,
      directed: l.directed,
      label: l.label,
      description: l.description,
      startDate: l.startDate,
      endDate: l.endDate,
      attributes: safeAttributes(l.attributes, graph.warnings),
      ...(l.strength !== null ? { strength: l.strength } : {}),
      locator: `link ${l.id}`,
    });
  }
  addEvidence(graph, doc);
  return graph;
}

/** Sources, citations and notes of a case document, as the evidence block of our XML exports. */
export function evidenceOf(doc: CaseDocument): Evidence {
  return {
    sources: doc.sources.map(({ createdAt: _c, ...rest }) => rest),
    citations: doc.citations.map(({ createdAt: _c, ...rest }) => rest),
    notes: doc.notes.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest),
  };
}
