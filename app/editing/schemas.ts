import { z } from 'zod';
import { CREDIBILITY_GRADES, LINK_STRENGTHS, LOCATION_PRECISIONS, RELIABILITY_GRADES } from '../domain';

/**
 * Input schemas of the editing channels. They check shape and set generous hard caps (nothing
 * unbounded crosses IPC); the limits an analyst meets, with their sentences, are in validate.ts,
 * so a 2,000-character label is refused with "A label can be at most 1,000 characters" rather
 * than a schema message.
 */

const id = z.string().min(1).max(200);
const ids = z.array(id).min(1).max(100_000);
const finite = z.number().finite();
const shortText = z.string().max(100_000);
const longText = z.string().max(1_000_000);
const partialDate = z.string().max(100).nullable();
const attributes = z.record(z.string().max(10_000), z.union([z.string().max(1_000_000), z.number(), z.boolean()]));
const color = z.string().max(100).nullable();
const credibility = z.literal(CREDIBILITY_GRADES);
/** A citation's locator; validate.ts says the same limit in a sentence (LIMITS.locator). */
const locator = z.string().max(1_000).nullable();

const entityFields = {
  type: shortText,
  label: shortText,
  aliases: z.array(shortText).max(10_000),
  description: longText.nullable(),
  startDate: partialDate,
  endDate: partialDate,
  attributes,
  color,
};

export const entityCreateInput = z
  .object({
    type: entityFields.type,
    label: entityFields.label,
    aliases: entityFields.aliases.optional(),
    description: entityFields.description.optional(),
    startDate: partialDate.optional(),
    endDate: partialDate.optional(),
    attributes: attributes.optional(),
    color: color.optional(),
    /** Where to draw it (double-click on the canvas): saved with the entity, in the same step. */
    position: z.object({ chartId: id, x: finite, y: finite }).strict().optional(),
  })
  .strict();
export type EntityCreateInput = z.output<typeof entityCreateInput>;

export const entityChanges = z
  .object({
    type: entityFields.type.optional(),
    label: entityFields.label.optional(),
    aliases: entityFields.aliases.optional(),
    description: entityFields.description.optional(),
    startDate: partialDate.optional(),
    endDate: partialDate.optional(),
    attributes: attributes.optional(),
    color: color.optional(),
  })
  .strict();
export type EntityChanges = z.output<typeof entityChanges>;

export const entityUpdateInput = z.object({ id, changes: entityChanges }).strict();
export type EntityUpdateInput = z.output<typeof entityUpdateInput>;

export const entityIdsInput = z.object({ ids }).strict();
export type EntityIdsInput = z.output<typeof entityIdsInput>;

export const entityBulkUpdateInput = z.object({ ids, type: shortText.optional(), color: color.optional() }).strict();
export type EntityBulkUpdateInput = z.output<typeof entityBulkUpdateInput>;

export const entityAliasInput = z.object({ id, alias: shortText }).strict();
export type EntityAliasInput = z.output<typeof entityAliasInput>;

/**
 * An entity's location: its own coordinates or a place entity (with coordinates of its own), its
 * precision and the citation on the entity that supports it; null removes it. Ranges are checked
 * in validate.ts (`locationIssues`) so the inspector gets a sentence.
 */
const locationPrecision = z.enum(LOCATION_PRECISIONS);
const citationRef = id.nullable().default(null);
export const locationInput = z.union([
  z.object({ latitude: finite, longitude: finite, precision: locationPrecision, citationId: citationRef }).strict(),
  z.object({ placeId: id, precision: locationPrecision, citationId: citationRef }).strict(),
]);
export type LocationInput = z.output<typeof locationInput>;

export const entitySetLocationInput = z.object({ id, location: locationInput.nullable() }).strict();
export type EntitySetLocationInput = z.output<typeof entitySetLocationInput>;

export const entityMergeInput = z.object({ survivorId: id, absorbedId: id }).strict();
export type EntityMergeInput = z.output<typeof entityMergeInput>;

const linkFields = {
  type: shortText,
  sourceId: id,
  targetId: id,
  directed: z.boolean(),
  label: shortText.nullable(),
  description: longText.nullable(),
  startDate: partialDate,
  endDate: partialDate,
  attributes,
  strength: z.enum(LINK_STRENGTHS).nullable(),
};

export const linkCreateInput = z
  .object({
    type: linkFields.type,
    sourceId: id,
    targetId: id,
    directed: linkFields.directed,
    label: linkFields.label.optional(),
    description: linkFields.description.optional(),
    startDate: partialDate.optional(),
    endDate: partialDate.optional(),
    attributes: attributes.optional(),
    strength: linkFields.strength.optional(),
  })
  .strict();
export type LinkCreateInput = z.output<typeof linkCreateInput>;

export const linkChanges = z
  .object({
    type: linkFields.type.optional(),
    sourceId: id.optional(),
    targetId: id.optional(),
    directed: linkFields.directed.optional(),
    label: linkFields.label.optional(),
    description: linkFields.description.optional(),
    startDate: partialDate.optional(),
    endDate: partialDate.optional(),
    attributes: attributes.optional(),
    strength: linkFields.strength.optional(),
  })
  .strict();
export type LinkChanges = z.output<typeof linkChanges>;

export const linkUpdateInput = z.object({ id, changes: linkChanges }).strict();
export type LinkUpdateInput = z.output<typeof linkUpdateInput>;

export const linkIdsInput = z.object({ ids }).strict();
export type LinkIdsInput = z.output<typeof linkIdsInput>;

const sourceFields = {
  title: shortText,
  author: shortText.nullable(),
  publisher: shortText.nullable(),
  publishedDate: partialDate,
  reference: shortText.nullable(),
  reliability: z.enum(RELIABILITY_GRADES),
  /** The document's text; up to 20 MB is checked with a sentence in validate.ts. */
  body: z.string().max(64 * 1024 * 1024).nullable(),
};

export const sourceCreateInput = z
  .object({
    title: sourceFields.title,
    author: sourceFields.author.optional(),
    publisher: sourceFields.publisher.optional(),
    publishedDate: partialDate.optional(),
    reference: sourceFields.reference.optional(),
    reliability: sourceFields.reliability,
    body: sourceFields.body.optional(),
  })
  .strict();
export type SourceCreateInput = z.output<typeof sourceCreateInput>;

export const sourceUpdateInput = z
  .object({
    id,
    changes: z
      .object({
        title: sourceFields.title.optional(),
        author: sourceFields.author.optional(),
        publisher: sourceFields.publisher.optional(),
        publishedDate: partialDate.optional(),
        reference: sourceFields.reference.optional(),
        reliability: sourceFields.reliability.optional(),
        body: sourceFields.body.optional(),
      })
      .strict(),
  })
  .strict();
export type SourceUpdateInput = z.output<typeof sourceUpdateInput>;

export const idInput = z.object({ id }).strict();
export type IdInput = z.output<typeof idInput>;

export const sourceDeleteInput = z
  .object({
    id,
    /** Also delete the citations that quote it, in the same step; without it a quoted source is refused. */
    withCitations: z.boolean().optional(),
  })
  .strict();
export type SourceDeleteInput = z.output<typeof sourceDeleteInput>;

const citationTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entity'), id }).strict(),
  z.object({ kind: z.literal('link'), id }).strict(),
]);

export const citationCreateInput = z
  .object({
    sourceId: id,
    target: citationTarget,
    /** The passage as the analyst selected or pasted it; whitespace may differ from the source text. */
    quote: shortText.optional(),
    /** The selection in the source text (offsets, end exclusive): picks the occurrence when a passage repeats. */
    range: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).strict().optional(),
    credibility,
    comment: shortText.nullable().optional(),
    /** Only for a source without text ("p. 12"); with text, the locator is computed. */
    locator: locator.optional(),
  })
  .strict();
export type CitationCreateInput = z.output<typeof citationCreateInput>;

export const citationUpdateInput = z
  .object({
    id,
    changes: z
      .object({
        credibility: credibility.optional(),
        comment: shortText.nullable().optional(),
        /** The analyst's own words for where the quote stands ("p. 12 of the print edition"); null: none. */
        locator: locator.optional(),
      })
      .strict(),
  })
  .strict();
export type CitationUpdateInput = z.output<typeof citationUpdateInput>;

const noteTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('case') }).strict(),
  z.object({ kind: z.literal('entity'), id }).strict(),
  z.object({ kind: z.literal('link'), id }).strict(),
]);

/** A hard cap well above the 2 MB the analyst is told about (validate.ts says it in a sentence). */
const noteBody = z.string().max(16 * 1024 * 1024);

export const noteCreateInput = z
  .object({ target: noteTarget, body: noteBody, author: shortText.nullable().optional(), credibility: credibility.nullable().optional() })
  .strict();
export type NoteCreateInput = z.output<typeof noteCreateInput>;

export const noteUpdateInput = z
  .object({
    id,
    changes: z.object({ body: noteBody.optional(), author: shortText.nullable().optional(), credibility: credibility.nullable().optional() }).strict(),
  })
  .strict();
export type NoteUpdateInput = z.output<typeof noteUpdateInput>;

export const noteListInput = z
  .undefined()
  .or(z.object({ target: noteTarget.optional(), text: z.string().max(1_000).optional() }).strict());
export type NoteListInput = z.output<typeof noteListInput>;

export const annotationCreateInput = z
  .object({ chartId: id.optional(), entityId: id.nullable().optional(), x: finite, y: finite, text: shortText })
  .strict();
export type AnnotationCreateInput = z.output<typeof annotationCreateInput>;

export const annotationUpdateInput = z
  .object({
    id,
    changes: z.object({ entityId: id.nullable().optional(), x: finite.optional(), y: finite.optional(), text: shortText.optional() }).strict(),
  })
  .strict();
export type AnnotationUpdateInput = z.output<typeof annotationUpdateInput>;

export const annotationListInput = z.undefined().or(z.object({ chartId: id.optional() }).strict());
export type AnnotationListInput = z.output<typeof annotationListInput>;

export const moveNodesInput = z
  .object({
    chartId: id,
    positions: z.array(z.object({ entityId: id, x: finite, y: finite }).strict()).min(1).max(1_000_000),
    /** Why the nodes moved, for the step's name ("Lay out the chart"); absent: a drag. */
    reason: z.enum(['drag', 'layout']).optional(),
  })
  .strict();
export type MoveNodesInput = z.output<typeof moveNodesInput>;

export const searchInput = z
  .object({
    text: z.string().max(1_000),
    limit: z.number().int().min(1).max(500).optional(),
    kinds: z.array(z.enum(['entity', 'link', 'note', 'citation', 'annotation'])).min(1).max(5).optional(),
  })
  .strict();
export type SearchInput = z.output<typeof searchInput>;

export const mergesInput = z.undefined().or(z.object({ entityId: id.optional() }).strict());
export type MergesInput = z.output<typeof mergesInput>;
