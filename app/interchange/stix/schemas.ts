import { z } from 'zod';

/**
 * Validation of STIX 2.1 input: the required properties and formats of the objects we read, written
 * by hand from the STIX 2.1 specification (identifier and timestamp patterns, per-type required
 * properties, the location and opinion constraints). Custom properties pass through.
 */

/**
 * STIX 2.1 (section 2.9) takes any RFC 4122 UUID: the version nibble is not restricted (UUIDv7 from
 * MISP, v6/v8 from RFC 9562 producers), only the variant bits (10xx) are.
 */
export const IDENTIFIER = /^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
export const TIMESTAMP = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$/;

const identifier = z.string().regex(IDENTIFIER, 'not a STIX identifier (type--UUID)');
const timestamp = z.string().regex(TIMESTAMP, 'not a STIX timestamp (YYYY-MM-DDThh:mm:ss[.s+]Z)');
const text = z.string();
const identifierOf = (type: string) => identifier.refine((v) => v.startsWith(`${type}--`), `must be a ${type} identifier`);

const externalReference = z
  .object({ source_name: text, description: text.optional(), url: text.optional(), external_id: text.optional() })
  .passthrough();

const granularMarking = z.object({ selectors: z.array(text).min(1) }).passthrough();

/** Common properties of every SDO and SRO. `lenient` reads STIX 2.0 objects (no spec_version). */
function core(type: string, lenient: boolean) {
  return z
    .object({
      type: z.literal(type),
      spec_version: lenient ? z.enum(['2.0', '2.1']).optional() : z.literal('2.1'),
      id: identifierOf(type),
      created: timestamp,
      modified: timestamp,
      created_by_ref: identifier.optional(),
      revoked: z.boolean().optional(),
      labels: z.array(text).min(1).optional(),
      confidence: z.number().int().min(0).max(100).optional(),
      lang: text.optional(),
      external_references: z.array(externalReference).min(1).optional(),
      object_marking_refs: z.array(identifier).min(1).optional(),
      granular_markings: z.array(granularMarking).min(1).optional(),
    })
    .passthrough();
}

const named = (type: string, lenient: boolean) => core(type, lenient).extend({ name: text.min(1) });

function objectSchema(type: string, lenient: boolean): z.ZodType | undefined {
  switch (type) {
    case 'threat-actor':
    case 'intrusion-set':
    case 'campaign':
    case 'identity':
    case 'tool':
    case 'attack-pattern':
    case 'vulnerability':
    case 'course-of-action':
    case 'infrastructure':
    case 'incident':
      return named(type, lenient);
    case 'malware':
      return core(type, lenient).extend({ is_family: lenient ? z.boolean().optional() : z.boolean(), name: text.optional() });
    case 'indicator':
      return core(type, lenient).extend({ pattern: text, pattern_type: lenient ? text.optional() : text, valid_from: timestamp });
    case 'location':
      return core(type, lenient)
        .extend({ latitude: z.number().min(-90).max(90).optional(), longitude: z.number().min(-180).max(180).optional(), region: text.optional(), country: text.optional() })
        .refine((v) => v.region !== undefined || v.country !== undefined || (v.latitude !== undefined && v.longitude !== undefined), 'a location needs a region, a country, or a latitude and a longitude')
        .refine((v) => (v.latitude === undefined) === (v.longitude === undefined), 'latitude and longitude go together');
    case 'report':
      return named(type, lenient).extend({ published: timestamp, object_refs: z.array(identifier).min(1) });
    case 'grouping':
      return core(type, lenient).extend({ context: text, object_refs: z.array(identifier).min(1) });
    case 'note':
      return core(type, lenient).extend({ content: text, object_refs: z.array(identifier).min(1), abstract: text.optional(), authors: z.array(text).optional() });
    case 'opinion':
      return core(type, lenient).extend({
        opinion: z.enum(['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree']),
        object_refs: z.array(identifier).min(1),
        explanation: text.optional(),
      });
    case 'observed-data':
      return core(type, lenient).extend({ first_observed: timestamp, last_observed: timestamp, number_observed: z.number().int().min(1) });
    case 'malware-analysis':
      return core(type, lenient).extend({ product: text });
    case 'relationship':
      return core(type, lenient).extend({
        relationship_type: z.string().regex(/^[a-z0-9-]+$/, 'relationship types are lower-case words joined by hyphens'),
        source_ref: identifier,
        target_ref: identifier,
        start_time: timestamp.optional(),
        stop_time: timestamp.optional(),
      });
    case 'sighting':
      return core(type, lenient).extend({ sighting_of_ref: identifier, where_sighted_refs: z.array(identifier).min(1).optional() });
    case 'marking-definition':
      return z
        .object({
          type: z.literal('marking-definition'),
          spec_version: lenient ? z.enum(['2.0', '2.1']).optional() : z.literal('2.1'),
          id: identifierOf('marking-definition'),
          created: timestamp,
          name: text.optional(),
          definition_type: text.optional(),
          definition: z.record(z.string(), z.unknown()).optional(),
          extensions: z.record(z.string(), z.unknown()).optional(),
        })
        .passthrough()
        .refine((v) => (v.definition_type !== undefined && v.definition !== undefined) || v.extensions !== undefined, 'a marking definition needs a definition or an extension');
    default:
      return undefined;
  }
}

const scoSchema = z
  .object({ type: z.string().regex(/^[a-z0-9-]+$/), id: identifier })
  .passthrough()
  .refine((v) => v.id.startsWith(`${v.type}--`), 'the id must start with the object type');

const anyObject = z
  .object({ type: z.string().min(3).max(250).regex(/^-?[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*-?$/, 'not a STIX type name'), id: identifier })
  .passthrough();

export type StixObject = Record<string, unknown> & { type: string; id: string };

const schemaCache = new Map<string, z.ZodType | undefined>();

/** Validates one object; returns a sentence naming the first property at fault, or null when valid. */
export function validateStixObject(value: unknown, lenient: boolean, sco: boolean): string | null {
  const base = anyObject.safeParse(value);
  if (!base.success) return describe(base.error);
  const cacheKey = `${base.data.type}/${lenient}`;
  if (!schemaCache.has(cacheKey)) schemaCache.set(cacheKey, objectSchema(base.data.type, lenient));
  const schema = schemaCache.get(cacheKey) ?? (sco ? scoSchema : undefined);
  if (!schema) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? null : describe(parsed.error);
}

/** The first few problems (an object missing `created` usually misses `modified` too: say both). */
function describe(error: z.ZodError): string {
  if (error.issues.length === 0) return 'invalid';
  const said = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the object';
    return issue.code === 'invalid_type' && /received undefined$/.test(issue.message) ? `${where} is missing` : `${where}: ${issue.message}`;
  });
  return error.issues.length > 3 ? `${said.join('; ')}; and ${error.issues.length - 3} more` : said.join('; ');
}
